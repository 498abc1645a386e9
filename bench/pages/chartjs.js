// Chart.js: the same doughnut, no animation, legend and tooltips on (its defaults).
benchData(function (data) {
  var canvas = document.getElementById('chart');
  var chart = new Chart(canvas, {
    type: data.kind === 'donut' ? 'doughnut' : 'pie',
    data: {
      labels: data.labels,
      datasets: [{ data: data.values, backgroundColor: BENCH_PALETTE }],
    },
    options: { responsive: false, animation: false, devicePixelRatio: 1 },
  });
  var arc = chart.getDatasetMeta(0).data[0];
  var rect = canvas.getBoundingClientRect();
  benchDrawn(data.kind + ':' + canvas.width + 'x' + canvas.height + ':' + data.values.length,
    { x: rect.left + arc.x, y: rect.top + arc.y, r0: arc.innerRadius, r1: arc.outerRadius });
  window.chart = chart;
});

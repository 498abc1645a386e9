// Chart.js: the same doughnut, no animation, legend and tooltips on (its defaults). With
// ?animation=default, Chart.js's default animations stay on (hover and tooltip transitions: how
// issue 8 measured its 4.9 ms a pointer move), and the chart counts as drawn once its entry
// animation has ended, so a pointer sweep measures moves, not the entry.
var ANIMATED = new URLSearchParams(location.search).get('animation') === 'default';
benchData(function (data) {
  var canvas = document.getElementById('chart');
  var chart = new Chart(canvas, {
    type: data.kind === 'donut' ? 'doughnut' : 'pie',
    data: {
      labels: data.labels,
      datasets: [{ data: data.values, backgroundColor: BENCH_PALETTE }],
    },
    options: {
      responsive: false,
      devicePixelRatio: 1,
      animation: ANIMATED ? { onComplete: function () { if (!window.__bench.drawn) drawn(); } } : false,
    },
  });
  function drawn() {
    var arc = chart.getDatasetMeta(0).data[0];
    var rect = canvas.getBoundingClientRect();
    benchDrawn(data.kind + ':' + canvas.width + 'x' + canvas.height + ':' + data.values.length,
      { x: rect.left + arc.x, y: rect.top + arc.y, r0: arc.innerRadius, r1: arc.outerRadius });
  }
  if (!ANIMATED) drawn();
  window.chart = chart;
});

// ECharts: the same doughnut on its canvas renderer, no animation, legend and tooltips on.
// setOption draws synchronously (it flushes zrender before returning).
benchData(function (data) {
  var box = document.getElementById('chart');
  var chart = echarts.init(box, null, { renderer: 'canvas', devicePixelRatio: 1, width: 640, height: 480 });
  chart.setOption({
    animation: false,
    color: BENCH_PALETTE,
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', top: 0 },
    series: [{
      type: 'pie',
      radius: data.kind === 'donut' ? ['35%', '62%'] : '62%',
      center: ['50%', '55%'],
      data: data.labels.map(function (name, i) { return { name: name, value: data.values[i] }; }),
    }],
  });
  var layout = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(0);
  var rect = box.getBoundingClientRect();
  benchDrawn(data.kind + ':640x480:' + data.values.length,
    { x: rect.left + layout.cx, y: rect.top + layout.cy, r0: layout.r0, r1: layout.r });
  window.chart = chart;
});

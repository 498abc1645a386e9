// The data for the Chart.js and ECharts pages (a classic script, like the libraries): the
// overview donut of <sector-chart>'s built-in data, or with ?src=URL an editor's dataset (the
// same JSON file <sector-chart src=> gets), read into labels and values. Also the palette of
// src/theme.rs, so that all three draw the same colours.
(function () {
  var params = new URLSearchParams(location.search);
  var OVERVIEW = {
    kind: 'donut',
    labels: ['Manufacturing', 'Services', 'Agricultural products', 'Consumer goods', 'Food and drugs',
      'Small and medium enterprises', 'Construction projects', 'Import and export goods', 'Public services'],
    values: [231, 141, 232, 198, 207, 194, 216, 163, 190],
  };
  window.BENCH_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442',
    '#332288', '#999999', '#882255'];
  window.__bench = { drawn: null, frame: null, marker: null, ring: null };

  /** Calls `draw({kind, labels, values})`: synchronously for the built-in data. */
  window.benchData = function (draw) {
    var src = params.get('src');
    if (!src) return draw(OVERVIEW);
    fetch(src).then(function (r) { return r.text(); }).then(function (text) {
      var dataset = JSON.parse(text);
      var sector = dataset.sectors[0];
      var chart = sector.charts[0];
      var byId = new Map(sector.indicators.map(function (i) { return [i.id, i]; }));
      var slices = chart.slices.map(function (s) { return byId.get(s.indicator); });
      draw({
        kind: chart.kind,
        labels: slices.map(function (i) { return i.label.en; }),
        values: slices.map(function (i) { return i.value; }),
      });
    });
  };

  /** Marks the chart as drawn (called right after the library's synchronous draw). */
  window.benchDrawn = function (marker, ring) {
    window.__bench.drawn = performance.now();
    window.__bench.marker = marker;
    window.__bench.ring = ring;
    requestAnimationFrame(function () { window.__bench.frame = performance.now(); });
  };
})();

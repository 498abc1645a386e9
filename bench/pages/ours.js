// Records when <sector-chart> first draws its chart: the widget sets canvas[data-drawn] (e.g.
// "donut:640x480:9") after every draw. ours.html has the tag in its markup; ours-src.html?src=URL
// gets one made here with src= and sector= (the editor's own data).
import './embed.js';

const params = new URLSearchParams(location.search);
let element = document.querySelector('sector-chart');
if (!element) {
  element = document.createElement('sector-chart');
  element.setAttribute('lang', 'en');
  element.setAttribute('height', '480');
  element.setAttribute('src', params.get('src'));
  // A dataset's own sectors are shown by id; without one the tag shows the overview.
  if (params.has('sector')) element.setAttribute('sector', params.get('sector'));
  document.getElementById('box').append(element);
}
const want = params.get('kind') ?? element.getAttribute('kind') ?? 'pie';

window.__bench = { drawn: null, frame: null, marker: null, ring: null };

function drawnNow(canvas) {
  const marker = canvas.getAttribute('data-drawn') ?? '';
  if (window.__bench.drawn !== null || !marker.startsWith(want)) return false;
  window.__bench.drawn = performance.now();
  window.__bench.marker = marker;
  requestAnimationFrame(() => { window.__bench.frame = performance.now(); });
  return true;
}

const observer = new MutationObserver((records) => {
  for (const record of records) {
    if (record.target.localName === 'canvas' && drawnNow(record.target)) {
      observer.disconnect();
      return;
    }
  }
});
observer.observe(element.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
// This module runs after embed.js and may arrive after the wasm did (a slow fetch of this file
// on a loaded machine): the chart can already be drawn. Then the time is when this ran, a
// little late, and `late` says so; without this check the page waited forever.
const early = element.shadowRoot.querySelector('canvas[data-drawn]');
if (early && drawnNow(early)) {
  observer.disconnect();
  window.__bench.late = true;
}

/**
 * The ring of the drawn pie or donut in client coordinates, found by hit-testing along three
 * lines (a row, a column through its centre, the row again): synthetic pointermoves, reading
 * which slice the widget says is hovered. Run once per page before measuring; each move may
 * redraw, so a grid would take minutes on 10,000 slices.
 */
window.__benchRing = (step = 3) => {
  const canvas = element.shadowRoot.querySelector('canvas');
  const rect = canvas.getBoundingClientRect();
  const hovered = (x, y) => {
    canvas.dispatchEvent(new PointerEvent('pointermove', {
      clientX: x, clientY: y, pointerType: 'mouse', bubbles: true, composed: true,
    }));
    return element.state?.hover != null;
  };
  // The runs of hovered points along a line: [[from, to], ...].
  const runs = (from, to, at) => {
    const found = [];
    for (let t = from; t <= to; t += step) {
      if (!at(t)) continue;
      const last = found.at(-1);
      if (last && t - last[1] <= step) last[1] = t; else found.push([t, t]);
    }
    return found;
  };
  const widest = (found) => [found[0][0], found.at(-1)[1]];
  let row = runs(rect.left, rect.right, (x) => hovered(x, rect.top + rect.height / 2));
  const [x0, x1] = widest(row);
  const x = (x0 + x1) / 2;
  const column = runs(rect.top, rect.bottom, (y) => hovered(x, y));
  const [y0, y1] = widest(column);
  const y = (y0 + y1) / 2;
  row = runs(rect.left, rect.right, (t) => hovered(t, y));
  const [a0, a1] = widest(row);
  canvas.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
  // A donut's hole splits the row in two runs: the gap between them is its diameter.
  const hole = row.length >= 2 ? (row.at(-1)[0] - row[0][1]) / 2 : 0;
  return { x: (a0 + a1) / 2, y, r0: hole, r1: ((a1 - a0) + (y1 - y0)) / 4 };
};

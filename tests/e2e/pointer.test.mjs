// Pointer moves over the explorer's chart do only the work they must: a move within the hovered
// slice writes nothing to the page and draws nothing; a move to another slice draws the chart
// once (docs/performance.md: a full redraw costs no more than redrawing the changed regions
// did), and leaves exactly the picture a fresh draw gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, startServer, newPage, waitExplorer, state, slicePoints, tooltip, assertClean } from './helpers.mjs';

let browser;
let site;

before(async () => {
  [browser, site] = await Promise.all([launch(), startServer()]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Counts the chart canvas's drawing calls, and the area each clearRect clears. */
function countCanvasCalls() {
  window.canvasCalls = { draws: 0, cleared: [] };
  const proto = CanvasRenderingContext2D.prototype;
  const isChart = (context) => context.canvas.classList.contains('sc-canvas');
  for (const name of ['fill', 'stroke', 'fillText', 'fillRect', 'strokeRect', 'drawImage']) {
    const original = proto[name];
    proto[name] = function counted(...args) {
      if (isChart(this)) window.canvasCalls.draws += 1;
      return original.apply(this, args);
    };
  }
  const clearRect = proto.clearRect;
  proto.clearRect = function counted(x, y, w, h) {
    if (isChart(this)) window.canvasCalls.cleared.push(w * h);
    return clearRect.call(this, x, y, w, h);
  };
}

async function openCounted(hash = '') {
  const opened = await newPage(browser);
  await opened.context.addInitScript(countCanvasCalls);
  await opened.page.goto(`${site.origin}/${hash ? `#${hash}` : ''}`);
  await waitExplorer(opened.page);
  return opened;
}

const frames = (page) => page.evaluate(() => new Promise((done) => {
  requestAnimationFrame(() => requestAnimationFrame(done));
}));

const resetCalls = (page) => page.evaluate(() => { window.canvasCalls = { draws: 0, cleared: [] }; });

const canvasArea = (page) => page.evaluate(() => {
  const canvas = document.querySelector('canvas.sc-canvas');
  return canvas.width * canvas.height;
});

async function hover(page, point, index) {
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction((i) => window.explorer.state().hover === i, Number(index));
}

test('moving within the hovered slice writes nothing to the page and draws nothing', async () => {
  const { context, page, log } = await openCounted();
  try {
    const points = await slicePoints(page);
    const [index, point] = Object.entries(points)[0];
    await hover(page, point, index);
    await frames(page);
    await page.evaluate(() => {
      window.mutations = 0;
      new MutationObserver((records) => { window.mutations += records.length; })
        .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await resetCalls(page);
    for (const [dx, dy] of [[2, 0], [2, 2], [0, 3], [-2, 2], [-3, 0], [-2, -2], [0, -3], [1, 1]]) {
      await page.mouse.move(point.x + dx, point.y + dy);
    }
    await frames(page);
    assert.equal((await state(page)).hover, Number(index), 'still hovering the same slice');
    assert.equal(await page.evaluate(() => window.mutations), 0, 'no DOM or attribute writes');
    assert.deepEqual(await page.evaluate(() => window.canvasCalls), { draws: 0, cleared: [] }, 'no canvas drawing');
    assert.ok((await tooltip(page)).visible, 'the tooltip is still shown');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('moving to another slice draws the chart once, the same picture as a fresh draw', async () => {
  const { context, page, log } = await openCounted();
  try {
    const area = await canvasArea(page);
    const points = await slicePoints(page);
    // The pixels stay in the page: shipping two copies of the canvas to Node for every check
    // made this test take minutes.
    const keepPixels = () => page.evaluate(() => {
      const canvas = document.querySelector('canvas.sc-canvas');
      window.keptPixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    });
    const differingFromKept = () => page.evaluate(() => {
      const canvas = document.querySelector('canvas.sc-canvas');
      const now = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const kept = window.keptPixels;
      if (kept.length !== now.length) return { sizes: [kept.length, now.length] };
      let differing = 0;
      for (let i = 0; i < now.length; i += 1) if (kept[i] !== now[i]) differing += 1;
      return { differing };
    });
    // What the canvas shows after a step, then drawn again from scratch (the widget does that
    // when a lost canvas comes back): both must be the same, pixel for pixel.
    const checkAgainstFull = async (what) => {
      await frames(page);
      await keepPixels();
      await resetCalls(page);
      await page.evaluate(() => document.querySelector('canvas.sc-canvas').dispatchEvent(new Event('contextrestored')));
      const calls = await page.evaluate(() => window.canvasCalls);
      assert.ok(calls.cleared.includes(area), `${what}: the check drew the whole canvas again`);
      assert.deepEqual(await differingFromKept(), { differing: 0 },
        `${what}: the canvas differs from a fresh draw`);
    };
    const entries = Object.entries(points);
    assert.ok(entries.length >= 5, 'five slices or more to move between');
    for (const [index, point] of entries) {
      await resetCalls(page);
      await hover(page, point, index);
      const { cleared, draws } = await page.evaluate(() => window.canvasCalls);
      assert.ok(draws > 0, `slice ${index}: redrawn`);
      assert.deepEqual(cleared, [area], `slice ${index}: the canvas is cleared once, whole, and drawn once`);
      await checkAgainstFull(`hover on slice ${index}`);
    }
    // A selection dims every other slice; the keyboard's focus ring is the widest stroke. On
    // a sector's chart, where a click selects (on the overview it opens the sector).
    await page.evaluate(() => { location.hash = 'sector=smes&chart=patents&lang=en'; });
    await page.waitForFunction(() => /^donut:/.test(document.querySelector('canvas.sc-canvas').dataset.drawn));
    const [index, point] = Object.entries(await slicePoints(page))[1];
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((i) => window.explorer.state().selected === i, Number(index));
    await checkAgainstFull('a selection');
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => window.explorer.state().hover === null);
    await checkAgainstFull('leaving the canvas');
    await page.focus('.sc-figure');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.explorer.state().focus !== null);
    await checkAgainstFull('keyboard focus');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

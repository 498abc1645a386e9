// Motion that explains a change: a change of kind or of the hidden slices moves from the old
// picture to the new and ends in exactly the picture drawn without motion (motion="off" beside
// it); input during a change is taken at once; under prefers-reduced-motion nothing moves;
// another chart fades in.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HERE, WWW, newPage, assertClean, browserAndSite } from './helpers.mjs';

const env = browserAndSite({ roots: [WWW, HERE] });

const MOVING = { reducedMotion: 'no-preference' };

/** Opens the page with both widgets drawn and at rest. */
async function openPage(options) {
  const opened = await newPage(env.browser, { ...options, viewport: { width: 800, height: 1400 } });
  await opened.page.goto(`${env.site.origin}/pages/motion.html`);
  await opened.page.waitForFunction(() => ['moving', 'still'].every((id) => {
    const canvas = document.getElementById(id)?.shadowRoot?.querySelector('canvas.sc-canvas');
    return canvas?.dataset.drawn && !canvas.hasAttribute('data-moving');
  }));
  return opened;
}

/** Clicks a toolbar or legend button of one widget, by its text. */
async function press(page, id, text) {
  await page.locator(`#${id}`).locator('button', { hasText: text }).first().click();
}

/**
 * Starts recording the widget's canvas on every animation frame: whether it is marked as
 * moving, and how many pixels carry ink. `stopRecording` returns the frames.
 */
function startRecording(page, id) {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id).shadowRoot.querySelector('canvas.sc-canvas');
    const context = canvas.getContext('2d');
    window.frames_ = [];
    const sample = () => {
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink += 1;
      window.frames_.push({ moving: canvas.hasAttribute('data-moving'), ink });
      if (window.recording_) requestAnimationFrame(sample);
    };
    window.recording_ = true;
    sample();
  }, id);
}

async function stopRecording(page) {
  return page.evaluate(() => {
    window.recording_ = false;
    return window.frames_;
  });
}

/** Waits until the widget's canvas is at rest. */
function settled(page, id) {
  return page.waitForFunction((id) => {
    const canvas = document.getElementById(id).shadowRoot.querySelector('canvas.sc-canvas');
    return !canvas.hasAttribute('data-moving');
  }, id);
}

/** How many pixels differ between the two widgets' canvases (and their sizes). */
function difference(page) {
  return page.evaluate(() => {
    const [a, b] = ['moving', 'still'].map((id) => document.getElementById(id).shadowRoot.querySelector('canvas.sc-canvas'));
    if (a.width !== b.width || a.height !== b.height) return { sizes: [a.width, a.height, b.width, b.height], pixels: -1 };
    const da = a.getContext('2d').getImageData(0, 0, a.width, a.height).data;
    const db = b.getContext('2d').getImageData(0, 0, b.width, b.height).data;
    let pixels = 0;
    for (let i = 0; i < da.length; i += 4) {
      if (da[i] !== db[i] || da[i + 1] !== db[i + 1] || da[i + 2] !== db[i + 2] || da[i + 3] !== db[i + 3]) pixels += 1;
    }
    return { sizes: [a.width, a.height], pixels };
  });
}

test('a pie opens into a donut through frames of its own, and ends in exactly the still picture', async () => {
  const { context, page, log } = await openPage(MOVING);
  try {
    await startRecording(page, 'moving');
    await press(page, 'moving', 'Donut');
    await press(page, 'still', 'Donut');
    await settled(page, 'moving');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const frames = await stopRecording(page);
    const moving = frames.filter((f) => f.moving);
    assert.ok(moving.length >= 3, `the change is drawn over several frames (${moving.length} marked as moving)`);
    const start = frames[0].ink;
    const end = frames[frames.length - 1].ink;
    assert.ok(end < start, 'a donut has less ink than the pie it came from');
    assert.ok(moving.some((f) => f.ink < start - 100 && f.ink > end + 100),
      `some frame lies between the pie (${start}) and the donut (${end}): ${moving.map((f) => f.ink).join(', ')}`);
    // No replay of the entry sweep: the picture never starts again from nothing (the labels
    // step aside while the slices move, so a frame may hold a little less ink than the end).
    assert.ok(Math.min(...frames.map((f) => f.ink)) >= 0.8 * end, `no frame is much emptier than the donut: ${frames.map((f) => f.ink).join(', ')}`);
    const diff = await difference(page);
    assert.equal(diff.pixels, 0, `the last frame is the picture drawn without motion (${JSON.stringify(diff)})`);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test('a slice hidden during a change is taken at once, and the change ends where the still chart is', async () => {
  const { context, page, log } = await openPage(MOVING);
  try {
    await press(page, 'moving', 'Bar');
    const during = await page.evaluate(() => document.getElementById('moving').shadowRoot
      .querySelector('canvas.sc-canvas').hasAttribute('data-moving'));
    await press(page, 'moving', 'Invention patents');
    const hidden = await page.evaluate(() => document.getElementById('moving').state.hidden);
    assert.ok(during, 'the bars were still growing when the slice was hidden');
    assert.deepEqual(hidden, [0], 'the click during the change hid the slice at once');
    await press(page, 'still', 'Bar');
    await press(page, 'still', 'Invention patents');
    await settled(page, 'moving');
    const diff = await difference(page);
    assert.equal(diff.pixels, 0, `after the change: the same picture as without motion (${JSON.stringify(diff)})`);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test('under prefers-reduced-motion a change draws no frame between the two pictures', async () => {
  const { context, page, log } = await openPage({ reducedMotion: 'reduce' });
  try {
    await startRecording(page, 'moving');
    await press(page, 'moving', 'Donut');
    await press(page, 'still', 'Donut');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const frames = await stopRecording(page);
    assert.deepEqual(frames.filter((f) => f.moving), [], 'no frame was marked as moving');
    assert.equal(new Set(frames.map((f) => f.ink)).size, 2, `only the pie and the donut were seen: ${frames.map((f) => f.ink).join(', ')}`);
    assert.equal((await difference(page)).pixels, 0);
    // Another chart appears without a fade.
    await press(page, 'moving', 'Share of sales');
    const fades = await page.evaluate(() => document.getElementById('moving').shadowRoot
      .querySelector('canvas.sc-canvas').getAnimations().length);
    assert.equal(fades, 0, 'no fade under reduced motion');
    assertClean(log);
  } finally {
    await context.close();
  }
});

test('motion="off" never moves; another chart fades in; an attribute change moves like a click', async () => {
  const { context, page, log } = await openPage(MOVING);
  try {
    await startRecording(page, 'still');
    await press(page, 'still', 'Donut');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual((await stopRecording(page)).filter((f) => f.moving), [], 'motion="off": no moving frame');

    await press(page, 'moving', 'Share of sales');
    const fading = await page.evaluate(() => document.getElementById('moving').shadowRoot
      .querySelector('canvas.sc-canvas').getAnimations().map((a) => a.animationName));
    assert.equal(fading.length, 1, 'another chart fades in');
    assert.match(fading[0], /^sc-fade-[ab]$/);

    await press(page, 'moving', 'Valid patents');
    await settled(page, 'moving');
    await startRecording(page, 'moving');
    await page.evaluate(() => document.getElementById('moving').setAttribute('kind', 'donut'));
    await page.waitForFunction(() => document.getElementById('moving').state?.kind === 'donut');
    await settled(page, 'moving');
    const frames = await stopRecording(page);
    const start = frames[0].ink;
    assert.ok(frames.some((f) => f.moving), 'the attribute change is animated');
    assert.ok(Math.min(...frames.map((f) => f.ink)) > start * 0.5, 'from the pie on screen, not from nothing');
    assertClean(log);
  } finally {
    await context.close();
  }
});

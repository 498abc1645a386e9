// The picture does not change by accident: the explorer's canvas, drawn in a handful of views,
// compared pixel by pixel with reference images in tests/e2e/reference/. A pixel differs when
// one of its channels (alpha included) is off by more than CHANNEL_TOLERANCE; a view passes
// when at most its `tolerance` share of pixels differs (rounder rims, antialiasing). The diff
// of each view is written to tests/e2e/output/reference/ (differing pixels red on a pale copy).
//
// REFERENCE_UPDATE=1 writes the current renders as the new references: do that only on purpose,
// after looking at the diffs, and say why in the commit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launch, startServer, openExplorer, assertClean, slicePoints, HERE } from './helpers.mjs';

const REFERENCES = join(HERE, 'reference');
const OUTPUT = join(HERE, 'output', 'reference');
const UPDATE = process.env.REFERENCE_UPDATE === '1';
/** A channel may be off by this much (of 255) before its pixel counts as different. */
const CHANNEL_TOLERANCE = 40;

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/**
 * The views: a name, the explorer's deep link, browser options, what to do before reading the
 * canvas, and the share of pixels that may differ (rims and slice edges are redrawn rounder).
 */
const VIEWS = [
  { name: 'overview-pie-en', hash: 'lang=en', tolerance: 0.02 },
  { name: 'overview-donut-labels-en', hash: 'kind=donut&lang=en', tolerance: 0.02 },
  { name: 'bar-en', hash: 'sector=agriculture&chart=standards-work&lang=en', tolerance: 0.01 },
  { name: 'donut-dark-en', hash: 'sector=smes&chart=patents&lang=en', options: { colorScheme: 'dark' }, tolerance: 0.02 },
  { name: 'overview-pie-zh-phone', hash: 'lang=zh', options: PHONE, tolerance: 0.02 },
  { name: 'donut-zh-dpr2', hash: 'sector=public-services&chart=market-entities&lang=zh', options: { deviceScaleFactor: 2 }, tolerance: 0.02 },
  { name: 'overview-pie-hover-selected-en', hash: 'lang=en&selected=3', hover: 1, tolerance: 0.02 },
];

let browser;
let site;

before(async () => {
  [browser, site] = await Promise.all([launch(), startServer()]);
  await mkdir(OUTPUT, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The explorer canvas's pixels as a PNG (base64), once fonts are in and two frames drawn. */
async function canvasPng(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => document.querySelector('canvas.sc-canvas').toDataURL('image/png').split(',')[1]);
}

/**
 * Compares two PNGs (base64) in the page: their sizes, how many pixels differ, and a diff PNG.
 */
function compare(page, actual, expected) {
  return page.evaluate(async ({ actual, expected, channel }) => {
    const pixels = async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return { width: canvas.width, height: canvas.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
    };
    const [a, b] = await Promise.all([pixels(actual), pixels(expected)]);
    if (a.width !== b.width || a.height !== b.height) {
      return { sizes: [`${a.width}x${a.height}`, `${b.width}x${b.height}`] };
    }
    const diff = document.createElement('canvas');
    diff.width = a.width;
    diff.height = a.height;
    const context = diff.getContext('2d');
    const out = context.createImageData(a.width, a.height);
    let differing = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      let off = 0;
      for (let c = 0; c < 4; c += 1) off = Math.max(off, Math.abs(a.data[i + c] - b.data[i + c]));
      if (off > channel) {
        differing += 1;
        out.data.set([255, 0, 0, 255], i);
      } else {
        // A pale copy of the expected picture, so the red reads in place.
        const alpha = b.data[i + 3] / 255;
        for (let c = 0; c < 3; c += 1) out.data[i + c] = 255 - (255 - b.data[i + c]) * alpha * 0.25;
        out.data[i + 3] = 255;
      }
    }
    context.putImageData(out, 0, 0);
    return { differing, pixels: a.data.length / 4, diff: diff.toDataURL('image/png').split(',')[1] };
  }, { actual, expected, channel: CHANNEL_TOLERANCE });
}

for (const view of VIEWS) {
  test(`the ${view.name} view draws the reference picture`, async () => {
    const { context, page, log } = await openExplorer(browser, site.origin, view.hash, view.options ?? {});
    try {
      if (view.hover !== undefined) {
        const points = await slicePoints(page);
        const point = points[view.hover];
        assert.ok(point, `slice ${view.hover} has a point to hover`);
        await page.mouse.move(point.x, point.y);
        await page.waitForFunction((i) => window.explorer.state().hover === i, view.hover);
      }
      const actual = await canvasPng(page);
      await writeFile(join(OUTPUT, `${view.name}.png`), Buffer.from(actual, 'base64'));
      const file = join(REFERENCES, `${view.name}.png`);
      if (UPDATE) {
        await mkdir(REFERENCES, { recursive: true });
        await writeFile(file, Buffer.from(actual, 'base64'));
        return;
      }
      const expected = (await readFile(file)).toString('base64');
      const result = await compare(page, actual, expected);
      assert.equal(result.sizes, undefined, `${view.name}: the canvas has the reference's size (${result.sizes})`);
      await writeFile(join(OUTPUT, `${view.name}-diff.png`), Buffer.from(result.diff, 'base64'));
      const share = result.differing / result.pixels;
      console.log(`# ${view.name}: ${result.differing} of ${result.pixels} pixels differ (${(share * 100).toFixed(2)} %, at most ${(view.tolerance * 100).toFixed(2)} %)`);
      assert.ok(share <= view.tolerance,
        `${view.name}: ${result.differing} of ${result.pixels} pixels differ from the reference (see ${OUTPUT})`);
      assertClean(log, view.name);
    } finally {
      await context.close();
    }
  });
}

// devicePixelRatio changing under a live chart: browser zoom, as Chromium does it (200 % zoom
// doubles the ratio and halves the CSS viewport). The backing store follows, with no reload.
// (Headless emulation changes the ratio without dispatching the media-query `change` event that
// a move to another screen fires, so that path, listeners.rs's PixelRatioWatch, is not driven
// here.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { launch, startServer, openExplorer, assertClean } from './helpers.mjs';

let browser;
let site;

before(async () => {
  browser = await launch();
  site = await startServer();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const backingStore = (page) => page.evaluate(() => {
  const canvas = document.querySelector('canvas.sc-canvas');
  const rect = canvas.getBoundingClientRect();
  return { dpr: devicePixelRatio, width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height, drawn: canvas.dataset.drawn };
});

test('zooming the page redraws the canvas sharp at the new devicePixelRatio', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&lang=en', { deviceScaleFactor: 1 });
  try {
    const first = await backingStore(page);
    assert.equal(first.width, Math.round(first.cssWidth), JSON.stringify(first));
    const cdp = await context.newCDPSession(page);
    const viewport = page.viewportSize();
    for (const ratio of [2, 1.5, 1]) {
      const zoomed = { width: Math.round(viewport.width / ratio), height: Math.round(viewport.height / ratio) };
      await cdp.send('Emulation.setDeviceMetricsOverride', { ...zoomed, deviceScaleFactor: ratio, mobile: false });
      await page.waitForFunction((r) => {
        const canvas = document.querySelector('canvas.sc-canvas');
        const rect = canvas.getBoundingClientRect();
        return devicePixelRatio === r && canvas.width === Math.round(rect.width * r)
          && canvas.dataset.drawn.includes(`:${canvas.width}x${canvas.height}:`);
      }, ratio, { timeout: 5000 });
      const now = await backingStore(page);
      assert.equal(now.height, Math.round(now.cssHeight * ratio), `height at ${ratio}x: ${JSON.stringify(now)}`);
    }
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

// An embedded <sector-chart> away from the page's corner, as in any article: its tooltip stands
// next to the pointer and is not cut at the widget's edge; and a selected slice's labels, drawn
// bold where that fits, stay inside the canvas.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HERE, WWW, PHONE, newPage, openExplorer, slicePoints, assertClean, browserAndSite } from './helpers.mjs';

const env = browserAndSite({ roots: [WWW, HERE] });

/** The article at `width`: on a narrow one the widget's box is small and tooltips reach past it. */
async function openEmbed(width = 1000) {
  const opened = await newPage(env.browser, { viewport: { width, height: 900 } });
  await opened.page.goto(`${env.site.origin}/pages/embed.html`);
  await opened.page.waitForFunction(() => ['builtin-zh', 'builtin-en'].every((id) => document
    .getElementById(id)?.shadowRoot?.querySelector('canvas.sc-canvas')?.dataset.drawn));
  return opened;
}

test('the tooltip of an embedded chart stands next to the pointer, whole', async () => {
  const { context, page, log } = await openEmbed(520);
  try {
    const points = await slicePoints(page, '#builtin-zh');
    // The slice furthest right: its tooltip reaches past the widget's right edge.
    const { x, y } = Object.values(points).reduce((a, b) => (b.x > a.x ? b : a));
    await page.mouse.move(x - 2, y - 2);
    await page.mouse.move(x, y);
    const tip = page.locator('#builtin-zh .sc-tooltip');
    await tip.waitFor({ state: 'visible' });
    const box = await tip.boundingBox();
    const host = await page.locator('#builtin-zh').boundingBox();
    assert.ok(host.y > 50, 'the widget is away from the top of the page');
    // Beside the pointer: within 40 px of it on either side, not shifted by the widget's offset.
    const dx = Math.min(Math.abs(box.x - x), Math.abs(box.x + box.width - x));
    const dy = Math.min(Math.abs(box.y - y), Math.abs(box.y + box.height - y));
    assert.ok(dx <= 40 && dy <= 40, `tooltip at ${JSON.stringify(box)}, pointer at ${x},${y}`);
    // Whole: the tooltip reaches past the widget, and its dark box is painted out there too.
    const right = box.x + box.width;
    assert.ok(right > host.x + host.width, `the tooltip (to ${right}) reaches past the widget (to ${host.x + host.width})`);
    const shot = await page.screenshot({ clip: { x: right - 6, y: box.y + box.height / 2, width: 1, height: 1 } });
    const pixel = await page.evaluate(async (data) => {
      const image = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
      const canvas = new OffscreenCanvas(1, 1);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }, shot.toString('base64'));
    assert.ok(pixel.every((channel) => channel < 80), `the tooltip's far edge is painted (rgb ${pixel})`);
    assertClean(log);
  } finally {
    await context.close();
  }
});

test('a selected bar row, drawn bold, leaves no ink on the canvas edges', async () => {
  const { context, page, log } = await openEmbed();
  try {
    const points = await slicePoints(page, '#builtin-en');
    for (const index of Object.keys(points)) {
      const { x, y } = points[index];
      await page.mouse.click(x, y);
      await page.waitForFunction((i) => document.getElementById('builtin-en').state.selected === Number(i), index);
      const edges = await page.evaluate(() => {
        const canvas = document.getElementById('builtin-en').shadowRoot.querySelector('canvas.sc-canvas');
        const context = canvas.getContext('2d');
        const column = (x) => context.getImageData(x, 0, 1, canvas.height).data
          .filter((value, i) => i % 4 === 3 && value > 0).length;
        return [column(0), column(canvas.width - 1)];
      });
      assert.deepEqual(edges, [0, 0], `row ${index} selected: ink on the left and right edges`);
    }
    assertClean(log);
  } finally {
    await context.close();
  }
});

test('the label of a selected pie slice stays inside the canvas, on a phone and a desktop', async () => {
  for (const [hash, width] of [['sector=smes&lang=en', 390], ['sector=public-services&lang=en', 640], ['sector=smes&lang=zh', 360]]) {
    const { context, page, log } = await openExplorer(env.browser, env.site.origin, hash, { ...PHONE, viewport: { width, height: 800 } });
    try {
      const points = await slicePoints(page, null);
      for (const index of Object.keys(points)) {
        const { x, y } = points[index];
        await page.mouse.click(x, y);
        await page.waitForFunction((i) => window.explorer.state().selected === Number(i), index);
        const edges = await page.evaluate(() => {
          const canvas = document.querySelector('canvas.sc-canvas');
          const context = canvas.getContext('2d');
          const column = (x) => context.getImageData(x, 0, 1, canvas.height).data
            .filter((value, i) => i % 4 === 3 && value > 0).length;
          return [column(0), column(canvas.width - 1)];
        });
        assert.deepEqual(edges, [0, 0], `#${hash} at ${width} px, slice ${index} selected: ink on the edges`);
      }
      assertClean(log);
    } finally {
      await context.close();
    }
  }
});

// The explorer's first screen: the chart is in it on phones and on a desktop, in both languages,
// with nothing scrolling sideways. The source's long note folds behind "About the data", and on
// a narrow screen the sector list is one row that scrolls, with the current sector in view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { openExplorer, assertClean, PHONE, ROOT, waitView, browserAndSite } from './helpers.mjs';

const env = browserAndSite();

const VIEWPORTS = [
  { name: 'phone 360 × 720', options: { ...PHONE, viewport: { width: 360, height: 720 } } },
  { name: 'phone 390 × 844', options: { ...PHONE, viewport: { width: 390, height: 844 } } },
  { name: 'desktop 1280 × 800', options: { viewport: { width: 1280, height: 800 } } },
];
const VIEWS = ['lang=zh', 'lang=en', 'sector=smes&lang=zh', 'sector=agriculture&chart=standards-work&lang=en', 'sector=public-services&lang=en'];

/** Where the chart's canvas is against the first screen, and how wide the page is. */
function firstScreen(page) {
  return page.evaluate(() => {
    const rect = document.querySelector('canvas.sc-canvas').getBoundingClientRect();
    const visible = Math.max(0, Math.min(rect.bottom, innerHeight) - Math.max(rect.top, 0));
    return {
      top: rect.top,
      share: visible / rect.height,
      scrollX: document.documentElement.scrollWidth - innerWidth,
    };
  });
}

for (const { name, options } of VIEWPORTS) {
  test(`${name}: the chart is in the first screen, and nothing scrolls sideways`, async () => {
    for (const hash of VIEWS) {
      const { context, page, log } = await openExplorer(env.browser, env.site.origin, hash, options);
      try {
        const seen = await firstScreen(page);
        const height = options.viewport.height;
        assert.ok(seen.top < height, `#${hash}: the canvas starts at ${seen.top} px, below the fold at ${height}`);
        assert.ok(seen.share >= 0.5, `#${hash}: only ${(seen.share * 100).toFixed(0)} % of the canvas is in the first screen`);
        assert.equal(seen.scrollX, 0, `#${hash}: the page scrolls sideways`);
        assertClean(log, `the explorer at #${hash}`);
        if (hash === 'lang=zh' || hash === 'lang=en') {
          // The first screen as a reader sees it, for docs/screenshots/.
          const { width } = options.viewport;
          const file = `first-screen-${width}x${height}-${hash.slice(5)}.png`;
          await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', file) });
        }
      } finally {
        await context.close();
      }
    }
  });
}

test('the source note folds behind "About the data", and stays open across a change of language', async () => {
  const { context, page, log } = await openExplorer(env.browser, env.site.origin, 'lang=en');
  try {
    const about = page.locator('details.sc-about');
    assert.equal(await about.locator('summary').textContent(), 'About the data');
    assert.equal(await about.evaluate((d) => d.open), false, 'closed at first');
    assert.equal(await page.locator('.sc-page-note').isVisible(), false, 'the note is folded');
    await about.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('.sc-page-note').isVisible(), 'Enter on the summary opens it');
    assert.match(await page.locator('.sc-page-note').textContent(), /inferred/);
    await page.locator('.sc-toolbar button', { hasText: '中文' }).click();
    await waitView(page, /lang=zh/);
    assert.equal(await about.locator('summary').textContent(), '关于数据');
    assert.ok(await page.locator('.sc-page-note').isVisible(), 'still open in Chinese');
    assertClean(log);
  } finally {
    await context.close();
  }
});

test('on a phone the sector list is one row that scrolls, with the current sector in view', async () => {
  const { context, page, log } = await openExplorer(env.browser, env.site.origin, 'sector=smes&lang=en', PHONE);
  try {
    const row = await page.evaluate(() => {
      const nav = document.querySelector('.sc-nav');
      const current = nav.querySelector('.sc-sector[aria-current="page"]').getBoundingClientRect();
      const tops = new Set([...nav.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top)));
      const box = nav.getBoundingClientRect();
      return {
        rows: tops.size,
        scrolls: nav.scrollWidth > nav.clientWidth,
        current: { left: current.left, right: current.right },
        box: { left: box.left, right: box.right },
      };
    });
    assert.equal(row.rows, 1, 'the overview and the sectors stand in one row');
    assert.ok(row.scrolls, 'the row scrolls sideways');
    assert.ok(row.current.left >= row.box.left - 0.5 && row.current.right <= row.box.right + 0.5,
      `the current sector ${JSON.stringify(row.current)} is inside the row ${JSON.stringify(row.box)}`);
    // The keyboard reaches every sector: Tab into the row and on to its last button.
    const last = page.locator('.sc-sector-list li:last-child button');
    await last.focus();
    const lastBox = await last.boundingBox();
    assert.ok(lastBox.x + lastBox.width <= row.box.right + 0.5, 'a focused sector scrolls into view');
    await page.keyboard.press('Enter');
    await waitView(page, /sector=public-services/);
    assertClean(log);
  } finally {
    await context.close();
  }
});

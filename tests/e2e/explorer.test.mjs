// The explorer page (www/index.html) in Chromium: loading, hover, drill-down, legend, chart kinds,
// deep links and history, languages, touch, pixel ratio, narrow screens, resizing, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import {
  ROOT, PHONE, launch, startServer, openExplorer, newPage, waitExplorer, state, drawn, waitDrawn,
  waitView, parseDrawn, slicePoints, tooltip, imageStats, assertClean, dataset,
} from './helpers.mjs';

let browser;
let site;
let data;

before(async () => {
  [browser, site, data] = await Promise.all([launch(), startServer(), dataset()]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const legendTexts = (page) => page.$$eval('.sc-legend-item', (items) => items.map((b) => ({
  label: b.querySelector('.sc-legend-label').textContent,
  share: b.querySelector('.sc-legend-share').textContent.trim(),
  pressed: b.getAttribute('aria-pressed'),
})));

const sharePercent = (text) => Number(/([\d.]+)%/.exec(text)?.[1]);

test('the explorer loads without errors and draws the overview pie', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin);
  try {
    const marker = parseDrawn(await drawn(page));
    assert.equal(marker.kind, 'pie');
    assert.equal(marker.slices, 9);
    assert.equal(await page.locator('.sc-legend-item').count(), 9, 'nine legend buttons, one per sector');
    assert.deepEqual(
      (await legendTexts(page)).map((l) => l.label),
      data.sectors.map((s) => s.name.en),
    );
    assert.equal(await page.locator('h1').innerText(), data.title.en);
    assert.equal(await page.locator('.sc-title').innerText(), 'How much of the report each sector takes');
    assert.equal(await page.getAttribute('.sc-root', 'lang'), 'en');
    const view = await state(page);
    assert.equal(view.sector, null);
    assert.equal(view.chart, 'text-share');
    assert.equal(view.kind, 'pie');
    assertClean(log, 'the explorer', { strict: true });
  } finally {
    await context.close();
  }
});

test('without the wasm, the explorer says why instead of loading for ever', async () => {
  const { context, page, log } = await newPage(browser, PHONE);
  try {
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${site.origin}/`);
    const alert = page.locator('#explorer [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /^图表无法启动 · The charts could not start: .*404.*sector_charts_bg\.wasm/);
    assert.equal(await page.locator('.explorer-loading').count(), 0);
    // On a phone, the long URL in it wraps instead of running off the screen.
    const box = await alert.boundingBox();
    assert.ok(box.x + box.width <= PHONE.viewport.width, `the alert ends at ${box.x + box.width} px`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('hovering a slice shows its tooltip inside the viewport; leaving the canvas hides it', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin);
  try {
    const points = await slicePoints(page);
    assert.equal(Object.keys(points).length, 9, 'every overview slice can be hit on the canvas');
    const rows = await page.$$eval('.sc-table-wrap tbody tr', (trs) => trs.map((tr) => ({
      label: tr.querySelector('th').textContent,
      value: tr.querySelectorAll('td')[0].textContent,
      share: tr.querySelectorAll('td')[1].textContent,
    })));
    for (const [index, point] of Object.entries(points)) {
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction((i) => window.explorer.state().hover === i, Number(index));
      const tip = await tooltip(page);
      assert.ok(tip.visible, `the tooltip shows over slice ${index}`);
      assert.equal(tip.role, 'tooltip');
      const row = rows[index];
      assert.ok(tip.text.includes(row.label), `tooltip "${tip.text}" names ${row.label}`);
      assert.match(row.value, /^[\d,.]+ characters$/, 'an English count of characters');
      assert.ok(tip.text.includes(row.value), `tooltip "${tip.text}" gives the value ${row.value}`);
      assert.match(row.share, /^\d+(\.\d)?%$/);
      assert.ok(tip.text.includes(row.share), `tooltip "${tip.text}" gives the share ${row.share}`);
      assert.ok(tip.rect.left >= 0 && tip.rect.top >= 0, `tooltip of slice ${index} starts inside the viewport`);
      assert.ok(tip.rect.right <= tip.viewport.width && tip.rect.bottom <= tip.viewport.height,
        `tooltip of slice ${index} ends inside the viewport: ${JSON.stringify(tip)}`);
    }
    // Off the canvas (the page margin): the tooltip goes.
    assert.equal(await page.evaluate(() => document.elementFromPoint(5, 5).closest('canvas')), null);
    await page.mouse.move(5, 5, { steps: 4 });
    await page.waitForFunction(() => document.querySelector('.sc-tooltip').hidden);
    assert.equal((await state(page)).hover, null);
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('clicking an overview slice opens its sector with its text; back returns', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin);
  try {
    const index = data.sectors.findIndex((s) => s.id === 'smes');
    const points = await slicePoints(page);
    await page.mouse.click(points[index].x, points[index].y);
    await waitView(page, /(^|&)sector=smes(&|$)/);
    const view = await state(page);
    assert.equal(view.sector, 'smes');
    assert.equal(view.chart, 'patents');
    assert.match(await page.evaluate(() => location.hash), /sector=smes/);
    const text = page.locator('.sc-sector-text');
    await text.waitFor({ state: 'visible' });
    assert.equal(await text.locator('.sc-sector-name').innerText(), 'Small and medium enterprises');
    const smes = data.sectors[index];
    assert.equal(await text.locator('.sc-achievements li').count(), smes.achievements.length);
    assert.equal(await text.locator('.sc-achievements li').first().innerText(), smes.achievements[0].en);
    const paragraph = await text.locator('.sc-paragraph').innerText();
    assert.equal(paragraph.replace(/\s/g, ''), smes.paragraph.replace(/\s/g, ''), 'the report paragraph, word for word');
    assert.ok(await text.locator('.sc-paragraph mark').count() >= 1, 'the quoted figures are marked');
    assert.equal(await text.locator('.sc-figure-card').count(), smes.indicators.length);

    await page.click('.sc-back');
    await waitView(page, /^lang=en$/);
    assert.equal((await state(page)).sector, null);
    assert.equal(await page.locator('.sc-sector-text').isVisible(), false);
    assert.equal(parseDrawn(await drawn(page)).slices, 9);
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('the legend hides and shows a slice, and the shares are recomputed', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin);
  try {
    const before = await legendTexts(page);
    assert.ok(before.every((l) => l.pressed === 'true'));
    const first = page.locator('.sc-legend-item').first();
    await first.click();
    await page.waitForFunction(() => document.querySelector('.sc-legend-item').getAttribute('aria-pressed') === 'false');
    assert.equal(parseDrawn(await drawn(page)).slices, 8, 'one slice fewer drawn');
    assert.deepEqual((await state(page)).hidden, [0]);
    const hidden = await legendTexts(page);
    for (let i = 1; i < before.length; i += 1) {
      assert.ok(sharePercent(hidden[i].share) > sharePercent(before[i].share),
        `${hidden[i].label}: share ${hidden[i].share} recomputed from ${before[i].share}`);
    }
    const total = hidden.slice(1).reduce((sum, l) => sum + sharePercent(l.share), 0);
    assert.ok(Math.abs(total - 100) < 0.6, `the visible shares add up to 100%, got ${total}`);
    assert.match(await page.evaluate(() => document.querySelector('.sc-root').dataset.view), /hidden=0/);

    await first.click();
    await page.waitForFunction(() => document.querySelector('.sc-legend-item').getAttribute('aria-pressed') === 'true');
    assert.equal(parseDrawn(await drawn(page)).slices, 9);
    assert.deepEqual(await legendTexts(page), before, 'showing it again restores every share');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('a parts-of-whole chart switches between pie, donut and bar; other charts only get bars', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&lang=en');
  try {
    assert.equal(parseDrawn(await drawn(page)).kind, 'donut', 'the chart opens as its own kind');
    assert.ok(await page.locator('.sc-kinds').isVisible());
    assert.deepEqual(await page.$$eval('.sc-kinds button', (b) => b.map((x) => x.dataset.value)), ['pie', 'donut', 'bar']);
    for (const kind of ['bar', 'pie', 'donut']) {
      await page.click(`.sc-kinds button[data-value=${kind}]`);
      const marker = parseDrawn(await waitDrawn(page, new RegExp(`^${kind}:`)));
      assert.equal(marker.slices, 2);
      assert.equal((await state(page)).kind, kind);
      assert.equal(await page.getAttribute(`.sc-kinds button[data-value=${kind}]`, 'aria-pressed'), 'true');
      assert.deepEqual(
        await page.$$eval('.sc-kinds button[aria-pressed=true]', (b) => b.map((x) => x.dataset.value)),
        [kind],
      );
    }
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
  const other = await openExplorer(browser, site.origin, 'sector=agriculture&chart=standards-work&lang=en');
  try {
    const marker = parseDrawn(await drawn(other.page));
    assert.equal(marker.kind, 'bar');
    assert.equal(marker.slices, 3);
    assert.equal(await other.page.locator('.sc-kinds').isVisible(), false, 'no kind choice for a chart that is not parts of a whole');
    assert.equal(await other.page.locator('.sc-kinds button[data-value=pie], .sc-kinds button[data-value=donut]').count(), 0);
    // A link asking for a pie of it still gets bars.
    await other.page.evaluate(() => { location.hash = 'sector=agriculture&chart=standards-work&kind=pie&lang=en'; });
    await other.page.waitForFunction(() => location.hash.includes('kind=pie'));
    await waitDrawn(other.page, /^bar:/);
    assert.equal((await state(other.page)).kind, 'bar');
    assert.deepEqual(other.log.pageErrors, []);
  } finally {
    await other.context.close();
  }
});

test('deep links open exactly their view, in English and in Chinese', async () => {
  for (const [lang, title] of [['en', 'Valid patents of tech little giants'], ['zh', '科技小巨人企业有效专利']]) {
    const query = `sector=smes&chart=patents&kind=donut&lang=${lang}`;
    // The browser's language is the other one: the link wins.
    const { context, page, log } = await openExplorer(browser, site.origin, query, { locale: lang === 'en' ? 'zh-CN' : 'en-US' });
    try {
      const view = await state(page);
      assert.equal(view.sector, 'smes');
      assert.equal(view.chart, 'patents');
      assert.equal(view.kind, 'donut');
      assert.equal(view.lang, lang);
      assert.equal(view.query, query);
      assert.equal(await page.getAttribute('.sc-root', 'lang'), lang);
      assert.equal(await page.getAttribute('.sc-root', 'data-view'), query);
      assert.equal(await page.locator('.sc-title').innerText(), title);
      assert.equal(parseDrawn(await drawn(page)).kind, 'donut');
      assertClean(log, `the explorer at #${query}`);
    } finally {
      await context.close();
    }
  }
});

test('changing the view updates the hash, and history back and forward restore views', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&kind=donut&lang=en');
  try {
    await page.click('.sc-kinds button[data-value=bar]');
    await page.waitForFunction(() => location.hash === '#sector=smes&chart=patents&kind=bar&lang=en');
    await page.click('.sc-sector[data-value=public-services]');
    await page.waitForFunction(() => location.hash === '#sector=public-services&lang=en');
    await waitDrawn(page, /^donut:/);

    await page.goBack();
    await waitView(page, /^sector=smes&chart=patents&kind=bar&lang=en$/);
    await waitDrawn(page, /^bar:/);
    assert.equal((await state(page)).sector, 'smes');
    await page.goBack();
    await waitView(page, /^sector=smes&chart=patents&kind=donut&lang=en$/);
    await waitDrawn(page, /^donut:/);
    await page.goForward();
    await waitView(page, /kind=bar/);
    await page.goForward();
    await waitView(page, /^sector=public-services&lang=en$/);
    assert.equal(await page.locator('.sc-title').innerText(), 'Market entities in the province');
    // Typing a link into the address bar of the open page (a hashchange) also works.
    await page.evaluate(() => { location.hash = 'sector=consumer-goods&lang=en'; });
    await waitView(page, /^sector=consumer-goods&lang=en$/);
    assert.equal((await state(page)).chart, 'ecommerce-centres');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('an unknown sector in the link falls back to the overview without errors', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=no-such-sector&chart=nothing&lang=en');
  try {
    const view = await state(page);
    assert.equal(view.sector, null);
    assert.equal(view.chart, 'text-share');
    assert.equal(parseDrawn(await drawn(page)).slices, 9);
    assert.equal(await page.locator('.sc-title').innerText(), 'How much of the report each sector takes');
    assertClean(log, 'the explorer with an unknown sector');
  } finally {
    await context.close();
  }
});

test('the language button switches between Chinese and English, numbers included', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=public-services&lang=zh');
  try {
    assert.equal(await page.getAttribute('.sc-root', 'lang'), 'zh');
    assert.equal(await page.locator('.sc-title').innerText(), '全省市场主体');
    const zhLegend = (await legendTexts(page)).map((l) => l.label).join(' ');
    assert.match(zhLegend, /新登记/);
    const zhTable = await page.locator('.sc-table-wrap').textContent();
    assert.ok(zhTable.includes('20.71万户'), `Chinese values use 万: ${zhTable}`);
    assert.equal(await page.locator('.sc-lang').innerText(), 'English');

    await page.click('.sc-lang');
    await waitView(page, /lang=en/);
    assert.equal(await page.getAttribute('.sc-root', 'lang'), 'en');
    assert.equal(await page.locator('.sc-title').innerText(), 'Market entities in the province');
    const enTable = await page.locator('.sc-table-wrap').textContent();
    assert.ok(enTable.includes('207.1 thousand market entities'), `English values use thousand: ${enTable}`);
    assert.match(enTable, /million market entities/);
    const enValues = await page.$$eval('.sc-table-wrap td.sc-num', (cells) => cells.map((c) => c.textContent).join(' '));
    assert.doesNotMatch(enValues, /[万亿]/, 'no Chinese magnitudes in English values');
    assert.match(enValues, /^[\x20-\x7e]+$/, `English values are in English: ${enValues}`);
    assert.equal(await page.locator('.sc-lang').innerText(), '中文');

    // The sector's key figures: 亿 in Chinese, million / billion in English.
    await page.click('.sc-sector[data-value=smes]');
    await waitView(page, /sector=smes/);
    const enFigures = await page.locator('.sc-figures').innerText();
    assert.match(enFigures, /166 million yuan/);
    assert.match(enFigures, /45\.029 billion yuan/);
    await page.click('.sc-lang');
    await waitView(page, /lang=zh/);
    const zhFigures = await page.locator('.sc-figures').innerText();
    assert.match(zhFigures, /1\.66亿元/);
    assert.match(zhFigures, /450\.29亿元/);
    assert.equal(await page.locator('.sc-title').innerText(), '科技小巨人企业有效专利');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

/** Waits (a few seconds at most) for the explorer's tooltip to be hidden. */
async function tooltipHides(page, why) {
  try {
    await page.waitForFunction(() => document.querySelector('.sc-tooltip').hidden, null, { timeout: 5000 });
  } catch {
    const view = await state(page);
    assert.fail(`the tooltip is still shown ${why} (state: selected=${view.selected}, focus=${view.focus}, hover=${view.hover})`);
  }
}

async function tapSlice(page, index) {
  const points = await slicePoints(page);
  assert.ok(points[index], `slice ${index} is on the canvas`);
  await page.touchscreen.tap(points[index].x, points[index].y);
  await page.waitForFunction((i) => window.explorer.state().selected === i, index);
  await page.waitForFunction(() => !document.querySelector('.sc-tooltip').hidden);
  return tooltip(page);
}

const PATENTS = 'sector=smes&chart=patents&lang=en';

test('touch: a tap on a slice shows its tooltip; a tap outside the widget hides it', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, PATENTS, PHONE);
  try {
    const tip = await tapSlice(page, 0);
    assert.ok(tip.visible);
    assert.ok(tip.text.includes('Invention patents'), tip.text);
    assert.ok(tip.rect.left >= 0 && tip.rect.right <= tip.viewport.width, `tooltip inside the phone's width: ${JSON.stringify(tip.rect)}`);
    // A tap outside the widget: the page margin left of it.
    const box = await page.locator('.sc-root').boundingBox();
    assert.ok(box.x >= 4, 'there is page margin left of the widget');
    assert.equal(await page.evaluate(() => document.elementFromPoint(2, 400).closest('.sc-root')), null);
    await page.touchscreen.tap(2, 400);
    await tooltipHides(page, 'after a tap outside the widget');
    assert.equal((await state(page)).selected, null, 'a tap outside clears the tapped selection');
    assertClean(log, 'the explorer on a phone');
  } finally {
    await context.close();
  }
});

test('touch: scrolling the page after a tap hides the tooltip', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, PATENTS, PHONE);
  try {
    const tip = await tapSlice(page, 1);
    assert.ok(tip.text.includes('Other valid patents'), tip.text);
    const y = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => window.scrollBy(0, 120));
    await page.waitForFunction((before) => window.scrollY !== before, y);
    await tooltipHides(page, 'after the page scrolled');
    assertClean(log, 'the explorer on a phone');
  } finally {
    await context.close();
  }
});

test('touch: a finger scrolling the page across the chart never shows a tooltip', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, PATENTS, PHONE);
  try {
    const points = await slicePoints(page);
    await page.evaluate(() => {
      window.tooltipShown = false;
      const tip = document.querySelector('.sc-tooltip');
      new MutationObserver(() => { if (!tip.hidden) window.tooltipShown = true; })
        .observe(tip, { attributes: true, attributeFilter: ['hidden'] });
    });
    const scrollBefore = await page.evaluate(() => window.scrollY);
    // Touch down on a slice and drag upwards: the page scrolls down.
    const cdp = await page.context().newCDPSession(page);
    const { x, y } = points[0];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i += 1) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 20 }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction((y) => window.scrollY !== y, scrollBefore);
    const view = await state(page);
    assert.equal(await page.evaluate(() => window.tooltipShown), false, 'no tooltip during the touch scroll');
    assert.equal((await tooltip(page)).visible, false);
    assert.equal(view.hover, null);
    assert.equal(view.selected, null);
    assertClean(log, 'the explorer on a phone');
  } finally {
    await context.close();
  }
});

test('at devicePixelRatio 2 the canvas backing store is twice its CSS size', async () => {
  for (const hash of ['', 'sector=smes&chart=patents&lang=en']) {
    const { context, page, log } = await openExplorer(browser, site.origin, hash, { deviceScaleFactor: 2 });
    try {
      const sizes = await page.evaluate(() => {
        const canvas = document.querySelector('canvas.sc-canvas');
        const rect = canvas.getBoundingClientRect();
        return { dpr: devicePixelRatio, width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height };
      });
      assert.equal(sizes.dpr, 2);
      assert.equal(sizes.width, Math.round(2 * sizes.cssWidth), JSON.stringify(sizes));
      assert.equal(sizes.height, Math.round(2 * sizes.cssHeight), JSON.stringify(sizes));
      const marker = parseDrawn(await drawn(page));
      assert.equal(marker.width, sizes.width);
      assert.equal(marker.height, sizes.height);
      assertClean(log, `the explorer at #${hash}`);
    } finally {
      await context.close();
    }
  }
});

test('a 360 px wide screen does not scroll sideways and the chart fits', async () => {
  for (const hash of ['lang=en', 'sector=smes&chart=patents&lang=en', 'sector=agriculture&chart=standards-work&lang=zh', 'lang=zh']) {
    const { context, page, log } = await openExplorer(browser, site.origin, hash, { ...PHONE, viewport: { width: 360, height: 740 } });
    try {
      const result = await page.evaluate(() => {
        const canvas = document.querySelector('canvas.sc-canvas');
        const rect = canvas.getBoundingClientRect();
        const outside = [...document.querySelectorAll('.sc-root *')]
          .filter((el) => !el.closest('.sc-sr-only, [hidden], .sc-tooltip, .sc-embed'))
          // The navigation and the toolbar are rows that scroll sideways: what they hold may lie
          // past the edge, inside them; the rows themselves are checked.
          .filter((el) => !el.parentElement?.closest('.sc-nav, .sc-toolbar'))
          .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > 360.5 || r.left < -0.5); })
          .map((el) => `${el.localName}.${el.className}: ${el.getBoundingClientRect().right}`);
        // Ink in the outermost pixel columns or rows would be a label cut off at the edge.
        const context = canvas.getContext('2d');
        const { width, height } = canvas;
        const edges = [[0, 0, 1, height], [width - 1, 0, 1, height], [0, 0, width, 1], [0, height - 1, width, 1]];
        const edgeInk = edges.map(([x, y, w, h]) => context.getImageData(x, y, w, h).data)
          .map((d) => d.filter((_, i) => i % 4 === 3 && d[i] > 0).length);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          canvas: { left: rect.left, right: rect.right, width: rect.width },
          outside,
          edgeInk,
        };
      });
      assert.ok(result.scrollWidth <= 360, `#${hash}: the page is ${result.scrollWidth} px wide`);
      assert.ok(result.canvas.width <= 360 && result.canvas.left >= 0 && result.canvas.right <= 360,
        `#${hash}: canvas ${JSON.stringify(result.canvas)}`);
      assert.deepEqual(result.outside, [], `#${hash}: widget parts outside the screen`);
      assert.deepEqual(result.edgeInk, [0, 0, 0, 0], `#${hash}: ink on the canvas edges (left, right, top, bottom) suggests clipped labels`);
      assertClean(log, `the explorer at #${hash}`);
    } finally {
      await context.close();
    }
  }
});

test('resizing the window resizes the backing store, without ratcheting', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, '', { deviceScaleFactor: 1 });
  try {
    const measure = async (width) => {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction(() => {
        const canvas = document.querySelector('canvas.sc-canvas');
        const figure = document.querySelector('.sc-figure');
        return canvas.width === Math.round(figure.clientWidth * devicePixelRatio)
          && canvas.dataset.drawn.includes(`:${canvas.width}x${canvas.height}:`);
      });
      return page.evaluate(() => {
        const canvas = document.querySelector('canvas.sc-canvas');
        return { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect().height };
      });
    };
    const seen = {};
    for (const width of [1200, 700, 1200, 420, 1200, 700, 420, 1000, 1200]) {
      const size = await measure(width);
      assert.ok(size.width <= width, `backing store ${size.width} fits a ${width} px window`);
      assert.equal(size.height, Math.round(size.css), 'the backing store height follows the CSS height');
      if (seen[width]) assert.deepEqual(size, seen[width], `the same size again at ${width} px`);
      seen[width] = size;
    }
    assert.ok(seen[700].width < seen[1200].width && seen[420].width < seen[700].width, JSON.stringify(seen));
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('screenshots of the overview and two sectors for the documentation; the chart is not blank', async () => {
  const directory = join(ROOT, 'docs', 'screenshots');
  await mkdir(directory, { recursive: true });
  const views = [['overview', ''], ['smes', 'sector=smes'], ['public-services', 'sector=public-services']];
  const sizes = [['desktop', { viewport: { width: 1200, height: 900 } }], ['phone', { ...PHONE, hasTouch: false }]];
  for (const [device, options] of sizes) {
    const { context, page, log } = await newPage(browser, { ...options, colorScheme: 'light' });
    try {
      for (const lang of ['en', 'zh']) {
        for (const [name, query] of views) {
          const hash = [query, `lang=${lang}`].filter(Boolean).join('&');
          await page.goto(`${site.origin}/#${hash}`);
          await page.reload();
          await waitExplorer(page);
          await page.evaluate(() => document.fonts.ready);
          const view = await state(page);
          assert.equal(view.lang, lang);
          assert.equal(view.sector, name === 'overview' ? null : name);
          assert.equal(view.dark, false);
          const path = join(directory, `${name}-${lang}-${device}.png`);
          const shot = await page.screenshot({ path, fullPage: true });
          const stats = await imageStats(page, shot);
          assert.ok(stats.colours > 20 && stats.ink > stats.pixels * 0.02, `${path} has content: ${JSON.stringify(stats)}`);
        }
      }
      // The overview canvas itself: many colours, much ink.
      await page.goto(`${site.origin}/#lang=en`);
      await page.reload();
      await waitExplorer(page);
      const canvasShot = await page.locator('canvas.sc-canvas').screenshot();
      const stats = await imageStats(page, canvasShot);
      assert.ok(stats.colours >= 9, `the overview canvas shows at least nine colours: ${JSON.stringify(stats)}`);
      assert.ok(stats.ink > stats.pixels * 0.1, `the overview canvas is not blank: ${JSON.stringify(stats)}`);
      const painted = await page.evaluate(() => {
        const canvas = document.querySelector('canvas.sc-canvas');
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let opaque = 0;
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 255) { opaque += 1; colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]); }
        }
        return { opaque, colours: colours.size, pixels: data.length / 4 };
      });
      assert.ok(painted.opaque > painted.pixels * 0.1 && painted.colours >= 9, `canvas pixels: ${JSON.stringify(painted)}`);
      assertClean(log, `the explorer (${device})`);
    } finally {
      await context.close();
    }
  }
});

// The builder page (www/builder.html) under the strict CSP: typed rows draw in the preview, the
// snippet holds them as an escaped <table>, a bad row lists its problem, and the page works on a
// phone. It also takes the screenshots of docs/screenshots/ for the builder and for a French
// table chart at phone and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { HERE, ROOT, WWW, PHONE, launch, startServer, newPage, assertClean, parseDrawn } from './helpers.mjs';

let browser;
let site;
const SHOTS = join(ROOT, 'docs', 'screenshots');

before(async () => {
  [browser, site] = await Promise.all([launch(), startServer({ roots: [WWW, HERE] })]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const marker = (page) => page.evaluate(() => document.getElementById('preview').shadowRoot
  ?.querySelector('canvas.sc-canvas')?.dataset.drawn ?? null);

const problems = (page) => page.evaluate(() => {
  const box = document.getElementById('problems');
  return box.hidden ? [] : [...box.querySelectorAll('li')].map((li) => li.textContent);
});

async function openBuilder(options = {}) {
  const opened = await newPage(browser, options);
  await opened.page.goto(`${site.origin}/builder.html`);
  await opened.page.waitForFunction(() => document.getElementById('preview').shadowRoot
    ?.querySelector('canvas.sc-canvas')?.dataset.drawn);
  return opened;
}

test('typed rows draw in the preview and the snippet holds them as an escaped table', async () => {
  const { context, page, log } = await openBuilder();
  try {
    assert.equal(parseDrawn(await marker(page)).slices, 3, 'the sample rows draw at once');
    await page.fill('#rows', 'Fruit\tSold\nApples\t12\n<b>Pears</b> & "co"\t8\nPlums\t5');
    await page.fill('#title', 'Fruit <sold>');
    await page.selectOption('#kind', 'bar');
    await page.selectOption('#lang', 'de');
    await page.waitForFunction(() => /^bar:.*:3$/.test(document.getElementById('preview').shadowRoot
      .querySelector('canvas.sc-canvas').dataset.drawn));
    const legend = await page.evaluate(() => [...document.getElementById('preview').shadowRoot
      .querySelectorAll('.sc-legend-label')].map((l) => l.textContent));
    assert.deepEqual(legend, ['Apples', '<b>Pears</b> & "co"', 'Plums']);
    const snippet = await page.inputValue('#snippet');
    assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>/);
    assert.match(snippet, /<sector-chart kind="bar" lang="de" theme="auto">/);
    assert.match(snippet, /<caption>Fruit &lt;sold&gt;<\/caption>/);
    assert.match(snippet, /<thead>\n\s*<tr><th>Fruit<\/th><th>Sold<\/th><\/tr>/);
    assert.match(snippet, /<tr><td>&lt;b&gt;Pears&lt;\/b&gt; &amp; "co"<\/td><td>8<\/td><\/tr>/);
    assert.ok(!snippet.includes('<b>'), 'no markup from the rows');
    assert.deepEqual(await problems(page), []);

    // The snippet, put into a page of its own, draws the same chart.
    await page.setContent(`<!doctype html><html><body>${snippet}</body></html>`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('sector-chart')?.shadowRoot
      ?.querySelector('canvas.sc-canvas')?.dataset.drawn);
    const again = await page.evaluate(() => [...document.querySelector('sector-chart').shadowRoot
      .querySelectorAll('.sc-legend-label')].map((l) => l.textContent));
    assert.deepEqual(again, legend);
    assertClean(log, 'the builder page');
  } finally {
    await context.close();
  }
});

test('a bad row lists its problem by row and column while the editor types', async () => {
  const { context, page } = await openBuilder();
  try {
    await page.fill('#rows', 'Answer,Votes\nYes,45\nNo,lots\nUnsure,');
    await page.waitForFunction(() => !document.getElementById('problems').hidden);
    assert.deepEqual(await problems(page), [
      'row 3, column 2: "lots" is not a number',
      'row 4, column 2: the value is empty',
    ]);
    await page.fill('#rows', 'Answer,Votes\nYes,45\nNo,30\nUnsure,25');
    await page.waitForFunction(() => document.getElementById('problems').hidden);
    assert.equal(parseDrawn(await marker(page)).slices, 3);
  } finally {
    await context.close();
  }
});

test('the builder works on a phone, and the screenshots for the docs', async () => {
  const phone = await openBuilder(PHONE);
  try {
    const { page } = phone;
    const width = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      preview: document.getElementById('preview').getBoundingClientRect().width,
    }));
    assert.ok(width.page <= width.view, `no sideways scroll (${width.page} > ${width.view})`);
    assert.ok(width.preview > 300, 'the preview takes the phone\'s width');
    await page.screenshot({ path: join(SHOTS, 'builder-390-phone.png'), fullPage: true });
  } finally {
    await phone.context.close();
  }
  const desktop = await openBuilder({ viewport: { width: 1280, height: 900 } });
  try {
    await desktop.page.screenshot({ path: join(SHOTS, 'builder-1280-desktop.png'), fullPage: true });
  } finally {
    await desktop.context.close();
  }
  for (const [name, options] of [['390-phone', PHONE], ['1280-desktop', { viewport: { width: 1280, height: 900 } }]]) {
    const { context, page } = await newPage(browser, options);
    try {
      await page.goto(`${site.origin}/pages/simple.html`);
      await page.waitForFunction(() => document.getElementById('table-fr').shadowRoot
        ?.querySelector('canvas.sc-canvas')?.dataset.drawn);
      await page.locator('#table-fr').screenshot({ path: join(SHOTS, `table-chart-fr-${name}.png`) });
    } finally {
      await context.close();
    }
  }
});

test('without JavaScript the reader sees the table inside the tag', async () => {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  try {
    await page.goto(`${site.origin}/pages/simple.html`);
    const cells = await page.evaluate(() => [...document.querySelectorAll('#table-fr td')]
      .map((td) => (td.getBoundingClientRect().width > 0 ? td.textContent : null)));
    assert.deepEqual(cells, ['Oui', '45', 'Non', '30', 'Sans avis', '25']);
    await page.locator('#table-fr').screenshot({ path: join(SHOTS, 'table-chart-fr-no-javascript.png') });
  } finally {
    await context.close();
  }
});

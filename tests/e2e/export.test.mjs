// Downloads from the explorer: PNG (2×), SVG and CSV of the view on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { launch, startServer, openExplorer, imageStats, pngSize, waitDrawn, assertClean, dataset } from './helpers.mjs';

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

async function download(page, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`.sc-downloads button[data-value=${format}]`),
  ]);
  const failure = await file.failure();
  assert.equal(failure, null, `the ${format} download failed: ${failure}`);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Parses SVG text in the page: parser errors, root element, polygons and texts. */
function parseSvg(page, text) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      width: doc.documentElement.getAttribute('width'),
      polygons: doc.querySelectorAll('polygon').length,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, text);
}

/** CSV rows (no quoted commas in these files' numbers; quoted cells are kept whole). */
function csvRows(text) {
  return text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((line) => {
    const cells = [];
    const pattern = /("([^"]|"")*"|[^,]*)(,|$)/g;
    let match;
    while ((match = pattern.exec(line)) && match[0] !== '') {
      const cell = match[1];
      cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
      if (match[3] === '') break;
    }
    return cells;
  });
}

test('each download button starts its download without any error on the page', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&lang=en');
  try {
    const names = [];
    for (const format of ['png', 'svg', 'csv']) names.push((await download(page, format)).name);
    assert.deepEqual(names, ['jilin-smes-patents-en.png', 'jilin-smes-patents-en.svg', 'jilin-smes-patents-en.csv']);
    // The widget still works after the downloads.
    await page.click('.sc-kinds button[data-value=bar]');
    await waitDrawn(page, /^bar:/);
    assertClean(log, 'the explorer after three downloads');
  } finally {
    await context.close();
  }
});

// The tests below check the files; errors on the page are the test above's business.

const smes = () => data.sectors.find((s) => s.id === 'smes');
const indicator = (id) => smes().indicators.find((i) => i.id === id);

test('PNG, SVG and CSV downloads of the patents chart in English', async () => {
  const { context, page } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&lang=en');
  try {
    const png = await download(page, 'png');
    assert.equal(png.name, 'jilin-smes-patents-en.png');
    const size = pngSize(png.bytes);
    assert.equal(size.width, 1600, 'the PNG is twice the 800 px export width');
    assert.ok(size.height > 800, `the PNG has room for chart, legend and credit: ${size.height}`);
    const stats = await imageStats(page, png.bytes);
    assert.equal(stats.width, 1600);
    assert.ok(stats.colours > 16, `the PNG is not flat: ${JSON.stringify(stats)}`);
    assert.ok(stats.ink > stats.pixels * 0.05, `the PNG has a chart on it: ${JSON.stringify(stats)}`);

    const svg = await download(page, 'svg');
    assert.equal(svg.name, 'jilin-smes-patents-en.svg');
    const svgText = svg.bytes.toString('utf8');
    assert.match(svgText, /<svg[\s>]/);
    const parsed = await parseSvg(page, svgText);
    assert.equal(parsed.error, null, 'the SVG parses');
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.width, '800');
    assert.equal(parsed.polygons, 2, 'one filled polygon per visible slice');
    const words = parsed.texts.join(' ');
    assert.match(words, /Valid patents of tech little giants/, 'the title is text in the SVG');
    assert.match(words, /Invention patents/);
    assert.match(words, /Jilin Provincial Administration for Market Regulation/, 'the credit line is in it');

    const csv = await download(page, 'csv');
    assert.equal(csv.name, 'jilin-smes-patents-en.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
    const rows = csvRows(csv.bytes.toString('utf8'));
    assert.deepEqual(rows[0], ['label', 'value', 'unit', 'share', 'qualifier', 'source', 'derivation']);
    assert.equal(rows.length, 3, 'a header and one row per visible slice');
    const invention = indicator('invention-patents');
    const whole = indicator('valid-patents');
    assert.deepEqual(rows[1].slice(0, 4), ['Invention patents', String(invention.value), 'patents', '23.91%']);
    assert.equal(rows[1][5], invention.source, 'the report\'s words as source');
    assert.deepEqual(rows[2].slice(0, 4), ['Other valid patents', String(whole.value - invention.value), 'patents', '76.09%']);
    assert.equal(rows[1][1], '1754');
    assert.equal(rows[2][1], '5581');
    assert.match(rows[2][6], /minus/, 'the derived slice says how it was derived');
  } finally {
    await context.close();
  }
});

test('downloads follow the view: a hidden slice is left out, Chinese files have Chinese headers', async () => {
  const { context, page } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&kind=pie&lang=zh');
  try {
    await page.locator('.sc-legend-item').first().click();
    await waitDrawn(page, /^pie:\d+x\d+:1$/);

    const csv = await download(page, 'csv');
    assert.equal(csv.name, 'jilin-smes-patents-zh.csv');
    const rows = csvRows(csv.bytes.toString('utf8'));
    assert.deepEqual(rows[0], ['项目', '数值', '单位', '占比', '限定', '来源', '推算方式']);
    assert.equal(rows.length, 2, 'only the visible slice');
    assert.deepEqual(rows[1].slice(0, 4), ['其他有效专利', '5581', '项', '100%']);

    const svg = await download(page, 'svg');
    assert.equal(svg.name, 'jilin-smes-patents-zh.svg');
    const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
    assert.equal(parsed.error, null);
    assert.equal(parsed.polygons, 1, 'one visible slice, one polygon');
    assert.match(parsed.texts.join(' '), /科技小巨人企业有效专利/);

    const png = await download(page, 'png');
    assert.equal(png.name, 'jilin-smes-patents-zh.png');
    assert.equal(pngSize(png.bytes).width, 1600);
  } finally {
    await context.close();
  }
});

test('a bar chart exports as bars', async () => {
  const { context, page } = await openExplorer(browser, site.origin, 'sector=agriculture&chart=standards-work&lang=en');
  try {
    const svg = await download(page, 'svg');
    assert.equal(svg.name, 'jilin-agriculture-standards-work-en.svg');
    const text = svg.bytes.toString('utf8');
    const parsed = await parseSvg(page, text);
    assert.equal(parsed.error, null);
    assert.equal(parsed.polygons, 0, 'bars are not pie slices');
    const csv = csvRows((await download(page, 'csv')).bytes.toString('utf8'));
    const agriculture = data.sectors.find((s) => s.id === 'agriculture');
    const chart = agriculture.charts.find((c) => c.id === 'standards-work');
    const values = chart.slices.map((s) => String(agriculture.indicators.find((i) => i.id === s.indicator).value));
    assert.deepEqual(csv.slice(1).map((r) => r[1]), values);
  } finally {
    await context.close();
  }
});

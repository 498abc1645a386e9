// Editors' own data in the widget: a <table> inside the tag, a CSV file and the short JSON form,
// in French, German and Japanese, under the strict CSP: the numbers and shares the reader sees
// (legend, data table, tooltip, live region) in the locale, hover and keyboard as on the built-in
// data, every problem listed, text never run as HTML, and the table shown when the .wasm is blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { HERE, WWW, launch, startServer, newPage, slicePoints, tooltip, assertClean, parseDrawn } from './helpers.mjs';

let browser;
let site;

before(async () => {
  [browser, site] = await Promise.all([launch(), startServer({ roots: [WWW, HERE] })]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

const IDS = ['table-fr', 'table-de', 'table-ja', 'csv-de', 'csv-fr', 'csv-ja', 'json-fr', 'json-de', 'json-ja', 'markup', 'big-fr', 'big-de', 'big-ja', 'bad-table', 'bad-table-ja', 'bad-json'];

/** Intl writes French groups and percent signs after a (narrow) no-break space: read as a space. */
const spaces = (text) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

async function openSimple(options = {}) {
  const opened = await newPage(browser, options);
  await opened.page.goto(`${site.origin}/pages/simple.html`);
  await opened.page.waitForFunction((ids) => ids.every((id) => {
    const root = document.getElementById(id)?.shadowRoot?.querySelector('.sc-root');
    const alert = root?.querySelector('.sc-alert');
    // Drawn, with the data table that is built once the first frame is painted; or refused.
    const drawn = root?.querySelector('canvas.sc-canvas')?.dataset.drawn;
    return (drawn && root.querySelector('.sc-table tbody tr')) || (alert && !alert.hidden);
  }), IDS, { timeout: 20000 });
  return opened;
}

/** What a reader sees of one widget, spaces as above. */
function seen(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot.querySelector('.sc-root');
    const alert = root.querySelector('.sc-alert');
    const rows = [...root.querySelectorAll('.sc-table tbody tr')]
      .map((tr) => [...tr.children].slice(0, 3).map((cell) => cell.textContent));
    return {
      drawn: root.querySelector('canvas.sc-canvas').dataset.drawn || null,
      lang: root.getAttribute('lang'),
      title: root.querySelector('.sc-title').textContent,
      legend: [...root.querySelectorAll('.sc-legend-label')].map((l) => l.parentElement.textContent),
      rows,
      showData: root.querySelector('.sc-button[data-action="table"]')?.textContent ?? null,
      credit: root.querySelector('.sc-credit').textContent,
      alert: alert.hidden ? null : alert.textContent,
      problems: alert.hidden ? [] : [...alert.querySelectorAll('li')].map((li) => li.textContent),
      slotShown: !host.shadowRoot.querySelector('slot').hidden,
      state: host.state,
    };
  }, id).then((w) => ({
    ...w,
    legend: w.legend.map(spaces),
    rows: w.rows.map((row) => row.map(spaces)),
    credit: spaces(w.credit),
  }));
}

const EXPECTED = {
  'table-fr': {
    lang: 'fr', kind: 'donut', title: 'Réponses au sondage', showData: 'Afficher les données',
    rows: [['Oui', '45', '45 %'], ['Non', '30', '30 %'], ['Sans avis', '25', '25 %']],
  },
  'table-de': {
    lang: 'de', kind: 'pie', title: 'Ausgaben (Mio. €)', showData: 'Daten anzeigen',
    rows: [['Bildung', '1.234,5', '95 %'], ['Verkehr', '42,5', '3,3 %'], ['Kultur', '23', '1,8 %']],
  },
  'table-ja': {
    lang: 'ja', kind: 'bar', title: '果物の販売数', showData: 'データを表示',
    rows: [['りんご', '1,200', '60%'], ['みかん', '800', '40%']],
  },
  'csv-de': {
    lang: 'de', kind: 'pie', title: 'Stimmen', showData: 'Daten anzeigen',
    rows: [['A', '42,5', '42,5 %'], ['B', '37,5', '37,5 %'], ['C', '20', '20 %']],
  },
  'csv-fr': {
    lang: 'fr', kind: 'pie', title: 'Nombre (votes)', showData: 'Afficher les données',
    rows: [['Oui', '1 234 votes', '61,7 %'], ['Non', '766 votes', '38,3 %']],
  },
  'csv-ja': {
    lang: 'ja', kind: 'pie', title: '回答', showData: 'データを表示',
    rows: [['はい', '60', '60%'], ['いいえ', '40', '40%']],
  },
  'json-fr': {
    lang: 'fr', kind: 'pie', title: 'Fruits vendus', showData: 'Afficher les données',
    rows: [['Pommes', '1 234,5 kg', '61,7 %'], ['Poires', '765,5 kg', '38,3 %']],
    credit: 'Source: Marché du samedi',
  },
  // de-CH writes a decimal point and no space before %; the short form's own lang is used.
  'json-de': {
    lang: 'de-CH', kind: 'pie', title: 'Stromerzeugung', showData: 'Daten anzeigen',
    rows: [['Wasserkraft', '57.5%', '57.5%'], ['Kernkraft', '32.5%', '32.5%'], ['Andere', '10%', '10%']],
  },
  'json-ja': {
    lang: 'ja', kind: 'pie', title: '交通手段', showData: 'データを表示',
    // 12,345 takes the locale's words, as the report writes 1.23万 (format::WORDS_FROM).
    rows: [['電車', '1.23万', '64.5%'], ['バス', '6,789', '35.5%']],
  },
};

test('a table, a CSV and the short JSON form draw in French, German and Japanese, numbers in the locale', async () => {
  const { context, page, log } = await openSimple();
  try {
    for (const [id, want] of Object.entries(EXPECTED)) {
      const w = await seen(page, id);
      const drawn = parseDrawn(w.drawn);
      assert.equal(drawn.kind, want.kind, id);
      assert.equal(drawn.slices, want.rows.length, id);
      assert.equal(w.alert, null, `${id} has no alert`);
      assert.equal(w.lang, want.lang, id);
      assert.equal(w.state.lang, want.lang, `${id}: state() gives the tag back`);
      assert.match(w.state.query, new RegExp(`lang=${want.lang}(&|$)`), id);
      assert.equal(w.title, want.title, id);
      assert.equal(w.showData, want.showData, id);
      assert.deepEqual(w.rows, want.rows, `${id}: the data table`);
      assert.deepEqual(w.legend, want.rows.map(([label, , share]) => `${label} ${share}`), `${id}: the legend`);
      assert.equal(w.credit, want.credit ?? '', id);
      assert.equal(w.slotShown, false, `${id}: the tag's own table is hidden once the chart is drawn`);
    }
    assertClean(log, 'the simple-data page');
  } finally {
    await context.close();
  }
});

test('large values are written with the locale\'s words, as the report writes 万 and thousand', async () => {
  const { context, page, log } = await openSimple();
  try {
    // From 10,000 on, through Intl.NumberFormat's compact long notation; below, digits.
    const want = {
      'big-fr': [['Écoles', '1,2 million', '96,5 %'], ['Routes', '35 mille', '2,8 %'], ['Parcs', '9 000', '0,7 %']],
      'big-de': [['Schulen', '1,2 Millionen', '96,5 %'], ['Straßen', '35 Tausend', '2,8 %'], ['Parks', '9.000', '0,7 %']],
      'big-ja': [['学校', '120万', '96.5%'], ['道路', '3.5万', '2.8%'], ['公園', '9,000', '0.7%']],
    };
    for (const [id, rows] of Object.entries(want)) {
      const w = await seen(page, id);
      assert.equal(w.alert, null, id);
      assert.deepEqual(w.rows, rows, `${id}: the data table`);
      assert.deepEqual(w.legend, rows.map(([label, , share]) => `${label} ${share}`), `${id}: the legend`);
    }
    // The tooltip writes the value as the table does.
    await page.locator('#big-fr').scrollIntoViewIfNeeded();
    const points = await slicePoints(page, '#big-fr');
    await page.mouse.move(points[0].x, points[0].y);
    await page.waitForFunction(() => document.getElementById('big-fr').state.hover === 0);
    const tip = await tooltip(page, '#big-fr');
    assert.ok(tip.visible);
    assert.match(spaces(tip.text), /1,2 million · 96,5 %/);
    assertClean(log, 'the simple-data page');
  } finally {
    await context.close();
  }
});

/** Clicks one of a widget's download buttons; the file's name and text. */
async function download(page, id, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#${id} .sc-downloads button[data-value=${format}]`),
  ]);
  assert.equal(await file.failure(), null, `the ${format} download of ${id}`);
  return { name: file.suggestedFilename(), text: (await readFile(await file.path())).toString('utf8') };
}

test('the downloads of a French chart write its numbers and words in French, as on screen', async () => {
  const { context, page, log } = await openSimple({ acceptDownloads: true });
  try {
    const csv = await download(page, 'big-fr', 'csv');
    assert.equal(csv.name, 'chart-fr.csv');
    assert.deepEqual(spaces(csv.text).replace(/^\uFEFF/, '').split('\r\n'), [
      'libellé,valeur,unité,part,qualificatif,source,calcul',
      'Écoles,1200000,count,"96,5 %",,,',
      'Routes,35000,count,"2,8 %",,,',
      'Parcs,9000,count,"0,7 %",,,',
      '',
    ]);
    const svg = await download(page, 'big-fr', 'svg');
    assert.equal(svg.name, 'chart-fr.svg');
    const texts = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml')
      .querySelectorAll('text')].map((t) => t.textContent.trim()), svg.text).then((all) => all.map(spaces));
    // The legend's rows, and the pie's own labels as the screen writes them.
    assert.ok(texts.includes('Écoles — 1,2 million (96,5 %)'), JSON.stringify(texts));
    assert.ok(texts.includes('Parcs — 9 000 (0,7 %)'), JSON.stringify(texts));
    assert.ok(texts.includes('1,2 million · 96,5 %'), JSON.stringify(texts));
    const png = await download(page, 'big-fr', 'png');
    assert.equal(png.name, 'chart-fr.png');
    const japanese = await download(page, 'big-ja', 'csv');
    assert.equal(japanese.text.replace(/^\uFEFF/, '').split('\r\n')[0], '項目,値,単位,割合,限定,出典,算出方法');
    assertClean(log, 'the simple-data page after downloads');
  } finally {
    await context.close();
  }
});

test('hover and keyboard work on a French table chart as on the built-in data', async () => {
  const { context, page, log } = await openSimple();
  try {
    await page.locator('#table-fr').scrollIntoViewIfNeeded();
    const points = await slicePoints(page, '#table-fr');
    assert.ok(points[0] && points[1], 'the first two slices can be hit');
    await page.mouse.move(points[1].x, points[1].y);
    await page.waitForFunction(() => document.getElementById('table-fr').state.hover === 1);
    const tip = await tooltip(page, '#table-fr');
    assert.ok(tip.visible, 'the tooltip shows on hover');
    assert.match(spaces(tip.text), /Non/);
    assert.match(spaces(tip.text), /30 · 30 %/);

    await page.mouse.move(1, 1);
    await page.evaluate(() => document.getElementById('table-fr').shadowRoot.querySelector('.sc-figure').focus());
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('table-fr').state.focus === 0);
    const live = () => page.evaluate(() => document.getElementById('table-fr').shadowRoot.querySelector('.sc-live').textContent);
    await page.waitForFunction(() => /Oui/.test(document.getElementById('table-fr').shadowRoot.querySelector('.sc-live').textContent));
    assert.equal(spaces(await live()), 'Oui : 45, 45 % (1 sur 3)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.widgetEvents.some((e) => e.type === 'select' && e.id === 'table-fr'));
    const select = await page.evaluate(() => window.widgetEvents.find((e) => e.type === 'select' && e.id === 'table-fr'));
    assert.equal(select.detail.label, 'Oui');
    assert.equal(spaces(select.detail.share), '45 %');
    const label = await page.evaluate(() => document.getElementById('table-fr').shadowRoot.querySelector('.sc-figure').getAttribute('aria-label'));
    assert.equal(spaces(label), 'Graphique Anneau : Réponses au sondage, 3 parts. La plus grande : Oui, 45 (45 %).');
    assertClean(log, 'the simple-data page');
  } finally {
    await context.close();
  }
});

test('a table with mistakes lists every problem by row and column, and its own table stays readable', async () => {
  const { context, page } = await openSimple();
  try {
    const table = await seen(page, 'bad-table');
    assert.equal(table.drawn, null);
    assert.match(table.alert, /^Les données posent problème/);
    // In the widget's language, French here, each with its row and column.
    assert.deepEqual(table.problems, [
      'ligne 2, colonne 2: "abc" n’est pas un nombre',
      'ligne 3, colonne 3: "extra" est en dehors des deux colonnes que lit un graphique (libellés, puis valeurs) : supprimez-le, ou placez-le dans son propre tableau',
      'ligne 4, colonne 1: le libellé est vide',
    ]);
    assert.equal(table.slotShown, true, 'the editor\'s table shows through the slot');
    const japanese = await seen(page, 'bad-table-ja');
    assert.equal(japanese.drawn, null);
    assert.match(japanese.alert, /^データに問題があるため/);
    assert.deepEqual(japanese.problems, [
      '3 行目、2 列目: "たくさん" は数値ではありません',
      '4 行目、2 列目: "1,5" の桁区切り「,」の位置が正しくありません。"ja" の数値は 1,234.5 のように書き、小数点は「.」です',
    ]);
    assert.equal(japanese.slotShown, true);
    const json = await seen(page, 'bad-json');
    assert.match(json.alert, /^Die Daten enthalten Fehler/);
    assert.deepEqual(json.problems, [
      'slices[0].value: -1 ist kleiner als null: ein Diagramm zeigt Mengen von null oder mehr',
      'slices[1].label: Pflichtfeld fehlt',
    ]);
    const errors = await page.evaluate(() => window.widgetEvents.filter((e) => e.type === 'error').map((e) => e.id));
    assert.deepEqual(errors.sort(), ['bad-json', 'bad-table', 'bad-table-ja']);
    // The rest of the page is untouched.
    assert.equal(await page.textContent('main > p'), 'Fin de l\'article.');
  } finally {
    await context.close();
  }
});

test('markup in a table\'s cells is shown as text and never runs', async () => {
  const { context, page, log } = await openSimple();
  try {
    const w = await seen(page, 'markup');
    assert.equal(w.title, '<i>Balises</i>');
    assert.deepEqual(w.rows.map((row) => row[0]), ['<img src=x onerror="window.pwned=1">', 'Gras et lien']);
    const injected = await page.evaluate(() => ({
      pwned: window.pwned ?? null,
      images: document.getElementById('markup').shadowRoot.querySelectorAll('img, i, b, a').length,
    }));
    assert.deepEqual(injected, { pwned: null, images: 0 });
    assertClean(log, 'the simple-data page');
  } finally {
    await context.close();
  }
});

test('with the .wasm blocked, the reader still sees the table, and the alert says why in French', async () => {
  const { context, page } = await newPage(browser);
  try {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${site.origin}/pages/simple.html`);
    await page.waitForFunction(() => {
      const alert = document.getElementById('table-fr').shadowRoot.querySelector('.sc-alert');
      return alert && alert.textContent.length > 0;
    });
    const shown = await page.evaluate(() => {
      const host = document.getElementById('table-fr');
      const table = host.querySelector('table');
      const box = table.getBoundingClientRect();
      return {
        slotShown: !host.shadowRoot.querySelector('slot').hidden,
        table: box.width > 0 && box.height > 0,
        cells: [...table.querySelectorAll('td')].map((td) => td.textContent),
        alert: host.shadowRoot.querySelector('.sc-alert').textContent,
      };
    });
    assert.equal(shown.slotShown, true);
    assert.equal(shown.table, true, 'the table takes room on the page');
    assert.deepEqual(shown.cells, ['Oui', '45', 'Non', '30', 'Sans avis', '25']);
    assert.match(shown.alert, /^Le graphique n’a pas pu démarrer : /);
  } finally {
    await context.close();
  }
});

test('a live change of lang reads the table\'s numbers again in the new language', async () => {
  const { context, page, log } = await openSimple();
  try {
    // "1.234,5" is German; in English it is refused, with its row and column, and back again.
    await page.evaluate(() => document.getElementById('table-de').setAttribute('lang', 'en'));
    await page.waitForFunction(() => {
      const alert = document.getElementById('table-de').shadowRoot.querySelector('.sc-alert');
      return alert && !alert.hidden && /row 2, column 2/.test(alert.textContent);
    });
    const english = await seen(page, 'table-de');
    assert.match(english.problems[0], /^row 2, column 2: "1\.234,5"/);
    assert.equal(english.slotShown, true);
    await page.evaluate(() => document.getElementById('table-de').setAttribute('lang', 'de-AT'));
    // A new mount: its closed data table is built once the first frame is painted.
    await page.waitForFunction(() => {
      const host = document.getElementById('table-de');
      return host.state?.lang === 'de-AT' && host.shadowRoot.querySelector('.sc-table tbody tr');
    });
    const austrian = await seen(page, 'table-de');
    assert.equal(austrian.alert, null);
    // Austrian German reads "1.234,5" as German does, and writes thousands with a space.
    assert.deepEqual(austrian.rows[0], ['Bildung', '1 234,5', '95 %']);
    assertClean(log, 'the simple-data page');
  } finally {
    await context.close();
  }
});

// The simple forms' hostile corpus (tests/hostile-simple/, the verdicts in its cases.json) through
// the <sector-chart> in Chromium under the strict CSP: a CSV by src, a table's cells as a <table>
// inside the tag, the short JSON form by src. Each case draws or lists exactly its problems, as
// tests/hostile_simple.rs finds natively, and no markup from the data ever runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { HERE, ROOT, WWW, launch, startServer, newPage, assertClean, parseDrawn } from './helpers.mjs';

const CORPUS = join(ROOT, 'tests', 'hostile-simple');
const { cases } = JSON.parse(await readFile(join(CORPUS, 'cases.json'), 'utf8'));
// The generated cases (10,000 rows) are built by the native test only.
const FILED = cases.filter((c) => c.file);

let browser;
let site;

before(async () => {
  const routes = {};
  for (const c of FILED) {
    // Served as plain bytes: a CSV is known by its name, JSON by its keys.
    routes[`/hostile-simple/${c.file}`] = async (req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(await readFile(join(CORPUS, c.file)));
    };
  }
  [browser, site] = await Promise.all([launch(), startServer({ roots: [WWW, HERE], routes })]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Mounts one case's widget and returns what it shows once drawn or refused. */
async function show(page, c) {
  const table = c.reader === 'grid' ? JSON.parse(await readFile(join(CORPUS, c.file), 'utf8')) : null;
  return page.evaluate(async ({ c, table }) => {
    const place = document.getElementById('place');
    const host = document.createElement('sector-chart');
    host.setAttribute('motion', 'off');
    const lang = table ? table.lang : c.lang;
    if (lang) host.setAttribute('lang', lang);
    if (c.title) host.setAttribute('title', c.title);
    if (table) {
      // The cells as an editor's table: every cell text, made with DOM calls.
      const element = document.createElement('table');
      if (table.title) element.createCaption().textContent = table.title;
      for (const cells of table.cells) {
        const row = element.insertRow();
        for (const cell of cells) row.insertCell().textContent = cell;
      }
      host.append(element);
    } else {
      host.setAttribute('src', `/hostile-simple/${c.file}`);
    }
    place.replaceChildren(host);
    const root = () => host.shadowRoot.querySelector('.sc-root');
    for (let i = 0; i < 400; i += 1) {
      const alert = root()?.querySelector('.sc-alert');
      // Drawn, and its data table built (after the first frame), or refused.
      if (root()?.querySelector('.sc-table tbody th') || (alert && !alert.hidden)) break;
      await new Promise((done) => setTimeout(done, 25));
    }
    const alert = root()?.querySelector('.sc-alert');
    return {
      drawn: root()?.querySelector('canvas.sc-canvas')?.dataset.drawn || null,
      problems: alert && !alert.hidden ? [...alert.querySelectorAll('li')].map((li) => li.textContent) : [],
      labels: [...(root()?.querySelectorAll('.sc-table tbody th') ?? [])].map((th) => th.textContent),
      markup: root()?.querySelectorAll('img, script, b, td > a, th > a').length ?? -1,
      slotShown: !host.shadowRoot.querySelector('slot').hidden,
    };
  }, { c, table });
}

test('every filed case of the simple forms\' hostile corpus gets its verdict in the widget', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    await page.goto(`${site.origin}/pages/blank.html`);
    for (const c of FILED) {
      const what = `${c.file} (${c.reader}, lang ${c.lang ?? 'of the file'})`;
      const seen = await show(page, c);
      if (c.outcome === 'draws') {
        assert.deepEqual(seen.problems, [], `${what} draws`);
        assert.equal(parseDrawn(seen.drawn).slices, c.slices, what);
        if (c.labels) assert.deepEqual(seen.labels, c.labels, `${what}: the labels, as text`);
        assert.equal(seen.slotShown, false, `${what}: the tag's own content is hidden`);
      } else {
        assert.equal(seen.drawn, null, `${what} is refused`);
        // The widget tells the problems in its language: `shown` when that is not English.
        const expected = c.shown ? c.shown.problems : c.problems;
        const listed = seen.problems.slice(0, expected.length);
        assert.equal(listed.length, expected.length, `${what}: ${JSON.stringify(seen.problems)}`);
        expected.forEach((problem, i) => {
          if (problem.path) assert.ok(listed[i].startsWith(`${problem.path}: `), `${what}: ${listed[i]}`);
          assert.ok(listed[i].includes(problem.contains), `${what}: ${listed[i]} lacks ${problem.contains}`);
        });
        if (c.count === undefined) assert.equal(seen.problems.length, expected.length, what);
        if (c.reader === 'grid') assert.equal(seen.slotShown, true, `${what}: the table stays readable`);
      }
      assert.equal(seen.markup, 0, `${what}: no markup from the data in the widget`);
    }
    assert.equal(await page.evaluate(() => window.pwned ?? null), null);
    assertClean(log, 'the hostile simple corpus');
  } finally {
    await context.close();
  }
});

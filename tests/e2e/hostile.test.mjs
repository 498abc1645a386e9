// The hostile corpus in the browser (tests/hostile/, expected outcomes in tests/hostile/cases.json):
// each dataset is given to a <sector-chart src=…> on tests/e2e/pages/hostile.html, under the strict
// CSP and with embed.js included twice, one at a time. Valid datasets must draw (their overview,
// then their first sector with charts), invalid ones must show the alert with the expected
// problem. Nothing from the data may run or become markup, and the page may have no uncaught
// errors. Then hostile pages: a zero-width and a hidden container, fifty resizes, removal while
// the dataset is loading, a dataset that never arrives, one that fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { HERE, ROOT, WWW, launch, startServer, newPage } from './helpers.mjs';
import { CSP } from './server.mjs';

const CORPUS = join(ROOT, 'tests', 'hostile');
const CASE_TIMEOUT_MS = 30000;

let browser;
let site;
let cases;
const hanging = new Set();
/** Requests the slow route saw, and whether each was abandoned before the answer. */
const slowRequests = [];

/** The same constructions as tests/hostile.rs, from 00-valid-base.json. */
function manySlices(base, count, derived) {
  const doc = structuredClone(base);
  doc.sectors[0].indicators = Array.from({ length: count }, (_, i) => ({
    id: `s-${i}`, label: { zh: `第${i}项`, en: `Item ${i}` }, value: i + 1, unit: 'count',
  }));
  const slices = Array.from({ length: count }, (_, i) => ({ indicator: `s-${i}` }));
  for (let i = 0; i < derived; i += 1) {
    slices.push({ id: `rest-${i}`, label: { zh: '其余', en: 'Rest' }, derived: { whole: 's-1', minus: ['s-0'] } });
  }
  doc.sectors[0].charts = [{
    id: 'many', title: { zh: '很多切片', en: 'Many slices' }, kind: 'pie', parts_of_whole: true, slices,
  }];
  return doc;
}

function generated(kind, base) {
  switch (kind) {
    case 'huge-label': {
      const doc = structuredClone(base);
      doc.sectors[0].indicators[0].label.en = 'ab '.repeat(333334);
      return Buffer.from(JSON.stringify(doc));
    }
    case 'ten-thousand-slices': return Buffer.from(JSON.stringify(manySlices(base, 10000, 0)));
    case 'too-many-slices': return Buffer.from(JSON.stringify(manySlices(base, 20000, 1)));
    case 'oversize': {
      const text = JSON.stringify(base);
      return Buffer.from(text + ' '.repeat(9 * 1024 * 1024 - text.length));
    }
    default: throw new Error(`unknown generated case ${kind}`);
  }
}

function sendJson(res, body) {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-security-policy': CSP,
    'cache-control': 'no-store',
  });
  res.end(body);
}

before(async () => {
  const listing = JSON.parse(await readFile(join(CORPUS, 'cases.json'), 'utf8'));
  const base = JSON.parse(await readFile(join(CORPUS, '00-valid-base.json'), 'utf8'));
  const routes = {};
  cases = [];
  for (const entry of listing.cases) {
    const name = entry.file ?? `generated/${entry.generated}.json`;
    // Bytes as they are: the browser decodes them (UTF-8, invalid bytes replaced).
    const body = entry.file ? await readFile(join(CORPUS, entry.file)) : generated(entry.generated, base);
    const url = `/hostile/${name}`;
    routes[url] = (req, res) => sendJson(res, body);
    cases.push({ ...entry, name, url, body });
  }
  const baseBody = await readFile(join(CORPUS, '00-valid-base.json'));
  // Never answers within the widget's 10 s: it must say the dataset did not arrive.
  routes['/hostile-slow.json'] = (req, res) => {
    hanging.add(res);
    const timer = setTimeout(() => { hanging.delete(res); sendJson(res, baseBody); }, 11000);
    res.on('close', () => clearTimeout(timer));
  };
  // Answers after 1.5 s: long enough to remove the chart while it loads.
  routes['/hostile-loading.json'] = (req, res) => {
    const seen = { answered: false, abandoned: false };
    slowRequests.push(seen);
    hanging.add(res);
    const timer = setTimeout(() => {
      hanging.delete(res);
      seen.answered = true;
      sendJson(res, baseBody);
    }, 1500);
    res.on('close', () => {
      if (!seen.answered) seen.abandoned = true;
      clearTimeout(timer);
    });
  };
  routes['/hostile-500.json'] = (req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain', 'content-security-policy': CSP });
    res.end('<h1>internal error</h1><img src=x onerror="window.__pwned=1">');
  };
  // The same page without the CSP: if the widget ever made markup from data, handlers would run.
  routes['/pages/hostile-nocsp.html'] = async (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(await readFile(join(HERE, 'pages', 'hostile.html')));
  };
  [browser, site] = await Promise.all([launch(), startServer({ roots: [WWW, HERE], routes })]);
});

after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close();
  await site?.close();
});

/** A page of hostile.html that records dialogs, uncaught errors and CSP violations. */
async function openHostilePage(path = '/pages/hostile.html') {
  const opened = await newPage(browser);
  opened.dialogs = [];
  opened.page.on('dialog', (dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await opened.page.goto(`${site.origin}${path}`);
  await opened.page.waitForFunction(() => window.hostile && customElements.get('sector-chart'));
  return opened;
}

function status(page) {
  return page.evaluate(() => window.hostile.status());
}

async function waitSettled(page, check = 'settled', timeout = CASE_TIMEOUT_MS) {
  await page.waitForFunction((check) => window.hostile.status()[check], check, { timeout });
  return status(page);
}

/** The first sector with charts, read as the browser reads the bytes. */
function firstSectorWithCharts(body) {
  try {
    const data = JSON.parse(new TextDecoder('utf-8').decode(body));
    return data.sectors.find((sector) => sector.charts.length > 0)?.id ?? null;
  } catch {
    return null;
  }
}

const MARKER = /^(pie|donut|bar):(\d+)x(\d+):(\d+)$/;

/** Checks one case on `page`; returns a list of problems (empty when it passed). */
async function runCase(page, testCase) {
  const problems = [];
  await page.evaluate((url) => window.hostile.mount({ src: url, lang: 'en' }), testCase.url);
  let shown = await waitSettled(page);
  if (testCase.outcome === 'alert') {
    if (shown.alert === null) {
      problems.push(`drew (${shown.drawn}) instead of the alert`);
    } else {
      if (!shown.alert.includes(testCase.error_contains)) {
        problems.push(`the alert does not say ${JSON.stringify(testCase.error_contains)}: ${shown.alert.slice(0, 600)}`);
      }
      if (testCase.path && !shown.alert.includes(testCase.path)) {
        problems.push(`the alert does not name ${JSON.stringify(testCase.path)}: ${shown.alert.slice(0, 600)}`);
      }
      if (shown.drawn !== null && shown.drawn !== 'none') problems.push(`the alert came with a drawing ${shown.drawn}`);
      // The list is bounded however many problems the file has: 20 and a count of the rest.
      if (shown.alertItems > 21) problems.push(`the alert lists ${shown.alertItems} problems`);
    }
  } else {
    if (shown.alert !== null) problems.push(`alert instead of a drawing: ${shown.alert.slice(0, 600)}`);
    else if (!MARKER.test(shown.drawn ?? '') && shown.empty === null) {
      problems.push(`neither drew nor said there is nothing to draw: ${shown.drawn}`);
    }
    const sector = firstSectorWithCharts(testCase.body);
    if (sector !== null && problems.length === 0) {
      // The sector's own charts carry the hostile labels: show the first one.
      await page.evaluate((sector) => window.hostile.chart().setAttribute('sector', sector), sector);
      await page.waitForFunction((sector) => {
        const s = window.hostile.status();
        return s.alert !== null || (s.state?.sector === sector && /^(pie|donut|bar):/.test(s.drawn ?? ''));
      }, sector, { timeout: CASE_TIMEOUT_MS });
      shown = await status(page);
      if (shown.alert !== null) problems.push(`sector ${sector}: alert ${shown.alert.slice(0, 600)}`);
      const match = MARKER.exec(shown.drawn ?? '');
      if (!match || Number(match[2]) === 0 || Number(match[4]) === 0) {
        problems.push(`sector ${sector}: drawn marker ${shown.drawn}`);
      }
    }
  }
  if (shown.roots !== 1) problems.push(`${shown.roots} chart roots in the element`);
  if (shown.foreign.length) problems.push(`markup from the data: ${shown.foreign.join(' | ')}`);
  if (shown.pwned !== null) problems.push('a script from the data ran (window.__pwned is set)');
  if (shown.violations.length) problems.push(`CSP violations: ${shown.violations.join(' | ')}`);
  return { problems, shown };
}

test('every dataset of the hostile corpus draws or shows its alert, and nothing in it runs', async () => {
  const { context, page, log, dialogs } = await openHostilePage();
  const failures = [];
  try {
    for (const testCase of cases) {
      try {
        const { problems, shown } = await runCase(page, testCase);
        // Markup in the data is shown as text: the literal characters are on screen.
        if (testCase.file === '54-html-and-script-everywhere.json'
          && !shown.text.includes('<img src=x onerror="window.__pwned=1;alert(1)">')) {
          problems.push('the markup in the labels is not shown as text');
        }
        if (problems.length) failures.push(`${testCase.name}: ${problems.join('; ')}`);
      } catch (error) {
        failures.push(`${testCase.name}: ${error.message.split('\n')[0]}`);
      }
    }
    console.log(`hostile corpus in the browser: ${cases.length} cases, ${cases.length - failures.length} passed`);
    assert.deepEqual(dialogs, [], 'no dialog was opened by the data');
    assert.deepEqual(log.pageErrors, [], 'no uncaught errors on the page');
    assert.deepEqual(failures, [], 'every case behaves as cases.json says');
  } finally {
    await context.close();
  }
});

test('without a CSP to stop it, markup in the data still never runs', async () => {
  const { context, page, log, dialogs } = await openHostilePage('/pages/hostile-nocsp.html');
  try {
    const risky = cases.filter((c) => c.outcome === 'draws' && /html|control|emoji|formulas/.test(c.name));
    assert.ok(risky.length >= 3);
    for (const testCase of risky) {
      const { problems } = await runCase(page, testCase);
      assert.deepEqual(problems, [], testCase.name);
    }
    assert.deepEqual(dialogs, [], 'no dialog was opened by the data');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('SVG downloads of hostile datasets are well-formed and hold the data only as text', async () => {
  const { context, page, log, dialogs } = await openHostilePage();
  const failures = [];
  try {
    for (const file of ['54-html-and-script-everywhere.json', '55-control-and-bidi-characters.json', '56-emoji-and-astral.json']) {
      await page.evaluate((file) => window.hostile.mount({
        src: `/hostile/${file}`, lang: 'en', sector: 'patents', downloads: '',
      }), file);
      await waitSettled(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.evaluate(() => window.hostile.chart().shadowRoot
          .querySelector('.sc-downloads button[data-value="svg"]').click()),
      ]);
      const svg = await readFile(await download.path(), 'utf8');
      const parsed = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const error = doc.querySelector('parsererror');
        return {
          error: error ? error.textContent.replace(/\s+/g, ' ').slice(0, 200) : null,
          foreign: doc.querySelectorAll('script, foreignObject, img, iframe, a').length,
          handlers: [...doc.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on'))),
          text: doc.documentElement.textContent,
        };
      }, svg);
      const problems = [];
      if (parsed.error) problems.push(`not well-formed: ${parsed.error}`);
      if (parsed.foreign || parsed.handlers.length) problems.push(`markup from data: ${parsed.foreign} elements, ${parsed.handlers}`);
      if (file.startsWith('54') && !parsed.error && !parsed.text.includes('<img src=x onerror=')) {
        problems.push('the title markup is not in the SVG as text');
      }
      if (problems.length) failures.push(`${file}: ${problems.join('; ')}`);
    }
    // One report for both kinds of failure, so neither hides the other.
    assert.deepEqual(
      { failures, dialogs, pageErrors: log.pageErrors.map((e) => e.split('\n')[0]) },
      { failures: [], dialogs: [], pageErrors: [] },
      'every SVG download opens as an SVG document, without errors on the page',
    );
  } finally {
    await context.close();
  }
});

test('markup in the attributes is reported as text, and the chart still draws', async () => {
  const { context, page, log, dialogs } = await openHostilePage('/pages/hostile-nocsp.html');
  try {
    const attributes = {
      src: '/hostile/00-valid-base.json',
      sector: '<img src=x onerror="window.__pwned=1">',
      chart: '"><svg onload="window.__pwned=1">',
      kind: '<script>window.__pwned=1</script>',
      lang: 'javascript:window.__pwned=1',
      theme: '<style>*{display:none}</style>',
      height: 'NaN',
    };
    await page.evaluate((attributes) => window.hostile.mount(attributes), attributes);
    const shown = await waitSettled(page);
    assert.match(shown.drawn ?? '', MARKER, 'the overview is drawn');
    assert.ok(shown.alert?.includes('<img src=x onerror="window.__pwned=1">'), `the message quotes the sector as text: ${shown.alert}`);
    assert.deepEqual(shown.foreign, []);
    assert.equal(shown.pwned, null);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a zero-width container, then a width: the chart draws once it has room', async () => {
  const { context, page, log } = await openHostilePage();
  try {
    await page.evaluate(() => window.hostile.size(0));
    await page.evaluate(() => window.hostile.mount({ src: '/hostile/00-valid-base.json', lang: 'en' }));
    await page.waitForFunction(() => window.hostile.status().drawn !== null);
    assert.equal((await status(page)).alert, null);
    await page.evaluate(() => window.hostile.size(600));
    const shown = await waitSettled(page);
    const match = MARKER.exec(shown.drawn);
    assert.ok(match, `drawn after getting a width: ${shown.drawn}`);
    assert.ok(Number(match[2]) > 0 && Number(match[2]) <= 600, shown.drawn);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a hidden container, then shown: the chart draws at its real size', async () => {
  const { context, page, log } = await openHostilePage();
  try {
    await page.evaluate(() => window.hostile.size('', true));
    await page.evaluate(() => window.hostile.mount({ src: '/hostile/00-valid-base.json', lang: 'en', sector: 'patents' }));
    await page.waitForFunction(() => window.hostile.status().drawn !== null);
    const hidden = await status(page);
    assert.equal(hidden.alert, null);
    assert.ok(!MARKER.test(hidden.drawn) || /:0x/.test(hidden.drawn), `drawn while hidden: ${hidden.drawn}`);
    await page.evaluate(() => window.hostile.size('', false));
    const shown = await waitSettled(page);
    const match = MARKER.exec(shown.drawn);
    assert.ok(match, `drawn once shown: ${shown.drawn}`);
    assert.equal(Number(match[2]), shown.canvasWidth, 'the canvas is drawn at its real width');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('fifty resizes in a row: no errors, and the last size wins', async () => {
  const { context, page, log } = await openHostilePage();
  try {
    await page.evaluate(() => window.hostile.mount({ src: '/hostile/00-valid-base.json', lang: 'en', sector: 'patents' }));
    await waitSettled(page);
    await page.evaluate(async () => {
      for (let i = 0; i < 50; i += 1) {
        window.hostile.size([0, 120, 900, 37, 480, 1, 700][i % 7] + i);
        // Half of them within one frame, half a frame apart.
        if (i % 2) await new Promise((done) => requestAnimationFrame(done));
      }
      window.hostile.size(432);
    });
    await page.waitForFunction(() => {
      const s = window.hostile.status();
      const match = /^(pie|donut|bar):(\d+)x/.exec(s.drawn ?? '');
      return match && Number(match[2]) === s.canvasWidth && s.canvasWidth > 0 && s.canvasWidth <= 432;
    }, null, { timeout: 10000 });
    const shown = await status(page);
    assert.equal(shown.alert, null);
    assert.equal(shown.roots, 1);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

/** Waits until the slow route has seen `count` requests. */
async function requestsSeen(count) {
  for (let i = 0; i < 100 && slowRequests.length < count; i += 1) {
    await new Promise((done) => setTimeout(done, 50));
  }
  return slowRequests.length >= count;
}

async function orphan(page) {
  return page.evaluate(() => ({
    roots: window.removed.shadowRoot.querySelectorAll('.sc-root').length,
    state: window.removed.state,
  }));
}

test('removed while its dataset loads: the request is dropped and nothing is drawn afterwards', async () => {
  const { context, page, log } = await openHostilePage();
  try {
    // Removed once the request is on its way.
    let seen = slowRequests.length;
    await page.evaluate(() => {
      window.hostile.mount({ src: '/hostile-loading.json', lang: 'en' });
      window.removed = window.hostile.chart();
    });
    assert.ok(await requestsSeen(seen + 1), 'the dataset was requested');
    await page.evaluate(() => window.removed.remove());
    await page.waitForTimeout(2000);
    assert.deepEqual(await orphan(page), { roots: 0, state: null }, 'the removed element built no chart');
    assert.equal(slowRequests[seen].abandoned, true, 'the request was abandoned on removal');

    // Removed in the same task as it was added, before it could start.
    seen = slowRequests.length;
    await page.evaluate(() => {
      window.hostile.mount({ src: '/hostile-loading.json', lang: 'en' });
      window.removed = window.hostile.chart();
      window.removed.remove();
    });
    await page.waitForTimeout(2000);
    assert.deepEqual(await orphan(page), { roots: 0, state: null }, 'the removed element built no chart');
    if (slowRequests.length > seen) {
      console.log(`note: an element removed before its first render still fetched its dataset (${slowRequests[seen].abandoned ? 'abandoned' : 'downloaded in full'})`);
    }

    // Put back, removed and put back at once: one chart, drawn once.
    await page.evaluate(() => {
      const box = document.getElementById('box');
      box.append(window.removed);
      window.removed.remove();
      box.append(window.removed);
    });
    const shown = await waitSettled(page);
    assert.equal(shown.alert, null);
    assert.match(shown.drawn, MARKER);
    assert.equal(shown.roots, 1, 'one chart in the element');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a dataset that does not arrive within 10 s: the alert says so', async () => {
  const { context, page, log } = await openHostilePage();
  try {
    await page.evaluate(() => window.hostile.mount({ src: '/hostile-slow.json', lang: 'en' }));
    const shown = await waitSettled(page, 'settled', 20000);
    assert.ok(shown.alert, 'an alert is shown');
    assert.match(shown.alert, /did not arrive within 10 s/);
    assert.match(shown.alert, /hostile-slow\.json/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a dataset that fails (500) with markup in its body: the alert says so, as text', async () => {
  const { context, page, log, dialogs } = await openHostilePage();
  try {
    await page.evaluate(() => window.hostile.mount({ src: '/hostile-500.json', lang: 'en' }));
    const shown = await waitSettled(page);
    assert.ok(shown.alert, 'an alert is shown');
    assert.match(shown.alert, /could not be loaded/);
    assert.match(shown.alert, /500/);
    assert.deepEqual(shown.foreign, []);
    assert.equal(shown.pwned, null);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('embed.js twice on one page: one definition, and charts still draw', async () => {
  const { context, page, log } = await openHostilePage();
  try {
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src*="embed.js"]')].map((s) => s.getAttribute('src')));
    assert.deepEqual(scripts, ['/embed.js', '/embed.js?copy=2']);
    await page.evaluate(() => window.hostile.mount({ src: '/hostile/48-one-slice.json', lang: 'zh', sector: 'patents' }));
    const shown = await waitSettled(page);
    assert.match(shown.drawn, /^pie:\d+x\d+:1$/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

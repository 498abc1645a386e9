// <sector-chart> on an editor's page (tests/e2e/pages/*.html, served with www/ under the strict
// CSP): several widgets side by side, editors' datasets good and bad, live attribute changes,
// clean removal, datasets that fail to arrive, the script included twice, and no leaks over a
// thousand mounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { HERE, WWW, launch, startServer, newPage, slicePoints, parseDrawn } from './helpers.mjs';

let browser;
let site;
const hanging = [];

before(async () => {
  const routes = {
    '/failing.json': (req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    },
    // Never answers: the widget gives up after its 10 s timeout.
    '/slow.json': (req, res) => { hanging.push(res); },
  };
  [browser, site] = await Promise.all([launch(), startServer({ roots: [WWW, HERE], routes })]);
});

after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close();
  await site?.close();
});

/** What one widget shows: its marker, language, title, alert. */
function widget(page, id) {
  return page.evaluate((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot?.querySelector('.sc-root');
    const alert = root?.querySelector('.sc-alert');
    const canvas = root?.querySelector('canvas.sc-canvas');
    return {
      drawn: canvas?.dataset.drawn ?? null,
      lang: root?.getAttribute('lang') ?? null,
      title: root?.querySelector('.sc-title')?.textContent ?? null,
      legend: [...(root?.querySelectorAll('.sc-legend-label') ?? [])].map((l) => l.textContent),
      credit: root?.querySelector('.sc-credit')?.textContent ?? null,
      alert: alert && !alert.hidden ? alert.textContent : null,
      alertRole: alert?.getAttribute('role') ?? null,
      figureShown: Boolean(root?.querySelector('.sc-figure') && !root.querySelector('.sc-figure').hidden),
      downloads: root?.querySelectorAll('.sc-downloads button').length ?? 0,
      state: host.state,
    };
  }, id);
}

/** Waits until every listed widget has drawn or shows its alert. */
async function settled(page, ids, timeout = 15000) {
  await page.waitForFunction((ids) => ids.every((id) => {
    const root = document.getElementById(id)?.shadowRoot?.querySelector('.sc-root');
    if (!root) return false;
    const alert = root.querySelector('.sc-alert');
    return root.querySelector('canvas.sc-canvas')?.dataset.drawn || (alert && !alert.hidden);
  }), ids, { timeout });
}

const WIDGETS = ['builtin-zh', 'builtin-en', 'editor', 'inline', 'broken'];

async function openEmbedPage(options = {}) {
  const opened = await newPage(browser, options);
  await opened.page.goto(`${site.origin}/pages/embed.html`);
  await settled(opened.page, WIDGETS);
  return opened;
}

test('each widget on a page draws its own chart or shows its own alert', async () => {
  const { context, page, log } = await openEmbedPage();
  try {
    const zh = await widget(page, 'builtin-zh');
    assert.deepEqual(parseDrawn(zh.drawn).kind, 'pie');
    assert.equal(parseDrawn(zh.drawn).slices, 2);
    assert.equal(zh.lang, 'zh');
    assert.equal(zh.title, '科技小巨人企业有效专利');
    assert.deepEqual(zh.legend, ['发明专利', '其他有效专利']);
    assert.equal(zh.alert, null);
    assert.equal(zh.downloads, 0, 'no download buttons without the downloads attribute');
    assert.equal(zh.state.kind, 'pie');

    const en = await widget(page, 'builtin-en');
    assert.equal(parseDrawn(en.drawn).kind, 'bar');
    assert.equal(en.lang, 'en');
    assert.equal(en.title, 'Market entities in the province');
    assert.equal(en.alert, null);
    assert.equal(en.downloads, 3, 'the downloads attribute shows PNG, SVG and CSV');

    const editor = await widget(page, 'editor');
    assert.equal(parseDrawn(editor.drawn).kind, 'pie');
    assert.equal(parseDrawn(editor.drawn).slices, 3);
    assert.equal(editor.title, 'New-energy vehicles by drive type');
    assert.deepEqual(editor.legend, ['Battery electric', 'Plug-in hybrid', 'Other']);
    assert.match(editor.credit, /The sample newsroom/, 'the credit line names the editor\'s source');
    assert.equal(editor.alert, null);

    const inline = await widget(page, 'inline');
    assert.equal(parseDrawn(inline.drawn).kind, 'donut');
    assert.equal(inline.title, 'Valid patents by type');
    assert.deepEqual(inline.legend, ['Invention patents', 'Other patents']);

    const broken = await widget(page, 'broken');
    assert.equal(broken.alertRole, 'alert');
    assert.ok(broken.alert, 'the broken dataset shows an alert');
    assert.match(broken.alert, /sectors\[0\]\.indicators\[1\]\.value/, `the alert names the JSON path: ${broken.alert}`);
    assert.match(broken.alert, /-1754/, 'the alert quotes the wrong value');
    assert.match(broken.alert, /The data has a problem/);
    assert.equal(broken.figureShown, false, 'no chart for a broken dataset');
    assert.equal(broken.drawn ?? 'none', 'none');
    assert.equal(broken.state, null);

    // Only the broken widget reported an error, as a composed, bubbling `error` event.
    const events = await page.evaluate(() => window.widgetEvents);
    const errors = events.filter((e) => e.type === 'error');
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0].id, 'broken');
    assert.ok(errors[0].composed && errors[0].bubbles);
    assert.deepEqual(errors[0].detail.problems.map((p) => p.path), ['sectors[0].indicators[1].value']);
    assert.match(errors[0].detail.message, /1 problem/);

    assert.deepEqual(log.pageErrors, []);
    const unrelated = log.consoleErrors.filter((e) => !/broken/.test(e) && !/favicon\.ico/.test(e));
    assert.deepEqual(unrelated, [], 'no console errors other than the broken widget\'s');
    // The snippet pasted twice: one element definition, one wasm download.
    assert.equal(await page.evaluate(() => typeof customElements.get('sector-chart')), 'function');
  } finally {
    await context.close();
  }
});

test('widgets do not leak styles into the page, nor the page into them', async () => {
  const { context, page } = await openEmbedPage();
  try {
    const styles = await page.evaluate(() => {
      const h2 = document.querySelector('main h2');
      const root = document.getElementById('builtin-en').shadowRoot.querySelector('.sc-root');
      return {
        pageButtons: document.querySelectorAll('.sc-button').length,
        h2Margin: getComputedStyle(h2).marginTop,
        widgetFont: getComputedStyle(root).fontSize,
        stylesheets: document.styleSheets.length,
      };
    });
    assert.equal(styles.pageButtons, 0, 'the widget\'s DOM stays in its shadow root');
    assert.equal(styles.widgetFont, '15px', 'widget.css applies inside the shadow root');
    assert.equal(styles.stylesheets, 1, 'only the page\'s own stylesheet is in the document');
  } finally {
    await context.close();
  }
});

test('a live attribute change re-renders the widget', async () => {
  const { context, page, log } = await openEmbedPage();
  try {
    await page.evaluate(() => document.getElementById('builtin-zh').setAttribute('kind', 'bar'));
    await page.waitForFunction(() => /^bar:/.test(document.getElementById('builtin-zh').shadowRoot.querySelector('canvas').dataset.drawn));
    let zh = await widget(page, 'builtin-zh');
    assert.equal(zh.state.kind, 'bar');
    assert.equal(zh.lang, 'zh');

    await page.evaluate(() => document.getElementById('builtin-zh').setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.getElementById('builtin-zh').shadowRoot.querySelector('.sc-root')?.lang === 'en');
    zh = await widget(page, 'builtin-zh');
    assert.equal(zh.title, 'Valid patents of tech little giants');
    assert.deepEqual(zh.legend, ['Invention patents', 'Other valid patents']);
    assert.equal(parseDrawn(zh.drawn).kind, 'bar', 'the kind chosen before stays');

    // Several attributes at once: another sector and chart.
    await page.evaluate(() => {
      const el = document.getElementById('builtin-zh');
      el.setAttribute('sector', 'consumer-goods');
      el.removeAttribute('chart');
      el.removeAttribute('kind');
    });
    await page.waitForFunction(() => document.getElementById('builtin-zh').state?.sector === 'consumer-goods');
    zh = await widget(page, 'builtin-zh');
    assert.equal(zh.title, 'E-commerce public service centres built');
    assert.equal(parseDrawn(zh.drawn).kind, 'donut');

    // The editor's widget switches language too; its neighbours are untouched.
    const before = await widget(page, 'builtin-en');
    await page.evaluate(() => document.getElementById('editor').setAttribute('lang', 'zh'));
    await page.waitForFunction(() => document.getElementById('editor').shadowRoot.querySelector('.sc-title')?.textContent === '新能源汽车按动力类型');
    assert.deepEqual((await widget(page, 'editor')).legend, ['纯电动汽车', '插电式混合动力汽车', '其他']);
    assert.deepEqual(await widget(page, 'builtin-en'), before);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a click on a slice fires a `select` event out of the shadow root', async () => {
  const { context, page, log } = await openEmbedPage();
  try {
    const points = await slicePoints(page, '#builtin-en');
    assert.ok(points[1], 'the second bar can be hit');
    await page.mouse.click(points[1].x, points[1].y);
    await page.waitForFunction(() => window.widgetEvents.some((e) => e.type === 'select'));
    const selects = await page.evaluate(() => window.widgetEvents.filter((e) => e.type === 'select'));
    assert.equal(selects.length, 1);
    assert.equal(selects[0].id, 'builtin-en');
    assert.equal(selects[0].detail.index, 1);
    assert.equal(selects[0].detail.label, 'Other market entities');
    assert.equal(selects[0].detail.sector, 'public-services');
    assert.equal((await widget(page, 'builtin-en')).state.selected, 1);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

/** Listener counts: the page script's (window, document, media queries) and CDP's (window, document). */
async function listenerCounts(page, cdp) {
  let cdpTotal = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    cdpTotal += listeners.length;
  }
  const script = await page.evaluate(() => window.listenerCount());
  return { script: script.total, byKind: script.byKind, cdp: cdpTotal };
}

test('removing a widget leaves no listener behind', async () => {
  const { context, page, log } = await openEmbedPage();
  try {
    const cdp = await context.newCDPSession(page);
    const baseline = await listenerCounts(page, cdp);
    await page.evaluate(() => {
      const el = document.createElement('sector-chart');
      el.id = 'added';
      el.setAttribute('sector', 'smes');
      el.setAttribute('lang', 'en');
      document.querySelector('main').append(el);
    });
    await settled(page, ['added']);
    const mounted = await listenerCounts(page, cdp);
    assert.ok(mounted.script > baseline.script && mounted.cdp > baseline.cdp,
      `a live widget listens on the page: ${JSON.stringify({ baseline, mounted })}`);
    await page.evaluate(() => document.getElementById('added').remove());
    assert.deepEqual(await listenerCounts(page, cdp), baseline, 'back to the baseline after remove()');

    // The same for a widget that was on the page from the start, and for the broken one.
    const perWidget = mounted.script - baseline.script;
    await page.evaluate(() => document.getElementById('builtin-zh').remove());
    const afterOne = await listenerCounts(page, cdp);
    assert.equal(afterOne.script, baseline.script - perWidget);
    await page.evaluate(() => document.getElementById('broken').remove());
    assert.deepEqual(await listenerCounts(page, cdp), afterOne, 'the broken widget had none');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a dataset that fails or never arrives shows an alert; the other widgets are unaffected', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    await page.goto(`${site.origin}/pages/sources.html`);
    await settled(page, ['missing', 'failing', 'fine']);
    const fine = await widget(page, 'fine');
    assert.equal(parseDrawn(fine.drawn).slices, 2);
    const missing = await widget(page, 'missing');
    assert.match(missing.alert ?? '', /\/pages\/no-such-file\.json/);
    assert.match(missing.alert, /404/);
    assert.equal(missing.figureShown, false);
    const failing = await widget(page, 'failing');
    assert.match(failing.alert ?? '', /\/failing\.json/);
    assert.match(failing.alert, /500/);

    // The slow one gives up after its 10 s timeout.
    await settled(page, ['slow'], 20000);
    const slow = await widget(page, 'slow');
    assert.match(slow.alert ?? '', /\/slow\.json/);
    assert.match(slow.alert, /did not arrive within 10 s/);

    const errors = await page.evaluate(() => window.widgetEvents.filter((e) => e.type === 'error'));
    assert.deepEqual(errors.map((e) => e.id).sort(), ['failing', 'missing', 'slow']);
    assert.ok(errors.every((e) => e.detail.problems[0].path === 'src'));
    assert.deepEqual(log.pageErrors, []);
    const unexpected = log.consoleErrors.filter((e) => !/no-such-file\.json|failing\.json|favicon\.ico/.test(e));
    assert.deepEqual(unexpected, []);
  } finally {
    await context.close();
  }
});

test('a page with the loading hints of docs/embedding.md draws, and fetches each file once', async () => {
  const { context, page, log } = await newPage(browser);
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  try {
    await page.goto(`${site.origin}/pages/preload.html`);
    await settled(page, ['hinted']);
    const shown = await widget(page, 'hinted');
    assert.equal(shown.title, 'Valid patents of tech little giants');
    assert.equal(shown.alert, null);
    assert.match(shown.drawn, /^(pie|donut|bar):/);
    // A hint the browser could not use (another credentials mode, say) is a second request.
    for (const file of ['/pkg/sector_charts_bg.wasm', '/pkg/sector_charts.js', '/embed.js', '/widget.css']) {
      assert.equal(requests.filter((path) => path === file).length, 1, `${file} requested once: ${requests}`);
    }
    // Chromium warns of a preload left unused or one that does not match the request.
    assert.deepEqual(log.warnings.filter((w) => /preload/i.test(w)), []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors.filter((e) => !/favicon\.ico/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('embed.js included twice, also from two addresses, breaks nothing', async () => {
  const { context, page, log } = await newPage(browser);
  const wasmRequests = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasmRequests.push(request.url()); });
  try {
    await page.goto(`${site.origin}/pages/twice.html`);
    await settled(page, ['first', 'second']);
    const first = await widget(page, 'first');
    const second = await widget(page, 'second');
    assert.equal(first.title, 'Valid patents of tech little giants');
    assert.equal(second.title, '建成电子商务公共服务中心');
    assert.equal(first.alert, null);
    assert.equal(second.alert, null);
    assert.equal(wasmRequests.length, 1, `the wasm module is downloaded once: ${wasmRequests}`);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors.filter((e) => !/favicon\.ico/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('a thousand mounts and removals: wasm memory and listeners do not grow after warm-up', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    await page.goto(`${site.origin}/pages/mount-loop.html`);
    await page.waitForFunction(() => window.loopReady === true);
    const baseline = await page.evaluate(() => window.listenerCount());
    const warm = await page.evaluate(() => window.mountLoop(100));
    assert.equal(warm.left, 0);
    assert.deepEqual(warm.listeners, baseline, 'listeners back to the baseline after 100 mounts');
    const end = await page.evaluate(() => window.mountLoop(900));
    assert.equal(end.left, 0);
    assert.deepEqual(end.listeners, baseline, 'listeners back to the baseline after 1000 mounts');
    assert.equal(end.memory, warm.memory,
      `wasm memory grew from ${warm.memory} to ${end.memory} bytes between mount 100 and mount 1000`);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors.filter((e) => !/favicon\.ico/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('the closed data table is built after the chart\'s first frame, then holds every slice', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    await page.goto(`${site.origin}/pages/mount-loop.html`);
    await page.waitForFunction(() => window.loopReady === true);
    const seen = await page.evaluate(() => new Promise((done) => {
      const element = document.createElement('sector-chart');
      element.setAttribute('sector', 'smes');
      element.setAttribute('chart', 'patents');
      element.setAttribute('lang', 'en');
      const rows = () => element.shadowRoot.querySelectorAll('.sc-table-wrap tbody tr').length;
      const result = {};
      // The shadow root exists from the constructor on, so this sees the very first draw.
      new MutationObserver((records, observer) => {
        const canvas = element.shadowRoot.querySelector('canvas[data-drawn]');
        if (!canvas) return;
        observer.disconnect();
        result.drawn = canvas.dataset.drawn;
        result.whenDrawn = rows();
        // Runs in the first frame after the widget's own frame callback.
        requestAnimationFrame(() => {
          result.inFirstFrame = rows();
          setTimeout(() => {
            result.after = rows();
            result.caption = element.shadowRoot.querySelector('.sc-table-wrap caption')?.textContent;
            done(result);
          }, 100);
        });
      }).observe(element.shadowRoot, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
      document.getElementById('box').append(element);
    }));
    assert.equal(seen.whenDrawn, 0, 'no table rows yet when the chart is first drawn');
    assert.equal(seen.inFirstFrame, 0, 'nor in the first frame');
    assert.equal(seen.after, parseDrawn(seen.drawn).slices, 'then a row per slice');
    assert.equal(seen.caption, 'Valid patents of tech little giants');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors.filter((e) => !/favicon\.ico/.test(e)), []);
  } finally {
    await context.close();
  }
});

const WASM_FAILURES = [
  ['answers 404', (route) => route.fulfill({ status: 404, body: 'gone' }), /404.*sector_charts_bg\.wasm/],
  ['never arrives (the connection fails)', (route) => route.abort(), /sector_charts_bg\.wasm could not be loaded/],
];

for (const [how, answer, said] of WASM_FAILURES) {
  test(`when the wasm ${how}, each widget says so as text and fires \`error\``, async () => {
    const { context, page, log } = await newPage(browser);
    try {
      await page.route('**/*.wasm', answer);
      await page.goto(`${site.origin}/pages/embed.html`);
      await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)
        ?.shadowRoot?.querySelector('.sc-alert')), WIDGETS);
      const shown = await page.evaluate((ids) => ids.map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return { id, alert: root.querySelector('.sc-alert[role=alert]')?.textContent, canvas: !!root.querySelector('canvas') };
      }), WIDGETS);
      for (const { id, alert, canvas } of shown) {
        const start = id === 'builtin-zh' ? '图表无法启动：' : 'The chart could not start: ';
        assert.ok(alert?.startsWith(start), `${id}: ${alert}`);
        assert.match(alert, said);
        assert.equal(canvas, false);
      }
      const errors = await page.evaluate(() => window.widgetEvents.filter((e) => e.type === 'error'));
      assert.deepEqual(errors.map((e) => e.id).sort(), [...WIDGETS].sort());
      assert.ok(errors.every((e) => e.detail.problems[0].path === 'wasm'));
      assert.deepEqual(log.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('a widget whose stylesheet arrives after the wasm draws once, at its styled size', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    // Every value the widgets write to a canvas's data-drawn, in order: one per draw.
    await page.addInitScript(() => {
      window.draws = [];
      const setAttribute = Element.prototype.setAttribute;
      Element.prototype.setAttribute = function (name, value) {
        if (name === 'data-drawn') window.draws.push({ id: this.getRootNode().host?.id, value });
        return setAttribute.call(this, name, value);
      };
    });
    let cssAsked = 0;
    const wasmArrived = page.waitForResponse((response) => response.url().endsWith('/sector_charts_bg.wasm'));
    await page.route('**/widget.css', async (route) => {
      cssAsked += 1;
      // After the .wasm and its start-up, however slow the machine (and within embed.js's 3 s).
      await wasmArrived;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.goto(`${site.origin}/pages/embed.html`);
    await settled(page, WIDGETS);
    await page.waitForTimeout(300);
    assert.ok(cssAsked >= 1);
    const { draws, widths } = await page.evaluate(() => ({
      draws: window.draws,
      widths: Object.fromEntries([...document.querySelectorAll('sector-chart')].map((host) => {
        const canvas = host.shadowRoot.querySelector('canvas.sc-canvas');
        return [host.id, canvas ? Math.round(canvas.getBoundingClientRect().width) : null];
      })),
    }));
    for (const id of ['builtin-zh', 'builtin-en', 'editor', 'inline']) {
      const mine = draws.filter((d) => d.id === id).map((d) => d.value);
      assert.equal(mine.length, 1, `${id} drew ${mine.length} times: ${mine.join(' | ')}`);
      assert.equal(parseDrawn(mine[0]).width, widths[id], `${id} was drawn at its styled width`);
    }
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a stylesheet that never arrives does not keep the charts off the page', async () => {
  const { context, page, log } = await newPage(browser);
  const held = [];
  try {
    await page.route('**/widget.css', (route) => { held.push(route); });
    const started = Date.now();
    // Not until "load": a pending stylesheet holds the page's load event.
    await page.goto(`${site.origin}/pages/embed.html`, { waitUntil: 'domcontentloaded' });
    await settled(page, WIDGETS);
    assert.ok(held.length >= 1, 'the stylesheet was asked for and held');
    for (const id of ['builtin-zh', 'builtin-en', 'editor', 'inline']) {
      assert.ok(parseDrawn((await widget(page, id)).drawn).slices >= 1, `${id} drew`);
    }
    assert.ok(Date.now() - started >= 2500, 'the widgets waited for the styles first');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await Promise.all(held.map((route) => route.abort().catch(() => {})));
    await context.close();
  }
});

test('a chart freed without destroy() right after it is made leaves nothing behind or running', async () => {
  // Motion allowed, so the entry animation's frames are pending too, beside the data table's.
  const { context, page, log } = await newPage(browser, { reducedMotion: 'no-preference' });
  try {
    await page.goto(`${site.origin}/pages/mount-loop.html`);
    await page.waitForFunction(() => window.loopReady === true);
    const left = await page.evaluate(async () => {
      const embed = await import('/embed.js');
      await embed.load();
      const box = document.getElementById('box');
      for (const sector of ['smes', 'services']) {
        const mount = document.createElement('div');
        box.append(mount);
        const chart = new embed.SectorChart(mount, { lang: 'en', sector });
        chart.free();
      }
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 200))));
      return box.querySelectorAll('.sc-root').length;
    });
    assert.equal(left, 0, 'the freed charts took their DOM with them');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.consoleErrors.filter((e) => !/favicon\.ico/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('the widget build has no explorer: asked for one, it draws the chart and says why', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    await page.goto(`${site.origin}/pages/mount-loop.html`);
    await page.waitForFunction(() => window.loopReady === true);
    const seen = await page.evaluate(async () => {
      const embed = await import('/embed.js');
      await embed.load();
      const mount = document.createElement('div');
      document.getElementById('box').append(mount);
      let detail = null;
      mount.addEventListener('error', (event) => { detail = event.detail; });
      const chart = new embed.SectorChart(mount, { lang: 'en', explorer: true });
      const root = mount.querySelector('.sc-root');
      const result = {
        drawn: root.querySelector('canvas').getAttribute('data-drawn'),
        nav: root.querySelectorAll('.sc-nav, .sc-page-head, .sc-embed').length,
        message: detail?.message ?? null,
        shown: root.querySelector('.sc-alert')?.textContent ?? '',
      };
      chart.destroy();
      chart.free();
      return result;
    });
    assert.match(seen.drawn, /^pie:/, 'the overview chart is drawn');
    assert.equal(seen.nav, 0, 'no explorer parts');
    assert.match(seen.message, /explorer: this build of the widget has no explorer/);
    assert.match(seen.shown, /no explorer/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

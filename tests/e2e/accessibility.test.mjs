// Accessibility: axe-core on the explorer and on an embedding page in light and dark, the chart
// by keyboard alone (focus, arrows, Home/End, Enter, Escape, the live region, the tooltip), and
// the data table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import {
  AXE_DIR, HERE, WWW, launch, startServer, newPage, openExplorer, waitExplorer, state, tooltip,
  assertClean,
} from './helpers.mjs';

let browser;
let site;

before(async () => {
  // axe.min.js is served as a same-origin file: the CSP forbids the inline script that
  // addScriptTag({path}) would add.
  [browser, site] = await Promise.all([launch(), startServer({ roots: [WWW, HERE, AXE_DIR] })]);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** Runs axe on the page and returns the serious and critical violations, printed. */
async function seriousViolations(page, what) {
  await page.addScriptTag({ url: '/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of serious) {
    console.log(`axe ${what}: [${v.impact}] ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 6).join('\n  ')}`);
  }
  return serious;
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no serious or critical problems in the explorer (${scheme})`, async () => {
    const { context, page, log } = await openExplorer(browser, site.origin, 'lang=en', { colorScheme: scheme });
    try {
      assert.equal((await state(page)).dark, scheme === 'dark', `the widget follows the ${scheme} scheme`);
      const found = {};
      found.overview = await seriousViolations(page, `overview (${scheme})`);
      await page.click('.sc-sector[data-value=smes]');
      await page.waitForFunction(() => window.explorer.state().sector === 'smes');
      await page.click('.sc-table-toggle');
      await page.waitForSelector('.sc-table-wrap:not(.sc-sr-only) table');
      found.smes = await seriousViolations(page, `smes (${scheme})`);
      await page.click('.sc-lang');
      await page.waitForFunction(() => window.explorer.state().lang === 'zh');
      found.smesZh = await seriousViolations(page, `smes in Chinese (${scheme})`);
      assert.deepEqual(
        Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.map((x) => x.id)])),
        { overview: [], smes: [], smesZh: [] },
      );
      assertClean(log, 'the explorer');
    } finally {
      await context.close();
    }
  });

  test(`axe finds no serious or critical problems on a page with embedded charts (${scheme})`, async () => {
    const { context, page } = await newPage(browser, { colorScheme: scheme });
    try {
      await page.goto(`${site.origin}/pages/embed.html`);
      await page.waitForFunction(() => ['builtin-zh', 'builtin-en', 'editor', 'inline'].every(
        (id) => document.getElementById(id)?.shadowRoot?.querySelector('canvas.sc-canvas')?.dataset.drawn,
      ) && document.getElementById('broken')?.shadowRoot?.querySelector('.sc-alert')?.hidden === false);
      const dark = await page.evaluate(() => ['builtin-zh', 'inline'].map((id) => document.getElementById(id).state.dark));
      assert.deepEqual(dark, [scheme === 'dark', false], 'theme="auto" follows the page scheme; theme="light" stays light');
      const serious = await seriousViolations(page, `embed page (${scheme})`);
      assert.deepEqual(serious.map((v) => v.id), []);
    } finally {
      await context.close();
    }
  });
}

/** The focused element, through open shadow roots. */
function deepActive(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      inFigure: Boolean(element?.closest?.('.sc-figure')),
      isFigure: element?.classList?.contains('sc-figure') ?? false,
      host: element?.getRootNode()?.host?.id ?? null,
    };
  });
}

async function tabToChart(page, limit = 60) {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    const active = await deepActive(page);
    if (active.inFigure) return { presses, ...active };
  }
  return null;
}

const liveText = (page) => page.evaluate(() => document.querySelector('.sc-live').textContent);

test('the chart is reached with Tab alone and read slice by slice with the keyboard', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'sector=smes&chart=patents&lang=en');
  try {
    const reached = await tabToChart(page);
    assert.ok(reached, 'Tab reaches the chart');
    assert.ok(reached.isFigure, 'the focus lands on the chart figure itself');
    // Every Tab stop before it is a visible control with a name: nothing hidden or unnamed.
    const stops = await page.evaluate(() => [...document.querySelectorAll('button, a[href], summary, textarea, [tabindex="0"]')]
      .filter((el) => el.compareDocumentPosition(document.querySelector('.sc-figure')) & Node.DOCUMENT_POSITION_FOLLOWING)
      .filter((el) => !el.closest('[hidden], .sc-sr-only') && el.getClientRects().length > 0)
      .map((el) => (el.getAttribute('aria-label') || el.textContent).trim()));
    assert.equal(reached.presses, stops.length + 1, `Tab visits exactly the visible controls before the chart: ${stops.join(' | ')}`);
    assert.ok(stops.every((name) => name.length > 0), 'every control before the chart has a name');
    assert.equal((await state(page)).focus, null, 'no slice has focus yet');
    const label = await page.getAttribute('.sc-figure', 'aria-label');
    assert.match(label, /Valid patents of tech little giants/, 'the figure is named by its summary');

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.explorer.state().focus === 0);
    let live = await liveText(page);
    assert.match(live, /Invention patents/);
    assert.match(live, /1,754 patents/);
    assert.match(live, /23\.9%/);
    let tip = await tooltip(page);
    assert.ok(tip.visible, 'the tooltip shows for the keyboard-focused slice');
    assert.ok(tip.text.includes('Invention patents'), tip.text);

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.explorer.state().focus === 1);
    live = await liveText(page);
    assert.match(live, /Other valid patents: 5,581 patents, 76\.1%/);
    tip = await tooltip(page);
    assert.ok(tip.visible && tip.text.includes('Other valid patents'), tip.text);
    assert.ok(tip.rect.right <= tip.viewport.width && tip.rect.bottom <= tip.viewport.height);

    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.explorer.state().focus === 0);
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.explorer.state().focus === 1);
    await page.keyboard.press('Home');
    await page.waitForFunction(() => window.explorer.state().focus === 0);
    assert.match(await liveText(page), /Invention patents/);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.explorer.state().selected === 0);
    assert.match(await liveText(page), /^selected: Invention patents/);
    assert.match(await page.evaluate(() => location.hash), /selected=0/);
    await page.keyboard.press('End');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.explorer.state().selected === 1);
    assert.match(await liveText(page), /^selected: Other valid patents/);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.explorer.state().selected === null);
    assert.equal(await liveText(page), 'selection cleared');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.explorer.state().focus === null);
    await page.waitForFunction(() => document.querySelector('.sc-tooltip').hidden);
    // A third Escape goes back to the overview.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.explorer.state().sector === null);
    assert.equal((await deepActive(page)).isFigure, true, 'the focus stays on the chart');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('on the overview, Enter on a focused slice opens its sector', async () => {
  const { context, page, log } = await openExplorer(browser, site.origin, 'lang=zh');
  try {
    const reached = await tabToChart(page);
    assert.ok(reached, 'Tab reaches the chart');
    await page.keyboard.press('End');
    await page.waitForFunction(() => window.explorer.state().focus === 8);
    assert.match(await liveText(page), /公共服务/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.explorer.state().sector === 'public-services');
    assert.match(await liveText(page), /全省市场主体/, 'the new chart is announced');
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

test('an embedded chart is reached with Tab and answers the arrow keys inside its shadow root', async () => {
  const { context, page, log } = await newPage(browser);
  try {
    await page.goto(`${site.origin}/pages/embed.html`);
    await page.waitForFunction(() => document.getElementById('builtin-zh')?.shadowRoot?.querySelector('canvas')?.dataset.drawn);
    const reached = await tabToChart(page, 30);
    assert.ok(reached, 'Tab reaches the first embedded chart');
    assert.equal(reached.host, 'builtin-zh');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('builtin-zh').state.focus === 0);
    const live = await page.evaluate(() => document.getElementById('builtin-zh').shadowRoot.querySelector('.sc-live').textContent);
    assert.match(live, /发明专利：1754项，占 23\.9%/);
    const tip = await tooltip(page, '#builtin-zh');
    assert.ok(tip.visible && tip.text.includes('发明专利'), tip.text);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('builtin-zh').state.selected === 0);
    const selects = await page.evaluate(() => window.widgetEvents.filter((e) => e.type === 'select'));
    assert.equal(selects.length, 1);
    assert.equal(selects[0].detail.label, '发明专利');
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the data table opens with its button and has a row per slice with label, value, share and source', async () => {
  for (const [lang, show, hide, headers, first] of [
    ['en', 'Show data', 'Hide data', ['Label', 'Value', 'Share', 'Source'], ['Invention patents', '1,754 patents', '23.9%']],
    ['zh', '显示数据表', '隐藏数据表', ['项目', '数值', '占比', '来源'], ['发明专利', '1754项', '23.9%']],
  ]) {
    const { context, page, log } = await openExplorer(browser, site.origin, `sector=smes&chart=patents&lang=${lang}`);
    try {
      const button = page.locator('.sc-table-toggle');
      assert.equal(await button.innerText(), show);
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('.sc-table-wrap').getAttribute('class'), 'sc-table-wrap sc-sr-only',
        'closed, the table is still there for screen readers');
      await button.click();
      await page.waitForSelector('.sc-table-wrap:not(.sc-sr-only) table', { state: 'visible' });
      assert.equal(await button.innerText(), hide);
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      const table = await page.evaluate(() => {
        const t = document.querySelector('.sc-table-wrap table');
        return {
          caption: t.querySelector('caption').textContent,
          headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
          rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
          rowHeaders: [...t.querySelectorAll('tbody th[scope=row]')].length,
        };
      });
      assert.equal(table.caption, lang === 'en' ? 'Valid patents of tech little giants' : '科技小巨人企业有效专利');
      assert.deepEqual(table.headers, headers);
      assert.equal(table.rows.length, 2, 'one row per slice');
      assert.equal(table.rowHeaders, 2);
      assert.deepEqual(table.rows[0].slice(0, 3), first);
      assert.equal(table.rows[0][3], '其中发明专利 1754 项', 'the source cell quotes the report');
      assert.match(table.rows[1][3], lang === 'en' ? /Derived:/ : /推算/);
      await button.click();
      await page.waitForSelector('.sc-table-wrap.sc-sr-only', { state: 'attached' });
      assertClean(log, 'the explorer');
    } finally {
      await context.close();
    }
  }
});

test('the explorer page itself: the browser\'s language, one main, one h1, a named navigation', async () => {
  const { context, page, log } = await newPage(browser, { locale: 'zh-CN' });
  try {
    await page.goto(`${site.origin}/`);
    await waitExplorer(page);
    assert.equal(await page.getAttribute('.sc-root', 'lang'), 'zh', 'a Chinese browser gets Chinese');
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal(await page.getAttribute('.sc-nav', 'aria-label'), '领域');
    assert.ok(await page.locator('.sc-live[aria-live=polite]').count() === 1);
    assertClean(log, 'the explorer');
  } finally {
    await context.close();
  }
});

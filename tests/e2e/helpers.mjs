// Shared pieces of the end-to-end tests: the server, browser contexts with error logs, waiting
// for the chart, finding slices on the canvas, and reading pictures.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';

import { serve } from './server.mjs';

import { launch } from './browser.mjs';

export { launch };

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const WWW = join(ROOT, 'www');
export const PAGES = join(HERE, 'pages');
export const AXE_DIR = join(HERE, 'node_modules', 'axe-core');
export const DATASET = join(ROOT, 'src', 'data', 'jilin-quality.json');

/** Serves `roots` (www by default) on a free port; `close()` also ends hanging requests. */
export async function startServer({ roots = [WWW], routes = {} } = {}) {
  const server = await serve(roots, 0, routes);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
  return { server, origin, close };
}

/**
 * The browser and the served site for a test file: started before its tests, closed after.
 * Read `env.browser` and `env.site` inside the tests.
 */
export function browserAndSite(serverOptions) {
  const env = { browser: null, site: null };
  before(async () => {
    [env.browser, env.site] = await Promise.all([launch(), startServer(serverOptions)]);
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}

/** Context options every test starts from: desktop, light, no entry animation, English UI. */
export const DESKTOP = {
  viewport: { width: 1200, height: 900 },
  reducedMotion: 'reduce',
  colorScheme: 'light',
  locale: 'en-US',
};

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  hasTouch: true,
  isMobile: true,
  reducedMotion: 'reduce',
  colorScheme: 'light',
  locale: 'en-US',
};

/** Collects console errors and uncaught page errors of a page. */
export function watch(page) {
  const log = { consoleErrors: [], pageErrors: [], warnings: [] };
  page.on('console', (message) => {
    const entry = `${message.text()} (${message.location()?.url ?? '?'})`;
    if (message.type() === 'error') log.consoleErrors.push(entry);
    if (message.type() === 'warning') log.warnings.push(entry);
  });
  page.on('pageerror', (error) => log.pageErrors.push(String(error?.stack ?? error)));
  return log;
}

/**
 * Asserts that nothing went wrong on the page, showing what did. The browser's own request for
 * /favicon.ico (www/ has none) is checked once, by the explorer's loading test (`strict`), and
 * left out elsewhere so that one missing file does not hide what each test is about.
 */
export function assertClean(log, what = 'the page', { strict = false } = {}) {
  assert.deepEqual(log.pageErrors, [], `uncaught errors on ${what}`);
  const errors = strict ? log.consoleErrors : log.consoleErrors.filter((e) => !/\/favicon\.ico\)$/.test(e));
  assert.deepEqual(errors, [], `console errors on ${what}`);
}

/** A fresh context and page; `options` override DESKTOP. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ ...DESKTOP, ...options });
  const page = await context.newPage();
  const log = watch(page);
  return { context, page, log };
}

/** Opens the explorer at `hash` (without '#') and waits for the first drawing. */
export async function openExplorer(browser, origin, hash = '', options = {}) {
  const opened = await newPage(browser, options);
  await opened.page.goto(`${origin}/${hash ? `#${hash}` : ''}`);
  await waitExplorer(opened.page);
  return opened;
}

export async function waitExplorer(page) {
  await page.waitForFunction(() => window.explorer
    && document.querySelector('.sc-root[data-view]')
    && document.querySelector('canvas.sc-canvas')?.dataset.drawn);
}

/** The explorer's state(). */
export function state(page) {
  return page.evaluate(() => window.explorer.state());
}

/** The explorer canvas's data-drawn marker. */
export function drawn(page) {
  return page.evaluate(() => document.querySelector('canvas.sc-canvas')?.dataset.drawn ?? null);
}

/** Waits until the explorer canvas's data-drawn satisfies `test` (a RegExp). */
export async function waitDrawn(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('canvas.sc-canvas')?.dataset.drawn ?? ''),
    pattern.source,
  );
  return drawn(page);
}

/** Waits for the explorer's data-view to satisfy `pattern`. */
export async function waitView(page, pattern) {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('.sc-root')?.dataset.view ?? ''),
    pattern.source,
  );
  return page.evaluate(() => document.querySelector('.sc-root').dataset.view);
}

/** Parses a data-drawn marker "pie:1022x520:9". */
export function parseDrawn(marker) {
  const match = /^(pie|donut|bar):(\d+)x(\d+):(\d+)$/.exec(marker ?? '');
  assert.ok(match, `data-drawn marker ${JSON.stringify(marker)} has the form kind:WxH:slices`);
  return { kind: match[1], width: Number(match[2]), height: Number(match[3]), slices: Number(match[4]) };
}

/**
 * Finds a point well inside each visible slice by hit-testing the canvas in the page: synthetic
 * mouse pointermoves over a grid, reading which slice the widget says is hovered. `host` is a
 * CSS selector of a <sector-chart> (its state getter is used), or null for the explorer.
 * Returns {index: {x, y}} in client (viewport) coordinates; the canvas is scrolled into view.
 */
export async function slicePoints(page, host = null, step = 8) {
  return page.evaluate(({ host, step }) => {
    const element = host ? document.querySelector(host) : null;
    const scope = element ? element.shadowRoot : document;
    const canvas = scope.querySelector('canvas.sc-canvas');
    const read = element ? () => element.state : () => window.explorer.state();
    canvas.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = canvas.getBoundingClientRect();
    const grid = new Map();
    const cols = Math.floor(rect.width / step);
    const rows = Math.floor(rect.height / step);
    for (let j = 1; j < rows; j += 1) {
      for (let i = 1; i < cols; i += 1) {
        canvas.dispatchEvent(new PointerEvent('pointermove', {
          clientX: rect.left + i * step, clientY: rect.top + j * step, pointerType: 'mouse', bubbles: true,
        }));
        grid.set(`${i},${j}`, read().hover);
      }
    }
    canvas.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    const found = {};
    const around = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1], [2, 0], [-2, 0], [0, 2], [0, -2]];
    for (const [key, index] of grid) {
      if (index === null || index === undefined) continue;
      const [i, j] = key.split(',').map(Number);
      const entry = (found[index] ??= { all: [], inner: [] });
      entry.all.push([i, j]);
      if (around.every(([di, dj]) => grid.get(`${i + di},${j + dj}`) === index)) entry.inner.push([i, j]);
    }
    const points = {};
    for (const [index, { all, inner }] of Object.entries(found)) {
      const pool = inner.length ? inner : all;
      const cx = pool.reduce((s, p) => s + p[0], 0) / pool.length;
      const cy = pool.reduce((s, p) => s + p[1], 0) / pool.length;
      const best = pool.reduce((a, b) => (Math.hypot(a[0] - cx, a[1] - cy) <= Math.hypot(b[0] - cx, b[1] - cy) ? a : b));
      points[index] = { x: rect.left + best[0] * step, y: rect.top + best[1] * step, cells: all.length };
    }
    return points;
  }, { host, step });
}

/**
 * Reads a PNG in the page: its size, how many distinct colours it has and how many pixels are
 * neither transparent nor the colour of its top-left corner (the background).
 */
export async function imageStats(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set();
    let ink = 0;
    const bg = [data[0], data[1], data[2], data[3]];
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
      const same = data[i] === bg[0] && data[i + 1] === bg[1] && data[i + 2] === bg[2] && data[i + 3] === bg[3];
      if (data[i + 3] > 0 && !same) ink += 1;
    }
    return { width: canvas.width, height: canvas.height, colours: colours.size, ink, pixels: data.length / 4 };
  }, Buffer.from(png).toString('base64'));
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(buffer.subarray(0, 8).equals(signature), 'the file starts with the PNG signature');
  assert.equal(buffer.subarray(12, 16).toString('latin1'), 'IHDR', 'the first chunk is IHDR');
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** Whether the tooltip is shown, with its text and box (in the explorer, or inside `host`). */
export async function tooltip(page, host = null) {
  return page.evaluate((host) => {
    const scope = host ? document.querySelector(host).shadowRoot : document;
    const tip = scope.querySelector('.sc-tooltip');
    if (!tip) return null;
    const rect = tip.getBoundingClientRect();
    return {
      visible: !tip.hidden && rect.width > 0 && rect.height > 0 && getComputedStyle(tip).display !== 'none',
      role: tip.getAttribute('role'),
      text: tip.textContent,
      rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
    };
  }, host);
}

/** The dataset file as an object. */
export async function dataset() {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(DATASET, 'utf8'));
}

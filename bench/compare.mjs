// Before/after, side by side in one run: the same <sector-chart> page (pages/ours.html) served
// from two builds of www/, alternating loads, measuring first chart and main-thread time per
// pointer move the way run.mjs does.
// With COMPARE_SLICES=10000 it also loads a generated editor dataset of that many slices
// through src= and compares "data arrived → drawn", as run.mjs does.
//   node compare.mjs BEFORE_WWW [AFTER_WWW=../www] [runs=7] [moves=200]
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { median, fmt } from './lib/stats.mjs';
import { writeDatasets } from './lib/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const [before, after = join(HERE, '../www'), runs = '7', moves = '200'] = process.argv.slice(2);
if (!before) throw new Error('usage: node compare.mjs BEFORE_WWW [AFTER_WWW] [runs] [moves]');
const builds = { before: resolve(before), after: resolve(after) };
const slices = Number(process.env.COMPARE_SLICES || 0);
const OUT = join(HERE, 'out');
const datasets = slices ? await writeDatasets(OUT, [slices]) : {};
const server = await serve(Object.entries(builds).flatMap(([name, www]) => [
  [`/${name}/out/`, OUT],
  [`/${name}/`, join(HERE, 'pages')],
  [`/${name}/`, www],
]));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const CONTEXT = { viewport: { width: 760, height: 1000 }, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' };
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'];

async function once(name) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  await page.goto(`${origin}/${name}/ours.html`);
  await page.waitForFunction(() => window.__bench?.frame != null, null, { timeout: 60000 });
  const first = await page.evaluate(() => window.__bench.drawn);
  const ring = await page.evaluate(() => window.__benchRing());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const n = Number(moves);
  const points = [];
  for (let i = 0; i <= n; i += 1) {
    const angle = (i / n) * 4 * Math.PI;
    const r = ring.r0 + (ring.r1 - ring.r0) * (0.5 + 0.35 * Math.sin(angle * 7));
    points.push([ring.x + r * Math.cos(angle), ring.y + r * Math.sin(angle)]);
  }
  await page.mouse.move(...points[0]);
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
  const start = await read();
  for (const point of points.slice(1)) await page.mouse.move(...point);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const end = await read();
  await context.close();
  const per = Object.fromEntries(METRICS.map((m) => [m, ((end[m] - start[m]) * 1000) / n]));
  return { first, ...per };
}

/** Milliseconds from the generated dataset's responseEnd to the chart drawn. */
async function scaleOnce(name) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  const src = encodeURIComponent(datasets[slices].replace(/^\/out\//, `/${name}/out/`));
  await page.goto(`${origin}/${name}/ours-src.html?sector=bench&src=${src}`);
  await page.waitForFunction(() => window.__bench?.drawn != null, null, { timeout: 120000 });
  const fromData = await page.evaluate(() => {
    const data = performance.getEntriesByType('resource').find((e) => e.name.includes('/out/'));
    return window.__bench.drawn - data.responseEnd;
  });
  await context.close();
  return fromData;
}

const results = { before: [], after: [] };
for (let i = 0; i < Number(runs); i += 1) {
  for (const name of ['before', 'after']) {
    const result = await once(name);
    if (slices) result.scale = await scaleOnce(name);
    results[name].push(result);
  }
}
await browser.close();
server.close();

const rows = [['first chart (ms)', 'first'], ['main thread per move (ms)', 'TaskDuration'],
  ['… script (ms)', 'ScriptDuration'], ['… layout (ms)', 'LayoutDuration'], ['… style (ms)', 'RecalcStyleDuration']];
if (slices) rows.push([`${slices} slices: data arrived → drawn (ms)`, 'scale']);
console.log(`| median of ${runs} loads, ${moves} moves each | before | after | after/before |`);
console.log('|---|---:|---:|---:|');
for (const [label, key] of rows) {
  const b = median(results.before.map((r) => r[key]));
  const a = median(results.after.map((r) => r[key]));
  console.log(`| ${label} | ${fmt(b, 2)} | ${fmt(a, 2)} | ${fmt(a / b, 2)}× |`);
}

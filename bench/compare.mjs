// Before/after, side by side in one run: the same <sector-chart> page (pages/ours.html) served
// from two builds of www/, alternating loads, measuring first chart and main-thread time per
// pointer move the way run.mjs does. With --peers, the blank page and Chart.js's page take turns
// too, and the table adds each build's time per move net of the blank page's, and its ratio to
// Chart.js's (the goal of docs/performance.md), from the same run.
// With COMPARE_SLICES=10000 it also loads a generated editor dataset of that many slices into
// each build through src= and compares "data arrived → drawn", as run.mjs does.
//   node compare.mjs BEFORE_WWW [AFTER_WWW=../www] [runs=7] [moves=200] [--peers]
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { median, fmt } from './lib/stats.mjs';
import { writeDatasets } from './lib/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const PEERS = process.argv.includes('--peers');
const [before, after = join(HERE, '../www'), runs = '7', moves = '200'] = process.argv.slice(2)
  .filter((arg) => arg !== '--peers');
if (!before) throw new Error('usage: node compare.mjs BEFORE_WWW [AFTER_WWW] [runs] [moves]');
const builds = { before: resolve(before), after: resolve(after) };
const slices = Number(process.env.COMPARE_SLICES || 0);
const OUT = join(HERE, 'out');
const datasets = slices ? await writeDatasets(OUT, [slices]) : {};
const server = await serve([
  ...Object.entries(builds).flatMap(([name, www]) => [
    [`/${name}/out/`, OUT],
    [`/${name}/`, join(HERE, 'pages')],
    [`/${name}/`, www],
  ]),
  ['/vendor/', join(HERE, 'node_modules/chart.js/dist')],
  ['/peers/', join(HERE, 'pages')],
]);
const PAGE = { before: '/before/ours.html', after: '/after/ours.html', blank: '/peers/blank.html', chartjs: '/peers/chartjs.html' };
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const CONTEXT = { viewport: { width: 760, height: 1000 }, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' };
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'];

async function once(name) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  await page.goto(origin + PAGE[name]);
  // The blank page has no frame to wait for; the peers know their ring.
  await page.waitForFunction(() => window.__bench?.drawn != null && (window.__bench.frame != null || window.__bench.ring), null, { timeout: 60000 });
  const first = await page.evaluate(() => window.__bench.drawn);
  const ring = await page.evaluate(() => window.__bench.ring ?? window.__benchRing());
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

const names = PEERS ? ['before', 'after', 'blank', 'chartjs'] : ['before', 'after'];
const results = Object.fromEntries(names.map((name) => [name, []]));
for (let i = 0; i < Number(runs); i += 1) {
  for (const name of names) {
    const result = await once(name);
    if (slices && (name === 'before' || name === 'after')) result.scale = await scaleOnce(name);
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
if (PEERS) {
  const task = (name) => median(results[name].map((r) => r.TaskDuration));
  const floor = task('blank');
  const net = (name) => task(name) - floor;
  console.log(`\nper move, minus the blank page's ${fmt(floor, 2)} ms (medians of ${runs} sweeps each):`);
  console.log('| | before | after | Chart.js |');
  console.log('|---|---:|---:|---:|');
  console.log(`| main thread, net (ms) | ${fmt(net('before'), 2)} | ${fmt(net('after'), 2)} | ${fmt(net('chartjs'), 2)} |`);
  console.log(`| ÷ Chart.js | ${fmt(net('before') / net('chartjs'), 2)}× | ${fmt(net('after') / net('chartjs'), 2)}× | 1× |`);
  const first = (name) => median(results[name].map((r) => r.first));
  console.log(`\nfirst chart (medians of ${runs} loads each):`);
  console.log('| | before | after | Chart.js |');
  console.log('|---|---:|---:|---:|');
  console.log(`| first chart (ms) | ${fmt(first('before'), 1)} | ${fmt(first('after'), 1)} | ${fmt(first('chartjs'), 1)} |`);
  console.log(`| ÷ Chart.js | ${fmt(first('before') / first('chartjs'), 2)}× | ${fmt(first('after') / first('chartjs'), 2)}× | 1× |`);
}

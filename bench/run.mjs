// `make bench`: <sector-chart> against Chart.js and ECharts in headless Chromium, on the same data
// and the same 640x480 CSS px chart at devicePixelRatio 1. Prints a markdown table of medians and
// writes it, with the machine and the goals, into docs/performance.md (a hand-written part at
// the end of that file is kept). Raw numbers go to bench/out/results.json. A benchmark, not a
// test: it asserts nothing about times.
//
// Counts can be lowered for a quick look, e.g. BENCH_LOADS=3 BENCH_RUNS=2 node run.mjs
// (BENCH_QUICK=1 does that and skips docs/performance.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { serve } from './server.mjs';
import { writeDatasets } from './lib/data.mjs';
import { median, summarizeProfile, fmt, ratio } from './lib/stats.mjs';
import { TRACE_CATEGORIES, summarizeTrace } from './lib/trace.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const WWW = join(ROOT, 'www');
const OUT = join(HERE, 'out');
const DOC = join(ROOT, 'docs', 'performance.md');
const started = Date.now();
const START_LOAD = loadavg().map((l) => l.toFixed(2)).join(' ');

const QUICK = process.env.BENCH_QUICK === '1';
const num = (name, fallback) => Number(process.env[name] ?? (QUICK ? Math.min(fallback, 2) : fallback));
const CONFIG = {
  loads: num('BENCH_LOADS', 9), // fresh page loads per library for the first chart
  runs: num('BENCH_RUNS', 5), // pointer sweeps per page (on the first loads)
  moves: num('BENCH_MOVES', 200), // mouse moves per sweep
  scale: [1000, 10000],
  scaleLoads: { 1000: num('BENCH_SCALE_LOADS', 5), 10000: num('BENCH_SCALE_LOADS_10K', 3) },
  scaleRuns: num('BENCH_SCALE_RUNS', 3),
  // Every library redraws the whole chart per move here (a third of a second at 10k slices):
  // fewer moves keep the run within minutes.
  scaleMoves: { 1000: num('BENCH_SCALE_MOVES', 100), 10000: num('BENCH_SCALE_MOVES_10K', 15) },
  changes: num('BENCH_CHANGES', 1000), // view changes for the memory check
};

// ---------------------------------------------------------------------------------------------
// Set-up: the npm packages (the libraries here, playwright-core in tests/e2e) and the built site.

function ensureInstalled(dir) {
  const modules = join(dir, 'node_modules');
  const stale = !existsSync(join(modules, '.package-lock.json'))
    || statSync(join(dir, 'package-lock.json')).mtimeMs > statSync(join(modules, '.package-lock.json')).mtimeMs;
  if (!stale) return;
  console.log(`==> npm ci in ${dir}`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
}

ensureInstalled(HERE);
ensureInstalled(join(ROOT, 'tests', 'e2e'));
const { launch } = await import('../tests/e2e/browser.mjs');

const OURS_FILES = ['embed.js', 'pkg/sector_charts.js', 'pkg/sector_charts_bg.wasm', 'widget.css'];
for (const file of OURS_FILES) {
  if (!existsSync(join(WWW, file))) {
    console.error(`bench: www/${file} is missing: run make build first (make bench does).`);
    process.exit(1);
  }
}
const version = (name) => JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
const CHARTJS = `Chart.js ${version('chart.js')}`;
const ECHARTS = `ECharts ${version('echarts')}`;
const LIBS = ['ours', 'chartjs', 'echarts'];
const NAMES = { ours: '`<sector-chart>`', chartjs: CHARTJS, echarts: ECHARTS, blank: 'blank page', chartjsDefault: `${CHARTJS} (default animations)` };

// ---------------------------------------------------------------------------------------------
// 1. Bytes: what one widget makes the page load, each file gzipped at level 9.

function bytesOf(files) {
  let raw = 0;
  let gzip = 0;
  const each = {};
  for (const file of files) {
    const body = readFileSync(file);
    const packed = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += packed;
    each[file.slice(ROOT.length + 1)] = { raw: body.length, gzip: packed };
  }
  return { raw, gzip, files: each };
}

const bytes = {
  ours: bytesOf(OURS_FILES.map((file) => join(WWW, file))),
  chartjs: bytesOf([join(HERE, 'node_modules/chart.js/dist/chart.umd.js')]),
  echarts: bytesOf([join(HERE, 'node_modules/echarts/dist/echarts.min.js')]),
};

// ---------------------------------------------------------------------------------------------
// The browser side.

mkdirSync(OUT, { recursive: true });
const datasets = await writeDatasets(OUT, CONFIG.scale);
const NAMED = join(OUT, 'named');
const server = await serve([
  // /named/: our pages with a build of the same wasm that keeps function names (for profiles).
  ['/named/pkg/', join(NAMED, 'pkg')],
  ['/named/', join(HERE, 'pages')],
  // src/: embed.js (and widget.css) as written, not minified as in www/, so that the profiles
  // name embed.js's functions.
  ['/named/', join(ROOT, 'src')],
  ['/named/', WWW],
  ['/vendor/', join(HERE, 'node_modules/chart.js/dist')],
  ['/vendor/', join(HERE, 'node_modules/echarts/dist')],
  ['/out/', OUT],
  ['/', join(HERE, 'pages')],
  ['/', WWW],
]);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const CONTEXT = {
  viewport: { width: 760, height: 1000 },
  deviceScaleFactor: 1,
  reducedMotion: 'reduce', // turns off <sector-chart>'s entry animation
  colorScheme: 'light',
  locale: 'en-US',
};

const PAGES = {
  ours: '/ours.html',
  chartjs: '/chartjs.html',
  echarts: '/echarts.html',
  blank: '/blank.html',
  // Pointer sweeps only: Chart.js as it comes, hover animations on.
  chartjsDefault: '/chartjs.html?animation=default',
};
function scaleUrl(lib, n) {
  const src = encodeURIComponent(datasets[n]);
  return lib === 'ours' ? `/ours-src.html?sector=bench&src=${src}` : `${PAGES[lib]}?src=${src}`;
}

const problems = [];
const rings = new Map(); // URL -> ring of the chart in client px (found once per page)

/** A fresh context (no cache, nothing shared) with the page loaded and its chart drawn. */
async function open(url, { timeout = 120000 } = {}) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`${url}: ${error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${url}: console: ${message.text()}`);
  });
  await page.goto(origin + url);
  await page.waitForFunction(() => window.__bench?.drawn != null
    && (window.__bench.frame !== null || !('frame' in window.__bench)), null, { timeout });
  const result = await page.evaluate(() => {
    const data = performance.getEntriesByType('resource').find((entry) => entry.name.includes('/out/'));
    return { ...window.__bench, dataArrived: data ? data.responseEnd : null };
  });
  return { context, page, result };
}

async function ringOf(url, page, result) {
  if (!rings.has(url)) rings.set(url, result.ring ?? await page.evaluate(() => window.__benchRing()));
  return rings.get(url);
}

/** Two frames and a task: whatever the last move scheduled has run. */
const settle = (page) => page.evaluate(() => new Promise((done) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
}));

/** `moves` mouse moves around the ring (two turns, weaving in and out over the slices). */
function sweepPath(ring, moves) {
  const points = [];
  const inner = ring.r0 + (ring.r1 - ring.r0) * 0.15;
  const outer = ring.r0 + (ring.r1 - ring.r0) * 0.85;
  for (let i = 0; i <= moves; i += 1) {
    const angle = (i / moves) * 4 * Math.PI;
    const r = inner + (outer - inner) * (0.5 + 0.5 * Math.sin(angle * 7));
    points.push({ x: ring.x + r * Math.cos(angle), y: ring.y + r * Math.sin(angle) });
  }
  return points;
}

const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'];

/** Main-thread time per move (ms) from CDP Performance metrics around the sweep. */
async function sweep(context, page, ring, moves, { profile = false } = {}) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const points = sweepPath(ring, moves);
  await page.mouse.move(points[0].x, points[0].y);
  await settle(page);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics
    .filter((metric) => METRICS.includes(metric.name)).map((metric) => [metric.name, metric.value]));
  const before = await read();
  const wall = Date.now();
  for (const point of points.slice(1)) await page.mouse.move(point.x, point.y);
  await settle(page);
  const after = await read();
  const result = { wallPerMove: (Date.now() - wall) / moves };
  for (const name of METRICS) result[name] = ((after[name] - before[name]) * 1000) / moves;
  if (profile) result.profile = (await cdp.send('Profiler.stop')).profile;
  await cdp.detach();
  return result;
}

function log(message) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. First chart and pointer moves on the 9-slice donut; the blank page as the floor.

const first = { ours: [], chartjs: [], echarts: [] };
const pointer = { ours: [], chartjs: [], echarts: [], blank: [], chartjsDefault: [] };
const SWEEP_ONLY = ['blank', 'chartjsDefault'];
log(`first chart: ${CONFIG.loads} loads per library (after one warm-up each); pointer: ${CONFIG.runs} sweeps of ${CONFIG.moves} moves`);
for (let round = -1; round < Math.max(CONFIG.loads, CONFIG.runs); round += 1) {
  for (const lib of [...LIBS, ...SWEEP_ONLY]) {
    const url = PAGES[lib];
    const sweepNow = round >= 0 && round < CONFIG.runs;
    if (SWEEP_ONLY.includes(lib) && !sweepNow) continue;
    if (!SWEEP_ONLY.includes(lib) && round >= CONFIG.loads && !sweepNow) continue;
    const { context, page, result } = await open(url);
    if (round >= 0 && !SWEEP_ONLY.includes(lib) && round < CONFIG.loads) first[lib].push({ drawn: result.drawn, frame: result.frame, marker: result.marker, late: Boolean(result.late) });
    if (sweepNow) pointer[lib].push(await sweep(context, page, await ringOf(url, page, result), CONFIG.moves));
    await context.close();
  }
}
log(`first chart (median ms): ${LIBS.map((lib) => `${lib} ${fmt(median(first[lib].map((r) => r.drawn)))}`).join(', ')}`);
// pages/ours.js runs after embed.js; on a loaded machine the chart can be drawn before it does.
const late = first.ours.filter((r) => r.late).length;
if (late) log(`first chart: ${late} of ${first.ours.length} loads of ours were drawn before the measuring script ran (timed when it ran: a little late)`);

// ---------------------------------------------------------------------------------------------
// 4. Scale: an editor's dataset of 1,000 and 10,000 slices through src= (the peers fetch the
// same JSON file and parse it themselves).

const scale = {};
for (const n of CONFIG.scale) {
  scale[n] = { first: { ours: [], chartjs: [], echarts: [] }, pointer: { ours: [], chartjs: [], echarts: [] } };
  const loads = CONFIG.scaleLoads[n];
  log(`${n} slices: ${loads} loads per library, ${CONFIG.scaleRuns} sweeps of ${CONFIG.scaleMoves[n]} moves`);
  for (let round = 0; round < Math.max(loads, CONFIG.scaleRuns); round += 1) {
    for (const lib of LIBS) {
      const url = scaleUrl(lib, n);
      const { context, page, result } = await open(url);
      if (round < loads) {
        scale[n].first[lib].push({
          drawn: result.drawn,
          fromData: result.dataArrived === null ? null : result.drawn - result.dataArrived,
          marker: result.marker,
        });
      }
      if (round < CONFIG.scaleRuns) {
        scale[n].pointer[lib].push(await sweep(context, page, await ringOf(url, page, result), CONFIG.scaleMoves[n]));
      }
      await context.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Memory: wasm linear memory with the built-in data, after 100 and after all view changes.

log(`memory: ${CONFIG.changes} view changes`);
async function memorySnapshot(cdp, page, changes) {
  const state = changes ? await page.evaluate((n) => window.__benchChanges(n), changes) : await page.evaluate(() => window.__benchMemory());
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { wasm: state.wasm, draws: state.draws, jsHeap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}
const memory = {};
{
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`memory.html: ${error}`));
  await page.goto(`${origin}/memory.html`);
  await page.waitForFunction(() => window.__benchMemoryReady);
  await page.evaluate(() => window.__benchMemoryReady());
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  memory.initial = await memorySnapshot(cdp, page, 0);
  const warm = Math.min(100, CONFIG.changes);
  memory.after100 = await memorySnapshot(cdp, page, warm);
  memory.after = await memorySnapshot(cdp, page, CONFIG.changes - warm);
  memory.changes = CONFIG.changes;
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// The table and the goals.

const KiB = 1024;
const med = (runs, key) => median(runs.map((run) => run[key]));
const floor = { task: med(pointer.blank, 'TaskDuration'), script: med(pointer.blank, 'ScriptDuration') };
const net = (runs, key, base) => Math.max(0, med(runs, key) - base);
const perMove = (lib, runs = pointer[lib]) => ({
  task: net(runs, 'TaskDuration', floor.task),
  script: net(runs, 'ScriptDuration', floor.script),
  rawTask: med(runs, 'TaskDuration'),
  layout: med(runs, 'LayoutDuration'),
  style: med(runs, 'RecalcStyleDuration'),
});
const moves = Object.fromEntries([...LIBS, 'chartjsDefault'].map((lib) => [lib, perMove(lib)]));
const firstMs = Object.fromEntries(LIBS.map((lib) => [lib, med(first[lib], 'drawn')]));
const scaleSummary = Object.fromEntries(CONFIG.scale.map((n) => [n, Object.fromEntries(LIBS.map((lib) => [lib, {
  drawn: med(scale[n].first[lib], 'drawn'),
  // What the canvas shows: the marker's last field (ours groups the smallest slices as "other").
  shown: median(scale[n].first[lib].map((run) => Number(String(run.marker).split(':').at(-1)))),
  fromData: med(scale[n].first[lib], 'fromData'),
  move: perMove(lib, scale[n].pointer[lib]),
}]))]));

const rows = [];
const row = (label, values, digits = 1, unit = '') => {
  const cell = (v) => (v === null || v === undefined ? '–' : `${fmt(v, digits)}${unit}`);
  rows.push(`| ${label} | ${cell(values.ours)} | ${cell(values.chartjs)} | ${cell(values.echarts)} | ${ratio(values.ours, values.chartjs)} | ${ratio(values.ours, values.echarts)} |`);
};
const pick = (fn) => Object.fromEntries(LIBS.map((lib) => [lib, fn(lib)]));
row('bytes, gzipped (KiB)', pick((lib) => bytes[lib].gzip / KiB));
row('bytes, raw (KiB)', pick((lib) => bytes[lib].raw / KiB));
row(`first chart on screen (ms from navigation start, median of ${CONFIG.loads})`, firstMs);
row(`main thread per pointer move (ms, minus the blank page's ${fmt(floor.task, 2)})`, pick((lib) => moves[lib].task), 2);
rows.push(`| … against ${CHARTJS} with its default animations (hover transitions; ms, minus the blank page's) | ${fmt(moves.ours.task, 2)} | ${fmt(moves.chartjsDefault.task, 2)} | – | ${ratio(moves.ours.task, moves.chartjsDefault.task)} | |`);
row(`… of it script (ms, minus the blank page's ${fmt(floor.script, 2)})`, pick((lib) => moves[lib].script), 2);
row('… layout + style recalculation (ms, not floor-corrected)', pick((lib) => moves[lib].layout + moves[lib].style), 2);
for (const n of CONFIG.scale) {
  const s = scaleSummary[n];
  const k = n >= 1000 ? `${n / 1000}k` : `${n}`;
  row(`${k} slices: slices drawn on the canvas`, pick((lib) => s[lib].shown), 0);
  row(`${k} slices: first draw (ms from navigation start)`, pick((lib) => s[lib].drawn), 0);
  row(`${k} slices: data arrived → drawn (ms)`, pick((lib) => s[lib].fromData), 0);
  row(`${k} slices: main thread per pointer move (ms, minus floor)`, pick((lib) => s[lib].move.task), 2);
}
rows.push(`| wasm linear memory, built-in data (MiB) | ${fmt(memory.initial.wasm / 1048576, 2)} | – | – | | |`);
rows.push(`| … after ${memory.changes} view changes (MiB) | ${fmt(memory.after.wasm / 1048576, 2)} | – | – | | |`);
const table = [
  `| median | ${NAMES.ours} | ${CHARTJS} | ${ECHARTS} | ours / Chart.js | ours / ECharts |`,
  '|---|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');

const verdict = (ok) => (ok ? '**met**' : '**not met**');
const worst = (key) => Math.max(...CONFIG.scale.map((n) => scaleSummary[n].ours[key]));
const worstMove = Math.max(...CONFIG.scale.map((n) => scaleSummary[n].ours.move.task));
const goals = [
  // The byte goal set for the design card's stack (plotters, serde, serde-wasm-bindgen).
  ['bytes ≤ 140 KiB gzipped', `${fmt(bytes.ours.gzip / KiB, 1)} KiB`, bytes.ours.gzip <= 140 * KiB],
  ['first chart ≤ 0.8× Chart.js', `${ratio(firstMs.ours, firstMs.chartjs)}`, firstMs.ours <= 0.8 * firstMs.chartjs],
  ['pointer move ≤ 0.3× Chart.js (main thread, minus floor), like for like: Chart.js with `animation: false`', `${ratio(moves.ours.task, moves.chartjs.task)}`, moves.ours.task <= 0.3 * moves.chartjs.task],
  ['… against Chart.js as it comes (default hover animations)', `${ratio(moves.ours.task, moves.chartjsDefault.task)}`, moves.ours.task <= 0.3 * moves.chartjsDefault.task],
  ['1k/10k slices draw < 200 ms (data arrived → drawn)', CONFIG.scale.map((n) => `${n}: ${fmt(scaleSummary[n].ours.fromData, 0)} ms`).join(', '), worst('fromData') < 200],
  ['1k/10k slices pointer move < 2 ms', CONFIG.scale.map((n) => `${n}: ${fmt(scaleSummary[n].ours.move.task, 2)} ms`).join(', '), worstMove < 2],
  ['wasm memory < 2 MiB', `${fmt(memory.initial.wasm / 1048576, 2)} MiB`, memory.initial.wasm < 2 * 1048576],
  // From the 100th change on: the allocator's high-water mark may rise in the first changes
  // (std's dlmalloc grows by 64 KiB pages), a leak keeps growing.
  [`no wasm memory growth from view change 100 to ${memory.changes}`, `${fmt(memory.initial.wasm / 1048576, 2)} → ${fmt(memory.after100.wasm / 1048576, 2)} → ${fmt(memory.after.wasm / 1048576, 2)} MiB`, memory.after.wasm <= memory.after100.wasm],
];
const goalTable = [
  '| goal | measured | |',
  '|---|---|---|',
  ...goals.map(([goal, measured, ok]) => `| ${goal} | ${measured} | ${verdict(ok)} |`),
].join('\n');

// ---------------------------------------------------------------------------------------------
// Where the time goes, when a time goal is missed: CPU profiles of our sweeps (on a build of the
// same wasm that keeps its function names) and Chromium traces of the main thread's native work,
// ours next to Chart.js.

/** www/pkg again, from the same cargo output, with the wasm's name section kept (wasm-opt -g). */
function buildNamed() {
  const input = join(ROOT, 'target/wasm32-unknown-unknown/release/sector_charts.wasm');
  const wasmOpt = join(ROOT, 'scripts/node_modules/.bin/wasm-opt');
  if (!existsSync(input) || !existsSync(wasmOpt)) return false;
  const pkg = join(NAMED, 'pkg');
  try {
    execFileSync('wasm-bindgen', [input, '--out-dir', pkg, '--target', 'web', '--out-name', 'sector_charts', '--no-typescript'], { stdio: 'pipe' });
    const wasm = join(pkg, 'sector_charts_bg.wasm');
    execFileSync(wasmOpt, ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--strip-producers', wasm, '-o', wasm], { stdio: 'pipe' });
    return true;
  } catch (error) {
    console.log(`bench: no named build for the profiles (${String(error.message).split('\n')[0]}); function names stay wasm-function[N]`);
    return false;
  }
}

/** A trace of `action` (after `prepare`, untraced) in a fresh context. */
async function traced(prepare, action) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  const state = await prepare(context, page);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const extra = await action(context, page, state);
  const summary = summarizeTrace(await browser.stopTracing());
  await context.close();
  return { ...summary, ...extra };
}

/**
 * A CPU profile of a page load: started on a same-site page (blank.html) so that the navigation
 * stays in the renderer process the profiler runs in, stopped once the chart is drawn.
 */
async function profileLoad(url) {
  const context = await browser.newContext(CONTEXT);
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES.blank}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(origin + url);
  await page.waitForFunction(() => window.__bench?.drawn != null && window.__bench.frame != null, null, { timeout: 120000 });
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();
  return profile;
}

const profiles = {};
const traces = {};
const missed = goals.filter(([, , ok]) => !ok).map(([goal]) => goal);
if (missed.some((goal) => /pointer|first chart|draw/.test(goal)) && process.env.BENCH_PROFILE !== '0') {
  log('profiling (time goals missed)');
  const prefix = buildNamed() ? '/named' : '';
  const big = CONFIG.scale.at(-1);
  const PROFILE_MOVES = Math.min(100, CONFIG.moves);
  for (const [name, url, count] of [
    [`ours, 9-slice donut, pointer sweep of ${PROFILE_MOVES} moves`, `${prefix}${PAGES.ours}`, PROFILE_MOVES],
    [`ours, ${big} slices, pointer sweep of 10 moves`, `${prefix}${scaleUrl('ours', big)}`, 10],
  ]) {
    const { context, page, result } = await open(url);
    const run = await sweep(context, page, await ringOf(url, page, result), count, { profile: true });
    profiles[name] = summarizeProfile(run.profile, 12);
    await context.close();
  }
  for (const [name, url] of [
    ['ours, 9-slice donut, page load to first chart', `${prefix}${PAGES.ours}`],
    [`ours, ${big} slices, page load to first chart`, `${prefix}${scaleUrl('ours', big)}`],
  ]) {
    profiles[name] = summarizeProfile(await profileLoad(url), 12);
  }
  for (const lib of ['ours', 'chartjs']) {
    const url = PAGES[lib];
    traces[`${NAMES[lib]}: pointer sweep, ${PROFILE_MOVES} moves`] = await traced(async (context, page) => {
      await page.goto(origin + url);
      await page.waitForFunction(() => window.__bench?.drawn != null);
      return ringOf(url, page, await page.evaluate(() => window.__bench));
    }, async (context, page, ring) => {
      await sweep(context, page, ring, PROFILE_MOVES);
      return { per: PROFILE_MOVES, unit: 'per move' };
    });
    traces[`${NAMES[lib]}: page load to first chart`] = await traced(() => null, async (context, page) => {
      await page.goto(origin + url);
      await page.waitForFunction(() => window.__bench?.drawn != null && window.__bench.frame != null);
      return { per: 1, unit: 'per load' };
    });
  }
}

const chromium = browser.version();
await browser.close();
server.close();

// ---------------------------------------------------------------------------------------------
// Output.

const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) ?? [])[1] ?? cpus()[0]?.model ?? '?';
const machine = [
  `- CPU: ${cpuModel}, ${cpus().length} cores; load average at the start ${START_LOAD}`,
  `- Chromium ${chromium} (Debian, headless, --disable-gpu: software rendering), Node ${process.version}`,
  `- Libraries: ${CHARTJS} (dist/chart.umd.js), ${ECHARTS} (dist/echarts.min.js), from bench/package-lock.json`,
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${Math.round((Date.now() - started) / 1000)} s; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
].join('\n');

const profileText = Object.entries(profiles).map(([name, summary]) => [
  `**${name}** (sampled every 0.1 ms; ${fmt(summary.total, 0)} ms sampled; by kind: ${summary.kinds.map(([k, v]) => `${k} ${fmt(v, 0)} ms`).join(', ')})`,
  '',
  '| self ms | function | where |',
  '|---:|---|---|',
  ...summary.top.map(([ms, fn, where]) => `| ${fmt(ms, 1)} | \`${fn}\` | ${where} |`),
].join('\n')).join('\n\n');

const traceText = Object.entries(traces).map(([name, t]) => [
  `**${name}**: main thread ${fmt(t.total / t.per, 2)} ms ${t.unit}; self time by trace event ${t.unit} (ms):`,
  '',
  t.top.map(([ms, event]) => `${event} ${fmt(ms / t.per, t.per > 1 ? 3 : 1)}`).join(' · '),
].join('\n')).join('\n\n');

console.log(`\n${table}\n\n${goalTable}\n`);
if (profileText) console.log(`${profileText}\n`);
if (traceText) console.log(`${traceText}\n`);
if (problems.length) console.log(`Page errors during the run:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);

writeFileSync(join(OUT, 'results.json'), `${JSON.stringify({
  config: CONFIG, bytes, first, pointer, floor, scale, memory, problems, chromium, profiles, traces,
}, null, 1)}\n`);

const MARK = '<!-- Everything below this line is written by hand; bench/run.mjs keeps it. -->';
const kept = existsSync(DOC) && readFileSync(DOC, 'utf8').includes(MARK)
  ? readFileSync(DOC, 'utf8').split(MARK)[1]
  : '\n\n## Notes\n\n(none yet)\n';
const doc = `# Performance

Written by \`make bench\` (bench/run.mjs) from its last run: do not edit above the line near the end.
The benchmark builds the site, then loads each page in headless Chromium with a fresh browser
context each time (nothing cached), one widget per page, and prints this table.

## Machine

${machine}

## Results

${table}

Ratios below 1 mean ours is smaller or faster. Each library draws the same 9-slice doughnut of the
overview data (the nine sectors, English names), 640×480 CSS px, devicePixelRatio 1, animations off
(\`reducedMotion: 'reduce'\` for ours, \`animation: false\` for Chart.js and ECharts), but for the
row of Chart.js with its default animations.

- **Bytes**: what a page fetches for one widget, each file gzipped at level 9 (node zlib).
  Ours: ${OURS_FILES.map((f) => `www/${f} (${fmt(bytes.ours.files[`www/${f}`].gzip / KiB, 1)} KiB)`).join(', ')};
  the .wasm holds the built-in dataset. Chart.js: chart.umd.js; ECharts: echarts.min.js (the full build).
- **First chart on screen**: \`performance.now()\` (from navigation start) when the chart has been
  drawn: ours when the canvas's \`data-drawn\` first says \`donut\` (a MutationObserver in a small
  module script); Chart.js and ECharts right after their constructor / \`setOption\` returns (both
  draw synchronously). Served from 127.0.0.1 without throttling, so this is parse, compile and
  draw time, not network time.
- **Pointer move**: ${CONFIG.moves} \`page.mouse.move\` calls around the ring (two turns weaving in and
  out across the slices; Chromium delivers about one per frame), main-thread \`TaskDuration\` and
  \`ScriptDuration\` from CDP \`Performance.getMetrics\` before and after, divided by the moves;
  median of ${CONFIG.runs} sweeps on fresh loads. The same sweep over a blank page (${fmt(floor.task, 2)} ms task,
  ${fmt(floor.script, 2)} ms script per move: input dispatch, the frame, the CDP calls themselves) is
  subtracted; ratios are of these net figures. Chart.js is measured twice: with
  \`animation: false\` (like for like: ours has no hover animation) and as it comes, with its
  default hover and tooltip transitions (the sweep starts after its entry animation has ended).
- **Scale**: a generated editor dataset (docs/dataset.md format: one sector, one pie chart with
  \`parts_of_whole: true\`, indicators i0…iN with skewed random counts) through \`src=\`; Chart.js and
  ECharts fetch the same JSON and parse it themselves (legend and tooltips left on, as in the
  9-slice pages). "Data arrived → drawn" starts at the JSON's \`responseEnd\` (Resource Timing), so
  it is parsing, checking, layout and drawing without the wasm start-up. "Slices drawn" is what
  the canvas shows (ours: the last field of \`data-drawn\`); the ratio of that row is not a speed. Medians of
  ${CONFIG.scale.map((n) => `${CONFIG.scaleLoads[n]} loads (${n})`).join(' and ')}; pointer: ${CONFIG.scaleRuns} sweeps of ${CONFIG.scale.map((n) => `${CONFIG.scaleMoves[n]} moves (${n})`).join(' and ')}.
- **Memory**: \`memory.buffer.byteLength\` of the wasm instance's memory (the \`memory\` that
  \`load()\` of embed.js resolves to) after the first draw, and after ${memory.changes} view changes through the tag's attributes
  (kind, lang, sector cycled over ten views; each change re-renders with \`setOptions\`). After
  100 changes: ${fmt(memory.after100.wasm / 1048576, 2)} MiB. JS heap after a forced GC:
  ${fmt(memory.initial.jsHeap / 1048576, 2)} → ${fmt(memory.after.jsHeap / 1048576, 2)} MiB; DOM nodes ${memory.initial.nodes} → ${memory.after.nodes};
  event listeners ${memory.initial.listeners} → ${memory.after.listeners}; draws seen ${memory.after.draws}.

## Goals

${goalTable}
${profileText ? `\n## Where the main-thread time goes\n\nMade because a time goal was missed. CPU profiles (CDP Profiler) of our page, on a build of the\nsame wasm that keeps its function names (bench/out/named); "(program)" is native work outside\nJavaScript and wasm (parsing, style, layout, paint, compositing), which the traces below break\ndown:\n\n${profileText}\n\nChromium traces (devtools.timeline) of the renderer's main thread, self time per event:\n\n${traceText}\n` : ''}
${MARK}${kept}`;

if (QUICK) {
  console.log('BENCH_QUICK=1: docs/performance.md left as it was.');
} else {
  writeFileSync(DOC, doc);
  console.log(`wrote docs/performance.md and bench/out/results.json in ${Math.round((Date.now() - started) / 1000)} s`);
}

// Where a pointer move's main-thread time goes, per build: a Chromium trace (devtools.timeline)
// of the same sweep compare.mjs makes, reduced to self time and count per trace event per move,
// beside the blank page's. Also counts what the widget did to the page during the sweep
// (shadow-DOM mutations). With --profile, a CPU profile (CDP Profiler) of the sweep instead of
// the trace: self time per function (give it a build whose .wasm keeps its names, wasm-opt -g).
//   node trace-pointer.mjs WWW [WWW2 ...] [--moves=200] [--top=25] [--profile] [--css=...]
import { resolve, join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { TRACE_CATEGORIES, selfTimes } from './lib/trace.mjs';
import { summarizeProfile } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const moves = flag('moves', 200);
const top = flag('top', 25);
// Extra CSS for the widget's shadow root, to see what a part costs (e.g. '.sc-tooltip{display:none!important}').
const css = args.find((a) => a.startsWith('--css='))?.slice(6) ?? '';
const PROFILE = args.includes('--profile');
// --still: the moves circle 3 px around one point inside a slice, so the hovered slice never
// changes; what remains is the cost of a move the widget has nothing to show for.
const STILL = args.includes('--still');
const builds = args.filter((a) => !a.startsWith('--')).map((dir, i) => [`b${i}`, resolve(dir)]);
if (!builds.length) throw new Error('usage: node trace-pointer.mjs WWW [WWW2 ...] [--moves=200]');
const server = await serve([['/blank/', join(HERE, 'pages')], ...builds.flatMap(([name, www]) => [
  [`/${name}/`, join(HERE, 'pages')],
  [`/${name}/`, www],
])]);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const CONTEXT = { viewport: { width: 760, height: 1000 }, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' };

async function traceOne(name, page) {
  const context = await browser.newContext(CONTEXT);
  const tab = await context.newPage();
  await tab.goto(`${origin}/${name}/${page}`);
  await tab.waitForFunction(() => window.__bench?.drawn != null, null, { timeout: 60000 });
  const ring = await tab.evaluate(() => window.__bench.ring ?? window.__benchRing());
  // What the widget does to its shadow DOM during the sweep, 
  await tab.evaluate((css) => {
    const host = document.querySelector('sector-chart');
    window.__seen = { mutations: {} };
    if (host && css) host.shadowRoot.append(Object.assign(document.createElement('style'), { textContent: css }));
    if (!host) return;
    new MutationObserver((records) => {
      for (const r of records) {
        const key = `${r.type}:${r.target.localName ?? '#text'}${r.attributeName ? `[${r.attributeName}]` : ''}`;
        window.__seen.mutations[key] = (window.__seen.mutations[key] ?? 0) + 1;
      }
    }).observe(host.shadowRoot, { subtree: true, attributes: true, childList: true, characterData: true });
  }, css);
  const points = [];
  for (let i = 0; i <= moves; i += 1) {
    const angle = (i / moves) * 4 * Math.PI;
    const r = ring.r0 + (ring.r1 - ring.r0) * (0.5 + 0.35 * Math.sin(angle * 7));
    if (STILL) {
      const mid = (ring.r0 + ring.r1) / 2;
      points.push([ring.x + mid * Math.cos(0.3) + 3 * Math.cos(angle * 5), ring.y + mid * Math.sin(0.3) + 3 * Math.sin(angle * 5)]);
    } else {
      points.push([ring.x + r * Math.cos(angle), ring.y + r * Math.sin(angle)]);
    }
  }
  await tab.mouse.move(...points[0]);
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await tab.evaluate(() => { window.__seen.mutations = {}; });
  const cdp = await context.newCDPSession(tab);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  } else {
    await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
  }
  for (const point of points.slice(1)) await tab.mouse.move(...point);
  await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const trace = PROFILE
    ? { profile: summarizeProfile((await cdp.send('Profiler.stop')).profile, top), self: new Map(), total: 0 }
    : selfTimes(await browser.stopTracing());
  const seen = await tab.evaluate(() => window.__seen);
  await context.close();
  return { ...trace, seen };
}

const results = [['blank', await traceOne('blank', 'blank.html')]];
for (const [name, dir] of builds) results.push([`${name} (${basename(dirname(dir))}/${basename(dir)})`, await traceOne(name, 'ours.html')]);
await browser.close();
server.close();

if (PROFILE) {
  for (const [name, r] of results) {
    const p = r.profile;
    console.log(`\n${name}: ${(p.total / moves).toFixed(3)} ms sampled per move (${p.kinds.map(([k, ms]) => `${k} ${(ms / moves).toFixed(3)}`).join(', ')})`);
    for (const [ms, fn, where] of p.top) console.log(`  ${(ms / moves).toFixed(4)}  ${fn}  ${where}`);
  }
  process.exit(0);
}
const names = new Map();
for (const [, r] of results) for (const [event, v] of r.self) names.set(event, Math.max(names.get(event) ?? 0, v.ms));
const ranked = [...names].sort((a, b) => b[1] - a[1]).slice(0, top).map(([event]) => event);
console.log(`per move over ${moves} moves: self ms (count per 100 moves)${css ? `, with CSS ${css}` : ''}\n`);
console.log(`| event | ${results.map(([n]) => n).join(' | ')} |`);
console.log(`|---|${results.map(() => '---:').join('|')}|`);
console.log(`| **main thread total** | ${results.map(([, r]) => (r.total / moves).toFixed(3)).join(' | ')} |`);
for (const event of ranked) {
  const cells = results.map(([, r]) => {
    const v = r.self.get(event);
    return v ? `${(v.ms / moves).toFixed(3)} (${Math.round((v.n * 100) / moves)})` : '–';
  });
  console.log(`| ${event} | ${cells.join(' | ')} |`);
}
for (const [name, r] of results.slice(1)) {
  console.log(`\n${name}:  mutations: ${JSON.stringify(r.seen.mutations)}`);
}

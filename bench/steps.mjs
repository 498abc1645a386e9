// The first chart of pages/ours.html step by step, for one or more builds of www/ side by side
// (their loads take turns): when each file arrived (Resource Timing), when the .wasm's
// compilation and instantiation ran (WebAssembly's functions wrapped by an init script, which
// changes nothing they do), and when the canvas said it was drawn. Medians of `runs` loads, in
// ms from navigation start.
//   node steps.mjs WWW_A [WWW_B …] [--runs=15] [--page=ours.html]
// (--page=ours-hints.html: the same page with the loading hints of docs/embedding.md.)
import { resolve, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { median, fmt } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15);
const PAGE = args.find((a) => a.startsWith('--page='))?.slice(7) ?? 'ours.html';
const builds = args.filter((a) => !a.startsWith('--')).map((w) => resolve(w));
if (!builds.length) throw new Error('usage: node steps.mjs WWW_A [WWW_B …] [--runs=15] [--page=ours.html]');
const server = await serve(builds.flatMap((www, i) => [[`/b${i}/`, join(HERE, 'pages')], [`/b${i}/`, www]]));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const CONTEXT = { viewport: { width: 760, height: 1000 }, deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' };

// Records when each of WebAssembly's loading functions was called and when its promise settled.
function recordWasm() {
  const seen = (window.__wasmSteps = {});
  for (const name of ['compileStreaming', 'instantiateStreaming', 'compile', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      seen[`${name} called`] ??= performance.now();
      return original.apply(this, args).then((value) => {
        seen[`${name} done`] ??= performance.now();
        return value;
      });
    };
  }
}

const FILES = { 'embed.js': /\/embed\.js$/, 'glue (sector_charts.js)': /sector_charts\.js$/, '.wasm': /\.wasm$/, 'widget.css': /widget\.css$/ };

async function once(index) {
  const context = await browser.newContext(CONTEXT);
  await context.addInitScript(recordWasm);
  const page = await context.newPage();
  await page.goto(`${origin}/b${index}/${PAGE}`);
  await page.waitForFunction(() => window.__bench?.drawn != null, null, { timeout: 60000 });
  const row = await page.evaluate((files) => {
    const out = {};
    for (const entry of performance.getEntriesByType('resource')) {
      for (const [label, source] of Object.entries(files)) {
        if (new RegExp(source).test(new URL(entry.name).pathname)) {
          out[`${label} requested`] = entry.startTime;
          out[`${label} arrived`] = entry.responseEnd;
        }
      }
    }
    return { ...out, ...window.__wasmSteps, 'chart drawn': window.__bench.drawn };
  }, Object.fromEntries(Object.entries(FILES).map(([k, v]) => [k, v.source])));
  await context.close();
  return row;
}

const results = builds.map(() => []);
for (let run = 0; run < runs; run += 1) {
  for (let i = 0; i < builds.length; i += 1) results[i].push(await once(i));
}
await browser.close();
server.close();

const keys = [...new Set(results.flatMap((rows) => rows.flatMap(Object.keys)))];
const at = (i, key) => median(results[i].map((row) => row[key]));
keys.sort((a, b) => (at(0, a) ?? at(1, a) ?? 0) - (at(0, b) ?? at(1, b) ?? 0));
console.log(`| ${PAGE}: ms from navigation start, median of ${runs} loads | ${builds.map((b) => b.replace(/^.*\/(?=[^/]+\/?$)/, '')).join(' | ')} |`);
console.log(`|---|${builds.map(() => '---:').join('|')}|`);
for (const key of keys) console.log(`| ${key} | ${builds.map((_, i) => fmt(at(i, key), 1)).join(' | ')} |`);

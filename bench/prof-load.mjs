// A CPU profile of one page load of ours, self time per function: the built-in 9-slice donut
// (SLICES 0) or a generated editor dataset of SLICES slices. Use a build that keeps function
// names (run.mjs makes one in out/named) to read wasm frames.
//   node prof-load.mjs WWW [SLICES=10000]
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { writeDatasets } from './lib/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const [www, slices = '10000'] = process.argv.slice(2);
const OUT = join(HERE, 'out');
const datasets = Number(slices) ? await writeDatasets(OUT, [Number(slices)]) : {};
const server = await serve([['/out/', OUT], ['/', join(HERE, 'pages')], ['/', resolve(www)]]);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 760, height: 1000 }, reducedMotion: 'reduce' });
const page = await context.newPage();
await page.goto(`${origin}/blank.html`);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(Number(slices)
  ? `${origin}/ours-src.html?sector=bench&src=${encodeURIComponent(datasets[slices])}`
  : `${origin}/ours.html`);
await page.waitForFunction(() => window.__bench?.drawn != null, null, { timeout: 120000 });
const { profile } = await cdp.send('Profiler.stop');
const fromData = await page.evaluate(() => window.__bench.drawn
  - (performance.getEntriesByType('resource').find((e) => e.name.includes('/out/'))?.responseEnd ?? 0));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const f = byId.get(id).callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log(`${Number(slices) ? 'data arrived' : 'navigation start'} → drawn: ${fromData.toFixed(1)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1).padStart(7), k);
await browser.close();
server.close();

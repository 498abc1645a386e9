// The wasm linear memory after one page load, per build: the built-in data and generated editor
// datasets of 1,000 and 10,000 slices (through src=, as make bench loads them). Memory is not
// returned once grown, so this is the peak of the load.
//   node memory-load.mjs WWW [WWW2 ...]
import { join, resolve } from 'node:path';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { writeDatasets } from './lib/data.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');
const builds = process.argv.slice(2);
if (!builds.length) throw new Error('usage: node memory-load.mjs WWW [WWW2 ...]');
const SIZES = [0, 1000, 10000];
const datasets = await writeDatasets(OUT, SIZES.filter(Boolean));
const server = await serve([['/out/', OUT], ...builds.flatMap((dir, i) => [
  [`/b${i}/`, join(HERE, 'pages')],
  [`/b${i}/`, resolve(dir)],
])]);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
console.log(`| build | ${SIZES.map((n) => (n ? `${n} slices (MiB)` : 'built-in data (MiB)')).join(' | ')} |`);
console.log(`|---|${SIZES.map(() => '---:').join('|')}|`);
for (const [i, dir] of builds.entries()) {
  const cells = [];
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: 760, height: 1000 }, reducedMotion: 'reduce' });
    const src = n ? encodeURIComponent(datasets[n]) : '';
    await page.goto(n ? `${origin}/b${i}/ours-src.html?sector=bench&src=${src}` : `${origin}/b${i}/ours.html`);
    await page.waitForFunction(() => window.__bench?.drawn != null, null, { timeout: 60000 });
    // load() of embed.js resolves to { SectorChart, validateDataset, memory }: the wasm memory.
    const bytes = await page.evaluate(async () => (await (await import('./embed.js')).load()).memory.buffer.byteLength);
    cells.push((bytes / 1048576).toFixed(2));
    await page.close();
  }
  console.log(`| ${dir} | ${cells.join(' | ')} |`);
}
await browser.close();
server.close();

// Text → Dataset in Chromium, side by side for the packages given: each page loads one
// package's glue and .wasm and times `validateDataset(text)` (parse and every check, nothing
// drawn) on generated datasets of 9, 1,000 and 10,000 slices, the builds taking turns.
// Prints medians in ms. A benchmark, not a test: it asserts nothing about times.
//   node parse.mjs PKG_DIR [PKG_DIR ...] [--runs=15]
import { resolve, join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFile, mkdir } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { dataset } from './lib/data.mjs';
import { median, fmt } from './lib/stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15);
const packages = args.filter((a) => !a.startsWith('--')).map((dir) => resolve(dir));
if (!packages.length) throw new Error('usage: node parse.mjs PKG_DIR [PKG_DIR ...] [--runs=15]');
const SIZES = [9, 1000, 10000];
const OUT = join(HERE, 'out', 'parse');
await mkdir(OUT, { recursive: true });
for (const n of SIZES) await writeFile(join(OUT, `${n}.json`), JSON.stringify(dataset(n)));
await writeFile(join(OUT, 'page.html'), '<!doctype html><meta charset="utf-8"><title>parse</title>');

const server = await serve([['/data/', OUT], ...packages.map((dir, i) => [`/p${i}/`, dir])]);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const times = packages.map(() => Object.fromEntries(SIZES.map((n) => [n, []])));

/** One fresh page per package and round: the module loaded, then each size parsed 5 times. */
async function round(i) {
  const page = await browser.newPage();
  await page.goto(`${origin}/data/page.html`);
  const result = await page.evaluate(async ({ base, sizes }) => {
    const glue = await import(`${base}sector_charts.js`);
    await glue.default({ module_or_path: `${base}sector_charts_bg.wasm` });
    const out = {};
    for (const n of sizes) {
      const text = await (await fetch(`/data/${n}.json`)).text();
      const answer = glue.validateDataset(text);
      if (answer !== null) throw new Error(`${n} slices refused: ${answer.message}`);
      const each = [];
      for (let k = 0; k < 5; k += 1) {
        const start = performance.now();
        glue.validateDataset(text);
        each.push(performance.now() - start);
      }
      out[n] = each.sort((a, b) => a - b)[2];
    }
    return out;
  }, { base: `/p${i}/`, sizes: SIZES });
  for (const n of SIZES) times[i][n].push(result[n]);
  await page.close();
}

for (let r = 0; r < runs; r += 1) for (let i = 0; i < packages.length; i += 1) await round(i);
console.log(`| text → Dataset (ms, median of ${runs} pages) | ${SIZES.map((n) => `${n.toLocaleString('en')} slices`).join(' | ')} |`);
console.log(`|---|${SIZES.map(() => '---:').join('|')}|`);
packages.forEach((dir, i) => {
  console.log(`| ${basename(dirname(dir))}/${basename(dir)} | ${SIZES.map((n) => fmt(median(times[i][n]), 2)).join(' | ')} |`);
});
await browser.close();
server.close();

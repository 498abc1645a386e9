// Generated editor datasets (docs/dataset.md): one sector, one pie chart of `n` slices with
// parts_of_whole true, indicators i0..i(n-1) with deterministic random-ish counts.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32), so every run draws the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function dataset(n) {
  const next = random(n);
  const indicators = [];
  for (let i = 0; i < n; i += 1) {
    // Skewed: a few large slices and many small ones, as real long tails are.
    const value = 1 + Math.floor(10000 * next() ** 3);
    indicators.push({
      id: `i${i}`,
      label: { zh: `项目${i}`, en: `Item ${i}` },
      value,
      unit: 'count',
      counter: { zh: '个', en: 'items' },
    });
  }
  return {
    version: 1,
    title: { zh: `基准数据：${n} 个扇区`, en: `Benchmark data: ${n} slices` },
    source: {
      title: { zh: '生成的基准数据', en: 'Generated benchmark data' },
      publisher: { zh: '基准测试', en: 'The benchmark' },
      date: '2025',
    },
    sectors: [{
      id: 'bench',
      name: { zh: '基准', en: 'Benchmark' },
      indicators,
      charts: [{
        id: 'many',
        title: { zh: `${n} 个扇区`, en: `${n} slices` },
        kind: 'pie',
        parts_of_whole: true,
        slices: indicators.map((indicator) => ({ indicator: indicator.id })),
      }],
    }],
  };
}

/** Writes out/slices-N.json for each n; returns the URL paths. */
export async function writeDatasets(dir, sizes) {
  await mkdir(dir, { recursive: true });
  const paths = {};
  for (const n of sizes) {
    const name = `slices-${n}.json`;
    await writeFile(join(dir, name), `${JSON.stringify(dataset(n))}\n`);
    paths[n] = `/out/${name}`;
  }
  return paths;
}

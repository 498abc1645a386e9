// The npm package as an application uses it: the tarball from `make package` (its files listed,
// sized and checked), installed with pinned Vite and TypeScript from the npm registry into a fresh
// project in a temporary folder, built by `vite build`, type-checked by `tsc --noEmit`, and the
// built site used in Chromium: charts drawn, hovered and read with the keyboard; two copies of
// the package on one page; nothing downloaded before a chart needs it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

import {
  HERE, ROOT, WWW, launch, startServer, newPage, slicePoints, tooltip, assertClean, parseDrawn,
} from './helpers.mjs';

const run = promisify(execFile);
const VITE = '8.4.1';
const TYPESCRIPT = '6.0.3';
const APP = join(HERE, 'package-app'); // the application's sources, copied into the project

/** The files the package must hold, and nothing else. */
const EXPECTED_FILES = [
  'LICENSE', 'README.md', 'embed.d.ts', 'embed.js', 'package.json', 'pkg/sector_charts.d.ts',
  'pkg/sector_charts.js', 'pkg/sector_charts_bg.wasm', 'widget.css',
];

let work;       // the temporary folder: the unpacked tarball and the Vite project
let project;
let tarball;
let cargoVersion;
let browser;
let site;

async function cargoPackageVersion() {
  const text = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  return /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(text)[1];
}

/** Every file under `dir`, as paths relative to it. */
async function walk(dir, base = dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await walk(path, base));
    else found.push(relative(base, path));
  }
  return found.sort();
}

const npmInstall = (cwd) => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd });

before(async () => {
  cargoVersion = await cargoPackageVersion();
  tarball = join(ROOT, 'target', 'package', `sector-charts-${cargoVersion}.tgz`);
  await stat(tarball).catch(() => assert.fail(`${tarball} is missing: run make package`));
  work = await mkdtemp(join(tmpdir(), 'sector-charts-package-'));
  await run('tar', ['-xzf', tarball, '-C', work]);

  // The application: its sources, and a package.json naming pinned versions and the tarball,
  // twice (the second under another name: an application with two copies of the package).
  project = join(work, 'app');
  await run('cp', ['-r', APP, project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({
    name: 'sector-charts-vite-app',
    private: true,
    type: 'module',
    dependencies: { 'sector-charts': `file:${tarball}`, 'sector-charts-copy': `file:${tarball}` },
    devDependencies: { vite: VITE, typescript: TYPESCRIPT },
  }, null, 2));
  await npmInstall(project);
  const built = await run(join(project, 'node_modules/.bin/vite'), ['build'], { cwd: project });
  console.log(built.stdout.trim());
  [browser, site] = await Promise.all([
    launch(),
    // www/ second: the static copy of embed.js, for the page that also loads it.
    startServer({ roots: [join(project, 'dist'), WWW] }),
  ]);
});

after(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('the tarball holds the module, its wasm, CSS, types, README and licence, and nothing else', async () => {
  const unpacked = join(work, 'package');
  const files = await walk(unpacked);
  for (const file of files) {
    console.log(`${String((await stat(join(unpacked, file))).size).padStart(9)}  ${file}`);
  }
  assert.deepEqual(files, EXPECTED_FILES);
  assert.ok(!files.some((f) => /(^|\/)(tests?|__tests__)\/|\.(test|spec)\.|\.map$/.test(f)), 'no test files, no source maps');

  // Nothing names this machine: no source map comments, no path of the checkout or of the
  // cargo folder (panic locations in the .wasm), no file: URLs.
  const local = [ROOT, join(homedir(), '.cargo'), 'file://'];
  for (const file of files) {
    const text = (await readFile(join(unpacked, file))).toString('latin1');
    assert.ok(!/sourceMappingURL/.test(text), `${file} points at a source map`);
    for (const path of local) assert.ok(!text.includes(path), `${file} names the local path ${path}`);
  }

  const manifest = JSON.parse(await readFile(join(unpacked, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'sector-charts');
  assert.equal(manifest.version, cargoVersion, 'the version is Cargo.toml\'s');
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.type, 'module');
  assert.deepEqual(manifest.exports['.'], { types: './embed.d.ts', default: './embed.js' });
  assert.equal(manifest.types, './embed.d.ts');
  assert.deepEqual(manifest.sideEffects, ['./embed.js'], 'only the module that defines the element has effects');
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of targets) assert.ok(files.includes(target.slice(2)), `exports names ${target}, which is packed`);
  for (const file of manifest.files) assert.ok(files.includes(file), `files names ${file}, which is packed`);
  assert.match(await readFile(join(unpacked, 'LICENSE'), 'utf8'), /^MIT License/);
  assert.match(await readFile(join(unpacked, 'README.md'), 'utf8'), /npm install sector-charts/);
  // wasm-pack's output, not a copy of something else: the glue is www/pkg's, byte for byte.
  for (const file of ['pkg/sector_charts.js', 'pkg/sector_charts_bg.wasm']) {
    assert.ok((await readFile(join(unpacked, file))).equals(await readFile(join(WWW, file))), `${file} is www/${file}`);
  }
});

test('the application type-checks against the package\'s types, and misuses of them are errors', async () => {
  // misuse.ts has a @ts-expect-error on each misuse: were a type missing or `any`, the
  // directive would be unused, which tsc reports as an error.
  const tsc = join(project, 'node_modules/.bin/tsc');
  const { stdout } = await run(tsc, ['--noEmit', '-p', '.'], { cwd: project })
    .catch((error) => assert.fail(`tsc --noEmit failed:\n${error.stdout}${error.stderr}`));
  assert.equal(stdout, '');
  const listed = (await run(tsc, ['--noEmit', '-p', '.', '--listFilesOnly'], { cwd: project })).stdout;
  for (const file of ['chart.ts', 'misuse.ts', 'sector-charts/embed.d.ts', 'sector-charts/pkg/sector_charts.d.ts']) {
    assert.ok(listed.includes(file), `tsc checked ${file}`);
  }
  // And the check can fail: the same misuse without its directive is the error it should be.
  const misuse = await readFile(join(project, 'misuse.ts'), 'utf8');
  await writeFile(join(project, 'misuse.ts'), misuse.replaceAll('// @ts-expect-error', '//'));
  try {
    const failed = await run(tsc, ['--noEmit', '-p', '.'], { cwd: project }).then(() => null, (error) => error.stdout);
    assert.ok(failed, 'tsc fails on the misuses');
    const errors = failed.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.equal(errors.length, (misuse.match(/^\s*\/\/ @ts-expect-error/gm) ?? []).length, failed);
    assert.match(failed, /"pyramid"/);
  } finally {
    await writeFile(join(project, 'misuse.ts'), misuse);
  }
});

test('vite build copies the .wasm and the CSS once, and puts the glue in a chunk of its own', async () => {
  const assets = await readdir(join(project, 'dist', 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `one .wasm for both copies: ${assets}`);
  assert.equal(assets.filter((f) => /^widget-.*\.css$/.test(f)).length, 1, `the widget's CSS: ${assets}`);
  assert.ok(assets.some((f) => /^sector_charts-.*\.js$/.test(f)), `the glue's chunk: ${assets}`);
});

/** Waits until the <sector-chart> or container `selector` shows a drawn canvas; its marker. */
async function waitDrawnIn(page, selector) {
  await page.waitForFunction((s) => {
    const host = document.querySelector(s);
    return (host?.shadowRoot ?? host)?.querySelector('canvas.sc-canvas')?.dataset.drawn;
  }, selector);
  return page.evaluate((s) => {
    const host = document.querySelector(s);
    return (host.shadowRoot ?? host).querySelector('canvas.sc-canvas').dataset.drawn;
  }, selector);
}

/** Records the page's .wasm requests. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) seen.push(new URL(request.url()).pathname); });
  return seen;
}

test('the built application draws the element and the class, hovered and read by keyboard', async () => {
  const { context, page, log } = await newPage(browser);
  const wasm = wasmRequests(page);
  try {
    await page.goto(`${site.origin}/`);
    assert.equal(parseDrawn(await waitDrawnIn(page, '#tag')).kind, 'donut', 'the tag in the HTML draws (patents: a donut)');
    assert.equal(parseDrawn(await waitDrawnIn(page, '#mount')).kind, 'bar', 'the chart made by chart.ts draws');
    await page.waitForFunction(() => window.app?.ready);
    const app = await page.evaluate(() => ({ ...window.app, chart: undefined }));
    assert.equal(app.sameClass, true, 'both copies of the package give the same class');
    assert.equal(app.initialState.kind, 'bar');
    assert.equal(wasm.length, 1, `one .wasm download for both copies: ${wasm}`);
    assert.match(wasm[0], /^\/assets\/sector_charts_bg-.*\.wasm$/);
    const styled = await page.evaluate(() => ({
      display: getComputedStyle(document.getElementById('tag')).display,
      sheet: document.getElementById('tag').shadowRoot.querySelector('link').sheet?.cssRules.length ?? 0,
      classChart: getComputedStyle(document.querySelector('#mount .sc-root')).position,
    }));
    assert.equal(styled.display, 'block', 'widget.css applies (:host is a block)');
    assert.ok(styled.sheet > 10, 'the bundled widget.css has its rules');
    assert.equal(styled.classChart, 'relative', 'widget.css, imported by main.js, styles the class\'s chart');

    // Hover: the tooltip of the slice under the mouse.
    const points = await slicePoints(page, '#tag');
    const [index, point] = Object.entries(points)[0];
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction((i) => document.getElementById('tag').state.hover === i, Number(index));
    const tip = await tooltip(page, '#tag');
    assert.ok(tip.visible, 'the tooltip shows on hover');
    assert.match(tip.text, /patents/);
    await page.mouse.move(1, 1);

    // Keyboard: focus, arrows, Enter selects; the select event reaches the application.
    await page.focus('#tag .sc-figure');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('tag').state.focus === 0);
    assert.match((await tooltip(page, '#tag')).text, /Invention patents/);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('tag').state.focus === 1);
    assert.match((await tooltip(page, '#tag')).text, /Other valid patents/);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.app.tagSelects.length === 1);
    const [selected] = await page.evaluate(() => window.app.tagSelects);
    assert.equal(selected.index, 1);
    assert.equal(selected.label, 'Other valid patents');

    // The class's chart: its select event, through chart.ts's typed listener.
    await page.focus('#mount .sc-figure');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.app.classSelects.length === 1);
    const [fromClass] = await page.evaluate(() => window.app.classSelects);
    assert.equal(fromClass.sector, 'public-services');
    assert.equal(fromClass.index, 0);

    await page.screenshot({ path: join(HERE, 'output', 'package-vite.png'), fullPage: true });

    // The static copy (www/embed.js) on the same page: it defines nothing, downloads nothing.
    await page.addScriptTag({ url: '/embed.js', type: 'module' });
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('sector-chart'), { id: 'late' })));
    await waitDrawnIn(page, '#late');
    assert.equal(wasm.length, 1, `still one .wasm download: ${wasm}`);
    assertClean(log, 'the Vite-built page');
  } finally {
    await context.close();
  }
});

test('importing the package downloads nothing until a chart is made', async () => {
  const { context, page, log } = await newPage(browser);
  const wasm = wasmRequests(page);
  const glue = [];
  page.on('request', (request) => { if (/\/sector_charts-[^/]*\.js$/.test(request.url())) glue.push(request.url()); });
  try {
    await page.goto(`${site.origin}/lazy.html`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.lazy?.ready);
    assert.equal(await page.evaluate(() => typeof customElements.get('sector-chart')), 'function', 'the element is defined');
    assert.deepEqual({ wasm, glue }, { wasm: [], glue: [] }, 'no .wasm and no glue before a chart');
    await page.evaluate(() => window.lazy.addChart());
    assert.equal(parseDrawn(await waitDrawnIn(page, 'sector-chart')).kind, 'pie', 'the overview draws');
    assert.equal(wasm.length, 1);
    assert.equal(glue.length, 1);
    assertClean(log, 'the lazy page');
  } finally {
    await context.close();
  }
});

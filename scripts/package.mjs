#!/usr/bin/env node
// `make package`: the npm package `sector-charts`, assembled in target/package/sector-charts/
// from what `make build` wrote (www/pkg/: wasm-pack's glue, .wasm and .d.ts; www/widget.css)
// and src/embed.js, then packed by `npm pack` into target/package/. Prints the tarball's path.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'target', 'package');
const STAGE = join(OUT, 'sector-charts');

/** The package's files: where each comes from. The layout is www/'s, so embed.js finds the rest alike. */
const FILES = {
  'embed.js': 'src/embed.js', // readable: the application's bundler minifies it
  'embed.d.ts': 'scripts/npm/embed.d.ts',
  'widget.css': 'www/widget.css',
  'pkg/sector_charts.js': 'www/pkg/sector_charts.js',
  'pkg/sector_charts_bg.wasm': 'www/pkg/sector_charts_bg.wasm',
  'pkg/sector_charts.d.ts': 'www/pkg/sector_charts.d.ts',
  'README.md': 'scripts/npm/README.md',
  LICENSE: 'LICENSE',
};

/** `version`, `license` and `description` of Cargo.toml's [package] table. */
function cargoPackage() {
  const text = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const table = /^\[package\]\n([\s\S]*?)(?=^\[)/m.exec(text)?.[1] ?? '';
  const field = (name) => new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, 'm').exec(table)?.[1];
  const found = { version: field('version'), license: field('license'), description: field('description') };
  for (const [name, value] of Object.entries(found)) {
    if (!value) throw new Error(`Cargo.toml: [package] has no ${name}`);
  }
  return found;
}

/** scripts/npm/package.json with name first, then Cargo.toml's version, description and licence. */
function manifest({ version, license, description }) {
  const { name, ...rest } = JSON.parse(readFileSync(join(ROOT, 'scripts/npm/package.json'), 'utf8'));
  return { name, version, description, license, ...rest };
}

const missing = Object.values(FILES).filter((from) => !existsSync(join(ROOT, from)));
if (missing.length) {
  console.error(`package: missing ${missing.join(', ')}; run make build first`);
  process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(STAGE, 'pkg'), { recursive: true });
for (const [to, from] of Object.entries(FILES)) copyFileSync(join(ROOT, from), join(STAGE, to));
const cargo = cargoPackage();
writeFileSync(join(STAGE, 'package.json'), `${JSON.stringify(manifest(cargo), null, 2)}\n`);

const [packed] = JSON.parse(execFileSync(
  'npm', ['pack', '--json', '--pack-destination', OUT],
  { cwd: STAGE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
));
for (const file of packed.files) console.log(`${String(file.size).padStart(9)}  ${file.path}`);
console.log(`${String(packed.size).padStart(9)}  bytes packed, ${packed.unpackedSize} unpacked`);
console.log(`package: ${relative(process.cwd(), join(OUT, packed.filename))}`);

// Renames the .wasm's imports from the glue to short names, in the .wasm and in the glue alike.
// wasm-bindgen names each import after its function plus a 16-hex-digit hash
// (`__wbg_set_fillStyle_95fde67582a9c695`); the name is written twice, once in each file, and
// the hashes are random, so gzip cannot shrink them. Only names that appear exactly once in the
// glue, as a key of its import object, are renamed; anything else is left alone.
//   node scripts/short-imports.mjs www/pkg/sector_charts_bg.wasm www/pkg/sector_charts.js
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: node short-imports.mjs WASM GLUE');
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function uleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function toUleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const utf8 = (text) => Buffer.from(text, 'utf8');
const withLength = (bytes) => Buffer.concat([toUleb(bytes.length), bytes]);

/** Short identifiers, shortest first: a … z, A … Z, then two letters and a digit or letter. */
function* shortNames() {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = `${first}0123456789`;
  for (const a of first) yield a;
  for (const a of first) for (const b of rest) yield a + b;
}

const HASHED = /_[0-9a-f]{16}$/;
const names = shortNames();
const taken = new Set();
const parts = [wasm.subarray(0, 8)];
let at = 8;
let renamed = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = uleb(wasm, at + 1);
  const end = body + size;
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // The import section: count, then (module, field, kind, description) per import.
  let [count, p] = uleb(wasm, body);
  const entries = [toUleb(count)];
  for (let i = 0; i < count; i += 1) {
    const [moduleLength, m] = uleb(wasm, p);
    const module = wasm.subarray(m, m + moduleLength);
    const [fieldLength, f] = uleb(wasm, m + moduleLength);
    let field = wasm.subarray(f, f + fieldLength).toString('utf8');
    const descStart = f + fieldLength;
    const descEnd = skipDescription(wasm, descStart);
    const key = new RegExp(`([{,])${field}:`, 'g');
    if (HASHED.test(field) && glue.split(field).length === 2 && (glue.match(key) ?? []).length === 1) {
      let short;
      do short = names.next().value; while (glue.includes(`${short}:`) || taken.has(short));
      taken.add(short);
      glue = glue.replace(key, `$1${short}:`);
      field = short;
      renamed += 1;
    }
    entries.push(withLength(module), withLength(utf8(field)), wasm.subarray(descStart, descEnd));
    p = descEnd;
  }
  const section = Buffer.concat(entries);
  parts.push(Buffer.from([2]), toUleb(section.length), section);
  at = end;
}

/** The end of an import's description: a function's type, a table, a memory or a global. */
function skipDescription(bytes, start) {
  const kind = bytes[start];
  let p = start + 1;
  const limits = () => {
    const flags = bytes[p++];
    [, p] = uleb(bytes, p);
    if (flags & 1) [, p] = uleb(bytes, p);
  };
  if (kind === 0) [, p] = uleb(bytes, p); // function: type index
  else if (kind === 1) { p += 1; limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) p += 2; // global: value type, mutability
  else throw new Error(`unknown import kind ${kind}`);
  return p;
}

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed} imports renamed`);

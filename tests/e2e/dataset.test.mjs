// The dataset format: our own data, the documentation's example and the test fixture all match
// the published JSON Schema, and the schema really rejects what the documentation forbids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

import { ROOT, DATASET } from './helpers.mjs';

const schema = JSON.parse(await readFile(join(ROOT, 'docs', 'dataset.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function problems() {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

function assertValid(data, what) {
  const valid = validate(data);
  assert.ok(valid, `${what} does not match docs/dataset.schema.json:\n${problems().join('\n')}`);
}

test('the schema is a draft 2020-12 JSON Schema', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('the embedded dataset (src/data/jilin-quality.json) validates against the schema', async () => {
  const data = JSON.parse(await readFile(DATASET, 'utf8'));
  assertValid(data, 'src/data/jilin-quality.json');
  assert.equal(data.sectors.length, 9, 'the report has nine sectors');
});

test('the complete example in docs/dataset.md validates against the schema', async () => {
  const markdown = await readFile(join(ROOT, 'docs', 'dataset.md'), 'utf8');
  // The full format's complete example (the one-chart forms' examples come first on the page).
  const block = /```json\n([\s\S]*?)\n```/.exec(markdown.slice(markdown.indexOf('### A complete small example')));
  assert.ok(block, 'docs/dataset.md has a ```json block');
  const example = JSON.parse(block[1]);
  assertValid(example, 'the example in docs/dataset.md');
  assert.equal(example.sectors[0].charts[0].slices.length, 2);
});

test('tests/fixtures/minimal.json validates against the schema', async () => {
  const data = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'minimal.json'), 'utf8'));
  assertValid(data, 'tests/fixtures/minimal.json');
});

test('the e2e editor dataset validates, and the broken one does not', async () => {
  const editor = JSON.parse(await readFile(join(ROOT, 'tests', 'e2e', 'pages', 'editor-data.json'), 'utf8'));
  assertValid(editor, 'tests/e2e/pages/editor-data.json');
  const broken = JSON.parse(await readFile(join(ROOT, 'tests', 'e2e', 'pages', 'broken.json'), 'utf8'));
  assert.equal(validate(broken), false, 'tests/e2e/pages/broken.json is rejected by the schema');
  assert.ok(
    validate.errors.some((e) => e.instancePath === '/sectors/0/indicators/1/value'),
    `the schema names /sectors/0/indicators/1/value: ${problems().join('; ')}`,
  );
});

test('the schema rejects what docs/dataset.md forbids (so the checks above can fail)', async () => {
  const base = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'minimal.json'), 'utf8'));
  const broken = [
    ['version 2', (d) => { d.version = 2; }],
    ['an extra field', (d) => { d.sectors[0].colour = 'red'; }],
    ['an empty en text', (d) => { d.title.en = ''; }],
    ['a bad date', (d) => { d.source.date = '2020/11'; }],
    ['a capitalised id', (d) => { d.sectors[0].id = 'Patents'; }],
    ['a negative value', (d) => { d.sectors[0].indicators[0].value = -1; }],
    ['an unknown unit', (d) => { d.sectors[0].indicators[0].unit = 'kg'; }],
    ['a pie that is not parts of a whole', (d) => { d.sectors[0].charts[0].parts_of_whole = false; }],
    ['a chart without slices', (d) => { d.sectors[0].charts[0].slices = []; }],
    ['no sectors', (d) => { d.sectors = []; }],
  ];
  for (const [what, change] of broken) {
    const data = structuredClone(base);
    change(data);
    assert.equal(validate(data), false, `the schema accepts ${what}`);
  }
});

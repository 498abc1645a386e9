// Minifies a stylesheet for the site: `node scripts/minify-css.mjs IN OUT`. csso (pinned in
// scripts/package.json) without restructuring: rules stay in their order and selectors as
// written, only comments, whitespace and redundant characters go.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node scripts/minify-css.mjs IN OUT');
const require = createRequire(new URL('./package.json', import.meta.url));
const { minify } = require('csso');
writeFileSync(output, minify(readFileSync(input, 'utf8'), { restructure: false }).css);

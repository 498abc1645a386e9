// The builder page: rows pasted from a spreadsheet (tabs) or typed as CSV become a <table> inside
// a <sector-chart> preview, the same widget and checks an article gets; its `error` event lists the
// problems; the snippet is that table in the tag, serialised by the browser (text escaped).
import { load } from './embed.js';

const $ = (id) => document.getElementById(id);
const fields = ['rows', 'title', 'kind', 'lang', 'theme', 'height'].map($);
const preview = $('preview');
const problems = $('problems');
const problemList = $('problem-list');
const snippet = $('snippet');
const SCRIPT_URL = new URL('embed.js', document.baseURI).href;

/** A heading row: its second cell has no digit (the widget decides the same way, per language). */
const isHeading = (row) => !/\d/.test(row[1] ?? '');

/** The table of the rows, made with DOM calls: every cell is text, never HTML. */
function tableOf(rows, title) {
  const table = document.createElement('table');
  if (title) table.createCaption().textContent = title;
  const [first, ...rest] = rows;
  const heading = first && isHeading(first);
  if (heading) {
    const row = table.createTHead().insertRow();
    for (const cell of first) {
      const th = document.createElement('th');
      th.textContent = cell;
      row.append(th);
    }
  }
  const body = table.createTBody();
  for (const cells of heading ? rest : rows) {
    const row = body.insertRow();
    for (const cell of cells) row.insertCell().textContent = cell;
  }
  return table;
}

/** An attribute value, escaped for a double-quoted attribute. */
const attribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The table's markup, one row a line, as the browser serialises it (its text escaped). */
function markupOf(table) {
  const lines = [];
  if (table.caption) lines.push(`    ${table.caption.outerHTML}`);
  for (const section of [table.tHead, ...table.tBodies]) {
    if (!section) continue;
    const tag = section.localName;
    lines.push(`    <${tag}>`);
    for (const row of section.rows) lines.push(`      ${row.outerHTML}`);
    lines.push(`    </${tag}>`);
  }
  return lines.join('\n');
}

function showProblems(list) {
  problemList.replaceChildren(...list.map((problem) => {
    const item = document.createElement('li');
    item.textContent = problem.path ? `${problem.path}: ${problem.message}` : problem.message;
    return item;
  }));
  problems.hidden = list.length === 0;
}

function update(tableCells) {
  const [text, title, kind, lang, theme, height] = fields.map((field) => field.value.trim());
  let rows = [];
  try {
    rows = text ? tableCells(fields[0].value) : [];
  } catch (error) {
    showProblems([{ path: '', message: error.message }]);
  }
  if (!text) showProblems([{ path: '', message: 'Type or paste some rows: a label and a number on each line.' }]);
  else if (rows.length) showProblems([]);
  const table = tableOf(rows, title);
  const attributes = { kind, lang, theme };
  if (height) attributes.height = height;
  for (const [name, value] of Object.entries(attributes)) preview.setAttribute(name, value);
  if (!height) preview.removeAttribute('height');
  // The widget draws the new table (it watches its content) and reports what is wrong.
  preview.replaceChildren(table);
  const tag = Object.entries(attributes).map(([name, value]) => ` ${name}="${attribute(value)}"`).join('');
  snippet.value = `<script type="module" src="${attribute(SCRIPT_URL)}"></script>\n`
    + `<sector-chart${tag}>\n  <table>\n${markupOf(table)}\n  </table>\n</sector-chart>\n`;
}

async function copy() {
  const done = $('copied');
  try {
    await navigator.clipboard.writeText(snippet.value);
    done.textContent = 'Copied.';
  } catch {
    // Without clipboard access (an older browser, a denied permission): select it for Ctrl+C.
    snippet.focus();
    snippet.select();
    done.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

preview.addEventListener('error', (event) => showProblems(event.detail?.problems ?? []));
$('copy').addEventListener('click', copy);

const { tableCells } = await load();
let pending = 0;
for (const field of fields) {
  field.addEventListener('input', () => {
    // One update per frame while typing.
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => update(tableCells));
  });
}
update(tableCells);

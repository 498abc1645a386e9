// <sector-chart>: one tag and this one module. A thin shell: the chart itself is Rust
// (pkg/sector_charts_bg.wasm); this file loads it once and maps attributes to options. The same
// file is www/embed.js (minified) and the npm package's embed.js: every other file is found
// relative to it, in forms that bundlers follow (a literal import(), new URL(…, import.meta.url)).

const ATTRIBUTES = ['sector', 'chart', 'kind', 'lang', 'theme', 'motion', 'src', 'height', 'downloads', 'title'];
const SOURCE_TIMEOUT_MS = 10000;
const SOURCE_MAX_BYTES = 8 * 1024 * 1024; // the dataset limit of the Rust validator
const STYLE_URL = new URL('./widget.css', import.meta.url).href;
// The first draw waits this long at most for the widget's styles: a stylesheet that hangs
// must not keep the chart off the page (the ResizeObserver redraws once the styles apply).
const STYLE_WAIT_MS = 3000;
// This module's own address (a bundler would copy a file named by new URL('./embed.js', …)).
const SCRIPT_URL = import.meta.url;

// The one sentence said without the .wasm, in the widget's languages (src/i18n.rs has the rest).
const COULD_NOT_START = {
  zh: '图表无法启动：',
  en: 'The chart could not start: ',
  fr: 'Le graphique n’a pas pu démarrer : ',
  de: 'Das Diagramm konnte nicht starten: ',
  es: 'El gráfico no pudo iniciarse: ',
  ja: 'グラフを開始できませんでした：',
};

const WASM_URL = new URL('./pkg/sector_charts_bg.wasm', import.meta.url).href;

/** The chart class and the validator, set once `load()` has resolved (`null` before). */
export let SectorChart = null;
export let validateDataset = null;
/** Rows pasted from a spreadsheet or typed as CSV, split into cells (the builder page's table). */
export let tableCells = null;

// Shared by every copy of this file on the page (a second <script> with another query string
// is another module): one download and one instance of the wasm per page.
const loads = (globalThis.__sectorChartsLoads ??= new Map());

/**
 * Loads and initialises the wasm module once for every widget on the page. Resolves to
 * `{ SectorChart, validateDataset, tableCells, memory }` (memory: the wasm instance's), so that a caller
 * gets the class from the promise instead of a binding that is null until then.
 */
export function load() {
  if (!loads.has(WASM_URL)) {
    // The .wasm compiles while it downloads and while the glue arrives, not after the glue.
    const module = fetch(WASM_URL).then(compile, (error) => {
      throw new Error(`${WASM_URL} could not be loaded: ${error.message}`);
    });
    // Its failure is reported through load(); until the glue awaits it, it would count as unhandled.
    module.catch(() => {});
    // A literal specifier, so that bundlers put the glue in a chunk of its own.
    loads.set(WASM_URL, import('./pkg/sector_charts.js').then(async (glue) => ({
      glue,
      exports: await glue.default({ module_or_path: module }),
    })));
  }
  return loads.get(WASM_URL).then(({ glue, exports }) => {
    SectorChart = glue.SectorChart;
    validateDataset = glue.validateDataset;
    tableCells = glue.tableCells;
    return { SectorChart, validateDataset, tableCells, memory: exports.memory };
  });
}

/** The .wasm's response, compiled as it streams in (from its bytes when a server sends another type). */
async function compile(response) {
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText} for ${WASM_URL}`);
  if (response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** The file's bytes (the widget decodes them itself: no JavaScript string of a large file), and
 *  whether it is CSV: by its extension, or the type the server gives it. */
async function fetchData(url, signal) {
  const timeout = AbortSignal.timeout(SOURCE_TIMEOUT_MS);
  const response = await fetch(url, { signal: AbortSignal.any([signal, timeout]) });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  // Refuse a runaway file before reading it, when the server says how big it is.
  const length = Number(response.headers.get('content-length'));
  if (length > SOURCE_MAX_BYTES) throw new Error(`it is ${length} bytes, more than the limit of ${SOURCE_MAX_BYTES}`);
  const type = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  const csv = /\.(csv|tsv)$/i.test(url.pathname) || type === 'text/csv' || type === 'text/tab-separated-values';
  return { bytes: new Uint8Array(await response.arrayBuffer()), csv };
}

/** A table's cells as text (textContent: markup in a cell is never read as HTML) and its caption. */
function cellsOfTable(table) {
  const rows = Array.from(table.rows, (row) => Array.from(row.cells, (cell) => cell.textContent));
  return { rows, caption: table.caption?.textContent ?? null };
}

class SectorChartElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #chart = null;
  #mount;
  #styled;
  #pending = false;
  #abort = null;
  #slot;
  #watch = null;

  constructor() {
    super();
    // The first element starts the download (importing this module fetches nothing): tags
    // already in the page are upgraded, and so constructed, as soon as the element is defined.
    // A failure is reported by each widget that awaits it.
    load().catch(() => {});
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = STYLE_URL;
    // The first draw waits for the widget's styles (or their failure): drawn before them, the
    // chart is sized for an unstyled card and drawn again a moment later (1 load in 15 of the
    // benchmark page, where the stylesheet and the .wasm arrive at about the same time).
    this.#styled = new Promise((resolve) => {
      style.onload = style.onerror = resolve;
      setTimeout(resolve, STYLE_WAIT_MS);
    });
    this.#mount = document.createElement('div');
    this.#mount.className = 'sc-mount';
    // The tag's own content (a <table>) shows until the chart draws, and again if it cannot:
    // without the .wasm, or with data the widget refuses, the reader still has the table.
    this.#slot = document.createElement('slot');
    shadow.append(style, this.#slot, this.#mount);
  }

  connectedCallback() {
    // A table edited in place (the builder page's preview) is drawn again.
    this.#watch ??= new MutationObserver(() => this.#schedule());
    this.#watch.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule();
  }

  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }

  disconnectedCallback() {
    this.#watch?.disconnect();
    this.#abort?.abort();
    this.#abort = null;
    if (this.#chart) {
      this.#chart.destroy();
      this.#chart.free();
      this.#chart = null;
    }
  }

  /** The chart's view: sector, chart, kind, lang, hidden, selected, query. */
  get state() { return this.#chart ? this.#chart.state() : null; }

  /** Without the wasm there is no chart: say so in the widget's place, as text, and tell the page. */
  #failToStart(error, lang) {
    // In the widget's language (Chinese by default, as the widget), English for one it lacks.
    const primary = (lang ?? 'zh').split('-')[0].toLowerCase();
    const message = (COULD_NOT_START[primary] ?? COULD_NOT_START.en) + error.message;
    const alert = document.createElement('div');
    alert.className = 'sc-alert';
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    this.#mount.replaceChildren(alert);
    this.dispatchEvent(new CustomEvent('error', {
      bubbles: true,
      composed: true,
      detail: { message, problems: [{ path: 'wasm', message }] },
    }));
  }

  // Several attributes set in one go render once.
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => { this.#pending = false; this.#render(); });
  }

  async #render() {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const options = {
      sector: this.getAttribute('sector') ?? undefined,
      chart: this.getAttribute('chart') ?? undefined,
      kind: this.getAttribute('kind') ?? undefined,
      lang: this.getAttribute('lang') ?? undefined,
      theme: this.getAttribute('theme') ?? 'auto',
      motion: this.getAttribute('motion') ?? undefined,
      height: this.getAttribute('height') ?? undefined,
      downloads: this.hasAttribute('downloads'),
      title: this.getAttribute('title') ?? undefined,
      scriptUrl: SCRIPT_URL,
    };
    try {
      await Promise.all([load(), this.#styled]);
    } catch (error) {
      if (!abort.signal.aborted && this.isConnected) this.#failToStart(error, options.lang);
      return;
    }
    try {
      const src = this.getAttribute('src');
      const inline = this.querySelector('script[type="application/json"]');
      const table = this.querySelector('table');
      if (src) {
        const { bytes, csv } = await fetchData(new URL(src, document.baseURI), abort.signal);
        options.data = bytes;
        if (csv) options.dataFormat = 'csv';
      } else if (inline) options.data = inline.textContent;
      else if (table) options.table = cellsOfTable(table);
    } catch (error) {
      if (abort.signal.aborted) return; // removed or re-rendered meanwhile
      options.loadError = error.name === 'TimeoutError'
        ? `the dataset at "${this.getAttribute('src')}" did not arrive within ${SOURCE_TIMEOUT_MS / 1000} s`
        : `the dataset at "${this.getAttribute('src')}" could not be loaded: ${error.message}`;
    }
    if (abort.signal.aborted || !this.isConnected) return;
    if (this.#chart) this.#chart.setOptions(options);
    else this.#chart = new SectorChart(this.#mount, options);
    // Drawn: the widget's own data table serves screen readers, so the tag's table is hidden.
    this.#slot.hidden = this.#chart.state() !== null;
  }
}

if (!customElements.get('sector-chart')) customElements.define('sector-chart', SectorChartElement);


// <sector-chart>: one tag and this one module. A thin shell: the chart itself is Rust
// (pkg/sector_charts_bg.wasm); this file loads it once and maps attributes to options.
import init, { SectorChart, validateDataset } from './pkg/sector_charts.js';

const ATTRIBUTES = ['sector', 'chart', 'kind', 'lang', 'theme', 'src', 'height', 'downloads'];
const SOURCE_TIMEOUT_MS = 10000;
const SOURCE_MAX_BYTES = 8 * 1024 * 1024; // the dataset limit of the Rust validator
const STYLE_URL = new URL('./widget.css', import.meta.url).href;
const SCRIPT_URL = new URL('./embed.js', import.meta.url).href;

let loading = null;

/** Loads and initialises the wasm module once for every widget on the page. */
export function load() {
  loading ??= init({ module_or_path: new URL('./pkg/sector_charts_bg.wasm', import.meta.url) });
  return loading;
}

async function fetchText(url, signal) {
  const timeout = AbortSignal.timeout(SOURCE_TIMEOUT_MS);
  const response = await fetch(url, { signal: AbortSignal.any([signal, timeout]) });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  // Refuse a runaway file before reading it, when the server says how big it is.
  const length = Number(response.headers.get('content-length'));
  if (length > SOURCE_MAX_BYTES) throw new Error(`it is ${length} bytes, more than the limit of ${SOURCE_MAX_BYTES}`);
  return response.text();
}

class SectorChartElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #chart = null;
  #mount;
  #pending = false;
  #abort = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = STYLE_URL;
    this.#mount = document.createElement('div');
    this.#mount.className = 'sc-mount';
    shadow.append(style, this.#mount);
  }

  connectedCallback() { this.#schedule(); }

  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }

  disconnectedCallback() {
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
      height: this.getAttribute('height') ?? undefined,
      downloads: this.hasAttribute('downloads'),
      scriptUrl: SCRIPT_URL,
    };
    try {
      await load();
      const src = this.getAttribute('src');
      const inline = this.querySelector('script[type="application/json"]');
      if (src) options.data = await fetchText(new URL(src, document.baseURI), abort.signal);
      else if (inline) options.data = inline.textContent;
    } catch (error) {
      if (abort.signal.aborted) return; // removed or re-rendered meanwhile
      options.loadError = error.name === 'TimeoutError'
        ? `the dataset at "${this.getAttribute('src')}" did not arrive within ${SOURCE_TIMEOUT_MS / 1000} s`
        : `the dataset at "${this.getAttribute('src')}" could not be loaded: ${error.message}`;
    }
    if (abort.signal.aborted || !this.isConnected) return;
    if (this.#chart) this.#chart.setOptions(options);
    else this.#chart = new SectorChart(this.#mount, options);
  }
}

if (!customElements.get('sector-chart')) customElements.define('sector-chart', SectorChartElement);

export { SectorChart, validateDataset };

// Types of embed.js, the npm package's entry: the <sector-chart> element (its attributes, state
// and events) and the SectorChart class. The class, its options, state and event details come
// from wasm-bindgen's declarations beside the glue (pkg/sector_charts.d.ts, from src/web/mod.rs).
import type * as Glue from './pkg/sector_charts.js';

export type {
  SectorChartOptions,
  SectorChartState,
  SectorChartErrorDetail,
  SectorChartSelectDetail,
  SectorChartDataset,
  SectorChartShortData,
  DatasetSector,
  DatasetIndicator,
  DatasetChart,
  DatasetSlice,
  BilingualText,
} from './pkg/sector_charts.js';

/** What `load()` resolves to: the chart class, the validator and the wasm instance's memory. */
export interface SectorCharts {
  SectorChart: typeof Glue.SectorChart;
  validateDataset: typeof Glue.validateDataset;
  tableCells: typeof Glue.tableCells;
  memory: WebAssembly.Memory;
}

/**
 * Downloads and starts the WebAssembly module, once per page however often it is called (the
 * first `<sector-chart>` calls it too). Rejects when the `.wasm` cannot be loaded.
 *
 * ```ts
 * const { SectorChart } = await load();
 * const chart = new SectorChart(element, { sector: 'smes', lang: 'en' });
 * ```
 */
export function load(): Promise<SectorCharts>;

/**
 * The chart class, once `load()` has resolved; `null` before. Typed code takes it from
 * `await load()` instead. As a type, `SectorChart` is a chart object.
 */
export let SectorChart: typeof Glue.SectorChart | null;
export type SectorChart = Glue.SectorChart;

/** `validateDataset(json)`: `null` for a valid dataset, else every problem. `null` until `load()` has resolved. */
export let validateDataset: typeof Glue.validateDataset | null;

/** `tableCells(text)`: rows pasted from a spreadsheet or typed as CSV, split into cells. `null` until `load()` has resolved. */
export let tableCells: typeof Glue.tableCells | null;

export type ChartKind = 'pie' | 'donut' | 'bar';
/** Any BCP 47 tag: "zh", "en", "fr", "de-CH", "ja"… (the report's own texts are zh and en). */
export type ChartLang = string;
export type ChartTheme = 'light' | 'dark' | 'auto';
export type ChartMotion = 'auto' | 'off';

/** The attributes of `<sector-chart>` and the values each takes (docs/embedding.md). */
export interface SectorChartAttributes {
  /** A sector id, e.g. "smes"; absent for the overview of all sectors. */
  sector: string;
  /** A chart id of that sector; absent for its first chart. */
  chart: string;
  kind: ChartKind;
  lang: ChartLang;
  theme: ChartTheme;
  /** "off": changes are drawn at once (as under the reader's `prefers-reduced-motion: reduce`). */
  motion: ChartMotion;
  /** URL of a dataset: the short JSON form, the full report format, or CSV (a name ending in
   *  .csv, or served as text/csv) (docs/dataset.md). */
  src: string;
  /** The title of a table or CSV without a caption. */
  title: string;
  /** CSS pixels, 120 to 4000, as text ("480" or "480px"). */
  height: string;
  /** Present (any value, usually "") to show PNG, SVG and CSV download buttons. */
  downloads: string;
}

/** `select`: a slice was selected, or the selection cleared (`detail.index` null). */
export type SectorChartSelectEvent = CustomEvent<Glue.SectorChartSelectDetail>;
/** `error`: the dataset, its `src`, the `.wasm` or an attribute is wrong; `detail` says where. */
export type SectorChartErrorEvent = CustomEvent<Glue.SectorChartErrorDetail>;

/** The events of a chart: dispatched inside it, they bubble out to its element. */
export interface SectorChartEventMap {
  select: SectorChartSelectEvent;
  error: SectorChartErrorEvent;
}

type ElementEvents = Omit<HTMLElementEventMap, keyof SectorChartEventMap> & SectorChartEventMap;

/** The `<sector-chart>` element. */
export interface SectorChartElement extends HTMLElement {
  /** The chart's view, or `null` before it is drawn. */
  readonly state: Glue.SectorChartState | null;
  getAttribute(name: keyof SectorChartAttributes | (string & {})): string | null;
  setAttribute<N extends string>(
    name: N,
    value: N extends keyof SectorChartAttributes ? SectorChartAttributes[N] : string,
  ): void;
  addEventListener<K extends keyof ElementEvents>(
    type: K,
    listener: (this: SectorChartElement, event: ElementEvents[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ElementEvents>(
    type: K,
    listener: (this: SectorChartElement, event: ElementEvents[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'sector-chart': SectorChartElement;
  }
}

//! The browser glue (wasm32 only): the exported `SectorChart` class and `validateDataset`, which
//! only translate between JavaScript and the widget (`widget.rs`) and its DOM parts.

mod alert;
mod boundary;
mod canvas;
mod data;
mod dom;
mod download;
mod events;
#[cfg(feature = "explorer")]
mod explorer;
mod frames;
mod legend;
mod listeners;
mod live;
mod locale;
mod motion;
mod options;
mod picture;
mod table;
mod toolbar;
mod tooltip;
mod ui;
mod widget;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::dataset::{self, Dataset, DatasetErrors};
use boundary::{to_js, ErrorDetail};
use dom::dispatch;
use events::Handles;
use options::Options;
use ui::Dom;
use widget::{Change, Widget};

thread_local! {
    /// The built-in dataset, parsed once for every widget on the page.
    static BUILT_IN: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
    /// Alert regions of live widgets, for the panic hook.
    static ALERTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

fn built_in() -> Result<Rc<Dataset>, DatasetErrors> {
    BUILT_IN.with(|cell| {
        if let Some(dataset) = cell.borrow().as_ref() {
            return Ok(dataset.clone());
        }
        let dataset = Rc::new(dataset::built_in()?);
        cell.borrow_mut().replace(dataset.clone());
        Ok(dataset)
    })
}

/// A panic is a bug; if one happens anyway, every widget says so instead of going silent.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let message = format!("sector-charts stopped on an internal error: {info}");
            web_sys::console::error_1(&JsValue::from_str(&message));
            ALERTS.with(|alerts| {
                if let Ok(alerts) = alerts.try_borrow() {
                    for alert in alerts.iter() {
                        alert.set_text_content(Some(
                            "The chart stopped on an internal error. Reload the page to try again.",
                        ));
                        let _ = alert.remove_attribute("hidden");
                    }
                }
            });
        }));
    });
}

enum Inner {
    Live {
        widget: Rc<RefCell<Widget>>,
        _handles: Handles,
    },
    /// The dataset was invalid: the alert says why, and nothing else runs.
    Broken(Dom),
    Destroyed,
}

/// An interactive chart mounted on an element.
#[wasm_bindgen]
pub struct SectorChart {
    mount: Element,
    inner: Inner,
}

#[wasm_bindgen(typescript_custom_section)]
const OPTIONS_TS: &'static str = r#"
/** Options of a chart. Every field is optional; `null` is the same as leaving it out. A field
 *  of the wrong type (say `downloads: "yes"`) makes the constructor throw a `TypeError` that
 *  names it. */
export interface SectorChartOptions {
  /** A sector id (e.g. "smes"); none for the overview of all sectors. */
  sector?: string;
  /** A chart id of that sector; none for its first chart. */
  chart?: string;
  kind?: "pie" | "donut" | "bar";
  /** Any BCP 47 tag ("fr", "de-CH", "ja"): the widget's words (zh, en, fr, de, es, ja; others
   *  fall back to English) and an editor's numbers follow it. The built-in report is in Chinese
   *  ("zh", the default) and English; other tags show its English text. */
  lang?: string;
  theme?: "light" | "dark" | "auto";
  /** "off": every change is drawn at once, as when the reader's system asks for reduced
   *  motion. By default the slices grow on the first draw, a change of kind or of the hidden
   *  slices moves from the old picture to the new, and another chart fades in. */
  motion?: "auto" | "off";
  /** An editor's dataset as text, or the bytes of a UTF-8 file: the short JSON form
   *  (`SectorChartShortData`), the full report format (`SectorChartDataset`), or CSV when
   *  `dataFormat` is "csv" (docs/dataset.md). */
  data?: string | Uint8Array;
  /** "csv": `data` is CSV (a header row, then a label and a value per row). */
  dataFormat?: "json" | "csv";
  /** A table's cells as text, row by row (first column labels, second values; a header row
   *  is recognised), and its caption: what `<sector-chart>` reads from a `<table>` inside it. */
  table?: { rows: string[][]; caption?: string | null };
  /** The title of a table or CSV that has no caption. */
  title?: string;
  /** Height in CSS px (a number, or text such as "480px"), from 120 to 4000; by default it
   *  follows the width. Another value draws at the default height and says so through
   *  `error`. */
  height?: number | string;
  /** Show PNG, SVG and CSV download buttons. */
  downloads?: boolean;
  /** The full explorer: sector navigation, the sector's text, embed code. Only in the explorer's
   *  build (pkg-explorer/, which index.html loads); the widget's build draws the chart and says
   *  so through `error`. */
  explorer?: boolean;
  /** Keep the view in location.hash, so links reopen it. */
  hash?: boolean;
  /** URL of embed.js, for the embed snippet. */
  scriptUrl?: string;
  /** Set by embed.js when `src` could not be loaded: the widget shows it as its alert. */
  loadError?: string;
}

/** What `state()` returns. */
export interface SectorChartState {
  sector: string | null;
  chart: string | null;
  kind: "pie" | "donut" | "bar" | null;
  /** The BCP 47 tag the chart speaks, as it was given ("zh", "en", "de-CH"). */
  lang: string;
  hidden: number[];
  selected: number | null;
  focus: number | null;
  hover: number | null;
  /** The deep link of the view, without '#'. */
  query: string;
  dark: boolean;
}

/** `detail` of the `error` event. */
export interface SectorChartErrorDetail {
  message: string;
  problems: { path: string; message: string }[];
}

/** `detail` of the `select` event; `index` is null when the selection was cleared. */
export interface SectorChartSelectDetail {
  sector: string | null;
  chart: string | null;
  index: number | null;
  key?: string;
  label?: string;
  value?: string;
  share?: string;
}

/** The short JSON form: one chart in one language, no ids (docs/dataset.md). */
export interface SectorChartShortData {
  title: string;
  slices: { label: string; value: number; source?: string }[];
  /** What the values count ("€ m"); "%" writes them as percentages. */
  unit?: string;
  source?: string;
  note?: string;
  /** The BCP 47 tag of the texts, used when the tag gives no `lang`. */
  lang?: string;
}

/** A text in both languages. */
export interface BilingualText { zh: string; en: string; }

/** The dataset format (docs/dataset.md; JSON Schema in docs/dataset.schema.json). */
export interface SectorChartDataset {
  version: 1;
  title: BilingualText;
  source: { title: BilingualText; publisher: BilingualText; date: string; note?: BilingualText };
  sectors: DatasetSector[];
}

export interface DatasetSector {
  /** Lowercase letters and digits joined by single hyphens. */
  id: string;
  name: BilingualText;
  /** The sector's paragraph of the source, verbatim. */
  paragraph?: string;
  achievements?: BilingualText[];
  indicators: DatasetIndicator[];
  charts: DatasetChart[];
}

export interface DatasetIndicator {
  id: string;
  label: BilingualText;
  /** In base units: 1.66 亿元 is 166000000. Finite, >= 0, below 10^15. */
  value: number;
  unit: "count" | "yuan" | "percent" | "day" | "metre" | "person-time";
  /** The noun after a count: { zh: "项", en: "standards" }. */
  counter?: BilingualText;
  /** 逾 ("over") or 余 ("more than"). */
  qualifier?: "over" | "more-than";
  /** The source's exact words for this figure. */
  source?: string;
  note?: BilingualText;
}

export interface DatasetChart {
  id: string;
  title: BilingualText;
  kind: "pie" | "donut" | "bar";
  /** True only when the slices are disjoint parts of one whole; pie and donut require it. */
  parts_of_whole?: boolean;
  note?: BilingualText;
  slices: DatasetSlice[];
}

export type DatasetSlice =
  | { indicator: string }
  | { id: string; label: BilingualText; derived: { whole?: string; minus: string[] } };
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "SectorChartOptions")]
    pub type SectorChartOptions;
    /// Null when the chart shows its alert instead (an invalid dataset) or was destroyed.
    #[wasm_bindgen(typescript_type = "SectorChartState | null")]
    pub type SectorChartState;
    #[wasm_bindgen(typescript_type = "SectorChartErrorDetail | null")]
    pub type ValidationResult;
}

/// A thrown DOM error as a JavaScript `Error` with its text: `String(error)` ("TypeError: …"),
/// not `{:?}`, which would bring the debug printer's glue.
fn js_error(error: JsValue) -> JsError {
    JsError::new(&error.as_string().unwrap_or_else(|| {
        js_sys::Object::from(error)
            .to_string()
            .as_string()
            .unwrap_or_default()
    }))
}

fn error_detail(errors: &DatasetErrors) -> Result<JsValue, JsValue> {
    to_js(&ErrorDetail::of_dataset(errors))
}

impl SectorChart {
    /// New options that change only the view (sector, chart, kind, language) move the live
    /// chart there, animated as a click would be; anything else needs a new mount, and the
    /// options come back for it.
    fn move_view(&self, options: Options) -> Result<Option<Options>, JsValue> {
        let Inner::Live { widget, .. } = &self.inner else {
            return Ok(Some(options));
        };
        let Ok(mut widget) = widget.try_borrow_mut() else {
            return Ok(Some(options));
        };
        // A stated fallback, before or after, is shown and announced by a new mount.
        let clean = |o: &Options| o.problems(&widget.dataset).is_empty();
        if !widget.options.same_but_view(&options) || !clean(&widget.options) || !clean(&options) {
            return Ok(Some(options));
        }
        let state = options.initial_state(&widget.dataset);
        widget.options = options;
        widget.set_state(state)?;
        Ok(None)
    }

    fn mount_widget(mount: &Element, options: Options) -> Result<Inner, JsValue> {
        let mut options = options;
        let dataset = match data::editor_dataset(&options) {
            Some(Ok((dataset, lang))) => {
                // The short form's own `lang`, unless the tag names one.
                options.lang = options.lang.take().or(lang);
                Ok(dataset)
            }
            Some(Err(errors)) => Err(errors),
            None => built_in(),
        };
        let speaking = options.speaking();
        let dataset = match dataset {
            Ok(dataset) => dataset,
            Err(errors) => {
                let dom = Dom::build(mount, false, false)?;
                dom.root.set_attribute("lang", speaking.tag())?;
                dom.root
                    .class_list()
                    .toggle_with_force("sc-dark", options.wants_dark())?;
                dom.show_errors(&errors, speaking.speech())?;
                dispatch(&dom.root, "error", &error_detail(&errors)?)?;
                return Ok(Inner::Broken(dom));
            }
        };
        let widget = Widget::new(mount, dataset, options)?;
        let problems = widget.options.problems(&widget.dataset);
        let widget = widget.into_shared();
        let handles = events::attach(&widget)?;
        {
            let mut w = widget.borrow_mut();
            w.refresh(Change::First)?;
            if !problems.is_empty() {
                // Stated fallbacks: the chart shows, and the editor is told what was replaced.
                let message = problems.join("; ");
                w.dom.show_message(&message)?;
                let detail = to_js(&ErrorDetail::fallback(message))?;
                dispatch(&w.dom.root, "error", &detail)?;
            }
            ALERTS.with(|alerts| alerts.borrow_mut().push(w.dom.root.clone()));
        }
        Ok(Inner::Live {
            widget,
            _handles: handles,
        })
    }

    fn release(&mut self) {
        match std::mem::replace(&mut self.inner, Inner::Destroyed) {
            Inner::Live { widget, _handles } => {
                drop(_handles);
                if let Ok(mut w) = widget.try_borrow_mut() {
                    let root = w.dom.root.clone();
                    ALERTS.with(|alerts| alerts.borrow_mut().retain(|a| a != &root));
                    w.release();
                };
            }
            Inner::Broken(dom) => {
                dom::clear(&dom.root);
                if let Some(parent) = dom.root.parent_node() {
                    let _ = parent.remove_child(&dom.root);
                }
            }
            Inner::Destroyed => {}
        }
    }
}

#[wasm_bindgen]
impl SectorChart {
    /// Mounts a chart inside `element` (its content is replaced).
    #[wasm_bindgen(constructor)]
    pub fn new(
        element: Element,
        options: Option<SectorChartOptions>,
    ) -> Result<SectorChart, JsValue> {
        install_panic_hook();
        let options = Options::from_js(options.map_or(JsValue::UNDEFINED, Into::into))?;
        let inner = SectorChart::mount_widget(&element, options).map_err(js_error)?;
        Ok(SectorChart {
            mount: element,
            inner,
        })
    }

    /// Replaces the options and re-renders (a live attribute change on `<sector-chart>`).
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: Option<SectorChartOptions>) -> Result<(), JsValue> {
        let options = Options::from_js(options.map_or(JsValue::UNDEFINED, Into::into))?;
        if let Some(options) = self.move_view(options).map_err(js_error)? {
            self.release();
            self.inner = SectorChart::mount_widget(&self.mount, options).map_err(js_error)?;
        }
        Ok(())
    }

    /// The view as a plain object.
    pub fn state(&self) -> Result<SectorChartState, JsError> {
        match &self.inner {
            Inner::Live { widget, .. } => widget
                .try_borrow()
                .map_err(|_| JsError::new("the chart is busy"))?
                .state_object()
                .map(Into::into)
                .map_err(js_error),
            _ => Ok(JsValue::NULL.into()),
        }
    }

    /// Re-measures the container and redraws.
    pub fn resize(&self) -> Result<(), JsError> {
        if let Inner::Live { widget, .. } = &self.inner {
            let mut w = widget
                .try_borrow_mut()
                .map_err(|_| JsError::new("the chart is busy"))?;
            w.resize().map_err(js_error)?;
            w.redraw().map_err(js_error)?;
        }
        Ok(())
    }

    /// Removes the chart and everything it registered: listeners, observer, animation frame.
    pub fn destroy(&mut self) {
        self.release();
    }
}

/// `free()` without `destroy()` (or the garbage collector's finalizer) releases too: a pending
/// animation frame or timer must not call a closure that is gone.
impl Drop for SectorChart {
    fn drop(&mut self) {
        self.release();
    }
}

/// Splits rows pasted from a spreadsheet (tab-separated) or typed as CSV into their cells, as
/// the CSV reader does (the builder page makes a `<table>` of them); throws what is wrong.
#[wasm_bindgen(js_name = tableCells)]
pub fn table_cells(text: &str) -> Result<Vec<js_sys::Array>, JsError> {
    let rows =
        dataset::simple::cells_of(text).map_err(|errors| JsError::new(&errors.to_string()))?;
    Ok(rows
        .iter()
        .map(|cells| cells.iter().map(|cell| JsValue::from_str(cell)).collect())
        .collect())
}

/// Checks a dataset without drawing it: `null` when valid, else the problems.
#[wasm_bindgen(js_name = validateDataset)]
pub fn validate_dataset(json: &str) -> Result<ValidationResult, JsError> {
    match dataset::simple::read_json(json) {
        Ok(_) => Ok(JsValue::NULL.into()),
        Err(errors) => error_detail(&errors).map(Into::into).map_err(js_error),
    }
}

//! The data table: every slice's label, value, share and the report's words, always in the
//! accessibility tree and shown on demand.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::{child, clear, text_child, toggle_class};
use crate::dataset::{Dataset, ValueStyle};
use crate::describe::{table_share, SliceText, TABLE_ROWS};
use crate::i18n::words;
use crate::view::ViewState;

/// What the widget does with the data table on an update.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TablePart {
    /// Built now and shown.
    Open,
    /// Built now, in the accessibility tree only.
    Closed,
    /// Closed and left for the widget to build after its first frame: laying out its rows, with
    /// their bold headers and Chinese quotes, is costly in the first frame.
    Later,
}

pub fn update_table(
    doc: &Document,
    wrap: &Element,
    dataset: &Dataset,
    state: &ViewState,
    texts: &[SliceText],
    open: bool,
) -> Result<(), JsValue> {
    let lang = state.lang;
    let w = words(state.speech());
    clear(wrap);
    // Always in the accessibility tree; shown to sighted visitors on demand.
    toggle_class(wrap, "sc-sr-only", !open)?;
    let Some(chart) = state.chart(dataset) else {
        return Ok(());
    };
    let report = chart.style == ValueStyle::Report;
    let table = child(doc, wrap, "table", "sc-table")?;
    text_child(doc, &table, "caption", "", chart.title.get(lang))?;
    let head = child(doc, &table, "thead", "")?;
    let row = child(doc, &head, "tr", "")?;
    for heading in [w.label, w.value, w.share, w.source] {
        let th = text_child(doc, &row, "th", "", heading)?;
        th.set_attribute("scope", "col")?;
    }
    let body = child(doc, &table, "tbody", "")?;
    // Every real slice, "Other" aside: the table is where its members can be read.
    for (i, text) in texts
        .iter()
        .take(chart.slices.len())
        .enumerate()
        .take(TABLE_ROWS)
    {
        let row = child(doc, &body, "tr", "")?;
        if text.hidden {
            row.set_attribute("class", "sc-off")?;
        }
        if state.selected == Some(i) {
            row.set_attribute("aria-selected", "true")?;
        }
        let th = text_child(doc, &row, "th", "", &text.label)?;
        th.set_attribute("scope", "row")?;
        text_child(doc, &row, "td", "sc-num", &text.value)?;
        text_child(doc, &row, "td", "sc-num", table_share(text, state.speech()))?;
        let source_cell = child(doc, &row, "td", "sc-source")?;
        if let Some(source) = &text.source {
            let quote = text_child(doc, &source_cell, "q", "", source)?;
            // The report quotes its Chinese source; an editor's chart is in its own language.
            quote.set_attribute("lang", if report { "zh" } else { state.tag() })?;
        }
        if let Some(derivation) = &text.derivation {
            text_child(doc, &source_cell, "span", "sc-derived", derivation)?;
        }
    }
    if chart.slices.len() > TABLE_ROWS {
        let row = child(doc, &body, "tr", "")?;
        let cell = text_child(
            doc,
            &row,
            "td",
            "",
            &format!("… {} / {}", TABLE_ROWS, chart.slices.len()),
        )?;
        cell.set_attribute("colspan", "4")?;
    }
    Ok(())
}

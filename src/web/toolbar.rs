//! The toolbar: chart tabs, the kinds this chart can take, the way back to the overview, the
//! language switch, the data table's toggle and the download buttons.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::{action_button, child, clear, set_hidden};
use crate::dataset::{Chart, Dataset, Lang, ValueStyle};
use crate::i18n::{kind_name, words, Words};
use crate::view::ViewState;

pub struct Toolbar {
    doc: Document,
    pub chart_tabs: Element,
    pub kinds: Element,
    back_button: Element,
    pub lang_button: Element,
    pub table_button: Element,
    downloads: Option<Element>,
}

/// What the toolbar shows: the view, and the widget's own choices.
pub struct ToolbarFor<'a> {
    pub dataset: &'a Dataset,
    pub state: &'a ViewState,
    pub table_open: bool,
    /// The explorer has its own way back, in the sector navigation.
    pub explorer: bool,
    /// The widget opened on the overview, so a sector view offers the way back.
    pub home_is_overview: bool,
}

impl Toolbar {
    pub fn build(doc: &Document, card: &Element, downloads: bool) -> Result<Toolbar, JsValue> {
        let toolbar = child(doc, card, "div", "sc-toolbar")?;
        let chart_tabs = child(doc, &toolbar, "div", "sc-group sc-chart-tabs")?;
        chart_tabs.set_attribute("role", "group")?;
        let kinds = child(doc, &toolbar, "div", "sc-group sc-kinds")?;
        kinds.set_attribute("role", "group")?;
        // Embedded charts that open on the overview can drill into a sector: this leads back.
        let back_button = action_button(doc, &toolbar, "sc-button sc-back", "back", "", "")?;
        set_hidden(&back_button, true)?;
        let lang_button = action_button(doc, &toolbar, "sc-button sc-lang", "lang", "", "")?;
        let table_button =
            action_button(doc, &toolbar, "sc-button sc-table-toggle", "table", "", "")?;
        table_button.set_attribute("aria-expanded", "false")?;
        let downloads = if downloads {
            Some(download_buttons(doc, &toolbar)?)
        } else {
            None
        };
        Ok(Toolbar {
            doc: doc.clone(),
            chart_tabs,
            kinds,
            back_button,
            lang_button,
            table_button,
            downloads,
        })
    }

    pub fn update(&self, shown: &ToolbarFor) -> Result<(), JsValue> {
        let state = shown.state;
        let w = words(state.speech());
        let chart = state.chart(shown.dataset);
        self.back_button
            .set_text_content(Some(&format!("← {}", w.back_to_overview)));
        set_hidden(
            &self.back_button,
            shown.explorer || state.is_overview() || !shown.home_is_overview,
        )?;
        self.update_chart_tabs(shown, chart)?;
        self.update_kinds(shown, chart)?;
        let other = match state.lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        self.lang_button.set_text_content(Some(w.switch_language));
        self.lang_button.set_attribute("data-value", other.code())?;
        self.lang_button.set_attribute("lang", other.code())?;
        // An editor's simple chart is in one language: there is no other to switch to.
        let one_language = chart.is_some_and(|c| c.style != ValueStyle::Report);
        set_hidden(&self.lang_button, one_language)?;
        self.table_button
            .set_text_content(Some(if shown.table_open {
                w.hide_data
            } else {
                w.show_data
            }));
        self.table_button.set_attribute(
            "aria-expanded",
            if shown.table_open { "true" } else { "false" },
        )?;
        set_hidden(&self.table_button, chart.is_none())?;
        if let Some(downloads) = &self.downloads {
            update_downloads(downloads, w, chart.is_none())?;
        }
        Ok(())
    }

    /// Chart tabs: only when there is a choice.
    fn update_chart_tabs(&self, shown: &ToolbarFor, chart: Option<&Chart>) -> Result<(), JsValue> {
        let state = shown.state;
        let w = words(state.speech());
        clear(&self.chart_tabs);
        let charts = state.charts(shown.dataset);
        self.chart_tabs.set_attribute("aria-label", w.charts)?;
        set_hidden(&self.chart_tabs, charts.len() < 2)?;
        for c in charts {
            let button = action_button(
                &self.doc,
                &self.chart_tabs,
                "sc-button",
                "chart",
                &c.id,
                c.title.get(state.lang),
            )?;
            let current = chart.is_some_and(|shown| shown.id == c.id);
            button.set_attribute("aria-pressed", if current { "true" } else { "false" })?;
        }
        Ok(())
    }

    /// Kind switch: only the kinds this chart can honestly take.
    fn update_kinds(&self, shown: &ToolbarFor, chart: Option<&Chart>) -> Result<(), JsValue> {
        let speech = shown.state.speech();
        clear(&self.kinds);
        self.kinds
            .set_attribute("aria-label", words(speech).chart_kind)?;
        let kind = shown.state.effective_kind(shown.dataset);
        if let Some(chart) = chart {
            for k in chart.allowed_kinds() {
                let button = action_button(
                    &self.doc,
                    &self.kinds,
                    "sc-button",
                    "kind",
                    k.code(),
                    kind_name(*k, speech),
                )?;
                button.set_attribute(
                    "aria-pressed",
                    if Some(*k) == kind { "true" } else { "false" },
                )?;
            }
        }
        set_hidden(
            &self.kinds,
            chart.is_none_or(|c| c.allowed_kinds().len() < 2),
        )
    }
}

fn download_buttons(doc: &Document, toolbar: &Element) -> Result<Element, JsValue> {
    let group = child(doc, toolbar, "div", "sc-group sc-downloads")?;
    group.set_attribute("role", "group")?;
    for format in ["png", "svg", "csv"] {
        action_button(
            doc,
            &group,
            "sc-button",
            "download",
            format,
            &format.to_ascii_uppercase(),
        )?;
    }
    Ok(group)
}

fn update_downloads(downloads: &Element, w: &Words, no_chart: bool) -> Result<(), JsValue> {
    downloads.set_attribute("aria-label", w.downloads)?;
    set_hidden(downloads, no_chart)?;
    let buttons = downloads.children();
    for i in 0..buttons.length() {
        if let Some(button) = buttons.item(i) {
            let format = button
                .get_attribute("data-value")
                .unwrap_or_default()
                .to_ascii_uppercase();
            button.set_attribute("aria-label", &format!("{} {format}", w.downloads))?;
        }
    }
    Ok(())
}

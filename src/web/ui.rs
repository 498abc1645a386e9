//! The widget's DOM: builds its parts around the canvas once and brings them up to date with
//! the view. Each part writes itself (`toolbar`, `legend`, `table`, `tooltip`, `alert`, `live`,
//! and in the explorer's build `explorer`); dataset text goes in as text only.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use super::alert;
use super::dom::{child, clear, set_hidden, unique_id};
#[cfg(feature = "explorer")]
use super::explorer::Explorer;
use super::legend::update_legend;
use super::live::Live;
use super::table::{update_table, TablePart};
use super::toolbar::{Toolbar, ToolbarFor};
use super::tooltip::Tooltip;
use crate::dataset::{Dataset, DatasetErrors};
use crate::describe::{chart_title, credit, SliceText};
use crate::i18n::{words, Speech};
use crate::view::ViewState;

pub struct Dom {
    doc: Document,
    pub root: Element,
    /// Built with the explorer's parts (and its own way back to the overview).
    explorer: bool,
    title: Element,
    note: Element,
    /// The widget opened on the overview, so a sector view offers the way back.
    pub home_is_overview: bool,
    hint: Element,
    toolbar: Toolbar,
    pub figure: HtmlElement,
    pub canvas: HtmlCanvasElement,
    empty: Element,
    legend: Element,
    table_wrap: Element,
    credit: Element,
    help: Element,
    pub tooltip: Tooltip,
    live: Live,
    alert: Element,
    #[cfg(feature = "explorer")]
    explorer_parts: Option<Explorer>,
}

/// The figure that holds the canvas: focusable, described by the help text.
fn build_figure(
    doc: &Document,
    card: &Element,
) -> Result<(HtmlElement, HtmlCanvasElement, Element), JsValue> {
    let figure = child(doc, card, "div", "sc-figure")?;
    figure.set_attribute("tabindex", "0")?;
    figure.set_attribute("role", "group")?;
    figure.set_attribute("aria-roledescription", "chart")?;
    let figure = figure
        .dyn_into::<HtmlElement>()
        .map_err(|_| JsValue::from_str("figure is not an HTML element"))?;
    let canvas = child(doc, &figure, "canvas", "sc-canvas")?
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|_| JsValue::from_str("canvas is not a canvas"))?;
    // The canvas is a picture of the table and legend, which screen readers read instead.
    canvas.set_attribute("aria-hidden", "true")?;
    let help = child(doc, card, "p", "sc-sr-only")?;
    let help_id = unique_id("help");
    help.set_id(&help_id);
    figure.set_attribute("aria-describedby", &help_id)?;
    Ok((figure, canvas, help))
}

impl Dom {
    /// `explorer` only in the explorer's build (`Options::has_explorer`).
    pub fn build(mount: &Element, explorer: bool, downloads: bool) -> Result<Dom, JsValue> {
        let doc = super::dom::document()?;
        clear(mount);
        let root = child(&doc, mount, "div", "sc-root")?;
        let card = child(&doc, &root, "section", "sc-card")?;
        let head = child(&doc, &card, "div", "sc-head")?;
        let title = child(&doc, &head, if explorer { "h2" } else { "h3" }, "sc-title")?;
        let note = child(&doc, &head, "p", "sc-note")?;
        let hint = child(&doc, &head, "p", "sc-hint")?;
        set_hidden(&hint, true)?;
        let toolbar = Toolbar::build(&doc, &card, downloads)?;
        let (figure, canvas, help) = build_figure(&doc, &card)?;
        let empty = child(&doc, &card, "p", "sc-empty")?;
        let legend = child(&doc, &card, "div", "sc-legend")?;
        legend.set_attribute("role", "group")?;
        let table_wrap = child(&doc, &card, "div", "sc-table-wrap sc-sr-only")?;
        let credit = child(&doc, &card, "p", "sc-credit")?;
        let alert = child(&doc, &card, "div", "sc-alert")?;
        alert.set_attribute("role", "alert")?;
        set_hidden(&alert, true)?;
        let tooltip = Tooltip::build(&doc, &root, &unique_id("tooltip"))?;
        let live = Live::build(&doc, &root)?;
        #[cfg(feature = "explorer")]
        let explorer_parts = match explorer {
            true => Some(Explorer::build(&doc, &root, &card)?),
            false => None,
        };
        Ok(Dom {
            doc,
            root,
            explorer,
            title,
            note,
            home_is_overview: false,
            hint,
            toolbar,
            figure,
            canvas,
            empty,
            legend,
            table_wrap,
            credit,
            help,
            tooltip,
            live,
            alert,
            #[cfg(feature = "explorer")]
            explorer_parts,
        })
    }

    /// Brings every part but the canvas and tooltip up to date with the state (the data table
    /// as `table` says).
    pub fn update(
        &self,
        dataset: &Dataset,
        state: &ViewState,
        texts: &[SliceText],
        summary: &str,
        table: TablePart,
        script_url: &str,
    ) -> Result<(), JsValue> {
        let table_open = table == TablePart::Open;
        let speech = state.speech();
        self.root.set_attribute("lang", state.tag())?;
        self.root.set_attribute("data-view", &state.to_query())?;
        self.update_head(dataset, state)?;
        let shown = ToolbarFor {
            dataset,
            state,
            table_open,
            explorer: self.explorer,
            home_is_overview: self.home_is_overview,
        };
        self.toolbar.update(&shown)?;
        self.update_figure(dataset, state, summary)?;
        update_legend(&self.doc, &self.legend, state, texts)?;
        if table != TablePart::Later {
            self.update_table(dataset, state, texts, table_open)?;
        }
        self.credit.set_text_content(Some(&credit(dataset, speech)));
        #[cfg(feature = "explorer")]
        if let Some(explorer) = &self.explorer_parts {
            explorer.update(dataset, state, script_url)?;
        }
        #[cfg(not(feature = "explorer"))]
        let _ = script_url;
        Ok(())
    }

    /// The chart's title, its note, and on the overview the hint that a slice opens its sector.
    fn update_head(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let lang = state.lang;
        let chart = state.chart(dataset);
        self.title
            .set_text_content(Some(chart_title(dataset, state)));
        let note = chart
            .and_then(|c| c.note.as_ref())
            .map(|n| n.get(lang))
            .unwrap_or("");
        self.note.set_text_content(Some(note));
        set_hidden(&self.note, note.is_empty())?;
        self.hint
            .set_text_content(Some(words(state.speech()).open_sector_hint));
        set_hidden(
            &self.hint,
            !(state.is_overview() && chart.is_some_and(|c| c.kind.is_circular())),
        )
    }

    /// The figure's accessible summary, its help, and the words shown when there is no chart.
    fn update_figure(
        &self,
        dataset: &Dataset,
        state: &ViewState,
        summary: &str,
    ) -> Result<(), JsValue> {
        let w = words(state.speech());
        let chart = state.chart(dataset);
        self.figure.set_attribute("aria-label", summary)?;
        set_hidden(&self.figure, chart.is_none())?;
        self.help.set_text_content(Some(w.chart_help));
        let empty_text = match state.sector.as_deref().and_then(|id| dataset.sector(id)) {
            Some(sector) if sector.indicators.is_empty() => w.no_figures,
            _ => w.no_chart,
        };
        self.empty.set_text_content(Some(empty_text));
        set_hidden(&self.empty, chart.is_some())
    }

    pub fn update_table(
        &self,
        dataset: &Dataset,
        state: &ViewState,
        texts: &[SliceText],
        open: bool,
    ) -> Result<(), JsValue> {
        update_table(&self.doc, &self.table_wrap, dataset, state, texts, open)
    }

    /// Shows the tooltip for a slice at a client point; the chart is described by it meanwhile.
    pub fn show_tooltip(
        &self,
        text: &SliceText,
        speech: Speech,
        client: (f64, f64),
    ) -> Result<(), JsValue> {
        let was_shown = self.tooltip.is_shown();
        self.tooltip.show(text, speech, client)?;
        if !was_shown {
            self.figure.set_attribute(
                "aria-describedby",
                &format!("{} {}", self.help.id(), self.tooltip.element.id()),
            )?;
        }
        Ok(())
    }

    pub fn hide_tooltip(&self) -> Result<(), JsValue> {
        if self.tooltip.hide()? {
            self.figure
                .set_attribute("aria-describedby", &self.help.id())?;
        }
        Ok(())
    }

    pub fn announce(&self, text: &str) {
        self.live.announce(text);
    }

    /// The dataset's problems in the alert, and no chart or controls.
    pub fn show_errors(&self, errors: &DatasetErrors, speech: Speech) -> Result<(), JsValue> {
        alert::show_errors(&self.doc, &self.alert, errors, speech)?;
        set_hidden(&self.figure, true)?;
        for hidden in [
            &self.toolbar.lang_button,
            &self.legend,
            &self.toolbar.chart_tabs,
            &self.toolbar.kinds,
            &self.toolbar.table_button,
            &self.empty,
        ] {
            set_hidden(hidden, true)?;
        }
        Ok(())
    }

    pub fn show_message(&self, message: &str) -> Result<(), JsValue> {
        alert::show_message(&self.doc, &self.alert, message)
    }
}

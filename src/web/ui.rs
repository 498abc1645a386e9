//! The widget's DOM around the canvas: controls, legend, data table, tooltip, live region, alert,
//! and in the explorer the sector navigation and the sector's own text. Built once, updated in
//! place; every piece of dataset text goes in as text.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

use super::dom::{action_button, child, clear, el, set_hidden, text_child, toggle_class};
use super::tooltip::Tooltip;
use crate::dataset::{ChartKind, Dataset, DatasetErrors, Lang};
use crate::describe::{credit, quote_ranges, SliceText, TABLE_ROWS};
use crate::format::value_text;
use crate::i18n::{kind_name, words};
use crate::view::ViewState;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Ids unique on the page, for `aria-describedby` links between a widget's own elements.
fn unique_id(prefix: &str) -> String {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("sc-{prefix}-{}", n.get())
    })
}

/// Legend buttons past this many are summarised: a thousand buttons help nobody.
pub const MAX_LEGEND_ENTRIES: usize = 60;
/// An alert lists this many problems; the rest are counted.
const MAX_ALERT_LINES: usize = 20;

pub struct Dom {
    doc: Document,
    pub root: Element,
    page_head: Option<Element>,
    nav: Option<Element>,
    title: Element,
    note: Element,
    chart_tabs: Element,
    kinds: Element,
    back_button: Element,
    /// The widget opened on the overview, so a sector view offers the way back.
    pub home_is_overview: Cell<bool>,
    hint: Element,
    lang_button: Element,
    table_button: Element,
    downloads: Option<Element>,
    pub figure: HtmlElement,
    pub canvas: HtmlCanvasElement,
    empty: Element,
    legend: Element,
    table_wrap: Element,
    credit: Element,
    help: Element,
    pub tooltip: Tooltip,
    live: Element,
    alert: Element,
    sector_text: Option<Element>,
    embed: Option<Element>,
}

/// What `Dom::update` does with the data table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TablePart {
    /// Built now and shown.
    Open,
    /// Built now, in the accessibility tree only.
    Closed,
    /// Closed and left for the widget to build after its first frame: laying out its rows, with
    /// their bold headers and Chinese quotes, took 9 ms of the first frame of a 9-slice chart.
    Later,
}

impl Dom {
    pub fn build(mount: &Element, explorer: bool, downloads: bool) -> Result<Dom, JsValue> {
        let explorer = explorer && cfg!(feature = "explorer");
        let doc = super::dom::document()?;
        clear(mount);
        let root = child(&doc, mount, "div", "sc-root")?;
        let page_head = if explorer {
            Some(child(&doc, &root, "header", "sc-page-head")?)
        } else {
            None
        };
        let nav = if explorer {
            let nav = child(&doc, &root, "nav", "sc-nav")?;
            Some(nav)
        } else {
            None
        };
        let card = child(&doc, &root, "section", "sc-card")?;
        let head = child(&doc, &card, "div", "sc-head")?;
        let title = child(&doc, &head, if explorer { "h2" } else { "h3" }, "sc-title")?;
        let note = child(&doc, &head, "p", "sc-note")?;
        let hint = child(&doc, &head, "p", "sc-hint")?;
        set_hidden(&hint, true)?;
        let toolbar = child(&doc, &card, "div", "sc-toolbar")?;
        let chart_tabs = child(&doc, &toolbar, "div", "sc-group sc-chart-tabs")?;
        chart_tabs.set_attribute("role", "group")?;
        let kinds = child(&doc, &toolbar, "div", "sc-group sc-kinds")?;
        kinds.set_attribute("role", "group")?;
        // Embedded charts that open on the overview can drill into a sector: this leads back.
        // (The explorer has its own, in the sector navigation.)
        let back_button = action_button(&doc, &toolbar, "sc-button sc-back", "back", "", "")?;
        set_hidden(&back_button, true)?;
        let lang_button = action_button(&doc, &toolbar, "sc-button sc-lang", "lang", "", "")?;
        let table_button =
            action_button(&doc, &toolbar, "sc-button sc-table-toggle", "table", "", "")?;
        table_button.set_attribute("aria-expanded", "false")?;
        let downloads = if downloads {
            let group = child(&doc, &toolbar, "div", "sc-group sc-downloads")?;
            group.set_attribute("role", "group")?;
            for format in ["png", "svg", "csv"] {
                action_button(
                    &doc,
                    &group,
                    "sc-button",
                    "download",
                    format,
                    &format.to_ascii_uppercase(),
                )?;
            }
            Some(group)
        } else {
            None
        };
        let figure_el = child(&doc, &card, "div", "sc-figure")?;
        figure_el.set_attribute("tabindex", "0")?;
        figure_el.set_attribute("role", "group")?;
        figure_el.set_attribute("aria-roledescription", "chart")?;
        let figure = figure_el
            .dyn_into::<HtmlElement>()
            .map_err(|_| JsValue::from_str("figure is not an HTML element"))?;
        let canvas = child(&doc, &figure, "canvas", "sc-canvas")?
            .dyn_into::<HtmlCanvasElement>()
            .map_err(|_| JsValue::from_str("canvas is not a canvas"))?;
        // The canvas is a picture of the table and legend, which screen readers read instead.
        canvas.set_attribute("aria-hidden", "true")?;
        let help = child(&doc, &card, "p", "sc-sr-only")?;
        let help_id = unique_id("help");
        help.set_id(&help_id);
        figure.set_attribute("aria-describedby", &help_id)?;
        let empty = child(&doc, &card, "p", "sc-empty")?;
        let legend = child(&doc, &card, "div", "sc-legend")?;
        legend.set_attribute("role", "group")?;
        let table_wrap = child(&doc, &card, "div", "sc-table-wrap sc-sr-only")?;
        let credit = child(&doc, &card, "p", "sc-credit")?;
        let alert = child(&doc, &card, "div", "sc-alert")?;
        alert.set_attribute("role", "alert")?;
        set_hidden(&alert, true)?;
        let tooltip = Tooltip::build(&doc, &root, &unique_id("tooltip"))?;
        let live = child(&doc, &root, "div", "sc-sr-only sc-live")?;
        live.set_attribute("aria-live", "polite")?;
        let sector_text = if explorer {
            Some(child(&doc, &root, "section", "sc-sector-text")?)
        } else {
            None
        };
        let embed = if explorer {
            Some(child(&doc, &root, "details", "sc-embed")?)
        } else {
            None
        };
        Ok(Dom {
            doc,
            root,
            page_head,
            nav,
            title,
            note,
            chart_tabs,
            kinds,
            back_button,
            home_is_overview: Cell::new(false),
            hint,
            lang_button,
            table_button,
            downloads,
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
            sector_text,
            embed,
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
        let lang = state.lang;
        let w = words(lang);
        self.root.set_attribute("lang", lang.code())?;
        self.root.set_attribute("data-view", &state.to_query())?;
        // A constant: without the feature the explorer's parts are not in the .wasm at all.
        if cfg!(feature = "explorer") {
            self.update_page_head(dataset, state)?;
            self.update_nav(dataset, state)?;
        }
        let chart = state.chart(dataset);
        self.title.set_text_content(Some(chart.map_or_else(
            || {
                state
                    .sector
                    .as_deref()
                    .and_then(|id| dataset.sector(id))
                    .map_or("", |s| s.name.get(lang))
            },
            |c| c.title.get(lang),
        )));
        let note = chart
            .and_then(|c| c.note.as_ref())
            .map(|n| n.get(lang))
            .unwrap_or("");
        self.note.set_text_content(Some(note));
        set_hidden(&self.note, note.is_empty())?;
        self.hint.set_text_content(Some(w.open_sector_hint));
        set_hidden(
            &self.hint,
            !(state.is_overview() && chart.is_some_and(|c| c.kind.is_circular())),
        )?;
        let explorer = self.nav.is_some();
        self.back_button
            .set_text_content(Some(&format!("← {}", w.back_to_overview)));
        set_hidden(
            &self.back_button,
            explorer || state.is_overview() || !self.home_is_overview.get(),
        )?;

        // Chart tabs: only when there is a choice.
        clear(&self.chart_tabs);
        let charts = state.charts(dataset);
        self.chart_tabs.set_attribute("aria-label", w.charts)?;
        set_hidden(&self.chart_tabs, charts.len() < 2)?;
        for c in charts {
            let button = action_button(
                &self.doc,
                &self.chart_tabs,
                "sc-button",
                "chart",
                &c.id,
                c.title.get(lang),
            )?;
            let current = chart.is_some_and(|shown| shown.id == c.id);
            button.set_attribute("aria-pressed", if current { "true" } else { "false" })?;
        }

        // Kind switch: only the kinds this chart can honestly take.
        clear(&self.kinds);
        self.kinds.set_attribute("aria-label", w.chart_kind)?;
        let kind = state.effective_kind(dataset);
        if let Some(chart) = chart {
            for k in chart.allowed_kinds() {
                let button = action_button(
                    &self.doc,
                    &self.kinds,
                    "sc-button",
                    "kind",
                    k.code(),
                    kind_name(*k, lang),
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
        )?;

        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        self.lang_button.set_text_content(Some(w.switch_language));
        self.lang_button.set_attribute("data-value", other.code())?;
        self.lang_button.set_attribute("lang", other.code())?;
        self.table_button.set_text_content(Some(if table_open {
            w.hide_data
        } else {
            w.show_data
        }));
        self.table_button
            .set_attribute("aria-expanded", if table_open { "true" } else { "false" })?;
        set_hidden(&self.table_button, chart.is_none())?;
        if let Some(downloads) = &self.downloads {
            downloads.set_attribute("aria-label", w.downloads)?;
            set_hidden(downloads, chart.is_none())?;
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
        }

        self.figure.set_attribute("aria-label", summary)?;
        set_hidden(&self.figure, chart.is_none())?;
        self.help.set_text_content(Some(w.chart_help));
        let empty_text = match state.sector.as_deref().and_then(|id| dataset.sector(id)) {
            Some(sector) if sector.indicators.is_empty() => w.no_figures,
            _ => w.no_chart,
        };
        self.empty.set_text_content(Some(empty_text));
        set_hidden(&self.empty, chart.is_some())?;

        self.update_legend(state, texts)?;
        if table != TablePart::Later {
            self.update_table(dataset, state, texts, table_open)?;
        }
        self.credit.set_text_content(Some(&credit(dataset, lang)));
        if cfg!(feature = "explorer") {
            self.update_sector_text(dataset, state)?;
            self.update_embed(dataset, state, script_url)?;
        }
        Ok(())
    }

    fn update_page_head(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let Some(head) = &self.page_head else {
            return Ok(());
        };
        let lang = state.lang;
        clear(head);
        text_child(
            &self.doc,
            head,
            "h1",
            "sc-page-title",
            dataset.title.get(lang),
        )?;
        let source = &dataset.source;
        let line = match lang {
            Lang::Zh => format!(
                "依据{}《{}》（{}）",
                source.publisher.zh, source.title.zh, source.date
            ),
            Lang::En => format!(
                "From “{}” by the {} ({})",
                source.title.en, source.publisher.en, source.date
            ),
        };
        text_child(&self.doc, head, "p", "sc-page-source", &line)?;
        if let Some(note) = &source.note {
            text_child(&self.doc, head, "p", "sc-page-note", note.get(lang))?;
        }
        Ok(())
    }

    fn update_nav(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let Some(nav) = &self.nav else { return Ok(()) };
        let w = words(state.lang);
        clear(nav);
        nav.set_attribute("aria-label", w.sectors)?;
        let overview = action_button(
            &self.doc,
            nav,
            "sc-button sc-back",
            "back",
            "",
            &format!("← {}", w.back_to_overview),
        )?;
        if state.is_overview() {
            overview.set_text_content(Some(w.overview));
            overview.set_attribute("aria-current", "page")?;
        }
        let list = child(&self.doc, nav, "ul", "sc-sector-list")?;
        for sector in &dataset.sectors {
            let item = child(&self.doc, &list, "li", "")?;
            let button = action_button(
                &self.doc,
                &item,
                "sc-button sc-sector",
                "sector",
                &sector.id,
                sector.name.get(state.lang),
            )?;
            if state.sector.as_deref() == Some(sector.id.as_str()) {
                button.set_attribute("aria-current", "page")?;
            }
        }
        Ok(())
    }

    fn update_legend(&self, state: &ViewState, texts: &[SliceText]) -> Result<(), JsValue> {
        let w = words(state.lang);
        clear(&self.legend);
        self.legend.set_attribute("aria-label", w.legend)?;
        let entries = texts.iter().enumerate().filter(|(_, text)| !text.grouped);
        let palette = crate::theme::PALETTE_LEN;
        // The last text is "Other" exactly when some slices are grouped into it.
        let has_other = texts.iter().any(|t| t.grouped);
        let mut listed = 0;
        for (i, text) in entries.clone().take(MAX_LEGEND_ENTRIES) {
            listed += 1;
            let is_other = has_other && i + 1 == texts.len();
            // "Other" is not hidden and shown: choosing it shows the slices inside it.
            let (action, value) = if is_other {
                ("expand", "1")
            } else {
                ("toggle", "")
            };
            let index = i.to_string();
            let button = action_button(
                &self.doc,
                &self.legend,
                "sc-legend-item",
                action,
                if is_other { value } else { &index },
                "",
            )?;
            if !is_other {
                button.set_attribute("aria-pressed", if text.hidden { "false" } else { "true" })?;
            }
            toggle_class(&button, "sc-off", text.hidden)?;
            let swatch = child(
                &self.doc,
                &button,
                "span",
                &if is_other {
                    "sc-swatch sc-other".to_string()
                } else {
                    format!("sc-swatch sc-c{}", i % palette)
                },
            )?;
            swatch.set_attribute("aria-hidden", "true")?;
            let pattern = crate::theme::pattern_of(i, palette);
            if pattern > 0 && !is_other {
                // Repeated colours get a pattern, as on the canvas.
                toggle_class(&swatch, &format!("sc-p{pattern}"), true)?;
            }
            text_child(&self.doc, &button, "span", "sc-legend-label", &text.label)?;
            let detail = if text.hidden {
                format!(" ({})", w.hidden)
            } else {
                format!(" {}", text.share)
            };
            text_child(&self.doc, &button, "span", "sc-legend-share", &detail)?;
        }
        let total = entries.count();
        if total > listed {
            let more = total - listed;
            let line = match state.lang {
                Lang::Zh => format!("另有 {more} 项，见数据表"),
                Lang::En => format!("{more} more in the data table"),
            };
            text_child(&self.doc, &self.legend, "span", "sc-legend-more", &line)?;
        }
        if state.expanded {
            action_button(
                &self.doc,
                &self.legend,
                "sc-button",
                "expand",
                "0",
                w.group_small,
            )?;
        }
        set_hidden(&self.legend, texts.is_empty())?;
        Ok(())
    }

    pub fn update_table(
        &self,
        dataset: &Dataset,
        state: &ViewState,
        texts: &[SliceText],
        open: bool,
    ) -> Result<(), JsValue> {
        let lang = state.lang;
        let w = words(lang);
        clear(&self.table_wrap);
        // Always in the accessibility tree; shown to sighted visitors on demand.
        toggle_class(&self.table_wrap, "sc-sr-only", !open)?;
        let Some(chart) = state.chart(dataset) else {
            return Ok(());
        };
        let table = child(&self.doc, &self.table_wrap, "table", "sc-table")?;
        text_child(&self.doc, &table, "caption", "", chart.title.get(lang))?;
        let head = child(&self.doc, &table, "thead", "")?;
        let row = child(&self.doc, &head, "tr", "")?;
        for heading in [w.label, w.value, w.share, w.source] {
            let th = text_child(&self.doc, &row, "th", "", heading)?;
            th.set_attribute("scope", "col")?;
        }
        let body = child(&self.doc, &table, "tbody", "")?;
        // Every real slice, "Other" aside: the table is where its members can be read.
        for (i, text) in texts
            .iter()
            .take(chart.slices.len())
            .enumerate()
            .take(TABLE_ROWS)
        {
            let row = child(&self.doc, &body, "tr", "")?;
            if text.hidden {
                row.set_attribute("class", "sc-off")?;
            }
            if state.selected == Some(i) {
                row.set_attribute("aria-selected", "true")?;
            }
            let th = text_child(&self.doc, &row, "th", "", &text.label)?;
            th.set_attribute("scope", "row")?;
            text_child(&self.doc, &row, "td", "sc-num", &text.value)?;
            text_child(
                &self.doc,
                &row,
                "td",
                "sc-num",
                if text.hidden { w.hidden } else { &text.share },
            )?;
            let source_cell = child(&self.doc, &row, "td", "sc-source")?;
            if let Some(source) = &text.source {
                let quote = text_child(&self.doc, &source_cell, "q", "", source)?;
                quote.set_attribute("lang", "zh")?;
            }
            if let Some(derivation) = &text.derivation {
                text_child(&self.doc, &source_cell, "span", "sc-derived", derivation)?;
            }
        }
        if chart.slices.len() > TABLE_ROWS {
            let row = child(&self.doc, &body, "tr", "")?;
            let cell = text_child(
                &self.doc,
                &row,
                "td",
                "",
                &format!("… {} / {}", TABLE_ROWS, chart.slices.len()),
            )?;
            cell.set_attribute("colspan", "4")?;
        }
        Ok(())
    }

    fn update_sector_text(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let Some(section) = &self.sector_text else {
            return Ok(());
        };
        let lang = state.lang;
        let w = words(lang);
        clear(section);
        let Some(sector) = state.sector.as_deref().and_then(|id| dataset.sector(id)) else {
            set_hidden(section, true)?;
            return Ok(());
        };
        set_hidden(section, false)?;
        text_child(
            &self.doc,
            section,
            "h2",
            "sc-sector-name",
            sector.name.get(lang),
        )?;
        if !sector.indicators.is_empty() {
            text_child(&self.doc, section, "h3", "", w.key_figures)?;
            let list = child(&self.doc, section, "ul", "sc-figures")?;
            for indicator in &sector.indicators {
                let item = child(&self.doc, &list, "li", "sc-figure-card")?;
                let value = value_text(
                    indicator.value,
                    indicator.unit,
                    indicator.counter.as_ref(),
                    indicator.qualifier,
                    lang,
                );
                text_child(&self.doc, &item, "strong", "sc-figure-value", &value)?;
                text_child(
                    &self.doc,
                    &item,
                    "span",
                    "sc-figure-label",
                    indicator.label.get(lang),
                )?;
                if let Some(source) = &indicator.source {
                    let quote = text_child(&self.doc, &item, "q", "sc-figure-source", source)?;
                    quote.set_attribute("lang", "zh")?;
                }
            }
        }
        if !sector.achievements.is_empty() {
            text_child(&self.doc, section, "h3", "", w.achievements)?;
            let list = child(&self.doc, section, "ul", "sc-achievements")?;
            for achievement in &sector.achievements {
                text_child(&self.doc, &list, "li", "", achievement.get(lang))?;
            }
        }
        if let Some(paragraph) = &sector.paragraph {
            text_child(&self.doc, section, "h3", "", w.paragraph)?;
            let quote = el(&self.doc, "blockquote", "sc-paragraph")?;
            quote.set_attribute("lang", "zh")?;
            highlight_quotes(
                &self.doc,
                &quote,
                paragraph,
                sector.indicators.iter().filter_map(|i| i.source.as_deref()),
            )?;
            section.append_child(&quote)?;
            // Where the paragraph comes from, and what the marks mean.
            let cite = match lang {
                Lang::Zh => format!(
                    "{}；标亮处为图表与关键数字所引用的原文。",
                    credit(dataset, lang)
                ),
                Lang::En => format!(
                    "{}. Highlighted: the words each figure on this page is taken from.",
                    credit(dataset, lang)
                ),
            };
            text_child(&self.doc, section, "p", "sc-cite", &cite)?;
        }
        Ok(())
    }

    fn update_embed(
        &self,
        dataset: &Dataset,
        state: &ViewState,
        script_url: &str,
    ) -> Result<(), JsValue> {
        let Some(details) = &self.embed else {
            return Ok(());
        };
        let w = words(state.lang);
        clear(details);
        text_child(&self.doc, details, "summary", "", w.embed)?;
        let snippet = embed_snippet(dataset, state, script_url);
        let code = text_child(&self.doc, details, "textarea", "sc-embed-code", &snippet)?;
        code.set_attribute("readonly", "")?;
        code.set_attribute("rows", "3")?;
        code.set_attribute("aria-label", w.embed)?;
        code.set_attribute("spellcheck", "false")?;
        Ok(())
    }

    /// Shows the tooltip for a slice at a client point; the chart is described by it meanwhile.
    pub fn show_tooltip(
        &self,
        text: &SliceText,
        lang: Lang,
        client: (f64, f64),
    ) -> Result<(), JsValue> {
        let was_shown = self.tooltip.is_shown();
        self.tooltip.show(text, lang, client)?;
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

    /// Says `text` through the live region. Cleared first so the same words are said again.
    pub fn announce(&self, text: &str) {
        self.live.set_text_content(None);
        self.live.set_text_content(Some(text));
    }

    pub fn show_errors(&self, errors: &DatasetErrors, lang: Lang) -> Result<(), JsValue> {
        let w = words(lang);
        clear(&self.alert);
        text_child(&self.doc, &self.alert, "strong", "", w.data_problem)?;
        let list = child(&self.doc, &self.alert, "ul", "")?;
        let count = errors.problem_count();
        for error in errors.iter().take(count.min(MAX_ALERT_LINES)) {
            text_child(&self.doc, &list, "li", "", &error.to_string())?;
        }
        if count > MAX_ALERT_LINES || errors.truncated() {
            let unlisted = count.saturating_sub(MAX_ALERT_LINES);
            let more = if errors.truncated() { "+" } else { "" };
            let line = match lang {
                Lang::Zh => format!("……另有 {unlisted}{more} 个问题"),
                Lang::En => format!("… and {unlisted}{more} more problems"),
            };
            text_child(&self.doc, &list, "li", "", &line)?;
        }
        set_hidden(&self.alert, false)?;
        set_hidden(&self.figure, true)?;
        for hidden in [
            &self.lang_button,
            &self.legend,
            &self.chart_tabs,
            &self.kinds,
            &self.table_button,
            &self.empty,
        ] {
            set_hidden(hidden, true)?;
        }
        Ok(())
    }

    pub fn show_message(&self, message: &str) -> Result<(), JsValue> {
        clear(&self.alert);
        text_child(&self.doc, &self.alert, "p", "", message)?;
        set_hidden(&self.alert, false)
    }
}

/// The paragraph with each quoted figure's words marked, built from text nodes and `<mark>`s.
fn highlight_quotes<'a>(
    doc: &Document,
    container: &Element,
    paragraph: &str,
    quotes: impl Iterator<Item = &'a str>,
) -> Result<(), JsValue> {
    let mut cursor = 0;
    for (start, end) in quote_ranges(paragraph, quotes) {
        if let Some(before) = paragraph.get(cursor..start) {
            container.append_child(&doc.create_text_node(before))?;
        }
        if let Some(quoted) = paragraph.get(start..end) {
            text_child(doc, container, "mark", "", quoted)?;
        }
        cursor = end;
    }
    if let Some(rest) = paragraph.get(cursor..) {
        container.append_child(&doc.create_text_node(rest))?;
    }
    Ok(())
}

/// The snippet an editor pastes to show this view.
pub fn embed_snippet(dataset: &Dataset, state: &ViewState, script_url: &str) -> String {
    let mut attributes = Vec::new();
    if let Some(sector) = &state.sector {
        attributes.push(format!("sector=\"{sector}\""));
    }
    if let Some(chart) = state.chart(dataset) {
        if state.chart.is_some() || state.sector.is_some() {
            attributes.push(format!("chart=\"{}\"", chart.id));
        }
    }
    if let Some(kind) = state
        .kind
        .filter(|k: &ChartKind| Some(*k) != state.chart(dataset).map(|c| c.kind))
    {
        attributes.push(format!("kind=\"{}\"", kind.code()));
    }
    attributes.push(format!("lang=\"{}\"", state.lang.code()));
    format!(
        "<script type=\"module\" src=\"{script_url}\"></script>\n<sector-chart {}></sector-chart>",
        attributes.join(" ")
    )
}

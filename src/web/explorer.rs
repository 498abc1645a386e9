//! The explorer's own parts (built with `--features explorer` only): the page head, the sector
//! navigation, the sector's text with its quoted figures marked, and the embed box.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::{action_button, child, clear, el, set_hidden, text_child};
use crate::dataset::{ChartKind, Dataset, Lang};
use crate::describe::{credit, quote_ranges};
use crate::format::value_text;
use crate::i18n::words;
use crate::view::ViewState;

pub struct Explorer {
    doc: Document,
    page_head: Element,
    nav: Element,
    sector_text: Element,
    embed: Element,
}

impl Explorer {
    /// The head and navigation go before the chart's `card`; the sector's text and the embed box
    /// after everything in `root`.
    pub fn build(doc: &Document, root: &Element, card: &Element) -> Result<Explorer, JsValue> {
        let page_head = el(doc, "header", "sc-page-head")?;
        root.insert_before(&page_head, Some(card))?;
        let nav = el(doc, "nav", "sc-nav")?;
        root.insert_before(&nav, Some(card))?;
        Ok(Explorer {
            doc: doc.clone(),
            page_head,
            nav,
            sector_text: child(doc, root, "section", "sc-sector-text")?,
            embed: child(doc, root, "details", "sc-embed")?,
        })
    }

    pub fn update(
        &self,
        dataset: &Dataset,
        state: &ViewState,
        script_url: &str,
    ) -> Result<(), JsValue> {
        self.update_page_head(dataset, state)?;
        self.update_nav(dataset, state)?;
        self.update_sector_text(dataset, state)?;
        self.update_embed(dataset, state, script_url)
    }

    fn update_page_head(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let head = &self.page_head;
        let lang = state.lang;
        let was_open = head
            .query_selector("details.sc-about")?
            .is_some_and(|about| about.has_attribute("open"));
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
            // The note is long (a phone screen of text): folded, so the chart is in the first
            // screen; rebuilt on a change of language, so it keeps whether the reader opened it.
            let about = child(&self.doc, head, "details", "sc-about")?;
            if was_open {
                about.set_attribute("open", "")?;
            }
            text_child(&self.doc, &about, "summary", "", words(lang).about_data)?;
            text_child(&self.doc, &about, "p", "sc-page-note", note.get(lang))?;
        }
        Ok(())
    }

    fn update_nav(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let nav = &self.nav;
        let w = words(state.lang);
        clear(nav);
        nav.set_attribute("aria-label", w.sectors)?;
        let overview = action_button(
            &self.doc,
            nav,
            "sc-button sc-back",
            "back",
            "",
            // Short: on a phone it shares one row with the sectors.
            &format!("← {}", w.overview),
        )?;
        if state.is_overview() {
            overview.set_text_content(Some(w.overview));
            overview.set_attribute("aria-current", "page")?;
        }
        let list = child(&self.doc, nav, "ul", "sc-sector-list")?;
        let mut current = None;
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
                current = Some(button);
            }
        }
        if let Some(current) = current {
            reveal(nav, &current);
        }
        Ok(())
    }

    fn update_sector_text(&self, dataset: &Dataset, state: &ViewState) -> Result<(), JsValue> {
        let section = &self.sector_text;
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
        let details = &self.embed;
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

/// On a narrow screen the navigation is one row that scrolls sideways: the current sector is
/// brought to its middle, since the row is rebuilt (scrolled to its start) on every change.
fn reveal(row: &Element, current: &Element) {
    if row.scroll_width() <= row.client_width() {
        return;
    }
    let bounds = row.get_bounding_client_rect();
    let item = current.get_bounding_client_rect();
    let centre = item.left() - bounds.left() + item.width() / 2.0;
    row.set_scroll_left(row.scroll_left() + (centre - bounds.width() / 2.0).round() as i32);
}

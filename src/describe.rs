//! Every text a reader sees about a chart and its slices, one function per text: values and
//! shares, the tooltip, table and legend words, the summary and what the live region says.

use crate::dataset::{Chart, Dataset, Lang, Slice, ValueStyle};
use crate::format::{local_share_text, local_value_text, share_text, value_and_share, value_text};
use crate::format::{LocalNumbers, PlainNumbers};
use crate::i18n::{fill, kind_name, words, Speech};
use crate::layout::{shares, SliceInput};
use crate::view::{other_group, ViewState};

/// One slice, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct SliceText {
    pub key: String,
    pub label: String,
    /// The value, formatted with its unit and qualifier. Empty for a slice inside "Other" past
    /// the table's first [`TABLE_ROWS`]: nothing shows it, so it is not formatted.
    pub value: String,
    /// The value as a number, in base units.
    pub amount: f64,
    /// Share of the visible total, formatted; empty for hidden slices, and where `value` is.
    pub share: String,
    pub share_ratio: f64,
    pub hidden: bool,
    /// Drawn inside the "Other" slice of a large chart, not on its own.
    pub grouped: bool,
    /// The report's words, or how the slice was derived.
    pub source: Option<String>,
    pub derivation: Option<String>,
    pub note: Option<String>,
}

impl SliceText {
    /// Drawn on its own: neither hidden through the legend nor inside "Other".
    pub fn is_drawn(&self) -> bool {
        !self.hidden && !self.grouped
    }
}

/// Rows of the data table: past this many, slices are counted, not listed, since the table is
/// always in the DOM; the CSV has every slice.
pub const TABLE_ROWS: usize = 100;

/// How one chart writes its values and shares: the report's style, or the reader's locale.
struct Writer<'a> {
    chart: &'a Chart,
    lang: Lang,
    numbers: &'a dyn LocalNumbers,
}

impl Writer<'_> {
    /// `slice` lends its unit, counter and qualifier (the "Other" slice takes its first
    /// member's unit and counter, without the qualifier).
    fn value(&self, value: f64, slice: &Slice, qualified: bool) -> String {
        match &self.chart.style {
            ValueStyle::Report => value_text(
                value,
                slice.unit,
                slice.counter.as_ref(),
                slice.qualifier.filter(|_| qualified),
                self.lang,
            ),
            ValueStyle::Local { unit } => local_value_text(value, unit.as_deref(), self.numbers),
        }
    }

    fn share(&self, ratio: f64) -> String {
        match &self.chart.style {
            ValueStyle::Report => share_text(ratio),
            ValueStyle::Local { .. } => local_share_text(ratio, self.numbers),
        }
    }
}

/// One text per slice of the chart, in order, and last the "Other" slice when the chart groups
/// its smallest slices (see `view::other_group`). An editor's chart writes its numbers plainly.
pub fn slice_texts(chart: &Chart, state: &ViewState) -> Vec<SliceText> {
    slice_texts_in(chart, state, &PlainNumbers)
}

/// [`slice_texts`], an editor's chart writing its numbers with `numbers` (the reader's locale).
pub fn slice_texts_in(
    chart: &Chart,
    state: &ViewState,
    numbers: &dyn LocalNumbers,
) -> Vec<SliceText> {
    let lang = state.lang;
    let writer = Writer {
        chart,
        lang,
        numbers,
    };
    let group = other_group(chart, &state.hidden, state.expanded);
    let shares = shares(
        chart
            .slices
            .iter()
            .enumerate()
            .map(|(i, s)| (s.value, state.hidden.contains(&i))),
    );
    let mut texts: Vec<SliceText> = chart
        .slices
        .iter()
        .enumerate()
        .map(|(i, slice)| {
            let hidden = state.hidden.contains(&i);
            let ratio = shares.shares.get(i).copied().unwrap_or(0.0);
            let grouped = group.as_ref().is_some_and(|g| g.members.contains(i));
            let shown_anywhere = !grouped || i < TABLE_ROWS;
            SliceText {
                key: slice.key.clone(),
                label: slice.label.get(lang).to_string(),
                amount: slice.value,
                value: if shown_anywhere {
                    writer.value(slice.value, slice, true)
                } else {
                    String::new()
                },
                share: if hidden || !shown_anywhere {
                    String::new()
                } else {
                    writer.share(ratio)
                },
                share_ratio: ratio,
                hidden,
                grouped,
                source: slice.source.clone(),
                derivation: slice
                    .derivation
                    .as_ref()
                    .map(|d| d.explanation.get(lang).to_string()),
                note: slice.note.as_ref().map(|n| n.get(lang).to_string()),
            }
        })
        .collect();
    if let (Some(group), Some(first)) = (group, chart.slices.first()) {
        let ratio = shares.share_of(group.value);
        let count = group.members.len().to_string();
        let w = words(state.speech());
        texts.push(SliceText {
            key: "other".into(),
            label: fill(w.other, &[("count", &count)]),
            amount: group.value,
            value: writer.value(group.value, first, false),
            share: writer.share(ratio),
            share_ratio: ratio,
            hidden: false,
            grouped: false,
            source: None,
            derivation: Some(fill(w.other_explained, &[("count", &count)])),
            note: None,
        });
    }
    texts
}

/// The chart's title, or for a sector without charts the sector's name.
pub fn chart_title<'a>(dataset: &'a Dataset, state: &ViewState) -> &'a str {
    let lang = state.lang;
    match state.chart(dataset) {
        Some(chart) => chart.title.get(lang),
        None => state
            .sector
            .as_deref()
            .and_then(|id| dataset.sector(id))
            .map_or("", |s| s.name.get(lang)),
    }
}

/// What the layout needs of each slice, borrowed from the texts.
pub fn layout_inputs(texts: &[SliceText]) -> Vec<SliceInput<'_>> {
    texts
        .iter()
        .map(|text| SliceInput {
            label: &text.label,
            value_text: &text.value,
            value: text.amount,
            hidden: !text.is_drawn(),
        })
        .collect()
}

/// The accessible name of the chart: title, kind, how many slices, the largest. `texts` are
/// the chart's [`slice_texts`] for `state`, which the caller already has (no second pass over
/// every slice of a large chart).
pub fn summary(dataset: &Dataset, state: &ViewState, texts: &[SliceText]) -> String {
    let speech = state.speech();
    let w = words(speech);
    let Some(chart) = state.chart(dataset) else {
        return w.no_chart.to_string();
    };
    let kind = state.effective_kind(dataset).unwrap_or(chart.kind);
    let shown = texts.iter().filter(|t| t.is_drawn()).count().to_string();
    let largest = texts
        .iter()
        .filter(|t| t.is_drawn())
        .max_by(|a, b| a.share_ratio.total_cmp(&b.share_ratio));
    let largest = largest.map_or(String::new(), |t| {
        let slots = [
            ("label", &*t.label),
            ("value", &t.value),
            ("share", &t.share),
        ];
        fill(w.largest, &slots)
    });
    let slots = [
        ("kind", kind_name(kind, speech)),
        ("title", chart.title.get(state.lang)),
        ("count", &shown),
        ("largest", &largest),
    ];
    fill(w.summary, &slots)
}

/// The tooltip of a slice: its parts in order (label, value and share, the report's words,
/// how it was derived, a note; empty for a part left out) and the box's accessible name.
pub fn tooltip_text(text: &SliceText, speech: impl Into<Speech>) -> ([String; 5], String) {
    let parts = [
        text.label.clone(),
        value_and_share(&text.value, &text.share),
        text.source.clone().unwrap_or_default(),
        text.derivation.clone().unwrap_or_default(),
        text.note.clone().unwrap_or_default(),
    ];
    (parts, format!("{}: {}", words(speech).value, text.label))
}

/// The share cell of a slice's row in the data table.
pub fn table_share(text: &SliceText, speech: impl Into<Speech>) -> &str {
    if text.hidden {
        words(speech).hidden
    } else {
        &text.share
    }
}

/// What a slice's legend entry says after its label: its share, or that it is hidden.
pub fn legend_detail(text: &SliceText, speech: impl Into<Speech>) -> String {
    if text.hidden {
        format!(" ({})", words(speech).hidden)
    } else {
        format!(" {}", text.share)
    }
}

/// What the live region says about one slice: label, value, share.
pub fn slice_sentence(
    text: &SliceText,
    position: usize,
    count: usize,
    speech: impl Into<Speech>,
) -> String {
    let (position, count) = (position.to_string(), count.to_string());
    let slots = [
        ("label", &*text.label),
        ("value", &text.value),
        ("share", &text.share),
        ("position", &position),
        ("count", &count),
    ];
    fill(words(speech).position, &slots)
}

/// What changed between two states, in a sentence for the live region, if anything worth saying.
pub fn announcement(
    dataset: &Dataset,
    before: &ViewState,
    after: &ViewState,
    texts: &[SliceText],
) -> Option<String> {
    let speech = after.speech();
    let w = words(speech);
    if before.lang != after.lang || before.locale != after.locale {
        return Some(w.language_now.to_string());
    }
    if before.sector != after.sector
        || before.chart != after.chart
        || before.kind != after.kind
        || before.expanded != after.expanded
    {
        return Some(summary(dataset, after, texts));
    }
    let label_of = |i: usize| texts.get(i).map(|t| t.label.clone()).unwrap_or_default();
    if before.hidden != after.hidden {
        let changed = *before.hidden.symmetric_difference(&after.hidden).next()?;
        let state_word = if after.hidden.contains(&changed) {
            w.hidden
        } else {
            w.shown
        };
        return Some(format!(
            "{} {}. {}",
            label_of(changed),
            state_word,
            summary(dataset, after, texts)
        ));
    }
    if before.selected != after.selected {
        return Some(match after.selected {
            Some(i) => format!("{}: {}", w.selected, describe_position(texts, i, speech)),
            None => w.selection_cleared.to_string(),
        });
    }
    if before.focus != after.focus {
        if let Some(i) = after.focus {
            return Some(describe_position(texts, i, speech));
        }
    }
    None
}

fn describe_position(texts: &[SliceText], index: usize, speech: Speech) -> String {
    let visible: Vec<usize> = (0..texts.len())
        .filter(|i| texts.get(*i).is_some_and(|t| t.is_drawn()))
        .collect();
    let position = visible
        .iter()
        .position(|&i| i == index)
        .map_or(0, |p| p + 1);
    texts
        .get(index)
        .map(|t| slice_sentence(t, position, visible.len(), speech))
        .unwrap_or_default()
}

/// The credit line under every chart: report, publisher, date.
pub fn credit(dataset: &Dataset, speech: impl Into<Speech>) -> String {
    let speech = speech.into();
    let w = words(speech);
    let lang = speech.slot();
    let source = &dataset.source;
    if source.publisher.get(lang).is_empty() && source.date.is_empty() {
        // An editor's simple chart: its source line as written, or no credit at all.
        let title = source.title.get(lang);
        return match (title.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("{}：{title}", w.credit_prefix),
            (false, Lang::En) => format!("{}: {title}", w.credit_prefix),
        };
    }
    match lang {
        Lang::Zh => format!(
            "{}：{}《{}》，{}",
            w.credit_prefix, source.publisher.zh, source.title.zh, source.date
        ),
        Lang::En => format!(
            "{}: {}, “{}”, {}",
            w.credit_prefix, source.publisher.en, source.title.en, source.date
        ),
    }
}

/// Byte ranges of `paragraph` that hold each quote, matched with whitespace ignored (the
/// report wraps lines with spaces that a quote may not keep). Sorted, not overlapping.
pub fn quote_ranges<'a>(
    paragraph: &str,
    quotes: impl Iterator<Item = &'a str>,
) -> Vec<(usize, usize)> {
    // The paragraph without whitespace, with each kept char's byte range in the original.
    let kept: Vec<(usize, usize, char)> = paragraph
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (i, i + c.len_utf8(), c))
        .collect();
    let compact: Vec<char> = kept.iter().map(|(_, _, c)| *c).collect();
    let mut ranges: Vec<(usize, usize)> = quotes
        .filter_map(|quote| {
            let needle: Vec<char> = quote.chars().filter(|c| !c.is_whitespace()).collect();
            if needle.is_empty() || needle.len() > compact.len() {
                return None;
            }
            let start = compact
                .windows(needle.len())
                .position(|window| window == needle.as_slice())?;
            let first = kept.get(start)?;
            let last = kept.get(start + needle.len() - 1)?;
            Some((first.0, last.1))
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::quote_ranges;

    #[test]
    fn quotes_are_found_across_the_reports_spaces() {
        let paragraph = "全省 35 家营业雪场，新认定科技小巨人企业 608 户。";
        let ranges = quote_ranges(paragraph, ["全省35家", "企业608户"].into_iter());
        let found: Vec<&str> = ranges
            .iter()
            .filter_map(|(s, e)| paragraph.get(*s..*e))
            .collect();
        assert_eq!(found, ["全省 35 家", "企业 608 户"]);
        assert!(quote_ranges(paragraph, ["不在其中"].into_iter()).is_empty());
    }

    #[test]
    fn overlapping_quotes_merge() {
        let paragraph = "abcdef";
        assert_eq!(
            quote_ranges(paragraph, ["abcd", "cdef"].into_iter()),
            [(0, 6)]
        );
    }
}

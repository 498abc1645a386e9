//! [`ViewState`] and [`Event`]: what the user chose, and the pure transition `update(state,
//! event) -> state`.

use std::collections::BTreeSet;

use super::other::{other_group, OtherGroup};
use crate::dataset::{Chart, ChartKind, Dataset, Lang, Locale};
use crate::i18n::Speech;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// `None` is the overview of all sectors.
    pub sector: Option<String>,
    /// `None` is the first chart of the sector (or of the overview).
    pub chart: Option<String>,
    /// `None` is the chart's own kind.
    pub kind: Option<ChartKind>,
    /// The report's text slot shown (and, without a `locale`, the words and numbers).
    pub lang: Lang,
    /// Any other language asked for ("fr", "de-CH"): the widget's words and an editor's
    /// numbers follow it, and links and `state()` give its tag back.
    pub locale: Option<Locale>,
    /// Slices hidden through the legend, by index.
    pub hidden: BTreeSet<usize>,
    pub hover: Option<usize>,
    /// The slice the keyboard is on.
    pub focus: Option<usize>,
    /// The slice chosen by click, tap, Enter or Space; kept until cleared.
    pub selected: Option<usize>,
    /// Show every slice of a large chart instead of grouping the smallest into "Other".
    pub expanded: bool,
}

/// Something the user did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    OpenSector(String),
    Back,
    OpenChart(String),
    SetKind(ChartKind),
    SetLang(Lang),
    ToggleSlice(usize),
    /// The pointer is over this slice, or over none.
    Hover(Option<usize>),
    /// A click or tap on this slice, or on the empty chart area.
    Click(Option<usize>),
    Key(Key),
    /// Keyboard focus left the chart.
    Blur,
    /// Show every slice of a large chart (true), or group the smallest into "Other" (false).
    SetExpanded(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Next,
    Prev,
    First,
    Last,
    /// Enter or Space.
    Activate,
    Escape,
}

impl ViewState {
    pub fn new(lang: Lang) -> ViewState {
        ViewState {
            lang,
            ..ViewState::default()
        }
    }

    /// The BCP 47 tag the chart speaks: the locale's as given, else `zh` or `en`.
    pub fn tag(&self) -> &str {
        self.locale.as_ref().map_or(self.lang.code(), Locale::tag)
    }

    /// The language of the widget's own words.
    pub fn speech(&self) -> Speech {
        self.locale
            .as_ref()
            .map_or(self.lang.into(), |locale| Speech::of_tag(locale.tag()))
    }

    /// Speaks `tag`: `zh`/`en` (and their usual regional forms) are the report's languages,
    /// another well-formed tag a locale read in its text slot, anything else `default`.
    pub fn set_tag(&mut self, tag: &str, default: Lang) {
        self.locale = Locale::of_tag(tag);
        self.lang = match &self.locale {
            Some(locale) => locale.lang(),
            None => Lang::from_code(tag.trim()).unwrap_or(default),
        };
    }

    /// The charts on screen: the sector's, or the overview's.
    pub fn charts<'d>(&self, dataset: &'d Dataset) -> &'d [Chart] {
        dataset.charts_of(self.sector.as_deref()).unwrap_or(&[])
    }

    /// The chart on screen, if the sector has any.
    pub fn chart<'d>(&self, dataset: &'d Dataset) -> Option<&'d Chart> {
        let charts = self.charts(dataset);
        match &self.chart {
            Some(id) => charts.iter().find(|chart| &chart.id == id),
            None => charts.first(),
        }
    }

    pub fn effective_kind(&self, dataset: &Dataset) -> Option<ChartKind> {
        let chart = self.chart(dataset)?;
        Some(match self.kind {
            Some(kind) if chart.allows(kind) => kind,
            _ => chart.kind,
        })
    }

    pub fn is_overview(&self) -> bool {
        self.sector.is_none()
    }

    pub(super) fn slice_count(&self, dataset: &Dataset) -> usize {
        self.chart(dataset).map_or(0, |chart| chart.slices.len())
    }

    /// The "Other" slice, when the chart on screen has too many visible slices to draw.
    pub fn other_group(&self, dataset: &Dataset) -> Option<OtherGroup> {
        other_group(self.chart(dataset)?, &self.hidden, self.expanded)
    }

    /// Clears everything that belongs to one chart, for when another chart is shown.
    fn reset_chart_state(&mut self) {
        self.expanded = false;
        self.hidden.clear();
        self.hover = None;
        self.focus = None;
        self.selected = None;
    }

    /// The slices drawn, in order: hidden and grouped ones are skipped by the keyboard, and
    /// "Other" comes last.
    fn visible(&self, dataset: &Dataset) -> Vec<usize> {
        let other = self.other_group(dataset);
        let mut shown: Vec<usize> = (0..self.slice_count(dataset))
            .filter(|i| !self.hidden.contains(i))
            .filter(|i| {
                other
                    .as_ref()
                    .is_none_or(|group| !group.members.contains(*i))
            })
            .collect();
        if let Some(group) = other {
            shown.push(group.index);
        }
        shown
    }

    /// The state after `event`. Events that name something that does not exist change nothing.
    pub fn update(&self, dataset: &Dataset, event: Event) -> ViewState {
        let mut next = self.clone();
        match event {
            Event::OpenSector(id) => {
                if dataset.sector(&id).is_some() && self.sector.as_deref() != Some(id.as_str()) {
                    next.sector = Some(id);
                    next.chart = None;
                    next.kind = None;
                    next.reset_chart_state();
                }
            }
            Event::Back => {
                if self.sector.is_some() {
                    next.sector = None;
                    next.chart = None;
                    next.kind = None;
                    next.reset_chart_state();
                }
            }
            Event::OpenChart(id) => {
                let exists = self.charts(dataset).iter().any(|chart| chart.id == id);
                if exists && self.chart(dataset).map(|c| &c.id) != Some(&id) {
                    next.chart = Some(id);
                    next.kind = None;
                    next.reset_chart_state();
                }
            }
            Event::SetKind(kind) => {
                if self.chart(dataset).is_some_and(|chart| chart.allows(kind)) {
                    next.kind = Some(kind);
                    next.hover = None;
                }
            }
            Event::SetLang(lang) => {
                next.lang = lang;
                next.locale = None;
            }
            Event::ToggleSlice(index) => {
                if index < self.slice_count(dataset) {
                    if !next.hidden.remove(&index) {
                        // Hiding would be refused if no slice with a value were left to draw.
                        let values_left = self.chart(dataset).is_some_and(|chart| {
                            chart.slices.iter().enumerate().any(|(i, slice)| {
                                i != index && !self.hidden.contains(&i) && slice.value > 0.0
                            })
                        });
                        if values_left {
                            next.hidden.insert(index);
                        }
                    }
                    if next.hidden.contains(&index) {
                        for slot in [&mut next.hover, &mut next.focus, &mut next.selected] {
                            if *slot == Some(index) {
                                *slot = None;
                            }
                        }
                    }
                }
            }
            Event::Hover(index) => next.hover = index.filter(|i| self.is_shown(dataset, *i)),
            Event::Click(index) => match index.filter(|i| self.is_shown(dataset, *i)) {
                Some(i) if self.is_other(dataset, i) => {
                    next.expanded = true;
                    next.hover = None;
                    next.focus = None;
                    next.selected = None;
                }
                Some(i) if self.is_overview() => return self.drill_down(dataset, i),
                Some(i) => {
                    next.selected = if self.selected == Some(i) {
                        None
                    } else {
                        Some(i)
                    };
                    next.focus = Some(i);
                }
                None => {
                    next.selected = None;
                    next.hover = None;
                }
            },
            Event::Key(key) => return self.on_key(dataset, key),
            Event::Blur => {
                next.focus = None;
            }
            Event::SetExpanded(expanded) => {
                next.expanded = expanded;
                next.hover = None;
                next.focus = None;
                next.selected = None;
            }
        }
        // Hiding a slice can move another into or out of "Other": drop what is no longer drawn.
        if next.hidden != self.hidden {
            next.hover = next.hover.filter(|&i| next.is_shown(dataset, i));
            next.focus = next.focus.filter(|&i| next.is_shown(dataset, i));
            next.selected = next.selected.filter(|&i| next.is_shown(dataset, i));
        }
        next
    }

    pub(super) fn is_shown(&self, dataset: &Dataset, index: usize) -> bool {
        match self.other_group(dataset) {
            Some(group) if index == group.index => true,
            Some(group) if group.members.contains(index) => false,
            _ => index < self.slice_count(dataset) && !self.hidden.contains(&index),
        }
    }

    fn is_other(&self, dataset: &Dataset, index: usize) -> bool {
        self.other_group(dataset)
            .is_some_and(|group| group.index == index)
    }

    /// Opening a sector from its overview slice.
    fn drill_down(&self, dataset: &Dataset, index: usize) -> ViewState {
        let key = self
            .chart(dataset)
            .and_then(|chart| chart.slices.get(index))
            .map(|slice| slice.key.clone());
        match key {
            Some(key) => self.update(dataset, Event::OpenSector(key)),
            None => self.clone(),
        }
    }

    fn on_key(&self, dataset: &Dataset, key: Key) -> ViewState {
        let mut next = self.clone();
        let visible = self.visible(dataset);
        let position = self
            .focus
            .and_then(|focus| visible.iter().position(|&i| i == focus));
        match key {
            Key::Next => {
                next.focus = match position {
                    Some(p) => visible.get(p + 1).or(visible.last()).copied(),
                    None => visible.first().copied(),
                }
            }
            Key::Prev => {
                next.focus = match position {
                    Some(p) => visible.get(p.saturating_sub(1)).copied(),
                    None => visible.last().copied(),
                }
            }
            Key::First => next.focus = visible.first().copied(),
            Key::Last => next.focus = visible.last().copied(),
            Key::Activate => {
                if let Some(focus) = self.focus {
                    return self.update(dataset, Event::Click(Some(focus)));
                }
                next.focus = visible.first().copied();
            }
            Key::Escape => {
                if self.selected.is_some() {
                    next.selected = None;
                } else if self.focus.is_some() || self.hover.is_some() {
                    next.focus = None;
                    next.hover = None;
                } else {
                    return self.update(dataset, Event::Back);
                }
            }
        }
        next
    }
}

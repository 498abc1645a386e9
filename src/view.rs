//! What the user chose, and how events change it. `update` is pure: the same state and event give
//! the same new state, so every interaction is testable natively. Deep links are the state's
//! serialisation (`sector=smes&chart=patents&kind=donut&lang=en`).

use crate::dataset::{Chart, ChartKind, Dataset, Lang};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// `None` is the overview of all sectors.
    pub sector: Option<String>,
    /// `None` is the first chart of the sector (or of the overview).
    pub chart: Option<String>,
    /// `None` is the chart's own kind.
    pub kind: Option<ChartKind>,
    pub lang: Lang,
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

/// Charts with more visible slices than this draw the largest ones and one "Other" slice that
/// holds the rest; choosing "Other" expands it. Nobody reads a pie of a thousand slices.
pub const MAX_DRAWN_SLICES: usize = 24;

/// The smallest slices of a large chart, drawn as one "Other" slice. Its index in events and in
/// the state is one past the chart's last slice.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherGroup {
    pub index: usize,
    pub members: SliceSet,
    pub value: f64,
}

/// Slice indices as one bit each. "Other" of 10,000 slices is one allocation of 1.25 KB; as a
/// BTreeSet it was thousands of nodes to build and free, every time the group was worked out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SliceSet {
    words: Vec<u64>,
    bound: usize,
    len: usize,
}

impl SliceSet {
    /// An empty set for indices below `bound`.
    pub fn new(bound: usize) -> SliceSet {
        SliceSet {
            words: vec![0; bound.div_ceil(64)],
            bound,
            len: 0,
        }
    }

    /// Adds `index`, which must be below the set's bound (larger ones are ignored).
    pub fn insert(&mut self, index: usize) {
        if index >= self.bound {
            return;
        }
        if let Some(word) = self.words.get_mut(index / 64) {
            let bit = 1u64 << (index % 64);
            if *word & bit == 0 {
                *word |= bit;
                self.len += 1;
            }
        }
    }

    pub fn contains(&self, index: usize) -> bool {
        self.words
            .get(index / 64)
            .is_some_and(|word| word & (1u64 << (index % 64)) != 0)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The indices, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |bit| word & (1u64 << bit) != 0)
                .map(move |bit| w * 64 + bit)
        })
    }
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

/// A value in a link or attribute that names nothing in the dataset, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    pub field: &'static str,
    pub value: String,
    pub message: String,
}

/// The "Other" slice of `chart` with these slices hidden, unless the visitor expanded it.
pub fn other_group(chart: &Chart, hidden: &BTreeSet<usize>, expanded: bool) -> Option<OtherGroup> {
    if expanded {
        return None;
    }
    let visible: Vec<(usize, f64)> = chart
        .slices
        .iter()
        .enumerate()
        .filter(|(i, _)| !hidden.contains(i))
        .map(|(i, slice)| (i, slice.value))
        .collect();
    if visible.len() <= MAX_DRAWN_SLICES {
        return None;
    }
    // Largest first; equal values keep the file's order, so the grouping is stable. A partial
    // selection, not a sort: this runs on every pointer move over a large chart.
    let kept = MAX_DRAWN_SLICES - 1;
    let mut ranked: Vec<(usize, (usize, f64))> = visible.iter().copied().enumerate().collect();
    ranked.select_nth_unstable_by(kept, |(_, a), (_, b)| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
    let mut drawn = SliceSet::new(visible.len());
    for &(at, _) in ranked.iter().take(kept) {
        drawn.insert(at);
    }
    let mut members = SliceSet::new(chart.slices.len());
    let mut value = 0.0;
    for (at, &(i, v)) in visible.iter().enumerate() {
        if !drawn.contains(at) {
            members.insert(i);
            value += v;
        }
    }
    Some(OtherGroup {
        index: chart.slices.len(),
        members,
        value,
    })
}

impl ViewState {
    pub fn new(lang: Lang) -> ViewState {
        ViewState {
            lang,
            ..ViewState::default()
        }
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

    fn slice_count(&self, dataset: &Dataset) -> usize {
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
            Event::SetLang(lang) => next.lang = lang,
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

    fn is_shown(&self, dataset: &Dataset, index: usize) -> bool {
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

    /// The deep link of this view, without the leading `#`. Only what the visitor chose is
    /// written, so links stay short.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sector) = &self.sector {
            parts.push(format!("sector={sector}"));
        }
        if let Some(chart) = &self.chart {
            parts.push(format!("chart={chart}"));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("kind={}", kind.code()));
        }
        parts.push(format!("lang={}", self.lang.code()));
        if !self.hidden.is_empty() {
            let list: Vec<String> = self.hidden.iter().map(|i| i.to_string()).collect();
            parts.push(format!("hidden={}", list.join(",")));
        }
        if let Some(selected) = self.selected {
            parts.push(format!("selected={selected}"));
        }
        if self.expanded {
            parts.push("expanded=1".into());
        }
        parts.join("&")
    }

    /// Reads a deep link (with or without `#`). Unknown keys are ignored; values that name
    /// nothing are dropped by [`ViewState::sanitised`].
    pub fn from_query(query: &str, default_lang: Lang) -> ViewState {
        let mut state = ViewState::new(default_lang);
        let query = query.trim_start_matches('#');
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "sector" if !value.is_empty() => state.sector = Some(value.to_string()),
                "chart" if !value.is_empty() => state.chart = Some(value.to_string()),
                "kind" => state.kind = ChartKind::from_code(value),
                "lang" => state.lang = Lang::from_code(value).unwrap_or(default_lang),
                "hidden" => {
                    state.hidden = value.split(',').filter_map(|n| n.parse().ok()).collect()
                }
                "selected" => state.selected = value.parse().ok(),
                "expanded" => state.expanded = value == "1",
                _ => {}
            }
        }
        state
    }

    /// The same view with every name checked against the dataset: what names nothing falls back
    /// (unknown sector: the overview; unknown chart: the sector's first; a kind the chart cannot
    /// honestly take: its own kind), and each fallback is reported.
    pub fn sanitised(mut self, dataset: &Dataset) -> (ViewState, Vec<Fallback>) {
        let mut fallbacks = Vec::new();
        if let Some(sector) = self.sector.clone() {
            if dataset.sector(&sector).is_none() {
                fallbacks.push(Fallback {
                    field: "sector",
                    message: format!("there is no sector \"{sector}\"; showing the overview"),
                    value: sector,
                });
                self.sector = None;
                self.chart = None;
            }
        }
        if let Some(chart) = self.chart.clone() {
            if !self.charts(dataset).iter().any(|c| c.id == chart) {
                fallbacks.push(Fallback {
                    field: "chart",
                    message: format!("there is no chart \"{chart}\" here; showing the first chart"),
                    value: chart,
                });
                self.chart = None;
            }
        }
        if let (Some(kind), Some(chart)) = (self.kind, self.chart(dataset)) {
            if !chart.allows(kind) {
                fallbacks.push(Fallback {
                    field: "kind",
                    value: kind.code().into(),
                    message: format!(
                        "\"{}\" is not parts of a whole, so it cannot be a {}; showing bars",
                        chart.id,
                        kind.code()
                    ),
                });
                self.kind = None;
            }
        }
        let count = self.slice_count(dataset);
        self.hidden.retain(|&i| i < count);
        // A link that hides every slice with a value would show an empty chart.
        let values_left = self.chart(dataset).is_some_and(|chart| {
            chart
                .slices
                .iter()
                .enumerate()
                .any(|(i, slice)| !self.hidden.contains(&i) && slice.value > 0.0)
        });
        if !values_left {
            self.hidden.clear();
        }
        self.selected = self.selected.filter(|&i| self.is_shown(dataset, i));
        self.focus = self.focus.filter(|&i| self.is_shown(dataset, i));
        self.hover = self.hover.filter(|&i| self.is_shown(dataset, i));
        (self, fallbacks)
    }
}

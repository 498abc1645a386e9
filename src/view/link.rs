//! Deep links: the state written as `sector=smes&chart=patents&kind=donut&lang=en`, read back,
//! and checked against the dataset with every fallback reported.

use super::state::ViewState;
use crate::dataset::{ChartKind, Dataset, Lang};

/// A value in a link or attribute that names nothing in the dataset, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    pub field: &'static str,
    pub value: String,
    pub message: String,
}

impl ViewState {
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
        parts.push(format!("lang={}", self.tag()));
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
                "lang" => state.set_tag(value, default_lang),
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

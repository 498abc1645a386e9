//! Random event sequences keep the state sane.

use sector_charts::dataset::{ChartKind, Dataset, Lang};
use sector_charts::view::{Event, Key, ViewState};

use crate::common::*;

use crate::common::rng::Rng;

/// A slice index: mostly real ones, sometimes far out of range.
fn index(rng: &mut Rng) -> usize {
    if rng.chance(10) {
        rng.below(1000)
    } else {
        rng.below(11)
    }
}

fn maybe_index(rng: &mut Rng) -> Option<usize> {
    if rng.chance(4) {
        None
    } else {
        Some(index(rng))
    }
}

fn random_event(rng: &mut Rng, sector_ids: &[String], chart_ids: &[String]) -> Event {
    match rng.below(14) {
        0 => {
            let n = sector_ids.len();
            let i = rng.below(n + 1);
            Event::OpenSector(sector_ids.get(i).cloned().unwrap_or_else(|| "nope".into()))
        }
        1 => Event::Back,
        2 => {
            let n = chart_ids.len();
            let i = rng.below(n + 1);
            Event::OpenChart(chart_ids.get(i).cloned().unwrap_or_else(|| "nope".into()))
        }
        3 => Event::SetKind(ChartKind::ALL[rng.below(3)]),
        4 => Event::SetLang(Lang::ALL[rng.below(2)]),
        5 | 6 => Event::ToggleSlice(index(rng)),
        7 => Event::Hover(maybe_index(rng)),
        8 => Event::Click(maybe_index(rng)),
        9 => Event::Blur,
        _ => Event::Key(
            [
                Key::Next,
                Key::Prev,
                Key::First,
                Key::Last,
                Key::Activate,
                Key::Escape,
            ][rng.below(6)],
        ),
    }
}

fn check_invariants(ds: &Dataset, state: &ViewState, trace: &[Event]) {
    let (clean, fallbacks) = state.clone().sanitised(ds);
    assert!(
        fallbacks.is_empty(),
        "fallbacks {fallbacks:?} after {trace:?}"
    );
    assert_eq!(
        &clean, state,
        "sanitised() changed the state after {trace:?}"
    );

    let count = state.chart(ds).map_or(0, |c| c.slices.len());
    assert!(
        state.hidden.iter().all(|&i| i < count),
        "hidden out of range after {trace:?}"
    );
    if count > 0 {
        assert!(state.hidden.len() < count, "all hidden after {trace:?}");
    }
    for slot in [state.selected, state.focus, state.hover]
        .into_iter()
        .flatten()
    {
        assert!(slot < count, "slot {slot} out of range after {trace:?}");
        assert!(
            !state.hidden.contains(&slot),
            "hidden slot {slot} after {trace:?}"
        );
    }
    if let Some(sector) = &state.sector {
        assert!(ds.sector(sector).is_some());
    }
    if let Some(chart) = &state.chart {
        assert!(state.charts(ds).iter().any(|c| &c.id == chart));
    }
    if let (Some(kind), Some(chart)) = (state.kind, state.chart(ds)) {
        assert!(chart.allows(kind), "{kind} on {} after {trace:?}", chart.id);
    }
    // What a link keeps survives the trip.
    let linked = ViewState::from_query(&state.to_query(), Lang::Zh);
    assert_eq!(
        linked,
        ViewState {
            hover: None,
            focus: None,
            ..state.clone()
        }
    );
}

#[test]
fn random_event_sequences_keep_the_state_sane() {
    let ds = dataset();
    let sector_ids: Vec<String> = ds.sectors.iter().map(|s| s.id.clone()).collect();
    let mut chart_ids: Vec<String> = ds.overview.iter().map(|c| c.id.clone()).collect();
    for sector in &ds.sectors {
        chart_ids.extend(sector.charts.iter().map(|c| c.id.clone()));
    }
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    let mut drilled = 0usize;
    for _ in 0..2_000 {
        let mut state = ViewState::new(Lang::ALL[rng.below(2)]);
        let mut trace = Vec::new();
        let length = 1 + rng.below(40);
        for _ in 0..length {
            let event = random_event(&mut rng, &sector_ids, &chart_ids);
            trace.push(event.clone());
            let next = state.update(&ds, event);
            // `update` is pure: the same input gives the same output.
            assert_eq!(next, state.update(&ds, trace.last().unwrap().clone()));
            state = next;
            check_invariants(&ds, &state, &trace);
        }
        if state.sector.is_some() {
            drilled += 1;
        }
    }
    // The sequences reach sectors as well as the overview.
    assert!(drilled > 100, "only {drilled} sequences ended in a sector");
}

/// The dataset refuses charts whose values are all zero ("a chart needs at least one value above
/// zero"); hiding slices through the legend must not reach that empty chart either. The
/// overview's figures chart has a zero slice (a sector that reports no figures).
#[test]
fn toggle_slice_never_leaves_only_zero_values_visible() {
    let ds = dataset();
    let figures = ViewState::new(Lang::En).update(&ds, Event::OpenChart("figures".into()));
    let chart = figures.chart(&ds).expect("figures chart").clone();
    let zero = chart
        .slices
        .iter()
        .position(|s| s.value == 0.0)
        .expect("the built-in figures chart has a zero slice");
    let mut state = figures;
    for index in (0..chart.slices.len()).filter(|&i| i != zero) {
        state = state.update(&ds, Event::ToggleSlice(index));
    }
    let visible_total: f64 = chart
        .slices
        .iter()
        .enumerate()
        .filter(|(i, _)| !state.hidden.contains(i))
        .map(|(_, s)| s.value)
        .sum();
    assert!(
        visible_total > 0.0,
        "every non-zero slice is hidden (hidden = {:?}), the chart is empty",
        state.hidden
    );
}

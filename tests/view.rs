//! View transitions on the built-in dataset, deep links, and a property test over random event
//! sequences.

use std::collections::BTreeSet;

use sector_charts::dataset::{built_in, ChartKind, Dataset, Lang};
use sector_charts::view::{Event, Key, ViewState};

fn dataset() -> Dataset {
    built_in().expect("the built-in dataset parses")
}

fn apply(dataset: &Dataset, state: &ViewState, events: &[Event]) -> ViewState {
    events
        .iter()
        .fold(state.clone(), |s, e| s.update(dataset, e.clone()))
}

fn open(dataset: &Dataset, sector: &str, chart: Option<&str>) -> ViewState {
    let mut events = vec![Event::OpenSector(sector.into())];
    if let Some(chart) = chart {
        events.push(Event::OpenChart(chart.into()));
    }
    let state = apply(dataset, &ViewState::new(Lang::Zh), &events);
    assert_eq!(state.sector.as_deref(), Some(sector));
    if let Some(chart) = chart {
        assert_eq!(state.chart(dataset).map(|c| c.id.as_str()), Some(chart));
    }
    state
}

fn key(k: Key) -> Event {
    Event::Key(k)
}

fn set(items: &[usize]) -> BTreeSet<usize> {
    items.iter().copied().collect()
}

// ---------------------------------------------------------------------------------------------
// Navigation

#[test]
fn the_initial_state_is_the_overview() {
    let ds = dataset();
    let state = ViewState::new(Lang::En);
    assert!(state.is_overview());
    assert_eq!(state.lang, Lang::En);
    let chart = state.chart(&ds).expect("the overview has charts");
    assert_eq!(chart.id, "text-share");
    assert_eq!(state.effective_kind(&ds), Some(ChartKind::Pie));
    assert_eq!(state.charts(&ds).len(), ds.overview.len());
}

#[test]
fn open_sector_valid_resets_chart_state() {
    let ds = dataset();
    let start = apply(
        &ds,
        &ViewState::new(Lang::Zh),
        &[
            Event::SetKind(ChartKind::Bar),
            Event::ToggleSlice(1),
            Event::Hover(Some(2)),
            key(Key::First),
        ],
    );
    assert_eq!(start.kind, Some(ChartKind::Bar));
    assert_eq!(start.hidden, set(&[1]));
    assert_eq!(start.hover, Some(2));
    assert_eq!(start.focus, Some(0));

    let next = start.update(&ds, Event::OpenSector("smes".into()));
    assert_eq!(next.sector.as_deref(), Some("smes"));
    assert_eq!(next.chart, None);
    assert_eq!(next.kind, None);
    assert!(next.hidden.is_empty());
    assert_eq!((next.hover, next.focus, next.selected), (None, None, None));
    assert_eq!(next.lang, Lang::Zh);
    assert_eq!(next.chart(&ds).map(|c| c.id.as_str()), Some("patents"));
    assert_eq!(next.effective_kind(&ds), Some(ChartKind::Donut));
}

#[test]
fn open_sector_unknown_or_same_changes_nothing() {
    let ds = dataset();
    let overview = ViewState::new(Lang::Zh);
    assert_eq!(
        overview.update(&ds, Event::OpenSector("nope".into())),
        overview
    );
    assert_eq!(
        overview.update(&ds, Event::OpenSector(String::new())),
        overview
    );

    let smes = apply(
        &ds,
        &open(&ds, "smes", Some("sales-share")),
        &[Event::ToggleSlice(0)],
    );
    assert_eq!(smes.update(&ds, Event::OpenSector("nope".into())), smes);
    // Opening the sector already shown keeps the chart and its state.
    assert_eq!(smes.update(&ds, Event::OpenSector("smes".into())), smes);
}

#[test]
fn back_returns_to_the_overview_and_is_a_no_op_there() {
    let ds = dataset();
    let smes = apply(
        &ds,
        &open(&ds, "smes", Some("sales-share")),
        &[Event::SetKind(ChartKind::Bar), Event::Click(Some(1))],
    );
    let back = smes.update(&ds, Event::Back);
    assert!(back.is_overview());
    assert_eq!((back.chart.clone(), back.kind), (None, None));
    assert!(back.hidden.is_empty());
    assert_eq!((back.hover, back.focus, back.selected), (None, None, None));
    assert_eq!(back.update(&ds, Event::Back), back);
}

#[test]
fn open_chart_valid_and_unknown() {
    let ds = dataset();
    let smes = apply(
        &ds,
        &open(&ds, "smes", None),
        &[Event::SetKind(ChartKind::Bar), Event::Click(Some(0))],
    );
    assert_eq!(smes.selected, Some(0));

    let sales = smes.update(&ds, Event::OpenChart("sales-share".into()));
    assert_eq!(sales.chart.as_deref(), Some("sales-share"));
    assert_eq!(sales.kind, None);
    assert_eq!((sales.focus, sales.selected), (None, None));
    assert_eq!(sales.effective_kind(&ds), Some(ChartKind::Donut));

    // A chart of another sector, or of nothing, is refused.
    assert_eq!(
        smes.update(&ds, Event::OpenChart("standards-work".into())),
        smes
    );
    assert_eq!(smes.update(&ds, Event::OpenChart("nope".into())), smes);
    // The chart already on screen: nothing to reset.
    assert_eq!(smes.update(&ds, Event::OpenChart("patents".into())), smes);

    // Overview charts can be opened on the overview.
    let figures = ViewState::new(Lang::En).update(&ds, Event::OpenChart("figures".into()));
    assert_eq!(figures.chart.as_deref(), Some("figures"));
    assert_eq!(figures.effective_kind(&ds), Some(ChartKind::Bar));
}

#[test]
fn set_kind_allowed_and_refused() {
    let ds = dataset();
    let patents = open(&ds, "smes", Some("patents"));
    let bar = apply(
        &ds,
        &patents,
        &[Event::Hover(Some(1)), Event::SetKind(ChartKind::Bar)],
    );
    assert_eq!(bar.kind, Some(ChartKind::Bar));
    assert_eq!(bar.effective_kind(&ds), Some(ChartKind::Bar));
    assert_eq!(
        bar.hover, None,
        "the hovered geometry is gone after a kind change"
    );
    let pie = bar.update(&ds, Event::SetKind(ChartKind::Pie));
    assert_eq!(pie.effective_kind(&ds), Some(ChartKind::Pie));

    let standards = open(&ds, "agriculture", Some("standards-work"));
    for kind in [ChartKind::Pie, ChartKind::Donut] {
        let refused = standards.update(&ds, Event::SetKind(kind));
        assert_eq!(
            refused, standards,
            "standards-work must not become a {kind}"
        );
        assert_eq!(refused.effective_kind(&ds), Some(ChartKind::Bar));
    }
    let same = standards.update(&ds, Event::SetKind(ChartKind::Bar));
    assert_eq!(same.effective_kind(&ds), Some(ChartKind::Bar));

    // A sector without charts takes no kind at all.
    let manufacturing = open(&ds, "manufacturing", None);
    assert_eq!(
        manufacturing.update(&ds, Event::SetKind(ChartKind::Bar)),
        manufacturing
    );
    assert_eq!(manufacturing.effective_kind(&ds), None);
}

#[test]
fn set_lang_changes_only_the_language() {
    let ds = dataset();
    let state = apply(
        &ds,
        &open(&ds, "smes", Some("patents")),
        &[Event::ToggleSlice(1), Event::Click(Some(0))],
    );
    let en = state.update(&ds, Event::SetLang(Lang::En));
    assert_eq!(en.lang, Lang::En);
    assert_eq!(
        ViewState {
            lang: Lang::Zh,
            ..en.clone()
        },
        state
    );
    assert_eq!(en.update(&ds, Event::SetLang(Lang::Zh)), state);
}

// ---------------------------------------------------------------------------------------------
// Slices

#[test]
fn toggle_slice_hides_and_shows() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let hidden = standards.update(&ds, Event::ToggleSlice(1));
    assert_eq!(hidden.hidden, set(&[1]));
    let both = hidden.update(&ds, Event::ToggleSlice(0));
    assert_eq!(both.hidden, set(&[0, 1]));
    let shown = both.update(&ds, Event::ToggleSlice(1));
    assert_eq!(shown.hidden, set(&[0]));
}

#[test]
fn toggle_slice_refuses_to_hide_the_last_visible_slice() {
    let ds = dataset();
    let patents = open(&ds, "smes", Some("patents"));
    let one = patents.update(&ds, Event::ToggleSlice(0));
    assert_eq!(one.hidden, set(&[0]));
    let refused = one.update(&ds, Event::ToggleSlice(1));
    assert_eq!(
        refused, one,
        "hiding the last visible slice must be refused"
    );
    // Showing the hidden one again still works.
    assert!(one.update(&ds, Event::ToggleSlice(0)).hidden.is_empty());

    let standards = open(&ds, "agriculture", Some("standards-work"));
    let two = apply(
        &ds,
        &standards,
        &[Event::ToggleSlice(0), Event::ToggleSlice(2)],
    );
    assert_eq!(two.hidden, set(&[0, 2]));
    assert_eq!(two.update(&ds, Event::ToggleSlice(1)), two);
}

#[test]
fn toggle_slice_clears_hover_focus_and_selection_of_the_hidden_slice() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let busy = apply(
        &ds,
        &standards,
        &[Event::Click(Some(1)), Event::Hover(Some(1))],
    );
    assert_eq!(
        (busy.hover, busy.focus, busy.selected),
        (Some(1), Some(1), Some(1))
    );
    let hidden = busy.update(&ds, Event::ToggleSlice(1));
    assert_eq!(hidden.hidden, set(&[1]));
    assert_eq!(
        (hidden.hover, hidden.focus, hidden.selected),
        (None, None, None)
    );

    // Hiding another slice leaves them alone.
    let other = busy.update(&ds, Event::ToggleSlice(2));
    assert_eq!(other.hidden, set(&[2]));
    assert_eq!(
        (other.hover, other.focus, other.selected),
        (Some(1), Some(1), Some(1))
    );
}

#[test]
fn toggle_slice_out_of_range_is_ignored() {
    let ds = dataset();
    let patents = open(&ds, "smes", Some("patents"));
    for index in [2, 3, 100, usize::MAX] {
        assert_eq!(patents.update(&ds, Event::ToggleSlice(index)), patents);
    }
    let manufacturing = open(&ds, "manufacturing", None);
    assert_eq!(
        manufacturing.update(&ds, Event::ToggleSlice(0)),
        manufacturing
    );
}

#[test]
fn hover_on_a_hidden_or_missing_slice_is_ignored() {
    let ds = dataset();
    let standards = apply(
        &ds,
        &open(&ds, "agriculture", Some("standards-work")),
        &[Event::ToggleSlice(1)],
    );
    assert_eq!(standards.update(&ds, Event::Hover(Some(0))).hover, Some(0));
    assert_eq!(standards.update(&ds, Event::Hover(Some(1))).hover, None);
    assert_eq!(standards.update(&ds, Event::Hover(Some(3))).hover, None);
    let hovering = standards.update(&ds, Event::Hover(Some(2)));
    assert_eq!(hovering.update(&ds, Event::Hover(None)).hover, None);
    assert_ne!(hovering.update(&ds, Event::Hover(Some(1))).hover, Some(1));
}

#[test]
fn click_on_the_overview_drills_down() {
    let ds = dataset();
    let overview = ViewState::new(Lang::En);
    let chart = overview.chart(&ds).expect("overview chart");
    for (index, slice) in chart.slices.iter().enumerate() {
        let next = overview.update(&ds, Event::Click(Some(index)));
        assert_eq!(next.sector.as_deref(), Some(slice.key.as_str()));
        assert_eq!(next.lang, Lang::En);
        assert_eq!((next.chart.clone(), next.kind), (None, None));
        assert!(ds.sector(&slice.key).is_some());
    }
    // The figures chart drills down too.
    let figures = overview.update(&ds, Event::OpenChart("figures".into()));
    let next = figures.update(&ds, Event::Click(Some(5)));
    assert_eq!(next.sector.as_deref(), Some(ds.sectors[5].id.as_str()));
}

#[test]
fn click_on_a_hidden_overview_slice_does_not_drill_down() {
    let ds = dataset();
    let overview = ViewState::new(Lang::Zh).update(&ds, Event::ToggleSlice(2));
    let next = overview.update(&ds, Event::Click(Some(2)));
    assert!(next.is_overview());
    assert_eq!(next.selected, None);
    let far = overview.update(&ds, Event::Click(Some(99)));
    assert!(far.is_overview());
}

#[test]
fn click_on_a_sector_chart_selects_toggles_and_clears() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let one = standards.update(&ds, Event::Click(Some(1)));
    assert_eq!((one.selected, one.focus), (Some(1), Some(1)));
    assert_eq!(one.sector.as_deref(), Some("agriculture"));

    let two = one.update(&ds, Event::Click(Some(2)));
    assert_eq!((two.selected, two.focus), (Some(2), Some(2)));

    let off = two.update(&ds, Event::Click(Some(2)));
    assert_eq!(
        off.selected, None,
        "a second click on the selection toggles it off"
    );
    assert_eq!(off.focus, Some(2));

    let hovered = two.update(&ds, Event::Hover(Some(0)));
    let cleared = hovered.update(&ds, Event::Click(None));
    assert_eq!(cleared.selected, None);
    assert_eq!(cleared.hover, None);
    assert_eq!(
        cleared.focus,
        Some(2),
        "a click on empty space keeps the keyboard focus"
    );

    // A click on a hidden slice counts as a click on empty space.
    let hid = apply(&ds, &one, &[Event::ToggleSlice(2), Event::Click(Some(2))]);
    assert_eq!(hid.selected, None);
}

#[test]
fn blur_clears_focus_only() {
    let ds = dataset();
    let state = apply(
        &ds,
        &open(&ds, "agriculture", Some("standards-work")),
        &[Event::Click(Some(1)), Event::Hover(Some(0))],
    );
    let blurred = state.update(&ds, Event::Blur);
    assert_eq!(blurred.focus, None);
    assert_eq!((blurred.selected, blurred.hover), (Some(1), Some(0)));
}

// ---------------------------------------------------------------------------------------------
// Keyboard

#[test]
fn keyboard_moves_over_visible_slices_and_clamps() {
    let ds = dataset();
    // The overview pie has one slice per sector; hide a few, including the first and last.
    let last = ds.sectors.len() - 1;
    assert!(last >= 6);
    let state = apply(
        &ds,
        &ViewState::new(Lang::Zh),
        &[
            Event::ToggleSlice(0),
            Event::ToggleSlice(2),
            Event::ToggleSlice(3),
            Event::ToggleSlice(last),
        ],
    );
    let visible: Vec<usize> = (0..=last).filter(|i| !state.hidden.contains(i)).collect();
    assert_eq!(visible[0], 1);

    // Next from nothing: the first visible; then each visible in order; then it stays.
    let mut s = state.clone();
    for &expected in &visible {
        s = s.update(&ds, key(Key::Next));
        assert_eq!(s.focus, Some(expected));
    }
    let end = *visible.last().unwrap();
    s = s.update(&ds, key(Key::Next));
    assert_eq!(s.focus, Some(end), "Next clamps at the last visible slice");

    // Prev walks back over the same slices and clamps at the first visible.
    for &expected in visible.iter().rev().skip(1) {
        s = s.update(&ds, key(Key::Prev));
        assert_eq!(s.focus, Some(expected));
    }
    s = s.update(&ds, key(Key::Prev));
    assert_eq!(s.focus, Some(1), "Prev clamps at the first visible slice");

    // Prev from nothing: the last visible.
    assert_eq!(state.update(&ds, key(Key::Prev)).focus, Some(end));
    assert_eq!(state.update(&ds, key(Key::First)).focus, Some(1));
    assert_eq!(state.update(&ds, key(Key::Last)).focus, Some(end));
    let mid = state.update(&ds, key(Key::Last));
    assert_eq!(mid.update(&ds, key(Key::First)).focus, Some(1));

    // Nothing hidden is ever focused.
    let mut s = state.clone();
    for k in [
        Key::Next,
        Key::Next,
        Key::Prev,
        Key::Last,
        Key::Prev,
        Key::First,
        Key::Next,
    ] {
        s = s.update(&ds, key(k));
        let focus = s.focus.expect("focused");
        assert!(!s.hidden.contains(&focus));
    }
}

#[test]
fn keyboard_on_a_chartless_sector_focuses_nothing() {
    let ds = dataset();
    let manufacturing = open(&ds, "manufacturing", None);
    for k in [Key::Next, Key::Prev, Key::First, Key::Last, Key::Activate] {
        assert_eq!(manufacturing.update(&ds, key(k)).focus, None);
    }
}

#[test]
fn activate_without_focus_focuses_the_first_visible_slice() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let focused = standards.update(&ds, key(Key::Activate));
    assert_eq!(focused.focus, Some(0));
    assert_eq!(focused.selected, None);

    let hidden_first = standards.update(&ds, Event::ToggleSlice(0));
    assert_eq!(hidden_first.update(&ds, key(Key::Activate)).focus, Some(1));
}

#[test]
fn activate_with_focus_selects_and_toggles() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let on_two = apply(&ds, &standards, &[key(Key::Last)]);
    assert_eq!(on_two.focus, Some(2));
    let selected = on_two.update(&ds, key(Key::Activate));
    assert_eq!((selected.selected, selected.focus), (Some(2), Some(2)));
    let unselected = selected.update(&ds, key(Key::Activate));
    assert_eq!(unselected.selected, None);

    // On the overview, activating a focused slice opens its sector.
    let overview = apply(
        &ds,
        &ViewState::new(Lang::Zh),
        &[key(Key::Next), key(Key::Next)],
    );
    let opened = overview.update(&ds, key(Key::Activate));
    assert_eq!(opened.sector.as_deref(), Some(ds.sectors[1].id.as_str()));
}

#[test]
fn escape_unwinds_selection_then_focus_then_sector() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let state = apply(
        &ds,
        &standards,
        &[Event::Click(Some(1)), Event::Hover(Some(2))],
    );
    assert_eq!(
        (state.selected, state.focus, state.hover),
        (Some(1), Some(1), Some(2))
    );

    let first = state.update(&ds, key(Key::Escape));
    assert_eq!(first.selected, None);
    assert_eq!(
        first.focus,
        Some(1),
        "the first Escape only clears the selection"
    );
    assert_eq!(first.sector.as_deref(), Some("agriculture"));

    let second = first.update(&ds, key(Key::Escape));
    assert_eq!((second.focus, second.hover), (None, None));
    assert_eq!(second.sector.as_deref(), Some("agriculture"));
    assert_eq!(
        second.chart(&ds).map(|c| c.id.as_str()),
        Some("standards-work")
    );

    let third = second.update(&ds, key(Key::Escape));
    assert!(third.is_overview());
    assert_eq!(third.chart, None);

    // On a bare overview, Escape has nowhere to go.
    assert_eq!(third.update(&ds, key(Key::Escape)), third);
}

#[test]
fn escape_with_only_a_hover_clears_it_before_going_back() {
    let ds = dataset();
    let state = open(&ds, "smes", None).update(&ds, Event::Hover(Some(0)));
    let next = state.update(&ds, key(Key::Escape));
    assert_eq!(next.hover, None);
    assert_eq!(next.sector.as_deref(), Some("smes"));
}

// ---------------------------------------------------------------------------------------------
// Deep links

fn all_states(ds: &Dataset) -> Vec<ViewState> {
    let mut states = Vec::new();
    let mut places: Vec<(Option<String>, Option<String>)> = vec![(None, None)];
    for chart in &ds.overview {
        places.push((None, Some(chart.id.clone())));
    }
    for sector in &ds.sectors {
        places.push((Some(sector.id.clone()), None));
        for chart in &sector.charts {
            places.push((Some(sector.id.clone()), Some(chart.id.clone())));
        }
    }
    for (sector, chart) in places {
        for kind in [
            None,
            Some(ChartKind::Pie),
            Some(ChartKind::Donut),
            Some(ChartKind::Bar),
        ] {
            for lang in Lang::ALL {
                for (hidden, selected) in [
                    (vec![], None),
                    (vec![], Some(0)),
                    (vec![1], None),
                    (vec![0], Some(1)),
                    (vec![0, 2, 3], Some(4)),
                ] {
                    states.push(ViewState {
                        sector: sector.clone(),
                        chart: chart.clone(),
                        kind,
                        lang,
                        hidden: hidden.into_iter().collect(),
                        hover: None,
                        focus: None,
                        selected,
                        expanded: false,
                    });
                }
            }
        }
    }
    states
}

#[test]
fn to_query_and_from_query_round_trip() {
    let ds = dataset();
    let states = all_states(&ds);
    assert!(states.len() > 500);
    for state in &states {
        let query = state.to_query();
        for default_lang in Lang::ALL {
            assert_eq!(
                &ViewState::from_query(&query, default_lang),
                state,
                "query {query:?}"
            );
            assert_eq!(
                &ViewState::from_query(&format!("#{query}"), default_lang),
                state,
                "query #{query:?}"
            );
        }
    }
}

#[test]
fn round_trip_of_states_reached_by_events() {
    let ds = dataset();
    let state = apply(
        &ds,
        &ViewState::new(Lang::En),
        &[
            Event::OpenSector("agriculture".into()),
            Event::OpenChart("production-bases".into()),
            Event::ToggleSlice(1),
            Event::Click(Some(0)),
        ],
    );
    let query = state.to_query();
    assert_eq!(
        query,
        "sector=agriculture&chart=production-bases&lang=en&hidden=1&selected=0"
    );
    let back = ViewState::from_query(&query, Lang::Zh);
    // Focus is not part of a link.
    assert_eq!(
        back,
        ViewState {
            focus: None,
            ..state
        }
    );
}

#[test]
fn to_query_writes_only_what_was_chosen() {
    assert_eq!(ViewState::new(Lang::Zh).to_query(), "lang=zh");
    let state = ViewState {
        sector: Some("smes".into()),
        chart: Some("patents".into()),
        kind: Some(ChartKind::Donut),
        lang: Lang::En,
        hidden: set(&[0, 3]),
        hover: Some(1),
        focus: Some(1),
        selected: Some(1),
        expanded: false,
    };
    assert_eq!(
        state.to_query(),
        "sector=smes&chart=patents&kind=donut&lang=en&hidden=0,3&selected=1"
    );
}

#[test]
fn from_query_tolerates_junk() {
    let default = ViewState::new(Lang::En);
    for junk in [
        "",
        "#",
        "##",
        "&",
        "&&&",
        "=",
        "==",
        "sector=",
        "chart=",
        "kind=",
        "kind=hexagon",
        "lang=",
        "lang=fr",
        "selected=",
        "selected=-1",
        "selected=x",
        "hidden=",
        "hidden=,,,",
        "hidden=-1,x",
        "hidden=99999999999999999999999999",
        "unknown=1",
        "sector",
        "foo&bar=baz",
        "?sector=smes",
        "SECTOR=smes",
    ] {
        assert_eq!(
            ViewState::from_query(junk, Lang::En),
            default,
            "query {junk:?}"
        );
    }

    let state = ViewState::from_query("hidden=a,1,,2", Lang::Zh);
    assert_eq!(state.hidden, set(&[1, 2]));
    let state = ViewState::from_query("x=1&sector=smes&&y&lang=en&kind=doughnut", Lang::Zh);
    assert_eq!(state.sector.as_deref(), Some("smes"));
    assert_eq!(state.lang, Lang::En);
    assert_eq!(state.kind, Some(ChartKind::Donut));
    let state = ViewState::from_query("lang=en&lang=zh-CN", Lang::En);
    assert_eq!(state.lang, Lang::Zh, "the last value wins");
    let state = ViewState::from_query("#sector=smes&chart=patents&selected=1", Lang::Zh);
    assert_eq!(state.chart.as_deref(), Some("patents"));
    assert_eq!(state.selected, Some(1));
}

#[test]
fn sanitised_keeps_valid_states_and_reports_nothing() {
    let ds = dataset();
    let state = ViewState::from_query(
        "sector=smes&chart=sales-share&kind=bar&lang=en&hidden=1&selected=0",
        Lang::Zh,
    );
    let (clean, fallbacks) = state.clone().sanitised(&ds);
    assert!(fallbacks.is_empty(), "{fallbacks:?}");
    assert_eq!(clean, state);
}

#[test]
fn sanitised_falls_back_from_an_unknown_sector() {
    let ds = dataset();
    let state = ViewState::from_query("sector=nope&chart=patents&lang=en", Lang::Zh);
    let (clean, fallbacks) = state.sanitised(&ds);
    assert!(clean.is_overview());
    assert_eq!(clean.chart, None);
    assert_eq!(fallbacks.len(), 1, "{fallbacks:?}");
    assert_eq!(fallbacks[0].field, "sector");
    assert_eq!(fallbacks[0].value, "nope");
    assert!(fallbacks[0].message.contains("nope"));
}

#[test]
fn sanitised_falls_back_from_an_unknown_chart() {
    let ds = dataset();
    let state = ViewState::from_query("sector=smes&chart=standards-work&selected=1", Lang::Zh);
    let (clean, fallbacks) = state.sanitised(&ds);
    assert_eq!(clean.sector.as_deref(), Some("smes"));
    assert_eq!(clean.chart, None);
    assert_eq!(clean.chart(&ds).map(|c| c.id.as_str()), Some("patents"));
    assert_eq!(clean.selected, Some(1));
    assert_eq!(fallbacks.len(), 1, "{fallbacks:?}");
    assert_eq!(fallbacks[0].field, "chart");
    assert_eq!(fallbacks[0].value, "standards-work");

    // A chart on a sector without charts.
    let (clean, fallbacks) = ViewState::from_query("sector=trade&chart=x", Lang::Zh).sanitised(&ds);
    assert_eq!(clean.sector.as_deref(), Some("trade"));
    assert_eq!(clean.chart, None);
    assert_eq!(
        fallbacks.iter().map(|f| f.field).collect::<Vec<_>>(),
        ["chart"]
    );
}

#[test]
fn sanitised_falls_back_from_a_kind_the_chart_cannot_take() {
    let ds = dataset();
    for kind in ["pie", "donut"] {
        let query = format!("sector=agriculture&chart=standards-work&kind={kind}");
        let (clean, fallbacks) = ViewState::from_query(&query, Lang::En).sanitised(&ds);
        assert_eq!(clean.kind, None);
        assert_eq!(clean.effective_kind(&ds), Some(ChartKind::Bar));
        assert_eq!(fallbacks.len(), 1, "{fallbacks:?}");
        assert_eq!(fallbacks[0].field, "kind");
        assert_eq!(fallbacks[0].value, kind);
    }
    // The overview's figures chart is not parts of a whole either.
    let (clean, fallbacks) =
        ViewState::from_query("chart=figures&kind=pie", Lang::En).sanitised(&ds);
    assert_eq!(clean.kind, None);
    assert_eq!(fallbacks.len(), 1);
    // Its pie chart takes any kind.
    let (clean, fallbacks) =
        ViewState::from_query("chart=text-share&kind=bar", Lang::En).sanitised(&ds);
    assert_eq!(clean.kind, Some(ChartKind::Bar));
    assert!(fallbacks.is_empty());
}

#[test]
fn sanitised_drops_out_of_range_hidden_and_selected() {
    let ds = dataset();
    let (clean, fallbacks) = ViewState::from_query(
        "sector=smes&chart=patents&hidden=1,5,99&selected=7",
        Lang::Zh,
    )
    .sanitised(&ds);
    assert!(fallbacks.is_empty());
    assert_eq!(clean.hidden, set(&[1]));
    assert_eq!(clean.selected, None);

    // A selected slice that is hidden is dropped too.
    let (clean, _) =
        ViewState::from_query("sector=smes&chart=patents&hidden=0&selected=0", Lang::Zh)
            .sanitised(&ds);
    assert_eq!(clean.hidden, set(&[0]));
    assert_eq!(clean.selected, None);

    // All slices hidden: everything is shown again.
    let (clean, _) =
        ViewState::from_query("sector=smes&chart=patents&hidden=0,1&selected=1", Lang::Zh)
            .sanitised(&ds);
    assert!(clean.hidden.is_empty());
    assert_eq!(clean.selected, Some(1));

    // Focus and hover outside the chart are dropped as well.
    let state = ViewState {
        sector: Some("smes".into()),
        hover: Some(9),
        focus: Some(2),
        ..ViewState::new(Lang::Zh)
    };
    let (clean, _) = state.sanitised(&ds);
    assert_eq!((clean.hover, clean.focus), (None, None));

    // On a sector without charts nothing can be hidden or selected.
    let (clean, _) =
        ViewState::from_query("sector=trade&hidden=0&selected=0", Lang::Zh).sanitised(&ds);
    assert!(clean.hidden.is_empty());
    assert_eq!(clean.selected, None);
}

#[test]
fn sanitised_is_idempotent_on_every_link_state() {
    let ds = dataset();
    for state in all_states(&ds) {
        let (once, _) = state.sanitised(&ds);
        let (twice, fallbacks) = once.clone().sanitised(&ds);
        assert_eq!(twice, once);
        assert!(fallbacks.is_empty(), "{fallbacks:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Property test

/// xorshift64*: small, deterministic, good enough to pick events.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn index(&mut self) -> usize {
        // Mostly real slice indices, sometimes far out of range.
        if self.below(10) == 0 {
            self.below(1000)
        } else {
            self.below(11)
        }
    }

    fn maybe_index(&mut self) -> Option<usize> {
        if self.below(4) == 0 {
            None
        } else {
            Some(self.index())
        }
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
        5 | 6 => Event::ToggleSlice(rng.index()),
        7 => Event::Hover(rng.maybe_index()),
        8 => Event::Click(rng.maybe_index()),
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
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
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

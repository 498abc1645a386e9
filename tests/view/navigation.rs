//! Opening sectors and charts, going back, changing kind and language.

use sector_charts::dataset::{ChartKind, Lang};
use sector_charts::view::{Event, Key, ViewState};

use crate::common::*;

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

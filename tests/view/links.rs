//! Deep links: written, read back, and checked against the dataset.

use sector_charts::dataset::{ChartKind, Dataset, Lang};
use sector_charts::view::{Event, ViewState};

use crate::common::*;

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
                        locale: None,
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
        locale: None,
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
        "lang=f",
        "lang=fr_FR!",
        "lang=<b>",
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

#[test]
fn any_language_tag_round_trips_and_reads_the_report_in_its_slot() {
    for (tag, slot) in [
        ("fr", Lang::En),
        ("de-CH", Lang::En),
        ("ja", Lang::En),
        ("zh-TW", Lang::Zh),
        ("es-419", Lang::En),
    ] {
        let state = ViewState::from_query(&format!("sector=smes&lang={tag}"), Lang::Zh);
        assert_eq!(state.tag(), tag);
        assert_eq!(state.lang, slot, "{tag}");
        assert_eq!(state.to_query(), format!("sector=smes&lang={tag}"));
        assert_eq!(ViewState::from_query(&state.to_query(), Lang::Zh), state);
    }
    // The report's own tags stay what they were.
    let english = ViewState::from_query("lang=en-GB", Lang::Zh);
    assert_eq!((english.lang, english.locale.clone()), (Lang::En, None));
    assert_eq!(english.to_query(), "lang=en");
    // Switching to a report language drops the locale.
    let ds = sector_charts::dataset::built_in().expect("built-in");
    let french = ViewState::from_query("lang=fr", Lang::Zh);
    let back = french.update(&ds, sector_charts::view::Event::SetLang(Lang::Zh));
    assert_eq!(back.to_query(), "lang=zh");
}

//! A simple chart as the dataset the pipeline draws, and JSON told apart by its form.

use sector_charts::dataset::simple::{from_grid, is_short_json, read_json, SIMPLE_ID};
use sector_charts::dataset::{ChartKind, Lang, ValueStyle};
use sector_charts::describe::{credit, slice_texts, summary};
use sector_charts::view::ViewState;

use super::chart;

fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

#[test]
fn a_table_becomes_one_sector_with_one_chart_that_allows_every_kind() {
    let rows = cells(&[
        &["Answer", "Votes"],
        &["Yes", "45"],
        &["No", "30"],
        &["Unsure", "25"],
    ]);
    let dataset = chart(from_grid(&rows, Some("Survey"), "en")).into_dataset();
    assert_eq!(dataset.sectors.len(), 1);
    assert!(dataset.overview.is_empty());
    let sector = &dataset.sectors[0];
    assert_eq!(sector.id, SIMPLE_ID);
    assert_eq!(sector.charts.len(), 1);
    let chart = &sector.charts[0];
    assert_eq!(chart.title.get(Lang::Zh), "Survey");
    assert_eq!(chart.title.get(Lang::En), "Survey");
    for kind in ChartKind::ALL {
        assert!(chart.allows(kind), "{kind}");
    }
    assert_eq!(chart.style, ValueStyle::Local { unit: None });
    let labels: Vec<&str> = chart.slices.iter().map(|s| s.label.get(Lang::En)).collect();
    assert_eq!(labels, ["Yes", "No", "Unsure"]);
    assert_eq!(sector.indicators.len(), 3);

    let mut state = ViewState::new(Lang::En);
    state.sector = Some(SIMPLE_ID.into());
    let texts = slice_texts(chart, &state);
    let shown: Vec<(&str, &str)> = texts
        .iter()
        .map(|t| (t.value.as_str(), t.share.as_str()))
        .collect();
    assert_eq!(shown, [("45", "45%"), ("30", "30%"), ("25", "25%")]);
    assert!(summary(&dataset, &state, &texts).contains("Survey"));
    // No source given: no credit line at all (not "Source: , “”, ").
    assert_eq!(credit(&dataset, Lang::En), "");
}

#[test]
fn a_unit_follows_the_number_and_percent_values_are_percentages() {
    let rows = cells(&[
        &["Ministry", "Spending (€ m)"],
        &["Health", "1234.5"],
        &["Roads", "20"],
    ]);
    let dataset = chart(from_grid(&rows, None, "en")).into_dataset();
    let chart = &dataset.sectors[0].charts[0];
    let texts = slice_texts(chart, &ViewState::new(Lang::En));
    assert_eq!(texts[0].value, "1,234.5 € m");
    let rows = cells(&[&["Answer", "Share"], &["Yes", "45%"], &["No", "55%"]]);
    let dataset = chart_of(from_grid(&rows, None, "en"));
    let chart = &dataset.sectors[0].charts[0];
    let texts = slice_texts(chart, &ViewState::new(Lang::En));
    assert_eq!(texts[0].value, "45%");
}

fn chart_of(
    result: Result<
        sector_charts::dataset::simple::SimpleChart,
        sector_charts::dataset::DatasetErrors,
    >,
) -> sector_charts::dataset::Dataset {
    chart(result).into_dataset()
}

#[test]
fn json_is_read_as_the_form_it_is_in() {
    let short = r#"{"title": "Fruit sold", "source": "Market survey", "lang": "fr",
        "slices": [{"label": "Apples", "value": 12}, {"label": "Pears", "value": 8}]}"#;
    assert!(is_short_json(short));
    let (dataset, lang) = read_json(short).expect("short form");
    assert_eq!(lang.as_deref(), Some("fr"));
    assert_eq!(dataset.sectors[0].charts[0].slices.len(), 2);
    assert_eq!(credit(&dataset, Lang::En), "Source: Market survey");

    let full = sector_charts::dataset::BUILT_IN_JSON;
    assert!(!is_short_json(full));
    assert!(read_json(full).is_ok_and(|(d, lang)| d.sectors.len() > 1 && lang.is_none()));
    // A file with both is the full format, and is told what is wrong with it as such.
    let both = r#"{"version": 1, "slices": []}"#;
    assert!(!is_short_json(both));
    assert!(read_json(both).is_err());
    // The short form's problems keep their JSON paths.
    let bad = r#"{"title": "T", "slices": [{"label": "A", "value": "many"}]}"#;
    let errors = read_json(bad).expect_err("refused");
    assert!(
        errors.iter().any(|e| e.path == "slices[0].value"),
        "{errors}"
    );
    // Not JSON at all: the syntax error with its place.
    let errors = read_json("{\"title\": ").expect_err("refused");
    assert!(errors.to_string().contains("line 1"), "{errors}");
}

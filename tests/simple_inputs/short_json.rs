//! The short JSON form: what it holds, and each problem at its JSON path, all at once.

use super::{assert_problems, chart, slices};
use sector_charts::dataset::simple::{from_short_json, SimpleSlice};

#[test]
fn the_form_of_the_issue() {
    let text = r#"{"title": "Fruit sold", "slices": [{"label": "Apples", "value": 12}, {"label": "Pears", "value": 7.5}]}"#;
    let read = chart(from_short_json(text));
    assert_eq!(read.title, "Fruit sold");
    assert_eq!(slices(&read), [("Apples", 12.0), ("Pears", 7.5)]);
    assert_eq!(
        (read.lang, read.unit, read.source, read.note),
        (None, None, None, None)
    );
}

#[test]
fn every_optional_field() {
    let text = r#"{
      "title": "  Dépenses  ", "unit": "M€", "source": "Budget 2024", "note": "Arrondi", "lang": "fr-CA",
      "slices": [{"label": "Écoles", "value": 0, "source": "p. 12"}, {"label": "Routes", "value": 3}]
    }"#;
    let read = chart(from_short_json(text));
    assert_eq!(read.title, "Dépenses");
    assert_eq!(read.unit.as_deref(), Some("M€"));
    assert_eq!(read.source.as_deref(), Some("Budget 2024"));
    assert_eq!(read.note.as_deref(), Some("Arrondi"));
    assert_eq!(read.lang.as_deref(), Some("fr-CA"));
    assert_eq!(
        read.slices[0],
        SimpleSlice {
            label: "Écoles".into(),
            value: 0.0,
            source: Some("p. 12".into())
        }
    );
    assert_eq!(read.slices[1].source, None);
    // A byte-order mark is fine.
    assert!(from_short_json(&format!("\u{feff}{text}")).is_ok());
}

#[test]
fn every_problem_at_once_with_its_path() {
    let text = r#"{
      "title": "", "colour": "red", "unit": 5, "lang": "fr_FR",
      "slices": [
        {"label": "A", "value": "12"},
        {"label": 3, "value": -1},
        {"value": 1e300, "source": ""},
        {"label": "D"},
        "E",
        {"label": "F", "value": null, "label": "G", "colour": 1}
      ]
    }"#;
    assert_problems(
        from_short_json(text),
        &[
            (
                "colour",
                "unknown field (expected one of: title, slices, source, note, unit, lang)",
            ),
            ("title", "must not be empty"),
            ("unit", "must be a string, got 5"),
            (
                "lang",
                "must be a BCP 47 language tag such as \"fr\" or \"pt-BR\", got \"fr_FR\"",
            ),
            (
                "slices[0].value",
                "must be a number, written without quotes, got \"12\"",
            ),
            ("slices[1].label", "must be a string, got 3"),
            ("slices[1].value", "-1 is below zero"),
            ("slices[2].label", "missing required field"),
            (
                "slices[2].value",
                "is too large: values must be below 10^15",
            ),
            ("slices[2].source", "must not be empty"),
            ("slices[3].value", "missing required field"),
            ("slices[4]", "must be an object, got \"E\""),
            ("slices[5].label", "is given twice in this object: keep one"),
            (
                "slices[5].colour",
                "unknown field (expected one of: label, value, source)",
            ),
            ("slices[5].value", "must be a number, got null"),
        ],
    );
}

#[test]
fn the_top_level_must_be_an_object_with_a_title_and_slices() {
    assert_problems(
        from_short_json("[1, 2]"),
        &[("", "must be an object, got an array")],
    );
    assert_problems(
        from_short_json("{}"),
        &[
            ("title", "missing required field"),
            ("slices", "missing required field"),
        ],
    );
    assert_problems(
        from_short_json(r#"{"title": "t", "slices": {}}"#),
        &[("slices", "must be an array, got an object")],
    );
    assert_problems(
        from_short_json(r#"{"title": "t", "slices": []}"#),
        &[("slices", "has 0 entries: a chart has 1 to 10000 slices")],
    );
    assert_problems(
        from_short_json(
            r#"{"title": "t", "slices": [{"label": "a", "value": 0}, {"label": "b", "value": 0.0}]}"#,
        ),
        &[("slices", "all values are zero")],
    );
}

#[test]
fn syntax_errors_are_placed_by_line_and_column() {
    assert_problems(
        from_short_json("{\n  \"title\": \"Réponses\",,\n}"),
        &[("line 2, column 23", "invalid JSON")],
    );
    assert_problems(
        from_short_json("{\"title\": \"t\""),
        &[("line 1, column 13", "the file ends too early")],
    );
    assert_problems(from_short_json(" \n"), &[("", "the dataset is empty")]);
    assert_problems(
        from_short_json(&"[".repeat(200)),
        &[("line 1, column 128", "recursion limit exceeded")],
    );
}

#[test]
fn limits_on_texts_and_slices() {
    let long = "x".repeat(501);
    let text = format!(
        r#"{{"title": "{long}", "unit": "{}", "slices": [{{"label": "{long}", "value": 1}}]}}"#,
        "u".repeat(41)
    );
    assert_problems(
        from_short_json(&text),
        &[
            (
                "title",
                "is 501 characters long, more than the limit of 500",
            ),
            ("unit", "is 41 characters long, more than the limit of 40"),
            ("slices[0].label", "is 501 characters long"),
        ],
    );
    let slice = r#"{"label": "a", "value": 1}"#;
    let many = |n: usize| {
        format!(
            r#"{{"title": "t", "slices": [{}]}}"#,
            vec![slice; n].join(",")
        )
    };
    assert_eq!(chart(from_short_json(&many(10_000))).slices.len(), 10_000);
    assert_problems(
        from_short_json(&many(10_001)),
        &[("slices", "has 10001 entries")],
    );
}

#[test]
fn html_stays_text() {
    let text = r#"{"title": "<script>alert(1)</script>", "slices": [{"label": "<img src=x onerror=alert(1)>", "value": 1}]}"#;
    let read = chart(from_short_json(text));
    assert_eq!(read.title, "<script>alert(1)</script>");
    assert_eq!(read.slices[0].label, "<img src=x onerror=alert(1)>");
}

//! A table's cells (as the browser reads a `<table>`): the header, the title, the unit, and each
//! problem at its row and column.

use super::{assert_problems, cells, chart, problems, slices};
use sector_charts::dataset::simple::from_grid;

#[test]
fn the_french_table_of_the_issue() {
    let table = cells(&[
        &["Réponse", "Nombre"],
        &["Oui", "45"],
        &["Non", "30"],
        &["Sans avis", "25"],
    ]);
    let read = chart(from_grid(&table, Some("Réponses au sondage"), "fr"));
    assert_eq!(read.title, "Réponses au sondage");
    assert_eq!(read.lang.as_deref(), Some("fr"));
    assert_eq!(read.label_heading.as_deref(), Some("Réponse"));
    assert_eq!(read.value_heading.as_deref(), Some("Nombre"));
    assert_eq!(read.unit, None);
    assert_eq!(
        slices(&read),
        [("Oui", 45.0), ("Non", 30.0), ("Sans avis", 25.0)]
    );
    assert_eq!(read.total(), 100.0);
}

#[test]
fn numbers_are_read_for_the_language_given() {
    let table = cells(&[
        &["Poste", "Montant (k€)"],
        &["Loyer", "1 234,5"],
        &["Salaires", "12 000"],
    ]);
    let read = chart(from_grid(&table, None, "fr"));
    assert_eq!(slices(&read), [("Loyer", 1234.5), ("Salaires", 12000.0)]);
    assert_eq!(
        read.title, "Montant (k€)",
        "the value heading is the title when none is given"
    );
    assert_eq!(read.unit.as_deref(), Some("k€"));
    let table = cells(&[&["Posten", "Betrag"], &["Miete", "1.234,5"]]);
    assert_eq!(
        slices(&chart(from_grid(&table, Some("t"), "de"))),
        [("Miete", 1234.5)]
    );
    let table = cells(&[&["Item", "Amount"], &["Rent", "1,234.5"]]);
    assert_eq!(
        slices(&chart(from_grid(&table, Some("t"), "ja"))),
        [("Rent", 1234.5)]
    );
}

#[test]
fn a_table_without_header_is_all_data() {
    let table = cells(&[&["Yes", "45"], &["No", "30"]]);
    let read = chart(from_grid(&table, Some("Survey"), "en"));
    assert_eq!(slices(&read), [("Yes", 45.0), ("No", 30.0)]);
    assert_eq!((read.label_heading, read.value_heading), (None, None));
    assert_problems(
        from_grid(&table, None, "en"),
        &[("title", "the chart has no title: give the table a caption")],
    );
    assert_problems(
        from_grid(&table, Some("  "), "en"),
        &[("title", "no title")],
    );
}

#[test]
fn a_first_row_with_an_empty_or_wordy_second_cell_is_the_header() {
    let table = cells(&[&["Fruit", ""], &["Apples", "12"]]);
    let read = chart(from_grid(&table, Some("t"), "en"));
    assert_eq!(read.label_heading.as_deref(), Some("Fruit"));
    assert_eq!(slices(&read), [("Apples", 12.0)]);
    let table = cells(&[&["Fruit"], &["Apples", "12"]]);
    assert_eq!(
        slices(&chart(from_grid(&table, Some("t"), "en"))),
        [("Apples", 12.0)]
    );
    // A number this language would write otherwise is data, reported, not taken as a header.
    let table = cells(&[&["Apples", "1.5"], &["Pears", "2"]]);
    assert_problems(
        from_grid(&table, Some("t"), "fr"),
        &[("row 1, column 2", "\"1.5\" uses \".\"")],
    );
    // So is a formula: it is reported where it stands.
    let table = cells(&[&["Total", "=SUM(B2:B3)"], &["Pears", "2"]]);
    assert_problems(
        from_grid(&table, Some("t"), "en"),
        &[("row 1, column 2", "is a formula")],
    );
}

#[test]
fn percentages_give_the_unit_and_must_be_alike() {
    let table = cells(&[
        &["Réponse", "Part"],
        &["Oui", "45 %"],
        &["Non", "55\u{a0}%"],
    ]);
    let read = chart(from_grid(&table, Some("t"), "fr"));
    assert_eq!(read.unit.as_deref(), Some("%"));
    assert_eq!(slices(&read), [("Oui", 45.0), ("Non", 55.0)]);
    let table = cells(&[&["A", "B"], &["x", "45%"], &["y", "30"], &["z", "25%"]]);
    assert_problems(
        from_grid(&table, Some("t"), "en"),
        &[(
            "row 3, column 2",
            "\"30\" has no \"%\", but the value in row 2 has one",
        )],
    );
}

#[test]
fn the_issues_example_message() {
    let table = cells(&[&["Answer", "Count"], &["Yes", "45"], &["No", "abc"]]);
    let found = problems(from_grid(&table, Some("t"), "en"));
    assert_eq!(
        found,
        [(
            "row 3, column 2".to_string(),
            "\"abc\" is not a number".to_string()
        )]
    );
}

#[test]
fn every_problem_at_once_with_its_row_and_column() {
    let table = cells(&[
        &["Answer", "Count"],
        &["", "4"],
        &["No", ""],
        &["Maybe", "-2"],
        &["Later"],
        &["Never", "3", "extra"],
        &["Soon", "3", "", "  "],
        &["Big", "1 000 000 000 000 000"],
        &["Sum", "=SUM(B2:B4)"],
        &["Odd", "1,5"],
    ]);
    assert_problems(
        from_grid(&table, Some("t"), "en"),
        &[
            ("row 2, column 1", "the label is empty"),
            ("row 3, column 2", "the value is empty"),
            ("row 4, column 2", "\"-2\" is below zero"),
            (
                "row 5",
                "the row has one cell: a row needs a label (column 1) and a value (column 2)",
            ),
            (
                "row 6, column 3",
                "\"extra\" is outside the two columns a chart reads",
            ),
            (
                "row 8, column 2",
                "is too large: values must be below 10^15",
            ),
            (
                "row 9, column 2",
                "\"=SUM(B2:B4)\" is a formula, not a number",
            ),
            ("row 10, column 2", "thousands separator \",\" out of place"),
        ],
    );
}

#[test]
fn blank_rows_are_skipped_but_counted() {
    let table = cells(&[&["A", "B"], &["", ""], &["x", "1"], &[], &["y", "z"]]);
    assert_problems(
        from_grid(&table, Some("t"), "en"),
        &[("row 5, column 2", "\"z\" is not a number")],
    );
}

#[test]
fn empty_tables_header_only_and_all_zero() {
    assert_problems(
        from_grid(&[], Some("t"), "en"),
        &[("", "the table is empty")],
    );
    assert_problems(
        from_grid(&cells(&[&["", " "]]), Some("t"), "en"),
        &[("", "the table is empty")],
    );
    assert_problems(
        from_grid(&cells(&[&["Answer", "Count"]]), Some("t"), "en"),
        &[(
            "",
            "the table has a header row but no rows of data below it",
        )],
    );
    assert_problems(
        from_grid(&cells(&[&["a", "0"], &["b", "0,0"]]), Some("t"), "fr"),
        &[(
            "",
            "all values are zero: a chart needs at least one value above zero",
        )],
    );
}

#[test]
fn formulas_and_html_in_labels_stay_text() {
    let link = "=HYPERLINK(\"http://evil.example\",\"click\")";
    let html = "<img src=x onerror=alert(1)><b>bold</b>";
    let table = cells(&[
        &["Label", "Value"],
        &[link, "1"],
        &[html, "2"],
        &["a&amp;b", "3"],
    ]);
    let read = chart(from_grid(&table, Some("<script>alert(1)</script>"), "en"));
    assert_eq!(slices(&read), [(link, 1.0), (html, 2.0), ("a&amp;b", 3.0)]);
    assert_eq!(read.title, "<script>alert(1)</script>");
    let table = cells(&[&["Label", "Value"], &["x", link]]);
    assert_problems(
        from_grid(&table, Some("t"), "en"),
        &[("row 2, column 2", "is a formula, not a number")],
    );
}

#[test]
fn labels_titles_and_headings_are_limited_to_500_characters() {
    let long = "é".repeat(501);
    let fits = "é".repeat(500);
    let table = cells(&[&[&long, "Count"], &[&long, "1"], &[&fits, "2"]]);
    assert_problems(
        from_grid(&table, Some(&long), "en"),
        &[
            (
                "row 1, column 1",
                "the heading is 501 characters long, more than the limit of 500",
            ),
            ("row 2, column 1", "the label is 501 characters long"),
            ("title", "the title is 501 characters long"),
        ],
    );
}

#[test]
fn ten_thousand_rows_are_read_and_more_are_refused() {
    let mut table: Vec<Vec<String>> = vec![vec!["Label".into(), "Value".into()]];
    table.extend((1..=10_000).map(|i| vec![format!("item {i}"), i.to_string()]));
    let read = chart(from_grid(&table, Some("t"), "en"));
    assert_eq!(read.slices.len(), 10_000);
    assert_eq!(read.total(), 50_005_000.0);
    table.push(vec!["one more".into(), "1".into()]);
    assert_problems(
        from_grid(&table, Some("t"), "en"),
        &[(
            "",
            "the table has 10001 rows of data, more than the limit of 10000",
        )],
    );
}

#[test]
fn at_most_fifty_problems_are_listed() {
    let mut table: Vec<Vec<String>> = vec![vec!["Label".into(), "Value".into()]];
    table.extend((0..80).map(|_| vec!["x".into(), "y".into()]));
    let found = problems(from_grid(&table, Some("t"), "en"));
    assert_eq!(found.len(), 51);
    assert_eq!(found[49].0, "row 51, column 2");
    assert_eq!(
        found[50],
        (
            String::new(),
            "more problems follow; fix these first".to_string()
        )
    );
}

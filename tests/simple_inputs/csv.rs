//! CSV text: the separator found, RFC 4180 quoting, a byte-order mark, CRLF, rows numbered as a
//! spreadsheet numbers them, and the table rules applied with the first row as the header.

use super::{assert_problems, chart, slices};
use sector_charts::dataset::simple::from_csv;
use sector_charts::dataset::MAX_INPUT_BYTES;

#[test]
fn commas_with_a_header_and_a_title() {
    let read = chart(from_csv(
        "Fruit,Sold\nApples,12\nPears,8\n",
        Some("Fruit sold"),
        "en",
    ));
    assert_eq!(read.title, "Fruit sold");
    assert_eq!(read.label_heading.as_deref(), Some("Fruit"));
    assert_eq!(read.value_heading.as_deref(), Some("Sold"));
    assert_eq!(slices(&read), [("Apples", 12.0), ("Pears", 8.0)]);
    // Without a title the value column's heading is the title.
    assert_eq!(
        chart(from_csv("Fruit,Sold\nApples,12", None, "en")).title,
        "Sold"
    );
}

#[test]
fn semicolons_with_decimal_commas_as_spreadsheets_export_them() {
    let text = "Poste;Dépense (M€)\nÉcoles;1 234,5\nRoutes;\"2,5\"\nSanté;12\n";
    let read = chart(from_csv(text, None, "fr"));
    assert_eq!(
        slices(&read),
        [("Écoles", 1234.5), ("Routes", 2.5), ("Santé", 12.0)]
    );
    assert_eq!(read.unit.as_deref(), Some("M€"));
    let text = "Posten;Betrag\nMiete;1.234,5\nStrom;99,9\n";
    assert_eq!(
        slices(&chart(from_csv(text, Some("t"), "de"))),
        [("Miete", 1234.5), ("Strom", 99.9)]
    );
}

#[test]
fn tabs_as_text_pasted_from_a_spreadsheet() {
    let text = "Region\tShare\nNorth, east\t45%\nSouth; west\t55%";
    let read = chart(from_csv(text, Some("t"), "en"));
    assert_eq!(
        slices(&read),
        [("North, east", 45.0), ("South; west", 55.0)]
    );
    assert_eq!(read.unit.as_deref(), Some("%"));
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends() {
    let text = "\u{feff}Fruit,Sold\r\nApples,12\r\nPears,8\r\n";
    let read = chart(from_csv(text, Some("t"), "en"));
    assert_eq!(read.label_heading.as_deref(), Some("Fruit"));
    assert_eq!(slices(&read), [("Apples", 12.0), ("Pears", 8.0)]);
}

#[test]
fn quoted_cells_hold_separators_quotes_and_line_breaks() {
    let text =
        "Label,Value\n\"Smith, John\",\"1,234\"\n\"Say \"\"hi\"\"\",2\n\"two\r\nlines\",3\nbad,x\n";
    let found = super::problems(from_csv(text, Some("t"), "en"));
    // The quoted line break does not start a row: the fifth row is the fifth, not the sixth line.
    assert_eq!(
        found,
        [(
            "row 5, column 2".to_string(),
            "\"x\" is not a number".to_string()
        )]
    );
    let read = chart(from_csv(&text.replace("bad,x\n", ""), Some("t"), "en"));
    assert_eq!(
        slices(&read),
        [
            ("Smith, John", 1234.0),
            ("Say \"hi\"", 2.0),
            ("two\r\nlines", 3.0)
        ]
    );
}

#[test]
fn blank_lines_count_as_rows() {
    let text = "Label,Value\n\nA,1\n\n\nB,?\n\n";
    assert_problems(
        from_csv(text, Some("t"), "en"),
        &[("row 6, column 2", "\"?\" is not a number")],
    );
    let text = "Label,Value\r\n\r\nA,1\r\n\"x\r\ny\",?\r\n\r\nB,-\r\n";
    assert_problems(
        from_csv(text, Some("t"), "en"),
        &[
            ("row 4, column 2", "\"?\""),
            ("row 6, column 2", "\"-\" is not a number"),
        ],
    );
}

#[test]
fn a_lone_carriage_return_ends_a_row_too() {
    let text = "Label,Value\rA,1\rB,x\r";
    assert_problems(
        from_csv(text, Some("t"), "en"),
        &[("row 3, column 2", "\"x\" is not a number")],
    );
}

#[test]
fn the_first_row_is_always_the_header() {
    let read = chart(from_csv("Region,2020\nNorth,12\n", None, "en"));
    assert_eq!(read.value_heading.as_deref(), Some("2020"));
    assert_eq!(slices(&read), [("North", 12.0)]);
    assert_problems(
        from_csv("Label,Value\n", Some("t"), "en"),
        &[(
            "",
            "the table has a header row but no rows of data below it",
        )],
    );
}

#[test]
fn mixed_separators_are_reported_with_a_hint() {
    let text = "Label;Value\nA;1\nB,2\nC;3\n";
    assert_problems(
        from_csv(text, Some("t"), "en"),
        &[("row 3", "the row has one cell: a row needs a label (column 1) and a value (column 2) (it holds commas, but this file is separated by semicolons)")],
    );
}

#[test]
fn ragged_rows_and_empty_cells() {
    let text = "Label,Value\nA\nB,2,3\nC,,\n,4\nD,5,,\n";
    assert_problems(
        from_csv(text, Some("t"), "en"),
        &[
            ("row 2", "the row has one cell"),
            ("row 3, column 3", "\"3\" is outside the two columns"),
            ("row 4, column 2", "the value is empty"),
            ("row 5, column 1", "the label is empty"),
        ],
    );
}

#[test]
fn one_column_files_and_empty_files() {
    assert_problems(
        from_csv("Label\nA\nB\n", Some("t"), "en"),
        &[
            ("row 2", "the row has one cell"),
            ("row 3", "the row has one cell"),
        ],
    );
    assert_problems(from_csv("", Some("t"), "en"), &[("", "the file is empty")]);
    assert_problems(
        from_csv("\u{feff}\r\n \n", Some("t"), "en"),
        &[("", "the file is empty")],
    );
    assert_problems(
        from_csv("L\0a\0b\0", Some("t"), "en"),
        &[("", "is it saved as UTF-16?")],
    );
    let huge = "a".repeat(MAX_INPUT_BYTES + 1);
    assert_problems(
        from_csv(&huge, Some("t"), "en"),
        &[("", "more than the limit of 8388608 bytes")],
    );
}

#[test]
fn formulas_and_html_stay_text() {
    let text = "Label,Value\n\"=HYPERLINK(\"\"http://x.example\"\",\"\"x\"\")\",1\n<b onclick=alert(1)>b</b>,2\nc,=1+1\n";
    assert_problems(
        from_csv(text, Some("t"), "en"),
        &[("row 4, column 2", "\"=1+1\" is a formula")],
    );
    let read = chart(from_csv(&text.replace("c,=1+1\n", ""), Some("t"), "en"));
    assert_eq!(
        slices(&read),
        [
            ("=HYPERLINK(\"http://x.example\",\"x\")", 1.0),
            ("<b onclick=alert(1)>b</b>", 2.0)
        ]
    );
}

#[test]
fn ten_thousand_rows_and_one_more() {
    let mut text = String::from("Label,Value\n");
    for i in 1..=10_000 {
        text.push_str(&format!("item {i},{i}\n"));
    }
    assert_eq!(chart(from_csv(&text, Some("t"), "en")).slices.len(), 10_000);
    text.push_str("\n\nlast,1\n");
    assert_problems(
        from_csv(&text, Some("t"), "en"),
        &[(
            "",
            "the table has 10001 rows of data, more than the limit of 10000",
        )],
    );
}

#[test]
fn an_ambiguous_number_is_reported_where_no_convention_is_known() {
    let text = "Label,Value\nA,\"1,234\"\nB,2\n";
    assert_problems(
        from_csv(text, Some("t"), "sw"),
        &[("row 2, column 2", "could be read two ways")],
    );
    assert_eq!(
        slices(&chart(from_csv(text, Some("t"), "en"))),
        [("A", 1234.0), ("B", 2.0)]
    );
    assert_eq!(
        slices(&chart(from_csv(text, Some("t"), "de"))),
        [("A", 1.234), ("B", 2.0)]
    );
}

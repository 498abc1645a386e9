//! The readers' problems in the widget's language: the same places and facts as in English,
//! told in zh, fr, de, es and ja, and in English for any other language.

use sector_charts::dataset::simple::{
    from_csv, from_csv_in, from_grid, from_grid_in, from_short_json, from_short_json_in,
};
use sector_charts::i18n::Speech;

use super::problems;

fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

/// A table with a word where row 3's value goes.
fn bad_cell() -> Vec<Vec<String>> {
    cells(&[&["Réponse", "Nombre"], &["Oui", "45"], &["Non", "abc"]])
}

fn said(speech: Speech, lang: &str) -> Vec<String> {
    problems(from_grid_in(&bad_cell(), Some("t"), lang, speech))
        .into_iter()
        .map(|(path, message)| format!("{path}: {message}"))
        .collect()
}

#[test]
fn a_bad_cell_is_named_by_row_and_column_in_each_language() {
    let cases = [
        (Speech::En, "en", "row 3, column 2: \"abc\" is not a number"),
        (
            Speech::Fr,
            "fr",
            "ligne 3, colonne 2: \"abc\" n’est pas un nombre",
        ),
        (
            Speech::De,
            "de",
            "Zeile 3, Spalte 2: \"abc\" ist keine Zahl",
        ),
        (
            Speech::Es,
            "es",
            "fila 3, columna 2: \"abc\" no es un número",
        ),
        (
            Speech::Ja,
            "ja",
            "3 行目、2 列目: \"abc\" は数値ではありません",
        ),
        (Speech::Zh, "zh", "第 3 行第 2 列: \"abc\" 不是数字"),
    ];
    for (speech, lang, want) in cases {
        assert_eq!(said(speech, lang), [want], "{lang}");
    }
}

#[test]
fn english_in_is_exactly_the_english_reader() {
    let table = cells(&[
        &["a", "1"],
        &["b", "=SUM(A1)"],
        &["", "2", "x"],
        &["c", "1.234,5"],
        &["d"],
    ]);
    assert_eq!(
        from_grid(&table, None, "sw"),
        from_grid_in(&table, None, "sw", Speech::En)
    );
    let csv = "a;b\nx;1,5\ny,2\nz;-1\n";
    assert_eq!(
        from_csv(csv, None, "fr"),
        from_csv_in(csv, None, "fr", Speech::En)
    );
    let short = r#"{"title": null, "slices": [{"value": "3"}, 4], "x": 1}"#;
    assert_eq!(
        from_short_json(short),
        from_short_json_in(short, Speech::En)
    );
}

#[test]
fn another_language_is_told_in_english() {
    assert_eq!(
        said(Speech::of_tag("sw"), "sw"),
        ["row 3, column 2: \"abc\" is not a number"]
    );
    assert_eq!(
        said(Speech::of_tag("fr-CA"), "fr-CA"),
        said(Speech::Fr, "fr")
    );
}

#[test]
fn csv_problems_name_the_separators_and_numbers_in_the_language() {
    let text = "Antwort;Zahl\nJa;1.5\nNein,30\n;4\n";
    let found = problems(from_csv_in(text, Some("t"), "fr", Speech::De));
    assert_eq!(
        found,
        [
            (
                "Zeile 2, Spalte 2".to_string(),
                "\"1.5\" verwendet „.“, wo Zahlen in \"fr\" wie 1 234,5 geschrieben werden"
                    .to_string()
            ),
            (
                "Zeile 3".to_string(),
                "die Zeile hat nur eine Zelle: eine Zeile braucht eine Bezeichnung (Spalte 1) und einen Wert (Spalte 2) (sie enthält Kommas, aber diese Datei ist durch Semikolons getrennt)".to_string()
            ),
            ("Zeile 4, Spalte 1".to_string(), "die Bezeichnung ist leer".to_string()),
        ]
    );
    let empty = problems(from_csv_in("\u{feff} \n", None, "es", Speech::Es));
    assert_eq!(
        empty,
        [(String::new(), "el archivo está vacío".to_string())]
    );
}

#[test]
fn table_wide_problems_are_told_in_the_language() {
    let header_only = cells(&[&["Antwort", "Zahl"]]);
    assert_eq!(
        problems(from_grid_in(&header_only, Some("t"), "ja", Speech::Ja)),
        [(
            String::new(),
            "表に見出し行はありますが、その下にデータの行がありません".to_string()
        )]
    );
    let untitled = cells(&[&["a", "1"], &["b", "2%"]]);
    let found = problems(from_grid_in(&untitled, None, "fr", Speech::Fr));
    assert_eq!(found[0].0, "ligne 2, colonne 2");
    assert_eq!(
        found[0].1,
        "\"2%\" a un « % », mais la valeur de la ligne 1 n’en a pas : écrivez toutes les valeurs de la même façon"
    );
    assert_eq!(found[1].0, "titre");
    assert!(found[1].1.starts_with("le graphique n’a pas de titre"));
}

#[test]
fn the_short_form_keeps_its_json_paths_and_tells_the_problem_in_the_language() {
    let text = r#"{"title": "T", "slices": [{"label": "A", "value": -1}, {"value": 2}, []]}"#;
    let found = problems(from_short_json_in(text, Speech::Ja));
    assert_eq!(
        found,
        [
            (
                "slices[0].value".to_string(),
                "-1 は 0 未満です。グラフは 0 以上の量を表します".to_string()
            ),
            (
                "slices[1].label".to_string(),
                "必須のフィールドがありません".to_string()
            ),
            (
                "slices[2]".to_string(),
                "オブジェクトにしてください。値：配列".to_string()
            ),
        ]
    );
    let found = problems(from_short_json_in(
        r#"{"title": "T", "slices": [{"label": "A", "value": "3"}]}"#,
        Speech::Zh,
    ));
    assert_eq!(
        found,
        [(
            "slices[0].value".to_string(),
            "须为不带引号的数字，实际为 \"3\"".to_string()
        )]
    );
}

//! The downloads of an editor's chart in another language: the CSV's headings in the widget's
//! words, shares and values in the locale (the same writers as the screen), and the report's
//! own downloads untouched by a locale's writers.

use sector_charts::dataset::simple::{from_grid, SIMPLE_ID};
use sector_charts::dataset::{built_in, Dataset, Lang};
use sector_charts::export::{csv, csv_in, file_name, svg, svg_in, EDITOR_PREFIX};
use sector_charts::format::{plain_number, LocalNumbers};
use sector_charts::view::ViewState;

/// French numbers as `Intl.NumberFormat` writes them, for the tests: a decimal comma, narrow
/// no-break spaces between groups and before "%", "million" and "mille" for large values.
struct French;

fn comma(text: String) -> String {
    text.replace(',', "\u{202f}").replace('.', ",")
}

impl LocalNumbers for French {
    fn number(&self, value: f64) -> String {
        comma(plain_number(value, 2, true))
    }
    fn compact(&self, value: f64) -> String {
        if value >= 1e6 {
            format!("{} million", comma(plain_number(value / 1e6, 2, false)))
        } else {
            format!("{} mille", comma(plain_number(value / 1e3, 2, false)))
        }
    }
    fn percent(&self, ratio: f64) -> String {
        format!("{}\u{202f}%", comma(plain_number(ratio * 100.0, 1, false)))
    }
}

fn table(rows: &[(&str, &str)]) -> Dataset {
    let mut cells = vec![vec!["Réponse".to_string(), "Nombre".to_string()]];
    cells.extend(
        rows.iter()
            .map(|(label, value)| vec![label.to_string(), value.to_string()]),
    );
    match from_grid(&cells, Some("Sondage"), "fr") {
        Ok(chart) => chart.into_dataset(),
        Err(errors) => panic!("refused:\n{errors}"),
    }
}

fn survey() -> Dataset {
    table(&[("Oui", "45"), ("Non", "30"), ("Sans avis", "25")])
}

/// The view of an editor's chart with `lang="…"`.
fn spoken(tag: &str) -> ViewState {
    let mut state = ViewState::new(Lang::En);
    state.set_tag(tag, Lang::En);
    state.sector = Some(SIMPLE_ID.into());
    state.chart = Some(SIMPLE_ID.into());
    state
}

fn lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    text.split("\r\n").map(str::to_string).collect()
}

#[test]
fn a_french_charts_csv_has_french_headings_and_french_shares() {
    let text = csv_in(&survey(), &spoken("fr"), &French);
    assert_eq!(
        lines(&text),
        [
            "libellé,valeur,unité,part,qualificatif,source,calcul",
            "Oui,45,count,45\u{202f}%,,,",
            "Non,30,count,30\u{202f}%,,,",
            "Sans avis,25,count,25\u{202f}%,,,",
            "",
        ]
    );
}

#[test]
fn each_language_heads_the_csv_in_its_words() {
    let heading = |tag: &str| lines(&csv(&survey(), &spoken(tag)))[0].clone();
    assert_eq!(
        heading("de"),
        "Bezeichnung,Wert,Einheit,Anteil,Zusatz,Quelle,Berechnung"
    );
    assert_eq!(
        heading("es"),
        "etiqueta,valor,unidad,porcentaje,calificador,fuente,cálculo"
    );
    assert_eq!(heading("ja"), "項目,値,単位,割合,限定,出典,算出方法");
    assert_eq!(heading("zh"), "项目,数值,单位,占比,限定,来源,推算方式");
    assert_eq!(
        heading("en"),
        "label,value,unit,share,qualifier,source,derivation"
    );
    assert_eq!(heading("sw"), heading("en"));
}

#[test]
fn a_french_charts_svg_writes_its_numbers_and_words_in_french() {
    let picture = svg_in(&survey(), &spoken("fr"), false, &French);
    assert!(picture.contains("Oui — 45 (45\u{202f}%)"), "{picture}");
    assert!(picture.contains("Sans avis — 25 (25\u{202f}%)"));
    // The pie's own share labels too, as the screen's measurer writes them.
    assert!(!picture.contains(">45%<"), "a plain share label is left");
    let big = table(&[
        ("Écoles", "1 200 000"),
        ("Routes", "35 000"),
        ("Parcs", "9 000"),
    ]);
    let picture = svg_in(&big, &spoken("fr"), false, &French);
    assert!(
        picture.contains("Écoles — 1,2 million (96,5\u{202f}%)"),
        "{picture}"
    );
    assert!(picture.contains("Routes — 35 mille (2,8\u{202f}%)"));
    assert!(picture.contains("Parcs — 9\u{202f}000 (0,7\u{202f}%)"));
}

#[test]
fn a_long_legend_counts_the_rest_in_the_widgets_words() {
    let rows: Vec<(String, String)> = (1..=30)
        .map(|i| (format!("Ligne {i}"), (100 + i).to_string()))
        .collect();
    let rows: Vec<(&str, &str)> = rows.iter().map(|(l, v)| (l.as_str(), v.as_str())).collect();
    let many = table(&rows);
    // Every slice drawn, none grouped into "Other": the legend lists 24 and counts the rest.
    let all = |tag: &str| ViewState {
        expanded: true,
        ..spoken(tag)
    };
    assert!(svg_in(&many, &all("fr"), false, &French).contains("… et 6 de plus"));
    assert!(svg(&many, &all("de"), false).contains("… und 6 weitere"));
    assert!(svg(&many, &all("en"), false).contains("… and 6 more"));
}

#[test]
fn the_reports_downloads_ignore_a_locales_writers() {
    let report = built_in().expect("the built-in dataset parses");
    for lang in Lang::ALL {
        for sector in &report.sectors {
            for chart in &sector.charts {
                let state = ViewState {
                    sector: Some(sector.id.clone()),
                    chart: Some(chart.id.clone()),
                    ..ViewState::new(lang)
                };
                assert_eq!(csv(&report, &state), csv_in(&report, &state, &French));
                assert_eq!(
                    svg(&report, &state, false),
                    svg_in(&report, &state, false, &French)
                );
            }
        }
    }
}

#[test]
fn an_editors_files_are_named_with_the_charts_language_tag() {
    let name = |tag: &str| file_name(EDITOR_PREFIX, &survey(), &spoken(tag), "csv");
    assert_eq!(name("fr"), "chart-fr.csv");
    assert_eq!(name("de-CH"), "chart-de-CH.csv");
    assert_eq!(name("en"), "chart-en.csv");
}

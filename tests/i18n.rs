//! The widget's words in six languages and the sentences filled from them.

use sector_charts::dataset::simple::from_grid;
use sector_charts::dataset::{ChartKind, Lang};
use sector_charts::describe::{slice_sentence, slice_texts, summary};
use sector_charts::i18n::{fill, kind_name, words, Speech};
use sector_charts::view::ViewState;

#[test]
fn a_tag_speaks_its_language_or_english() {
    for (tag, speech) in [
        ("fr", Speech::Fr),
        ("fr-CA", Speech::Fr),
        ("de-CH", Speech::De),
        ("es-419", Speech::Es),
        ("ja", Speech::Ja),
        ("zh-Hant-TW", Speech::Zh),
        ("pt-BR", Speech::En),
        ("", Speech::En),
    ] {
        assert_eq!(Speech::of_tag(tag), speech, "{tag}");
    }
    assert_eq!(words(Speech::Fr).show_data, "Afficher les données");
    assert_eq!(words(Speech::De).show_data, "Daten anzeigen");
    assert_eq!(words(Speech::Ja).show_data, "データを表示");
    assert_eq!(words(Lang::En).show_data, "Show data");
    assert_eq!(kind_name(ChartKind::Donut, Speech::Es), "Anillo");
}

#[test]
fn every_language_has_every_word_and_fills_every_sentence() {
    for speech in Speech::ALL {
        let w = words(speech);
        for word in [
            w.legend,
            w.show_data,
            w.hide_data,
            w.data_problem,
            w.chart_help,
            w.value,
        ] {
            assert!(!word.is_empty(), "{speech:?}");
        }
        let sentence = fill(
            w.position,
            &[
                ("label", "A"),
                ("value", "1"),
                ("share", "50 %"),
                ("position", "1"),
                ("count", "2"),
            ],
        );
        assert!(!sentence.contains('{'), "{speech:?}: {sentence}");
        assert!(fill(w.more_problems, &[("count", "7")]).contains('7'));
    }
}

#[test]
fn fill_leaves_braces_in_values_and_unknown_slots_alone() {
    assert_eq!(
        fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
        "{b} and x"
    );
    assert_eq!(fill("{unknown} {a", &[("a", "x")]), "{unknown} {a");
}

#[test]
fn a_french_chart_is_summed_up_in_french() {
    let rows: Vec<Vec<String>> = [["Réponse", "Nombre"], ["Oui", "45"], ["Non", "55"]]
        .iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect();
    let chart = from_grid(&rows, Some("Sondage"), "fr").expect("read");
    let dataset = chart.into_dataset();
    let state = ViewState::from_query("sector=chart&lang=fr", Lang::Zh);
    let chart = state.chart(&dataset).expect("chart");
    let texts = slice_texts(chart, &state);
    assert_eq!(
        summary(&dataset, &state, &texts),
        "Graphique Camembert : Sondage, 2 parts. La plus grande : Non, 55 (55%)."
    );
    assert_eq!(
        slice_sentence(&texts[0], 1, 2, state.speech()),
        "Oui : 45, 45% (1 sur 2)"
    );
}

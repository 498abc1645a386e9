//! Every text a reader sees about a slice, each made by one function of `describe`: the tooltip,
//! the table's share cell, the legend's detail and the live region's sentence.

#[path = "common/mod.rs"]
mod common;

use common::{apply, dataset, open};
use sector_charts::dataset::Lang;
use sector_charts::describe::{
    legend_detail, slice_sentence, slice_texts, table_share, tooltip_text,
};
use sector_charts::i18n::words;
use sector_charts::view::Event;

#[test]
fn the_tooltip_says_label_value_and_share_and_leaves_out_what_a_slice_lacks() {
    let ds = dataset();
    let state = apply(&ds, &open(&ds, "smes", None), &[Event::SetLang(Lang::En)]);
    let chart = state.chart(&ds).expect("smes has a chart");
    let texts = slice_texts(chart, &state);
    let first = texts.first().expect("the chart has slices");
    let (parts, name) = tooltip_text(first, Lang::En);
    assert_eq!(parts[0], first.label);
    assert_eq!(parts[1], format!("{} · {}", first.value, first.share));
    assert!(first.share.ends_with('%'), "{:?}", first.share);
    assert_eq!(parts[2], first.source.clone().unwrap_or_default());
    assert_eq!(parts[4], first.note.clone().unwrap_or_default());
    assert_eq!(name, format!("{}: {}", words(Lang::En).value, first.label));
}

#[test]
fn a_hidden_slice_says_so_in_the_table_and_the_legend() {
    let ds = dataset();
    let shown = open(&ds, "smes", None);
    let hidden = apply(&ds, &shown, &[Event::ToggleSlice(0)]);
    assert!(hidden.hidden.contains(&0));
    let chart = shown.chart(&ds).expect("smes has a chart");
    let (shown_texts, hidden_texts) = (slice_texts(chart, &shown), slice_texts(chart, &hidden));
    let (on, off) = (&shown_texts[0], &hidden_texts[0]);
    assert_eq!(table_share(on, Lang::Zh), on.share);
    assert_eq!(legend_detail(on, Lang::Zh), format!(" {}", on.share));
    let word = words(Lang::Zh).hidden;
    assert_eq!(table_share(off, Lang::Zh), word);
    assert_eq!(legend_detail(off, Lang::Zh), format!(" ({word})"));
}

#[test]
fn the_live_region_names_the_slice_and_its_place() {
    let ds = dataset();
    let state = open(&ds, "smes", None);
    let texts = slice_texts(state.chart(&ds).expect("a chart"), &state);
    let sentence = slice_sentence(&texts[1], 2, texts.len(), Lang::En);
    assert!(sentence.starts_with(&texts[1].label), "{sentence}");
    assert!(sentence.contains(&texts[1].share), "{sentence}");
    assert!(
        sentence.ends_with(&format!("(2 of {})", texts.len())),
        "{sentence}"
    );
}

//! Large charts: the smallest slices go into one "Other" slice that expands on demand.

use sector_charts::dataset::{parse, Dataset, Lang};
use sector_charts::describe::{layout_inputs, slice_texts, TABLE_ROWS};
use sector_charts::view::{Event, Key, SliceSet, ViewState, MAX_DRAWN_SLICES};
use serde_json::json;

/// One sector with one pie of `n` slices valued 1..=n (slice i has value i + 1).
fn dataset(n: usize) -> Dataset {
    let indicators: Vec<_> = (0..n)
        .map(|i| {
            json!({"id": format!("i{i}"), "label": {"zh": format!("项{i}"), "en": format!("Item {i}")},
                   "value": i + 1, "unit": "count"})
        })
        .collect();
    let slices: Vec<_> = (0..n)
        .map(|i| json!({"indicator": format!("i{i}")}))
        .collect();
    let data = json!({
        "version": 1,
        "title": {"zh": "多", "en": "Many"},
        "source": {"title": {"zh": "x", "en": "x"}, "publisher": {"zh": "x", "en": "x"}, "date": "2024"},
        "sectors": [{"id": "many", "name": {"zh": "多", "en": "Many"}, "indicators": indicators,
                     "charts": [{"id": "all", "title": {"zh": "全部", "en": "All"}, "kind": "pie",
                                 "parts_of_whole": true, "slices": slices}]}]
    });
    match parse(&data.to_string()) {
        Ok(dataset) => dataset,
        Err(errors) => panic!("{errors}"),
    }
}

fn opened(ds: &Dataset) -> ViewState {
    ViewState::new(Lang::En).update(ds, Event::OpenSector("many".into()))
}

#[test]
fn small_charts_are_not_grouped() {
    let ds = dataset(MAX_DRAWN_SLICES);
    let state = opened(&ds);
    assert_eq!(state.other_group(&ds), None);
    let chart = state.chart(&ds).expect("chart");
    assert_eq!(slice_texts(chart, &state).len(), MAX_DRAWN_SLICES);
}

#[test]
fn the_smallest_slices_go_into_other() {
    let n = 30;
    let ds = dataset(n);
    let state = opened(&ds);
    let group = state.other_group(&ds).expect("grouped");
    assert_eq!(group.index, n, "Other is one past the last slice");
    // The largest MAX - 1 stay: values n down to n - MAX + 2; the rest are members.
    let kept = MAX_DRAWN_SLICES - 1;
    let members: Vec<usize> = group.members.iter().collect();
    assert_eq!(members, (0..n - kept).collect::<Vec<_>>());
    let expected: f64 = (1..=(n - kept)).map(|v| v as f64).sum();
    assert_eq!(group.value, expected);

    let chart = state.chart(&ds).expect("chart");
    let texts = slice_texts(chart, &state);
    assert_eq!(texts.len(), n + 1);
    let other = texts.last().expect("Other text");
    assert_eq!(other.label, format!("Other ({})", n - kept));
    assert!(texts[..n - kept].iter().all(|t| t.grouped));
    assert!(texts[n - kept..n].iter().all(|t| !t.grouped));
    // The layout sees grouped slices as taking no room, and Other as one slice.
    let inputs = layout_inputs(&texts);
    assert_eq!(inputs.len(), n + 1);
    assert_eq!(
        inputs.iter().filter(|i| !i.hidden).count(),
        MAX_DRAWN_SLICES
    );
    let shares: f64 = texts
        .iter()
        .filter(|t| !t.grouped)
        .map(|t| t.share_ratio)
        .sum();
    assert!(
        (shares - 1.0).abs() < 1e-9,
        "shares of what is drawn sum to 1: {shares}"
    );
}

#[test]
fn choosing_other_expands_and_the_legend_button_groups_again() {
    let n = 40;
    let ds = dataset(n);
    let state = opened(&ds);
    // A grouped slice cannot be hovered or selected on its own.
    assert_eq!(state.update(&ds, Event::Hover(Some(0))).hover, None);
    let expanded = state.update(&ds, Event::Click(Some(n)));
    assert!(expanded.expanded);
    assert_eq!(expanded.other_group(&ds), None);
    assert_eq!(
        slice_texts(expanded.chart(&ds).expect("chart"), &expanded).len(),
        n
    );
    assert_eq!(expanded.update(&ds, Event::Hover(Some(0))).hover, Some(0));
    let grouped = expanded.update(&ds, Event::SetExpanded(false));
    assert!(!grouped.expanded && grouped.other_group(&ds).is_some());
    // The link keeps it.
    let link = expanded.to_query();
    assert!(link.contains("expanded=1"), "{link}");
    let (back, fallbacks) = ViewState::from_query(&link, Lang::Zh).sanitised(&ds);
    assert!(fallbacks.is_empty());
    assert_eq!(back, expanded);
}

#[test]
fn the_keyboard_visits_other_last_and_enter_expands_it() {
    let n = 30;
    let ds = dataset(n);
    let mut state = opened(&ds);
    state = state.update(&ds, Event::Key(Key::Last));
    assert_eq!(state.focus, Some(n), "Other is the last stop");
    state = state.update(&ds, Event::Key(Key::First));
    let first = state.focus.expect("a focus");
    assert!(!state
        .other_group(&ds)
        .expect("grouped")
        .members
        .contains(first));
    state = state
        .update(&ds, Event::Key(Key::Last))
        .update(&ds, Event::Key(Key::Activate));
    assert!(state.expanded, "Enter on Other expands it");
}

#[test]
fn hiding_a_slice_regroups_and_drops_what_is_no_longer_drawn() {
    let n = 30;
    let ds = dataset(n);
    let kept = MAX_DRAWN_SLICES - 1;
    let state = opened(&ds);
    // Hiding the largest slice lets one more slice stay out of Other: the largest member.
    let hidden = state.update(&ds, Event::ToggleSlice(n - 1));
    let newly_kept = n - 1 - kept;
    assert!(state
        .other_group(&ds)
        .expect("grouped")
        .members
        .contains(newly_kept));
    assert!(!hidden
        .other_group(&ds)
        .expect("grouped")
        .members
        .contains(newly_kept));
    let selected = hidden.update(&ds, Event::Click(Some(newly_kept)));
    assert_eq!(selected.selected, Some(newly_kept));
    // Showing the largest again pushes that slice back into Other: its selection goes too.
    let shown = selected.update(&ds, Event::ToggleSlice(n - 1));
    assert!(shown
        .other_group(&ds)
        .expect("grouped")
        .members
        .contains(newly_kept));
    assert_eq!(shown.selected, None);
    assert_eq!(shown.focus, None);
}

#[test]
fn a_slice_set_counts_each_index_once_and_lists_them_ascending() {
    let mut set = SliceSet::new(130);
    assert!(set.is_empty());
    for index in [129, 0, 64, 63, 64, 7] {
        set.insert(index);
    }
    // Past the bound: ignored rather than grown or panicking.
    set.insert(130);
    set.insert(usize::MAX);
    assert_eq!(set.len(), 5);
    assert_eq!(set.iter().collect::<Vec<_>>(), vec![0, 7, 63, 64, 129]);
    assert!(set.contains(63) && set.contains(64) && set.contains(129));
    assert!(!set.contains(1) && !set.contains(128) && !set.contains(130));
    assert!(!set.contains(usize::MAX));
}

#[test]
fn values_are_formatted_where_they_can_be_read_only() {
    let n = 300;
    let ds = dataset(n);
    let state = opened(&ds);
    let chart = state.chart(&ds).expect("chart");
    let texts = slice_texts(chart, &state);
    let kept = MAX_DRAWN_SLICES - 1;
    // Drawn slices, the table's rows and "Other" itself have their words...
    for i in (0..TABLE_ROWS).chain(n - kept..n + 1) {
        assert!(!texts[i].value.is_empty(), "slice {i} has a value text");
        assert!(!texts[i].share.is_empty(), "slice {i} has a share text");
    }
    assert_eq!(texts[n - 1].value, "300");
    assert_eq!(texts[TABLE_ROWS - 1].value, TABLE_ROWS.to_string());
    // ...grouped slices past the table have none: nothing shows them.
    for text in &texts[TABLE_ROWS..n - kept] {
        assert!(text.grouped);
        assert_eq!((text.value.as_str(), text.share.as_str()), ("", ""));
    }
    // Expanded, every slice is drawn and has them.
    let expanded = state.update(&ds, Event::SetExpanded(true));
    let texts = slice_texts(chart, &expanded);
    assert!(texts
        .iter()
        .all(|t| !t.value.is_empty() && !t.share.is_empty()));
}

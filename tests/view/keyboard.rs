//! The keyboard: moving over slices, activating, Escape.

use sector_charts::dataset::Lang;
use sector_charts::view::{Event, Key, ViewState};

use crate::common::*;

#[test]
fn keyboard_moves_over_visible_slices_and_clamps() {
    let ds = dataset();
    // The overview pie has one slice per sector; hide a few, including the first and last.
    let last = ds.sectors.len() - 1;
    assert!(last >= 6);
    let state = apply(
        &ds,
        &ViewState::new(Lang::Zh),
        &[
            Event::ToggleSlice(0),
            Event::ToggleSlice(2),
            Event::ToggleSlice(3),
            Event::ToggleSlice(last),
        ],
    );
    let visible: Vec<usize> = (0..=last).filter(|i| !state.hidden.contains(i)).collect();
    assert_eq!(visible[0], 1);

    // Next from nothing: the first visible; then each visible in order; then it stays.
    let mut s = state.clone();
    for &expected in &visible {
        s = s.update(&ds, key(Key::Next));
        assert_eq!(s.focus, Some(expected));
    }
    let end = *visible.last().unwrap();
    s = s.update(&ds, key(Key::Next));
    assert_eq!(s.focus, Some(end), "Next clamps at the last visible slice");

    // Prev walks back over the same slices and clamps at the first visible.
    for &expected in visible.iter().rev().skip(1) {
        s = s.update(&ds, key(Key::Prev));
        assert_eq!(s.focus, Some(expected));
    }
    s = s.update(&ds, key(Key::Prev));
    assert_eq!(s.focus, Some(1), "Prev clamps at the first visible slice");

    // Prev from nothing: the last visible.
    assert_eq!(state.update(&ds, key(Key::Prev)).focus, Some(end));
    assert_eq!(state.update(&ds, key(Key::First)).focus, Some(1));
    assert_eq!(state.update(&ds, key(Key::Last)).focus, Some(end));
    let mid = state.update(&ds, key(Key::Last));
    assert_eq!(mid.update(&ds, key(Key::First)).focus, Some(1));

    // Nothing hidden is ever focused.
    let mut s = state.clone();
    for k in [
        Key::Next,
        Key::Next,
        Key::Prev,
        Key::Last,
        Key::Prev,
        Key::First,
        Key::Next,
    ] {
        s = s.update(&ds, key(k));
        let focus = s.focus.expect("focused");
        assert!(!s.hidden.contains(&focus));
    }
}

#[test]
fn keyboard_on_a_chartless_sector_focuses_nothing() {
    let ds = dataset();
    let manufacturing = open(&ds, "manufacturing", None);
    for k in [Key::Next, Key::Prev, Key::First, Key::Last, Key::Activate] {
        assert_eq!(manufacturing.update(&ds, key(k)).focus, None);
    }
}

#[test]
fn activate_without_focus_focuses_the_first_visible_slice() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let focused = standards.update(&ds, key(Key::Activate));
    assert_eq!(focused.focus, Some(0));
    assert_eq!(focused.selected, None);

    let hidden_first = standards.update(&ds, Event::ToggleSlice(0));
    assert_eq!(hidden_first.update(&ds, key(Key::Activate)).focus, Some(1));
}

#[test]
fn activate_with_focus_selects_and_toggles() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let on_two = apply(&ds, &standards, &[key(Key::Last)]);
    assert_eq!(on_two.focus, Some(2));
    let selected = on_two.update(&ds, key(Key::Activate));
    assert_eq!((selected.selected, selected.focus), (Some(2), Some(2)));
    let unselected = selected.update(&ds, key(Key::Activate));
    assert_eq!(unselected.selected, None);

    // On the overview, activating a focused slice opens its sector.
    let overview = apply(
        &ds,
        &ViewState::new(Lang::Zh),
        &[key(Key::Next), key(Key::Next)],
    );
    let opened = overview.update(&ds, key(Key::Activate));
    assert_eq!(opened.sector.as_deref(), Some(ds.sectors[1].id.as_str()));
}

#[test]
fn escape_unwinds_selection_then_focus_then_sector() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let state = apply(
        &ds,
        &standards,
        &[Event::Click(Some(1)), Event::Hover(Some(2))],
    );
    assert_eq!(
        (state.selected, state.focus, state.hover),
        (Some(1), Some(1), Some(2))
    );

    let first = state.update(&ds, key(Key::Escape));
    assert_eq!(first.selected, None);
    assert_eq!(
        first.focus,
        Some(1),
        "the first Escape only clears the selection"
    );
    assert_eq!(first.sector.as_deref(), Some("agriculture"));

    let second = first.update(&ds, key(Key::Escape));
    assert_eq!((second.focus, second.hover), (None, None));
    assert_eq!(second.sector.as_deref(), Some("agriculture"));
    assert_eq!(
        second.chart(&ds).map(|c| c.id.as_str()),
        Some("standards-work")
    );

    let third = second.update(&ds, key(Key::Escape));
    assert!(third.is_overview());
    assert_eq!(third.chart, None);

    // On a bare overview, Escape has nowhere to go.
    assert_eq!(third.update(&ds, key(Key::Escape)), third);
}

#[test]
fn escape_with_only_a_hover_clears_it_before_going_back() {
    let ds = dataset();
    let state = open(&ds, "smes", None).update(&ds, Event::Hover(Some(0)));
    let next = state.update(&ds, key(Key::Escape));
    assert_eq!(next.hover, None);
    assert_eq!(next.sector.as_deref(), Some("smes"));
}

//! Hiding, hovering, clicking and selecting slices.

use sector_charts::dataset::Lang;
use sector_charts::view::{Event, ViewState};

use crate::common::*;

#[test]
fn toggle_slice_hides_and_shows() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let hidden = standards.update(&ds, Event::ToggleSlice(1));
    assert_eq!(hidden.hidden, set(&[1]));
    let both = hidden.update(&ds, Event::ToggleSlice(0));
    assert_eq!(both.hidden, set(&[0, 1]));
    let shown = both.update(&ds, Event::ToggleSlice(1));
    assert_eq!(shown.hidden, set(&[0]));
}

#[test]
fn toggle_slice_refuses_to_hide_the_last_visible_slice() {
    let ds = dataset();
    let patents = open(&ds, "smes", Some("patents"));
    let one = patents.update(&ds, Event::ToggleSlice(0));
    assert_eq!(one.hidden, set(&[0]));
    let refused = one.update(&ds, Event::ToggleSlice(1));
    assert_eq!(
        refused, one,
        "hiding the last visible slice must be refused"
    );
    // Showing the hidden one again still works.
    assert!(one.update(&ds, Event::ToggleSlice(0)).hidden.is_empty());

    let standards = open(&ds, "agriculture", Some("standards-work"));
    let two = apply(
        &ds,
        &standards,
        &[Event::ToggleSlice(0), Event::ToggleSlice(2)],
    );
    assert_eq!(two.hidden, set(&[0, 2]));
    assert_eq!(two.update(&ds, Event::ToggleSlice(1)), two);
}

#[test]
fn toggle_slice_clears_hover_focus_and_selection_of_the_hidden_slice() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let busy = apply(
        &ds,
        &standards,
        &[Event::Click(Some(1)), Event::Hover(Some(1))],
    );
    assert_eq!(
        (busy.hover, busy.focus, busy.selected),
        (Some(1), Some(1), Some(1))
    );
    let hidden = busy.update(&ds, Event::ToggleSlice(1));
    assert_eq!(hidden.hidden, set(&[1]));
    assert_eq!(
        (hidden.hover, hidden.focus, hidden.selected),
        (None, None, None)
    );

    // Hiding another slice leaves them alone.
    let other = busy.update(&ds, Event::ToggleSlice(2));
    assert_eq!(other.hidden, set(&[2]));
    assert_eq!(
        (other.hover, other.focus, other.selected),
        (Some(1), Some(1), Some(1))
    );
}

#[test]
fn toggle_slice_out_of_range_is_ignored() {
    let ds = dataset();
    let patents = open(&ds, "smes", Some("patents"));
    for index in [2, 3, 100, usize::MAX] {
        assert_eq!(patents.update(&ds, Event::ToggleSlice(index)), patents);
    }
    let manufacturing = open(&ds, "manufacturing", None);
    assert_eq!(
        manufacturing.update(&ds, Event::ToggleSlice(0)),
        manufacturing
    );
}

#[test]
fn hover_on_a_hidden_or_missing_slice_is_ignored() {
    let ds = dataset();
    let standards = apply(
        &ds,
        &open(&ds, "agriculture", Some("standards-work")),
        &[Event::ToggleSlice(1)],
    );
    assert_eq!(standards.update(&ds, Event::Hover(Some(0))).hover, Some(0));
    assert_eq!(standards.update(&ds, Event::Hover(Some(1))).hover, None);
    assert_eq!(standards.update(&ds, Event::Hover(Some(3))).hover, None);
    let hovering = standards.update(&ds, Event::Hover(Some(2)));
    assert_eq!(hovering.update(&ds, Event::Hover(None)).hover, None);
    assert_ne!(hovering.update(&ds, Event::Hover(Some(1))).hover, Some(1));
}

#[test]
fn click_on_the_overview_drills_down() {
    let ds = dataset();
    let overview = ViewState::new(Lang::En);
    let chart = overview.chart(&ds).expect("overview chart");
    for (index, slice) in chart.slices.iter().enumerate() {
        let next = overview.update(&ds, Event::Click(Some(index)));
        assert_eq!(next.sector.as_deref(), Some(slice.key.as_str()));
        assert_eq!(next.lang, Lang::En);
        assert_eq!((next.chart.clone(), next.kind), (None, None));
        assert!(ds.sector(&slice.key).is_some());
    }
    // The figures chart drills down too.
    let figures = overview.update(&ds, Event::OpenChart("figures".into()));
    let next = figures.update(&ds, Event::Click(Some(5)));
    assert_eq!(next.sector.as_deref(), Some(ds.sectors[5].id.as_str()));
}

#[test]
fn click_on_a_hidden_overview_slice_does_not_drill_down() {
    let ds = dataset();
    let overview = ViewState::new(Lang::Zh).update(&ds, Event::ToggleSlice(2));
    let next = overview.update(&ds, Event::Click(Some(2)));
    assert!(next.is_overview());
    assert_eq!(next.selected, None);
    let far = overview.update(&ds, Event::Click(Some(99)));
    assert!(far.is_overview());
}

#[test]
fn click_on_a_sector_chart_selects_toggles_and_clears() {
    let ds = dataset();
    let standards = open(&ds, "agriculture", Some("standards-work"));
    let one = standards.update(&ds, Event::Click(Some(1)));
    assert_eq!((one.selected, one.focus), (Some(1), Some(1)));
    assert_eq!(one.sector.as_deref(), Some("agriculture"));

    let two = one.update(&ds, Event::Click(Some(2)));
    assert_eq!((two.selected, two.focus), (Some(2), Some(2)));

    let off = two.update(&ds, Event::Click(Some(2)));
    assert_eq!(
        off.selected, None,
        "a second click on the selection toggles it off"
    );
    assert_eq!(off.focus, Some(2));

    let hovered = two.update(&ds, Event::Hover(Some(0)));
    let cleared = hovered.update(&ds, Event::Click(None));
    assert_eq!(cleared.selected, None);
    assert_eq!(cleared.hover, None);
    assert_eq!(
        cleared.focus,
        Some(2),
        "a click on empty space keeps the keyboard focus"
    );

    // A click on a hidden slice counts as a click on empty space.
    let hid = apply(&ds, &one, &[Event::ToggleSlice(2), Event::Click(Some(2))]);
    assert_eq!(hid.selected, None);
}

#[test]
fn blur_clears_focus_only() {
    let ds = dataset();
    let state = apply(
        &ds,
        &open(&ds, "agriculture", Some("standards-work")),
        &[Event::Click(Some(1)), Event::Hover(Some(0))],
    );
    let blurred = state.update(&ds, Event::Blur);
    assert_eq!(blurred.focus, None);
    assert_eq!((blurred.selected, blurred.hover), (Some(1), Some(0)));
}

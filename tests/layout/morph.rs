//! Motion between two layouts of one chart: where it starts and ends, and what it passes.

use sector_charts::dataset::ChartKind;
use sector_charts::layout::morph::{between, can_morph, ease_out};
use sector_charts::layout::Layout;

use crate::common::*;

fn pie_and_donut() -> (Layout, Layout) {
    let chart = chart_nine_en();
    (
        run(&chart, &opts(ChartKind::Pie, 640.0, 480.0, 1.0)),
        run(&chart, &opts(ChartKind::Donut, 640.0, 480.0, 1.0)),
    )
}

fn angles(layout: &Layout) -> Vec<(f64, f64)> {
    layout
        .slices
        .iter()
        .map(|s| (s.start_angle, s.end_angle))
        .collect()
}

#[test]
fn easing_starts_at_zero_ends_at_one_and_never_goes_back() {
    assert_eq!(ease_out(0.0), 0.0);
    assert_eq!(ease_out(1.0), 1.0);
    assert_eq!(ease_out(2.0), 1.0);
    assert_eq!(ease_out(f64::NAN), 1.0);
    let steps: Vec<f64> = (0..=100).map(|i| ease_out(f64::from(i) / 100.0)).collect();
    assert!(steps.windows(2).all(|w| w[1] >= w[0]));
    // Quick start: half the way is covered in well under half the time.
    assert!(ease_out(0.25) > 0.5);
}

#[test]
fn a_pie_opens_into_a_donut_from_where_it_was() {
    let (pie, donut) = pie_and_donut();
    assert!(can_morph(&pie, &donut));
    let start = between(&pie, &donut, 0.0);
    assert_eq!(start.inner_radius, 0.0);
    assert_eq!(angles(&start), angles(&pie));
    let half = between(&pie, &donut, 0.5);
    assert!((half.inner_radius - donut.inner_radius / 2.0).abs() < EPS);
    assert_eq!(half.kind, ChartKind::Donut);
    assert!(half.labels.is_empty(), "labels wait for the end");
    assert_eq!(
        between(&pie, &donut, 1.0),
        donut,
        "the end is the new picture itself"
    );
}

#[test]
fn neighbours_close_the_gap_of_a_hidden_slice() {
    let chart = chart_nine_en();
    let o = opts(ChartKind::Pie, 640.0, 480.0, 1.0);
    let shown = run(&chart, &o);
    let hidden = run(&chart.clone().hide(3), &o);
    assert!(can_morph(&shown, &hidden));
    let mut last_sweep = f64::INFINITY;
    for step in 0..=10 {
        let frame = between(&shown, &hidden, f64::from(step) / 10.0);
        let sweep = frame.slices[3].sweep();
        assert!(sweep <= last_sweep + EPS, "the hidden slice only shrinks");
        last_sweep = sweep;
        // No gap and no overlap: each slice starts where the one before ends.
        for pair in frame.slices.windows(2) {
            assert!((pair[1].start_angle - pair[0].end_angle).abs() < 1e-9);
        }
        let end = frame.slices.last().map_or(0.0, |s| s.end_angle);
        assert!(
            (end - std::f64::consts::TAU).abs() < 1e-9,
            "the circle stays whole"
        );
    }
    assert_eq!(last_sweep, 0.0);
}

#[test]
fn bars_grow_from_their_baseline_when_a_circle_becomes_bars() {
    let chart = chart_nine_en();
    let pie = run(&chart, &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let bars = run(&chart, &opts(ChartKind::Bar, 640.0, 480.0, 1.0));
    let start = between(&pie, &bars, 0.0);
    let half = between(&pie, &bars, 0.5);
    for ((a, b), end) in start.slices.iter().zip(&half.slices).zip(&bars.slices) {
        assert_eq!(a.bar.w, 0.0);
        assert!((b.bar.w - end.bar.w / 2.0).abs() < EPS);
        assert_eq!(
            (b.bar.x, b.bar.y, b.bar.h),
            (end.bar.x, end.bar.y, end.bar.h)
        );
    }
    // And a circle sweeps in from 12 o'clock when bars become one.
    let swept = between(&bars, &pie, 0.5);
    for (s, end) in swept.slices.iter().zip(&pie.slices) {
        assert!((s.end_angle - end.end_angle / 2.0).abs() < EPS);
    }
}

#[test]
fn the_pulled_out_slice_follows_its_angle_while_it_moves() {
    let chart = chart_nine_en();
    let mut o = opts(ChartKind::Pie, 640.0, 480.0, 1.0);
    o.highlight = Some(2);
    let shown = run(&chart, &o);
    let hidden = run(&chart.clone().hide(0), &o);
    let frame = between(&shown, &hidden, 0.5);
    assert_eq!(frame.highlight, Some(2));
    let slice = &frame.slices[2];
    let (sin, cos) = slice.mid_angle().sin_cos();
    let pull = frame.pull;
    assert!(
        (slice.offset.x - pull * sin).abs() < 1e-9 && (slice.offset.y + pull * cos).abs() < 1e-9
    );
    for (i, s) in frame.slices.iter().enumerate() {
        if i != 2 {
            assert_eq!((s.offset.x, s.offset.y), (0.0, 0.0));
        }
    }
}

#[test]
fn other_slices_cannot_morph() {
    let o = opts(ChartKind::Pie, 640.0, 480.0, 1.0);
    let nine = run(&chart_nine_en(), &o);
    let two = run(&chart_two_cn(), &o);
    assert!(!can_morph(&nine, &two));
    assert!(can_morph(&nine, &nine));
}

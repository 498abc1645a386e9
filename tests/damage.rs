//! Redrawing only what changed: the regions `damage` finds between two drawings of a chart hold
//! every primitive that differs, stay small for a hover, and a clipped redraw draws there exactly
//! what a full drawing draws there.

use plotters_backend::DrawingBackend;

use sector_charts::damage::{damage, Clipped, Damage, Mark, Recorder};
use sector_charts::dataset::{built_in, ChartKind, Lang};
use sector_charts::describe::{layout_inputs, slice_texts};
use sector_charts::layout::{compute, ApproxMeasure, Layout, LayoutInput, Rect};
use sector_charts::render::{draw_chart, Paint};
use sector_charts::theme::Theme;
use sector_charts::view::ViewState;

const W: u32 = 640;
const H: u32 = 480;

/// What the widget shows: hover, focus, selection and the entry animation.
#[derive(Clone, Copy, Default)]
struct Look {
    hover: Option<usize>,
    focus: Option<usize>,
    selected: Option<usize>,
    unfinished: bool,
}

impl Look {
    fn hover(i: usize) -> Look {
        Look {
            hover: Some(i),
            ..Look::default()
        }
    }
}

fn base_layout(kind: ChartKind, lang: Lang) -> Layout {
    let dataset = built_in().expect("built-in dataset");
    let state = ViewState::new(lang);
    let chart = state.chart(&dataset).expect("the overview chart");
    let texts = slice_texts(chart, &state);
    let inputs = layout_inputs(&texts);
    compute(&LayoutInput {
        kind,
        slices: &inputs,
        width: f64::from(W),
        height: f64::from(H),
        font_px: 13.0,
        scale: 1.0,
        highlight: None,
        measure: &ApproxMeasure,
    })
}

/// The layout as the widget highlights it: hover, else selection, else focus.
fn layout_for(base: &Layout, look: Look) -> Layout {
    let mut layout = base.clone();
    layout.set_highlight(look.hover.or(look.selected).or(look.focus));
    layout
}

fn draw_on<DB: DrawingBackend>(backend: &mut DB, layout: &Layout, look: Look) {
    let theme = Theme::light();
    let paint = Paint {
        theme: &theme,
        font_px: 13.0,
        scale: 1.0,
        hover: look.hover,
        focus: look.focus,
        selected: look.selected,
        progress: if look.unfinished { 0.5 } else { 1.0 },
        origin: (0.0, 0.0),
        font_family: "sans-serif",
        other: None,
    };
    draw_chart(backend, layout, &paint).expect("recording never fails");
}

fn record(layout: &Layout, look: Look) -> Vec<Mark> {
    let mut recorder = Recorder::new((W, H), &ApproxMeasure);
    draw_on(&mut recorder, layout, look);
    recorder.into_marks()
}

fn inside_some(regions: &[Rect], r: &Rect) -> bool {
    r.is_empty() || regions.iter().any(|region| region.contains_rect(r, 1.0))
}

fn canvas() -> Rect {
    Rect::new(0.0, 0.0, f64::from(W), f64::from(H))
}

/// Checks `damage` between two looks and returns the regions (empty for a full redraw).
fn check_step(base: &Layout, from: Look, to: Look) -> Vec<Rect> {
    let (before, after) = (
        record(&layout_for(base, from), from),
        record(&layout_for(base, to), to),
    );
    let regions = match damage(&before, &after, f64::from(W), f64::from(H)) {
        Damage::None => {
            assert_eq!(before, after, "no damage only for the same drawing");
            return Vec::new();
        }
        Damage::Full => return Vec::new(),
        Damage::Regions(regions) => regions,
    };
    for (i, a) in regions.iter().enumerate() {
        assert!(a.w >= 1.0 && a.h >= 1.0, "a region has area: {a:?}");
        assert_eq!(
            (a.x.fract(), a.y.fract(), a.w.fract(), a.h.fract()),
            (0.0, 0.0, 0.0, 0.0),
            "whole pixels"
        );
        assert!(canvas().contains_rect(a, 0.0), "inside the canvas: {a:?}");
        for b in regions.iter().skip(i + 1) {
            assert!(!a.intersects(b), "regions do not overlap: {a:?} {b:?}");
        }
    }
    // Every primitive that is in one drawing and not the other lies in the regions (cut to the
    // canvas: nothing is drawn outside it).
    let cut = |r: &Rect| {
        let x = r.x.max(0.0);
        let y = r.y.max(0.0);
        Rect::new(
            x,
            y,
            (r.right().min(f64::from(W)) - x).max(0.0),
            (r.bottom().min(f64::from(H)) - y).max(0.0),
        )
    };
    for mark in after.iter().filter(|m| !before.contains(m)) {
        assert!(inside_some(&regions, &cut(&mark.bounds)), "new {mark:?}");
    }
    for mark in before.iter().filter(|m| !after.contains(m)) {
        assert!(inside_some(&regions, &cut(&mark.bounds)), "gone {mark:?}");
    }
    // The clipped redraw draws, in order, exactly the primitives of the full drawing that can
    // reach the regions.
    let mut seen = Recorder::new((W, H), &ApproxMeasure);
    {
        let mut clipped = Clipped::new(&mut seen, &regions, &ApproxMeasure);
        draw_on(&mut clipped, &layout_for(base, to), to);
    }
    let expected: Vec<Mark> = after
        .iter()
        .copied()
        .filter(|m| regions.iter().any(|r| r.intersects(&m.bounds)))
        .collect();
    assert_eq!(seen.into_marks(), expected);
    regions
}

#[test]
fn the_same_drawing_has_no_damage() {
    let base = base_layout(ChartKind::Donut, Lang::En);
    for look in [Look::default(), Look::hover(3)] {
        let marks = record(&layout_for(&base, look), look);
        assert!(!marks.is_empty());
        assert_eq!(damage(&marks, &marks, 640.0, 480.0), Damage::None);
    }
}

#[test]
fn a_hover_moving_to_the_next_slice_redraws_a_small_part() {
    for kind in ChartKind::ALL {
        for lang in [Lang::En, Lang::Zh] {
            let base = base_layout(kind, lang);
            let n = base.slices.len();
            let mut steps = vec![(Look::default(), Look::hover(0))];
            steps.extend((1..n).map(|i| (Look::hover(i - 1), Look::hover(i))));
            steps.push((Look::hover(n - 1), Look::default()));
            for (from, to) in steps {
                let regions = check_step(&base, from, to);
                let area: f64 = regions.iter().map(|r| r.w * r.h).sum();
                assert!(!regions.is_empty(), "{kind:?} {lang:?}: a region, not all");
                // The bar of a slice is a thin row; a pie's neighbours share a corner.
                assert!(
                    area < 0.45 * f64::from(W * H),
                    "{kind:?} {lang:?}: {area} px² of {}",
                    W * H
                );
            }
        }
    }
}

#[test]
fn focus_selection_and_animation_steps_hold_every_change() {
    let base = base_layout(ChartKind::Donut, Lang::En);
    let focus = |i| Look {
        focus: Some(i),
        ..Look::default()
    };
    let selected = |i| Look {
        selected: Some(i),
        ..Look::default()
    };
    let unfinished = Look {
        unfinished: true,
        ..Look::default()
    };
    for (from, to) in [
        (focus(0), focus(1)),
        (Look::hover(2), focus(2)),
        (Look::default(), selected(4)),
        (selected(4), selected(5)),
        (unfinished, Look::default()),
        (Look::hover(1), Look::hover(7)),
    ] {
        check_step(&base, from, to);
    }
}

#[test]
fn the_same_primitives_in_another_order_redraw_everything() {
    let mark = |key, x| Mark {
        key,
        bounds: Rect::new(x, 0.0, 10.0, 10.0),
    };
    let before = [mark(1, 0.0), mark(2, 5.0)];
    let after = [mark(2, 5.0), mark(1, 0.0)];
    assert_eq!(damage(&before, &after, 100.0, 100.0), Damage::Full);
}

#[test]
fn regions_are_merged_cut_to_the_canvas_and_whole_pixels() {
    let mark = |key, bounds| Mark { key, bounds };
    let before = [
        mark(1, Rect::new(10.2, 10.7, 5.0, 5.0)),
        mark(2, Rect::new(-20.0, 90.0, 30.0, 30.0)),
    ];
    let after = [
        mark(3, Rect::new(12.0, 12.0, 10.0, 2.0)),
        mark(4, Rect::new(60.0, 60.0, 4.0, 4.0)),
    ];
    let Damage::Regions(mut regions) = damage(&before, &after, 100.0, 100.0) else {
        panic!("regions expected");
    };
    regions.sort_by(|a, b| a.y.total_cmp(&b.y));
    assert_eq!(
        regions,
        vec![
            Rect::new(10.0, 10.0, 12.0, 6.0),
            Rect::new(60.0, 60.0, 4.0, 4.0),
            Rect::new(0.0, 90.0, 10.0, 10.0),
        ]
    );
    // Most of the canvas: one full redraw.
    let big = [mark(5, Rect::new(0.0, 0.0, 90.0, 90.0))];
    assert_eq!(damage(&before, &big, 100.0, 100.0), Damage::Full);
}

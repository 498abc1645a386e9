//! Degenerate, huge and broken input lays out without panicking; moving the highlight equals
//! laying out again.

use sector_charts::dataset::ChartKind;
use sector_charts::layout::{
    bar_preferred_height, compute, wrap_text, ApproxMeasure, Layout, LayoutInput, Point,
    TextMeasure,
};

use crate::common::*;
use crate::invariants::*;
use crate::random::*;

struct BrokenMeasure;
impl TextMeasure for BrokenMeasure {
    fn width(&self, text: &str, _font_px: f64) -> f64 {
        if text.len() & 1 == 0 {
            f64::NAN
        } else {
            f64::NEG_INFINITY
        }
    }
}

fn assert_no_hits(l: &Layout) {
    for yi in -2..=22 {
        for xi in -2..=22 {
            let (x, y) = (xi as f64 * l.width / 20.0, yi as f64 * l.height / 20.0);
            assert_eq!(l.hit_test(x, y), None, "hit on an empty chart at {x},{y}");
        }
    }
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = Chart::values(&[]);
    let all_hidden = Chart::values(&[1.0, 2.0]).hide(0).hide(1);
    let all_zero = Chart::values(&[0.0, 0.0, 0.0]);
    let bad = Chart::values(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -5.0]);
    for chart in [&empty, &all_hidden, &all_zero, &bad] {
        for kind in ChartKind::ALL {
            for (w, h) in [(0.0, 0.0), (1.0, 1.0), (640.0, 480.0), (f64::NAN, -3.0)] {
                for hl in [None, Some(0), Some(usize::MAX)] {
                    let mut o = opts(kind, w, h, 1.0);
                    o.highlight = hl;
                    let l = run(chart, &o);
                    assert_finite_layout(&l);
                    assert_eq!(l.total, 0.0);
                    assert!(l.slices.iter().all(|g| g.share == 0.0 && g.sweep() == 0.0));
                    assert!(kind == ChartKind::Bar || l.labels.is_empty());
                    assert_eq!(l.highlight, None);
                    let has_rows = chart.hidden.iter().any(|h| !*h);
                    if kind == ChartKind::Bar && has_rows {
                        // Zero-valued bars keep their rows (category and "0" shown).
                        check_bar(&l, chart, 13.0, 1.0, "zero bars");
                    } else {
                        assert_no_hits(&l);
                    }
                    assert!(l.arc_points(0, l.radius, 0.0, 0.1).is_empty());
                }
            }
        }
    }
    // NaN / inf among normal values count as zero.
    let mixed = Chart::values(&[f64::NAN, 3.0, f64::INFINITY, 1.0]);
    let l = run(&mixed, &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
    assert_eq!(shares, vec![0.0, 0.75, 0.0, 0.25]);
    check_pie(&l, 13.0, "mixed");

    // Zero / tiny canvases with real data.
    for kind in ChartKind::ALL {
        for (w, h) in [
            (0.0, 0.0),
            (1.0, 1.0),
            (3.0, 500.0),
            (500.0, 3.0),
            (1e7, 1e7),
        ] {
            let l = run(&chart_nine_en(), &opts(kind, w, h, 1.0));
            assert_finite_layout(&l);
            if kind.is_circular() {
                check_pie(&l, 13.0, "tiny");
            }
            if w <= 1.0 {
                assert_no_hits(&l);
                assert!(l.labels.is_empty());
            }
        }
    }

    // Bad font, scale and measurer.
    let chart = chart_two_cn();
    let inputs = chart.inputs();
    for kind in ChartKind::ALL {
        for (font, scale) in [
            (0.0, 0.0),
            (f64::NAN, f64::NAN),
            (-1.0, f64::INFINITY),
            (1e9, 1e9),
        ] {
            let measures: [&dyn TextMeasure; 2] = [&ApproxMeasure, &BrokenMeasure];
            for measure in measures {
                let l = compute(&LayoutInput {
                    kind,
                    slices: &inputs,
                    width: 640.0,
                    height: 480.0,
                    font_px: font,
                    scale,
                    highlight: Some(1),
                    measure,
                });
                assert_finite_layout(&l);
                assert_no_overlaps(&l.labels, "bad font");
            }
        }
    }
    assert!(bar_preferred_height(0, f64::NAN, f64::NAN).is_finite());
    assert!(bar_preferred_height(usize::MAX, 13.0, 1.0).is_finite());
}

#[test]
fn huge_labels_and_many_slices() {
    let big_cn = "质".repeat(1 << 20);
    let big_en = "abcdefghij ".repeat(100_000);
    let chart = Chart::new(&[
        (big_cn.as_str(), 3.0, big_en.as_str()),
        (big_en.as_str(), 2.0, "2"),
        ("", 1.0, ""),
    ]);
    for kind in ChartKind::ALL {
        for (w, h) in SIZES {
            let l = run(&chart, &opts(kind, w, h, 1.0));
            assert!(l
                .labels
                .iter()
                .all(|lab| lab.lines.concat().chars().count() <= 420));
            if kind.is_circular() {
                check_pie(&l, 13.0, "huge labels");
            } else {
                check_bar(&l, &chart, 13.0, 1.0, "huge labels");
            }
        }
    }

    let values: Vec<f64> = (0..10_000).map(|i| ((i * 7919) % 1000) as f64).collect();
    let chart = Chart::values(&values).hide(17);
    for kind in ChartKind::ALL {
        let mut o = opts(kind, 1200.0, 600.0, 2.0);
        o.highlight = Some(5);
        let l = run(&chart, &o);
        assert_eq!(l.slices.len(), 10_000);
        assert_finite_layout(&l);
        if kind.is_circular() {
            check_pie(&l, 26.0, "10k");
            let mut rng = XorShift(42);
            for _ in 0..2000 {
                let x = rng.unit() * l.width;
                let y = rng.unit() * l.height;
                assert_eq!(l.hit_test(x, y), reference_hit(&l, x, y));
            }
        } else {
            for g in l.slices.iter().step_by(97).filter(|g| !g.hidden) {
                let c = g.band.center();
                assert_eq!(l.hit_test(c.x, c.y), Some(g.index));
            }
        }
    }
}

#[test]
fn ten_thousand_slices_lay_out_completely() {
    // How fast is a benchmark's question (`make bench`); here: all of them, and hit where drawn.
    let values: Vec<f64> = (0..10_000)
        .map(|i| 1.0 + ((i * 7919) % 1000) as f64)
        .collect();
    let chart = Chart::values(&values);
    let inputs = chart.inputs();
    for kind in ChartKind::ALL {
        let l = compute(&LayoutInput {
            kind,
            slices: &inputs,
            width: 2400.0,
            height: 1200.0,
            font_px: 26.0,
            scale: 2.0,
            highlight: Some(3),
            measure: &ApproxMeasure,
        });
        assert_eq!(l.slices.len(), 10_000);
        let total: f64 = l.slices.iter().map(|s| s.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{kind}: shares sum to {total}");
    }
}

#[test]
fn hyphenated_words_break_after_the_hyphen() {
    let lines = wrap_text("New agri-standard projects", 80.0, 13.0, &ApproxMeasure);
    assert!(lines.iter().any(|l| l.ends_with("agri-")), "{lines:?}");
    assert_eq!(
        lines.concat().replace(' ', ""),
        "Newagri-standardprojects",
        "{lines:?}"
    );
    // On one line the word stays whole, with no space inserted.
    assert_eq!(
        wrap_text("agri-standard", 1000.0, 13.0, &ApproxMeasure),
        ["agri-standard"]
    );
}

#[test]
fn moving_the_highlight_equals_laying_out_again() {
    // A hover moves the pull-out on the layout it has instead of laying the chart out again:
    // after any sequence of moves the layout must be the one a fresh layout gives.
    for kind in ChartKind::ALL {
        for chart in [chart_nine_en(), chart_two_cn(), chart_share()] {
            let n = chart.labels.len();
            let mut moved = run(&chart, &opts(kind, 640.0, 480.0, 2.0));
            let sequence =
                (0..n)
                    .map(Some)
                    .chain([None, Some(n), Some(n - 1), Some(0), Some(0), None]);
            for hl in sequence {
                moved.set_highlight(hl);
                let mut o = opts(kind, 640.0, 480.0, 2.0);
                o.highlight = hl;
                assert_eq!(moved, run(&chart, &o), "{kind:?}, highlight {hl:?}");
            }
        }
    }
}

#[test]
fn a_hovered_pulled_out_slice_keeps_the_place_it_left() {
    let chart = chart_nine_en();
    for kind in [ChartKind::Pie, ChartKind::Donut] {
        for hl in 0..chart.labels.len() {
            let mut o = opts(kind, 640.0, 480.0, 1.0);
            o.highlight = Some(hl);
            let l = run(&chart, &o);
            let Some(g) = l.slices.get(hl) else {
                panic!("missing slice")
            };
            if g.offset == Point::ZERO {
                continue;
            }
            // Inside the slice's old place, just past its pulled-out inner edge or side.
            let r = (l.inner_radius + 1.0).max(2.0);
            let vacated = at(&l, g.mid_angle(), r, Point::ZERO);
            assert_eq!(hit(&l, vacated), None, "{kind:?} {hl}: empty for a click");
            assert_eq!(
                l.hover_test(vacated.x, vacated.y, Some(hl)),
                Some(hl),
                "{kind:?} {hl}: still hovered"
            );
            // Only for the slice that is hovered, and nowhere else.
            let other = (hl + 1) % chart.labels.len();
            assert_eq!(l.hover_test(vacated.x, vacated.y, Some(other)), None);
            assert_eq!(l.hover_test(vacated.x, vacated.y, None), None);
            assert_eq!(
                l.hover_test(l.center.x + 9999.0, l.center.y, Some(hl)),
                None
            );
            let beside = at(&l, g.mid_angle() + g.sweep(), l.radius * 0.8, Point::ZERO);
            assert_eq!(
                l.hover_test(beside.x, beside.y, Some(hl)),
                hit(&l, beside),
                "{kind:?} {hl}: a neighbour is hit as usual"
            );
        }
    }
}

//! Hit testing of pie, donut and bar slices, and bar rows with their labels.

use std::f64::consts::{FRAC_PI_2, PI};

use sector_charts::dataset::ChartKind;
use sector_charts::layout::{
    bar_preferred_height, is_wide, ApproxMeasure, LabelRole, Point, TextMeasure,
};

use crate::common::*;
use crate::invariants::*;
use crate::random::*;

#[test]
fn pie_hit_test_agrees_with_slice_edges() {
    let charts = [
        chart_nine_en(),
        chart_two_cn(),
        Chart::values(&[3.0, 0.0, 1.0, 5.0, 0.5, 2.0]).hide(3),
        Chart::values(&[1.0; 100]),
    ];
    for chart in &charts {
        for kind in [ChartKind::Pie, ChartKind::Donut] {
            for (w, h) in SIZES {
                let l = run(chart, &opts(kind, w, h, 2.0));
                assert!(l.radius > 0.0);
                let r_mid = (l.inner_radius + l.radius) / 2.0;
                let visible: Vec<_> = l.slices.iter().filter(|g| g.sweep() > 0.0).collect();
                for (k, g) in visible.iter().enumerate() {
                    let eps = 1e-7;
                    let inside = at(&l, g.start_angle + eps, r_mid, Point::ZERO);
                    assert_eq!(hit(&l, inside), Some(g.index), "just after start");
                    let before_end = at(&l, g.end_angle - eps, r_mid, Point::ZERO);
                    assert_eq!(hit(&l, before_end), Some(g.index), "just before end");
                    let prev = if k == 0 {
                        visible.last()
                    } else {
                        visible.get(k - 1)
                    };
                    let before = at(&l, g.start_angle - eps, r_mid, Point::ZERO);
                    assert_eq!(hit(&l, before), prev.map(|p| p.index), "just before start");
                    // Radial extent.
                    let mid = g.mid_angle();
                    let near_out = at(&l, mid, l.radius - 1e-6, Point::ZERO);
                    assert_eq!(hit(&l, near_out), Some(g.index));
                    let outside = at(&l, mid, l.radius + 0.5, Point::ZERO);
                    assert_eq!(hit(&l, outside), None);
                    if kind == ChartKind::Donut {
                        let in_hole = at(&l, mid, l.inner_radius - 0.5, Point::ZERO);
                        assert_eq!(hit(&l, in_hole), None);
                        let ring_in = at(&l, mid, l.inner_radius + 1e-6, Point::ZERO);
                        assert_eq!(hit(&l, ring_in), Some(g.index));
                    }
                }
                let c = l.center;
                if kind == ChartKind::Donut {
                    assert_eq!(l.hit_test(c.x, c.y), None, "donut hole centre");
                } else {
                    assert!(l.hit_test(c.x, c.y).is_some());
                }
                assert_eq!(l.hit_test(0.0, 0.0), None);
                assert_eq!(l.hit_test(f64::NAN, c.y), None);
                assert_eq!(l.hit_test(c.x + l.radius * 2.0, c.y), None);
            }
        }
    }
}

#[test]
fn exact_boundary_angles_belong_to_the_starting_slice() {
    let l = run(
        &Chart::values(&[1.0, 1.0, 1.0, 1.0]),
        &opts(ChartKind::Pie, 640.0, 480.0, 1.0),
    );
    let starts: Vec<f64> = l.slices.iter().map(|g| g.start_angle).collect();
    assert_eq!(starts, vec![0.0, FRAC_PI_2, PI, 3.0 * FRAC_PI_2]);
    let (c, r) = (l.center, l.radius / 2.0);
    assert_eq!(l.hit_test(c.x, c.y - r), Some(0)); // 12 o'clock: angle exactly 0
    assert_eq!(l.hit_test(c.x + r, c.y), Some(1)); // 3 o'clock: exactly π/2
    assert_eq!(l.hit_test(c.x, c.y + r), Some(2)); // 6 o'clock: exactly π
    assert_eq!(l.hit_test(c.x - r, c.y), Some(3)); // 9 o'clock
                                                   // Just left of 12 o'clock is the last slice.
    assert_eq!(l.hit_test(c.x - 1e-9, c.y - r), Some(3));
}

#[test]
fn pulled_out_slice_is_hit_at_its_offset_position() {
    for kind in [ChartKind::Pie, ChartKind::Donut] {
        for chart in [chart_nine_en(), chart_two_cn(), chart_share()] {
            for hl in 0..chart.labels.len() {
                let mut o = opts(kind, 640.0, 480.0, 2.0);
                o.highlight = Some(hl);
                let l = run(&chart, &o);
                assert_eq!(l.highlight, Some(hl));
                let Some(g) = l.slices.get(hl) else {
                    panic!("missing slice")
                };
                let off = g.offset;
                assert!((off.x.hypot(off.y) - l.pull).abs() < 1e-9 && l.pull > 0.0);
                let mid = g.mid_angle();
                // Beyond the original radius, but inside the pulled slice.
                let p = at(&l, mid, l.radius - 1.0, off);
                assert!(p.distance(l.center) > l.radius);
                assert_eq!(hit(&l, p), Some(hl));
                assert_eq!(
                    hit(&l, at(&l, g.start_angle + 1e-6, l.radius * 0.8, off)),
                    Some(hl)
                );
                assert_eq!(hit(&l, at(&l, mid, l.radius + 1.0, off)), None);
                if kind == ChartKind::Donut {
                    // The vacated strip at the inner edge is empty now.
                    let p = at(&l, mid, l.inner_radius + l.pull / 2.0, Point::ZERO);
                    assert_eq!(hit(&l, p), None);
                    assert_eq!(l.hit_test(l.center.x, l.center.y), None);
                }
                // Other slices are unaffected.
                for other in l
                    .slices
                    .iter()
                    .filter(|s| s.index != hl && s.sweep() > 1e-3)
                {
                    assert_eq!(other.offset, Point::ZERO);
                    let p = at(&l, other.mid_angle(), l.radius - 0.5, Point::ZERO);
                    assert_eq!(hit(&l, p), Some(other.index));
                }
                // Labels still clear of the pulled slice.
                check_pie(&l, 26.0, "highlight");
            }
        }
    }
}

#[test]
fn hidden_slices_are_never_hit() {
    let chart = Chart::values(&[5.0, 3.0, 8.0, 1.0, 4.0]).hide(1).hide(3);
    for kind in ChartKind::ALL {
        for hl in [None, Some(1), Some(2)] {
            let mut o = opts(kind, 640.0, 480.0, 1.0);
            o.highlight = hl;
            let l = run(&chart, &o);
            if hl == Some(1) {
                assert_eq!(l.highlight, None, "hidden slice cannot be highlighted");
            }
            let mut seen = [false; 5];
            for yi in 0..=96 {
                for xi in 0..=128 {
                    let (x, y) = (xi as f64 * 5.0, yi as f64 * 5.0);
                    if let Some(i) = l.hit_test(x, y) {
                        assert!(i != 1 && i != 3, "hidden slice hit");
                        if let Some(s) = seen.get_mut(i) {
                            *s = true;
                        }
                    }
                }
            }
            assert_eq!(seen, [true, false, true, false, true], "{kind}");
        }
    }
}

#[test]
fn pie_hit_test_matches_brute_force() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..60 {
        let chart = random_chart(&mut rng);
        let kind = if round % 2 == 0 {
            ChartKind::Pie
        } else {
            ChartKind::Donut
        };
        let mut o = opts(
            kind,
            200.0 + rng.below(1000) as f64,
            150.0 + rng.below(700) as f64,
            1.0,
        );
        o.highlight = Some(rng.below(chart.labels.len() as u64 + 1) as usize);
        let l = run(&chart, &o);
        for _ in 0..400 {
            let x = rng.unit() * l.width;
            let y = rng.unit() * l.height;
            assert_eq!(
                l.hit_test(x, y),
                reference_hit(&l, x, y),
                "round {round} at {x},{y}"
            );
        }
    }
}

#[test]
fn bar_hit_test_bars_bands_and_gaps() {
    let chart = chart_nine_en().hide(4);
    for (w, h) in SIZES {
        for dpr in [1.0, 2.0] {
            let l = run(&chart, &opts(ChartKind::Bar, w, h, dpr));
            check_bar(&l, &chart, 13.0 * dpr, dpr, "bar hit");
            let visible: Vec<_> = l.slices.iter().filter(|g| !g.hidden).collect();
            assert_eq!(visible.len(), 8);
            for g in &visible {
                assert!(g.bar.w > 0.0);
                let c = g.bar.center();
                assert_eq!(l.hit_test(c.x, c.y), Some(g.index), "bar centre");
                // The whole band counts, including the label on the left.
                assert_eq!(l.hit_test(g.band.x + 0.5, c.y), Some(g.index));
                assert_eq!(l.hit_test(g.band.right() - 0.5, c.y), Some(g.index));
                assert_eq!(l.hit_test(g.band.x - 0.5, c.y), None);
                assert_eq!(l.hit_test(g.band.right() + 0.5, c.y), None);
                // Gaps between bands.
                assert_eq!(l.hit_test(c.x, g.band.bottom()), None);
                assert_eq!(l.hit_test(c.x, g.band.y - 1e-9), None);
                assert_eq!(l.hit_test(c.x, g.band.y), Some(g.index));
            }
            assert_eq!(l.hit_test(l.width / 2.0, 0.0), None);
            assert_eq!(l.hit_test(l.width / 2.0, l.height * 10.0), None);
            assert_eq!(l.hit_test(-5.0, l.height / 2.0), None);
            // Hidden slice: an empty band, in order.
            let Some(hidden) = l.slices.get(4) else {
                panic!("missing slice")
            };
            assert!(hidden.band.is_empty());
            // Rows keep the input order.
            let ys: Vec<f64> = visible.iter().map(|g| g.bar.y).collect();
            assert!(ys.windows(2).all(|p| matches!(p, [a, b] if a < b)));
        }
    }
}

#[test]
fn bar_rows_and_labels() {
    for chart in realistic() {
        for (w, h) in SIZES {
            for dpr in [1.0, 2.0] {
                let l = run(&chart, &opts(ChartKind::Bar, w, h, dpr));
                check_bar(&l, &chart, 13.0 * dpr, dpr, "realistic bar");
                // Every row shows its value text, and the biggest bar leaves room for it.
                for g in &l.slices {
                    assert!(l
                        .labels
                        .iter()
                        .any(|lab| lab.slice == g.index && lab.role == LabelRole::Value));
                }
                let n_cat = l
                    .labels
                    .iter()
                    .filter(|lab| lab.role == LabelRole::Category)
                    .count();
                assert_eq!(n_cat, chart.labels.len(), "category labels at {w}x{h}");
                // Category column no wider than 35 % of the canvas (plus the padding, the
                // clearance kept for the focus ring and the gap before the bars: 8 px each).
                assert!(l.plot.x <= 0.35 * l.width + 24.0 * dpr + EPS);
            }
        }
    }
    // Many rows: at least the minimum row height, even past the canvas.
    let chart = Chart::values(&[1.0; 60]);
    let l = run(&chart, &opts(ChartKind::Bar, 360.0, 300.0, 1.0));
    let pref = bar_preferred_height(60, 13.0, 1.0);
    assert!(pref > 300.0);
    assert!((l.plot.bottom() - (pref - 8.0)).abs() < 1e-6);
    check_bar(&l, &chart, 13.0, 1.0, "tall bar");
    let l = run(&chart, &opts(ChartKind::Bar, 360.0, pref, 1.0));
    check_bar(&l, &chart, 13.0, 1.0, "grown bar");
    assert!(l
        .labels
        .iter()
        .all(|lab| canvas(&l).contains_rect(&lab.bounds, EPS)));
    // Few rows: at most three lines high.
    let l = run(
        &Chart::values(&[1.0, 2.0]),
        &opts(ChartKind::Bar, 640.0, 2000.0, 1.0),
    );
    let band_h = l.slices.iter().map(|g| g.band.h).fold(0.0, f64::max);
    assert!(band_h <= 3.0 * 17.0 + EPS);
}

/// A line's width drawn bold, by the approximate measure: CJK ideographs keep their width,
/// everything else widens by 15 % (about what DejaVu Sans Bold does).
fn bold_line_width(line: &str, font: f64) -> f64 {
    line.chars()
        .map(|c| {
            let w = ApproxMeasure.width(&c.to_string(), font);
            if is_wide(c) {
                w
            } else {
                1.15 * w
            }
        })
        .sum()
}

#[test]
fn labels_are_drawn_bold_only_where_bold_fits() {
    // A selected slice's texts are drawn bold: where that is marked as fitting, a text aligned
    // on its right does not then run off the left edge, nor one aligned on its left the right.
    let long = Chart::new(&[
        (
            "New market entities registered",
            207_100.0,
            "207.1 thousand market entities",
        ),
        (
            "Other market entities",
            2_354_900.0,
            "2.35 million market entities",
        ),
    ]);
    let (mut fits, mut not) = (0, 0);
    for chart in realistic().into_iter().chain([long]) {
        for kind in ChartKind::ALL {
            for (w, h) in SIZES {
                let l = run(&chart, &opts(kind, w, h, 1.0));
                for label in &l.labels {
                    if !label.bold_fits {
                        not += 1;
                        continue;
                    }
                    fits += 1;
                    let bold = label
                        .lines
                        .iter()
                        .map(|line| bold_line_width(line, 13.0))
                        .fold(0.0, f64::max);
                    let (from, to) = if label.align_right {
                        (label.anchor.x - bold, label.anchor.x)
                    } else {
                        (label.anchor.x, label.anchor.x + bold)
                    };
                    assert!(
                        from >= 0.0 && to <= l.width,
                        "{kind:?} {:?} at {w}: bold from {from} to {to}",
                        label.lines
                    );
                }
            }
        }
    }
    // Most labels have the room; the widest of a column that reaches the canvas's edge, such as
    // the long bar category at 360 px, does not.
    assert!(fits > 3 * not && not > 0, "{fits} fit bold, {not} do not");
}

//! Pie labels: no overlaps, their words, which ones a crowded or narrow chart keeps.

use std::f64::consts::PI;

use sector_charts::dataset::ChartKind;
use sector_charts::layout::MIN_RADIUS_FRACTION;

use crate::common::*;
use crate::invariants::*;

#[test]
fn realistic_pie_labels_do_not_overlap() {
    for chart in realistic() {
        for kind in [ChartKind::Pie, ChartKind::Donut] {
            for (w, h) in SIZES {
                for dpr in [1.0, 2.0] {
                    for hl in [None, Some(0), Some(1)] {
                        let mut o = opts(kind, w, h, dpr);
                        o.highlight = hl;
                        let l = run(&chart, &o);
                        let what = format!("{kind} {w}x{h}@{dpr} {:?}", chart.labels.first());
                        check_pie(&l, 13.0 * dpr, &what);
                        assert!(
                            l.radius >= MIN_RADIUS_FRACTION * (w.min(h) * dpr) / 2.0 - EPS,
                            "{what}"
                        );
                        if w >= 640.0 {
                            assert!(!l.labels.is_empty(), "{what}: no labels");
                        }
                        if chart.labels.len() == 2 {
                            assert_eq!(l.labels.len(), 2, "{what}: both labels shown");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn pie_label_content() {
    let l = run(&chart_two_cn(), &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let texts: Vec<String> = l.labels.iter().map(|lab| lab.lines.join("")).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("5581 家") && t.contains("76.1%")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("1754 家") && t.contains("23.9%")),
        "{texts:?}"
    );
    for lab in &l.labels {
        // Value line(s) come last.
        assert!(lab.lines.last().is_some_and(|s| s.ends_with('%')));
    }
    // The first slice (23.9 %, mid-angle < π) is on the right, the second on the left.
    let Some(small) = l.labels.iter().find(|lab| lab.slice == 0) else {
        panic!("no label for the small slice")
    };
    assert!(!small.align_right && small.bounds.x > l.center.x);
    let Some(big) = l.labels.iter().find(|lab| lab.slice == 1) else {
        panic!("no label for the big slice")
    };
    assert!(big.align_right && big.bounds.right() < l.center.x);
}

#[test]
fn crowded_columns_drop_the_smallest_labels_first() {
    // 30 similar slices in a short canvas: not all labels fit.
    let values: Vec<f64> = (0..30).map(|i| 10.0 + i as f64).collect();
    let chart = Chart::values(&values);
    let l = run(&chart, &opts(ChartKind::Pie, 900.0, 300.0, 1.0));
    check_pie(&l, 13.0, "crowded");
    assert!(!l.labels.is_empty() && l.labels.len() < 30);
    for right in [true, false] {
        let col: Vec<usize> = l
            .labels
            .iter()
            .filter(|lab| lab.align_right != right)
            .map(|lab| lab.slice)
            .collect();
        let same_side = |g: &&sector_charts::layout::SliceGeom| (g.mid_angle() < PI) == right;
        let dropped_max = l
            .slices
            .iter()
            .filter(same_side)
            .filter(|g| !col.contains(&g.index))
            .map(|g| g.share)
            .fold(0.0, f64::max);
        let kept_min = l
            .slices
            .iter()
            .filter(same_side)
            .filter(|g| col.contains(&g.index))
            .map(|g| g.share)
            .fold(f64::INFINITY, f64::min);
        assert!(dropped_max <= kept_min, "a bigger slice lost its label");
    }
    // Tiny slices get no label.
    let l = run(
        &Chart::values(&[1000.0, 1.0, 500.0]),
        &opts(ChartKind::Pie, 1200.0, 600.0, 1.0),
    );
    assert!(l.labels.iter().all(|lab| lab.slice != 1));
    assert_eq!(l.labels.len(), 2);
}

#[test]
fn narrow_canvases_shrink_the_radius_or_drop_labels() {
    for (w, dpr) in [
        (320.0, 1.0),
        (320.0, 2.0),
        (360.0, 3.0),
        (200.0, 1.0),
        (120.0, 2.0),
    ] {
        for chart in realistic() {
            for kind in [ChartKind::Pie, ChartKind::Donut] {
                let l = run(&chart, &opts(kind, w, 300.0, dpr));
                check_pie(&l, 13.0 * dpr, "narrow");
                let min_r = MIN_RADIUS_FRACTION * (w.min(300.0) * dpr) / 2.0;
                assert!(l.radius >= min_r - EPS);
                if l.labels.is_empty() {
                    // Without labels the circle takes the whole canvas.
                    let full = (w.min(300.0) * dpr) / 2.0 - 8.0 * dpr - l.pull;
                    assert!((l.radius - full).abs() < EPS);
                }
            }
        }
    }
    // A wide canvas leaves the radius limited by the height.
    let l = run(&chart_two_cn(), &opts(ChartKind::Pie, 1200.0, 600.0, 1.0));
    assert!(l.radius > 250.0);
    // Short labels let the circle grow compared to long ones.
    let short = run(&chart_share(), &opts(ChartKind::Pie, 700.0, 480.0, 1.0));
    let long = run(&chart_nine_en(), &opts(ChartKind::Pie, 700.0, 480.0, 1.0));
    assert!(short.radius > long.radius);
}

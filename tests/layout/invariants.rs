//! What every layout must hold: finite numbers, labels inside the canvas and apart, text as
//! given, pie and bar geometry, and a brute-force hit test to compare with.

use std::f64::consts::{PI, TAU};

use sector_charts::layout::{
    bar_preferred_height, ApproxMeasure, Label, LabelRole, Layout, Point, Rect, TextMeasure,
};

use crate::common::*;

pub fn assert_finite_layout(l: &Layout) {
    let mut nums = vec![
        l.width,
        l.height,
        l.total,
        l.center.x,
        l.center.y,
        l.radius,
        l.inner_radius,
        l.pull,
        l.plot.x,
        l.plot.y,
        l.plot.w,
        l.plot.h,
        l.line_width,
    ];
    for g in &l.slices {
        nums.extend([
            g.share,
            g.start_angle,
            g.end_angle,
            g.offset.x,
            g.offset.y,
            g.bar.x,
            g.bar.y,
            g.bar.w,
            g.bar.h,
            g.band.x,
            g.band.y,
            g.band.w,
            g.band.h,
        ]);
    }
    for lab in &l.labels {
        nums.extend([
            lab.anchor.x,
            lab.anchor.y,
            lab.bounds.x,
            lab.bounds.y,
            lab.bounds.w,
            lab.bounds.h,
            lab.line_height,
        ]);
        nums.extend(lab.leader.iter().flat_map(|p| [p.x, p.y]));
    }
    assert!(
        nums.iter().all(|v| v.is_finite()),
        "non-finite number in layout"
    );
    assert!(l.radius >= 0.0 && l.inner_radius >= 0.0 && l.inner_radius <= l.radius);
}

pub fn canvas(l: &Layout) -> Rect {
    Rect::new(0.0, 0.0, l.width, l.height)
}

pub fn assert_no_overlaps(labels: &[Label], what: &str) {
    for (i, a) in labels.iter().enumerate() {
        for b in labels.iter().skip(i + 1) {
            assert!(
                !a.bounds.intersects(&b.bounds),
                "{what}: labels overlap: {:?} {:?} / {:?} {:?}",
                a.lines,
                a.bounds,
                b.lines,
                b.bounds
            );
        }
    }
}

pub fn assert_label_text(l: &Layout, lab: &Label, font_px: f64) {
    assert!(!lab.lines.is_empty());
    assert!((lab.bounds.h - lab.lines.len() as f64 * lab.line_height).abs() < EPS);
    for line in &lab.lines {
        assert!(!line.is_empty());
        let w = ApproxMeasure.width(line, font_px);
        assert!(w <= lab.bounds.w + EPS, "line wider than its box: {line}");
    }
    let ax = if lab.align_right {
        lab.bounds.right()
    } else {
        lab.bounds.x
    };
    assert!((lab.anchor.x - ax).abs() < EPS && (lab.anchor.y - lab.bounds.y).abs() < EPS);
    assert!(lab.slice < l.slices.len());
}

/// Pie/donut label invariants: inside the canvas, off the circle (incl. pull-out), no
/// overlaps, right/left column by mid-angle, sorted by height, leaders from the arc edge.
pub fn check_pie(l: &Layout, font_px: f64, what: &str) {
    assert_finite_layout(l);
    let canvas = canvas(l);
    for lab in &l.labels {
        assert_eq!(lab.role, LabelRole::Slice);
        assert_label_text(l, lab, font_px);
        assert!(
            canvas.contains_rect(&lab.bounds, EPS),
            "{what}: label outside canvas {:?} {:?}",
            lab.lines,
            lab.bounds
        );
        let d = lab.bounds.distance_to(l.center);
        assert!(
            d > l.radius + l.pull,
            "{what}: label over the circle: d={d} r={} {:?}",
            l.radius,
            lab.lines
        );
        let Some(g) = l.slices.get(lab.slice) else {
            panic!("label for unknown slice")
        };
        assert!(!g.hidden && g.share > 0.0);
        let right = g.mid_angle() < PI;
        assert_eq!(lab.align_right, !right, "{what}: wrong column");
        if right {
            assert!(lab.bounds.x > l.center.x + l.radius);
        } else {
            assert!(lab.bounds.right() < l.center.x - l.radius);
        }
        // Leader: starts on the arc edge at mid-angle, ends at the label's side.
        let (Some(first), Some(last)) = (lab.leader.first(), lab.leader.last()) else {
            panic!("{what}: pie label without leader")
        };
        let origin = Point::new(l.center.x + g.offset.x, l.center.y + g.offset.y);
        assert!((first.distance(origin) - l.radius).abs() < 1e-6 * (1.0 + l.radius));
        let expected = at(l, g.mid_angle(), l.radius, g.offset);
        assert!(first.distance(expected) < 1e-6 * (1.0 + l.radius));
        assert!(last.y >= lab.bounds.y - 1.0 && last.y <= lab.bounds.bottom() + 1.0);
        let edge = if right {
            lab.bounds.x
        } else {
            lab.bounds.right()
        };
        assert!(
            (last.x - edge).abs() < 10.0 * l.line_width,
            "{what}: leader end"
        );
    }
    assert_no_overlaps(&l.labels, what);

    // Each column, top to bottom, follows the slices' mid-angle heights.
    for right in [true, false] {
        let mut col: Vec<(f64, f64)> = l
            .labels
            .iter()
            .filter(|lab| lab.align_right != right)
            .filter_map(|lab| {
                l.slices
                    .get(lab.slice)
                    .map(|g| (lab.bounds.y, -g.mid_angle().cos()))
            })
            .collect();
        col.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in col.windows(2) {
            if let [a, b] = pair {
                assert!(a.1 <= b.1 + 1e-9, "{what}: column not in mid-angle order");
            }
        }
    }
}

/// Bar invariants: rows in input order, bars from a common baseline, labels on the left,
/// value text inside the plot, no overlaps; inside the canvas when it is tall enough.
pub fn check_bar(l: &Layout, chart: &Chart, font_px: f64, dpr: f64, what: &str) {
    assert_finite_layout(l);
    let mut prev_bottom = f64::NEG_INFINITY;
    let max_v = chart
        .values
        .iter()
        .zip(&chart.hidden)
        .filter(|(_, h)| !**h)
        .map(|(v, _)| if v.is_finite() && *v > 0.0 { *v } else { 0.0 })
        .fold(0.0, f64::max);
    for g in &l.slices {
        if g.hidden {
            assert!(g.bar.w == 0.0 && g.band.w == 0.0 && g.band.h == 0.0);
            continue;
        }
        assert!(g.band.y >= prev_bottom - EPS, "{what}: rows out of order");
        prev_bottom = g.band.bottom();
        assert!((g.bar.x - l.plot.x).abs() < EPS, "{what}: common baseline");
        assert!(g.bar.right() <= l.plot.right() + EPS);
        assert!(g.bar.y >= g.band.y - EPS && g.bar.bottom() <= g.band.bottom() + EPS);
        if max_v > 0.0 {
            let v = chart.values.get(g.index).copied().unwrap_or(0.0);
            let v = if v.is_finite() && v > 0.0 { v } else { 0.0 };
            // Bars scale with the value.
            let full = l
                .slices
                .iter()
                .filter(|s| !s.hidden)
                .map(|s| s.bar.w)
                .fold(0.0, f64::max);
            assert!((g.bar.w - v / max_v * full).abs() < 1e-6 * (1.0 + full));
        }
    }
    let tall_enough = l.height >= bar_preferred_height(chart.labels.len(), font_px, dpr);
    for lab in &l.labels {
        assert_label_text(l, lab, font_px);
        assert!(lab.leader.is_empty());
        let Some(g) = l.slices.get(lab.slice) else {
            panic!("label for unknown slice")
        };
        assert!(!g.hidden);
        match lab.role {
            LabelRole::Category => {
                assert!(lab.align_right && lab.bounds.right() <= l.plot.x + EPS);
                assert!(lab.lines.len() <= 2);
            }
            LabelRole::Value => {
                assert!(lab.bounds.x >= g.bar.right() - EPS);
                assert!(
                    lab.bounds.right() <= l.plot.right() + EPS,
                    "{what}: value text"
                );
            }
            LabelRole::Slice => panic!("pie label on a bar chart"),
        }
        assert!(lab.bounds.y >= g.band.y - EPS && lab.bounds.bottom() <= g.band.bottom() + EPS);
        // The focus ring (6 px wide, inside the band) never touches a text.
        let clear = 6.0 * dpr;
        assert!(
            lab.bounds.x >= g.band.x + clear - EPS
                && lab.bounds.right() <= g.band.right() - clear + EPS,
            "{what}: a label touches the band's focus ring"
        );
        if tall_enough {
            assert!(
                canvas(l).contains_rect(&lab.bounds, EPS),
                "{what}: label outside"
            );
        }
    }
    assert_no_overlaps(&l.labels, what);
}

/// Brute-force reference for the pie hit test (linear scan, same angle convention).
pub fn reference_hit(l: &Layout, x: f64, y: f64) -> Option<usize> {
    let in_slice = |g: &sector_charts::layout::SliceGeom| {
        let dx = x - l.center.x - g.offset.x;
        let dy = y - l.center.y - g.offset.y;
        let d = dx.hypot(dy);
        let mut a = dx.atan2(-dy);
        if a < 0.0 {
            a += TAU;
        }
        if a >= TAU {
            a = 0.0;
        }
        !g.hidden && d >= l.inner_radius && d <= l.radius && a >= g.start_angle && a < g.end_angle
    };
    if l.radius <= 0.0 || l.total <= 0.0 {
        return None;
    }
    let pulled = l
        .highlight
        .and_then(|i| l.slices.get(i))
        .filter(|g| g.offset != Point::ZERO);
    if let Some(g) = pulled {
        if in_slice(g) {
            return Some(g.index);
        }
    }
    l.slices
        .iter()
        .filter(|g| g.offset == Point::ZERO)
        .find(|g| in_slice(g))
        .map(|g| g.index)
}

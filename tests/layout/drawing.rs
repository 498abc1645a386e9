//! Points on the arcs trace the slices as the renderer draws them.

use std::f64::consts::{FRAC_PI_2, TAU};

use sector_charts::dataset::ChartKind;
use sector_charts::layout::Point;

use crate::common::*;

#[test]
fn arc_points_trace_the_slices() {
    let l = run(&chart_share(), &opts(ChartKind::Donut, 640.0, 480.0, 1.0));
    for g in &l.slices {
        let pts = l.arc_points(g.index, l.radius, l.inner_radius, 0.05);
        assert!(pts.len() >= 4);
        let steps = (g.sweep() / 0.05).ceil() as usize;
        assert_eq!(pts.len(), 2 * (steps + 1));
        for p in &pts {
            let d = p.distance(l.center);
            assert!((d - l.radius).abs() < 1e-6 || (d - l.inner_radius).abs() < 1e-6);
        }
        let (Some(first), Some(last)) = (pts.first(), pts.last()) else {
            panic!("empty")
        };
        assert!(first.distance(at(&l, g.start_angle, l.radius, g.offset)) < 1e-9);
        assert!(last.distance(at(&l, g.start_angle, l.inner_radius, g.offset)) < 1e-9);
    }
    // A pie wedge closes at the centre, following the pull-out.
    let mut o = opts(ChartKind::Pie, 640.0, 480.0, 1.0);
    o.highlight = Some(1);
    let l = run(&chart_share(), &o);
    let pts = l.arc_points(1, l.radius, 0.0, 0.1);
    let Some(g) = l.slices.get(1) else {
        panic!("missing")
    };
    let tip = Point::new(l.center.x + g.offset.x, l.center.y + g.offset.y);
    assert!(pts.last().is_some_and(|p| p.distance(tip) < 1e-9));
    // A 100 % slice still draws a full ring / disc (and is not pulled out).
    let mut o = opts(ChartKind::Donut, 640.0, 480.0, 1.0);
    o.highlight = Some(0);
    let l = run(&Chart::values(&[5.0, 0.0]).hide(1), &o);
    let Some(g) = l.slices.first() else {
        panic!("missing")
    };
    assert_eq!(g.sweep(), TAU);
    assert_eq!(g.offset, Point::ZERO);
    let ring = l.arc_points(0, l.radius, l.inner_radius, 0.1);
    assert!(ring.len() >= 2 * 63);
    let disc = l.arc_points(0, l.radius, 0.0, 0.1);
    assert!(disc
        .iter()
        .all(|p| (p.distance(l.center) - l.radius).abs() < 1e-6));
    let p = l.point_on_arc(0.0, 10.0);
    assert!((p.x - l.center.x).abs() < 1e-12 && (p.y - (l.center.y - 10.0)).abs() < 1e-12);
    let p = l.point_on_arc(FRAC_PI_2, 10.0);
    assert!((p.x - (l.center.x + 10.0)).abs() < 1e-9 && (p.y - l.center.y).abs() < 1e-9);
    // Hidden, empty and unknown slices draw nothing; silly steps are bounded.
    assert!(l.arc_points(1, l.radius, 0.0, 0.1).is_empty());
    assert!(l.arc_points(99, l.radius, 0.0, 0.1).is_empty());
    assert!(l.arc_points(0, l.radius, 0.0, 0.0).len() <= 4097);
    assert!(l.arc_points(0, l.radius, 0.0, f64::NAN).len() <= 4097);
    assert!(l.arc_points(0, l.radius, 0.0, 1e-300).len() <= 4097);
}

//! Shares of the visible total.

use std::f64::consts::TAU;

use sector_charts::dataset::ChartKind;

use crate::common::*;
use crate::invariants::*;

#[test]
fn shares_sum_to_one_over_visible_slices() {
    let l = run(&chart_nine_en(), &opts(ChartKind::Pie, 640.0, 480.0, 1.0));
    let sum: f64 = l.slices.iter().map(|g| g.share).sum();
    assert!((sum - 1.0).abs() < 1e-12);
    assert!((l.total - chart_nine_en().values.iter().sum::<f64>()).abs() < 1.0);

    let c = Chart::values(&[1.0, 1.0, 2.0]).hide(2);
    let l = run(&c, &opts(ChartKind::Donut, 640.0, 480.0, 1.0));
    let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
    assert_eq!(shares, vec![0.5, 0.5, 0.0]);
    assert_eq!(l.total, 2.0);
    let Some(g) = l.slices.get(2) else {
        panic!("missing slice")
    };
    assert!(g.hidden && g.sweep() == 0.0);
    // The visible slices cover the whole circle.
    let end = l.slices.iter().map(|g| g.end_angle).fold(0.0, f64::max);
    assert_eq!(end, TAU);

    for kind in ChartKind::ALL {
        let l = run(&chart_share(), &opts(kind, 640.0, 480.0, 2.0));
        let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
        assert!(
            matches!(shares.as_slice(), [a, b] if (a - 0.735).abs() < 1e-12 && (b - 0.265).abs() < 1e-12)
        );
    }

    // Huge values do not overflow.
    let l = run(
        &Chart::values(&[f64::MAX, f64::MAX, 0.0]),
        &opts(ChartKind::Pie, 640.0, 480.0, 1.0),
    );
    let shares: Vec<f64> = l.slices.iter().map(|g| g.share).collect();
    assert_eq!(shares, vec![0.5, 0.5, 0.0]);
    assert_finite_layout(&l);
}

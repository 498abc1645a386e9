//! Sine and cosine for the angles of a chart.
//!
//! `f64::sin` and `f64::cos` compile to libm's, whose argument reduction is written for any
//! angle up to 1e308 (`rem_pio2_large` and its tables: some 10 KB of the `.wasm`). A chart's
//! angles lie within a few turns of zero, where a two-part π/2 reduces exactly enough and a
//! Taylor polynomial on [-π/4, π/4] is as accurate as f64 goes.

use std::f64::consts::FRAC_2_PI;

/// π/2 in two parts: the first has its low bits zero, so `k * PIO2_HI` is exact for the `k`
/// of any angle a chart has (|k| < 2^20).
const PIO2_HI: f64 = 1.570_796_326_734_125_6;
const PIO2_LO: f64 = 6.077_100_506_506_192e-11;

/// `(sin x, cos x)`; accurate to a few units in the last place for |x| below about 10^6, NaN
/// for a non-finite `x`.
pub fn sin_cos(x: f64) -> (f64, f64) {
    if !x.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let k = (x * FRAC_2_PI).round();
    let r = (x - k * PIO2_HI) - k * PIO2_LO;
    let (s, c) = (sin_kernel(r), cos_kernel(r));
    // x = k·π/2 + r: rotate by k quarter turns.
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// sin r for |r| ≤ π/4: the Taylor series to r^19, whose next term is below 2^-60.
fn sin_kernel(r: f64) -> f64 {
    let r2 = r * r;
    let mut sum = 0.0;
    // 1/(2n+1)!, highest first, evaluated by Horner's rule in r².
    for coefficient in [
        1.0 / 121_645_100_408_832_000.0,
        -1.0 / 355_687_428_096_000.0,
        1.0 / 1_307_674_368_000.0,
        -1.0 / 6_227_020_800.0,
        1.0 / 39_916_800.0,
        -1.0 / 362_880.0,
        1.0 / 5_040.0,
        -1.0 / 120.0,
        1.0 / 6.0,
    ] {
        sum = sum * r2 + coefficient;
    }
    // sum = 1/3! - r²/5! + r⁴/7! - …, so sin r = r - r³·sum.
    r - r * r2 * sum
}

/// cos r for |r| ≤ π/4: the Taylor series to r^20.
fn cos_kernel(r: f64) -> f64 {
    let r2 = r * r;
    let mut sum = 0.0;
    for coefficient in [
        1.0 / 2_432_902_008_176_640_000.0,
        -1.0 / 6_402_373_705_728_000.0,
        1.0 / 20_922_789_888_000.0,
        -1.0 / 87_178_291_200.0,
        1.0 / 479_001_600.0,
        -1.0 / 3_628_800.0,
        1.0 / 40_320.0,
        -1.0 / 720.0,
        1.0 / 24.0,
        -1.0 / 2.0,
    ] {
        sum = sum * r2 + coefficient;
    }
    1.0 + r2 * sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_libm_over_many_turns() {
        let mut worst: f64 = 0.0;
        let mut x = -60.0;
        while x < 60.0 {
            let (s, c) = sin_cos(x);
            worst = worst.max((s - x.sin()).abs()).max((c - x.cos()).abs());
            x += 0.000_731;
        }
        assert!(worst < 4e-16, "worst error {worst:e}");
    }

    #[test]
    fn exact_at_the_quarter_turns_and_nan_outside_the_reals() {
        use std::f64::consts::{FRAC_PI_2, PI};
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
        let (s, c) = sin_cos(FRAC_PI_2);
        assert!((s - 1.0).abs() < 1e-16 && c.abs() < 1e-16);
        let (s, c) = sin_cos(PI);
        assert!(s.abs() < 1e-15 && (c + 1.0).abs() < 1e-16);
        assert!(sin_cos(f64::NAN).0.is_nan());
        assert!(sin_cos(f64::INFINITY).1.is_nan());
    }
}

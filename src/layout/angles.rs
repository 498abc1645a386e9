//! A slice's share of what is shown, and its angles on a pie or donut: computed here only, for
//! the layout, the labels and every text that states a share.

use std::f64::consts::TAU;

use super::types::SliceGeom;

/// A usable value: NaN, infinities and negatives count as 0.
pub(crate) fn clean_value(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// The visible values (hidden ones count 0), their largest, their sum and each one's share.
pub struct Shares {
    pub values: Vec<f64>,
    pub max: f64,
    /// Saturates at `f64::MAX`.
    pub total: f64,
    pub shares: Vec<f64>,
    /// The sum of the values divided by the largest.
    norm_total: f64,
}

impl Shares {
    /// The share a value that is not one of the slices (a group of them) has of the total.
    pub fn share_of(&self, value: f64) -> f64 {
        if self.norm_total > 0.0 {
            (clean_value(value) / self.max) / self.norm_total
        } else {
            0.0
        }
    }
}

/// Shares of the values (hidden ones left out), computed on values normalised by the maximum
/// so that huge values cannot overflow the sum.
pub fn shares(values: impl Iterator<Item = (f64, bool)>) -> Shares {
    let values: Vec<f64> = values
        .map(|(value, hidden)| if hidden { 0.0 } else { clean_value(value) })
        .collect();
    let max = values.iter().copied().fold(0.0, f64::max);
    let total: f64 = values.iter().sum();
    let total = if total.is_finite() { total } else { f64::MAX };
    let norm_total: f64 = if max > 0.0 {
        values.iter().map(|v| v / max).sum()
    } else {
        0.0
    };
    let shares: Vec<f64> = values
        .iter()
        .map(|v| {
            if norm_total > 0.0 {
                (v / max) / norm_total
            } else {
                0.0
            }
        })
        .collect();
    Shares {
        values,
        max,
        total,
        shares,
        norm_total,
    }
}

/// Pie and donut angles: cumulative from 12 o'clock, clockwise; the last non-empty slice ends
/// exactly at a full turn.
pub fn assign_angles(slices: &mut [SliceGeom]) {
    let last_nonzero = slices.iter().rposition(|g| g.share > 0.0);
    let mut acc = 0.0f64;
    for (i, g) in slices.iter_mut().enumerate() {
        let (start, end) = match last_nonzero {
            Some(l) if i > l => (TAU, TAU),
            Some(l) if i == l => (acc, TAU),
            _ => (acc, (acc + g.share * TAU).max(acc).min(TAU)),
        };
        g.start_angle = start;
        g.end_angle = end;
        acc = end;
    }
}

//! Which labels may be drawn bold: a selected slice's labels are emphasised in bold, which is
//! wider than they were measured, and only where that still fits on the canvas.

use super::labels::is_wide;
use super::types::{Ctx, Label};

/// Bold Latin letters and digits are up to about this much wider than regular ones (DejaVu
/// Sans Bold); CJK ideographs keep their width.
const BOLD_WIDENING: f64 = 1.15;

/// The width a line measured at `width` may take drawn bold.
fn bold_width(text: &str, width: f64) -> f64 {
    let (narrow, all) = text.chars().fold((0usize, 0usize), |(n, a), c| {
        (n + usize::from(!is_wide(c)), a + 1)
    });
    if all == 0 {
        return width;
    }
    width * (1.0 + (BOLD_WIDENING - 1.0) * narrow as f64 / all as f64)
}

/// Marks the labels whose lines, drawn bold, stay `margin` inside a canvas `width` wide. The
/// others are emphasised without bold, so that a selected label never runs off the canvas.
pub(super) fn mark_bold_fits(ctx: &Ctx, labels: &mut [Label], width: f64, margin: f64) {
    for label in labels {
        let room = label
            .lines
            .iter()
            .map(|line| bold_width(line, ctx.text_width(line)))
            .fold(0.0, f64::max);
        label.bold_fits = if label.align_right {
            label.anchor.x - room >= margin
        } else {
            label.anchor.x + room <= width - margin
        };
    }
}

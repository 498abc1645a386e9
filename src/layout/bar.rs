//! Horizontal bar layout: one row per visible slice in input order, category labels on the
//! left, bars from a common baseline, value text right of each bar.

use super::geometry::{Point, Rect, Within};
use super::labels::{cap_text, wrap_measured, MAX_LABEL_CHARS};
use super::types::{Ctx, Label, LabelRole, Layout, SliceInput, LINE_HEIGHT, PADDING};

/// Gap between a category label and the bar baseline, CSS px.
const LABEL_GAP: f64 = 8.0;
/// Gap between a bar's end and its value text, CSS px.
const VALUE_GAP: f64 = 4.0;
/// Vertical gap between two row bands (the hit regions), CSS px.
const BAND_GAP: f64 = 2.0;
/// Room kept between a row band's edge and the texts in it, CSS px: the hover, selection and
/// focus rings are drawn inside the band (the focus ring is 6 px), and must not touch a label.
const RING_CLEARANCE: f64 = 8.0;
/// Category labels: widest column as a fraction of the canvas width, and most lines.
const LABEL_WIDTH_FRACTION: f64 = 0.35;
const MAX_CATEGORY_LINES: usize = 2;
/// Bar thickness as a fraction of the row height.
const BAR_FRACTION: f64 = 0.6;

fn row_min(line_h: f64, scale: f64) -> f64 {
    MAX_CATEGORY_LINES as f64 * line_h + 4.0 * scale
}

fn row_max(line_h: f64) -> f64 {
    3.0 * line_h
}

/// Canvas height (device px) at which `n_rows` bars get their minimum row height (room for
/// two-line category labels); the web side may grow the canvas to this.
pub fn bar_preferred_height(n_rows: usize, font_px: f64, scale: f64) -> f64 {
    let scale = if scale.is_finite() && scale > 0.0 {
        scale.within(0.25, 16.0)
    } else {
        1.0
    };
    let font = if font_px.is_finite() && font_px > 0.0 {
        font_px.within(1.0, 1000.0)
    } else {
        12.0 * scale
    };
    let line_h = (font * LINE_HEIGHT).ceil();
    2.0 * PADDING * scale + n_rows as f64 * row_min(line_h, scale)
}

pub(super) fn layout_bar(
    ctx: &Ctx,
    inputs: &[SliceInput],
    values: &[f64],
    max_v: f64,
    layout: &mut Layout,
) {
    let s = ctx.scale;
    let (w, h) = (ctx.w, ctx.h);
    let pad = PADDING * s;
    let label_gap = LABEL_GAP * s;
    let value_gap = VALUE_GAP * s;
    let band_gap = BAND_GAP * s;
    let line_h = ctx.line_h;
    let n = inputs.iter().filter(|i| !i.hidden).count();

    // Category labels, wrapped to the label column; the column is as wide as the widest
    // label that fits.
    let mut categories = category_lines(ctx, inputs, LABEL_WIDTH_FRACTION * w);
    let label_w = categories
        .iter()
        .flatten()
        .map(|(_, w)| *w)
        .fold(0.0, f64::max);
    let inner = pad + RING_CLEARANCE * s;
    let x0 = inner
        + if label_w > 0.0 {
            label_w + label_gap
        } else {
            0.0
        };
    let plot_w = (w - inner - x0).max(0.0);

    let avail_h = (h - 2.0 * pad).max(0.0);
    let row_h = if n > 0 {
        (avail_h / n as f64)
            .min(row_max(line_h))
            .max(row_min(line_h, s))
    } else {
        0.0
    };
    let block_h = n as f64 * row_h;
    let block_y = pad + ((avail_h - block_h) / 2.0).max(0.0);
    layout.plot = Rect::new(x0, block_y, plot_w, block_h);

    // Value texts, and the bar scale that leaves room for each of them.
    let (mut value_texts, full) =
        value_texts_and_scale(ctx, inputs, values, max_v, (plot_w, value_gap));

    let band_w = (w - 2.0 * pad).max(0.0);
    let bar_h = (row_h * BAR_FRACTION).min((row_h - band_gap).max(0.0));
    let mut row = 0usize;
    let mut prev_bottom = block_y;
    for (i, g) in layout.slices.iter_mut().enumerate() {
        if g.hidden {
            // Empty, but in order: the bands stay sorted for the hit test's binary search.
            g.band = Rect::new(pad, prev_bottom, 0.0, 0.0);
            g.bar = Rect::new(x0, prev_bottom, 0.0, 0.0);
            continue;
        }
        let v = values.get(i).copied().unwrap_or(0.0);
        let row_top = block_y + row as f64 * row_h;
        let row_mid = row_top + row_h / 2.0;
        row += 1;
        g.band = Rect::new(
            pad,
            row_top + band_gap / 2.0,
            band_w,
            (row_h - band_gap).max(0.0),
        );
        prev_bottom = g.band.bottom();
        let bar_w = if max_v > 0.0 { v / max_v * full } else { 0.0 };
        g.bar = Rect::new(x0, row_mid - bar_h / 2.0, bar_w, bar_h);

        if let Some((lines, width)) = categories.get_mut(i).and_then(Option::take) {
            let right = x0 - label_gap;
            layout
                .labels
                .push(category_label(i, lines, width, (right, row_mid), line_h));
        }
        if let Some((text, vw)) = value_texts.get_mut(i).map(|(t, w)| (std::mem::take(t), *w)) {
            if !text.is_empty() && vw <= plot_w - value_gap + 1e-6 {
                let x = x0 + bar_w + value_gap;
                layout
                    .labels
                    .push(value_label(i, text, vw, (x, row_mid), line_h));
            }
        }
    }
}

/// Each visible slice's category label wrapped to `label_cap`, with its width; None for a
/// hidden slice or a label that does not fit.
fn category_lines(
    ctx: &Ctx,
    inputs: &[SliceInput],
    label_cap: f64,
) -> Vec<Option<(Vec<String>, f64)>> {
    inputs
        .iter()
        .map(|inp| {
            if inp.hidden || label_cap <= 0.0 {
                return None;
            }
            let measured = wrap_measured(
                inp.label,
                label_cap,
                ctx.font,
                ctx.measure,
                MAX_CATEGORY_LINES,
            );
            if measured.is_empty() {
                return None;
            }
            let width = measured.iter().map(|(_, w)| *w).fold(0.0, f64::max);
            let lines: Vec<String> = measured.into_iter().map(|(l, _)| l).collect();
            (width <= label_cap + 1e-6).then_some((lines, width))
        })
        .collect()
}

/// The value texts with their widths, and the length of a bar of the largest value such that
/// every bar still has its value text beside it, `value_gap` after the bar, within `plot_w`.
fn value_texts_and_scale(
    ctx: &Ctx,
    inputs: &[SliceInput],
    values: &[f64],
    max_v: f64,
    (plot_w, value_gap): (f64, f64),
) -> (Vec<(String, f64)>, f64) {
    let value_texts: Vec<(String, f64)> = inputs
        .iter()
        .map(|inp| {
            let t = cap_text(inp.value_text.trim(), MAX_LABEL_CHARS).into_owned();
            let vw = ctx.text_width(&t);
            (t, vw)
        })
        .collect();
    let mut full = plot_w;
    if max_v > 0.0 {
        for (&v, (_, vw)) in values.iter().zip(value_texts.iter()) {
            if v > 0.0 {
                full = full.min((plot_w - value_gap - vw) * max_v / v);
            }
        }
    }
    (value_texts, full.max(0.0))
}

/// A category label right-aligned at `right`, centred on the row's middle.
fn category_label(
    slice: usize,
    lines: Vec<String>,
    width: f64,
    (right, row_mid): (f64, f64),
    line_h: f64,
) -> Label {
    let height = lines.len() as f64 * line_h;
    let top = row_mid - height / 2.0;
    Label {
        slice,
        role: LabelRole::Category,
        lines,
        anchor: Point::new(right, top),
        bounds: Rect::new(right - width, top, width, height),
        align_right: true,
        leader: Vec::new(),
        line_height: line_h,
        bold_fits: false,
    }
}

/// A value label starting at `x`, centred on the row's middle.
fn value_label(
    slice: usize,
    text: String,
    width: f64,
    (x, row_mid): (f64, f64),
    line_h: f64,
) -> Label {
    let top = row_mid - line_h / 2.0;
    Label {
        slice,
        role: LabelRole::Value,
        lines: vec![text],
        anchor: Point::new(x, top),
        bounds: Rect::new(x, top, width, line_h),
        align_right: false,
        leader: Vec::new(),
        line_height: line_h,
        bold_fits: false,
    }
}

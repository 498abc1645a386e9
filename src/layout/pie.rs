//! Pie and donut layout: radius, pull-out, and two columns of outside labels with leader lines
//! (the angles come from `angles.rs`).

use std::f64::consts::{PI, TAU};

use super::angles::assign_angles;
use super::geometry::{Point, Rect};
use super::labels::{
    cap_text, fitting_prefix, place_column, wrap_measured, TextMeasure, MAX_LABEL_CHARS,
};
use super::types::{
    Ctx, Label, LabelRole, Layout, SliceInput, DONUT_HOLE, MIN_LABEL_SHARE, PADDING, PULL_OUT,
};
use crate::dataset::ChartKind;
use crate::format::value_and_share;

/// Length of the radial part of a leader line, CSS px.
const ELBOW: f64 = 10.0;
/// Width of the gutter part where a pushed label's leader bends, CSS px.
const CONNECTOR: f64 = 6.0;
/// Gap between the end of a leader and the text, CSS px.
const TEXT_GAP: f64 = 3.0;
/// Vertical gap between two labels of a column, CSS px.
const LABEL_GAP: f64 = 3.0;
/// Most lines of label text (before the value line) in a pie label.
const MAX_LABEL_LINES: usize = 3;
/// Smallest radius that still gets labels, as a fraction of half the smaller canvas side.
pub const MIN_RADIUS_FRACTION: f64 = 0.5;
/// Narrowest useful label column, in em.
const MIN_LABEL_EM: f64 = 4.0;

/// Point at `angle` (0 = 12 o'clock, clockwise) and distance `r` from `c`.
pub(crate) fn polar(c: Point, angle: f64, r: f64) -> Point {
    let (sin, cos) = angle.sin_cos();
    Point::new(c.x + r * sin, c.y - r * cos)
}

/// A slice that may get a label.
struct Cand<'a> {
    slice: usize,
    value: f64,
    mid: f64,
    right: bool,
    label: &'a str,
    value_text: String,
    percent: String,
    /// Lines and their widest width, at the current column width (None: does not fit).
    built: Option<(Vec<String>, f64)>,
}

#[derive(Clone, Copy, Default)]
struct Side {
    on: bool,
    width: f64,
}

fn build_lines(ctx: &Ctx, c: &Cand, max_w: f64) -> Option<(Vec<String>, f64)> {
    if max_w.is_nan() || max_w <= 0.0 {
        return None;
    }
    let mut lines = wrap_measured(c.label, max_w, ctx.font, ctx.measure, MAX_LABEL_LINES);
    let value_text = c.value_text.trim();
    let full = if value_text.is_empty() {
        c.percent.clone()
    } else {
        value_and_share(value_text, &c.percent)
    };
    let full_w = ctx.text_width(&full);
    if full_w <= max_w {
        lines.push((full, full_w));
    } else {
        lines.extend(wrap_measured(value_text, max_w, ctx.font, ctx.measure, 2));
        lines.push((c.percent.clone(), ctx.text_width(&c.percent)));
    }
    let width = lines.iter().map(|(_, w)| *w).fold(0.0, f64::max);
    let lines: Vec<String> = lines.into_iter().map(|(l, _)| l).collect();
    if width <= max_w + 1e-6 {
        Some((lines, width))
    } else {
        None
    }
}

fn rebuild(ctx: &Ctx, cands: &mut [Cand], right: bool, max_w: f64) -> Side {
    let mut side = Side::default();
    for c in cands.iter_mut().filter(|c| c.right == right) {
        c.built = build_lines(ctx, c, max_w);
        if let Some((_, w)) = &c.built {
            side.on = true;
            side.width = side.width.max(*w);
        }
    }
    side
}

pub(super) fn layout_pie(ctx: &Ctx, inputs: &[SliceInput], layout: &mut Layout) {
    let s = ctx.scale;
    let (w, h) = (ctx.w, ctx.h);
    let pad = PADDING * s;
    let pull = PULL_OUT * s;
    let elbow = ELBOW * s;
    let gutter = pull + elbow + CONNECTOR * s + TEXT_GAP * s;
    let gap = LABEL_GAP * s;
    layout.pull = pull;

    assign_angles(&mut layout.slices);

    let mut cands = candidates(layout, inputs, ctx.measure);

    // Radius: as large as possible with the label columns beside the circle; below the
    // minimum radius the columns get narrower; when they become too narrow, no labels.
    let min_dim = w.min(h);
    let r_nolabel = (min_dim / 2.0 - pad - pull).max(0.0);
    let min_r = MIN_RADIUS_FRACTION * min_dim / 2.0;
    let r_v_lab = h / 2.0 - pad - pull - elbow;
    let min_label_w = MIN_LABEL_EM * ctx.font;
    let cap = (0.3 * w).min(16.0 * ctx.font);

    let fit = Fit {
        w,
        pad,
        gutter,
        r_v_lab,
        min_r,
        min_label_w,
        cap,
    };
    let (left, right, radius) = fit_radius(ctx, &mut cands, &fit);

    // Crowded columns keep the biggest slices' labels, as many as fit the height; the
    // columns are then only as wide as the labels they keep.
    let col_top = pad;
    let col_bottom = h - pad;
    let select = |side: Side, is_right: bool| -> Vec<(&Cand, &Vec<String>, f64)> {
        if radius.is_none() || !side.on {
            return Vec::new();
        }
        let mut col: Vec<(&Cand, &Vec<String>, f64)> = cands
            .iter()
            .filter(|c| c.right == is_right)
            .filter_map(|c| c.built.as_ref().map(|(lines, w)| (c, lines, *w)))
            .collect();
        col.sort_unstable_by(|a, b| {
            b.0.value
                .total_cmp(&a.0.value)
                .then(a.0.slice.cmp(&b.0.slice))
        });
        let n = fitting_prefix(
            col.iter()
                .map(|(_, lines, _)| lines.len() as f64 * ctx.line_h),
            col_bottom - col_top,
            gap,
        );
        col.truncate(n);
        col
    };
    let col_l = select(left, false);
    let col_r = select(right, true);
    let width_of = |col: &[(&Cand, &Vec<String>, f64)]| col.iter().map(|x| x.2).fold(0.0, f64::max);
    let (w_l, w_r) = (width_of(&col_l), width_of(&col_r));
    let g_l = if col_l.is_empty() { 0.0 } else { gutter };
    let g_r = if col_r.is_empty() { 0.0 } else { gutter };
    let radius = if col_l.is_empty() && col_r.is_empty() {
        r_nolabel
    } else {
        ((w - 2.0 * pad - w_l - w_r - g_l - g_r) / 2.0).min(r_v_lab)
    };
    let total_w = w_l + g_l + 2.0 * radius + g_r + w_r;
    let cx = (w - total_w) / 2.0 + w_l + g_l + radius;
    let center = Point::new(cx, h / 2.0);
    layout.center = center;
    layout.radius = radius;
    layout.inner_radius = if ctx.kind == ChartKind::Donut {
        DONUT_HOLE * radius
    } else {
        0.0
    };

    // Each column top to bottom, near the slices' mid-angle heights, pushed apart.
    let columns = Columns {
        center,
        radius,
        pull,
        elbow,
        top: col_top,
        bottom: col_bottom,
        gap,
    };
    for (col, is_right) in [(col_r, true), (col_l, false)] {
        place_labels(ctx, layout, &columns, col, is_right);
    }
}

/// A label's leader line: from its slice's edge at the mid-angle (moved with the slice when it is
/// pulled out), radially out, then across the gutter to the label, with a bend in the gutter when
/// the label was pushed away from the slice's height.
fn leader(layout: &Layout, slice: usize, bounds: Rect, right: bool) -> Vec<Point> {
    let Some(g) = layout.slices.get(slice) else {
        return Vec::new();
    };
    let s = layout.scale;
    let dir = if right { 1.0 } else { -1.0 };
    let elbow = ELBOW * s;
    let bend_x = layout.center.x + dir * (layout.radius + layout.pull + elbow);
    let end_x = bend_x + dir * CONNECTOR * s;
    let origin = layout.center.offset_by(g.offset);
    let p0 = polar(origin, g.mid_angle(), layout.radius);
    let p1 = polar(origin, g.mid_angle(), layout.radius + elbow);
    let label_mid = bounds.y + bounds.h / 2.0;
    if (p1.y - label_mid).abs() < 0.5 {
        vec![p0, p1, Point::new(end_x, p1.y)]
    } else {
        vec![
            p0,
            p1,
            Point::new(bend_x, p1.y),
            Point::new(end_x, label_mid),
        ]
    }
}

/// Moves the pull-out from one slice to another: the two slices' offsets and the leaders of
/// their labels change, nothing else (radius, columns and wrapping do not depend on it).
pub(super) fn move_pull_out(layout: &mut Layout, from: Option<usize>, to: Option<usize>) {
    if let Some(g) = from.and_then(|i| layout.slices.get_mut(i)) {
        g.offset = Point::ZERO;
    }
    let pull = layout.pull;
    if let Some(g) = to.and_then(|i| layout.slices.get_mut(i)) {
        let sweep = g.sweep();
        // A slice that is the whole circle has nowhere to be pulled to.
        if sweep > 0.0 && sweep < TAU - 1e-9 {
            let m = g.mid_angle();
            let (sin, cos) = m.sin_cos();
            g.offset = Point::new(pull * sin, -pull * cos);
        }
    }
    for i in 0..layout.labels.len() {
        let Some(label) = layout.labels.get(i) else {
            continue;
        };
        if label.role != LabelRole::Slice || (Some(label.slice) != from && Some(label.slice) != to)
        {
            continue;
        }
        let line = leader(layout, label.slice, label.bounds, !label.align_right);
        if let Some(label) = layout.labels.get_mut(i) {
            label.leader = line;
        }
    }
}

/// Label candidates: the visible slices big enough for a label, on the side their mid-angle is.
fn candidates<'a>(
    layout: &Layout,
    inputs: &[SliceInput<'a>],
    measure: &dyn TextMeasure,
) -> Vec<Cand<'a>> {
    layout
        .slices
        .iter()
        .zip(inputs.iter())
        .filter(|(g, _)| !g.hidden && g.share >= MIN_LABEL_SHARE && g.sweep() > 0.0)
        .map(|(g, inp)| {
            let mid = g.mid_angle();
            Cand {
                slice: g.index,
                value: g.share,
                mid,
                right: mid < PI,
                label: inp.label,
                value_text: cap_text(inp.value_text, MAX_LABEL_CHARS).into_owned(),
                percent: measure.share_text(g.share),
                built: None,
            }
        })
        .collect()
}

/// Where the label columns go around the circle.
struct Columns {
    center: Point,
    radius: f64,
    pull: f64,
    elbow: f64,
    top: f64,
    bottom: f64,
    gap: f64,
}

/// One column's labels, top to bottom near their slices' mid-angle heights, pushed apart, with
/// their leader lines.
fn place_labels(
    ctx: &Ctx,
    layout: &mut Layout,
    at: &Columns,
    mut col: Vec<(&Cand, &Vec<String>, f64)>,
    is_right: bool,
) {
    let s = ctx.scale;
    let (center, radius, elbow) = (at.center, at.radius, at.elbow);
    let desired_mid = |c: &Cand| center.y - (radius + elbow) * c.mid.cos();
    // Ties in height keep the column's order (largest first), as a stable sort did.
    col.sort_unstable_by(|a, b| {
        desired_mid(a.0)
            .total_cmp(&desired_mid(b.0))
            .then(b.0.value.total_cmp(&a.0.value))
            .then(a.0.slice.cmp(&b.0.slice))
    });
    let items: Vec<(f64, f64)> = col
        .iter()
        .map(|(c, lines, _)| {
            let height = lines.len() as f64 * ctx.line_h;
            (desired_mid(c) - height / 2.0, height)
        })
        .collect();
    let tops = place_column(&items, at.top, at.bottom, at.gap);

    let dir = if is_right { 1.0 } else { -1.0 };
    let text_x = center.x + dir * (radius + at.pull + elbow + CONNECTOR * s + TEXT_GAP * s);
    for ((c, lines, width), top) in col.iter().zip(tops) {
        let width = *width;
        let height = lines.len() as f64 * ctx.line_h;
        let bounds = if is_right {
            Rect::new(text_x, top, width, height)
        } else {
            Rect::new(text_x - width, top, width, height)
        };
        let leader = leader(layout, c.slice, bounds, is_right);
        layout.labels.push(Label {
            slice: c.slice,
            role: LabelRole::Slice,
            lines: (*lines).clone(),
            anchor: Point::new(text_x, top),
            bounds,
            align_right: !is_right,
            leader,
            line_height: ctx.line_h,
            bold_fits: false,
        });
    }
}

/// What the radius and the label columns must fit.
struct Fit {
    w: f64,
    pad: f64,
    gutter: f64,
    /// The largest radius the labels' vertical room allows.
    r_v_lab: f64,
    min_r: f64,
    min_label_w: f64,
    /// The widest a label column starts at.
    cap: f64,
}

/// The label columns and the radius: as large as possible with the columns beside the circle;
/// below the minimum radius the columns get narrower; when they become too narrow, no labels
/// (and no radius here: the caller then uses the whole box).
fn fit_radius(ctx: &Ctx, cands: &mut [Cand], fit: &Fit) -> (Side, Side, Option<f64>) {
    let (w, pad, gutter, cap) = (fit.w, fit.pad, fit.gutter, fit.cap);
    let (r_v_lab, min_r, min_label_w) = (fit.r_v_lab, fit.min_r, fit.min_label_w);
    if cands.is_empty() || !(min_r > 0.0 && r_v_lab >= min_r) {
        return (Side::default(), Side::default(), None);
    }
    let mut radius = None;
    let mut left = rebuild(ctx, cands, false, cap);
    let mut right = rebuild(ctx, cands, true, cap);
    for _ in 0..4 {
        if !left.on && !right.on {
            break;
        }
        let g_l = if left.on { gutter } else { 0.0 };
        let g_r = if right.on { gutter } else { 0.0 };
        let r1 = ((w - 2.0 * pad - left.width - right.width - g_l - g_r) / 2.0).min(r_v_lab);
        if r1 >= min_r {
            radius = Some(r1);
            break;
        }
        let avail = w - 2.0 * pad - g_l - g_r - 2.0 * min_r;
        let (a_l, a_r) = if left.on && right.on {
            let a_l = (avail / 2.0).max(avail - right.width).min(left.width);
            (a_l, avail - a_l)
        } else if left.on {
            (avail, 0.0)
        } else {
            (0.0, avail)
        };
        for (side, alloc, is_right) in [(&mut left, a_l, false), (&mut right, a_r, true)] {
            if !side.on {
                continue;
            }
            if side.width <= alloc {
                continue;
            }
            *side = if alloc >= min_label_w {
                rebuild(ctx, cands, is_right, alloc)
            } else {
                Side::default()
            };
        }
    }
    (left, right, radius)
}

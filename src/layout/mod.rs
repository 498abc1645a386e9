//! Chart layout: the pure geometry of a pie, donut or bar chart in device pixels — slice
//! angles, bar rectangles, wrapped and non-overlapping labels with leader lines — and the
//! hit test that maps a pointer position back to a slice. No drawing, no DOM.

mod angles;
mod bar;
mod bold;
mod geometry;
mod hit;
mod labels;
pub mod morph;
mod pie;
mod types;

pub use angles::{shares, Shares};

pub use bar::bar_preferred_height;
pub use geometry::{Point, Rect, Within};
pub use labels::{
    cap_text, fitting_prefix, is_wide, place_column, wrap_limited, wrap_text, ApproxMeasure,
    TextMeasure, MAX_LABEL_CHARS,
};
pub use pie::MIN_RADIUS_FRACTION;
use types::Ctx;
pub use types::{
    Label, LabelRole, Layout, LayoutInput, SliceGeom, SliceInput, DONUT_HOLE, LINE_HEIGHT,
    MIN_LABEL_SHARE, PADDING, PULL_OUT,
};

fn finite_or(v: f64, fallback: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        fallback
    }
}

/// Computes the layout of a chart. Never panics; degenerate input gives an empty layout.
pub fn compute(input: &LayoutInput) -> Layout {
    let scale = finite_or(input.scale, 1.0);
    let scale = if scale > 0.0 {
        scale.within(0.25, 16.0)
    } else {
        1.0
    };
    let font = finite_or(input.font_px, 0.0);
    let font = if font > 0.0 {
        font.within(1.0, 1000.0)
    } else {
        12.0 * scale
    };
    let ctx = Ctx {
        kind: input.kind,
        w: finite_or(input.width, 0.0).within(0.0, 1e7),
        h: finite_or(input.height, 0.0).within(0.0, 1e7),
        font,
        scale,
        line_h: (font * LINE_HEIGHT).ceil(),
        measure: input.measure,
    };

    let Shares {
        values,
        max: max_v,
        total,
        shares,
        ..
    } = shares(input.slices.iter().map(|s| (s.value, s.hidden)));

    let slices: Vec<SliceGeom> = input
        .slices
        .iter()
        .zip(shares.iter())
        .enumerate()
        .map(|(index, (s, &share))| SliceGeom {
            index,
            hidden: s.hidden,
            share,
            start_angle: 0.0,
            end_angle: 0.0,
            offset: Point::ZERO,
            bar: Rect::ZERO,
            band: Rect::ZERO,
        })
        .collect();

    let mut layout = Layout {
        kind: input.kind,
        width: ctx.w,
        height: ctx.h,
        total,
        center: Point::new(ctx.w / 2.0, ctx.h / 2.0),
        radius: 0.0,
        inner_radius: 0.0,
        pull: 0.0,
        highlight: None,
        slices,
        labels: Vec::new(),
        plot: Rect::ZERO,
        line_width: scale,
        scale,
    };

    if input.kind.is_circular() {
        pie::layout_pie(&ctx, input.slices, &mut layout);
    } else {
        bar::layout_bar(&ctx, input.slices, &values, max_v, &mut layout);
    }
    bold::mark_bold_fits(&ctx, &mut layout.labels, ctx.w, PADDING * scale / 2.0);
    // Laid out without a highlight, then highlighted: the same steps a hover takes.
    layout.set_highlight(input.highlight);
    layout
}

impl Layout {
    /// Highlights another slice (or none) without laying the chart out again: on a pie or
    /// donut only the pulled-out slice and its label's leader move. A hidden or empty slice
    /// cannot be highlighted.
    pub fn set_highlight(&mut self, highlight: Option<usize>) {
        let highlight = highlight.filter(|&i| {
            self.slices
                .get(i)
                .is_some_and(|g| !g.hidden && g.share > 0.0)
        });
        let before = std::mem::replace(&mut self.highlight, highlight);
        if self.kind.is_circular() && before != highlight {
            pie::move_pull_out(self, before, highlight);
        }
    }
}

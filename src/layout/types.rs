//! The layout's nouns: what a caller gives ([`LayoutInput`], [`SliceInput`]) and what it gets
//! back ([`Layout`], [`SliceGeom`], [`Label`]), with the sizes every chart kind shares.

use super::geometry::{Point, Rect};
use super::labels::{safe_width, TextMeasure};
use crate::dataset::ChartKind;

/// One slice (category) of the chart, as given by the caller.
#[derive(Clone, Copy, Debug)]
pub struct SliceInput<'a> {
    /// Shown on the chart (may be Chinese, may be long).
    pub label: &'a str,
    /// Already formatted value, e.g. "1.66 亿元" or "73.5%": shown on bars and as the
    /// second line of pie labels.
    pub value_text: &'a str,
    /// The value, >= 0 (NaN, infinities and negatives count as 0).
    pub value: f64,
    /// Hidden by the legend: takes no angle or bar, is not hit-testable, and shares are
    /// computed without it.
    pub hidden: bool,
}

/// Everything [`compute`](super::compute) needs.
pub struct LayoutInput<'a> {
    pub kind: ChartKind,
    pub slices: &'a [SliceInput<'a>],
    /// Canvas size in device pixels (CSS px × devicePixelRatio).
    pub width: f64,
    pub height: f64,
    /// Label font size in device pixels (e.g. 13 × dpr).
    pub font_px: f64,
    /// devicePixelRatio: scales paddings, gaps and minimum sizes.
    pub scale: f64,
    /// Index into `slices` of the highlighted slice; on a pie or donut it is pulled out
    /// along its mid-angle by [`PULL_OUT`] × scale.
    pub highlight: Option<usize>,
    pub measure: &'a dyn TextMeasure,
}

/// The computed geometry of one chart.
///
/// Conventions the renderer must follow so that drawing agrees with [`Layout::hit_test`]:
/// * Coordinates are device pixels, origin top-left, y downwards.
/// * Angles are radians, 0 = 12 o'clock, growing clockwise on screen:
///   `point = centre + (r·sin a, −r·cos a)` (see [`Layout::point_on_arc`]).
/// * Slice `i` covers angles `[start_angle, end_angle)` and radii
///   `[inner_radius, radius]`, translated by its `offset` (non-zero only for the pulled-out
///   highlighted slice). Draw the highlighted slice last (on top): the hit test gives it
///   priority where it overlaps its neighbours.
/// * Label text: `anchor` is the top of the first line; its x is the left edge of the text,
///   or the right edge when `align_right` (draw with right alignment there). Lines are
///   `line_height` apart; `bounds` is the box of all lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub kind: ChartKind,
    pub width: f64,
    pub height: f64,
    /// Sum of the visible values (saturates at `f64::MAX`).
    pub total: f64,
    /// Pie/donut centre and radii; `inner_radius` is 0 for a pie. Unused for bars.
    pub center: Point,
    pub radius: f64,
    pub inner_radius: f64,
    /// Distance the highlighted pie/donut slice is pulled out (reserved around the circle
    /// whether or not a slice is highlighted).
    pub pull: f64,
    /// The highlighted slice, when it is a valid, visible index.
    pub highlight: Option<usize>,
    /// One per input slice, same order (hidden ones too, with zero sweep / empty bar).
    pub slices: Vec<SliceGeom>,
    /// Only the labels that fit. Pie: right column then left column, each top to bottom.
    /// Bar: for each row its category label then its value label.
    pub labels: Vec<Label>,
    /// Bar plot area (bars start at `plot.x`); zero for pie/donut.
    pub plot: Rect,
    /// Suggested stroke width for slice outlines and leader lines (1 × scale).
    pub line_width: f64,
    /// The scale (devicePixelRatio) the layout was made for, clamped as [`compute`](super::compute) clamps it.
    pub scale: f64,
}

/// Geometry of one slice.
#[derive(Clone, Debug, PartialEq)]
pub struct SliceGeom {
    pub index: usize,
    pub hidden: bool,
    /// value / total of visible values (0 for hidden).
    pub share: f64,
    /// Pie/donut: radians, 0 = 12 o'clock, clockwise; the slice covers
    /// `[start_angle, end_angle)`. Zero sweep for hidden or zero slices.
    pub start_angle: f64,
    pub end_angle: f64,
    /// Pull-out translation applied to this slice ((0,0) unless highlighted).
    pub offset: Point,
    /// Bar kind: the bar rectangle (zero width for a zero value, empty when hidden).
    pub bar: Rect,
    /// Bar kind: the whole row band (hit region, label + bar). Unused for pie/donut.
    pub band: Rect,
}

impl SliceGeom {
    pub fn sweep(&self) -> f64 {
        self.end_angle - self.start_angle
    }

    pub fn mid_angle(&self) -> f64 {
        (self.start_angle + self.end_angle) / 2.0
    }
}

/// What a label shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelRole {
    /// Pie/donut outside label: label lines, then value and percentage.
    Slice,
    /// Bar: the category text left of the bar (right-aligned).
    Category,
    /// Bar: the value text right of the bar end.
    Value,
}

/// A placed block of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub slice: usize,
    pub role: LabelRole,
    /// Wrapped lines (label lines, then the value line(s)).
    pub lines: Vec<String>,
    /// Top of the first line; x is the left edge, or the right edge when `align_right`.
    pub anchor: Point,
    /// Box of all lines.
    pub bounds: Rect,
    /// Text is right-aligned at `anchor.x` (left column of a pie, bar categories).
    pub align_right: bool,
    /// Pie: polyline from the arc edge at mid-angle, radially out, then horizontally to the
    /// label (with a short bend in the gutter when the label was pushed). Empty for bars.
    pub leader: Vec<Point>,
    pub line_height: f64,
    /// Drawn bold (its slice selected), the label still fits on the canvas.
    pub bold_fits: bool,
}

/// Pull-out distance of the highlighted pie slice, in CSS px (× scale).
pub const PULL_OUT: f64 = 6.0;
/// Canvas padding, in CSS px (× scale).
pub const PADDING: f64 = 8.0;
/// Line height as a multiple of the font size.
pub const LINE_HEIGHT: f64 = 1.3;
/// Donut hole radius as a fraction of the radius.
pub const DONUT_HOLE: f64 = 0.55;
/// Pie slices with a smaller share get no label.
pub const MIN_LABEL_SHARE: f64 = 0.01;

/// Sanitised input shared by the pie and bar layouts.
pub(crate) struct Ctx<'a> {
    pub kind: ChartKind,
    pub w: f64,
    pub h: f64,
    pub font: f64,
    pub scale: f64,
    pub line_h: f64,
    pub measure: &'a dyn TextMeasure,
}

impl Ctx<'_> {
    pub fn text_width(&self, text: &str) -> f64 {
        safe_width(self.measure, text, self.font)
    }
}

//! What a drawing looks like apart from its geometry: [`Paint`] (theme, emphasis, font), the
//! plotters styles made from it, and whole-pixel helpers shared by the chart's parts.

use std::borrow::Cow;

use plotters::coord::Shift;
use plotters::prelude::{
    DrawingArea, DrawingAreaErrorKind, DrawingBackend, FontDesc, FontFamily, FontStyle, RGBColor,
    Rectangle, ShapeStyle, TextStyle,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

use crate::layout::Point;
use crate::theme::{pattern_of, Rgb, Theme};

/// What drawing on a plotters area can fail with.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The area a chart is drawn on: backend pixels, origin top-left.
pub type Area<DB> = DrawingArea<DB, Shift>;

/// plotters' `SVGBackend` writes a font size as `size / 1.24`; exports to SVG pass this as
/// [`Paint::text_scale`] so the text is the size it was laid out at.
pub const SVG_TEXT_SCALE: f64 = 1.24;

/// Everything about a drawing that is not geometry.
pub struct Paint<'a> {
    pub theme: &'a Theme,
    pub font_px: f64,
    pub scale: f64,
    pub hover: Option<usize>,
    pub focus: Option<usize>,
    pub selected: Option<usize>,
    /// Entry animation, 0 to 1: slices sweep in, bars grow. Labels appear at 1.
    pub progress: f64,
    pub font_family: &'a str,
    /// The "Other" slice of a large chart, drawn in a neutral colour without a pattern.
    pub other: Option<usize>,
    /// Font sizes are multiplied by this before they reach the backend (see [`SVG_TEXT_SCALE`]).
    pub text_scale: f64,
}

/// The text without the characters that no font draws and XML 1.0 forbids (control
/// characters from a dataset would make an SVG export unreadable); right-to-left marks stay.
pub fn printable(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        c >= ' ' && !('\u{7f}'..='\u{9f}').contains(&c) && !matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// The plotters colour of an [`Rgb`].
pub fn colour(rgb: Rgb) -> RGBColor {
    RGBColor(rgb.0, rgb.1, rgb.2)
}

/// A filled shape of one opaque colour.
pub fn solid(rgb: Rgb) -> ShapeStyle {
    colour(rgb).filled()
}

/// An outline `width` backend pixels wide (at least one).
pub(super) fn stroke(rgb: Rgb, width: f64) -> ShapeStyle {
    colour(rgb).stroke_width(width.round().max(1.0) as u32)
}

/// A backend pixel position.
pub(super) fn pixel(p: Point) -> (i32, i32) {
    (p.x.round() as i32, p.y.round() as i32)
}

/// A horizontal or vertical line `width` pixels wide as a filled rectangle on whole pixels:
/// crisp, where a stroked path between pixel corners smears over two rows.
pub(super) fn straight_line<DB: DrawingBackend>(
    area: &Area<DB>,
    from: (i32, i32),
    to: (i32, i32),
    width: f64,
    rgb: Rgb,
) -> DrawResult<DB> {
    let w = width.round().max(1.0) as i32;
    let (x0, y0) = (from.0.min(to.0), from.1.min(to.1));
    let (x1, y1) = (from.0.max(to.0), from.1.max(to.1));
    let corners = if x0 == x1 {
        [(x0 - (w - 1) / 2, y0), (x0 + w / 2 + 1, y1)]
    } else {
        [(x0, y0 - (w - 1) / 2), (x1, y0 + w / 2 + 1)]
    };
    area.draw(&Rectangle::new(corners, solid(rgb)))
}

impl Paint<'_> {
    pub(super) fn base_colour(&self, index: usize) -> Rgb {
        if self.other == Some(index) {
            self.theme.other
        } else {
            self.theme.slice_colour(index)
        }
    }

    pub(super) fn pattern(&self, index: usize) -> usize {
        if self.other == Some(index) {
            0
        } else {
            pattern_of(index, self.theme.palette.len())
        }
    }

    pub(super) fn edge(&self, index: usize) -> Rgb {
        if self.other == Some(index) {
            self.theme.background
        } else {
            self.theme.edge_colour(index)
        }
    }

    /// A text style of `px` backend pixels, anchored at its top left (or top right).
    pub(super) fn text_style(&self, px: f64, rgb: Rgb, bold: bool, right: bool) -> TextStyle<'_> {
        let weight = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let family = FontFamily::Name(self.font_family);
        let h = if right { HPos::Right } else { HPos::Left };
        TextStyle {
            font: FontDesc::new(family, px * self.text_scale, weight),
            color: colour(rgb).to_backend_color(),
            pos: Pos::new(h, VPos::Top),
        }
    }

    /// A slice is dimmed while another one is selected, so the selection stands out.
    pub(super) fn slice_fill(&self, index: usize) -> Rgb {
        let base = self.base_colour(index);
        match self.selected {
            Some(selected) if selected != index => base.mix(self.theme.background, 0.55),
            _ => base,
        }
    }

    /// Outlines in drawing order: hover, then selection, then the keyboard focus ring on top.
    pub(super) fn emphasis(&self) -> Vec<(usize, f64, Rgb)> {
        let mut rings = Vec::new();
        if let Some(hover) = self.hover {
            rings.push((hover, 2.0, self.theme.text));
        }
        if let Some(selected) = self.selected {
            rings.push((selected, 3.0, self.theme.text));
        }
        if let Some(focus) = self.focus {
            // Two rings, like the browser's own focus indicator: visible on any slice colour.
            rings.push((focus, 6.0, self.theme.background));
            rings.push((focus, 3.0, self.theme.focus));
        }
        rings
    }
}

//! Draws a [`Layout`] with plotters' backend primitives on any `DrawingBackend`: the canvas in the
//! browser, SVG ([`crate::svg`]) for exports and tests. Slices are our own polygons (see DESIGN.md on why not
//! plotters' `Pie`).

use std::convert::Infallible;

use crate::layout::Within;

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};

use crate::dataset::ChartKind;
use crate::layout::{LabelRole, Layout, Point};
use crate::theme::{pattern_of, Rgb, Theme};

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
    /// Where the layout's origin lands on the backend (exports put a title above the chart).
    pub origin: (f64, f64),
    pub font_family: &'a str,
    /// The "Other" slice of a large chart, drawn in a neutral colour without a pattern.
    pub other: Option<usize>,
}

/// The text without the characters that no font draws and XML 1.0 forbids (control
/// characters from a dataset would make an SVG export unreadable); right-to-left marks stay.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| {
        c >= ' ' && !('\u{7f}'..='\u{9f}').contains(&c) && !matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

type DrawResult<DB> = Result<(), DrawingErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// An opaque colour and a line width: what the backends need of a shape's style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ink {
    pub rgb: Rgb,
    pub width: u32,
}

impl BackendStyle for Ink {
    fn color(&self) -> BackendColor {
        BackendColor {
            alpha: 1.0,
            rgb: (self.rgb.0, self.rgb.1, self.rgb.2),
        }
    }

    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A filled shape style of one opaque colour.
pub fn solid(rgb: Rgb) -> Ink {
    Ink { rgb, width: 0 }
}

fn stroke(rgb: Rgb, width: f64) -> Ink {
    Ink {
        rgb,
        width: width.round().max(1.0) as u32,
    }
}

/// A label's font, anchored at its top left or top right. Ours rather than plotters'
/// `TextStyle`, whose font parsing lower-cases names through the Unicode case tables (20 KB of
/// the `.wasm`) and whose sizes are printed with the float formatter.
#[derive(Clone, Copy, Debug)]
pub struct Font<'a> {
    pub family: &'a str,
    /// Size in backend pixels.
    pub px: f64,
    pub bold: bool,
    pub rgb: Rgb,
    pub align_right: bool,
}

impl BackendTextStyle for Font<'_> {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        solid(self.rgb).color()
    }

    fn size(&self) -> f64 {
        self.px
    }

    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        let h = if self.align_right {
            HPos::Right
        } else {
            HPos::Left
        };
        Pos::new(h, VPos::Top)
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }

    /// An estimate: our backends measure and draw text themselves.
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        let width = text.chars().count() as f64 * self.px * 0.6;
        Ok(((0, 0), (width.round() as i32, self.px.round() as i32)))
    }

    /// Rasterising glyphs pixel by pixel is plotters' fallback for backends without text; both
    /// of ours draw text natively, so there is nothing to do here.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _at: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

impl Paint<'_> {
    fn base_colour(&self, index: usize) -> Rgb {
        if self.other == Some(index) {
            self.theme.other
        } else {
            self.theme.slice_colour(index)
        }
    }

    fn pattern(&self, index: usize) -> usize {
        if self.other == Some(index) {
            0
        } else {
            pattern_of(index, self.theme.palette.len())
        }
    }

    fn edge(&self, index: usize) -> Rgb {
        if self.other == Some(index) {
            self.theme.background
        } else {
            self.theme.edge_colour(index)
        }
    }

    fn at(&self, p: Point) -> BackendCoord {
        (
            (p.x + self.origin.0).round() as i32,
            (p.y + self.origin.1).round() as i32,
        )
    }

    fn text_style(&self, px: f64, rgb: Rgb, bold: bool, right: bool) -> Font<'_> {
        Font {
            family: self.font_family,
            px,
            bold,
            rgb,
            align_right: right,
        }
    }

    /// A slice is dimmed while another one is selected, so the selection stands out.
    fn slice_fill(&self, index: usize) -> Rgb {
        let base = self.base_colour(index);
        match self.selected {
            Some(selected) if selected != index => base.mix(self.theme.background, 0.55),
            _ => base,
        }
    }
}

/// Draws the chart: slices or bars, patterns, outlines for hover, selection and focus, labels.
pub fn draw_chart<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    match layout.kind {
        ChartKind::Pie | ChartKind::Donut => draw_circle(backend, layout, paint)?,
        ChartKind::Bar => draw_bars(backend, layout, paint)?,
    }
    if paint.progress >= 1.0 {
        draw_labels(backend, layout, paint)?;
    }
    Ok(())
}

fn draw_circle<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    let progress = paint.progress.within(0.0, 1.0);
    let step = 0.04; // radians per polygon edge: smooth at any radius up to ~1000 px
                     // The entry animation sweeps the slices in; drawn at rest, the layout is used as it is (a
                     // copy of a 10,000-slice layout per draw was measurable).
    let swept;
    let animated = if progress < 1.0 {
        let mut copy = layout.clone();
        for slice in &mut copy.slices {
            slice.start_angle *= progress;
            slice.end_angle *= progress;
        }
        swept = copy;
        &swept
    } else {
        layout
    };
    // The pulled-out slice goes last, on top of its neighbours, as the hit test assumes.
    // Only what is drawn: a 10,000-slice chart lays out every slice but draws two dozen.
    let drawn = |s: &&crate::layout::SliceGeom| !s.hidden && s.end_angle > s.start_angle;
    let is_highlight = |s: &&crate::layout::SliceGeom| layout.highlight == Some(s.index);
    let mut order: Vec<&crate::layout::SliceGeom> = animated
        .slices
        .iter()
        .filter(|s| drawn(s) && !is_highlight(s))
        .collect();
    order.extend(
        animated
            .slices
            .iter()
            .filter(|s| drawn(s) && is_highlight(s)),
    );
    for slice in order {
        let points: Vec<BackendCoord> = animated
            .arc_points(slice.index, layout.radius, layout.inner_radius, step)
            .into_iter()
            .map(|p| paint.at(p))
            .collect();
        backend.fill_polygon(
            points.iter().copied(),
            &solid(paint.slice_fill(slice.index)),
        )?;
        let pattern = paint.pattern(slice.index);
        if pattern > 0 {
            draw_ring_pattern(backend, animated, slice.index, pattern, paint)?;
        }
        // A gap in the background colour separates neighbours; light fills get a darker edge.
        let mut outline = points.clone();
        if let Some(first) = points.first() {
            outline.push(*first);
        }
        let edge = paint.edge(slice.index);
        backend.draw_path(outline, &stroke(edge, 1.5 * paint.scale))?;
    }
    for (index, width, rgb) in emphasis(paint) {
        let Some(slice) = animated.slices.get(index) else {
            continue;
        };
        if slice.hidden || slice.end_angle <= slice.start_angle {
            continue;
        }
        let mut points: Vec<BackendCoord> = animated
            .arc_points(index, layout.radius, layout.inner_radius, step)
            .into_iter()
            .map(|p| paint.at(p))
            .collect();
        if let Some(first) = points.first().copied() {
            points.push(first);
        }
        backend.draw_path(points, &stroke(rgb, width * paint.scale))?;
    }
    Ok(())
}

/// Outlines in drawing order: hover, then selection, then the keyboard focus ring on top.
fn emphasis(paint: &Paint) -> Vec<(usize, f64, Rgb)> {
    let mut rings = Vec::new();
    if let Some(hover) = paint.hover {
        rings.push((hover, 2.0, paint.theme.text));
    }
    if let Some(selected) = paint.selected {
        rings.push((selected, 3.0, paint.theme.text));
    }
    if let Some(focus) = paint.focus {
        // Two rings, like the browser's own focus indicator: visible on any slice colour.
        rings.push((focus, 6.0, paint.theme.background));
        rings.push((focus, 3.0, paint.theme.focus));
    }
    rings
}

/// Concentric rings inside one slice: thin and close (pattern 1) or bold and wide (pattern 2),
/// so slices that repeat a palette colour still look different. Rings, not radial stripes:
/// radial lines would read as slice boundaries.
fn draw_ring_pattern<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    index: usize,
    pattern: usize,
    paint: &Paint,
) -> DrawResult<DB> {
    let Some(slice) = layout.slices.get(index) else {
        return Ok(());
    };
    let ink = paint.slice_fill(index).mix(paint.theme.background, 0.5);
    let (spacing, width) = if pattern == 1 {
        (6.0, 1.0)
    } else {
        (12.0, 3.0)
    };
    let (inner, outer) = (layout.inner_radius, layout.radius);
    let mut r = inner + spacing * paint.scale;
    while r < outer - 2.0 * paint.scale {
        let mut points = Vec::new();
        let mut angle = slice.start_angle;
        while angle <= slice.end_angle {
            let p = layout.point_on_arc(angle, r);
            points.push(paint.at(Point::new(p.x + slice.offset.x, p.y + slice.offset.y)));
            angle += 0.03;
        }
        backend.draw_path(points, &stroke(ink, width * paint.scale))?;
        r += spacing * paint.scale;
    }
    Ok(())
}

fn draw_bars<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    let progress = paint.progress.within(0.0, 1.0);
    // The baseline, so that short bars still read as measured from zero.
    let base_x = layout.plot.x;
    backend.draw_line(
        paint.at(Point {
            x: base_x,
            y: layout.plot.y,
        }),
        paint.at(Point {
            x: base_x,
            y: layout.plot.y + layout.plot.h,
        }),
        &stroke(paint.theme.grid, paint.scale),
    )?;
    for slice in layout.slices.iter().filter(|s| !s.hidden) {
        let bar = slice.bar;
        let top_left = paint.at(Point { x: bar.x, y: bar.y });
        let bottom_right = paint.at(Point {
            x: bar.x + bar.w * progress,
            y: bar.y + bar.h,
        });
        if bottom_right.0 > top_left.0 {
            backend.draw_rect(
                top_left,
                bottom_right,
                &solid(paint.slice_fill(slice.index)),
                true,
            )?;
            let edge = paint.edge(slice.index);
            if edge != paint.theme.background {
                backend.draw_rect(top_left, bottom_right, &stroke(edge, paint.scale), false)?;
            }
            let pattern = paint.pattern(slice.index);
            if pattern > 0 {
                let ink = paint
                    .theme
                    .background
                    .mix(paint.slice_fill(slice.index), 0.25);
                let spacing = (8.0 * paint.scale).max(2.0) as i32;
                if pattern == 1 {
                    let mut x = top_left.0 + spacing / 2;
                    while x < bottom_right.0 {
                        backend.draw_line(
                            (x, top_left.1),
                            (x, bottom_right.1),
                            &stroke(ink, paint.scale),
                        )?;
                        x += spacing;
                    }
                } else {
                    let y = (top_left.1 + bottom_right.1) / 2;
                    backend.draw_line(
                        (top_left.0, y),
                        (bottom_right.0, y),
                        &stroke(ink, 2.0 * paint.scale),
                    )?;
                }
            }
        }
    }
    for (index, width, rgb) in emphasis(paint) {
        let Some(slice) = layout.slices.get(index) else {
            continue;
        };
        if slice.hidden {
            continue;
        }
        let band = slice.band;
        let pad = (width / 2.0) * paint.scale;
        let a = paint.at(Point {
            x: band.x + pad,
            y: band.y + pad,
        });
        let b = paint.at(Point {
            x: band.x + band.w - pad,
            y: band.y + band.h - pad,
        });
        let path = vec![a, (b.0, a.1), b, (a.0, b.1), a];
        backend.draw_path(path, &stroke(rgb, width * paint.scale))?;
    }
    Ok(())
}

fn draw_labels<DB: DrawingBackend>(
    backend: &mut DB,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    for label in &layout.labels {
        if label.leader.len() >= 2 {
            let path: Vec<BackendCoord> = label.leader.iter().map(|p| paint.at(*p)).collect();
            backend.draw_path(path, &stroke(paint.theme.leader, paint.scale))?;
        }
        let selected = paint.selected == Some(label.slice);
        let count = label.lines.len();
        for (row, line) in label.lines.iter().enumerate() {
            // A pie label's last line is its value: muted unless its slice is selected.
            let is_value = label.role == LabelRole::Slice && row + 1 == count && count > 1;
            let rgb = if is_value && !selected {
                paint.theme.muted_text
            } else {
                paint.theme.text
            };
            let x = label.anchor.x;
            let y = label.anchor.y + row as f64 * label.line_height;
            let style =
                paint.text_style(paint.font_px, rgb, selected && !is_value, label.align_right);
            backend.draw_text(&printable(line), &style, paint.at(Point { x, y }))?;
        }
    }
    Ok(())
}

/// A line of text at a point, for titles and credit lines in exports.
pub fn draw_text_line<DB: DrawingBackend>(
    backend: &mut DB,
    paint: &Paint,
    text: &str,
    at: Point,
    px: f64,
    muted: bool,
    bold: bool,
) -> DrawResult<DB> {
    let rgb = if muted {
        paint.theme.muted_text
    } else {
        paint.theme.text
    };
    let style = paint.text_style(px, rgb, bold, false);
    backend.draw_text(&printable(text), &style, paint.at(at))
}

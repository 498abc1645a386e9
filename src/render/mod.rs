//! Draws a [`Layout`] with plotters: its elements (`Polygon`, `PathElement`, `Rectangle`,
//! `Text`) on a `DrawingArea` of any backend, plotters-canvas's `CanvasBackend` in the browser
//! and plotters' `SVGBackend` for exports and tests.

mod bars;
mod circle;
mod labels;
mod paint;

use plotters::prelude::{DrawingBackend, IntoDrawingArea, SVGBackend};

use crate::dataset::ChartKind;
use crate::layout::Layout;

pub use labels::draw_text_line;
pub use paint::{colour, printable, solid, Area, DrawResult, Paint, SVG_TEXT_SCALE};

/// Draws the chart: slices or bars, patterns, outlines for hover, selection and focus, labels.
pub fn draw_chart<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    match layout.kind {
        ChartKind::Pie | ChartKind::Donut => circle::draw_circle(area, layout, paint)?,
        ChartKind::Bar => bars::draw_bars(area, layout, paint)?,
    }
    if paint.progress >= 1.0 {
        labels::draw_labels(area, layout, paint)?;
    }
    Ok(())
}

/// The chart alone as an SVG document of `size` backend pixels, through plotters' `SVGBackend`.
pub fn chart_svg(layout: &Layout, paint: &Paint, size: (u32, u32)) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // Drawing into a String fails only on a plotters bug; what was drawn is kept.
        let _ = draw_chart(&area, layout, paint);
        let _ = area.present();
    }
    out
}

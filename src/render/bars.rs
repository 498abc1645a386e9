//! Bar charts: the baseline, bars with their edges and patterns, and the emphasis frames.

use plotters::prelude::{DrawingBackend, PathElement, Rectangle};

use super::paint::{pixel, solid, straight_line, stroke, Area, DrawResult, Paint};
use crate::layout::{Layout, Point, SliceGeom, Within};

pub(super) fn draw_bars<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    // The baseline, so that short bars still read as measured from zero.
    let plot = layout.plot;
    straight_line(
        area,
        pixel(Point::new(plot.x, plot.y)),
        pixel(Point::new(plot.x, plot.bottom())),
        paint.scale,
        paint.theme.grid,
    )?;
    let progress = paint.progress.within(0.0, 1.0);
    for slice in layout.slices.iter().filter(|s| !s.hidden) {
        draw_bar(area, slice, progress, paint)?;
    }
    for (index, width, rgb) in paint.emphasis() {
        let Some(slice) = layout.slices.get(index).filter(|s| !s.hidden) else {
            continue;
        };
        let band = slice.band;
        let pad = (width / 2.0) * paint.scale;
        let a = pixel(Point::new(band.x + pad, band.y + pad));
        let b = pixel(Point::new(band.right() - pad, band.bottom() - pad));
        let frame = vec![a, (b.0, a.1), b, (a.0, b.1), a];
        area.draw(&PathElement::new(frame, stroke(rgb, width * paint.scale)))?;
    }
    Ok(())
}

/// One bar, grown to `progress` of its length, with its edge and pattern.
fn draw_bar<DB: DrawingBackend>(
    area: &Area<DB>,
    slice: &SliceGeom,
    progress: f64,
    paint: &Paint,
) -> DrawResult<DB> {
    let bar = slice.bar;
    let top_left = pixel(Point::new(bar.x, bar.y));
    let bottom_right = pixel(Point::new(bar.x + bar.w * progress, bar.bottom()));
    if bottom_right.0 <= top_left.0 {
        return Ok(());
    }
    let fill = paint.slice_fill(slice.index);
    area.draw(&Rectangle::new([top_left, bottom_right], solid(fill)))?;
    let edge = paint.edge(slice.index);
    if edge != paint.theme.background {
        let outline = stroke(edge, paint.scale);
        area.draw(&Rectangle::new([top_left, bottom_right], outline))?;
    }
    let ink = paint.theme.background.mix(fill, 0.25);
    match paint.pattern(slice.index) {
        1 => {
            // Vertical stripes across the bar.
            let spacing = (8.0 * paint.scale).max(2.0) as i32;
            let mut x = top_left.0 + spacing / 2;
            while x < bottom_right.0 {
                let (from, to) = ((x, top_left.1), (x, bottom_right.1));
                straight_line(area, from, to, paint.scale, ink)?;
                x += spacing;
            }
        }
        2 => {
            // One bold line along the middle.
            let y = (top_left.1 + bottom_right.1) / 2;
            let (from, to) = ((top_left.0, y), (bottom_right.0, y));
            straight_line(area, from, to, 2.0 * paint.scale, ink)?;
        }
        _ => {}
    }
    Ok(())
}

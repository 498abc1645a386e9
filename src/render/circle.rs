//! Pie and donut slices: fills, ring patterns, edges and the hover, selection and focus rings.

use plotters::prelude::{DrawingBackend, PathElement, Polygon};

use super::paint::{pixel, solid, stroke, Area, DrawResult, Paint};
use crate::layout::{Layout, SliceGeom, Within};

/// The longest arc between two vertices of a slice's outline, in backend pixels: short enough
/// that the rim reads as round at any devicePixelRatio.
const ARC_VERTEX_SPACING: f64 = 2.0;
/// The widest angle between two vertices, for tiny radii.
const MAX_ARC_STEP: f64 = 0.1;

/// The angle between vertices that keeps them `ARC_VERTEX_SPACING` apart on radius `r`.
fn arc_step(r: f64) -> f64 {
    if r > 0.0 {
        (ARC_VERTEX_SPACING / r).min(MAX_ARC_STEP)
    } else {
        MAX_ARC_STEP
    }
}

pub(super) fn draw_circle<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &Layout,
    paint: &Paint,
) -> DrawResult<DB> {
    let progress = paint.progress.within(0.0, 1.0);
    // The entry animation sweeps the slices in; drawn at rest, the layout is used as it is,
    // without a copy per draw.
    let swept;
    let shown = if progress < 1.0 {
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
    for slice in drawing_order(shown) {
        draw_slice(area, shown, slice, paint)?;
    }
    for (index, width, rgb) in paint.emphasis() {
        let outline = closed_outline(shown, index);
        if !outline.is_empty() {
            area.draw(&PathElement::new(outline, stroke(rgb, width * paint.scale)))?;
        }
    }
    Ok(())
}

/// The slices to draw, the pulled-out one last (on top of its neighbours, as the hit test
/// assumes). Only what has an angle: a 10,000-slice chart lays out every slice but draws two
/// dozen.
fn drawing_order(layout: &Layout) -> Vec<&SliceGeom> {
    let drawn = |s: &&SliceGeom| !s.hidden && s.end_angle > s.start_angle;
    let highlighted = |s: &&SliceGeom| layout.highlight == Some(s.index);
    let mut order: Vec<&SliceGeom> = layout
        .slices
        .iter()
        .filter(|s| drawn(s) && !highlighted(s))
        .collect();
    order.extend(layout.slices.iter().filter(|s| drawn(s) && highlighted(s)));
    order
}

/// A slice's outline in backend pixels, its first vertex repeated at the end; empty when the
/// slice has no angle.
fn closed_outline(layout: &Layout, index: usize) -> Vec<(i32, i32)> {
    let step = arc_step(layout.radius);
    let mut points: Vec<(i32, i32)> = layout
        .arc_points(index, layout.radius, layout.inner_radius, step)
        .into_iter()
        .map(pixel)
        .collect();
    if let Some(first) = points.first().copied() {
        points.push(first);
    }
    points
}

fn draw_slice<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &Layout,
    slice: &SliceGeom,
    paint: &Paint,
) -> DrawResult<DB> {
    let outline = closed_outline(layout, slice.index);
    let fill = outline
        .get(..outline.len().saturating_sub(1))
        .unwrap_or(&[]);
    area.draw(&Polygon::new(
        fill.to_vec(),
        solid(paint.slice_fill(slice.index)),
    ))?;
    let pattern = paint.pattern(slice.index);
    if pattern > 0 {
        draw_ring_pattern(area, layout, slice, pattern, paint)?;
    }
    // A gap in the background colour separates neighbours; light fills get a darker edge.
    let edge = stroke(paint.edge(slice.index), 1.5 * paint.scale);
    area.draw(&PathElement::new(outline, edge))
}

/// Concentric rings inside one slice: thin and close (pattern 1) or bold and wide (pattern 2),
/// so slices that repeat a palette colour still look different. Rings, not radial stripes:
/// radial lines would read as slice boundaries.
fn draw_ring_pattern<DB: DrawingBackend>(
    area: &Area<DB>,
    layout: &Layout,
    slice: &SliceGeom,
    pattern: usize,
    paint: &Paint,
) -> DrawResult<DB> {
    let ink = paint
        .slice_fill(slice.index)
        .mix(paint.theme.background, 0.5);
    let (spacing, width) = if pattern == 1 {
        (6.0, 1.0)
    } else {
        (12.0, 3.0)
    };
    let style = stroke(ink, width * paint.scale);
    let mut r = layout.inner_radius + spacing * paint.scale;
    while r < layout.radius - 2.0 * paint.scale {
        let step = arc_step(r);
        let mut points = Vec::new();
        let mut angle = slice.start_angle;
        while angle <= slice.end_angle {
            points.push(pixel(layout.point_on_arc(angle, r).offset_by(slice.offset)));
            angle += step;
        }
        area.draw(&PathElement::new(points, style))?;
        r += spacing * paint.scale;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arc_vertices_are_at_most_two_pixels_apart() {
        for r in [10.0, 100.0, 300.0, 900.0, 2400.0] {
            let step = arc_step(r);
            let chord = 2.0 * r * (step / 2.0).sin();
            assert!(chord <= ARC_VERTEX_SPACING + 1e-9, "radius {r}: {chord} px");
        }
        assert_eq!(arc_step(0.0), MAX_ARC_STEP);
    }
}

//! Motion between two pictures of one chart: the geometry part-way from the layout on screen to
//! the next one, so that the eye can follow what changed (a kind, a hidden slice).

use super::geometry::{Point, Rect};
use super::types::{Layout, SliceGeom};

/// How long a change takes to draw, in ms.
pub const MORPH_MS: f64 = 300.0;

/// Eases a linear 0..1 into a quick start and a gentle landing (cubic ease-out).
pub fn ease_out(t: f64) -> f64 {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        1.0
    };
    1.0 - (1.0 - t).powi(3)
}

/// Whether `from` can turn into `to`: the same slices, in the same order (a change of kind or
/// of what is hidden, not of chart).
pub fn can_morph(from: &Layout, to: &Layout) -> bool {
    from.slices.len() == to.slices.len()
        && from
            .slices
            .iter()
            .zip(&to.slices)
            .all(|(a, b)| a.index == b.index)
}

/// The chart `t` (eased, 0..=1) of the way from `from` to `to`. Circle to circle: angles, radii
/// and centre move, so neighbours close the gap of a hidden slice and a pie opens into a donut.
/// Bar to bar: the bars move. Between a circle and bars: the new picture grows from nothing.
/// Labels wait for the end: `t >= 1` is `to` itself.
pub fn between(from: &Layout, to: &Layout, t: f64) -> Layout {
    if t >= 1.0 || !t.is_finite() {
        return to.clone();
    }
    let t = t.max(0.0);
    let mut frame = to.clone();
    frame.labels.clear();
    let highlight = frame.highlight.take();
    let same_family = from.kind.is_circular() == to.kind.is_circular();
    for slice in frame.slices.iter_mut() {
        slice.offset = Point::ZERO;
        let before = from.slices.get(slice.index).filter(|_| same_family);
        if to.kind.is_circular() {
            sweep_between(slice, before, t);
        } else {
            bar_between(slice, before, t);
        }
    }
    if same_family {
        frame.center = lerp_point(from.center, to.center, t);
        frame.radius = lerp(from.radius, to.radius, t);
        frame.inner_radius = lerp(from.inner_radius, to.inner_radius, t);
        frame.plot = lerp_rect(from.plot, to.plot, t);
    }
    // The pull-out follows the slice's angle as it moves; a hover is never delayed.
    frame.set_highlight(highlight);
    frame
}

/// A slice's angles part-way from where it was, or swept in from 12 o'clock.
fn sweep_between(slice: &mut SliceGeom, before: Option<&SliceGeom>, t: f64) {
    let (start, end) = before.map_or((0.0, 0.0), |b| (b.start_angle, b.end_angle));
    slice.start_angle = lerp(start, slice.start_angle, t);
    slice.end_angle = lerp(end, slice.end_angle, t);
}

/// A bar part-way from where it was, or grown from its baseline.
fn bar_between(slice: &mut SliceGeom, before: Option<&SliceGeom>, t: f64) {
    match before {
        Some(before) => {
            slice.bar = lerp_rect(before.bar, slice.bar, t);
            slice.band = lerp_rect(before.band, slice.band, t);
        }
        None => slice.bar.w *= t,
    }
}

fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

fn lerp_point(a: Point, b: Point, t: f64) -> Point {
    Point::new(lerp(a.x, b.x, t), lerp(a.y, b.y, t))
}

fn lerp_rect(a: Rect, b: Rect, t: f64) -> Rect {
    Rect {
        x: lerp(a.x, b.x, t),
        y: lerp(a.y, b.y, t),
        w: lerp(a.w, b.w, t),
        h: lerp(a.h, b.h, t),
    }
}

//! Hit testing (O(log n) binary searches) and arc helpers for drawing.

use std::f64::consts::TAU;

use super::geometry::Point;
use super::pie::polar;
use super::types::{Layout, SliceGeom};
use crate::dataset::ChartKind;

/// Most points of one arc of [`Layout::arc_points`].
const MAX_ARC_STEPS: usize = 4096;

/// Angle of the vector `(dx, dy)` (screen coordinates) in `[0, TAU)`, 0 = up, clockwise.
pub(crate) fn angle_of(dx: f64, dy: f64) -> f64 {
    let a = dx.atan2(-dy);
    let a = if a < 0.0 { a + TAU } else { a };
    if a >= TAU {
        0.0
    } else {
        a
    }
}

impl Layout {
    /// Where a slice's tooltip goes when no pointer is over it: on the slice itself (the end of
    /// a bar, the middle of a pie or donut slice's ring). None for a hidden or unknown slice.
    pub fn anchor_of(&self, index: usize) -> Option<Point> {
        let slice = self.slices.get(index)?;
        if slice.hidden {
            return None;
        }
        Some(match self.kind {
            ChartKind::Bar => {
                Point::new(slice.bar.x + slice.bar.w, slice.bar.y + slice.bar.h / 2.0)
            }
            _ => {
                let r = (self.radius + self.inner_radius) / 2.0;
                let p = self.point_on_arc(slice.mid_angle(), r);
                Point::new(p.x + slice.offset.x, p.y + slice.offset.y)
            }
        })
    }

    /// The slice under the point `(x, y)` (device px): `None` outside the chart, in the
    /// donut hole, between bars, or on hidden / zero slices.
    ///
    /// Pie/donut: the pulled-out highlighted slice is tested first in its own (offset)
    /// frame, then the others by distance and a binary search on the end angles; a point
    /// exactly on a boundary angle belongs to the slice that starts there. Bar: binary
    /// search on the row bands; anywhere in a band (label or bar) hits its slice.
    pub fn hit_test(&self, x: f64, y: f64) -> Option<usize> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        if self.kind.is_circular() {
            self.hit_circle(x, y)
        } else {
            self.hit_bar(x, y)
        }
    }

    /// The slice a hovering pointer at `(x, y)` is over, given the one it was over: as
    /// [`Layout::hit_test`], except that the pulled-out slice keeps the place it left too. A
    /// pointer at its edge would otherwise find that place empty, un-highlight it, find it
    /// there again, and make it snap back and forth.
    pub fn hover_test(&self, x: f64, y: f64, hovered: Option<usize>) -> Option<usize> {
        let hit = self.hit_test(x, y);
        if hit.is_some() || !self.kind.is_circular() {
            return hit;
        }
        let pulled = self.pulled().filter(|g| Some(g.index) == hovered)?;
        let (dx, dy) = (x - self.center.x, y - self.center.y);
        let d = dx.hypot(dy);
        let a = angle_of(dx, dy);
        let in_place = d >= self.inner_radius
            && d <= self.radius
            && a >= pulled.start_angle
            && a < pulled.end_angle;
        in_place.then_some(pulled.index)
    }

    fn pulled(&self) -> Option<&SliceGeom> {
        self.highlight
            .and_then(|i| self.slices.get(i))
            .filter(|g| g.offset != Point::ZERO)
    }

    fn hit_circle(&self, x: f64, y: f64) -> Option<usize> {
        if !(self.radius > 0.0 && self.total > 0.0) {
            return None;
        }
        let in_ring = |d: f64| d >= self.inner_radius && d <= self.radius;
        let pulled = self.pulled();
        if let Some(g) = pulled {
            let dx = x - self.center.x - g.offset.x;
            let dy = y - self.center.y - g.offset.y;
            let a = angle_of(dx, dy);
            if in_ring(dx.hypot(dy)) && a >= g.start_angle && a < g.end_angle {
                return Some(g.index);
            }
        }
        let dx = x - self.center.x;
        let dy = y - self.center.y;
        if !in_ring(dx.hypot(dy)) {
            return None;
        }
        let a = angle_of(dx, dy);
        let idx = self.slices.partition_point(|g| g.end_angle <= a);
        let g = self.slices.get(idx)?;
        let hit = !g.hidden && g.start_angle <= a && a < g.end_angle;
        // The pulled slice's original place is empty.
        let vacated = pulled.is_some_and(|p| p.index == idx);
        (hit && !vacated).then_some(idx)
    }

    fn hit_bar(&self, x: f64, y: f64) -> Option<usize> {
        let idx = self.slices.partition_point(|g| g.band.bottom() <= y);
        let g = self.slices.get(idx)?;
        (!g.hidden && g.band.contains(x, y)).then_some(idx)
    }

    /// The point at `angle` (radians, 0 = 12 o'clock, clockwise) and distance `r` from the
    /// centre (no pull-out offset).
    pub fn point_on_arc(&self, angle: f64, r: f64) -> Point {
        polar(self.center, angle, r)
    }

    /// Closed polygon of slice `slice` as a ring sector between `r_inner` and `r_outer`,
    /// translated by the slice's offset: the outer arc from start to end angle, then the
    /// inner arc back (or the centre when `r_inner` is 0). Arcs are split in steps of at
    /// most `max_step_rad`. A 100 % slice gives a full disc or ring (outer circle, then the
    /// inner circle backwards, joined by a zero-width seam). Empty for hidden, zero or
    /// unknown slices.
    pub fn arc_points(
        &self,
        slice: usize,
        r_outer: f64,
        r_inner: f64,
        max_step_rad: f64,
    ) -> Vec<Point> {
        let Some(g) = self.slices.get(slice) else {
            return Vec::new();
        };
        let sweep = g.sweep();
        if g.hidden || sweep.is_nan() || sweep <= 0.0 {
            return Vec::new();
        }
        let r_outer = if r_outer.is_finite() {
            r_outer.max(0.0)
        } else {
            0.0
        };
        let r_inner = if r_inner.is_finite() {
            r_inner.max(0.0).min(r_outer)
        } else {
            0.0
        };
        let step = if max_step_rad.is_finite() && max_step_rad > 0.0 {
            max_step_rad
        } else {
            0.05
        };
        let steps = (sweep / step).ceil();
        let steps = if steps >= 1.0 {
            (steps.min(MAX_ARC_STEPS as f64)) as usize
        } else {
            1
        };
        let origin = self.center.offset_by(g.offset);
        let at = |k: usize, r: f64| {
            let a = g.start_angle + sweep * (k as f64 / steps as f64);
            polar(origin, a, r)
        };
        let full = sweep >= TAU - 1e-12;
        let mut pts = Vec::with_capacity(2 * steps + 2);
        pts.extend((0..=steps).map(|k| at(k, r_outer)));
        if r_inner > 0.0 {
            pts.extend((0..=steps).rev().map(|k| at(k, r_inner)));
        } else if !full {
            pts.push(origin);
        }
        pts
    }
}

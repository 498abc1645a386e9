//! Plain points and axis-aligned rectangles in device pixels (y grows downwards).

/// A point in device pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub const ZERO: Point = Point { x: 0.0, y: 0.0 };

    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// Euclidean distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// `self + other`, as a translation.
    pub fn offset_by(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }
}

/// An axis-aligned rectangle: top-left corner `(x, y)`, width `w`, height `h`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub const ZERO: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 0.0,
        h: 0.0,
    };

    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// True when the rectangle has no area.
    pub fn is_empty(&self) -> bool {
        !(self.w > 0.0 && self.h > 0.0)
    }

    /// Half-open containment: `x <= px < x + w` and `y <= py < y + h`, so adjacent
    /// rectangles never both contain a point on their shared edge.
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px < self.right() && py >= self.y && py < self.bottom()
    }

    /// True when the two rectangles share interior area (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        !self.is_empty()
            && !other.is_empty()
            && self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// True when `other` lies entirely inside `self` (edges may touch), with a tolerance `eps`.
    pub fn contains_rect(&self, other: &Rect, eps: f64) -> bool {
        other.x >= self.x - eps
            && other.y >= self.y - eps
            && other.right() <= self.right() + eps
            && other.bottom() <= self.bottom() + eps
    }

    /// Grows the rectangle by `d` on every side (shrinks for negative `d`, never below zero size).
    pub fn inflate(&self, d: f64) -> Rect {
        let w = (self.w + 2.0 * d).max(0.0);
        let h = (self.h + 2.0 * d).max(0.0);
        Rect::new(self.x - d, self.y - d, w, h)
    }

    /// Shortest distance from `p` to the rectangle (0 when `p` is inside).
    pub fn distance_to(&self, p: Point) -> f64 {
        let dx = (self.x - p.x).max(0.0).max(p.x - self.right());
        let dy = (self.y - p.y).max(0.0).max(p.y - self.bottom());
        dx.hypot(dy)
    }
}

/// `f64::clamp` without its panic, whose message prints floats and so keeps the float formatter
/// in the `.wasm`. A NaN becomes `min`, so a broken number still lands inside the bounds.
pub trait Within {
    fn within(self, min: f64, max: f64) -> f64;
}

impl Within for f64 {
    fn within(self, min: f64, max: f64) -> f64 {
        self.max(min).min(max)
    }
}

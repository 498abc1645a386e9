//! What changed between two drawings of a chart, so that a hover redraws only there.
//!
//! A [`Recorder`] is a drawing backend that keeps, for each primitive [`crate::render`] issues,
//! a fingerprint and bounds that hold every pixel the primitive can touch. [`damage`] compares
//! two such lists: the bounds of the primitives that differ are the regions to redraw, and a
//! [`Clipped`] backend passes on to the real one only the primitives that reach those regions.
//!
//! Why the result is the picture a full redraw gives: outside the regions both drawings are the
//! same primitives in the same order (that is checked; otherwise the damage is [`Damage::Full`]);
//! inside them every primitive that can reach them is drawn again, in order, on a cleared canvas
//! (whole, not clipped: a clipped path is antialiased differently) and the regions, whole pixels,
//! are copied over.

use std::collections::HashMap;
use std::convert::Infallible;
use std::hash::{Hash, Hasher};

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

use crate::hashing::{FastHash, WordHasher};
use crate::layout::{Rect, TextMeasure};

/// Past this many separate regions, or this share of the canvas, one full redraw is cheaper.
const MAX_REGIONS: usize = 6;
const MAX_REGION_SHARE: f64 = 0.6;
/// The canvas's default miter limit: a stroke's corner reaches at most this × half its width.
const MITER_LIMIT: f64 = 10.0;

/// One primitive of a drawing: what it is (a fingerprint) and where it can draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub key: u64,
    pub bounds: Rect,
}

/// What to redraw to go from one drawing to the next.
#[derive(Clone, Debug, PartialEq)]
pub enum Damage {
    /// The same drawing: nothing.
    None,
    /// Clear these regions (whole pixels, inside the canvas, not overlapping) and draw there.
    Regions(Vec<Rect>),
    /// Clear everything and draw everything.
    Full,
}

/// The regions of `after` that differ from `before`, on a canvas of `width` × `height`.
pub fn damage(before: &[Mark], after: &[Mark], width: f64, height: f64) -> Damage {
    let mut left: Counts = HashMap::default();
    for mark in before {
        *left.entry(mark.key).or_insert(0) += 1;
    }
    let mut changed = Vec::new();
    let mut kept_after = Vec::new();
    for mark in after {
        match left.get_mut(&mark.key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                kept_after.push(mark.key);
            }
            _ => changed.push(mark.bounds),
        }
    }
    // Of each primitive in both, the first occurrences in `before` are the kept ones.
    let mut kept: Counts = HashMap::default();
    for key in &kept_after {
        *kept.entry(*key).or_insert(0) += 1;
    }
    let mut kept_before = Vec::with_capacity(kept_after.len());
    for mark in before {
        match kept.get_mut(&mark.key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                kept_before.push(mark.key);
            }
            _ => changed.push(mark.bounds),
        }
    }
    // The same primitives in another order overlap differently anywhere.
    if kept_before != kept_after {
        return Damage::Full;
    }
    let canvas = Rect::new(0.0, 0.0, width, height);
    let regions = merge(
        changed
            .iter()
            .filter_map(|r| whole_pixels(r, &canvas))
            .collect(),
    );
    let area: f64 = regions.iter().map(|r| r.w * r.h).sum();
    if regions.is_empty() {
        Damage::None
    } else if regions.len() > MAX_REGIONS || area > MAX_REGION_SHARE * width * height {
        Damage::Full
    } else {
        Damage::Regions(regions)
    }
}

/// `r` grown to whole pixels and cut to the canvas; `None` when nothing is left.
fn whole_pixels(r: &Rect, canvas: &Rect) -> Option<Rect> {
    let x0 = r.x.floor().max(canvas.x);
    let y0 = r.y.floor().max(canvas.y);
    let x1 = r.right().ceil().min(canvas.right());
    let y1 = r.bottom().ceil().min(canvas.bottom());
    (x1 > x0 && y1 > y0).then(|| Rect::new(x0, y0, x1 - x0, y1 - y0))
}

/// Overlapping rectangles joined into their bounding boxes until none overlap.
fn merge(mut rects: Vec<Rect>) -> Vec<Rect> {
    let mut i = 0;
    while i < rects.len() {
        let mut grown = false;
        let mut j = i + 1;
        while j < rects.len() {
            match (rects.get(i).copied(), rects.get(j).copied()) {
                (Some(a), Some(b)) if a.intersects(&b) => {
                    if let Some(slot) = rects.get_mut(i) {
                        *slot = union(&a, &b);
                    }
                    rects.swap_remove(j);
                    grown = true;
                }
                _ => j += 1,
            }
        }
        // A grown rectangle may now overlap one it was checked against: check it again.
        if !grown {
            i += 1;
        }
    }
    rects
}

fn union(a: &Rect, b: &Rect) -> Rect {
    let x = a.x.min(b.x);
    let y = a.y.min(b.y);
    Rect::new(
        x,
        y,
        a.right().max(b.right()) - x,
        a.bottom().max(b.bottom()) - y,
    )
}

/// Where primitives can draw: their points' box, grown by what strokes, corners, antialiasing
/// and glyphs add.
struct Reach<'a> {
    measure: &'a dyn TextMeasure,
}

impl Reach<'_> {
    fn points(&self, points: &[BackendCoord], grow: f64) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        for &(x, y) in points {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        if x0 > x1 {
            return Rect::ZERO;
        }
        let (x0, y0) = (f64::from(x0), f64::from(y0));
        Rect::new(x0, y0, f64::from(x1) - x0, f64::from(y1) - y0).inflate(grow)
    }

    /// A stroke's corners can reach the miter limit; one more pixel for antialiasing.
    fn stroke(width: u32) -> f64 {
        MITER_LIMIT / 2.0 * f64::from(width.max(1)) + 1.0
    }

    fn line<S: BackendStyle>(&self, from: BackendCoord, to: BackendCoord, style: &S) -> Rect {
        self.points(&[from, to], Reach::stroke(style.stroke_width()))
    }

    fn rect<S: BackendStyle>(
        &self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Rect {
        let grow = if fill {
            1.0
        } else {
            Reach::stroke(style.stroke_width())
        };
        self.points(&[a, b], grow)
    }

    fn path<S: BackendStyle>(&self, points: &[BackendCoord], style: &S) -> Rect {
        self.points(points, Reach::stroke(style.stroke_width()))
    }

    fn circle<S: BackendStyle>(&self, (x, y): BackendCoord, radius: u32, style: &S) -> Rect {
        let r = i32::try_from(radius).unwrap_or(i32::MAX / 2);
        let corners = [
            (x.saturating_sub(r), y.saturating_sub(r)),
            (x.saturating_add(r), y.saturating_add(r)),
        ];
        self.points(&corners, Reach::stroke(style.stroke_width()))
    }

    /// Text in either direction from its anchor (the canvas's "start" follows the page's
    /// direction), wider than measured for bold glyphs, and room above and below the em box.
    fn text<S: BackendTextStyle>(&self, text: &str, style: &S, (x, y): BackendCoord) -> Rect {
        let size = style.size();
        let width = self.measure.width(text, size) * 1.25 + size;
        let (x, y) = (f64::from(x), f64::from(y));
        if !matches!(style.transform(), FontTransform::None) {
            // Turned text can go any way from its anchor.
            let reach = width.max(2.0 * size);
            return Rect::new(x - reach, y - reach, 2.0 * reach, 2.0 * reach);
        }
        let top = match style.anchor().v_pos {
            VPos::Top => y - 0.5 * size,
            VPos::Center => y - size,
            VPos::Bottom => y - 1.5 * size,
        };
        Rect::new(x - width, top, 2.0 * width, 2.0 * size)
    }
}

/// How many times each fingerprint occurs.
type Counts = HashMap<u64, usize, FastHash>;

/// A fingerprint of one primitive.
struct Key(WordHasher);

impl Key {
    fn new(kind: u8) -> Key {
        let mut hasher = WordHasher::default();
        kind.hash(&mut hasher);
        Key(hasher)
    }

    fn colour(mut self, colour: BackendColor) -> Key {
        colour.rgb.hash(&mut self.0);
        colour.alpha.to_bits().hash(&mut self.0);
        self
    }

    fn style<S: BackendStyle>(self, style: &S) -> Key {
        let mut key = self.colour(style.color());
        style.stroke_width().hash(&mut key.0);
        key
    }

    fn with(mut self, value: impl Hash) -> Key {
        value.hash(&mut self.0);
        self
    }

    fn text<S: BackendTextStyle>(self, text: &str, style: &S) -> Key {
        let anchor = style.anchor();
        let h = match anchor.h_pos {
            HPos::Left => 0u8,
            HPos::Center => 1,
            HPos::Right => 2,
        };
        let v = match anchor.v_pos {
            VPos::Top => 0u8,
            VPos::Center => 1,
            VPos::Bottom => 2,
        };
        let turn = match style.transform() {
            FontTransform::None => 0u8,
            FontTransform::Rotate90 => 1,
            FontTransform::Rotate180 => 2,
            FontTransform::Rotate270 => 3,
        };
        self.colour(style.color())
            .with(text)
            .with(style.size().to_bits())
            .with(style.family().as_str())
            .with(style.style().as_str())
            .with((h, v, turn))
    }

    fn finish(self) -> u64 {
        self.0.finish()
    }
}

/// A backend that draws nothing and keeps a [`Mark`] per primitive.
pub struct Recorder<'a> {
    size: (u32, u32),
    reach: Reach<'a>,
    marks: Vec<Mark>,
}

impl<'a> Recorder<'a> {
    pub fn new(size: (u32, u32), measure: &'a dyn TextMeasure) -> Recorder<'a> {
        Recorder {
            size,
            reach: Reach { measure },
            marks: Vec::new(),
        }
    }

    pub fn into_marks(self) -> Vec<Mark> {
        self.marks
    }

    fn mark(&mut self, key: Key, bounds: Rect) {
        self.marks.push(Mark {
            key: key.finish(),
            bounds,
        });
    }
}

type Drawn<E> = Result<(), DrawingErrorKind<E>>;

impl DrawingBackend for Recorder<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn<Infallible> {
        Ok(())
    }

    fn present(&mut self) -> Drawn<Infallible> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn<Infallible> {
        let bounds = self.reach.points(&[point], 1.0);
        self.mark(Key::new(0).colour(color).with(point), bounds);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn<Infallible> {
        let bounds = self.reach.line(from, to, style);
        self.mark(Key::new(1).style(style).with((from, to)), bounds);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn<Infallible> {
        let bounds = self.reach.rect(upper_left, bottom_right, style, fill);
        let key = Key::new(2)
            .style(style)
            .with((upper_left, bottom_right, fill));
        self.mark(key, bounds);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn<Infallible> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        let bounds = self.reach.path(&points, style);
        self.mark(Key::new(3).style(style).with(&points), bounds);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn<Infallible> {
        let bounds = self.reach.circle(center, radius, style);
        let key = Key::new(4).style(style).with((center, radius, fill));
        self.mark(key, bounds);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn<Infallible> {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        let bounds = self.reach.points(&points, 1.0);
        self.mark(Key::new(5).style(style).with(&points), bounds);
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn<Infallible> {
        let bounds = self.reach.text(text, style, pos);
        self.mark(Key::new(6).text(text, style).with(pos), bounds);
        Ok(())
    }
}

/// A backend that passes on to `inner` only the primitives that can reach `regions`.
pub struct Clipped<'a, DB> {
    inner: &'a mut DB,
    regions: &'a [Rect],
    reach: Reach<'a>,
}

impl<'a, DB: DrawingBackend> Clipped<'a, DB> {
    pub fn new(inner: &'a mut DB, regions: &'a [Rect], measure: &'a dyn TextMeasure) -> Self {
        Clipped {
            inner,
            regions,
            reach: Reach { measure },
        }
    }

    fn reaches(&self, bounds: &Rect) -> bool {
        self.regions.iter().any(|r| r.intersects(bounds))
    }
}

impl<DB: DrawingBackend> DrawingBackend for Clipped<'_, DB> {
    type ErrorType = DB::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Drawn<DB::ErrorType> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Drawn<DB::ErrorType> {
        self.inner.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn<DB::ErrorType> {
        if self.reaches(&self.reach.points(&[point], 1.0)) {
            self.inner.draw_pixel(point, color)?;
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn<DB::ErrorType> {
        if self.reaches(&self.reach.line(from, to, style)) {
            self.inner.draw_line(from, to, style)?;
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn<DB::ErrorType> {
        if self.reaches(&self.reach.rect(upper_left, bottom_right, style, fill)) {
            self.inner
                .draw_rect(upper_left, bottom_right, style, fill)?;
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn<DB::ErrorType> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        if self.reaches(&self.reach.path(&points, style)) {
            self.inner.draw_path(points, style)?;
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn<DB::ErrorType> {
        if self.reaches(&self.reach.circle(center, radius, style)) {
            self.inner.draw_circle(center, radius, style, fill)?;
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn<DB::ErrorType> {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        if self.reaches(&self.reach.points(&points, 1.0)) {
            self.inner.fill_polygon(points, style)?;
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn<DB::ErrorType> {
        if self.reaches(&self.reach.text(text, style, pos)) {
            self.inner.draw_text(text, style, pos)?;
        }
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<DB::ErrorType>> {
        self.inner.estimate_text_size(text, style)
    }
}

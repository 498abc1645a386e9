//! The canvas's 2D context as a plotters `DrawingBackend`, for [`crate::render`].
//!
//! Ours rather than plotters-canvas: that one printed every colour and font with the float
//! formatter (`rgba(r,g,b,1)`, `13px`) and set them again for every primitive, one JavaScript
//! call and one string decode each. Here a colour is `#rrggbb`, and the fill, stroke and line
//! width are set only when they change. It also clears nothing and owns nothing: the caller
//! sizes and clears the canvas, so a transparent background works.

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use web_sys::CanvasRenderingContext2d;

use crate::format::{concat, plain_number};
use crate::theme::Rgb;

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

/// Draws on a 2D context of `size` device pixels.
pub struct ContextBackend<'a> {
    context: &'a CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<ColourKey>,
    stroke: Option<(ColourKey, u32)>,
}

/// A colour as something to compare (plotters' `BackendColor` has no `PartialEq`).
type ColourKey = (u8, u8, u8, u64);

fn key(colour: BackendColor) -> ColourKey {
    let (r, g, b) = colour.rgb;
    (r, g, b, colour.alpha.to_bits())
}

impl<'a> ContextBackend<'a> {
    pub fn new(context: &'a CanvasRenderingContext2d, size: (u32, u32)) -> Self {
        ContextBackend {
            context,
            size,
            fill: None,
            stroke: None,
        }
    }

    fn set_fill(&mut self, colour: BackendColor) {
        if self.fill != Some(key(colour)) {
            self.context.set_fill_style_str(&css_colour(colour));
            self.fill = Some(key(colour));
        }
    }

    fn set_stroke<S: BackendStyle>(&mut self, style: &S) {
        let (colour, width) = (style.color(), style.stroke_width());
        if self.stroke != Some((key(colour), width)) {
            self.context.set_stroke_style_str(&css_colour(colour));
            self.context.set_line_width(f64::from(width));
            self.stroke = Some((key(colour), width));
        }
    }

    /// Traces a path through `points`; `close` joins the last point to the first.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) -> bool {
        let mut points = points.into_iter();
        self.context.begin_path();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.context.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        if close {
            self.context.close_path();
        }
        true
    }
}

/// `#rrggbb` when opaque, `rgba(r,g,b,a)` otherwise.
fn css_colour(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    if colour.alpha >= 1.0 {
        return Rgb(r, g, b).hex();
    }
    concat(&[
        "rgba(",
        &r.to_string(),
        ",",
        &g.to_string(),
        ",",
        &b.to_string(),
        ",",
        &plain_number(colour.alpha, 3, false),
        ")",
    ])
}

/// A horizontal or vertical 1-pixel-wide line sits on pixel centres, so it is crisp, not two
/// half-covered rows.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 += 0.5;
        b.0 += 0.5;
    }
    if from.1 == to.1 {
        a.1 += 0.5;
        b.1 += 0.5;
    }
    (a, b)
}

impl DrawingBackend for ContextBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Drawn {
        if colour.alpha > 0.0 {
            self.set_fill(colour);
            self.context
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            let (a, b) = crisp(from, to);
            self.set_stroke(style);
            self.context.begin_path();
            self.context.move_to(a.0, a.1);
            self.context.line_to(b.0, b.1);
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        top_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha <= 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(top_left.0), f64::from(top_left.1));
        let (w, h) = (
            f64::from(bottom_right.0 - top_left.0),
            f64::from(bottom_right.1 - top_left.1),
        );
        if fill {
            self.set_fill(colour);
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha > 0.0 {
            self.set_stroke(style);
            if self.trace(path, false) {
                self.context.stroke();
            }
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha <= 0.0 {
            return Ok(());
        }
        self.context.begin_path();
        // `arc` fails only for a negative radius, which a u32 cannot be.
        let _ = self.context.arc(
            f64::from(center.0),
            f64::from(center.1),
            f64::from(radius),
            0.0,
            std::f64::consts::TAU,
        );
        if fill {
            self.set_fill(colour);
            self.context.fill();
        } else {
            self.set_stroke(style);
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        if colour.alpha > 0.0 {
            self.set_fill(colour);
            if self.trace(vertices, true) {
                self.context.fill();
            }
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Drawn {
        let colour = style.color();
        if colour.alpha <= 0.0 {
            return Ok(());
        }
        let weight = match style.style() {
            FontStyle::Bold => "bold ",
            _ => "",
        };
        let family = style.family();
        let font = concat(&[
            weight,
            &plain_number(style.size(), 2, false),
            "px ",
            family.as_str(),
        ]);
        // Set every time: measuring text (the layout's TextMeasure) changes the context's font.
        self.context.set_font(&font);
        let anchor = style.anchor();
        self.context.set_text_align(match anchor.h_pos {
            HPos::Left => "start",
            HPos::Center => "center",
            HPos::Right => "end",
        });
        self.context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.set_fill(colour);
        // fillText fails only on a detached or broken context; the next draw starts over.
        let _ = self
            .context
            .fill_text(text, f64::from(at.0), f64::from(at.1));
        Ok(())
    }
}

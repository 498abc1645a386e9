//! An SVG document as a plotters `DrawingBackend`: what the exports and the native tests draw on.
//!
//! Ours rather than plotters' `SVGBackend`: that one pulled plotters' font handling (Unicode case
//! tables) and the float printer into the `.wasm`, and wrote text at 1/1.24 of its size. One
//! element per line, coordinates as integers, colours as `#rrggbb` with an `opacity`, and every
//! text or attribute escaped, so nothing from a dataset can become markup.

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

use crate::format::plain_number;
use crate::theme::Rgb;

/// Writes SVG into a `String`; [`DrawingBackend::present`] closes the document.
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgWriter<'a> {
    /// Starts a document of `size` (width, height) in px.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let mut writer = SvgWriter {
            out,
            size,
            closed: false,
        };
        let view_box = crate::format::concat(&["0 0 ", &w, " ", &h]);
        writer.open(
            "svg",
            &[
                ("width", &w),
                ("height", &h),
                ("viewBox", &view_box),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ],
            false,
        );
        writer
    }

    fn open(&mut self, tag: &str, attributes: &[(&str, &str)], self_closing: bool) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(self.out, value);
            self.out.push('"');
        }
        self.out.push_str(if self_closing { "/>\n" } else { ">\n" });
    }
}

/// Text and attribute values with the five XML specials as entities.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// `#rrggbb`.
fn hex(colour: BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    Rgb(r, g, b).hex()
}

/// The `fill` and `stroke` of an outline (`fill` false) or a filled shape.
fn fill_and_stroke(colour: BackendColor, fill: bool) -> (String, String) {
    if fill {
        (hex(colour), "none".to_string())
    } else {
        ("none".to_string(), hex(colour))
    }
}

fn opacity(colour: BackendColor) -> String {
    plain_number(colour.alpha, 3, false)
}

/// `x,y x,y …` of a polyline or polygon.
fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut out = String::new();
    for (x, y) in path {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&x.to_string());
        out.push(',');
        out.push_str(&y.to_string());
    }
    out
}

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Drawn {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &colour, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        self.open(
            "line",
            &[
                ("opacity", &opacity(colour)),
                ("stroke", &hex(colour)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("x1", &from.0.to_string()),
                ("y1", &from.1.to_string()),
                ("x2", &to.0.to_string()),
                ("y2", &to.1.to_string()),
            ],
            true,
        );
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
        let (fill_with, stroke_with) = fill_and_stroke(colour, fill);
        self.open(
            "rect",
            &[
                ("x", &top_left.0.to_string()),
                ("y", &top_left.1.to_string()),
                ("width", &(bottom_right.0 - top_left.0).to_string()),
                ("height", &(bottom_right.1 - top_left.1).to_string()),
                ("opacity", &opacity(colour)),
                ("fill", &fill_with),
                ("stroke", &stroke_with),
            ],
            true,
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        self.open(
            "polyline",
            &[
                ("fill", "none"),
                ("opacity", &opacity(colour)),
                ("stroke", &hex(colour)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("points", &points(path)),
            ],
            true,
        );
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
        let (fill_with, stroke_with) = fill_and_stroke(colour, fill);
        self.open(
            "circle",
            &[
                ("cx", &center.0.to_string()),
                ("cy", &center.1.to_string()),
                ("r", &radius.to_string()),
                ("opacity", &opacity(colour)),
                ("fill", &fill_with),
                ("stroke", &stroke_with),
                ("stroke-width", &style.stroke_width().to_string()),
            ],
            true,
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        self.open(
            "polygon",
            &[
                ("opacity", &opacity(colour)),
                ("fill", &hex(colour)),
                ("points", &points(vertices)),
            ],
            true,
        );
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Drawn {
        let colour = style.color();
        let anchor = style.anchor();
        let text_anchor = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // `y` is where the anchor is; the shift puts the top, middle or bottom of the text there.
        let dy = match anchor.v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let family = style.family();
        let size = plain_number(style.size(), 2, false);
        let (x, y) = (at.0.to_string(), at.1.to_string());
        let (opacity, fill) = (opacity(colour), hex(colour));
        let mut attributes: Vec<(&str, &str)> = vec![
            ("x", &x),
            ("y", &y),
            ("dy", dy),
            ("text-anchor", text_anchor),
            ("font-family", family.as_str()),
            ("font-size", &size),
            ("opacity", &opacity),
            ("fill", &fill),
        ];
        if let FontStyle::Bold = style.style() {
            attributes.push(("font-weight", "bold"));
        }
        self.open("text", &attributes, false);
        escape_into(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_one_escaped_element_per_line_and_closes_once() {
        let mut out = String::new();
        let mut svg = SvgWriter::new(&mut out, (10, 20));
        let ink = BackendColor {
            alpha: 0.5,
            rgb: (255, 16, 1),
        };
        svg.fill_polygon([(0, 0), (5, 5), (0, 5)], &ink).unwrap();
        svg.draw_rect((1, 2), (4, 8), &ink, false).unwrap();
        svg.present().unwrap();
        svg.present().unwrap();
        assert_eq!(
            out,
            "<svg width=\"10\" height=\"20\" viewBox=\"0 0 10 20\" xmlns=\"http://www.w3.org/2000/svg\">\n\
             <polygon opacity=\"0.5\" fill=\"#ff1001\" points=\"0,0 5,5 0,5\"/>\n\
             <rect x=\"1\" y=\"2\" width=\"3\" height=\"6\" opacity=\"0.5\" fill=\"none\" stroke=\"#ff1001\"/>\n\
             </svg>\n"
        );
    }

    #[test]
    fn text_is_text_never_markup() {
        let mut out = String::new();
        escape_into(&mut out, "<b onclick=\"x\">'&'</b>");
        assert_eq!(
            out,
            "&lt;b onclick=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/b&gt;"
        );
    }
}

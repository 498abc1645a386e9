//! The canvas: backing store at CSS size × devicePixelRatio, text measured by the canvas itself
//! (cached), and the chart drawn on it through plotters-canvas's `CanvasBackend`.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::layout::{Layout, Point, TextMeasure};
use crate::render::{draw_chart, Area, Paint};

pub const FONT_FAMILY: &str =
    "system-ui, \"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif";
/// The largest backing store side: browsers refuse (and draw nothing on) larger canvases.
const MAX_DEVICE_SIDE: f64 = 8192.0;
/// Measured widths kept; enough for every label of a large chart in two languages.
const MEASURE_CACHE_LIMIT: usize = 20_000;

pub struct Surface {
    pub canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    pub css_width: f64,
    pub css_height: f64,
    pub dpr: f64,
    /// The canvas's size on the page in CSS px (the backing store may be capped below it).
    shown: (f64, f64),
    /// The backing store's size, kept here so that a pointer move asks the canvas nothing.
    device: (u32, u32),
    measure: CanvasText,
}

/// The canvas's 2D context, which plotters-canvas draws on too.
pub fn context_of(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("this browser gives no 2D canvas"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("no 2D context"))
}

/// A plotters drawing area on the whole canvas, at its backing store's size.
pub fn drawing_area(canvas: &HtmlCanvasElement) -> Result<Area<CanvasBackend>, JsValue> {
    CanvasBackend::with_canvas_object(canvas.clone())
        .map(IntoDrawingArea::into_drawing_area)
        .ok_or_else(|| JsValue::from_str("this browser gives no 2D canvas"))
}

impl Surface {
    pub fn new(canvas: HtmlCanvasElement) -> Result<Surface, JsValue> {
        let device = (canvas.width(), canvas.height());
        let context = context_of(&canvas)?;
        Ok(Surface {
            measure: CanvasText::new(context.clone()),
            canvas,
            context,
            css_width: 0.0,
            css_height: 0.0,
            dpr: 1.0,
            shown: (0.0, 0.0),
            device,
        })
    }

    /// Sets the CSS height and the backing store; true when anything changed. The CSS width is
    /// the container's (100 %), so a redraw never feeds back into the container's size.
    pub fn resize(&mut self, css_width: f64, css_height: f64, dpr: f64) -> Result<bool, JsValue> {
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr
        } else {
            1.0
        };
        self.shown = (css_width, css_height);
        let css_width = css_width.min(MAX_DEVICE_SIDE / dpr);
        let css_height = css_height.min(MAX_DEVICE_SIDE / dpr);
        let width = (css_width * dpr).round().max(1.0) as u32;
        let height = (css_height * dpr).round().max(1.0) as u32;
        let changed = width != self.canvas.width()
            || height != self.canvas.height()
            || (css_height - self.css_height).abs() > 0.5
            || (dpr - self.dpr).abs() > f64::EPSILON;
        if changed {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
            self.device = (width, height);
            self.canvas
                .style()
                .set_property("height", &format!("{css_height:.3}px"))?;
        }
        self.css_width = css_width;
        self.css_height = css_height;
        self.dpr = dpr;
        Ok(changed)
    }

    pub fn device_width(&self) -> f64 {
        f64::from(self.device.0)
    }

    pub fn device_height(&self) -> f64 {
        f64::from(self.device.1)
    }

    pub fn device_size(&self) -> (u32, u32) {
        self.device
    }

    pub fn measure(&self) -> &CanvasText {
        &self.measure
    }

    /// Clears the canvas and draws the chart. Cleared through the context: plotters-canvas
    /// draws, but cannot clear to transparent, which the page's own background needs.
    pub fn draw(&self, layout: Option<&Layout>, paint: &Paint) -> Result<(), JsValue> {
        let (width, height) = (self.device_width(), self.device_height());
        self.context.clear_rect(0.0, 0.0, width, height);
        let Some(layout) = layout else {
            return Ok(());
        };
        let area = drawing_area(&self.canvas)?;
        draw_chart(&area, layout, paint).map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// A pointer's offset from the canvas's corner (`offsetX`, `offsetY`) as device pixels. No
    /// layout is read: a pointer move must not force one.
    pub fn offset_to_device(&self, offset_x: f64, offset_y: f64) -> Point {
        let (w, h) = self.shown;
        let sx = if w > 0.0 {
            self.device_width() / w
        } else {
            1.0
        };
        let sy = if h > 0.0 {
            self.device_height() / h
        } else {
            1.0
        };
        Point::new(offset_x * sx, offset_y * sy)
    }

    /// A pointer's client coordinates as device pixels on the canvas.
    pub fn to_device(&self, client_x: f64, client_y: f64) -> Point {
        let rect = self.canvas.get_bounding_client_rect();
        let sx = if rect.width() > 0.0 {
            self.device_width() / rect.width()
        } else {
            1.0
        };
        let sy = if rect.height() > 0.0 {
            self.device_height() / rect.height()
        } else {
            1.0
        };
        Point::new((client_x - rect.left()) * sx, (client_y - rect.top()) * sy)
    }

    /// A device-pixel point as client coordinates (for placing the tooltip).
    pub fn to_client(&self, point: Point) -> (f64, f64) {
        let rect = self.canvas.get_bounding_client_rect();
        let sx = if self.device_width() > 0.0 {
            rect.width() / self.device_width()
        } else {
            1.0
        };
        let sy = if self.device_height() > 0.0 {
            rect.height() / self.device_height()
        } else {
            1.0
        };
        (rect.left() + point.x * sx, rect.top() + point.y * sy)
    }
}

/// Text widths from the canvas's own `measureText`, cached per font size and text.
pub struct CanvasText {
    context: CanvasRenderingContext2d,
    cache: RefCell<HashMap<(u64, String), f64>>,
}

impl CanvasText {
    pub fn new(context: CanvasRenderingContext2d) -> CanvasText {
        CanvasText {
            context,
            cache: RefCell::new(HashMap::new()),
        }
    }
}

impl TextMeasure for CanvasText {
    fn width(&self, text: &str, font_px: f64) -> f64 {
        let key = (font_px.to_bits(), text.to_string());
        if let Some(width) = self.cache.borrow().get(&key) {
            return *width;
        }
        self.context.set_font(&format!("{font_px}px {FONT_FAMILY}"));
        let width = self
            .context
            .measure_text(text)
            .map(|metrics| metrics.width())
            .unwrap_or(font_px * text.chars().count() as f64);
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= MEASURE_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, width);
        width
    }
}

//! The canvas: backing store at CSS size × devicePixelRatio, text measured by the canvas itself
//! (cached), and drawing through our [`ContextBackend`] — only where the picture changed.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::context_backend::ContextBackend;
use crate::damage::{damage, Clipped, Damage, Mark, Recorder};
use crate::format::{concat, plain_number};
use crate::hashing::FastHash;
use crate::layout::{Layout, Point, Rect, TextMeasure};
use crate::render::{draw_chart, Paint};

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
    cache: RefCell<HashMap<(u64, String), f64, FastHash>>,
    /// What the canvas shows now, primitive by primitive; `None` when it is blank or unknown.
    drawn: Option<Vec<Mark>>,
    /// An unattached canvas where changed regions are drawn before they are copied over.
    scratch: Option<HtmlCanvasElement>,
}

fn context_of(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("this browser gives no 2D canvas"))?
        .dyn_into::<CanvasRenderingContext2d>()
        .map_err(|_| JsValue::from_str("no 2D context"))
}

impl Surface {
    pub fn new(canvas: HtmlCanvasElement) -> Result<Surface, JsValue> {
        let device = (canvas.width(), canvas.height());
        let context = context_of(&canvas)?;
        Ok(Surface {
            canvas,
            context,
            css_width: 0.0,
            css_height: 0.0,
            dpr: 1.0,
            shown: (0.0, 0.0),
            device,
            cache: RefCell::new(HashMap::default()),
            drawn: None,
            scratch: None,
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
            self.canvas.style().set_property(
                "height",
                &concat(&[&plain_number(css_height, 3, false), "px"]),
            )?;
            // A new backing store is blank.
            self.drawn = None;
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

    /// Forgets what the canvas shows, so the next draw is a full one (its pixels were lost).
    pub fn invalidate(&mut self) {
        self.drawn = None;
    }

    /// Draws the chart, redrawing only the regions where it differs from what is shown: a hover
    /// touches the two slices involved, not the whole canvas.
    pub fn draw(&mut self, layout: Option<&Layout>, paint: &Paint) -> Result<(), JsValue> {
        let (width, height) = (self.device_width(), self.device_height());
        let Some(layout) = layout else {
            self.context.clear_rect(0.0, 0.0, width, height);
            self.drawn = None;
            return Ok(());
        };
        let mut recorder = Recorder::new(self.device, self);
        // The backends' error type is Infallible: only a font error could come back.
        draw_chart(&mut recorder, layout, paint)
            .map_err(|_| JsValue::from_str("drawing failed"))?;
        let marks = recorder.into_marks();
        let damage = match &self.drawn {
            Some(shown) => damage(shown, &marks, width, height),
            None => Damage::Full,
        };
        let result = match damage {
            Damage::None => Ok(()),
            Damage::Full => {
                self.context.clear_rect(0.0, 0.0, width, height);
                self.paint_with(|backend| draw_chart(backend, layout, paint))
            }
            Damage::Regions(regions) => self.paint_regions(&regions, layout, paint),
        };
        // Unknown after a failure: the next draw starts over.
        self.drawn = result.is_ok().then_some(marks);
        result
    }

    /// Draws what reaches `regions` whole on the scratch canvas, then copies the regions over.
    /// Not clipped on this canvas: a clipped path is antialiased differently from a whole one,
    /// and the picture must be the one a full redraw gives.
    fn paint_regions(
        &mut self,
        regions: &[Rect],
        layout: &Layout,
        paint: &Paint,
    ) -> Result<(), JsValue> {
        let scratch = self.scratch()?;
        let context = context_of(&scratch)?;
        for r in regions {
            context.clear_rect(r.x, r.y, r.w, r.h);
        }
        let mut backend = ContextBackend::new(&context, self.device);
        draw_chart(
            &mut Clipped::new(&mut backend, regions, self),
            layout,
            paint,
        )
        .map_err(|_| JsValue::from_str("drawing failed"))?;
        for r in regions {
            self.context.clear_rect(r.x, r.y, r.w, r.h);
            self.context
                .draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                    &scratch, r.x, r.y, r.w, r.h, r.x, r.y, r.w, r.h,
                )?;
        }
        Ok(())
    }

    /// The scratch canvas, made on the first partial redraw and kept at this canvas's size.
    fn scratch(&mut self) -> Result<HtmlCanvasElement, JsValue> {
        let scratch = match &self.scratch {
            Some(scratch) => scratch.clone(),
            None => super::dom::document()?
                .create_element("canvas")?
                .dyn_into::<HtmlCanvasElement>()
                .map_err(|_| JsValue::from_str("no canvas"))?,
        };
        let (width, height) = self.device;
        if scratch.width() != width || scratch.height() != height {
            scratch.set_width(width);
            scratch.set_height(height);
        }
        self.scratch = Some(scratch.clone());
        Ok(scratch)
    }

    /// A backend drawing on this canvas's context, at its backing store's size.
    pub fn backend(&self) -> ContextBackend<'_> {
        ContextBackend::new(&self.context, self.device)
    }

    fn paint_with<E>(
        &self,
        draw: impl FnOnce(&mut ContextBackend) -> Result<(), E>,
    ) -> Result<(), JsValue> {
        draw(&mut self.backend()).map_err(|_| JsValue::from_str("drawing failed"))
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

impl TextMeasure for Surface {
    fn width(&self, text: &str, font_px: f64) -> f64 {
        let key = (font_px.to_bits(), text.to_string());
        if let Some(width) = self.cache.borrow().get(&key) {
            return *width;
        }
        self.context.set_font(&concat(&[
            &plain_number(font_px, 2, false),
            "px ",
            FONT_FAMILY,
        ]));
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

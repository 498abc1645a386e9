//! What the canvas shows: the drawing surface, the layout it was drawn from (laid out again only
//! when the words, kind or size change), pointer positions mapped to slices, and the canvas's
//! `data-drawn` marker.

use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

use super::canvas::Surface;
use crate::dataset::ChartKind;
use crate::describe::{layout_inputs, SliceText};
use crate::export::LocalMeasure;
use crate::format::LocalNumbers;
use crate::layout::{self, bar_preferred_height, morph, Layout, LayoutInput, TextMeasure, Within};
use crate::render::Paint;

/// Label font size in CSS px.
pub const FONT_CSS_PX: f64 = 13.0;

/// Everything a layout depends on but the highlight.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    texts_version: u64,
    kind: Option<ChartKind>,
    size: (u32, u32),
    dpr_bits: u64,
}

/// What a layout is made from.
pub struct Inputs<'a> {
    pub texts: &'a [SliceText],
    /// Bumped by the widget whenever `texts` is rebuilt.
    pub texts_version: u64,
    /// None: no chart, nothing drawn.
    pub kind: Option<ChartKind>,
    pub highlight: Option<usize>,
    /// An editor's chart: its shares are written in the reader's locale on the canvas too.
    pub numbers: Option<&'a dyn LocalNumbers>,
}

pub struct Picture {
    pub surface: Surface,
    layout: Option<Layout>,
    layout_for: Option<LayoutKey>,
    /// The canvas's `data-drawn` marker as last written.
    marker: String,
    /// The canvas has `data-moving`: a frame of the entry or of a change was drawn last.
    moving: bool,
    /// Which of the two fade classes the last fade used.
    fade_turn: bool,
}

/// The chart's CSS height: the option's, else what a bar chart's rows need, else from the
/// width (phones get a taller box so the labels above and beside the circle have room).
pub fn css_height(width: f64, option: Option<f64>, kind: Option<ChartKind>, rows: usize) -> f64 {
    match (option, kind) {
        (Some(height), _) => height,
        (None, Some(ChartKind::Bar)) => {
            bar_preferred_height(rows, FONT_CSS_PX, 1.0).within(160.0, 2400.0)
        }
        (None, _) if width < 520.0 => (width * 0.9).within(240.0, 460.0),
        (None, _) => (width * 0.6).within(300.0, 520.0),
    }
}

impl Picture {
    pub fn new(canvas: HtmlCanvasElement) -> Result<Picture, JsValue> {
        Ok(Picture {
            surface: Surface::new(canvas)?,
            layout: None,
            layout_for: None,
            marker: String::new(),
            moving: false,
            fade_turn: false,
        })
    }

    /// Nothing was drawn yet.
    pub fn is_blank(&self) -> bool {
        self.marker.is_empty()
    }

    /// Lays the chart out again only when the words, kind or canvas changed: a hover, focus
    /// or selection change moves the pull-out on the layout there is (no text is measured or
    /// wrapped again).
    pub fn update_layout(&mut self, inputs: &Inputs) {
        let key = LayoutKey {
            texts_version: inputs.texts_version,
            kind: inputs.kind,
            size: self.surface.device_size(),
            dpr_bits: self.surface.dpr.to_bits(),
        };
        if self.layout_for == Some(key) {
            if let Some(layout) = &mut self.layout {
                layout.set_highlight(inputs.highlight);
            }
            return;
        }
        self.layout = self.compute_layout(inputs);
        self.layout_for = Some(key);
    }

    fn compute_layout(&self, inputs: &Inputs) -> Option<Layout> {
        // No chart, no kind: a sector without charts draws nothing.
        let kind = inputs.kind?;
        if self.surface.css_width <= 0.0 {
            return None;
        }
        let slices = layout_inputs(inputs.texts);
        let dpr = self.surface.dpr;
        let local;
        let measure: &dyn TextMeasure = match inputs.numbers {
            Some(numbers) => {
                local = LocalMeasure {
                    measure: self.surface.measure(),
                    numbers,
                };
                &local
            }
            None => self.surface.measure(),
        };
        Some(layout::compute(&LayoutInput {
            kind,
            slices: &slices,
            width: self.surface.device_width(),
            height: self.surface.device_height(),
            font_px: FONT_CSS_PX * dpr,
            scale: dpr,
            highlight: inputs.highlight,
            measure,
        }))
    }

    /// The layout of the picture at rest (what a change in motion is heading for).
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref()
    }

    /// Draws the layout, or with `from` the frame `t` (eased) of the way from `from` to it;
    /// `drawn` slices are counted in the marker.
    pub fn draw(
        &mut self,
        paint: &Paint,
        drawn: usize,
        from: Option<(&Layout, f64)>,
    ) -> Result<(), JsValue> {
        let moving = match (from, &self.layout) {
            (Some((from, t)), Some(to)) => {
                self.surface
                    .draw(Some(&morph::between(from, to, t)), paint)?;
                t < 1.0
            }
            _ => {
                self.surface.draw(self.layout.as_ref(), paint)?;
                paint.progress < 1.0
            }
        };
        // For tests and tools: whether an animation frame is on the canvas.
        if moving != self.moving {
            self.surface
                .canvas
                .toggle_attribute_with_force("data-moving", moving)?;
            self.moving = moving;
        }
        // Written when it changes only: an attribute write costs a style check of the canvas.
        let marker = self.drawn_marker(drawn);
        if marker != self.marker {
            self.surface.canvas.set_attribute("data-drawn", &marker)?;
            self.marker = marker;
        }
        Ok(())
    }

    /// Fades the canvas in (widget.css: the compositor runs it, no frame of ours is drawn).
    /// Two classes with the same fade take turns: a new animation name restarts the fade
    /// without the forced layout that removing and adding one class would need.
    pub fn fade_in(&mut self) -> Result<(), JsValue> {
        self.fade_turn = !self.fade_turn;
        let classes = self.surface.canvas.class_list();
        classes.toggle_with_force("sc-fade-a", self.fade_turn)?;
        classes.toggle_with_force("sc-fade-b", !self.fade_turn)?;
        Ok(())
    }

    /// A marker for tests and tools: what the canvas last showed.
    fn drawn_marker(&self, drawn: usize) -> String {
        match &self.layout {
            Some(layout) => {
                // Integers (the backing store's size), so no float is printed for the marker.
                let (width, height) = self.surface.device_size();
                format!("{}:{}x{}:{}", layout.kind.code(), width, height, drawn)
            }
            None => "none".into(),
        }
    }

    /// Where a slice's tooltip goes when no pointer is over it, in client coordinates.
    pub fn anchor_of(&self, index: usize) -> Option<(f64, f64)> {
        let point = self.layout.as_ref()?.anchor_of(index)?;
        Some(self.surface.to_client(point))
    }

    pub fn hit(&self, client_x: f64, client_y: f64) -> Option<usize> {
        let point = self.surface.to_device(client_x, client_y);
        self.layout.as_ref()?.hit_test(point.x, point.y)
    }

    /// The slice a hovering pointer at `offsetX`, `offsetY` of the canvas is over (no layout
    /// read); the `hovered` slice keeps the place it was pulled out of.
    pub fn hover_at(&self, offset_x: f64, offset_y: f64, hovered: Option<usize>) -> Option<usize> {
        let point = self.surface.offset_to_device(offset_x, offset_y);
        self.layout.as_ref()?.hover_test(point.x, point.y, hovered)
    }
}

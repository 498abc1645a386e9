//! One live chart: the dataset, the view state, the DOM and the canvas, kept in step. Every user
//! action becomes a `view::Event`; `apply` runs the pure transition and then refreshes only what
//! the change touched (the whole DOM, or just the canvas and tooltip).

use crate::layout::Within;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlCanvasElement};

use super::boundary::{to_js, SelectDetail, SelectedSlice, StateDetail};
use super::canvas::{context_of, drawing_area, CanvasText, Surface, FONT_FAMILY};
use super::dom::{current_hash, device_pixel_ratio, dispatch, media_matches, window};
use super::options::Options;
use super::ui::{Dom, TablePart};
use crate::dataset::{ChartKind, Dataset, Lang};
use crate::describe::{announcement, layout_inputs, slice_texts, summary, SliceText};
use crate::export;
use crate::layout::{self, bar_preferred_height, Layout, LayoutInput, Point};
use crate::render::Paint;
use crate::theme::Theme;
use crate::view::{Event, ViewState};

/// Label font size in CSS px.
const FONT_CSS_PX: f64 = 13.0;
/// Entry animation length.
pub const ANIMATION_MS: f64 = 400.0;

/// Why a tooltip is showing, which decides where it goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pointer {
    None,
    /// A mouse or pen over the canvas, at client coordinates.
    Hovering(f64, f64),
    /// The last interaction was a touch tap.
    Touch,
}

pub struct Widget {
    pub dataset: Rc<Dataset>,
    pub state: ViewState,
    pub options: Options,
    pub dom: Dom,
    surface: Surface,
    layout: Option<Layout>,
    /// What `layout` was laid out for; while it holds, a highlight change only moves the
    /// pull-out on it.
    layout_for: Option<LayoutKey>,
    /// The canvas's `data-drawn` marker as last written.
    marker: String,
    texts: Vec<SliceText>,
    pub dark: bool,
    pub table_open: bool,
    /// 0..1 while the entry animation runs, 1 otherwise.
    pub progress: f64,
    pub animation_start: Option<f64>,
    pub pointer: Pointer,
    /// A scroll hid the tap tooltip; the next tap brings it back.
    pub tooltip_dismissed: bool,
    blob_url: Option<String>,
    frame: Option<i32>,
    frame_callback: Option<Closure<dyn FnMut(f64)>>,
    /// Bumped whenever `texts` is rebuilt, so the tooltip knows when its words are stale.
    texts_version: u64,
    /// The slice and words the tooltip shows now.
    tooltip_for: Option<(usize, u64)>,
    /// The closed data table is still to be built (see `TablePart::Later`).
    table_pending: bool,
    /// The animation frame, then the task after it, that builds the pending table.
    after_paint: Option<AfterPaint>,
    after_paint_callbacks: Option<AfterPaintCallbacks>,
}

/// Where the wait for the first frame's paint is: cancelled by `release`.
#[derive(Clone, Copy, Debug)]
enum AfterPaint {
    Frame(i32),
    Task(i32),
}

/// The frame callback sets a zero timeout, whose task runs after that frame is painted.
struct AfterPaintCallbacks {
    frame: Closure<dyn FnMut(f64)>,
    task: Closure<dyn FnMut()>,
}

/// Everything a layout depends on but the highlight.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    texts_version: u64,
    kind: Option<ChartKind>,
    size: (u32, u32),
    dpr_bits: u64,
}

impl Widget {
    pub fn new(mount: &Element, dataset: Rc<Dataset>, options: Options) -> Result<Widget, JsValue> {
        let dom = Dom::build(
            mount,
            options.has_explorer(),
            options.downloads || options.has_explorer(),
        )?;
        let surface = Surface::new(dom.canvas.clone())?;
        let mut widget = Widget {
            dataset,
            state: ViewState::default(),
            options,
            dom,
            surface,
            layout: None,
            layout_for: None,
            marker: String::new(),
            texts: Vec::new(),
            dark: false,
            table_open: false,
            progress: 1.0,
            animation_start: None,
            pointer: Pointer::None,
            tooltip_dismissed: false,
            blob_url: None,
            frame: None,
            frame_callback: None,
            texts_version: 0,
            tooltip_for: None,
            table_pending: false,
            after_paint: None,
            after_paint_callbacks: None,
        };
        widget.state = widget.initial_state();
        widget.dom.home_is_overview.set(widget.state.is_overview());
        widget.dark = widget.wants_dark();
        Ok(widget)
    }

    /// The view the options (and, on explorer pages, the link) ask for, checked against the data.
    fn initial_state(&self) -> ViewState {
        let default_lang = self
            .options
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default();
        let mut state = ViewState::new(default_lang);
        state.sector = self.options.sector.clone();
        state.chart = self.options.chart.clone();
        state.kind = self.options.kind.as_deref().and_then(ChartKind::from_code);
        if state.sector.is_none() && !self.options.has_explorer() {
            // An editor's dataset of one sector: its charts, not an overview of one slice.
            if let [only] = self.dataset.sectors.as_slice() {
                state.sector = Some(only.id.clone());
            }
        }
        if self.options.hash {
            if let Some(hash) = current_hash().filter(|h| !h.is_empty()) {
                state = ViewState::from_query(&hash, default_lang);
            }
        }
        let (state, fallbacks) = state.sanitised(&self.dataset);
        for fallback in &fallbacks {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "sector-charts: {}: {}",
                fallback.field, fallback.message
            )));
        }
        state
    }

    /// Problems with the options themselves (unknown kind or language), as sentences.
    pub fn option_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(kind) = &self.options.kind {
            if ChartKind::from_code(kind).is_none() {
                problems.push(format!(
                    "kind=\"{kind}\" is not pie, donut or bar; showing the chart's own kind"
                ));
            }
        }
        if let Some(lang) = &self.options.lang {
            if Lang::from_code(lang).is_none() {
                problems.push(format!("lang=\"{lang}\" is not zh or en; showing Chinese"));
            }
        }
        if let Some(height) = &self.options.unusable_height {
            problems.push(format!(
                "height={height} is not a number of CSS px from 120 to 4000; the height follows the width"
            ));
        }
        if let Some(theme) = &self.options.theme {
            if !["light", "dark", "auto"].contains(&theme.as_str()) {
                problems.push(format!(
                    "theme=\"{theme}\" is not light, dark or auto; following the reader's system"
                ));
            }
        }
        if self.options.explorer && !self.options.has_explorer() {
            problems.push(
                "explorer: this build of the widget has no explorer (index.html loads the one \
                 that has); showing the chart"
                    .to_string(),
            );
        }
        let mut probe = ViewState::new(Lang::Zh);
        probe.sector = self.options.sector.clone();
        probe.chart = self.options.chart.clone();
        probe.kind = self.options.kind.as_deref().and_then(ChartKind::from_code);
        let (_, fallbacks) = probe.sanitised(&self.dataset);
        problems.extend(
            fallbacks
                .into_iter()
                .map(|f| format!("{}=\"{}\": {}", f.field, f.value, f.message)),
        );
        problems
    }

    pub fn wants_dark(&self) -> bool {
        self.options.wants_dark()
    }

    pub fn theme(&self) -> Theme {
        Theme::for_dark(self.dark)
    }

    pub fn script_url(&self) -> String {
        self.options
            .script_url
            .clone()
            .unwrap_or_else(|| "embed.js".to_string())
    }

    /// Everything: DOM, size, layout, drawing. For changes of chart, language, data or theme.
    pub fn refresh(&mut self, animate: bool) -> Result<(), JsValue> {
        self.texts = self
            .state
            .chart(&self.dataset)
            .map(|chart| slice_texts(chart, &self.state))
            .unwrap_or_default();
        self.texts_version += 1;
        // Sized before the DOM is written: the layout it reads is then clean (or, on the first
        // draw, a nearly empty card), instead of a forced layout of the new legend and toolbar
        // that the next frame would lay out again anyway. The figure's width does not depend on
        // what is around it.
        self.resize()?;
        // The first draw leaves a closed table for after the chart's first frame.
        let first_draw = self.marker.is_empty() && self.after_paint_callbacks.is_some();
        let table = match self.table_part() {
            TablePart::Closed if first_draw => TablePart::Later,
            part => part,
        };
        self.update_dom(table)?;
        if self.table_pending {
            self.after_first_paint()?;
        }
        self.dom
            .root
            .class_list()
            .toggle_with_force("sc-dark", self.dark)?;
        if animate && !media_matches("(prefers-reduced-motion: reduce)") {
            self.progress = 0.0;
            self.animation_start = None;
        } else {
            self.progress = 1.0;
        }
        self.redraw()
    }

    /// Every part of the DOM but the canvas and tooltip, the table as `table` says.
    fn update_dom(&mut self, table: TablePart) -> Result<(), JsValue> {
        let summary = summary(&self.dataset, &self.state, &self.texts);
        self.dom.update(
            &self.dataset,
            &self.state,
            &self.texts,
            &summary,
            table,
            &self.script_url(),
        )?;
        self.table_pending = table == TablePart::Later;
        Ok(())
    }

    fn table_part(&self) -> TablePart {
        if self.table_open {
            TablePart::Open
        } else {
            TablePart::Closed
        }
    }

    /// Builds the pending table once the frame after this task has been painted.
    fn after_first_paint(&mut self) -> Result<(), JsValue> {
        if self.after_paint.is_some() {
            // Already waiting (a first draw that failed, then another): one wait, which
            // `release` can cancel.
            return Ok(());
        }
        let Some(callbacks) = &self.after_paint_callbacks else {
            return self.build_pending_table();
        };
        let id = window()?.request_animation_frame(callbacks.frame.as_ref().unchecked_ref())?;
        self.after_paint = Some(AfterPaint::Frame(id));
        Ok(())
    }

    fn after_first_frame(&mut self) -> Result<(), JsValue> {
        let Some(callbacks) = &self.after_paint_callbacks else {
            return Ok(());
        };
        let id = window()?.set_timeout_with_callback(callbacks.task.as_ref().unchecked_ref())?;
        self.after_paint = Some(AfterPaint::Task(id));
        Ok(())
    }

    fn build_pending_table(&mut self) -> Result<(), JsValue> {
        self.after_paint = None;
        if !std::mem::take(&mut self.table_pending) {
            return Ok(());
        }
        self.dom
            .update_table(&self.dataset, &self.state, &self.texts, self.table_open)
    }

    /// Sizes the canvas from its container's width. False when the container has no width yet
    /// (hidden): the ResizeObserver calls again once it is shown.
    pub fn resize(&mut self) -> Result<bool, JsValue> {
        let width = f64::from(self.dom.figure.client_width());
        if width <= 0.0 {
            return Ok(false);
        }
        let kind = self.state.effective_kind(&self.dataset);
        let rows = self.texts.iter().filter(|t| t.is_drawn()).count();
        let height = match (self.options.height, kind) {
            (Some(height), _) => height,
            (None, Some(ChartKind::Bar)) => {
                bar_preferred_height(rows, FONT_CSS_PX, 1.0).within(160.0, 2400.0)
            }
            // Phones get a taller box so the labels above and beside the circle have room.
            (None, _) if width < 520.0 => (width * 0.9).within(240.0, 460.0),
            (None, _) => (width * 0.6).within(300.0, 520.0),
        };
        self.surface.resize(width, height, device_pixel_ratio())?;
        Ok(true)
    }

    /// The slice pulled out of a pie or donut: the hovered one, else the selected, else the
    /// focused.
    fn highlight(&self) -> Option<usize> {
        self.state
            .hover
            .or(self.state.selected)
            .or(self.state.focus)
    }

    /// Lays the chart out again only when the words, kind or canvas changed: a hover, focus
    /// or selection change moves the pull-out on the layout there is (no text is measured or
    /// wrapped again).
    fn update_layout(&mut self) {
        let key = LayoutKey {
            texts_version: self.texts_version,
            kind: self.state.effective_kind(&self.dataset),
            size: self.surface.device_size(),
            dpr_bits: self.surface.dpr.to_bits(),
        };
        if self.layout_for == Some(key) {
            let highlight = self.highlight();
            if let Some(layout) = &mut self.layout {
                layout.set_highlight(highlight);
            }
            return;
        }
        self.layout = self.compute_layout();
        self.layout_for = Some(key);
    }

    fn compute_layout(&self) -> Option<Layout> {
        // No chart, no kind: a sector without charts draws nothing.
        let kind = self.state.effective_kind(&self.dataset)?;
        if self.surface.css_width <= 0.0 {
            return None;
        }
        let inputs = layout_inputs(&self.texts);
        let dpr = self.surface.dpr;
        let highlight = self.highlight();
        Some(layout::compute(&LayoutInput {
            kind,
            slices: &inputs,
            width: self.surface.device_width(),
            height: self.surface.device_height(),
            font_px: FONT_CSS_PX * dpr,
            scale: dpr,
            highlight,
            measure: self.surface.measure(),
        }))
    }

    /// The canvas and the tooltip: for hover, focus and selection changes.
    pub fn redraw(&mut self) -> Result<(), JsValue> {
        self.update_layout();
        let theme = self.theme();
        let paint = Paint {
            theme: &theme,
            font_px: FONT_CSS_PX * self.surface.dpr,
            scale: self.surface.dpr,
            hover: self.state.hover,
            focus: self.state.focus,
            selected: self.state.selected,
            progress: self.progress,
            font_family: FONT_FAMILY,
            other: self
                .state
                .other_group(&self.dataset)
                .map(|group| group.index),
            text_scale: 1.0,
        };
        self.surface.draw(self.layout.as_ref(), &paint)?;
        // Written when it changes only: an attribute write costs a style check of the canvas.
        let marker = self.drawn_marker();
        if marker != self.marker {
            self.dom.canvas.set_attribute("data-drawn", &marker)?;
            self.marker = marker;
        }
        if self.progress < 1.0 {
            self.request_frame()?;
        }
        self.update_tooltip()
    }

    /// Wraps the widget so that event handlers and animation frames can reach it weakly.
    pub fn into_shared(self) -> Rc<RefCell<Widget>> {
        let shared = Rc::new(RefCell::new(self));
        let weak = Rc::downgrade(&shared);
        let callback = Closure::<dyn FnMut(f64)>::new({
            let weak = weak.clone();
            move |now: f64| {
                super::events::with_widget(&weak, |widget| {
                    widget.frame = None;
                    widget.step_animation(now)
                })
            }
        });
        let after_paint = AfterPaintCallbacks {
            frame: Closure::new({
                let weak = weak.clone();
                move |_: f64| super::events::with_widget(&weak, Widget::after_first_frame)
            }),
            task: Closure::new(move || {
                super::events::with_widget(&weak, Widget::build_pending_table)
            }),
        };
        if let Ok(mut widget) = shared.try_borrow_mut() {
            widget.frame_callback = Some(callback);
            widget.after_paint_callbacks = Some(after_paint);
        }
        shared
    }

    fn request_frame(&mut self) -> Result<(), JsValue> {
        if self.frame.is_some() {
            return Ok(());
        }
        let Some(callback) = &self.frame_callback else {
            // Not animated yet (no shared handle): show the final picture.
            self.progress = 1.0;
            return Ok(());
        };
        self.frame = Some(window()?.request_animation_frame(callback.as_ref().unchecked_ref())?);
        Ok(())
    }

    fn step_animation(&mut self, now: f64) -> Result<(), JsValue> {
        let start = *self.animation_start.get_or_insert(now);
        let t = ((now - start) / ANIMATION_MS).within(0.0, 1.0);
        // Ease out: a quick start and a gentle landing.
        self.progress = 1.0 - (1.0 - t).powi(3);
        if t >= 1.0 {
            self.progress = 1.0;
            self.animation_start = None;
        }
        self.redraw()
    }

    /// A marker for tests and tools: what the canvas last showed.
    fn drawn_marker(&self) -> String {
        match &self.layout {
            Some(layout) => {
                // Integers (the backing store's size), so no float is printed for the marker.
                let (width, height) = self.surface.device_size();
                format!(
                    "{}:{}x{}:{}",
                    layout.kind.code(),
                    width,
                    height,
                    self.texts.iter().filter(|t| t.is_drawn()).count()
                )
            }
            None => "none".into(),
        }
    }

    fn update_tooltip(&mut self) -> Result<(), JsValue> {
        let lang = self.state.lang;
        let at_slice = |i: usize| self.anchor_of(i).map(|p| (i, p));
        let selected = if self.tooltip_dismissed {
            None
        } else {
            self.state.selected
        };
        let target = match self.pointer {
            // A mouse or pen: the slice under it.
            Pointer::Hovering(x, y) => self.state.hover.map(|i| (i, (x, y))),
            // A finger: the tapped slice, until a tap elsewhere or a scroll.
            Pointer::Touch => selected.and_then(at_slice),
            // The keyboard: the focused slice, else the selection.
            Pointer::None => self
                .state
                .focus
                .and_then(at_slice)
                .or_else(|| selected.and_then(at_slice)),
        };
        match target.and_then(|(i, at)| self.texts.get(i).map(|t| (i, t, at))) {
            Some((index, text, at)) if self.progress >= 1.0 => {
                let key = (index, self.texts_version);
                if self.tooltip_for == Some(key) {
                    // Same slice, same words: the box stays where the pointer met the slice, so
                    // moving within a slice costs no style, layout or paint at all.
                    return Ok(());
                }
                self.tooltip_for = Some(key);
                self.dom.show_tooltip(text, lang, at)
            }
            _ => {
                self.tooltip_for = None;
                self.dom.hide_tooltip()
            }
        }
    }

    /// Where a slice's tooltip goes when no pointer is over it: on the slice itself.
    fn anchor_of(&self, index: usize) -> Option<(f64, f64)> {
        let layout = self.layout.as_ref()?;
        let slice = layout.slices.get(index)?;
        if slice.hidden {
            return None;
        }
        let point = match layout.kind {
            ChartKind::Bar => {
                Point::new(slice.bar.x + slice.bar.w, slice.bar.y + slice.bar.h / 2.0)
            }
            _ => {
                let r = (layout.radius + layout.inner_radius) / 2.0;
                let p = layout.point_on_arc(slice.mid_angle(), r);
                Point::new(p.x + slice.offset.x, p.y + slice.offset.y)
            }
        };
        Some(self.surface.to_client(point))
    }

    /// The canvas lost its pixels (its context was restored): draw it again.
    pub fn redraw_all(&mut self) -> Result<(), JsValue> {
        self.redraw()
    }

    pub fn hit(&self, client_x: f64, client_y: f64) -> Option<usize> {
        let point = self.surface.to_device(client_x, client_y);
        self.layout.as_ref()?.hit_test(point.x, point.y)
    }

    /// The slice a hovering pointer at `offsetX`, `offsetY` of the canvas is over (no layout
    /// read); the hovered slice keeps the place it was pulled out of.
    pub fn hover_at(&self, offset_x: f64, offset_y: f64) -> Option<usize> {
        let point = self.surface.offset_to_device(offset_x, offset_y);
        self.layout
            .as_ref()?
            .hover_test(point.x, point.y, self.state.hover)
    }

    /// Runs one event through the pure transition and refreshes what it changed. Returns the
    /// selected slice when the event changed the selection, for the `select` DOM event.
    pub fn apply(&mut self, event: Event) -> Result<(), JsValue> {
        let before = self.state.clone();
        let after = before.update(&self.dataset, event);
        if after == before {
            return self.update_tooltip();
        }
        self.state = after;
        let structural = before.sector != self.state.sector
            || before.chart != self.state.chart
            || before.kind != self.state.kind
            || before.lang != self.state.lang
            || before.hidden != self.state.hidden
            || before.expanded != self.state.expanded;
        if structural {
            let animate = before.sector != self.state.sector
                || before.chart != self.state.chart
                || before.kind != self.state.kind;
            self.refresh(animate)?;
            self.sync_hash(&before)?;
        } else {
            if before.selected != self.state.selected {
                // The table marks the selection; shares do not change.
                self.update_dom(self.table_part())?;
                self.sync_hash(&before)?;
                self.dispatch_select()?;
            }
            self.redraw()?;
        }
        if let Some(sentence) = announcement(&self.dataset, &before, &self.state, &self.texts) {
            self.dom.announce(&sentence);
        }
        Ok(())
    }

    /// Replaces the view (a link opened, back or forward, new options) without adding history.
    pub fn set_state(&mut self, state: ViewState) -> Result<(), JsValue> {
        let (state, _) = state.sanitised(&self.dataset);
        if state != self.state {
            let before = std::mem::replace(&mut self.state, state);
            self.refresh(before.sector != self.state.sector || before.chart != self.state.chart)?;
            if let Some(sentence) = announcement(&self.dataset, &before, &self.state, &self.texts) {
                self.dom.announce(&sentence);
            }
        }
        Ok(())
    }

    fn sync_hash(&self, before: &ViewState) -> Result<(), JsValue> {
        if !self.options.hash {
            return Ok(());
        }
        let query = self.state.to_query();
        if current_hash().as_deref() == Some(query.as_str()) {
            return Ok(());
        }
        let history = window()?.history()?;
        let url = format!("#{query}");
        // A new view is a step back can return to; a hidden slice or a selection is not.
        let new_view = before.sector != self.state.sector
            || before.chart != self.state.chart
            || before.kind != self.state.kind
            || before.lang != self.state.lang;
        if new_view {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        }
    }

    fn dispatch_select(&self) -> Result<(), JsValue> {
        let selected = self
            .state
            .selected
            .and_then(|i| self.texts.get(i).map(|t| (i, t)));
        let detail = SelectDetail {
            sector: self.state.sector.as_deref(),
            chart: self.state.chart(&self.dataset).map(|c| c.id.as_str()),
            index: selected.map(|(i, _)| i),
            slice: selected.map(|(_, text)| SelectedSlice {
                key: &text.key,
                label: &text.label,
                value: &text.value,
                share: &text.share,
            }),
        };
        dispatch(&self.dom.root, "select", &to_js(&detail)?)
    }

    /// Everything a script may want to read about the view.
    pub fn state_object(&self) -> Result<JsValue, JsValue> {
        to_js(&StateDetail {
            sector: self.state.sector.as_deref(),
            chart: self.state.chart(&self.dataset).map(|c| c.id.as_str()),
            kind: self
                .state
                .effective_kind(&self.dataset)
                .map(ChartKind::code),
            lang: self.state.lang.code(),
            hidden: self.state.hidden.iter().copied().collect(),
            selected: self.state.selected,
            focus: self.state.focus,
            hover: self.state.hover,
            query: self.state.to_query(),
            dark: self.dark,
        })
    }

    fn file_prefix(&self) -> &'static str {
        if self.options.data.is_some() {
            export::EDITOR_PREFIX
        } else {
            export::BUILT_IN_PREFIX
        }
    }

    /// Starts a download of the view as PNG (2×), SVG or CSV.
    pub fn download(&mut self, format: &str) -> Result<(), JsValue> {
        let (name, url) = match format {
            "svg" => {
                let svg = export::svg(&self.dataset, &self.state, self.dark);
                (
                    export::file_name(self.file_prefix(), &self.dataset, &self.state, "svg"),
                    self.blob(&svg, "image/svg+xml")?,
                )
            }
            "csv" => {
                let csv = export::csv(&self.dataset, &self.state);
                (
                    export::file_name(self.file_prefix(), &self.dataset, &self.state, "csv"),
                    self.blob(&csv, "text/csv;charset=utf-8")?,
                )
            }
            _ => (
                export::file_name(self.file_prefix(), &self.dataset, &self.state, "png"),
                self.png_data_url()?,
            ),
        };
        let doc = super::dom::document()?;
        let link = doc.create_element("a")?;
        link.set_attribute("href", &url)?;
        link.set_attribute("download", &name)?;
        // Clicked while detached: a click inside the widget would re-enter its own click
        // listener, which is still running.
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
        Ok(())
    }

    fn blob(&mut self, text: &str, mime: &str) -> Result<String, JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
        // One URL at a time: the previous download has started by the time another is asked.
        if let Some(old) = self.blob_url.take() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        self.blob_url = Some(url.clone());
        Ok(url)
    }

    fn png_data_url(&self) -> Result<String, JsValue> {
        let resolution = export::Resolution {
            scale: 2.0,
            text_scale: 1.0,
        };
        let (w, h) = export::export_size(&self.dataset, &self.state);
        let canvas = super::dom::document()?
            .create_element("canvas")?
            .dyn_into::<HtmlCanvasElement>()
            .map_err(|_| JsValue::from_str("no canvas"))?;
        canvas.set_width((w * resolution.scale).round() as u32);
        canvas.set_height((h * resolution.scale).round() as u32);
        let measure = CanvasText::new(context_of(&canvas)?);
        let area = drawing_area(&canvas)?;
        let theme = self.theme();
        export::draw_export(
            &area,
            &self.dataset,
            &self.state,
            &theme,
            resolution,
            &measure,
        )
        .map_err(|e| JsValue::from_str(&format!("export failed: {e}")))?;
        canvas.to_data_url()
    }

    pub fn release(&mut self) {
        if let (Some(id), Ok(window)) = (self.frame.take(), window()) {
            let _ = window.cancel_animation_frame(id);
        }
        self.frame_callback = None;
        // Cancelled before its callbacks go: a dropped closure must not be called.
        match (self.after_paint.take(), window()) {
            (Some(AfterPaint::Frame(id)), Ok(window)) => {
                let _ = window.cancel_animation_frame(id);
            }
            (Some(AfterPaint::Task(id)), Ok(window)) => window.clear_timeout_with_handle(id),
            _ => {}
        }
        self.after_paint_callbacks = None;
        if let Some(url) = self.blob_url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        super::dom::clear(&self.dom.root);
        if let Some(parent) = self.dom.root.parent_node() {
            let _ = parent.remove_child(&self.dom.root);
        }
    }
}

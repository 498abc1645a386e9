//! One live chart's state and redraw decisions: every user action becomes a `view::Event`;
//! `apply` runs the pure transition, then refreshes what the change touched (the whole DOM, or
//! just the canvas and tooltip).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::boundary::{to_js, SelectDetail, StateDetail};
use super::canvas::FONT_FAMILY;
use super::dom::{current_hash, device_pixel_ratio, dispatch, media_matches, window};
use super::download::Downloads;
use super::frames::{Callbacks, Frames};
use super::locale::IntlNumbers;
pub use super::motion::Change;
use super::motion::Motion;
use super::options::Options;
use super::picture::{css_height, Inputs, Picture, FONT_CSS_PX};
use super::table::TablePart;
use super::ui::Dom;
use crate::dataset::Dataset;
use crate::dataset::ValueStyle;
use crate::describe::{announcement, slice_texts_in, summary, SliceText};
use crate::format::LocalNumbers;
use crate::render::Paint;
use crate::theme::Theme;
use crate::view::{Event, ViewState};

/// Runs `f` on the widget if it still exists and is not already busy (a DOM call inside an
/// update can fire another event synchronously; that one is dropped rather than panicking).
pub fn with_widget(
    weak: &Weak<RefCell<Widget>>,
    f: impl FnOnce(&mut Widget) -> Result<(), JsValue>,
) {
    let Some(widget) = weak.upgrade() else { return };
    let Ok(mut widget) = widget.try_borrow_mut() else {
        return;
    };
    if let Err(error) = f(&mut widget) {
        web_sys::console::error_2(&JsValue::from_str("sector-charts:"), &error);
    }
}

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
    picture: Picture,
    texts: Vec<SliceText>,
    pub dark: bool,
    pub table_open: bool,
    motion: Motion,
    pub pointer: Pointer,
    /// A scroll hid the tap tooltip; the next tap brings it back.
    pub tooltip_dismissed: bool,
    downloads: Downloads,
    frames: Frames,
    /// Bumped whenever `texts` is rebuilt, so the tooltip knows when its words are stale.
    texts_version: u64,
    /// The slice and words the tooltip shows now.
    tooltip_for: Option<(usize, u64)>,
    /// The closed data table is still to be built (see `TablePart::Later`).
    table_pending: bool,
    /// An editor's chart's numbers, in the language the view speaks.
    numbers: IntlNumbers,
}

impl Widget {
    pub fn new(mount: &Element, dataset: Rc<Dataset>, options: Options) -> Result<Widget, JsValue> {
        let dom = Dom::build(
            mount,
            options.has_explorer(),
            options.downloads || options.has_explorer(),
        )?;
        let picture = Picture::new(dom.canvas.clone())?;
        let mut widget = Widget {
            dataset,
            state: ViewState::default(),
            options,
            dom,
            picture,
            texts: Vec::new(),
            dark: false,
            table_open: false,
            motion: Motion::default(),
            pointer: Pointer::None,
            tooltip_dismissed: false,
            downloads: Downloads::default(),
            frames: Frames::default(),
            texts_version: 0,
            tooltip_for: None,
            table_pending: false,
            numbers: IntlNumbers::new("zh"),
        };
        widget.state = widget.options.initial_state(&widget.dataset);
        widget.dom.home_is_overview = widget.state.is_overview();
        widget.dark = widget.wants_dark();
        Ok(widget)
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

    /// Everything: DOM, size, layout, drawing. For changes of chart, language, data or theme,
    /// shown as `change` says.
    pub fn refresh(&mut self, change: Change) -> Result<(), JsValue> {
        let moving = self.motion_allowed();
        // Taken before the new layout replaces the one it is made from.
        let on_screen = (moving && change == Change::Morph)
            .then(|| self.motion.on_screen(self.picture.layout()))
            .flatten();
        if self.numbers.tag() != self.state.tag() {
            self.numbers = IntlNumbers::new(self.state.tag());
        }
        self.texts = self
            .state
            .chart(&self.dataset)
            .map(|chart| slice_texts_in(chart, &self.state, &self.numbers))
            .unwrap_or_default();
        self.texts_version += 1;
        // Sized before the DOM is written: the layout it reads is then clean (or, on the first
        // draw, a nearly empty card), instead of a forced layout of the new legend and toolbar
        // that the next frame would lay out again anyway. The figure's width does not depend on
        // what is around it.
        self.resize()?;
        // The first draw leaves a closed table for after the chart's first frame.
        let first_draw = self.picture.is_blank() && self.frames.is_connected();
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
        self.motion
            .start(moving && change == Change::First, on_screen);
        if moving && change == Change::Fade {
            self.picture.fade_in()?;
        }
        self.redraw()
    }

    /// Motion is off for a reader who asked the system for less, and for `motion="off"`.
    fn motion_allowed(&self) -> bool {
        self.options.motion_on() && !media_matches("(prefers-reduced-motion: reduce)")
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
        if self.frames.wait_for_paint()? {
            return Ok(());
        }
        self.build_pending_table()
    }

    fn build_pending_table(&mut self) -> Result<(), JsValue> {
        self.frames.paint_done();
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
        let height = css_height(width, self.options.height, kind, rows);
        self.picture
            .surface
            .resize(width, height, device_pixel_ratio())?;
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

    /// The canvas and the tooltip: for hover, focus and selection changes.
    pub fn redraw(&mut self) -> Result<(), JsValue> {
        let local = (self.state.chart(&self.dataset))
            .is_some_and(|chart| chart.style != ValueStyle::Report);
        self.picture.update_layout(&Inputs {
            texts: &self.texts,
            texts_version: self.texts_version,
            kind: self.state.effective_kind(&self.dataset),
            highlight: self.highlight(),
            // An editor's chart writes its shares in the locale; the report keeps its style.
            numbers: local.then_some(&self.numbers as &dyn LocalNumbers),
        });
        let dpr = self.picture.surface.dpr;
        let theme = self.theme();
        let paint = Paint {
            theme: &theme,
            font_px: FONT_CSS_PX * dpr,
            scale: dpr,
            hover: self.state.hover,
            focus: self.state.focus,
            selected: self.state.selected,
            progress: self.motion.progress,
            font_family: FONT_FAMILY,
            other: self
                .state
                .other_group(&self.dataset)
                .map(|group| group.index),
            text_scale: 1.0,
        };
        self.motion.keep_if_it_can_reach(self.picture.layout());
        let drawn = self.texts.iter().filter(|t| t.is_drawn()).count();
        self.picture
            .draw(&paint, drawn, self.motion.change_frame())?;
        if self.motion.is_running() {
            self.request_frame()?;
        }
        self.update_tooltip()
    }

    /// Wraps the widget so that event handlers and animation frames can reach it weakly.
    pub fn into_shared(self) -> Rc<RefCell<Widget>> {
        let shared = Rc::new(RefCell::new(self));
        let weak = Rc::downgrade(&shared);
        let callbacks = Callbacks {
            animate: Closure::new({
                let weak = weak.clone();
                move |now: f64| {
                    with_widget(&weak, |widget| {
                        widget.frames.frame_ran();
                        widget.step_animation(now)
                    })
                }
            }),
            painting: Closure::new({
                let weak = weak.clone();
                move |_: f64| with_widget(&weak, |widget| widget.frames.frame_painting())
            }),
            painted: Closure::new(move || with_widget(&weak, Widget::build_pending_table)),
        };
        if let Ok(mut widget) = shared.try_borrow_mut() {
            widget.frames.connect(callbacks);
        }
        shared
    }

    fn request_frame(&mut self) -> Result<(), JsValue> {
        if !self.frames.request_frame()? {
            // Not animated yet (no shared handle): show the final picture.
            self.motion.finish();
        }
        Ok(())
    }

    fn step_animation(&mut self, now: f64) -> Result<(), JsValue> {
        self.motion.step(now);
        self.redraw()
    }

    fn update_tooltip(&mut self) -> Result<(), JsValue> {
        let speech = self.state.speech();
        let at_slice = |i: usize| self.picture.anchor_of(i).map(|p| (i, p));
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
            Some((index, text, at)) if self.motion.progress >= 1.0 => {
                let key = (index, self.texts_version);
                if self.tooltip_for == Some(key) {
                    // Same slice, same words: the box stays where the pointer met the slice, so
                    // moving within a slice costs no style, layout or paint at all.
                    return Ok(());
                }
                self.tooltip_for = Some(key);
                self.dom.show_tooltip(text, speech, at)
            }
            _ => {
                self.tooltip_for = None;
                self.dom.hide_tooltip()
            }
        }
    }

    /// The canvas lost its pixels (its context was restored): draw it again.
    pub fn redraw_all(&mut self) -> Result<(), JsValue> {
        self.redraw()
    }

    pub fn hit(&self, client_x: f64, client_y: f64) -> Option<usize> {
        self.picture.hit(client_x, client_y)
    }

    /// The slice a hovering pointer at `offsetX`, `offsetY` of the canvas is over.
    pub fn hover_at(&self, offset_x: f64, offset_y: f64) -> Option<usize> {
        self.picture.hover_at(offset_x, offset_y, self.state.hover)
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
            || before.locale != self.state.locale
            || before.hidden != self.state.hidden
            || before.expanded != self.state.expanded;
        if structural {
            self.refresh(Change::between(&before, &self.state))?;
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

    fn dispatch_select(&self) -> Result<(), JsValue> {
        let detail = SelectDetail::of(&self.dataset, &self.state, &self.texts);
        dispatch(&self.dom.root, "select", &to_js(&detail)?)
    }

    /// Everything a script may want to read about the view.
    pub fn state_object(&self) -> Result<JsValue, JsValue> {
        to_js(&StateDetail::of(&self.dataset, &self.state, self.dark))
    }

    /// Replaces the view (a link opened, back or forward, new options) without adding history.
    pub fn set_state(&mut self, state: ViewState) -> Result<(), JsValue> {
        let (state, _) = state.sanitised(&self.dataset);
        if state != self.state {
            let before = std::mem::replace(&mut self.state, state);
            self.refresh(Change::between(&before, &self.state))?;
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

    /// Starts a download of the view as PNG (2×), SVG or CSV.
    pub fn download(&mut self, format: &str) -> Result<(), JsValue> {
        let editor_data = self.options.data.is_some() || self.options.table.is_some();
        self.downloads.start(
            format,
            &self.dataset,
            &self.state,
            self.dark,
            editor_data,
            &self.numbers,
        )
    }

    pub fn release(&mut self) {
        self.frames.cancel();
        self.downloads.release();
        super::dom::clear(&self.dom.root);
        if let Some(parent) = self.dom.root.parent_node() {
            let _ = parent.remove_child(&self.dom.root);
        }
    }
}

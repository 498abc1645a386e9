//! DOM events to `view::Event`s: one delegated click listener for every button, pointer and
//! keyboard listeners on the chart, and the window's scroll, resize and history events. Each
//! listener holds only a weak reference to the widget, so dropping the handles frees it.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent, PointerEvent};

use super::dom::{current_hash, window};
use super::listeners::{Listener, Observer, PixelRatioWatch};
use super::widget::{with_widget, Change, Pointer, Widget};
use crate::dataset::{ChartKind, Lang};
use crate::view::{Event, Key, ViewState};

#[wasm_bindgen]
extern "C" {
    /// A pointer event seen only for its kind.
    type PointerKind;
    /// `pointerType` left a JavaScript string: compared there, not copied into wasm memory.
    #[wasm_bindgen(method, getter, js_name = pointerType)]
    fn kind(this: &PointerKind) -> JsValue;
}

/// Everything registered on the page for one widget; dropping it removes all of it.
pub struct Handles {
    _listeners: Vec<Listener>,
    _observer: Observer,
    _pixel_ratio: PixelRatioWatch,
}

fn key_of(event: &KeyboardEvent) -> Option<Key> {
    Some(match event.key().as_str() {
        "ArrowRight" | "ArrowDown" => Key::Next,
        "ArrowLeft" | "ArrowUp" => Key::Prev,
        "Home" => Key::First,
        "End" => Key::Last,
        "Enter" | " " | "Spacebar" => Key::Activate,
        "Escape" | "Esc" => Key::Escape,
        _ => return None,
    })
}

/// The `data-action` button an event came from, if any.
fn action_of(event: &web_sys::Event) -> Option<(String, String)> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let button = target.closest("[data-action]").ok()??;
    Some((
        button.get_attribute("data-action")?,
        button.get_attribute("data-value").unwrap_or_default(),
    ))
}

fn on_action(widget: &mut Widget, action: &str, value: &str) -> Result<(), JsValue> {
    match action {
        "sector" => widget.apply(Event::OpenSector(value.to_string())),
        "back" => widget.apply(Event::Back),
        "chart" => widget.apply(Event::OpenChart(value.to_string())),
        "kind" => match ChartKind::from_code(value) {
            Some(kind) => widget.apply(Event::SetKind(kind)),
            None => Ok(()),
        },
        "lang" => match Lang::from_code(value) {
            Some(lang) => widget.apply(Event::SetLang(lang)),
            None => Ok(()),
        },
        "toggle" => match value.parse() {
            Ok(index) => widget.apply(Event::ToggleSlice(index)),
            Err(_) => Ok(()),
        },
        "table" => {
            widget.table_open = !widget.table_open;
            widget.refresh(Change::Instant)
        }
        "download" => widget.download(value),
        "expand" => widget.apply(Event::SetExpanded(value == "1")),
        _ => Ok(()),
    }
}

/// The widget behind a listener: each handler reaches it weakly, so dropping the handles frees
/// it.
type Shared = Weak<RefCell<Widget>>;

/// Hover is for mice and pens; a finger moving is a scroll, which must never pop tooltips.
/// This runs for every move over the chart: it reads as little from the event as it can.
fn on_pointer_move(w: &Shared, event: &web_sys::Event, touch: &JsValue) {
    // Only pointer events are listened to here: no type check.
    let event: &PointerEvent = event.unchecked_ref();
    if &event.unchecked_ref::<PointerKind>().kind() == touch {
        return;
    }
    let (ox, oy) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
    with_widget(w, |widget| {
        let was_hovering = matches!(widget.pointer, Pointer::Hovering(..));
        let hit = widget.hover_at(ox, oy);
        // Still over the slice already hovered (or still over none): nothing changes, and
        // the tooltip stays where the pointer met the slice.
        if was_hovering && hit == widget.state.hover {
            return Ok(());
        }
        widget.pointer =
            Pointer::Hovering(f64::from(event.client_x()), f64::from(event.client_y()));
        widget.apply(Event::Hover(hit))
    });
}

fn is_touch(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<PointerEvent>()
        .is_some_and(|e| e.pointer_type() == "touch")
}

/// A finger always "leaves" right after lifting, before the click: that must not end the
/// tap's tooltip, which a tap elsewhere or a scroll ends instead.
fn on_pointer_leave(w: &Shared, event: &web_sys::Event) {
    if is_touch(event) {
        return;
    }
    with_widget(w, |widget| {
        widget.pointer = Pointer::None;
        widget.apply(Event::Hover(None))
    });
}

fn on_pointer_down(w: &Shared, event: &web_sys::Event) {
    let touch = is_touch(event);
    with_widget(w, |widget| {
        if touch {
            widget.pointer = Pointer::Touch;
        }
        Ok(())
    });
}

/// A click or a tap: select (or open the sector, on the overview).
fn on_canvas_click(w: &Shared, event: &web_sys::Event) {
    let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() else {
        return;
    };
    let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
    with_widget(w, |widget| {
        widget.tooltip_dismissed = false;
        let hit = widget.hit(x, y);
        widget.apply(Event::Click(hit))
    });
}

fn on_key(w: &Shared, event: &web_sys::Event) {
    let Some(keyboard) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if keyboard.alt_key() || keyboard.ctrl_key() || keyboard.meta_key() {
        return;
    }
    if let Some(key) = key_of(keyboard) {
        event.prevent_default();
        with_widget(w, |widget| {
            widget.pointer = Pointer::None;
            widget.tooltip_dismissed = false;
            widget.apply(Event::Key(key))
        });
    }
}

/// A tap outside the widget hides the tap tooltip.
fn on_page_pointer_down(w: &Shared, root: &Element, event: &web_sys::Event) {
    let inside = event
        .composed_path()
        .iter()
        .any(|node| node.dyn_ref::<Element>().is_some_and(|e| e == root));
    if inside {
        return;
    }
    with_widget(w, |widget| {
        if widget.pointer == Pointer::Touch && widget.state.selected.is_some() {
            widget.apply(Event::Click(None))
        } else {
            Ok(())
        }
    });
}

/// A scroll hides the tap tooltip too.
fn on_scroll(w: &Shared) {
    with_widget(w, |widget| {
        if widget.pointer == Pointer::Touch && !widget.tooltip_dismissed {
            widget.tooltip_dismissed = true;
            return widget.redraw();
        }
        Ok(())
    });
}

/// The container's size or devicePixelRatio changed: size the canvas again and redraw (a hidden
/// container draws once shown).
fn on_resize(w: &Shared) {
    with_widget(w, |widget| {
        if widget.resize()? {
            widget.redraw()?;
        }
        Ok(())
    });
}

fn on_dark_change(w: &Shared) {
    with_widget(w, |widget| {
        let dark = widget.wants_dark();
        if dark != widget.dark {
            widget.dark = dark;
            widget.refresh(Change::Instant)?;
        }
        Ok(())
    });
}

/// Back, forward or a link changed the location's hash: show the view it names.
fn on_hash_change(w: &Shared) {
    with_widget(w, |widget| {
        let hash = current_hash().unwrap_or_default();
        let lang = widget.state.lang;
        widget.set_state(ViewState::from_query(&hash, lang))
    });
}

/// A listener calling `handler` with the widget's weak handle and the event.
fn listen(
    w: &Shared,
    target: &web_sys::EventTarget,
    kind: &'static str,
    passive: bool,
    handler: impl Fn(&Shared, &web_sys::Event) + 'static,
) -> Result<Listener, JsValue> {
    let w = w.clone();
    Listener::new(target, kind, passive, move |event| handler(&w, &event))
}

/// The chart's own listeners: buttons, pointer, keyboard.
fn chart_listeners(w: &Shared, root: &Element, figure: &Element) -> Result<Vec<Listener>, JsValue> {
    let canvas = w
        .upgrade()
        .map(|widget| widget.borrow().dom.canvas.clone())
        .ok_or_else(|| JsValue::from_str("the chart is gone"))?;
    let touch = JsValue::from_str("touch");
    Ok(vec![
        listen(w, root, "click", false, |w, event| {
            if let Some((action, value)) = action_of(event) {
                with_widget(w, |widget| on_action(widget, &action, &value));
            }
        })?,
        listen(w, &canvas, "pointermove", true, move |w, event| {
            on_pointer_move(w, event, &touch)
        })?,
        listen(w, &canvas, "pointerleave", true, on_pointer_leave)?,
        listen(w, &canvas, "pointerdown", true, on_pointer_down)?,
        listen(w, &canvas, "click", false, on_canvas_click)?,
        // A 2D canvas can lose its pixels (the browser reclaims memory) and get them back blank.
        listen(w, &canvas, "contextrestored", true, |w, _| {
            with_widget(w, Widget::redraw_all)
        })?,
        listen(w, figure, "keydown", false, on_key)?,
        listen(w, figure, "blur", false, |w, _| {
            with_widget(w, |widget| widget.apply(Event::Blur))
        })?,
    ])
}

/// The page's listeners: taps elsewhere, scrolls, resizes, the colour scheme, the hash.
fn page_listeners(w: &Shared, root: &Element, hash: bool) -> Result<Vec<Listener>, JsValue> {
    let window = window()?;
    let document = super::dom::document()?;
    let root = root.clone();
    let mut listeners = vec![
        listen(w, &document, "pointerdown", true, move |w, event| {
            on_page_pointer_down(w, &root, event)
        })?,
        listen(w, &window, "scroll", true, |w, _| on_scroll(w))?,
        // Browser zoom and moving to another screen change devicePixelRatio and fire resize.
        listen(w, &window, "resize", true, |w, _| on_resize(w))?,
    ];
    if let Ok(Some(dark_query)) = window.match_media("(prefers-color-scheme: dark)") {
        listeners.push(listen(w, &dark_query, "change", true, |w, _| {
            on_dark_change(w)
        })?);
    }
    if hash {
        for kind in ["popstate", "hashchange"] {
            listeners.push(listen(w, &window, kind, true, |w, _| on_hash_change(w))?);
        }
    }
    Ok(listeners)
}

pub fn attach(widget: &Rc<RefCell<Widget>>) -> Result<Handles, JsValue> {
    let weak = Rc::downgrade(widget);
    let (root, figure, hash) = {
        let w = widget.borrow();
        (w.dom.root.clone(), w.dom.figure.clone(), w.options.hash)
    };
    let mut listeners = chart_listeners(&weak, &root, &figure)?;
    listeners.extend(page_listeners(&weak, &root, hash)?);
    let w = weak.clone();
    let observer = Observer::new(&figure, move |_entries| on_resize(&w))?;
    // Browser zoom and another screen change devicePixelRatio, often with no resize event.
    let pixel_ratio = PixelRatioWatch::new(move || on_resize(&weak))?;
    Ok(Handles {
        _listeners: listeners,
        _observer: observer,
        _pixel_ratio: pixel_ratio,
    })
}

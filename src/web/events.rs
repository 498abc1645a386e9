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
use super::widget::{Pointer, Widget};
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
            widget.refresh(false)
        }
        "download" => widget.download(value),
        "expand" => widget.apply(Event::SetExpanded(value == "1")),
        _ => Ok(()),
    }
}

pub fn attach(widget: &Rc<RefCell<Widget>>) -> Result<Handles, JsValue> {
    let weak = Rc::downgrade(widget);
    let (root, figure, canvas) = {
        let w = widget.borrow();
        (
            w.dom.root.clone(),
            w.dom.figure.clone(),
            w.dom.canvas.clone(),
        )
    };
    let window = window()?;
    let document = super::dom::document()?;
    let mut listeners = Vec::new();

    let w = weak.clone();
    listeners.push(Listener::new(&root, "click", false, move |event| {
        if let Some((action, value)) = action_of(&event) {
            with_widget(&w, |widget| on_action(widget, &action, &value));
        }
    })?);

    // Hover is for mice and pens; a finger moving is a scroll, which must never pop tooltips.
    // This runs for every move over the chart: it reads as little from the event as it can.
    let w = weak.clone();
    let touch = JsValue::from_str("touch");
    listeners.push(Listener::new(&canvas, "pointermove", true, move |event| {
        // Only pointer events are listened to here: no type check.
        let event: &PointerEvent = event.unchecked_ref();
        if event.unchecked_ref::<PointerKind>().kind() == touch {
            return;
        }
        let (ox, oy) = (f64::from(event.offset_x()), f64::from(event.offset_y()));
        with_widget(&w, |widget| {
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
    })?);

    let w = weak.clone();
    // A finger always "leaves" right after lifting, before the click: that must not end the
    // tap's tooltip, which a tap elsewhere or a scroll ends instead.
    listeners.push(Listener::new(
        &canvas,
        "pointerleave",
        true,
        move |event| {
            if event
                .dyn_ref::<PointerEvent>()
                .is_some_and(|e| e.pointer_type() == "touch")
            {
                return;
            }
            with_widget(&w, |widget| {
                widget.pointer = Pointer::None;
                widget.apply(Event::Hover(None))
            });
        },
    )?);

    let w = weak.clone();
    listeners.push(Listener::new(&canvas, "pointerdown", true, move |event| {
        let touch = event
            .dyn_ref::<PointerEvent>()
            .is_some_and(|e| e.pointer_type() == "touch");
        with_widget(&w, |widget| {
            if touch {
                widget.pointer = Pointer::Touch;
            }
            Ok(())
        });
    })?);

    // A click or a tap: select (or open the sector, on the overview).
    let w = weak.clone();
    listeners.push(Listener::new(&canvas, "click", false, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        with_widget(&w, |widget| {
            widget.tooltip_dismissed = false;
            let hit = widget.hit(x, y);
            widget.apply(Event::Click(hit))
        });
    })?);

    // A 2D canvas can lose its pixels (the browser reclaims memory) and get them back blank.
    let w = weak.clone();
    listeners.push(Listener::new(
        &canvas,
        "contextrestored",
        true,
        move |_| {
            with_widget(&w, Widget::redraw_all);
        },
    )?);

    let w = weak.clone();
    listeners.push(Listener::new(&figure, "keydown", false, move |event| {
        let Some(keyboard) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if keyboard.alt_key() || keyboard.ctrl_key() || keyboard.meta_key() {
            return;
        }
        if let Some(key) = key_of(keyboard) {
            event.prevent_default();
            with_widget(&w, |widget| {
                widget.pointer = Pointer::None;
                widget.tooltip_dismissed = false;
                widget.apply(Event::Key(key))
            });
        }
    })?);

    let w = weak.clone();
    listeners.push(Listener::new(&figure, "blur", false, move |_| {
        with_widget(&w, |widget| widget.apply(Event::Blur));
    })?);

    // A tap outside the widget hides the tap tooltip; so does a scroll.
    let w = weak.clone();
    let root_for_outside = root.clone();
    listeners.push(Listener::new(
        &document,
        "pointerdown",
        true,
        move |event| {
            let inside = event.composed_path().iter().any(|node| {
                node.dyn_ref::<Element>()
                    .is_some_and(|e| e == &root_for_outside)
            });
            if !inside {
                with_widget(&w, |widget| {
                    if widget.pointer == Pointer::Touch && widget.state.selected.is_some() {
                        widget.apply(Event::Click(None))
                    } else {
                        Ok(())
                    }
                });
            }
        },
    )?);

    let w = weak.clone();
    listeners.push(Listener::new(&window, "scroll", true, move |_| {
        with_widget(&w, |widget| {
            if widget.pointer == Pointer::Touch && !widget.tooltip_dismissed {
                widget.tooltip_dismissed = true;
                return widget.redraw();
            }
            Ok(())
        });
    })?);

    // Browser zoom and moving to another screen change devicePixelRatio and fire resize.
    let w = weak.clone();
    listeners.push(Listener::new(&window, "resize", true, move |_| {
        with_widget(&w, |widget| {
            if widget.resize()? {
                widget.redraw()?;
            }
            Ok(())
        });
    })?);

    if let Ok(Some(dark_query)) = window.match_media("(prefers-color-scheme: dark)") {
        let w = weak.clone();
        listeners.push(Listener::new(&dark_query, "change", true, move |_| {
            with_widget(&w, |widget| {
                let dark = widget.wants_dark();
                if dark != widget.dark {
                    widget.dark = dark;
                    widget.refresh(false)?;
                }
                Ok(())
            });
        })?);
    }

    if widget.borrow().options.hash {
        for kind in ["popstate", "hashchange"] {
            let w = weak.clone();
            listeners.push(Listener::new(&window, kind, true, move |_| {
                with_widget(&w, |widget| {
                    let hash = current_hash().unwrap_or_default();
                    let lang = widget.state.lang;
                    widget.set_state(ViewState::from_query(&hash, lang))
                });
            })?);
        }
    }

    // Any change of the container's size relayouts; a hidden container draws once shown.
    let w = weak.clone();
    let observer = Observer::new(&figure, move |_entries| {
        with_widget(&w, |widget| {
            if widget.resize()? {
                widget.redraw()?;
            }
            Ok(())
        });
    })?;

    // Browser zoom and another screen change devicePixelRatio, often with no resize event.
    let w = weak.clone();
    let pixel_ratio = PixelRatioWatch::new(move || {
        with_widget(&w, |widget| {
            if widget.resize()? {
                widget.redraw()?;
            }
            Ok(())
        });
    })?;

    Ok(Handles {
        _listeners: listeners,
        _observer: observer,
        _pixel_ratio: pixel_ratio,
    })
}

//! Event listeners that remove themselves when dropped, so a destroyed widget leaves nothing
//! behind (no `Closure::forget`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AddEventListenerOptions, Event, EventTarget, ResizeObserver};

pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(
        target: &EventTarget,
        kind: &'static str,
        passive: bool,
        handler: impl FnMut(Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        let options = AddEventListenerOptions::new();
        options.set_passive(passive);
        target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            closure.as_ref().unchecked_ref(),
            &options,
        )?;
        Ok(Listener {
            target: target.clone(),
            kind,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// A ResizeObserver that disconnects when dropped.
pub struct Observer {
    observer: ResizeObserver,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Observer {
    pub fn new(
        target: &web_sys::Element,
        handler: impl FnMut(js_sys::Array) + 'static,
    ) -> Result<Observer, JsValue> {
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(handler);
        let observer = ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        observer.observe(target);
        Ok(Observer {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A callback that can hand itself to a new event target while it runs.
type SharedCallback = Rc<RefCell<Option<Closure<dyn FnMut(Event)>>>>;

/// Calls `handler` whenever devicePixelRatio changes. A media query matches one ratio only,
/// so after each change the same callback moves to a query for the new ratio.
pub struct PixelRatioWatch {
    query: Rc<RefCell<Option<web_sys::MediaQueryList>>>,
    closure: SharedCallback,
}

fn ratio_query(window: &web_sys::Window) -> Option<web_sys::MediaQueryList> {
    let ratio = window.device_pixel_ratio();
    // A narrow range around the ratio rather than `(resolution: …)` with its exact digits:
    // a zoomed ratio (1.100000023841858) matches without printing every digit of it.
    let (low, high) = ((ratio - 0.001).max(0.0), ratio + 0.001);
    window
        .match_media(&format!(
            "(min-resolution: {low:.4}dppx) and (max-resolution: {high:.4}dppx)"
        ))
        .ok()
        .flatten()
}

impl PixelRatioWatch {
    pub fn new(mut handler: impl FnMut() + 'static) -> Result<PixelRatioWatch, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let query: Rc<RefCell<Option<web_sys::MediaQueryList>>> = Rc::new(RefCell::new(None));
        let closure: SharedCallback = Rc::new(RefCell::new(None));
        let weak_closure = Rc::downgrade(&closure);
        let weak_query = Rc::downgrade(&query);
        let callback = Closure::<dyn FnMut(Event)>::new(move |_event: Event| {
            handler();
            // Re-arm on a query for the new ratio, with this same callback (not dropped here).
            let (Some(closure), Some(query), Some(window)) = (
                weak_closure.upgrade(),
                weak_query.upgrade(),
                web_sys::window(),
            ) else {
                return;
            };
            let Ok(closure) = closure.try_borrow() else {
                return;
            };
            let Some(function) = closure.as_ref() else {
                return;
            };
            let function: &js_sys::Function = function.as_ref().unchecked_ref();
            let current = query.try_borrow_mut();
            if let Ok(mut current) = current {
                if let Some(old) = current.take() {
                    let _ = old.remove_event_listener_with_callback("change", function);
                }
                if let Some(new) = ratio_query(&window) {
                    let _ = new.add_event_listener_with_callback("change", function);
                    current.replace(new);
                }
            }
        });
        if let Some(first) = ratio_query(&window) {
            first.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())?;
            query.borrow_mut().replace(first);
        }
        closure.borrow_mut().replace(callback);
        Ok(PixelRatioWatch { query, closure })
    }
}

impl Drop for PixelRatioWatch {
    fn drop(&mut self) {
        let closure = self.closure.borrow_mut().take();
        if let (Some(query), Some(closure)) = (self.query.borrow_mut().take(), closure.as_ref()) {
            let _ = query
                .remove_event_listener_with_callback("change", closure.as_ref().unchecked_ref());
        }
    }
}

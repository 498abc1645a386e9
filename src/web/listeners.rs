//! Event listeners that remove themselves when dropped, so a destroyed widget leaves nothing
//! behind (no `Closure::forget`).

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

//! The widget's scheduled callbacks: animation frames while the entry animation runs, and the
//! wait for the first frame's paint before the closed data table is built. All cancelled on
//! release, before their closures go.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::dom::window;

/// Where the wait for the first frame's paint is.
#[derive(Clone, Copy, Debug)]
enum AfterPaint {
    Frame(i32),
    Task(i32),
}

/// The closures the frames call, made by the widget that owns them.
pub struct Callbacks {
    /// One step of the animation.
    pub animate: Closure<dyn FnMut(f64)>,
    /// Runs in the frame after the first draw: sets a zero timeout, whose task runs after that
    /// frame is painted.
    pub painting: Closure<dyn FnMut(f64)>,
    /// The task after the first paint.
    pub painted: Closure<dyn FnMut()>,
}

#[derive(Default)]
pub struct Frames {
    frame: Option<i32>,
    after_paint: Option<AfterPaint>,
    callbacks: Option<Callbacks>,
}

impl Frames {
    pub fn connect(&mut self, callbacks: Callbacks) {
        self.callbacks = Some(callbacks);
    }

    /// The widget is shared and its callbacks exist (not yet at its first refresh in `new`).
    pub fn is_connected(&self) -> bool {
        self.callbacks.is_some()
    }

    /// Asks for an animation frame unless one is pending. False when there is no callback.
    pub fn request_frame(&mut self) -> Result<bool, JsValue> {
        if self.frame.is_some() {
            return Ok(true);
        }
        let Some(callbacks) = &self.callbacks else {
            return Ok(false);
        };
        let id = window()?.request_animation_frame(callbacks.animate.as_ref().unchecked_ref())?;
        self.frame = Some(id);
        Ok(true)
    }

    /// The requested animation frame is running.
    pub fn frame_ran(&mut self) {
        self.frame = None;
    }

    /// Starts waiting for the next frame's paint (one wait at a time). False when there is no
    /// callback to wait with.
    pub fn wait_for_paint(&mut self) -> Result<bool, JsValue> {
        if self.after_paint.is_some() {
            return Ok(true);
        }
        let Some(callbacks) = &self.callbacks else {
            return Ok(false);
        };
        let id = window()?.request_animation_frame(callbacks.painting.as_ref().unchecked_ref())?;
        self.after_paint = Some(AfterPaint::Frame(id));
        Ok(true)
    }

    /// In the frame being painted: the task after it runs once it is.
    pub fn frame_painting(&mut self) -> Result<(), JsValue> {
        let Some(callbacks) = &self.callbacks else {
            return Ok(());
        };
        let id = window()?.set_timeout_with_callback(callbacks.painted.as_ref().unchecked_ref())?;
        self.after_paint = Some(AfterPaint::Task(id));
        Ok(())
    }

    pub fn paint_done(&mut self) {
        self.after_paint = None;
    }

    /// Cancels what is pending, then drops the callbacks: a dropped closure must not be called.
    pub fn cancel(&mut self) {
        let window = window();
        if let (Some(id), Ok(window)) = (self.frame.take(), &window) {
            let _ = window.cancel_animation_frame(id);
        }
        match (self.after_paint.take(), &window) {
            (Some(AfterPaint::Frame(id)), Ok(window)) => {
                let _ = window.cancel_animation_frame(id);
            }
            (Some(AfterPaint::Task(id)), Ok(window)) => window.clear_timeout_with_handle(id),
            _ => {}
        }
        self.callbacks = None;
    }
}

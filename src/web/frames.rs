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

/// A closure an animation frame calls with its time.
type FrameCallback = Closure<dyn FnMut(f64)>;

/// The closures the frames call, made by the widget that owns them.
pub struct Callbacks {
    /// One step of the animation.
    pub animate: FrameCallback,
    /// Runs in the frame after the first draw: sets a zero timeout, whose task runs after that
    /// frame is painted.
    pub painting: FrameCallback,
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

    /// An animation frame for one of the callbacks; None when there are no callbacks.
    fn request(&self, which: fn(&Callbacks) -> &FrameCallback) -> Result<Option<i32>, JsValue> {
        match &self.callbacks {
            Some(callbacks) => {
                let function = which(callbacks).as_ref().unchecked_ref();
                Ok(Some(window()?.request_animation_frame(function)?))
            }
            None => Ok(None),
        }
    }

    /// Asks for an animation frame unless one is pending. False when there is no callback.
    pub fn request_frame(&mut self) -> Result<bool, JsValue> {
        if self.frame.is_none() {
            self.frame = self.request(|c| &c.animate)?;
        }
        Ok(self.frame.is_some())
    }

    /// The requested animation frame is running.
    pub fn frame_ran(&mut self) {
        self.frame = None;
    }

    /// Starts waiting for the next frame's paint (one wait at a time). False when there is no
    /// callback to wait with.
    pub fn wait_for_paint(&mut self) -> Result<bool, JsValue> {
        if self.after_paint.is_none() {
            self.after_paint = self.request(|c| &c.painting)?.map(AfterPaint::Frame);
        }
        Ok(self.after_paint.is_some())
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

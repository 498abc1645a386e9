//! The live region: what a screen reader says after a change (`aria-live="polite"`).

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::child;

pub struct Live {
    element: Element,
}

impl Live {
    pub fn build(doc: &Document, root: &Element) -> Result<Live, JsValue> {
        let element = child(doc, root, "div", "sc-sr-only sc-live")?;
        element.set_attribute("aria-live", "polite")?;
        Ok(Live { element })
    }

    /// Says `text`. Cleared first so the same words are said again.
    pub fn announce(&self, text: &str) {
        self.element.set_text_content(None);
        self.element.set_text_content(Some(text));
    }
}

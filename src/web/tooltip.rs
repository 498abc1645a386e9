//! The tooltip box: fixed parts whose words (from `describe::tooltip_text`) change in place, moved
//! with a transform. Another slice writes only the words that differ and measures the box once.

use crate::layout::Within;
use std::cell::{Cell, RefCell};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

use super::dom::{child, set_hidden, set_style};
use crate::describe::{tooltip_text, SliceText};
use crate::i18n::Speech;

/// Label, value, source, derivation, note: the parts in their order in the box.
const PARTS: [(&str, &str); 5] = [
    ("strong", "sc-tip-label"),
    ("div", "sc-tip-value"),
    ("q", "sc-tip-source"),
    ("div", "sc-tip-derived"),
    ("div", "sc-tip-note"),
];
/// Distance between the pointer and the box.
const GAP: f64 = 14.0;
/// Distance the box keeps from the viewport's edges.
const MARGIN: f64 = 4.0;

pub struct Tooltip {
    pub element: HtmlElement,
    parts: Vec<Element>,
    /// What each part and the box's `aria-label` say now ("" for a hidden part).
    said: RefCell<(Vec<String>, String)>,
    /// The box's size, measured when its words last changed.
    size: Cell<(f64, f64)>,
    shown: Cell<bool>,
    /// Where the box is now, in whole CSS px.
    at: Cell<Option<(f64, f64)>>,
}

impl Tooltip {
    pub fn build(doc: &Document, parent: &Element, id: &str) -> Result<Tooltip, JsValue> {
        let element = child(doc, parent, "div", "sc-tooltip")?
            .dyn_into::<HtmlElement>()
            .map_err(|_| JsValue::from_str("tooltip is not an HTML element"))?;
        element.set_attribute("role", "tooltip")?;
        element.set_id(id);
        set_hidden(&element, true)?;
        let parts = PARTS
            .iter()
            .map(|(tag, class)| {
                let part = child(doc, &element, tag, class)?;
                // Only the label and value are always there.
                if *class != "sc-tip-label" && *class != "sc-tip-value" {
                    set_hidden(&part, true)?;
                }
                Ok(part)
            })
            .collect::<Result<Vec<_>, JsValue>>()?;
        // The quoted source is the report's own words.
        if let Some(source) = parts.get(2) {
            source.set_attribute("lang", "zh")?;
        }
        Ok(Tooltip {
            element,
            parts,
            said: RefCell::new((vec![String::new(); PARTS.len()], String::new())),
            size: Cell::new((0.0, 0.0)),
            shown: Cell::new(false),
            at: Cell::new(None),
        })
    }

    pub fn is_shown(&self) -> bool {
        self.shown.get()
    }

    /// Shows `text` next to the client point `at`, writing only what differs from now.
    pub fn show(&self, text: &SliceText, speech: Speech, at: (f64, f64)) -> Result<(), JsValue> {
        let (wanted, label) = tooltip_text(text, speech);
        let mut changed = false;
        {
            let mut said = self.said.borrow_mut();
            let (parts_said, label_said) = &mut *said;
            for ((part, now), want) in self.parts.iter().zip(parts_said.iter_mut()).zip(wanted) {
                if *now == want {
                    continue;
                }
                if now.is_empty() != want.is_empty() {
                    set_hidden(part, want.is_empty())?;
                }
                part.set_text_content(Some(&want));
                *now = want;
                changed = true;
            }
            if *label_said != label {
                self.element.set_attribute("aria-label", &label)?;
                *label_said = label;
            }
        }
        if !self.shown.get() {
            set_hidden(&self.element, false)?;
            self.shown.set(true);
            changed = true;
        }
        if changed {
            // Measured once per new content (a layout the new words need anyway); moves reuse it.
            let rect = self.element.get_bounding_client_rect();
            self.size.set((rect.width(), rect.height()));
        }
        self.place(at)
    }

    /// Hides the box; true when it was shown.
    pub fn hide(&self) -> Result<bool, JsValue> {
        if !self.shown.get() {
            return Ok(false);
        }
        set_hidden(&self.element, true)?;
        self.shown.set(false);
        Ok(true)
    }

    /// Next to the point, flipped to stay inside the viewport. Moved with a transform and sized
    /// from the last measurement, so placing it forces no layout; an unchanged place writes
    /// nothing.
    fn place(&self, (x, y): (f64, f64)) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let view_w = window.inner_width()?.as_f64().unwrap_or(1024.0);
        let view_h = window.inner_height()?.as_f64().unwrap_or(768.0);
        let (width, height) = self.size.get();
        let mut left = x + GAP;
        if left + width > view_w - MARGIN {
            left = x - GAP - width;
        }
        let mut top = y + GAP;
        if top + height > view_h - MARGIN {
            top = y - GAP - height;
        }
        let left = left
            .within(MARGIN, (view_w - width - MARGIN).max(MARGIN))
            .round();
        let top = top
            .within(MARGIN, (view_h - height - MARGIN).max(MARGIN))
            .round();
        if self.at.get() == Some((left, top)) {
            return Ok(());
        }
        self.at.set(Some((left, top)));
        set_style(
            &self.element,
            "transform",
            &format!("translate({left}px, {top}px)"),
        )
    }
}

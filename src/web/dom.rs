//! DOM helpers: elements and attributes, the window (media queries, devicePixelRatio, the
//! location's hash) and custom events. Dataset text goes in as `textContent` or attributes only.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Ids unique on the page, for `aria-describedby` links between a widget's own elements.
pub fn unique_id(prefix: &str) -> String {
    NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("sc-{prefix}-{}", n.get())
    })
}

pub fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("sector-charts needs a browser document"))
}

/// A new element with a class (empty for none).
pub fn el(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let element = doc.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

/// A new element appended to `parent`.
pub fn child(doc: &Document, parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
    let element = el(doc, tag, class)?;
    parent.append_child(&element)?;
    Ok(element)
}

/// A new element with text, appended to `parent`.
pub fn text_child(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let element = child(doc, parent, tag, class)?;
    element.set_text_content(Some(text));
    Ok(element)
}

/// A `<button type="button">` that the widget's one delegated click listener routes by its
/// `data-action` and `data-value`.
pub fn action_button(
    doc: &Document,
    parent: &Element,
    class: &str,
    action: &str,
    value: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let button = text_child(doc, parent, "button", class, text)?;
    button.set_attribute("type", "button")?;
    button.set_attribute("data-action", action)?;
    button.set_attribute("data-value", value)?;
    Ok(button)
}

pub fn clear(element: &Element) {
    while let Some(first) = element.first_child() {
        let _ = element.remove_child(&first);
    }
}

pub fn set_bool_attr(element: &Element, name: &str, on: bool) -> Result<(), JsValue> {
    if on {
        element.set_attribute(name, "")
    } else {
        element.remove_attribute(name)
    }
}

pub fn set_hidden(element: &Element, hidden: bool) -> Result<(), JsValue> {
    set_bool_attr(element, "hidden", hidden)
}

pub fn toggle_class(element: &Element, class: &str, on: bool) -> Result<(), JsValue> {
    element
        .class_list()
        .toggle_with_force(class, on)
        .map(|_| ())
}

/// Sets a CSS property through the CSSOM, which a strict Content-Security-Policy allows (a
/// `style` attribute would not be).
pub fn set_style(element: &Element, property: &str, value: &str) -> Result<(), JsValue> {
    if let Some(html) = element.dyn_ref::<HtmlElement>() {
        html.style().set_property(property, value)?;
    }
    Ok(())
}

pub fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

pub fn media_matches(query: &str) -> bool {
    window()
        .ok()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

pub fn device_pixel_ratio() -> f64 {
    window().map_or(1.0, |w| w.device_pixel_ratio())
}

pub fn current_hash() -> Option<String> {
    let hash = window().ok()?.location().hash().ok()?;
    Some(hash.trim_start_matches('#').to_string())
}

/// A `CustomEvent` that bubbles out of the shadow root to the `<sector-chart>` element.
pub fn dispatch(target: &Element, name: &str, detail: &JsValue) -> Result<(), JsValue> {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    let event = web_sys::CustomEvent::new_with_event_init_dict(name, &init)?;
    target.dispatch_event(&event).map(|_| ())
}

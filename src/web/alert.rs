//! The alert: what is wrong with a dataset (every problem, up to a limit) or which option was
//! replaced, in the widget's `role="alert"` region.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::{child, clear, set_hidden, text_child};
use crate::dataset::DatasetErrors;
use crate::i18n::{fill, words, Speech};

/// An alert lists this many problems; the rest are counted.
const MAX_ALERT_LINES: usize = 20;

pub fn show_errors(
    doc: &Document,
    alert: &Element,
    errors: &DatasetErrors,
    speech: Speech,
) -> Result<(), JsValue> {
    let w = words(speech);
    clear(alert);
    text_child(doc, alert, "strong", "", w.data_problem)?;
    let list = child(doc, alert, "ul", "")?;
    let count = errors.problem_count();
    for error in errors.iter().take(count.min(MAX_ALERT_LINES)) {
        text_child(doc, &list, "li", "", &error.to_string())?;
    }
    if count > MAX_ALERT_LINES || errors.truncated() {
        let unlisted = count.saturating_sub(MAX_ALERT_LINES);
        let more = if errors.truncated() { "+" } else { "" };
        let count = format!("{unlisted}{more}");
        let line = fill(w.more_problems, &[("count", &count)]);
        text_child(doc, &list, "li", "", &line)?;
    }
    set_hidden(alert, false)
}

/// One sentence in the alert.
pub fn show_message(doc: &Document, alert: &Element, message: &str) -> Result<(), JsValue> {
    clear(alert);
    text_child(doc, alert, "p", "", message)?;
    set_hidden(alert, false)
}

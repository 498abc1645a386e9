//! The legend: one button per slice that hides or shows it ("Other" expands), its colour and
//! pattern as on the canvas, and its share.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use super::dom::{action_button, child, clear, set_hidden, text_child, toggle_class};
use crate::describe::{legend_detail, SliceText};
use crate::i18n::{fill, words};
use crate::view::ViewState;

/// Legend buttons past this many are summarised: a thousand buttons help nobody.
pub const MAX_LEGEND_ENTRIES: usize = 60;

pub fn update_legend(
    doc: &Document,
    legend: &Element,
    state: &ViewState,
    texts: &[SliceText],
) -> Result<(), JsValue> {
    let w = words(state.speech());
    clear(legend);
    legend.set_attribute("aria-label", w.legend)?;
    let entries = texts.iter().enumerate().filter(|(_, text)| !text.grouped);
    let palette = crate::theme::PALETTE_LEN;
    // The last text is "Other" exactly when some slices are grouped into it.
    let has_other = texts.iter().any(|t| t.grouped);
    let mut listed = 0;
    for (i, text) in entries.clone().take(MAX_LEGEND_ENTRIES) {
        listed += 1;
        let is_other = has_other && i + 1 == texts.len();
        // "Other" is not hidden and shown: choosing it shows the slices inside it.
        let (action, value) = if is_other {
            ("expand", "1")
        } else {
            ("toggle", "")
        };
        let index = i.to_string();
        let button = action_button(
            doc,
            legend,
            "sc-legend-item",
            action,
            if is_other { value } else { &index },
            "",
        )?;
        if !is_other {
            button.set_attribute("aria-pressed", if text.hidden { "false" } else { "true" })?;
        }
        toggle_class(&button, "sc-off", text.hidden)?;
        let swatch = child(
            doc,
            &button,
            "span",
            &if is_other {
                "sc-swatch sc-other".to_string()
            } else {
                format!("sc-swatch sc-c{}", i % palette)
            },
        )?;
        swatch.set_attribute("aria-hidden", "true")?;
        let pattern = crate::theme::pattern_of(i, palette);
        if pattern > 0 && !is_other {
            // Repeated colours get a pattern, as on the canvas.
            toggle_class(&swatch, &format!("sc-p{pattern}"), true)?;
        }
        text_child(doc, &button, "span", "sc-legend-label", &text.label)?;
        let detail = legend_detail(text, state.speech());
        text_child(doc, &button, "span", "sc-legend-share", &detail)?;
    }
    let total = entries.count();
    if total > listed {
        let more = total - listed;
        let count = more.to_string();
        let line = fill(words(state.speech()).more_in_table, &[("count", &count)]);
        text_child(doc, legend, "span", "sc-legend-more", &line)?;
    }
    if state.expanded {
        action_button(doc, legend, "sc-button", "expand", "0", w.group_small)?;
    }
    set_hidden(legend, texts.is_empty())?;
    Ok(())
}

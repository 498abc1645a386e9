//! Numbers in the reader's locale through the browser's `Intl.NumberFormat`, for an editor's
//! chart ("45 %" in French, "42,5" in German, "1,2 million"), on screen and in the downloads.

use js_sys::{Array, Function, Intl, JsString};
use wasm_bindgen::prelude::*;

use crate::format::{LocalNumbers, PlainNumbers};

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales(tag)`, which throws a `RangeError` for a tag `Intl` refuses:
    /// caught here, where js-sys's `NumberFormat::new` would not catch it.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(tag: &str) -> Result<Array, JsValue>;
}

/// Three formatters of one locale: numbers with up to two decimals, large ones in the
/// locale's words ("1,2 million", "120万"), and percentages with one decimal.
pub struct IntlNumbers {
    tag: String,
    /// `None` where `Intl` is missing or refused the tag: [`PlainNumbers`] writes instead.
    formats: Option<[Function; 3]>,
}

/// What one formatter writes.
#[derive(Clone, Copy)]
enum Style {
    Number,
    Compact,
    Percent,
}

fn formatter(locales: &Array, style: Style) -> Function {
    let options = Intl::NumberFormatOptions::new();
    match style {
        Style::Number => options.set_maximum_fraction_digits(2),
        Style::Compact => {
            options.set_notation(Intl::NumberFormatNotation::Compact);
            options.set_compact_display(Intl::CompactDisplay::Long);
            options.set_maximum_fraction_digits(2);
        }
        Style::Percent => {
            options.set_style(Intl::NumberFormatStyle::Percent);
            options.set_maximum_fraction_digits(1);
        }
    }
    Intl::NumberFormat::new(locales, &options).format()
}

impl IntlNumbers {
    pub fn new(tag: &str) -> IntlNumbers {
        let formats = canonical_locales(tag)
            .ok()
            .filter(|locales| locales.length() > 0)
            .map(|locales| {
                [Style::Number, Style::Compact, Style::Percent]
                    .map(|style| formatter(&locales, style))
            });
        IntlNumbers {
            tag: tag.to_string(),
            formats,
        }
    }

    pub fn tag(&self) -> &str {
        &self.tag
    }

    fn call(&self, style: Style, value: f64) -> Option<String> {
        let [number, compact, percent] = self.formats.as_ref()?;
        let format = match style {
            Style::Number => number,
            Style::Compact => compact,
            Style::Percent => percent,
        };
        let text = format
            .call1(&JsValue::NULL, &JsValue::from_f64(value))
            .ok()?;
        text.dyn_into::<JsString>().ok().map(String::from)
    }
}

impl LocalNumbers for IntlNumbers {
    fn number(&self, value: f64) -> String {
        self.call(Style::Number, value)
            .unwrap_or_else(|| PlainNumbers.number(value))
    }

    fn compact(&self, value: f64) -> String {
        self.call(Style::Compact, value)
            .unwrap_or_else(|| PlainNumbers.compact(value))
    }

    fn percent(&self, ratio: f64) -> String {
        self.call(Style::Percent, ratio)
            .unwrap_or_else(|| PlainNumbers.percent(ratio))
    }
}

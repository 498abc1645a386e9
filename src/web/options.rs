//! Options from JavaScript (`new SectorChart(el, {sector, chart, kind, lang, theme, ...})`),
//! read field by field so that a wrong type is a clear message, not a panic.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    Light,
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub sector: Option<String>,
    pub chart: Option<String>,
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub theme: Option<String>,
    /// The whole explorer was asked for: sector navigation, the sector's text, embed code. Only
    /// the build with the `explorer` feature has it ([`Options::has_explorer`]).
    pub explorer: bool,
    /// Keep the view in `location.hash` (explorer pages).
    pub hash: bool,
    pub downloads: bool,
    /// CSS px; otherwise derived from the width.
    pub height: Option<f64>,
    /// An editor's dataset as JSON text.
    pub data: Option<String>,
    /// Where `embed.js` is served from, for the embed snippet.
    pub script_url: Option<String>,
    /// Loading the editor's dataset failed (`src=` unreachable, timed out): shown as the alert.
    pub load_error: Option<String>,
}

fn string(options: &JsValue, key: &str) -> Option<String> {
    Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn flag(options: &JsValue, key: &str) -> bool {
    Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

impl Options {
    /// The explorer was asked for and this build has it.
    pub fn has_explorer(&self) -> bool {
        self.explorer && cfg!(feature = "explorer")
    }

    pub fn from_js(options: &JsValue) -> Options {
        if options.is_undefined() || options.is_null() {
            return Options::default();
        }
        let height = Reflect::get(options, &JsValue::from_str("height"))
            .ok()
            .and_then(|v| {
                v.as_f64().or_else(|| {
                    v.as_string()
                        .and_then(|s| s.strip_suffix("px").unwrap_or(&s).parse::<f64>().ok())
                })
            })
            .filter(|h| h.is_finite() && *h >= 120.0 && *h <= 4000.0);
        Options {
            sector: string(options, "sector"),
            chart: string(options, "chart"),
            kind: string(options, "kind"),
            lang: string(options, "lang"),
            theme: string(options, "theme"),
            explorer: flag(options, "explorer"),
            hash: flag(options, "hash"),
            downloads: flag(options, "downloads"),
            height,
            data: Reflect::get(options, &JsValue::from_str("data"))
                .ok()
                .and_then(|v| json_text(&v)),
            script_url: string(options, "scriptUrl"),
            load_error: string(options, "loadError"),
        }
    }

    /// Dark colours: asked for, or `auto` on a reader's system set to dark.
    pub fn wants_dark(&self) -> bool {
        match self.theme_choice() {
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
            ThemeChoice::Auto => super::widget::media_matches("(prefers-color-scheme: dark)"),
        }
    }

    pub fn theme_choice(&self) -> ThemeChoice {
        match self.theme.as_deref() {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }
}

/// The dataset's text from a string, or from the file's bytes (a `Uint8Array`) decoded as UTF-8
/// with replacement characters, as `response.text()` decodes. Bytes skip decoding the file into
/// a JavaScript string and encoding it back into wasm memory: for 10,000 slices that was 1.4 MB
/// each way.
fn json_text(value: &JsValue) -> Option<String> {
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    let bytes = value.dyn_ref::<js_sys::Uint8Array>()?.to_vec();
    Some(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    })
}

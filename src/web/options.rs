//! Options from JavaScript (`new SectorChart(el, {sector, chart, kind, lang, theme, ...})`),
//! read by serde-wasm-bindgen: values of the wrong type are a `TypeError` naming each field.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// The least and most height an editor may ask for, in CSS px.
const HEIGHT_RANGE: (f64, f64) = (120.0, 4000.0);

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
    /// A height was given that is not a number of CSS px in range: what it was.
    pub unusable_height: Option<String>,
    /// An editor's dataset as JSON text.
    pub data: Option<String>,
    /// Where `embed.js` is served from, for the embed snippet.
    pub script_url: Option<String>,
    /// Loading the editor's dataset failed (`src=` unreachable, timed out): shown as the alert.
    pub load_error: Option<String>,
}

/// The options object as JavaScript gives it: every field may be left out or `null`, and
/// one of the wrong type is kept as what serde said of it, so that every one can be named.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Given {
    sector: Checked<String>,
    chart: Checked<String>,
    kind: Checked<String>,
    lang: Checked<String>,
    theme: Checked<String>,
    explorer: Checked<bool>,
    hash: Checked<bool>,
    downloads: Checked<bool>,
    height: Checked<Height>,
    data: Checked<DataText>,
    script_url: Checked<String>,
    load_error: Checked<String>,
}

/// A field's value, or why it could not be read (`invalid type: string "yes", expected a
/// boolean`). serde-wasm-bindgen reads each field from its own JavaScript value, so one
/// failure leaves the others to read.
#[derive(Default)]
enum Checked<T> {
    #[default]
    Absent,
    Given(T),
    Wrong(String),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Checked<T>, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer) {
            Ok(Some(value)) => Checked::Given(value),
            Ok(None) => Checked::Absent,
            Err(error) => Checked::Wrong(error.to_string()),
        })
    }
}

impl<T> Checked<T> {
    /// The value, noting `name: why` in `wrong` when it had the wrong type.
    fn take(self, name: &str, wrong: &mut Vec<String>) -> Option<T> {
        match self {
            Checked::Given(value) => Some(value),
            Checked::Absent => None,
            Checked::Wrong(why) => {
                wrong.push(format!("{name}: {why}"));
                None
            }
        }
    }
}

/// A height as a number of CSS px, or as an attribute's text ("480", "480px").
enum Height {
    Px(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for Height {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Height, D::Error> {
        struct HeightVisitor;
        impl Visitor<'_> for HeightVisitor {
            type Value = Height;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number of CSS px or a string like \"480px\"")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Height, E> {
                Ok(Height::Px(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Height, E> {
                Ok(Height::Px(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Height, E> {
                Ok(Height::Px(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Height, E> {
                Ok(Height::Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(HeightVisitor)
    }
}

/// A dataset as JSON text, or as the bytes of a UTF-8 file (a `Uint8Array`), decoded with
/// replacement characters as `response.text()` decodes. Bytes skip decoding a large file into
/// a JavaScript string and encoding it back into wasm memory.
struct DataText(String);

impl<'de> Deserialize<'de> for DataText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DataText, D::Error> {
        struct DataVisitor;
        impl Visitor<'_> for DataVisitor {
            type Value = DataText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON text or the bytes of a UTF-8 file (a Uint8Array)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DataText, E> {
                Ok(DataText(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<DataText, E> {
                Ok(DataText(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<DataText, E> {
                Ok(DataText(String::from_utf8_lossy(v).into_owned()))
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<DataText, E> {
                Ok(DataText(match String::from_utf8(v) {
                    Ok(text) => text,
                    Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
                }))
            }
        }
        deserializer.deserialize_any(DataVisitor)
    }
}

/// Text that says something: trimmed, and `None` when nothing is left.
fn meaningful(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// A height in CSS px within [`HEIGHT_RANGE`], from what was given.
fn usable_height(height: &Height) -> Option<f64> {
    let px = match height {
        Height::Px(px) => Some(*px),
        Height::Text(text) => {
            let text = text.trim();
            // serde_json's number reader, already in the .wasm for datasets: std's float
            // parser would add its own 15 KB gzipped for this one field.
            serde_json::from_str(text.strip_suffix("px").unwrap_or(text).trim()).ok()
        }
    };
    px.filter(|h: &f64| h.is_finite() && (HEIGHT_RANGE.0..=HEIGHT_RANGE.1).contains(h))
}

impl Options {
    /// The explorer was asked for and this build has it.
    pub fn has_explorer(&self) -> bool {
        self.explorer && cfg!(feature = "explorer")
    }

    /// Reads the options object; `undefined` or `null` is no options. Fields of the wrong type
    /// are a `TypeError` that names each one and says what it should be.
    pub fn from_js(options: JsValue) -> Result<Options, JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok(Options::default());
        }
        let given: Given = serde_wasm_bindgen::from_value(options).map_err(|error| {
            let message = format!("SectorChart options: {error}");
            JsValue::from(js_sys::TypeError::new(&message))
        })?;
        let mut wrong = Vec::new();
        let options = Options::read(given, &mut wrong);
        if wrong.is_empty() {
            Ok(options)
        } else {
            let message = format!("SectorChart options: {}", wrong.join("; "));
            Err(js_sys::TypeError::new(&message).into())
        }
    }

    /// Dark colours: asked for, or `auto` on a reader's system set to dark.
    pub fn wants_dark(&self) -> bool {
        match self.theme_choice() {
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
            ThemeChoice::Auto => super::dom::media_matches("(prefers-color-scheme: dark)"),
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

impl Options {
    /// The options from what was given; fields of the wrong type are noted in `wrong`.
    fn read(given: Given, wrong: &mut Vec<String>) -> Options {
        let text = |field: Checked<String>, name: &str, wrong: &mut Vec<String>| {
            meaningful(field.take(name, wrong))
        };
        let flag = |field: Checked<bool>, name: &str, wrong: &mut Vec<String>| {
            field.take(name, wrong).unwrap_or(false)
        };
        let given_height = given.height.take("height", wrong);
        let height = given_height.as_ref().and_then(usable_height);
        let unusable_height = match (&given_height, height) {
            (Some(Height::Text(text)), None) => Some(format!("\"{}\"", text.trim())),
            (Some(Height::Px(px)), None) => Some(px.to_string()),
            _ => None,
        };
        Options {
            sector: text(given.sector, "sector", wrong),
            chart: text(given.chart, "chart", wrong),
            kind: text(given.kind, "kind", wrong),
            lang: text(given.lang, "lang", wrong),
            theme: text(given.theme, "theme", wrong),
            explorer: flag(given.explorer, "explorer", wrong),
            hash: flag(given.hash, "hash", wrong),
            downloads: flag(given.downloads, "downloads", wrong),
            height,
            unusable_height,
            data: given.data.take("data", wrong).map(|d| d.0),
            script_url: text(given.script_url, "scriptUrl", wrong),
            load_error: text(given.load_error, "loadError", wrong),
        }
    }
}

//! Options from JavaScript (`new SectorChart(el, {sector, chart, kind, lang, theme, ...})`),
//! read by serde-wasm-bindgen: values of the wrong type are a `TypeError` naming each field.

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::dom::current_hash;
use crate::dataset::{ChartKind, Dataset, Lang, Locale};
use crate::view::ViewState;

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
    /// "off": no animation (the reader's `prefers-reduced-motion` turns it off too).
    pub motion: Option<String>,
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
    /// `data` is CSV (a `src` ending in `.csv` or served as `text/csv`), not JSON.
    pub data_is_csv: bool,
    /// The cells of a `<table>` inside the tag, as text, and its caption.
    pub table: Option<GivenTable>,
    /// The tag's `title`: the title of a table or CSV without a caption.
    pub title: Option<String>,
}

/// A table's cells, row by row, as their `textContent` (never HTML), and its `<caption>`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct GivenTable {
    pub rows: Vec<Vec<String>>,
    pub caption: Option<String>,
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
    motion: Checked<String>,
    explorer: Checked<bool>,
    hash: Checked<bool>,
    downloads: Checked<bool>,
    height: Checked<Height>,
    data: Checked<DataText>,
    script_url: Checked<String>,
    load_error: Checked<String>,
    data_format: Checked<String>,
    table: Checked<GivenTable>,
    title: Checked<String>,
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
            // serde_json's number reader is in the .wasm for datasets already; std's float
            // parser would add a second one for this one field.
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

    /// Everything but the view (sector, chart, kind, language) is the same.
    pub fn same_but_view(&self, other: &Options) -> bool {
        fn rest(o: &Options) -> impl PartialEq + '_ {
            (
                (&o.theme, &o.motion, o.explorer, o.hash, o.downloads),
                (o.height.map(f64::to_bits), &o.unusable_height, &o.data),
                (
                    &o.script_url,
                    &o.load_error,
                    o.data_is_csv,
                    &o.table,
                    &o.title,
                ),
                // A table's or CSV's numbers are read in the language: another one reads again.
                (o.table.is_some() || o.data_is_csv).then_some(&o.lang),
            )
        }
        rest(self) == rest(other)
    }

    /// Changes may be animated (the reader's system setting is checked at each change).
    pub fn motion_on(&self) -> bool {
        self.motion.as_deref() != Some("off")
    }

    pub fn theme_choice(&self) -> ThemeChoice {
        match self.theme.as_deref() {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }
}

/// What the options ask to show, checked against the dataset.
impl Options {
    /// The language asked for (any BCP 47 tag), else Chinese, as a view speaks it: the
    /// report's text slot and, for a tag other than zh or en, the locale.
    pub fn speaking(&self) -> ViewState {
        let mut state = ViewState::new(Lang::default());
        if let Some(tag) = &self.lang {
            state.set_tag(tag, Lang::default());
        }
        state
    }

    /// The view the options (and, on explorer pages, the link) ask for, checked against the data.
    pub fn initial_state(&self, dataset: &Dataset) -> ViewState {
        let mut state = self.speaking();
        let default_lang = state.lang;
        state.sector = self.sector.clone();
        state.chart = self.chart.clone();
        state.kind = self.kind.as_deref().and_then(ChartKind::from_code);
        if state.sector.is_none() && !self.has_explorer() {
            // An editor's dataset of one sector: its charts, not an overview of one slice.
            if let [only] = dataset.sectors.as_slice() {
                state.sector = Some(only.id.clone());
            }
        }
        if self.hash {
            if let Some(hash) = current_hash().filter(|h| !h.is_empty()) {
                let locale = state.locale.take();
                state = ViewState::from_query(&hash, default_lang);
                // A link without a language keeps the one the options name.
                if !hash.split('&').any(|pair| pair.starts_with("lang=")) {
                    state.locale = locale;
                }
            }
        }
        let (state, fallbacks) = state.sanitised(dataset);
        for fallback in &fallbacks {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "sector-charts: {}: {}",
                fallback.field, fallback.message
            )));
        }
        state
    }

    /// Problems with the options themselves (unknown kind or language), as sentences.
    pub fn problems(&self, dataset: &Dataset) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(kind) = &self.kind {
            if ChartKind::from_code(kind).is_none() {
                problems.push(format!(
                    "kind=\"{kind}\" is not pie, donut or bar; showing the chart's own kind"
                ));
            }
        }
        if let Some(lang) = &self.lang {
            if Lang::from_code(lang).is_none() && Locale::of_tag(lang).is_none() {
                problems.push(format!(
                    "lang=\"{lang}\" is not a language tag (such as zh, en, fr, de-CH or ja); showing Chinese"
                ));
            }
        }
        if let Some(height) = &self.unusable_height {
            problems.push(format!(
                "height={height} is not a number of CSS px from 120 to 4000; the height follows the width"
            ));
        }
        if let Some(theme) = &self.theme {
            if !["light", "dark", "auto"].contains(&theme.as_str()) {
                problems.push(format!(
                    "theme=\"{theme}\" is not light, dark or auto; following the reader's system"
                ));
            }
        }
        if let Some(motion) = &self.motion {
            if !["auto", "off"].contains(&motion.as_str()) {
                problems.push(format!(
                    "motion=\"{motion}\" is not auto or off; moving unless the reader asked for less motion"
                ));
            }
        }
        if self.explorer && !self.has_explorer() {
            problems.push(
                "explorer: this build of the widget has no explorer (index.html loads the one \
                 that has); showing the chart"
                    .to_string(),
            );
        }
        let mut probe = ViewState::new(Lang::Zh);
        probe.sector = self.sector.clone();
        probe.chart = self.chart.clone();
        probe.kind = self.kind.as_deref().and_then(ChartKind::from_code);
        let (_, fallbacks) = probe.sanitised(dataset);
        problems.extend(
            fallbacks
                .into_iter()
                .map(|f| format!("{}=\"{}\": {}", f.field, f.value, f.message)),
        );
        problems
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
            motion: text(given.motion, "motion", wrong),
            explorer: flag(given.explorer, "explorer", wrong),
            hash: flag(given.hash, "hash", wrong),
            downloads: flag(given.downloads, "downloads", wrong),
            height,
            unusable_height,
            data: given.data.take("data", wrong).map(|d| d.0),
            script_url: text(given.script_url, "scriptUrl", wrong),
            load_error: text(given.load_error, "loadError", wrong),
            data_is_csv: text(given.data_format, "dataFormat", wrong).as_deref() == Some("csv"),
            table: given.table.take("table", wrong),
            title: text(given.title, "title", wrong),
        }
    }
}

//! The short JSON form → [`SimpleChart`]: `{"title": …, "slices": [{"label": …, "value": …}]}`
//! with optional `source`, `note`, `unit`, `lang` and per-slice `source`. serde reads it into
//! the full format's lenient raw types, so every problem is reported with its JSON path.

use serde::Deserialize;

use super::locale::is_language_tag;
use super::number::quoted;
use super::types::{Problems, SimpleChart, SimpleSlice};
use super::types::{MAX_LABEL_CHARS, MAX_NOTE_CHARS, MAX_SLICES, MAX_SOURCE_CHARS, MAX_UNIT_CHARS};
use super::words::{problem_words, ProblemWords};
use crate::dataset::raw::{ExtraKey, Field, Leaf, List, Number, Obj};
use crate::dataset::{syntax, DatasetErrors, MAX_INPUT_BYTES};
use crate::format::plain_number;
use crate::i18n::{fill, Speech};

/// RFC 5646 asks every reader of language tags to take at least 35 characters.
const MAX_LANG_CHARS: usize = 35;

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct RawShort<'a> {
    title: Field<Leaf<'a>>,
    slices: Field<List<Obj<RawShortSlice<'a>>>>,
    source: Field<Leaf<'a>>,
    note: Field<Leaf<'a>>,
    unit: Field<Leaf<'a>>,
    lang: Field<Leaf<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct RawShortSlice<'a> {
    label: Field<Leaf<'a>>,
    value: Field<Leaf<'a>>,
    source: Field<Leaf<'a>>,
}

/// Reads the short JSON form, problems told in English; the full report format is read by
/// [`crate::dataset::parse`].
pub fn from_short_json(text: &str) -> Result<SimpleChart, DatasetErrors> {
    from_short_json_in(text, Speech::En)
}

/// [`from_short_json`] with its problems told in `speech` (JSON syntax errors stay the full
/// format reader's English, with their line and column).
pub fn from_short_json_in(text: &str, speech: Speech) -> Result<SimpleChart, DatasetErrors> {
    let words = problem_words(speech);
    let raw = read(text, words)?;
    let mut problems = Problems::new(words);
    let chart = chart(&mut problems, &raw);
    problems.finish(chart)
}

fn read<'t>(text: &'t str, words: &ProblemWords) -> Result<Obj<RawShort<'t>>, DatasetErrors> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() <= MAX_INPUT_BYTES {
        if let Ok(raw) = serde_json::from_str(body) {
            return Ok(raw);
        }
    }
    // Both readers take any JSON value, so the full format's reader refuses this text too, with
    // the message and the line and column it gives every dataset (size, UTF-16, syntax).
    match syntax::read(text) {
        Err(errors) => Err(errors),
        Ok(_) => Err(DatasetErrors::single("", words.file_unreadable)),
    }
}

fn chart(problems: &mut Problems, raw: &Obj<RawShort>) -> Option<SimpleChart> {
    let fields = object(problems, raw, "")?;
    let title = needed_text(problems, &fields.title, "title", MAX_LABEL_CHARS);
    let source = optional_text(problems, &fields.source, "source", MAX_SOURCE_CHARS);
    let note = optional_text(problems, &fields.note, "note", MAX_NOTE_CHARS);
    let unit = optional_text(problems, &fields.unit, "unit", MAX_UNIT_CHARS);
    let lang = optional_text(problems, &fields.lang, "lang", MAX_LANG_CHARS);
    let lang = lang.and_then(|lang| language(problems, lang));
    let slices = match fields.slices.get() {
        Some(list) => slices(problems, list),
        None => {
            problems.push("slices", problems.words.missing_field);
            None
        }
    };
    Some(SimpleChart {
        title: title?,
        lang: lang?,
        label_heading: None,
        value_heading: None,
        unit: unit?,
        source: source?,
        note: note?,
        slices: slices?,
    })
}

fn language(problems: &mut Problems, lang: Option<String>) -> Option<Option<String>> {
    match lang {
        Some(tag) if !is_language_tag(&tag) => {
            let message = fill(problems.words.bad_tag, &[("found", &quoted(&tag))]);
            problems.push("lang", message);
            None
        }
        lang => Some(lang),
    }
}

fn slices(problems: &mut Problems, list: &List<Obj<RawShortSlice>>) -> Option<Vec<SimpleSlice>> {
    let items = match list {
        List::Items(items) => items,
        List::Other(found) => {
            let w = problems.words;
            problems.push(
                "slices",
                fill(w.not_array, &[("found", &describe(found, w))]),
            );
            return None;
        }
    };
    if items.is_empty() || items.len() > MAX_SLICES {
        let (count, max) = (items.len().to_string(), MAX_SLICES.to_string());
        let message = fill(
            problems.words.slice_count,
            &[("count", &count), ("max", &max)],
        );
        problems.push("slices", message);
        return None;
    }
    let read: Vec<Option<SimpleSlice>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| slice(problems, item, &format!("slices[{i}]")))
        .collect();
    let slices: Vec<SimpleSlice> = read.into_iter().collect::<Option<_>>()?;
    problems.not_all_zero("slices", &slices);
    Some(slices)
}

fn slice(problems: &mut Problems, value: &Obj<RawShortSlice>, path: &str) -> Option<SimpleSlice> {
    let fields = object(problems, value, path)?;
    let label = needed_text(
        problems,
        &fields.label,
        &format!("{path}.label"),
        MAX_LABEL_CHARS,
    );
    let number = match fields.value.get() {
        Some(leaf) => number(problems, leaf, &format!("{path}.value")),
        None => {
            problems.push(format!("{path}.value"), problems.words.missing_field);
            None
        }
    };
    let source = optional_text(
        problems,
        &fields.source,
        &format!("{path}.source"),
        MAX_SOURCE_CHARS,
    );
    Some(SimpleSlice {
        label: label?,
        value: number?,
        source: source?,
    })
}

fn number(problems: &mut Problems, leaf: &Leaf, path: &str) -> Option<f64> {
    let w = problems.words;
    let found = describe(leaf, w);
    let template = match leaf {
        Leaf::Number(number) => {
            return problems.value(&|| path.to_string(), number.as_f64(), &found)
        }
        Leaf::Str(_) => w.quoted_number,
        _ => w.not_number,
    };
    problems.push(path, fill(template, &[("found", &found)]));
    None
}

/// The fields of an object, after reporting its unknown and repeated keys.
fn object<'v, T>(problems: &mut Problems, value: &'v Obj<T>, path: &str) -> Option<&'v T> {
    let object = match value {
        Obj::Map(object) => object,
        Obj::Other(found) => {
            let w = problems.words;
            problems.push(path, fill(w.not_object, &[("found", &describe(found, w))]));
            return None;
        }
    };
    let w = problems.words;
    for key in object.extra_keys() {
        let (key, message) = match key {
            ExtraKey::Unknown(key) => {
                let fields = object.known_fields().join(", ");
                (key, fill(w.unknown_field, &[("fields", &fields)]))
            }
            ExtraKey::Twice(key) => (key, w.twice.to_string()),
        };
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        problems.push(at, message);
    }
    Some(&object.fields)
}

fn needed_text(
    problems: &mut Problems,
    field: &Field<Leaf>,
    path: &str,
    max: usize,
) -> Option<String> {
    if !field.is_given() {
        problems.push(path, problems.words.missing_field);
    }
    optional_text(problems, field, path, max)?
}

/// A non-empty string of at most `max` characters, trimmed; `Some(None)` when absent.
fn optional_text(
    problems: &mut Problems,
    field: &Field<Leaf>,
    path: &str,
    max: usize,
) -> Option<Option<String>> {
    let Some(leaf) = field.get() else {
        return Some(None);
    };
    let w = problems.words;
    let Some(text) = leaf.as_str().map(str::trim) else {
        problems.push(path, fill(w.not_string, &[("found", &describe(leaf, w))]));
        return None;
    };
    if text.is_empty() {
        problems.push(path, w.empty_text);
        return None;
    }
    let fits = problems.limited(&|| path.to_string(), w.the_text, text, max);
    fits.then(|| Some(text.to_string()))
}

/// A wrong value as messages quote it: `null`, `-3`, `"12"`, `an array`.
fn describe(leaf: &Leaf, words: &ProblemWords) -> String {
    match leaf {
        Leaf::Null => "null".into(),
        Leaf::Bool(value) => value.to_string(),
        Leaf::Number(Number::Unsigned(n)) => n.to_string(),
        Leaf::Number(Number::Signed(n)) => n.to_string(),
        // Not the float printer: it costs the .wasm kilobytes for a message (validate/structure.rs).
        Leaf::Number(Number::Float(n)) => {
            let text = plain_number(*n, 6, false);
            quoted(&text).trim_matches('"').to_string()
        }
        Leaf::Str(text) => quoted(text),
        Leaf::Array => words.an_array.into(),
        Leaf::Object => words.an_object.into(),
    }
}

//! The shape of the file: types of values, required, unknown and repeated fields, limits on
//! sizes and lengths, bilingual texts, and how a wrong value is quoted back in a message.

use std::borrow::Borrow;

use super::path::Path;
use super::Checker;
use crate::dataset::kinds::Text;
use crate::dataset::raw::{ExtraKey, Field, Leaf, List, Number, Obj, RawText};

/// A short description of a value for messages: `got "NaN"`, `got -3`, `got an array`.
pub fn describe(value: &Leaf) -> String {
    match value {
        Leaf::Null => "null".into(),
        Leaf::Bool(true) => "true".into(),
        Leaf::Bool(false) => "false".into(),
        Leaf::Number(number) => shortened(&number_text(*number)),
        Leaf::Str(text) => quoted(&shortened(text)),
        Leaf::Array => "an array".into(),
        Leaf::Object => "an object".into(),
    }
}

/// Whole numbers exactly; fractions as the shortest text that reads back the same, with an
/// exponent when very large or small (`1e300`, not 301 digits).
fn number_text(number: Number) -> String {
    match number {
        Number::Unsigned(n) => n.to_string(),
        Number::Signed(n) => n.to_string(),
        Number::Float(n) => format!("{n:?}"),
    }
}

/// At most 40 characters, with an ellipsis when cut.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// The text in double quotes, with quotes, backslashes and control characters escaped, so a
/// message shows exactly what the file holds.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Checker {
    /// The struct read from an object, after reporting the object's unknown and repeated keys
    /// in file order; `None` (reported) when the value is not an object.
    pub(super) fn object<'v, T>(&mut self, value: &'v Obj<T>, path: &Path) -> Option<&'v T> {
        let object = match value {
            Obj::Map(object) => object,
            Obj::Other(found) => {
                self.push(path, format!("must be an object, got {}", describe(found)));
                return None;
            }
        };
        for key in object.extra_keys() {
            match key {
                ExtraKey::Unknown(key) => self.push(
                    &path.key(key),
                    format!(
                        "unknown field (expected one of: {})",
                        object.known_fields().join(", ")
                    ),
                ),
                // JSON parsers disagree on which copy wins; the editor must say which is meant.
                ExtraKey::Twice(key) => {
                    self.push(&path.key(key), "is given twice in this object: keep one")
                }
            }
        }
        Some(&object.fields)
    }

    /// The value of a field that must be there.
    pub(super) fn needed<'v, T>(
        &mut self,
        field: &'v Field<T>,
        key: &str,
        path: &Path,
    ) -> Option<&'v T> {
        if !field.is_given() {
            self.push(&path.key(key), "missing required field");
        }
        field.get()
    }

    /// The items of an array of at most `max` entries.
    pub(super) fn array<'v, T>(
        &mut self,
        value: &'v List<T>,
        path: &Path,
        max: usize,
    ) -> Option<&'v [T]> {
        let items = match value {
            List::Items(items) => items,
            List::Other(found) => {
                self.push(path, format!("must be an array, got {}", describe(found)));
                return None;
            }
        };
        if items.len() > max {
            self.push(
                path,
                format!("has {} entries, more than the limit of {max}", items.len()),
            );
            return None;
        }
        Some(items)
    }

    /// Every item through `check`, so that every problem is reported; one bad item fails all.
    pub(super) fn each<'v, I, T>(
        &mut self,
        items: &'v [I],
        path: &Path,
        mut check: impl FnMut(&mut Self, &'v I, &Path) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut checked = Vec::with_capacity(items.len());
        let mut all_ok = true;
        for (i, item) in items.iter().enumerate() {
            match check(self, item, &path.at(i)) {
                Some(value) => checked.push(value),
                None => all_ok = false,
            }
        }
        all_ok.then_some(checked)
    }

    pub(super) fn string(&mut self, value: &Leaf, path: &Path, max_chars: usize) -> Option<String> {
        self.str(value, path, max_chars).map(String::from)
    }

    /// A non-empty string of at most `max_chars` characters.
    pub(super) fn str<'v>(
        &mut self,
        value: &'v Leaf,
        path: &Path,
        max_chars: usize,
    ) -> Option<&'v str> {
        let Some(text) = value.as_str() else {
            self.push(path, format!("must be a string, got {}", describe(value)));
            return None;
        };
        if text.trim().is_empty() {
            self.push(path, "must not be empty");
            return None;
        }
        // A string of no more bytes than the limit has no more characters either: most strings
        // are never counted.
        let chars = if text.len() <= max_chars {
            0
        } else {
            text.chars().count()
        };
        if chars > max_chars {
            self.push(
                path,
                format!("is {chars} characters long, more than the limit of {max_chars}"),
            );
            return None;
        }
        Some(text)
    }

    /// A bilingual text: an object with a non-empty `zh` and `en`.
    pub(super) fn text(
        &mut self,
        value: &Obj<RawText>,
        path: &Path,
        max_chars: usize,
    ) -> Option<Text> {
        let text = self.object(value, path)?;
        let zh = self
            .needed(&text.zh, "zh", path)
            .and_then(|v| self.str(v, &path.key("zh"), max_chars));
        let en = self
            .needed(&text.en, "en", path)
            .and_then(|v| self.str(v, &path.key("en"), max_chars));
        Some(Text::new(zh?, en?))
    }

    /// A bilingual text that must be there (held inline or boxed).
    pub(super) fn needed_text<'t, B: Borrow<Obj<RawText<'t>>>>(
        &mut self,
        field: &Field<B>,
        key: &str,
        path: &Path,
        max_chars: usize,
    ) -> Option<Text> {
        self.needed(field, key, path)
            .and_then(|v| self.text(v.borrow(), &path.key(key), max_chars))
    }

    /// A bilingual text that may be absent: `Some(None)` when it is.
    pub(super) fn optional_text<'t, B: Borrow<Obj<RawText<'t>>>>(
        &mut self,
        field: &Field<B>,
        key: &str,
        path: &Path,
        max_chars: usize,
    ) -> Option<Option<Text>> {
        match field.get() {
            None => Some(None),
            Some(value) => self
                .text(value.borrow(), &path.key(key), max_chars)
                .map(Some),
        }
    }

    /// A string that may be absent: `Some(None)` when it is.
    pub(super) fn optional_string(
        &mut self,
        field: &Field<Leaf>,
        key: &str,
        path: &Path,
        max_chars: usize,
    ) -> Option<Option<String>> {
        match field.get() {
            None => Some(None),
            Some(value) => self.string(value, &path.key(key), max_chars).map(Some),
        }
    }
}

//! The shape of the file: types of values, required, unknown and repeated fields, limits on
//! sizes and lengths, bilingual texts, and how a wrong value is quoted back in a message.

use std::borrow::Borrow;

use super::checker::Checker;
use super::path::Path;
use crate::dataset::kinds::Text;
use crate::dataset::raw::{ExtraKey, Field, Leaf, List, Number, Obj, RawText};
use crate::format::plain_number;

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

/// Whole numbers exactly; others to 16 significant digits, or six and an exponent
/// when very large or small (`1e300`, not 301 digits). Written without the float printer
/// (`{:?}`), which would stay in the .wasm for a message about a wrong number.
fn number_text(number: Number) -> String {
    match number {
        Number::Unsigned(n) => n.to_string(),
        Number::Signed(n) => n.to_string(),
        Number::Float(n) => float_text(n),
    }
}

fn float_text(n: f64) -> String {
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let magnitude = n.abs();
    if magnitude == 0.0 {
        return format!("{sign}0.0");
    }
    if (1e-6..1e15).contains(&magnitude) {
        // Sixteen significant digits at most: as many as a double's shortest text needs.
        let whole_digits = (magnitude.trunc() as u64).to_string().len();
        let text = plain_number(
            magnitude,
            16usize.saturating_sub(whole_digits).min(9),
            false,
        );
        // A reader gave a float for a whole number only when it was written as one (`1.0`).
        let point = if text.contains('.') { "" } else { ".0" };
        return format!("{sign}{text}{point}");
    }
    let (mut mantissa, mut exponent) = (magnitude, 0i32);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let mut digits = plain_number(mantissa, 6, false);
    if digits == "10" {
        digits = "1".into();
        exponent += 1;
    }
    format!("{sign}{digits}e{exponent}")
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
        if text.chars().all(char::is_whitespace) {
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

#[cfg(test)]
mod tests {
    use super::float_text;

    #[test]
    fn floats_are_quoted_back_readably() {
        for (value, text) in [
            (1.0, "1.0"),
            (-0.0, "-0.0"),
            (0.5, "0.5"),
            (-3.25, "-3.25"),
            (999_999_999_999_999.9, "999999999999999.9"),
            (73.15, "73.15"),
            (0.1 + 0.2, "0.3"),
            (1e15, "1e15"),
            (1e300, "1e300"),
            (1.8446744073709552e19, "1.844674e19"),
            (5e-324, "4.940656e-324"),
            (0.000_000_1, "1e-7"),
        ] {
            assert_eq!(float_text(value), text, "{value:e}");
        }
    }
}

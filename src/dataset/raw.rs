//! The file format as serde reads it, leniently: every field optional and every value of any
//! type, so that one wrong value never stops the reading and validation can name them all.

// Derive does the structure; three small wrappers make it lenient. [`Leaf`] is any value,
// with scalars kept and arrays and objects only named. [`Obj`] is a struct when the value is
// an object, else what was found; it also records the keys the struct does not know and the
// keys given twice, which derive would ignore or abort on. [`List`] is an array of lenient
// items, else what was found. Nothing here depends on serde_json: the browser may read the
// same types from `JSON.parse`'s output with serde-wasm-bindgen, as
// `Obj::<RawDataset>::deserialize(serde_wasm_bindgen::Deserializer::from(value))` (its
// `from_value` asks for types that borrow nothing, which these are not: they borrow strings
// from a text when they can).
//
// Each struct reads a missing field as `Field(None)` (`serde(default)`) and borrows strings
// from the text (`'de: 'a`); the `Deserialize` impls of the wrappers are in `raw/lenient.rs`.

mod lenient;

use std::borrow::Cow;

use serde::Deserialize;

/// The whole file.
#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawDataset<'a> {
    pub version: Field<Leaf<'a>>,
    pub title: Field<Obj<RawText<'a>>>,
    pub source: Field<Obj<RawSource<'a>>>,
    pub sectors: Field<List<Obj<RawSector<'a>>>>,
}

/// A text in both languages.
#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawText<'a> {
    pub zh: Field<Leaf<'a>>,
    pub en: Field<Leaf<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawSource<'a> {
    pub title: Field<Obj<RawText<'a>>>,
    pub publisher: Field<Obj<RawText<'a>>>,
    pub date: Field<Leaf<'a>>,
    pub note: Field<Obj<RawText<'a>>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawSector<'a> {
    pub id: Field<Leaf<'a>>,
    pub name: Field<Obj<RawText<'a>>>,
    pub paragraph: Field<Leaf<'a>>,
    pub achievements: Field<List<Obj<RawText<'a>>>>,
    pub indicators: Field<List<Obj<RawIndicator<'a>>>>,
    pub charts: Field<List<Obj<RawChart<'a>>>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawIndicator<'a> {
    pub id: Field<Leaf<'a>>,
    pub label: Field<Obj<RawText<'a>>>,
    pub value: Field<Leaf<'a>>,
    pub unit: Field<Leaf<'a>>,
    pub counter: Field<Box<Obj<RawText<'a>>>>,
    pub qualifier: Field<Leaf<'a>>,
    pub source: Field<Leaf<'a>>,
    pub note: Field<Box<Obj<RawText<'a>>>>,
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawChart<'a> {
    pub id: Field<Leaf<'a>>,
    pub title: Field<Obj<RawText<'a>>>,
    pub kind: Field<Leaf<'a>>,
    pub parts_of_whole: Field<Leaf<'a>>,
    pub note: Field<Obj<RawText<'a>>>,
    pub slices: Field<List<Obj<RawSlice<'a>>>>,
}

/// Either `{"indicator": id}` or a derived slice (`id`, `label`, `derived`); validation
/// tells them apart.
#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawSlice<'a> {
    pub indicator: Field<Leaf<'a>>,
    pub id: Field<Leaf<'a>>,
    pub label: Field<Box<Obj<RawText<'a>>>>,
    pub derived: Field<Box<Obj<RawDerived<'a>>>>,
}

impl RawSlice<'_> {
    /// How many of its own fields the slice gives.
    pub fn given_count(&self) -> usize {
        let given = [
            self.indicator.is_given(),
            self.id.is_given(),
            self.label.is_given(),
            self.derived.is_given(),
        ];
        given.into_iter().filter(|&given| given).count()
    }
}

#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
pub struct RawDerived<'a> {
    pub whole: Field<Leaf<'a>>,
    pub minus: Field<List<Leaf<'a>>>,
}

/// A field that may be absent. Unlike `Option`, whose serde impl reads `null` as `None`, a
/// `null` in the file is a present value here, so validation can say "got null".
pub struct Field<T>(pub Option<T>);

impl<T> Default for Field<T> {
    fn default() -> Self {
        Field(None)
    }
}

impl<T> Field<T> {
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }

    pub fn is_given(&self) -> bool {
        self.0.is_some()
    }
}

/// A JSON number as the reader gave it: whole numbers exactly, so messages quote them back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Unsigned(n) => n as f64,
            Number::Signed(n) => n as f64,
            Number::Float(n) => n,
        }
    }

    /// True when the reader saw a whole number (in JSON text: no fraction, no exponent).
    pub fn is_integer(self) -> bool {
        !matches!(self, Number::Float(_))
    }
}

/// Any value: scalars as they are, arrays and objects only by their kind (their content is
/// read and dropped, which is all a message about a wrong type needs). Strings borrow from the
/// text when the reader can: a 10,000-slice file has some 50,000 of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Leaf<'a> {
    Null,
    Bool(bool),
    Number(Number),
    Str(Cow<'a, str>),
    Array,
    Object,
}

impl Leaf<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Leaf::Str(text) => Some(text),
            _ => None,
        }
    }

    fn into_owned(self) -> Leaf<'static> {
        match self {
            Leaf::Null => Leaf::Null,
            Leaf::Bool(b) => Leaf::Bool(b),
            Leaf::Number(n) => Leaf::Number(n),
            Leaf::Str(text) => Leaf::Str(Cow::Owned(text.into_owned())),
            Leaf::Array => Leaf::Array,
            Leaf::Object => Leaf::Object,
        }
    }
}

/// An object read into `T`, and the keys `T` left out.
pub struct Object<T> {
    pub fields: T,
    /// Boxed and absent in a good file, so an object costs little more than its fields.
    extra: Option<Box<ExtraKeys>>,
}

impl<T> Object<T> {
    /// The keys that are not fields of `T` or that came before, in file order.
    pub fn extra_keys(&self) -> &[ExtraKey] {
        self.extra.as_ref().map_or(&[], |extra| &extra.keys)
    }

    /// The field names `T` knows, in its order (the derive's list); known once a key was extra.
    pub fn known_fields(&self) -> &'static [&'static str] {
        self.extra.as_ref().map_or(&[], |extra| extra.known)
    }
}

struct ExtraKeys {
    known: &'static [&'static str],
    keys: Vec<ExtraKey>,
}

/// A key of an object that is not one of its struct's fields, or that came before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtraKey {
    Unknown(String),
    Twice(String),
}

/// `T` when the value is an object, else what was found (owned: that is rare).
pub enum Obj<T> {
    Map(Object<T>),
    Other(Leaf<'static>),
}

/// Lenient items when the value is an array, else what was found.
pub enum List<T> {
    Items(Vec<T>),
    Other(Leaf<'static>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Obj<RawDataset<'_>> {
        serde_json::from_str(text).expect("readable")
    }

    fn map<T>(value: &Obj<T>) -> &Object<T> {
        match value {
            Obj::Map(object) => object,
            Obj::Other(found) => panic!("not an object: {found:?}"),
        }
    }

    #[test]
    fn unknown_and_repeated_keys_are_recorded_in_file_order() {
        let raw = read(r#"{"b": 1, "version": 1, "a": [[]], "version": 2, "b": {}}"#);
        let object = map(&raw);
        assert_eq!(
            object.extra_keys(),
            [
                ExtraKey::Unknown("b".into()),
                ExtraKey::Unknown("a".into()),
                ExtraKey::Twice("version".into()),
                ExtraKey::Unknown("b".into()),
            ]
        );
        assert_eq!(
            object.known_fields(),
            ["version", "title", "source", "sectors"]
        );
        // The first of a repeated key is the one kept.
        assert_eq!(
            object.fields.version.get(),
            Some(&Leaf::Number(Number::Unsigned(1)))
        );
    }

    #[test]
    fn null_is_a_value_and_absence_is_not() {
        let raw = read(r#"{"title": null}"#);
        let fields = &map(&raw).fields;
        assert!(matches!(fields.title.get(), Some(Obj::Other(Leaf::Null))));
        assert!(!fields.version.is_given());
    }

    #[test]
    fn wrong_shapes_are_kept_as_what_was_found() {
        let raw = read(r#"{"title": [1, {"x": 2}], "source": "s", "sectors": {"a": 1}}"#);
        let fields = &map(&raw).fields;
        assert!(matches!(fields.title.get(), Some(Obj::Other(Leaf::Array))));
        assert!(matches!(fields.source.get(), Some(Obj::Other(Leaf::Str(s))) if s == "s"));
        assert!(matches!(
            fields.sectors.get(),
            Some(List::Other(Leaf::Object))
        ));
    }

    #[test]
    fn numbers_keep_whole_numbers_apart_and_round_correctly() {
        let raw = read(r#"{"version": 1.0, "title": {"zh": -3, "en": 18446744073709551616}}"#);
        let fields = &map(&raw).fields;
        assert_eq!(
            fields.version.get(),
            Some(&Leaf::Number(Number::Float(1.0)))
        );
        let title = map(fields.title.get().expect("title"));
        assert_eq!(
            title.fields.zh.get(),
            Some(&Leaf::Number(Number::Signed(-3)))
        );
        assert_eq!(
            title.fields.en.get(),
            Some(&Leaf::Number(Number::Float(18446744073709551616.0)))
        );
        // Correctly rounded (serde_json's float_roundtrip), so just under the limit stays under.
        let raw = read(r#"{"version": 999999999999999.9}"#);
        let version = map(&raw).fields.version.get().cloned();
        assert_eq!(
            version,
            Some(Leaf::Number(Number::Float(999_999_999_999_999.9)))
        );
    }

    #[test]
    fn strings_borrow_from_the_text_unless_escaped() {
        let text = r#"{"title": {"zh": "中文", "en": "a\"b"}}"#;
        let raw = read(text);
        let title = map(map(&raw).fields.title.get().expect("title"));
        assert!(matches!(
            title.fields.zh.get(),
            Some(Leaf::Str(Cow::Borrowed("中文")))
        ));
        assert!(matches!(title.fields.en.get(), Some(Leaf::Str(Cow::Owned(s))) if s == "a\"b"));
    }

    #[test]
    fn skipped_values_keep_the_nesting_limit() {
        let deep = format!(r#"{{"x": {}{}}}"#, "[".repeat(200), "]".repeat(200));
        let error = serde_json::from_str::<Obj<RawDataset>>(&deep)
            .err()
            .expect("too deep");
        assert!(error.to_string().contains("recursion limit exceeded"));
    }
}

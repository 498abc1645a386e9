//! The file format as serde reads it, leniently: every field optional and every value of any
//! type, so that one wrong value never stops the reading and validation can name them all.
//!
//! Derive does the structure; three small wrappers make it lenient. [`Leaf`] is any value,
//! with scalars kept and arrays and objects only named. [`Obj`] is a struct when the value is
//! an object, else what was found; it also records the keys the struct does not know and the
//! keys given twice, which derive would ignore or abort on. [`List`] is an array of lenient
//! items, else what was found. Nothing here depends on serde_json: the browser may read the
//! same types from `JSON.parse`'s output with serde-wasm-bindgen, as
//! `Obj::<RawDataset>::deserialize(serde_wasm_bindgen::Deserializer::from(value))` (its
//! `from_value` asks for types that borrow nothing, which these are not: they borrow strings
//! from a text when they can).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|value| Field(Some(value)))
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

/// What a lenient type makes of each shape of value; [`Lenient`] reads any value with it.
trait Shape<'de>: Sized {
    fn from_leaf(leaf: Leaf<'de>) -> Self;

    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        ignore_map(map).map(|()| Self::from_leaf(Leaf::Object))
    }

    fn from_seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        ignore_seq(seq).map(|()| Self::from_leaf(Leaf::Array))
    }
}

fn ignore_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<Skip, Skip>()?.is_some() {}
    Ok(())
}

fn ignore_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Skip>()?.is_some() {}
    Ok(())
}

/// A value read and dropped. Not serde's `IgnoredAny`: serde_json skips that without its
/// nesting limit, and a file nested 10,000 deep must be refused as it is everywhere else.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient::<Skip>(PhantomData))
    }
}

impl<'de> Shape<'de> for Skip {
    fn from_leaf(_: Leaf<'de>) -> Self {
        Skip
    }
}

impl<'de: 'a, 'a> Shape<'de> for Leaf<'a> {
    fn from_leaf(leaf: Leaf<'de>) -> Self {
        leaf
    }
}

impl<'de, T: Deserialize<'de>> Shape<'de> for Obj<T> {
    fn from_leaf(leaf: Leaf<'de>) -> Self {
        Obj::Other(leaf.into_owned())
    }

    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut extra = None;
        let fields = T::deserialize(StructOf {
            map,
            extra: &mut extra,
        })?;
        Ok(Obj::Map(Object { fields, extra }))
    }
}

impl<'de, T: Deserialize<'de>> Shape<'de> for List<T> {
    fn from_leaf(leaf: Leaf<'de>) -> Self {
        List::Other(leaf.into_owned())
    }

    fn from_seq<A: SeqAccess<'de>>(seq: A) -> Result<Self, A::Error> {
        Vec::deserialize(SeqAccessDeserializer::new(seq)).map(List::Items)
    }
}

/// The visitor behind every lenient type: any value, handed to `S` by its shape.
struct Lenient<S>(PhantomData<S>);

impl<'de, S: Shape<'de>> Visitor<'de> for Lenient<S> {
    type Value = S;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Null))
    }

    fn visit_none<E>(self) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<S, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E>(self, value: bool) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Bool(value)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Number(Number::Unsigned(value))))
    }

    fn visit_i64<E>(self, value: i64) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Number(Number::Signed(value))))
    }

    fn visit_f64<E>(self, value: f64) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Number(Number::Float(value))))
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Str(Cow::Borrowed(value))))
    }

    fn visit_str<E>(self, value: &str) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Str(Cow::Owned(value.to_owned()))))
    }

    fn visit_string<E>(self, value: String) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Str(Cow::Owned(value))))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S, A::Error> {
        S::from_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S, A::Error> {
        S::from_seq(seq)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Leaf<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient(PhantomData))
    }
}

/// The deserializer handed to a derived struct: its `deserialize_struct` learns the struct's
/// field names, and gives the derive only the first occurrence of each of them.
struct StructOf<'r, A> {
    map: A,
    extra: &'r mut Option<Box<ExtraKeys>>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for StructOf<'_, A> {
    type Error = A::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(KnownKeys {
            map: self.map,
            fields,
            seen: 0,
            extra: self.extra,
        })
    }

    /// Anything but a struct gets the object as it is.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.map)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The object's entries with unknown keys and repeated keys taken out (and recorded), their
/// values read and dropped.
struct KnownKeys<'r, A> {
    map: A,
    fields: &'static [&'static str],
    /// Bit `i` is set once `fields[i]` was passed on (a struct here has far fewer than 64).
    seen: u64,
    extra: &'r mut Option<Box<ExtraKeys>>,
}

impl<A> KnownKeys<'_, A> {
    /// True the first time field `index` is met, which is then marked as seen.
    fn first_time(&mut self, index: usize) -> bool {
        let bit = 1u64.checked_shl(index as u32).unwrap_or(0);
        let first = self.seen & bit == 0;
        self.seen |= bit;
        first
    }

    fn record(&mut self, key: ExtraKey) {
        let fields = self.fields;
        let extra = self.extra.get_or_insert_with(|| {
            Box::new(ExtraKeys {
                known: fields,
                keys: Vec::new(),
            })
        });
        extra.keys.push(key);
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KnownKeys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(KeyText(key)) = self.map.next_key()? {
            match self.fields.iter().position(|field| *field == key) {
                Some(index) if self.first_time(index) => {
                    // By index, which derive's field visitors also take: the name is matched
                    // once, here.
                    let index = index as u64;
                    return seed.deserialize(index.into_deserializer()).map(Some);
                }
                Some(_) => self.record(ExtraKey::Twice(key.into_owned())),
                None => self.record(ExtraKey::Unknown(key.into_owned())),
            }
            self.map.next_value::<Skip>()?;
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A key, borrowed from the text when the reader can (most keys are): no allocation per key.
struct KeyText<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyText<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<KeyText<'de>, E> {
        Ok(KeyText(Cow::Borrowed(key)))
    }

    fn visit_str<E>(self, key: &str) -> Result<KeyText<'de>, E> {
        Ok(KeyText(Cow::Owned(key.to_owned())))
    }

    fn visit_string<E>(self, key: String) -> Result<KeyText<'de>, E> {
        Ok(KeyText(Cow::Owned(key)))
    }
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

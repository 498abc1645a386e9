//! The file format as serde reads it, leniently: every field optional and every value of any
//! type, so that one wrong value never stops the reading and validation can name them all.
//!
//! Derive does the structure; three small wrappers make it lenient. [`Leaf`] is any value,
//! with scalars kept and arrays and objects only named. [`Obj`] is a struct when the value is
//! an object, else what was found; it also records the keys the struct does not know and the
//! keys given twice, which derive would ignore or abort on. [`List`] is an array of lenient
//! items, else what was found. Nothing here depends on serde_json: the browser may read the
//! same types from `JSON.parse` through serde-wasm-bindgen.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// The whole file.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawDataset {
    pub version: Field<Leaf>,
    pub title: Field<Obj<RawText>>,
    pub source: Field<Obj<RawSource>>,
    pub sectors: Field<List<Obj<RawSector>>>,
}

/// A text in both languages.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawText {
    pub zh: Field<Leaf>,
    pub en: Field<Leaf>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawSource {
    pub title: Field<Obj<RawText>>,
    pub publisher: Field<Obj<RawText>>,
    pub date: Field<Leaf>,
    pub note: Field<Obj<RawText>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawSector {
    pub id: Field<Leaf>,
    pub name: Field<Obj<RawText>>,
    pub paragraph: Field<Leaf>,
    pub achievements: Field<List<Obj<RawText>>>,
    pub indicators: Field<List<Obj<RawIndicator>>>,
    pub charts: Field<List<Obj<RawChart>>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawIndicator {
    pub id: Field<Leaf>,
    pub label: Field<Obj<RawText>>,
    pub value: Field<Leaf>,
    pub unit: Field<Leaf>,
    pub counter: Field<Obj<RawText>>,
    pub qualifier: Field<Leaf>,
    pub source: Field<Leaf>,
    pub note: Field<Obj<RawText>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawChart {
    pub id: Field<Leaf>,
    pub title: Field<Obj<RawText>>,
    pub kind: Field<Leaf>,
    pub parts_of_whole: Field<Leaf>,
    pub note: Field<Obj<RawText>>,
    pub slices: Field<List<Obj<RawSlice>>>,
}

/// Either `{"indicator": id}` or a derived slice (`id`, `label`, `derived`); validation
/// tells them apart.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawSlice {
    pub indicator: Field<Leaf>,
    pub id: Field<Leaf>,
    pub label: Field<Obj<RawText>>,
    pub derived: Field<Obj<RawDerived>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawDerived {
    pub whole: Field<Leaf>,
    pub minus: Field<List<Leaf>>,
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
/// read and dropped, which is all a message about a wrong type needs).
#[derive(Clone, Debug, PartialEq)]
pub enum Leaf {
    Null,
    Bool(bool),
    Number(Number),
    Str(String),
    Array,
    Object,
}

impl Leaf {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Leaf::Str(text) => Some(text),
            _ => None,
        }
    }
}

/// An object read into `T`, with the keys `T` left out, in file order.
pub struct Object<T> {
    pub fields: T,
    /// The field names `T` knows, in its order (the derive's list), for messages.
    pub known: &'static [&'static str],
    pub extra: Vec<ExtraKey>,
    /// Every key the object has, the extra ones included.
    pub key_count: usize,
}

/// A key of an object that is not one of its struct's fields, or that came before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtraKey {
    Unknown(String),
    Twice(String),
}

/// `T` when the value is an object, else what was found.
pub enum Obj<T> {
    Map(Object<T>),
    Other(Leaf),
}

/// Lenient items when the value is an array, else what was found.
pub enum List<T> {
    Items(Vec<T>),
    Other(Leaf),
}

/// What a lenient type makes of each shape of value; [`Lenient`] reads any value with it.
trait Shape<'de>: Sized {
    fn from_leaf(leaf: Leaf) -> Self;

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
    fn from_leaf(_: Leaf) -> Self {
        Skip
    }
}

impl<'de> Shape<'de> for Leaf {
    fn from_leaf(leaf: Leaf) -> Self {
        leaf
    }
}

impl<'de, T: Deserialize<'de>> Shape<'de> for Obj<T> {
    fn from_leaf(leaf: Leaf) -> Self {
        Obj::Other(leaf)
    }

    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        let mut keys = KeyRecord::default();
        let fields = T::deserialize(StructOf {
            map,
            keys: &mut keys,
        })?;
        Ok(Obj::Map(Object {
            fields,
            known: keys.known,
            extra: keys.extra,
            key_count: keys.count,
        }))
    }
}

impl<'de, T: Deserialize<'de>> Shape<'de> for List<T> {
    fn from_leaf(leaf: Leaf) -> Self {
        List::Other(leaf)
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

    fn visit_str<E>(self, value: &str) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Str(value.to_owned())))
    }

    fn visit_string<E>(self, value: String) -> Result<S, E> {
        Ok(S::from_leaf(Leaf::Str(value)))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S, A::Error> {
        S::from_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S, A::Error> {
        S::from_seq(seq)
    }
}

impl<'de> Deserialize<'de> for Leaf {
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
    keys: &'r mut KeyRecord,
}

/// What [`StructOf`] learns about an object's keys while the derive reads it.
#[derive(Default)]
struct KeyRecord {
    known: &'static [&'static str],
    extra: Vec<ExtraKey>,
    count: usize,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for StructOf<'_, A> {
    type Error = A::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.keys.known = fields;
        visitor.visit_map(KnownKeys {
            map: self.map,
            seen: 0,
            keys: self.keys,
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
    /// Bit `i` is set once `known[i]` was passed on (a struct here has far fewer than 64).
    seen: u64,
    keys: &'r mut KeyRecord,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for KnownKeys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(KeyText(key)) = self.map.next_key()? {
            self.keys.count += 1;
            let bit = self
                .keys
                .known
                .iter()
                .position(|field| *field == key)
                .map(|index| 1u64.checked_shl(index as u32).unwrap_or(0));
            match bit {
                Some(bit) if self.seen & bit == 0 => {
                    self.seen |= bit;
                    return seed.deserialize(key.as_ref().into_deserializer()).map(Some);
                }
                Some(_) => self.keys.extra.push(ExtraKey::Twice(key.into_owned())),
                None => self.keys.extra.push(ExtraKey::Unknown(key.into_owned())),
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

//! How the raw types are read: one visitor for any value, handing maps and sequences to each
//! lenient type by its shape, and the adapter that shows a derived struct only its own keys.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::SeqAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{ExtraKey, ExtraKeys, Field, Leaf, List, Number, Obj, Object};

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|value| Field(Some(value)))
    }
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

//! serde's `Deserializer` over core's own JSON reader, for typed claims
//! ([`crate::jwt::decode_as`]).
//!
//! Not serde-json-core's: its `from_slice_escaped` refuses every escaped string
//! deserialized into a borrowed `&str` (`"caf\u00e9"`, `"a\"b"`), and its reader has no
//! nesting limit. Here the document is one core has already validated (UTF-8, nesting depth,
//! duplicate keys), strings without escapes are borrowed from it, and escaped ones are
//! unescaped into the caller's arena, so borrowed `&str` fields always work. Integers are read as
//! core reads them; floats are refused (core carries no float parser) unless the field is
//! ignored. Nothing allocates.

use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected, VariantAccess,
    Visitor,
};

use crate::{Claim, Error};

/// A value of the wrong type for its field (serde names no field when it says so).
const WRONG_TYPE: Error = Error::InvalidClaimType {
    claim: Claim::Unnamed,
};
use crate::json::{Elements, Kind, Members, Value};

/// Deserializes a `T` from `value`, unescaping strings into `arena` as needed.
///
/// # Errors
/// [`Error::InvalidClaimType`] for a value of the wrong type, a float, or anything else the
/// target refuses; [`Error::MissingClaim`] for a field it requires that is absent;
/// [`Error::IntegerOverflow`] for an integer beyond 64 bits; [`Error::BufferTooSmall`] when
/// `arena` cannot hold the escaped strings.
// Never inlined: inlined into `jwt::decode_as`, the deserializer's frames stayed on the stack
// under the whole verification (2,172 bytes deep on a Cortex-M3, over its 2 KiB budget).
#[inline(never)]
pub(crate) fn from_value<'de, T: de::Deserialize<'de>>(
    value: Value<'de>,
    arena: &'de mut [u8],
) -> Result<T, Error> {
    let mut arena = Arena { free: arena };
    T::deserialize(Deserializer {
        value,
        arena: &mut arena,
    })
}

/// The part of the caller's buffer not yet holding an unescaped string.
struct Arena<'de> {
    free: &'de mut [u8],
}

impl<'de> Arena<'de> {
    /// A string value's text: borrowed from the document, or unescaped into the arena.
    fn text(&mut self, value: Value<'de>) -> Result<&'de str, Error> {
        if let Some(plain) = value.as_plain_str() {
            return Ok(plain);
        }
        let len = value.unescaped_len().ok_or(WRONG_TYPE)?;
        let free = core::mem::take(&mut self.free);
        let (room, rest) = free
            .split_at_mut_checked(len)
            // `decode_as` sized the arena for every string first: not reached.
            .ok_or(Error::BufferTooSmall { needed: len })?;
        self.free = rest;
        value.to_str(room)
    }
}

/// One value of the document, with the arena its strings may need.
struct Deserializer<'de, 'r> {
    value: Value<'de>,
    arena: &'r mut Arena<'de>,
}

impl<'de, 'r> Deserializer<'de, 'r> {
    fn with(value: Value<'de>, arena: &'r mut Arena<'de>) -> Self {
        Deserializer { value, arena }
    }
}

/// A JSON number to the visitor: non-negative integers as `u64`, negative ones as `i64`.
fn visit_number<'de, V: Visitor<'de>>(value: Value<'de>, visitor: V) -> Result<V::Value, Error> {
    let text = value.number_text().ok_or(WRONG_TYPE)?;
    if text.starts_with('-') {
        return visitor.visit_i64(value.as_i64()?);
    }
    match value.as_i64() {
        Ok(n) => visitor.visit_u64(n.unsigned_abs()),
        // Between i64::MAX and u64::MAX: read as the magnitude it is.
        Err(Error::IntegerOverflow) => {
            let magnitude = text.bytes().try_fold(0u64, |acc, d| {
                acc.checked_mul(10)?
                    .checked_add(u64::from(d.wrapping_sub(b'0')))
            });
            visitor.visit_u64(magnitude.ok_or(Error::IntegerOverflow)?)
        }
        Err(other) => Err(other),
    }
}

impl<'de> de::Deserializer<'de> for Deserializer<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.kind() {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool => visitor.visit_bool(self.value.as_bool() == Ok(true)),
            Kind::Number => visit_number(self.value, visitor),
            Kind::String => visitor.visit_borrowed_str(self.arena.text(self.value)?),
            Kind::Array => visitor.visit_seq(Seq {
                elements: self.value.elements(),
                arena: self.arena,
            }),
            Kind::Object => visitor.visit_map(Map {
                members: self.value.members(),
                value: None,
                arena: self.arena,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.kind() {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Externally tagged, as serde_json writes enums: `"Variant"` for a unit variant,
    /// `{"Variant": content}` for the others.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let (tag, content) = match self.value.kind() {
            Kind::String => (self.value, None),
            Kind::Object => {
                let mut members = self.value.members();
                match (members.next(), members.next()) {
                    (Some((tag, content)), None) => (tag, Some(content)),
                    _ => return Err(WRONG_TYPE),
                }
            }
            _ => return Err(WRONG_TYPE),
        };
        visitor.visit_enum(Enum {
            tag,
            content,
            arena: self.arena,
        })
    }

    /// Skipped without being read: an unknown claim of any kind (a float included) is fine.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// An array's elements, one at a time.
struct Seq<'de, 'r> {
    elements: Elements<'de>,
    arena: &'r mut Arena<'de>,
}

impl<'de> SeqAccess<'de> for Seq<'de, '_> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        match self.elements.next() {
            Some(value) => seed
                .deserialize(Deserializer::with(value, self.arena))
                .map(Some),
            None => Ok(None),
        }
    }
}

/// An object's members, one at a time: the key, then its value.
struct Map<'de, 'r> {
    members: Members<'de>,
    value: Option<Value<'de>>,
    arena: &'r mut Arena<'de>,
}

impl<'de> MapAccess<'de> for Map<'de, '_> {
    type Error = Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        match self.members.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(Deserializer::with(key, self.arena))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        // serde asks for a value only after its key.
        let value = self.value.take().ok_or(Error::InvalidJson)?;
        seed.deserialize(Deserializer::with(value, self.arena))
    }
}

/// An enum's variant name, and the content of a variant that has one.
struct Enum<'de, 'r> {
    tag: Value<'de>,
    content: Option<Value<'de>>,
    arena: &'r mut Arena<'de>,
}

impl<'de, 'r> EnumAccess<'de> for Enum<'de, 'r> {
    type Error = Error;
    type Variant = Variant<'de, 'r>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Error> {
        let variant = seed.deserialize(Deserializer::with(self.tag, self.arena))?;
        Ok((
            variant,
            Variant {
                content: self.content,
                arena: self.arena,
            },
        ))
    }
}

/// What follows an enum's tag.
struct Variant<'de, 'r> {
    content: Option<Value<'de>>,
    arena: &'r mut Arena<'de>,
}

impl<'de> VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.content {
            None => Ok(()),
            Some(_) => Err(WRONG_TYPE),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        let content = self.content.ok_or(WRONG_TYPE)?;
        seed.deserialize(Deserializer::with(content, self.arena))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        let content = self.content.ok_or(WRONG_TYPE)?;
        de::Deserializer::deserialize_seq(Deserializer::with(content, self.arena), visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let content = self.content.ok_or(WRONG_TYPE)?;
        de::Deserializer::deserialize_map(Deserializer::with(content, self.arena), visitor)
    }
}

/// serde's refusals as core errors. No text travels (nothing allocates): each refusal maps
/// to the error that names its cause.
impl de::Error for Error {
    fn custom<T: core::fmt::Display>(_msg: T) -> Self {
        WRONG_TYPE
    }

    fn invalid_type(_unexpected: Unexpected<'_>, _expected: &dyn Expected) -> Self {
        WRONG_TYPE
    }

    fn invalid_value(_unexpected: Unexpected<'_>, _expected: &dyn Expected) -> Self {
        WRONG_TYPE
    }

    fn invalid_length(_len: usize, _expected: &dyn Expected) -> Self {
        WRONG_TYPE
    }

    fn missing_field(field: &'static str) -> Self {
        Error::MissingClaim {
            claim: Claim::Named(field),
        }
    }

    fn duplicate_field(_field: &'static str) -> Self {
        Error::DuplicateKey
    }
}

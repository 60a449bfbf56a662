//! A depth-limited JSON reader: validates a whole document once, then reads values in place.
//!
//! Written by hand because `serde-json-core` cannot do this job: it has no nesting limit
//! (30,000 nested `[` overflowed an 8 MiB stack), no `deserialize_any` (a JWT `aud` is a string
//! or an array), it hands back escaped text in borrowed strings, and it does not refuse
//! duplicate keys. This reader never recurses: nesting is tracked in a bit stack bounded by
//! [`MAX_DEPTH`]. It is fuzzed (`fuzz/`) and property-tested against `serde_json`
//! (`tests/tests/json_reader.rs`).
//!
//! The parts: `reader` validates a document in one pass (UTF-8, nesting, duplicate keys);
//! [`Value`] reads one value of it in place; `path` finds members by key or dotted path in
//! text already validated; `index` records, while validating, where the members a path can
//! reach are, so that finding them needs no rescan; `unescape` resolves string escapes; `writer` writes JSON;
//! `de` is serde's `Deserializer` over this reader (the `serde` feature).

#[cfg(feature = "serde")]
pub(crate) mod de;
mod index;
mod path;
mod reader;
mod unescape;
mod value;
pub mod writer;

pub(crate) use index::Builder as IndexBuilder;
#[cfg(feature = "claim-index")]
pub(crate) use index::{Index, room_for as index_room_for};
pub(crate) use reader::{Reported, validate_reporting};
pub use unescape::Unescaped;
pub use value::{Elements, Kind, Member, Members, Value};
pub use writer::Sink;

use crate::Error;

/// The deepest nesting any document may have, whatever limit a caller asks for; it bounds the
/// validator's state to a `u64` bit stack and `MAX_DEPTH` positions.
pub const MAX_DEPTH: usize = 64;

/// The nesting limit used unless the caller chooses another.
pub const DEFAULT_MAX_DEPTH: usize = 32;

/// Checks that `doc` is one complete JSON text (RFC 8259): UTF-8, no duplicate keys in any
/// object, no nesting deeper than `max_depth` (capped at [`MAX_DEPTH`]).
///
/// # Errors
/// [`Error::InvalidUtf8`], [`Error::InvalidJson`], [`Error::JsonTooDeep`] or
/// [`Error::DuplicateKey`].
pub fn validate(doc: &[u8], max_depth: usize) -> Result<Value<'_>, Error> {
    validate_reporting(doc, max_depth, &mut |_| {}, &mut IndexBuilder::none())
}

#[cfg(test)]
mod tests;

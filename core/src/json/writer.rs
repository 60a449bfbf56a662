//! Writing JSON into any sink: strings escaped as RFC 8259 §7 requires, objects member by
//! member.
//!
//! Written by hand rather than with `serde-json-core`: that serializer writes only into a
//! slice and cannot count, and every writer here must report the exact size it needs (the C
//! API's length negotiation). The output is checked against `serde_json` by property tests
//! (`tests/tests/json_writer.rs`).

use crate::Error;
use crate::sink::Sink;

/// Writes `s` as a JSON string: quotes, backslashes and control characters escaped; other
/// characters, non-ASCII included, as UTF-8 (RFC 8259 §7).
pub(crate) fn string(s: &str, sink: &mut dyn Sink) -> Result<(), Error> {
    sink.put(b"\"")?;
    let mut rest = s.as_bytes();
    while let Some(at) = rest
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
    {
        let (plain, tail) = rest.split_at(at);
        sink.put(plain)?;
        let Some((&b, tail)) = tail.split_first() else {
            break;
        };
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let hi = HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
        let lo = HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0');
        let unicode = [b'\\', b'u', b'0', b'0', hi, lo];
        sink.put(match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            _ => &unicode,
        })?;
        rest = tail;
    }
    sink.put(rest)?;
    sink.put(b"\"")
}

/// Writes a JSON object's members one by one.
///
/// The methods are kept out of line (`#[inline(never)]`): each is a few dynamic calls, and
/// inlined into every body writer they were copied a dozen times over in a Cortex-M image.
pub(crate) struct ObjectWriter<'s> {
    pub(crate) w: &'s mut dyn Sink,
    empty: bool,
}

impl<'s> ObjectWriter<'s> {
    pub(crate) fn new(w: &'s mut dyn Sink) -> Self {
        ObjectWriter { w, empty: true }
    }

    /// `{` before the first member, `,` before the others.
    #[inline(never)]
    pub(crate) fn separator(&mut self) -> Result<(), Error> {
        let sep = if self.empty { b"{" } else { b"," };
        self.empty = false;
        self.w.put(sep)
    }

    #[inline(never)]
    pub(crate) fn key(&mut self, name: &str) -> Result<(), Error> {
        self.separator()?;
        string(name, self.w)?;
        self.w.put(b":")
    }
}

impl ObjectWriter<'_> {
    /// A member whose value is a string.
    #[inline(never)]
    pub(crate) fn string_member(&mut self, name: &str, value: &str) -> Result<(), Error> {
        self.key(name)?;
        string(value, self.w)
    }

    /// Closes the object (`{}` when it has no members).
    #[inline(never)]
    pub(crate) fn finish(self) -> Result<(), Error> {
        if self.empty {
            self.w.put(b"{")?;
        }
        self.w.put(b"}")
    }
}

//! Writing JSON into any [`Sink`]: strings escaped as RFC 8259 §7 requires (or as Python's
//! `json.dumps` escapes them, for PyJWT's encoding), integers, objects member by member.
//!
//! Written by hand rather than with `serde-json-core`: that serializer writes only into a
//! slice and cannot count, and every writer here must report the exact size it needs (the C
//! API's length negotiation). The output is checked against `serde_json` by property tests
//! (`tests/tests/json_writer.rs`).

use crate::Error;
use crate::codec::Decimal;
pub use crate::sink::Sink;

/// How [`write_str`] escapes a string's characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Escape {
    /// Only what RFC 8259 §7 requires: `"`, `\` and control characters (`\n`, `\r`, `\t`,
    /// others as `\u00XX`); every other character, non-ASCII included, as UTF-8. What sigmint
    /// writes into the bodies and claims it builds.
    Required,
    /// As Python's `json.dumps` writes with `ensure_ascii=True` (PyJWT's encoding): printable
    /// ASCII as is; `"`, `\`, `\n`, `\r`, `\t`, `\b`, `\f` as two-character escapes;
    /// everything else as `\uXXXX` in lower-case hex, beyond the BMP as a UTF-16 surrogate
    /// pair.
    Ascii,
}

/// Writes `text` as a JSON string, quotes included, escaped as `escape` says.
///
/// ```
/// use sigmint_core::Error;
/// use sigmint_core::json::writer::{Escape, Sink, write_str};
///
/// struct Growing(Vec<u8>);
/// impl Sink for Growing {
///     fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
///         self.0.extend_from_slice(bytes);
///         Ok(())
///     }
/// }
/// let mut out = Growing(Vec::new());
/// write_str("é\"\u{1}", Escape::Ascii, &mut out)?;
/// assert_eq!(out.0, br#""\u00e9\"\u0001""#);
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
/// Those of `sink`.
pub fn write_str(text: &str, escape: Escape, sink: &mut dyn Sink) -> Result<(), Error> {
    match escape {
        Escape::Required => string(text, sink),
        Escape::Ascii => ascii_string(text, sink),
    }
}

/// Writes `value` in decimal, as JSON (and every language's integer formatting) writes it.
///
/// # Errors
/// Those of `sink`.
pub fn write_i64(value: i64, sink: &mut dyn Sink) -> Result<(), Error> {
    sink.put(Decimal::signed(value).as_bytes())
}

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
        let unicode = unicode_escape(u16::from(b));
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

/// `\uXXXX` for one UTF-16 code unit, in lower-case hex.
fn unicode_escape(unit: u16) -> [u8; 6] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digit = |shift: u16| {
        HEX.get(usize::from((unit >> shift) & 0xf))
            .copied()
            .unwrap_or(b'0')
    };
    [b'\\', b'u', digit(12), digit(8), digit(4), digit(0)]
}

/// Whether [`Escape::Ascii`] writes `byte` as it is: printable ASCII other than `"` and `\`.
fn is_plain(byte: u8) -> bool {
    matches!(byte, b' '..=b'~') && byte != b'"' && byte != b'\\'
}

/// How many leading bytes of `text` are plain ([`is_plain`]), tested eight at a time: most
/// strings in a claims set are plain throughout, and byte by byte this test was a third of
/// the cost of writing a PyJWT claims set.
fn plain_len(text: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `word` is below `n` (exact for n <= 0x80: a borrow only starts at
    // such a byte).
    let has_below = |word: u64, n: u64| word.wrapping_sub(ONES.wrapping_mul(n)) & !word & HIGH != 0;
    let mut len = 0usize;
    for chunk in text.chunks_exact(8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(bytes);
        let special = has_below(word, 0x20)
            // 0x7f and up: adding one sets (or, past 0x80, had) the high bit; a carry out of
            // a byte only comes from 0xff, which has it already.
            || (word | word.wrapping_add(ONES)) & HIGH != 0
            || has_below(word ^ (ONES * u64::from(b'"')), 1)
            || has_below(word ^ (ONES * u64::from(b'\\')), 1);
        if special {
            break;
        }
        len = len.saturating_add(8);
    }
    let tail = text.get(len..).unwrap_or_default();
    len.saturating_add(
        tail.iter()
            .position(|&b| !is_plain(b))
            .unwrap_or(tail.len()),
    )
}

/// [`write_str`] with [`Escape::Ascii`]. Runs of plain bytes are written whole.
fn ascii_string(text: &str, sink: &mut dyn Sink) -> Result<(), Error> {
    sink.put(b"\"")?;
    let mut rest = text;
    loop {
        let at = plain_len(rest.as_bytes());
        // A plain byte is ASCII, which ends no character: `at` is a character boundary.
        let (plain, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
        sink.put(plain.as_bytes())?;
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        match c {
            '"' => sink.put(b"\\\"")?,
            '\\' => sink.put(b"\\\\")?,
            '\n' => sink.put(b"\\n")?,
            '\r' => sink.put(b"\\r")?,
            '\t' => sink.put(b"\\t")?,
            '\u{8}' => sink.put(b"\\b")?,
            '\u{c}' => sink.put(b"\\f")?,
            c => {
                let mut units = [0u16; 2];
                for &mut unit in c.encode_utf16(&mut units) {
                    sink.put(&unicode_escape(unit))?;
                }
            }
        }
        rest = chars.as_str();
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    extern crate std;
    use std::vec::Vec;

    impl Sink for Vec<u8> {
        fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
            self.extend_from_slice(bytes);
            Ok(())
        }
    }

    #[test]
    fn ascii_escapes_as_json_dumps_does() {
        let mut out = Vec::new();
        let text = "plain text, long enough\u{7f}\u{8}\u{c}\u{1f}é😀\"\\\n\r\t~";
        write_str(text, Escape::Ascii, &mut out).unwrap();
        assert_eq!(
            core::str::from_utf8(&out).unwrap(),
            r#""plain text, long enough\u007f\b\f\u001f\u00e9\ud83d\ude00\"\\\n\r\t~""#
        );
        out.clear();
        write_str("é\u{8}", Escape::Required, &mut out).unwrap();
        assert_eq!(out, "\"é\\u0008\"".as_bytes());
        out.clear();
        write_i64(i64::MIN, &mut out).unwrap();
        assert_eq!(out, b"-9223372036854775808");
    }
}

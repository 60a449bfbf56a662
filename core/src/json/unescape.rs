//! JSON string escapes resolved: comparing raw string contents with text, and unescaping
//! them into a caller's buffer.

use crate::Error;
use crate::sink::{Sink, SliceWriter};

/// Whether raw JSON string contents denote `text`.
pub(super) fn raw_eq_text(raw: &str, text: &str) -> bool {
    // Every escape denotes fewer bytes than it is written with: a shorter text never matches.
    raw.len() >= text.len() && raw_denotes(raw, raw.contains('\\'), text)
}

/// [`raw_eq_text`] for contents whose reader knows whether they hold an escape (`escaped`),
/// so that no search for one is needed.
pub(super) fn raw_denotes(raw: &str, escaped: bool, text: &str) -> bool {
    if escaped {
        raw.len() > text.len() && Unescaped::new(raw).eq(text.chars())
    } else {
        raw == text
    }
}

/// Whether two raw JSON string contents denote the same text.
pub(super) fn unescaped_eq(a: &str, b: &str) -> bool {
    // Unescaping char by char is slow: only worth it when an escape could make them equal.
    a == b || ((a.contains('\\') || b.contains('\\')) && Unescaped::new(a).eq(Unescaped::new(b)))
}

/// The characters a raw (validated) JSON string content denotes.
#[derive(Clone)]
pub struct Unescaped<'a> {
    rest: &'a str,
}

/// The text raw (validated) JSON string contents denote, unescaped into `scratch`.
///
/// # Errors
/// [`Error::BufferTooSmall`] when it does not fit (`scratch` untouched).
pub(super) fn unescape_into<'b>(raw: &str, scratch: &'b mut [u8]) -> Result<&'b str, Error> {
    // Measured first, so that a buffer too small is left as it was.
    let needed = Unescaped::new(raw).map(char::len_utf8).sum();
    let mut out = SliceWriter::new(crate::sink::prefix(scratch, needed)?);
    for c in Unescaped::new(raw) {
        // Into a 4-byte array, which any char fits: encoding into the output itself would
        // bring `encode_utf8`'s panic for a slice too short.
        out.put(c.encode_utf8(&mut [0; 4]).as_bytes())?;
    }
    out.into_str()
}

/// The value of four hex digits.
pub(super) fn hex4_value(digits: &str) -> Option<u32> {
    digits
        .bytes()
        .try_fold(0, |n, b| Some(n << 4 | char::from(b).to_digit(16)?))
}

impl<'a> Unescaped<'a> {
    pub(super) fn new(raw: &'a str) -> Self {
        Unescaped { rest: raw }
    }

    fn hex4(&mut self) -> u32 {
        let value = self.rest.get(..4).and_then(hex4_value).unwrap_or(0xFFFD);
        self.rest = self.rest.get(4..).unwrap_or("");
        value
    }
}

impl Iterator for Unescaped<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        let mut chars = self.rest.chars();
        let c = chars.next()?;
        self.rest = chars.as_str();
        if c != '\\' {
            return Some(c);
        }
        let mut chars = self.rest.chars();
        let escape = chars.next()?;
        self.rest = chars.as_str();
        Some(match escape {
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let unit = self.hex4();
                let code = if (0xD800..0xDC00).contains(&unit) {
                    // Validation guarantees `\uDC00`-`\uDFFF` follows.
                    self.rest = self.rest.get(2..).unwrap_or("");
                    let low = self.hex4();
                    // unit is in D800..DC00 and the low part masked to ten bits: at most
                    // 0x10FFFF, nothing to wrap.
                    let pair = (unit.wrapping_sub(0xD800) & 0x3FF) << 10
                        | (low.wrapping_sub(0xDC00) & 0x3FF);
                    pair.wrapping_add(0x10000)
                } else {
                    unit
                };
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            other => other,
        })
    }
}

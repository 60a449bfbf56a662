//! Reading the partners' answers: the size limit, the error text a failed call carries, and the
//! field lookups every response parser shares.

use crate::Error;
use crate::json::{self, Kind, Value};

/// The longest response body the parsers read (64 KiB): the documented answers are a few KiB.
pub const MAX_RESPONSE_LEN: usize = 64 * 1024;

/// The provider's own text from an error body: the `message` string of a JSON object
/// (`{"message": "..."}`, escapes resolved into `scratch` when it has any), else the whole
/// body, trimmed.
///
/// ```
/// use sigmint_core::{Error, providers::error_message};
/// let mut scratch = [0u8; 64];
/// assert_eq!(error_message(br#"{"message":"Invalid signature"}"#, &mut scratch), Ok("Invalid signature"));
/// assert_eq!(error_message(b"<html>502 Bad Gateway</html>\n", &mut scratch), Ok("<html>502 Bad Gateway</html>"));
/// assert_eq!(error_message(b" \r\n", &mut scratch), Err(Error::MissingField { field: "message" }));
/// ```
///
/// # Errors
/// [`Error::ResponseTooLarge`] for a body longer than [`MAX_RESPONSE_LEN`] (it is not read);
/// [`Error::InvalidUtf8`] when the body is not text; [`Error::MissingField`] (`message`)
/// when it holds none (empty, only whitespace, or an empty `message`);
/// [`Error::BufferTooSmall`] when the message's escapes need more room than `scratch`.
pub fn error_message<'a>(body: &'a [u8], scratch: &'a mut [u8]) -> Result<&'a str, Error> {
    if body.len() > MAX_RESPONSE_LEN {
        return Err(Error::ResponseTooLarge {
            limit: MAX_RESPONSE_LEN,
        });
    }
    let text = match json_message(body) {
        Some(message) => message.to_str(scratch)?,
        None => trim_whitespace(core::str::from_utf8(body).map_err(|_| Error::InvalidUtf8)?),
    };
    if text.is_empty() {
        return Err(Error::MissingField { field: "message" });
    }
    Ok(text)
}

/// The `message` string of an error body that is a JSON object.
fn json_message(body: &[u8]) -> Option<Value<'_>> {
    json::validate(body, json::DEFAULT_MAX_DEPTH)
        .ok()?
        .get("message")
        .filter(|m| m.kind() == Kind::String)
}

/// Whether `c` is Unicode `White_Space`, as [`char::is_whitespace`] says: the same 25
/// characters (a test compares every `char`), written out because the standard library's
/// lookup table and generic trimming cost about 0.7 KiB of a Cortex-M image.
fn is_whitespace(c: char) -> bool {
    let c = u32::from(c);
    let low = c & 0xFF;
    match c >> 8 {
        0x00 => matches!(low, 0x09..=0x0D | 0x20 | 0x85 | 0xA0),
        0x16 => low == 0x80,
        0x20 => matches!(low, 0x00..=0x0A | 0x28 | 0x29 | 0x2F | 0x5F),
        0x30 => low == 0x00,
        _ => false,
    }
}

/// `text` without leading and trailing whitespace, as [`str::trim`] gives it.
pub(crate) fn trim_whitespace(text: &str) -> &str {
    // From each end to the first character that is not whitespace: a long text costs nothing
    // beyond its edges (a check of every email went through all of it).
    let start = text
        .char_indices()
        .find(|&(_, c)| !is_whitespace(c))
        .map_or(text.len(), |(i, _)| i);
    let rest = text.get(start..).unwrap_or_default();
    let end = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_whitespace(c))
        .map_or(0, |(i, c)| i.saturating_add(c.len_utf8()));
    rest.get(..end).unwrap_or_default()
}

/// Checks a body and returns its top-level object. A body holding a `message` (or a Mygiro
/// `status` other than "success") but not `expected` is the provider's error.
pub(crate) fn parse_object<'a>(body: &'a [u8], expected: &str) -> Result<Value<'a>, Error> {
    if body.len() > MAX_RESPONSE_LEN {
        return Err(Error::ResponseTooLarge {
            limit: MAX_RESPONSE_LEN,
        });
    }
    let doc = json::validate(body, json::DEFAULT_MAX_DEPTH)?;
    if doc.kind() != Kind::Object {
        return Err(Error::InvalidJson);
    }
    if doc.get(expected).is_none() && doc.get("message").is_some() {
        return Err(Error::ProviderError);
    }
    Ok(doc)
}

/// An object field that must be present (not `null`).
pub(crate) fn required_object<'a>(
    object: Value<'a>,
    field: &'static str,
) -> Result<Value<'a>, Error> {
    match object.get(field) {
        None => Err(Error::MissingField { field }),
        Some(v) if v.kind() == Kind::Null => Err(Error::MissingField { field }),
        Some(v) if v.kind() == Kind::Object => Ok(v),
        Some(_) => Err(Error::InvalidField { field }),
    }
}

/// A string field that must be present.
pub(crate) fn required_str<'a>(object: Value<'a>, field: &'static str) -> Result<Value<'a>, Error> {
    optional_str(object, field)?.ok_or(Error::MissingField { field })
}

/// A string field whose text has no escapes (tokens and ids), borrowed from the body.
pub(crate) fn required_plain_str<'a>(
    object: Value<'a>,
    field: &'static str,
) -> Result<&'a str, Error> {
    required_str(object, field)?
        .as_plain_str()
        .ok_or(Error::InvalidField { field })
}

/// A string field that may be absent or `null`.
pub(crate) fn optional_str<'a>(
    object: Value<'a>,
    field: &'static str,
) -> Result<Option<Value<'a>>, Error> {
    match object.get(field) {
        None => Ok(None),
        Some(v) if v.kind() == Kind::Null => Ok(None),
        Some(v) if v.kind() == Kind::String => Ok(Some(v)),
        Some(_) => Err(Error::InvalidField { field }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies() {
        let mut scratch = [0u8; 64];
        assert_eq!(
            error_message(br#"{"message":"a \"b\""}"#, &mut scratch),
            Ok("a \"b\"")
        );
        assert_eq!(
            error_message(br#"{"message":"a \"b\""}"#, &mut scratch[..4]),
            Err(Error::BufferTooSmall { needed: 5 })
        );
        let none = Err(Error::MissingField { field: "message" });
        assert_eq!(error_message(b"   ", &mut scratch), none);
        assert_eq!(error_message(br#"{"message":""}"#, &mut scratch), none);
        assert_eq!(
            error_message(b"\xff", &mut scratch),
            Err(Error::InvalidUtf8)
        );
        assert_eq!(
            error_message(br#"{"error":"x"}"#, &mut scratch),
            Ok(r#"{"error":"x"}"#)
        );
        assert_eq!(
            parse_object(br#"{"message":"no"}"#, "data").err(),
            Some(Error::ProviderError)
        );
        assert_eq!(parse_object(b"[]", "data").err(), Some(Error::InvalidJson));
        let big = [b' '; MAX_RESPONSE_LEN + 1];
        let too_large = Error::ResponseTooLarge {
            limit: MAX_RESPONSE_LEN,
        };
        assert_eq!(parse_object(&big, "data").err(), Some(too_large));
        assert_eq!(error_message(&big, &mut scratch), Err(too_large));
    }

    #[test]
    // Every char: hours under Miri, and run natively on every `cargo test`.
    #[cfg_attr(miri, ignore)]
    fn whitespace_as_the_standard_library_has_it() {
        let mut buf = [0u8; 12];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{:x}", u32::from(c));
            // Alone, and around a character that is not whitespace.
            let alone = c.encode_utf8(&mut buf[..4]);
            assert_eq!(trim_whitespace(alone), alone.trim(), "{:x}", u32::from(c));
            let len = c.len_utf8();
            buf[len] = b'x';
            buf.copy_within(..len, len + 1);
            let around = core::str::from_utf8(&buf[..2 * len + 1]).unwrap();
            assert_eq!(trim_whitespace(around), around.trim(), "{:x}", u32::from(c));
        }
        for text in [
            "",
            " ",
            "\u{3000}a b\u{85}",
            "a",
            " \t\n\u{a0}é\u{2028}x\u{2029}",
            "\u{1680}",
        ] {
            assert_eq!(trim_whitespace(text), text.trim(), "{text:?}");
        }
    }
}

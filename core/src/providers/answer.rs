//! Reading the partners' answers: the size limit, the error text a failed call carries, and the
//! field lookups every response parser shares.

use crate::Error;
use crate::json::{self, Kind, Value};

/// The longest response body the parsers read (64 KiB): the documented answers are a few KiB.
pub const MAX_RESPONSE_LEN: usize = 64 * 1024;

/// The provider's own text from an error body: the `message` string of a JSON object
/// (`{"message": "..."}`), else the whole body, trimmed, as long as it is UTF-8 text.
///
/// ```
/// use sigmint_core::providers::error_message;
/// assert_eq!(error_message(br#"{"message":"Invalid signature"}"#, &mut [0; 64]), Some("Invalid signature"));
/// assert_eq!(error_message(b"<html>502 Bad Gateway</html>\n", &mut [0; 64]), Some("<html>502 Bad Gateway</html>"));
/// ```
#[must_use]
pub fn error_message<'a>(body: &'a [u8], scratch: &'a mut [u8]) -> Option<&'a str> {
    match json_message(body) {
        Some(message) => message.to_str(scratch).ok(),
        None => plain_text(body),
    }
}

/// The length of the text [`error_message`] gives for `body` (the scratch it may need).
#[must_use]
pub fn error_message_len(body: &[u8]) -> Option<usize> {
    match json_message(body) {
        Some(message) => message.unescaped_len(),
        None => plain_text(body).map(str::len),
    }
}

/// The `message` string of an error body that is a JSON object within the size limit.
fn json_message(body: &[u8]) -> Option<Value<'_>> {
    if body.len() > MAX_RESPONSE_LEN {
        return None;
    }
    json::validate(body, json::DEFAULT_MAX_DEPTH)
        .ok()?
        .get("message")
        .filter(|m| m.kind() == Kind::String)
}

/// A body that is not a JSON error object, as text: UTF-8, trimmed, not empty.
fn plain_text(body: &[u8]) -> Option<&str> {
    let text = trim_whitespace(core::str::from_utf8(body).ok()?);
    (!text.is_empty()).then_some(text)
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
        .map_or(0, |(i, c)| i + c.len_utf8());
    rest.get(..end).unwrap_or_default()
}

/// Checks a body and returns its top-level object. A body holding a `message` (or a Mygiro
/// `status` other than "success") but not `expected` is the provider's error.
pub(crate) fn parse_object<'a>(body: &'a [u8], expected: &str) -> Result<Value<'a>, Error> {
    if body.len() > MAX_RESPONSE_LEN {
        return Err(Error::ResponseTooLarge);
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

/// A string field that must be present.
pub(crate) fn required_str<'a>(object: Value<'a>, name: &str) -> Result<Value<'a>, Error> {
    let value = object.get(name).ok_or(Error::MissingField)?;
    if value.kind() == Kind::String {
        Ok(value)
    } else if value.kind() == Kind::Null {
        Err(Error::MissingField)
    } else {
        Err(Error::InvalidField)
    }
}

/// A string field whose text has no escapes (tokens and ids), borrowed from the body.
pub(crate) fn required_plain_str<'a>(object: Value<'a>, name: &str) -> Result<&'a str, Error> {
    required_str(object, name)?
        .as_plain_str()
        .ok_or(Error::InvalidField)
}

/// A string field that may be absent or `null`.
pub(crate) fn optional_str<'a>(object: Value<'a>, name: &str) -> Result<Option<Value<'a>>, Error> {
    match object.get(name) {
        None => Ok(None),
        Some(v) if v.kind() == Kind::Null => Ok(None),
        Some(v) if v.kind() == Kind::String => Ok(Some(v)),
        Some(_) => Err(Error::InvalidField),
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
            Some("a \"b\"")
        );
        assert_eq!(error_message(b"   ", &mut scratch), None);
        assert_eq!(error_message(b"\xff", &mut scratch), None);
        assert_eq!(
            error_message(br#"{"error":"x"}"#, &mut scratch),
            Some(r#"{"error":"x"}"#)
        );
        assert_eq!(
            parse_object(br#"{"message":"no"}"#, "data").err(),
            Some(Error::ProviderError)
        );
        assert_eq!(parse_object(b"[]", "data").err(), Some(Error::InvalidJson));
        assert_eq!(error_message_len(br#"{"message":"a \"b\""}"#), Some(5));
        assert_eq!(error_message_len(b" 502 "), Some(3));
        assert_eq!(error_message_len(b"\xff"), None);
        let big = [b' '; MAX_RESPONSE_LEN + 1];
        assert_eq!(
            parse_object(&big, "data").err(),
            Some(Error::ResponseTooLarge)
        );
    }

    #[test]
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

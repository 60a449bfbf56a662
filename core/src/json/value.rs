//! One value of a validated document, read in place.

use super::reader::Reader;
use super::unescape::{Unescaped, raw_eq_text, unescape_into};
use crate::{Claim, Error};

/// A value read as a type it is not: which claim it is, the caller knows.
const NOT_OF_THE_TYPE: Error = Error::InvalidClaimType {
    claim: Claim::Unnamed,
};

/// What kind of JSON value a [`Value`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool,
    /// A number, integer or not.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// One value inside a validated JSON document, read in place.
///
/// ```
/// use sigmint_core::json::{self, Kind};
///
/// let doc = json::validate(br#"{"user": {"email": "a\u0040b.c", "n": [1, 2]}}"#, 32)?;
/// let email = doc.path("user.email").unwrap();
/// assert_eq!(email.kind(), Kind::String);
/// assert!(email.str_eq("a@b.c"));
/// assert_eq!(email.to_str(&mut [0; 16])?, "a@b.c");
/// assert_eq!(doc.path("user.n").unwrap().elements().count(), 2);
/// # Ok::<(), sigmint_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Value<'a> {
    pub(super) text: &'a str,
}

impl<'a> Value<'a> {
    /// The value's exact JSON text.
    #[must_use]
    pub fn raw(&self) -> &'a str {
        self.text
    }

    /// Its kind.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self.text.as_bytes().first() {
            Some(b'{') => Kind::Object,
            Some(b'[') => Kind::Array,
            Some(b'"') => Kind::String,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'n') => Kind::Null,
            _ => Kind::Number,
        }
    }

    /// The boolean.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] unless it is `true` or `false`.
    pub fn as_bool(&self) -> Result<bool, Error> {
        match self.text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(NOT_OF_THE_TYPE),
        }
    }

    /// The number's JSON text, if it is a number (floats stay text until a caller needs them).
    #[must_use]
    pub fn number_text(&self) -> Option<&'a str> {
        (self.kind() == Kind::Number).then_some(self.text)
    }

    /// The value as an `i64`.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] unless it is a number written as an integer (no fraction or
    /// exponent); [`Error::IntegerOverflow`] when it is beyond `i64`.
    pub fn as_i64(&self) -> Result<i64, Error> {
        let text = self.number_text().ok_or(NOT_OF_THE_TYPE)?;
        if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            return Err(NOT_OF_THE_TYPE);
        }
        // Validated JSON: an optional `-`, then digits. Accumulated as a magnitude in u64.
        let (negative, digits) = match text.as_bytes() {
            [b'-', digits @ ..] => (true, digits),
            digits => (false, digits),
        };
        let mut magnitude: u64 = 0;
        for &d in digits {
            magnitude = magnitude
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d.wrapping_sub(b'0'))))
                .ok_or(Error::IntegerOverflow)?;
        }
        if negative {
            0i64.checked_sub_unsigned(magnitude)
                .ok_or(Error::IntegerOverflow)
        } else {
            i64::try_from(magnitude).map_err(|_| Error::IntegerOverflow)
        }
    }

    /// The contents of a string as written, between the quotes, escapes intact: the text
    /// itself when it holds no backslash.
    #[must_use]
    pub fn raw_string(&self) -> Option<&'a str> {
        let inner = self.text.strip_prefix('"')?.strip_suffix('"')?;
        (self.kind() == Kind::String).then_some(inner)
    }

    /// The characters of a string value, escapes resolved.
    #[must_use]
    pub fn chars(&self) -> Option<Unescaped<'a>> {
        self.raw_string().map(Unescaped::new)
    }

    /// Whether this is a string equal to `s` (escapes resolved; no buffer needed).
    #[must_use]
    pub fn str_eq(&self, s: &str) -> bool {
        self.raw_string().is_some_and(|raw| raw_eq_text(raw, s))
    }

    /// The string's text when it holds no escapes (ids, tokens), borrowed from the document.
    #[must_use]
    pub fn as_plain_str(&self) -> Option<&'a str> {
        self.raw_string().filter(|raw| !raw.contains('\\'))
    }

    /// The string's text: borrowed when it has no escapes, else unescaped into `scratch`.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] when it is not a string; [`Error::BufferTooSmall`] when the
    /// unescaped text does not fit in `scratch`.
    pub fn to_str<'b>(&self, scratch: &'b mut [u8]) -> Result<&'b str, Error>
    where
        'a: 'b,
    {
        let raw = self.raw_string().ok_or(NOT_OF_THE_TYPE)?;
        if !raw.contains('\\') {
            return Ok(raw);
        }
        unescape_into(raw, scratch)
    }

    /// The string's text, escapes resolved, copied into `out`.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] when it is not a string; [`Error::BufferTooSmall`] with the
    /// text's length when `out` is shorter (`out` untouched).
    pub fn copy_str<'b>(&self, out: &'b mut [u8]) -> Result<&'b str, Error> {
        let raw = self.raw_string().ok_or(NOT_OF_THE_TYPE)?;
        if raw.contains('\\') {
            return unescape_into(raw, out);
        }
        let out = crate::sink::prefix(out, raw.len())?;
        out.copy_from_slice(raw.as_bytes());
        core::str::from_utf8(out).map_err(|_| Error::InvalidUtf8)
    }

    /// The length in bytes of the string's unescaped UTF-8 text.
    #[cfg(feature = "serde")]
    pub(crate) fn unescaped_len(&self) -> Option<usize> {
        self.chars().map(|chars| chars.map(char::len_utf8).sum())
    }

    /// Members of an object body (the text between its braces).
    pub(super) fn members_of_body(&self) -> Members<'a> {
        Members {
            reader: Reader::new(self.text),
        }
    }

    /// The `(key, value)` members of an object, in order; empty for other kinds.
    #[must_use]
    pub fn members(&self) -> Members<'a> {
        let body = match self.kind() {
            Kind::Object => self
                .text
                .get(1..self.text.len().saturating_sub(1))
                .unwrap_or(""),
            _ => "",
        };
        Value { text: body }.members_of_body()
    }

    /// The elements of an array, in order; empty for other kinds.
    #[must_use]
    pub fn elements(&self) -> Elements<'a> {
        let body = match self.kind() {
            Kind::Array => self
                .text
                .get(1..self.text.len().saturating_sub(1))
                .unwrap_or(""),
            _ => "",
        };
        Elements {
            reader: Reader::new(body),
        }
    }
}

/// An object member: the key (a string [`Value`]: use [`Value::str_eq`], [`Value::to_str`]
/// or [`Value::chars`] on it) and the value.
pub type Member<'a> = (Value<'a>, Value<'a>);

/// Iterator over an object's members; see [`Value::members`].
pub struct Members<'a> {
    reader: Reader<'a>,
}

impl<'a> Iterator for Members<'a> {
    type Item = Member<'a>;

    fn next(&mut self) -> Option<Member<'a>> {
        let (key, _) = self.reader.next_key()?;
        Some((Value { text: key }, self.reader.value()))
    }
}

/// Iterator over an array's elements; see [`Value::elements`].
pub struct Elements<'a> {
    reader: Reader<'a>,
}

impl<'a> Iterator for Elements<'a> {
    type Item = Value<'a>;

    fn next(&mut self) -> Option<Value<'a>> {
        let r = &mut self.reader;
        r.ws();
        if r.peek() == Some(b',') {
            r.bump();
        }
        r.ws();
        r.peek()?;
        Some(r.value())
    }
}

//! A depth-limited JSON reader: validates a whole document once, then reads values in place.
//!
//! Written by hand because `serde-json-core` cannot do this job: it has no nesting limit
//! (30,000 nested `[` overflowed an 8 MiB stack), no `deserialize_any` (a JWT `aud` is a string
//! or an array), it hands back escaped text in borrowed strings, and it does not refuse
//! duplicate keys. This reader never recurses: nesting is tracked in a bit stack bounded by
//! [`MAX_DEPTH`]. It is fuzzed (`fuzz/`) and property-tested against `serde_json`
//! (`tests/tests/json_reader.rs`).

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
    validate_reporting(doc, max_depth, &mut |_| {})
}

/// [`validate`], also handing each member of a top-level object to `on_member` as its value
/// completes, so a caller that wants certain members (a JWT's registered claims) finds them
/// in the validating pass instead of rescanning the text. Members are reported before the
/// rest of the document is checked: the caller must discard what it kept if this fails.
pub(crate) fn validate_reporting<'a>(
    doc: &'a [u8],
    max_depth: usize,
    on_member: &mut dyn FnMut(Reported<'a>),
) -> Result<Value<'a>, Error> {
    let text = core::str::from_utf8(doc).map_err(|_| Error::InvalidUtf8)?;
    let max_depth = max_depth.min(MAX_DEPTH);
    let mut r = Reader::new(text);
    // Bit d of `objects` is set when the container at depth d+1 is an object.
    let mut objects: u64 = 0;
    let mut depth: usize = 0;
    // Per open object: where its members start, and a Bloom filter of its keys. The filter is
    // a `usize`: as wide as the position beside it, so it costs no memory on any target.
    let mut objects_open = [(0usize, 0usize); MAX_DEPTH];
    // The key of the top-level member being read, and where its value starts.
    let mut member = (RawKey::default(), 0usize);

    r.ws();
    let start = r.pos;
    'value: loop {
        r.ws();
        if depth == 1 {
            member.1 = r.pos;
        }
        match r.peek() {
            Some(open @ (b'{' | b'[')) => {
                if depth >= max_depth {
                    return Err(Error::JsonTooDeep);
                }
                let is_object = open == b'{';
                let bit = 1u64 << depth;
                objects = if is_object {
                    objects | bit
                } else {
                    objects & !bit
                };
                r.bump();
                if let Some(slot) = objects_open.get_mut(depth) {
                    *slot = (r.pos, 0);
                }
                depth += 1;
                r.ws();
                let close = if is_object { b'}' } else { b']' };
                if r.peek() == Some(close) {
                    r.bump();
                    depth -= 1;
                } else {
                    if is_object {
                        let key = r.member_key(text, objects_open.get_mut(depth - 1))?;
                        if depth == 1 {
                            member.0 = key;
                        }
                    }
                    continue 'value;
                }
            }
            Some(b'"') => {
                r.string()?;
            }
            Some(b'-' | b'0'..=b'9') => r.number()?,
            Some(b't') => r.literal("true")?,
            Some(b'f') => r.literal("false")?,
            Some(b'n') => r.literal("null")?,
            _ => return Err(Error::InvalidJson),
        }
        // After a complete value: close containers or move to the next element.
        loop {
            let end = r.pos;
            r.ws();
            if depth == 0 {
                return if r.pos == text.len() {
                    Ok(Value {
                        text: text.get(start..end).ok_or(Error::InvalidJson)?,
                    })
                } else {
                    Err(Error::InvalidJson)
                };
            }
            let in_object = objects & (1u64 << (depth - 1)) != 0;
            if depth == 1
                && in_object
                && let RawKey { contents, escaped } = &member.0
                && let (Some(contents), Some(value)) =
                    (text.get(contents.clone()), text.get(member.1..end))
            {
                on_member(Reported {
                    contents,
                    escaped: *escaped,
                    value: Value { text: value },
                });
            }
            match (r.peek(), in_object) {
                (Some(b','), true) => {
                    r.bump();
                    r.ws();
                    let key = r.member_key(text, objects_open.get_mut(depth - 1))?;
                    if depth == 1 {
                        member.0 = key;
                    }
                    continue 'value;
                }
                (Some(b','), false) => {
                    r.bump();
                    continue 'value;
                }
                (Some(b'}'), true) | (Some(b']'), false) => {
                    r.bump();
                    depth -= 1;
                }
                _ => return Err(Error::InvalidJson),
            }
        }
    }
}

/// Word-at-a-time (SWAR) search: the reader spends most of its time looking for the next
/// quote, backslash or bracket, and testing eight bytes per step is several times faster than
/// one, with no `unsafe` and on every target. Property-tested against a byte loop below.
mod scan {
    const ONES: usize = usize::MAX / 0xFF;
    const HIGHS: usize = ONES * 0x80;

    /// The high bit of each byte of `x` equal to `byte`. Borrows can flag bytes above a true
    /// match, never below one, so the lowest flag is exact (all that [`position`] reads).
    pub(super) fn eq(x: usize, byte: u8) -> usize {
        let v = x ^ ONES.wrapping_mul(usize::from(byte));
        v.wrapping_sub(ONES) & !v & HIGHS
    }

    /// The high bit of each byte of `x` below `bound` (at most 0x80); the lowest is exact.
    pub(super) fn below(x: usize, bound: u8) -> usize {
        x.wrapping_sub(ONES.wrapping_mul(usize::from(bound))) & !x & HIGHS
    }

    /// The index of the first byte of `bytes` that `stop` accepts (or `bytes.len()`), where
    /// `flags` marks those bytes in a little-endian word as [`eq`] and [`below`] do.
    ///
    /// With the `compact` feature, a byte loop: the word-at-a-time paths cost about 0.35 KiB
    /// of a Cortex-M image.
    #[cfg(feature = "compact")]
    pub(super) fn position(
        bytes: &[u8],
        _flags: impl Fn(usize) -> usize,
        stop: impl Fn(u8) -> bool,
    ) -> usize {
        bytes.iter().position(|&b| stop(b)).unwrap_or(bytes.len())
    }

    #[cfg(not(feature = "compact"))]
    pub(super) fn position(
        bytes: &[u8],
        flags: impl Fn(usize) -> usize,
        stop: impl Fn(u8) -> bool,
    ) -> usize {
        const WORD: usize = core::mem::size_of::<usize>();
        let mut words = bytes.chunks_exact(WORD);
        let mut offset = 0;
        for word in words.by_ref() {
            let x = usize::from_le_bytes(word.try_into().unwrap_or([0; WORD]));
            let hits = flags(x);
            if hits != 0 {
                return offset + (hits.trailing_zeros() / 8) as usize;
            }
            offset += WORD;
        }
        let tail = words.remainder();
        offset + tail.iter().position(|&b| stop(b)).unwrap_or(tail.len())
    }
}

/// A cursor over JSON text.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader { text, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos += 1;
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.bump();
            Ok(())
        } else {
            Err(Error::InvalidJson)
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), Error> {
        let end = self.pos + word.len();
        if self.text.as_bytes().get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(())
        } else {
            Err(Error::InvalidJson)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.bump();
        }
        self.pos - start
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    fn number(&mut self) -> Result<(), Error> {
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Error::InvalidJson),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if self.digits() == 0 {
                return Err(Error::InvalidJson);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.bump();
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(Error::InvalidJson);
            }
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or(Error::InvalidJson)?;
        let value = hex4_value(digits).ok_or(Error::InvalidJson)?;
        self.pos += 4;
        Ok(value)
    }

    /// A string token; returns its raw contents (between the quotes, escapes intact) and
    /// whether it holds an escape.
    fn string(&mut self) -> Result<(&'a str, bool), Error> {
        self.expect(b'"')?;
        let start = self.pos;
        let mut escaped = false;
        loop {
            // Skip plain characters in one tight scan; stop at a quote, escape or control byte.
            let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
            self.pos += scan::position(
                rest,
                |x| scan::eq(x, b'"') | scan::eq(x, b'\\') | scan::below(x, 0x20),
                |b| b == b'"' || b == b'\\' || b < 0x20,
            );
            match self.peek() {
                None => return Err(Error::InvalidJson),
                Some(b'"') => {
                    let raw = self.text.get(start..self.pos).ok_or(Error::InvalidJson)?;
                    self.bump();
                    return Ok((raw, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.bump();
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.bump(),
                        Some(b'u') => {
                            self.bump();
                            let unit = self.hex4()?;
                            if (0xD800..0xDC00).contains(&unit) {
                                // A high surrogate must be followed by an escaped low one.
                                self.literal("\\u")?;
                                if !(0xDC00..0xE000).contains(&self.hex4()?) {
                                    return Err(Error::InvalidJson);
                                }
                            } else if (0xDC00..0xE000).contains(&unit) {
                                return Err(Error::InvalidJson);
                            }
                        }
                        _ => return Err(Error::InvalidJson),
                    }
                }
                Some(0x00..=0x1F) => return Err(Error::InvalidJson),
                Some(_) => self.bump(),
            }
        }
    }

    /// An object member's key and its `:`; refuses a key the object already has.
    ///
    /// `object` is the object's start and the Bloom filter of its keys so far: only a key whose
    /// bit is already set costs a rescan of the earlier members, so typical objects are
    /// checked in one pass while the memory stays fixed.
    fn member_key(
        &mut self,
        text: &'a str,
        object: Option<&mut (usize, usize)>,
    ) -> Result<RawKey, Error> {
        let (object_start, seen) = object.ok_or(Error::JsonTooDeep)?;
        let key_start = self.pos;
        let (key, escaped) = self.string()?;
        // Two bits per key: with one in 32, a six-key object already had even odds of a
        // needless rescan.
        let hash = key_hash(key, escaped);
        let bit = 1usize << ((hash >> 26) % usize::BITS) | 1usize << ((hash >> 20) % usize::BITS);
        if *seen & bit == bit {
            let earlier = text
                .get(*object_start..key_start)
                .ok_or(Error::InvalidJson)?;
            let same = |(k, _): Member<'_>| k.raw_string().is_some_and(|k| unescaped_eq(k, key));
            let earlier = Value { text: earlier };
            if earlier.members_of_body().any(same) {
                return Err(Error::DuplicateKey);
            }
        }
        *seen |= bit;
        let contents = key_start + 1..self.pos - 1;
        self.ws();
        self.expect(b':')?;
        Ok(RawKey { contents, escaped })
    }

    /// Moves to the first byte at or after the cursor that `stop` accepts (or the end).
    fn skip_until(&mut self, stop: impl Fn(u8) -> bool) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        self.pos += rest.iter().position(|&b| stop(b)).unwrap_or(rest.len());
    }

    /// [`Reader::skip_until`] a word at a time; `flags` marks the bytes `stop` accepts.
    fn skip_until_fast(&mut self, flags: impl Fn(usize) -> usize, stop: impl Fn(u8) -> bool) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        self.pos += scan::position(rest, flags, stop);
    }

    /// Moves past a string of already-validated text (escapes need no checking again);
    /// returns whether it holds an escape.
    fn skip_valid_string(&mut self) -> bool {
        self.bump();
        let mut escaped = false;
        loop {
            self.skip_until_fast(
                |x| scan::eq(x, b'"') | scan::eq(x, b'\\'),
                |b| b == b'"' || b == b'\\',
            );
            match self.peek() {
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 2;
                }
                Some(_) => {
                    self.bump();
                    return escaped;
                }
                None => return escaped,
            }
        }
    }

    /// Moves past one value of already-validated text, scanning only for the bytes that
    /// matter (this runs for every claim lookup, so it must be quick).
    fn skip_valid(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.skip_valid_string();
            }
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                loop {
                    // `b | 0x20` maps `[` and `]` onto `{` and `}`.
                    self.skip_until_fast(
                        |x| {
                            let folded = x | (usize::MAX / 0xFF * 0x20);
                            scan::eq(x, b'"') | scan::eq(folded, b'{') | scan::eq(folded, b'}')
                        },
                        |b| matches!(b, b'"' | b'{' | b'[' | b'}' | b']'),
                    );
                    match self.peek() {
                        Some(b'"') => {
                            self.skip_valid_string();
                        }
                        Some(b'{' | b'[') => {
                            depth += 1;
                            self.bump();
                        }
                        Some(_) => {
                            self.bump();
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                return;
                            }
                        }
                        None => return,
                    }
                }
            }
            _ => {
                self.skip_until(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            }
        }
    }

    /// In already-validated text, at an object's first member or at a comma before one: moves
    /// to the value of the member named `key` and returns true, or returns false at the
    /// object's end. Values passed over are skipped, never read as [`Value`]s.
    fn seek_member(&mut self, key: &str) -> bool {
        while let Some((quoted, escaped)) = self.next_key() {
            let raw = quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or("");
            if raw_denotes(raw, escaped, key) {
                return true;
            }
            self.skip_valid();
        }
        false
    }

    /// In already-validated text, at an object's first member or at a comma before one: moves
    /// to the next member's value and returns its key (quotes included) and whether the key
    /// holds an escape; `None` at the object's end.
    fn next_key(&mut self) -> Option<(&'a str, bool)> {
        self.ws();
        if self.peek() == Some(b',') {
            self.bump();
            self.ws();
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.pos;
        let escaped = self.skip_valid_string();
        let quoted = self.text.get(start..self.pos)?;
        self.ws();
        self.expect(b':').ok()?;
        self.ws();
        Some((quoted, escaped))
    }

    /// The next value of already-validated text, as a [`Value`].
    fn value(&mut self) -> Value<'a> {
        self.ws();
        let start = self.pos;
        self.skip_valid();
        Value {
            text: self.text.get(start..self.pos).unwrap_or(""),
        }
    }
}

/// A hash of the text a raw JSON key denotes (escapes resolved, so `"exp"` and `"\u0065xp"`
/// hash alike) for the duplicate-key filter: the text's length and its first and last bytes,
/// mixed by one multiplication. That tells typical keys apart and costs the same for any key
/// (FNV over every byte, a serial chain of multiplications, was a fifth of validation time).
/// Use the high bits: the low bits of a product mix little.
fn key_hash(raw: &str, escaped: bool) -> u32 {
    let (len, first, last) = if escaped {
        let mut utf8 = [0u8; 4];
        Unescaped::new(raw).fold((0, None, 0), |(len, first, _), c| {
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let last = bytes.last().copied().unwrap_or(0);
            (len + bytes.len(), first.or(bytes.first().copied()), last)
        })
    } else {
        let bytes = raw.as_bytes();
        let last = bytes.last().copied().unwrap_or(0);
        (bytes.len(), bytes.first().copied(), last)
    };
    // Truncating the length is fine for a hash.
    let summary = len as u32 ^ u32::from(first.unwrap_or(0)) << 16 ^ u32::from(last) << 24;
    summary.wrapping_mul(0x9E37_79B9)
}

/// Whether raw JSON string contents denote `text`.
fn raw_eq_text(raw: &str, text: &str) -> bool {
    // Every escape denotes fewer bytes than it is written with: a shorter text never matches.
    raw.len() >= text.len() && raw_denotes(raw, raw.contains('\\'), text)
}

/// [`raw_eq_text`] for contents whose reader knows whether they hold an escape (`escaped`),
/// so that no search for one is needed.
fn raw_denotes(raw: &str, escaped: bool, text: &str) -> bool {
    if escaped {
        raw.len() > text.len() && Unescaped::new(raw).eq(text.chars())
    } else {
        raw == text
    }
}

/// Where a member's key lies in the text (between its quotes) and whether it holds an
/// escape: what the validating pass learns of a key while reading it.
#[derive(Clone, Default)]
struct RawKey {
    contents: core::ops::Range<usize>,
    escaped: bool,
}

/// A top-level member as [`validate_reporting`] hands it over: its key, with whether the key
/// holds an escape (known from validating, so that comparing a plain key with a name is one
/// comparison of bytes), and its value.
pub(crate) struct Reported<'a> {
    /// The key between its quotes.
    contents: &'a str,
    escaped: bool,
    /// The member's value.
    pub(crate) value: Value<'a>,
}

impl<'a> Reported<'a> {
    /// Whether the key denotes `name` (escapes resolved).
    pub(crate) fn key_is(&self, name: &str) -> bool {
        raw_denotes(self.contents, self.escaped, name)
    }

    /// The key's text: borrowed when it holds no escape, else unescaped into `scratch`
    /// (`None` when it does not fit).
    pub(crate) fn key_text<'b>(&self, scratch: &'b mut [u8]) -> Option<&'b str>
    where
        'a: 'b,
    {
        if self.escaped {
            unescape_into(self.contents, scratch).ok()
        } else {
            Some(self.contents)
        }
    }
}

/// Whether two raw JSON string contents denote the same text.
fn unescaped_eq(a: &str, b: &str) -> bool {
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
/// [`Error::BufferTooSmall`] when it does not fit.
fn unescape_into<'b>(raw: &str, scratch: &'b mut [u8]) -> Result<&'b str, Error> {
    let mut len = 0usize;
    for c in Unescaped::new(raw) {
        let end = len + c.len_utf8();
        let dst = scratch.get_mut(len..end).ok_or(Error::BufferTooSmall)?;
        c.encode_utf8(dst);
        len = end;
    }
    let written = scratch.get(..len).ok_or(Error::BufferTooSmall)?;
    core::str::from_utf8(written).map_err(|_| Error::InvalidUtf8)
}

/// The value of four hex digits.
fn hex4_value(digits: &str) -> Option<u32> {
    digits
        .bytes()
        .try_fold(0, |n, b| Some(n << 4 | char::from(b).to_digit(16)?))
}

impl<'a> Unescaped<'a> {
    fn new(raw: &'a str) -> Self {
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
                    0x10000 + ((unit - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF)
                } else {
                    unit
                };
                char::from_u32(code).unwrap_or('\u{FFFD}')
            }
            other => other,
        })
    }
}

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
    text: &'a str,
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

    /// The boolean, if it is one.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self.text {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
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
        let text = self.number_text().ok_or(Error::InvalidClaimType)?;
        if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            return Err(Error::InvalidClaimType);
        }
        // Validated JSON: an optional `-`, then digits. Accumulated as a magnitude in u64.
        let (negative, digits) = match text.as_bytes() {
            [b'-', digits @ ..] => (true, digits),
            digits => (false, digits),
        };
        let mut magnitude: u64 = 0;
        for &d in digits {
            if magnitude > u64::MAX / 10 {
                return Err(Error::IntegerOverflow);
            }
            magnitude = (magnitude * 10)
                .checked_add(u64::from(d.wrapping_sub(b'0')))
                .ok_or(Error::IntegerOverflow)?;
        }
        if negative {
            0i64.checked_sub_unsigned(magnitude)
                .ok_or(Error::IntegerOverflow)
        } else {
            i64::try_from(magnitude).map_err(|_| Error::IntegerOverflow)
        }
    }

    /// The raw contents of a string (between the quotes, escapes intact).
    fn raw_string(&self) -> Option<&'a str> {
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
        let raw = self.raw_string().ok_or(Error::InvalidClaimType)?;
        if !raw.contains('\\') {
            return Ok(raw);
        }
        unescape_into(raw, scratch)
    }

    /// The length in bytes of the string's unescaped UTF-8 text.
    #[must_use]
    pub fn unescaped_len(&self) -> Option<usize> {
        self.chars().map(|chars| chars.map(char::len_utf8).sum())
    }

    /// Members of an object body (the text between its braces).
    fn members_of_body(&self) -> Members<'a> {
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

    /// The member `key` of an object.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<Value<'a>> {
        let mut r = self.object_reader()?;
        r.seek_member(key).then(|| r.value())
    }

    /// A value by dotted path of object keys, such as `userData.email`.
    ///
    /// Descends into each object where its member starts, so no object on the way is
    /// scanned to its end (only the value found is).
    #[must_use]
    pub fn path(&self, dotted: &str) -> Option<Value<'a>> {
        let mut r = self.object_reader()?;
        let mut rest = dotted;
        loop {
            let (key, tail) = crate::jws::split_dot(rest);
            if !r.seek_member(key) {
                return None;
            }
            match tail {
                None => return Some(r.value()),
                Some(_) if r.peek() != Some(b'{') => return None,
                Some(tail) => {
                    r.bump();
                    rest = tail;
                }
            }
        }
    }

    /// A reader just inside this object's `{`; `None` for other kinds.
    fn object_reader(&self) -> Option<Reader<'a>> {
        (self.kind() == Kind::Object).then_some(Reader {
            text: self.text,
            pos: 1,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(doc: &str) -> Value<'_> {
        validate(doc.as_bytes(), DEFAULT_MAX_DEPTH).unwrap_or_else(|e| panic!("{doc}: {e}"))
    }

    fn err(doc: &str) -> Error {
        validate(doc.as_bytes(), DEFAULT_MAX_DEPTH).unwrap_err()
    }

    #[test]
    fn accepts_rfc8259_texts() {
        for doc in [
            "{}",
            "[]",
            "0",
            "-0",
            "1.5e-3",
            "\"\"",
            "true",
            "null",
            " [1, {\"a\": [null]}] ",
            r#"{"a":"\ud83d\udcb8 \n \u00e9 \/"}"#,
            "[-1E+2,0.0]",
        ] {
            ok(doc);
        }
    }

    #[test]
    fn word_scan_finds_what_a_byte_loop_finds() {
        let stop = |b: u8| b == b'"' || b == b'\\' || b < 0x20 || matches!(b | 0x20, b'{' | b'}');
        let flags = |x: usize| {
            let folded = x | (usize::MAX / 0xFF * 0x20);
            scan::eq(x, b'"')
                | scan::eq(x, b'\\')
                | scan::below(x, 0x20)
                | scan::eq(folded, b'{')
                | scan::eq(folded, b'}')
        };
        // Every background byte, every stop byte at every place in and after two words,
        // and a second stop byte later on (borrows from the first must not move the answer).
        let mut buf = [0u8; 20];
        for background in 0..=255u8 {
            for (len, at) in (0..=20).flat_map(|len| (0..=len).map(move |at| (len, at))) {
                for special in [b'"', b'\\', 0x00, 0x1F, b'[', b']', b'{', b'}', 0x80, 0xFF] {
                    buf.fill(background);
                    if let Some(slot) = buf.get_mut(at) {
                        *slot = special;
                    }
                    if let Some(slot) = buf.get_mut(at + 3) {
                        *slot = b'"';
                    }
                    let bytes = &buf[..len];
                    let expected = bytes.iter().position(|&b| stop(b)).unwrap_or(len);
                    assert_eq!(scan::position(bytes, flags, stop), expected, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn reports_exactly_the_top_level_members() {
        for doc in [
            "{}",
            r#"{"a":1}"#,
            r#" { "a" : 1 , "b":{"c":[1,{"d":2}]} ,"e":[], "f":{} ,"g":"x\"y","h":null } "#,
            r#"{"\u0065xp":-1.5e3,"o":{"p":{"q":{}}},"t":true}"#,
            r#"[{"a":1},{"b":2}]"#,
            r#""{\"a\":1}""#,
        ] {
            let mut reported = heapless::Vec::<_, 8>::new();
            let value = validate_reporting(doc.as_bytes(), DEFAULT_MAX_DEPTH, &mut |m| {
                assert_eq!(m.escaped, m.contents.contains('\\'));
                reported.push((m.contents, m.value.raw())).unwrap();
            })
            .unwrap();
            let expected: heapless::Vec<_, 8> = value
                .members()
                .map(|(k, v)| (k.raw_string().unwrap(), v.raw()))
                .collect();
            assert_eq!(reported, expected, "{doc}");
        }
    }

    #[test]
    fn refuses_malformed_texts() {
        for doc in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "tru",
            "nul",
            "\"a",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\u{1}\"",
            "[1] [2]",
            "{1:2}",
            "{\"a\" 1}",
            "[1 2]",
            "\"\\u12\"",
            "{\"a\":1}}",
            "]",
        ] {
            assert_eq!(err(doc), Error::InvalidJson, "{doc:?}");
        }
        assert_eq!(validate(b"\"\xff\"", 8).unwrap_err(), Error::InvalidUtf8);
    }

    #[test]
    fn depth_is_limited_without_recursion() {
        let mut deep = [b'['; 20_000];
        assert_eq!(validate(&deep, 32).unwrap_err(), Error::JsonTooDeep);
        deep[0] = b'{';
        assert_eq!(validate(&deep, 1000).unwrap_err(), Error::InvalidJson);
        let mut nested = [0u8; 64];
        nested[..32].fill(b'[');
        nested[32..].fill(b']');
        assert!(validate(&nested, 32).is_ok());
        assert_eq!(validate(&nested, 31).unwrap_err(), Error::JsonTooDeep);
    }

    #[test]
    fn duplicate_keys_refused_even_when_escaped() {
        assert_eq!(err(r#"{"a":1,"a":2}"#), Error::DuplicateKey);
        assert_eq!(
            err(r#"{"a":1,"b":{"c":[{"x":1}],"c":2}}"#),
            Error::DuplicateKey
        );
        assert_eq!(err(r#"{"exp":1,"\u0065xp":2}"#), Error::DuplicateKey);
        ok(r#"{"a":{"a":1},"b":{"a":2}}"#);
    }

    #[test]
    fn reads_values_in_place() {
        let doc = ok(
            r#"{"aud":["pos","mobile"],"exp":4102444800,"f":1.5,"big":9223372036854775808,
                         "s":"caf\u00e9 \"q\"","u":{"isDev":false}}"#,
        );
        assert_eq!(doc.get("aud").unwrap().elements().count(), 2);
        assert!(
            doc.get("aud")
                .unwrap()
                .elements()
                .nth(1)
                .unwrap()
                .str_eq("mobile")
        );
        assert_eq!(doc.get("exp").unwrap().as_i64(), Ok(4_102_444_800));
        assert_eq!(doc.get("f").unwrap().as_i64(), Err(Error::InvalidClaimType));
        assert_eq!(doc.get("f").unwrap().number_text(), Some("1.5"));
        assert_eq!(
            doc.get("big").unwrap().as_i64(),
            Err(Error::IntegerOverflow)
        );
        // The hand-written integer reader at i64's edges, as `str::parse` reads them.
        for text in [
            "0",
            "-0",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
        ] {
            let value = validate(text.as_bytes(), 1).unwrap();
            let expected = text.parse::<i64>().map_err(|_| Error::IntegerOverflow);
            assert_eq!(value.as_i64(), expected, "{text}");
        }
        let s = doc.get("s").unwrap();
        assert_eq!(s.to_str(&mut [0; 32]).unwrap(), "café \"q\"");
        assert_eq!(s.unescaped_len(), Some("café \"q\"".len()));
        assert_eq!(s.to_str(&mut [0; 4]), Err(Error::BufferTooSmall));
        assert_eq!(doc.path("u.isDev").unwrap().as_bool(), Some(false));
        assert!(doc.path("u.missing").is_none());
        assert!(doc.path("s.x").is_none());
    }
}

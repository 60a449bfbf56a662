//! The validating pass: a document checked whole (RFC 8259, UTF-8, nesting within a limit,
//! no duplicate keys) in one left-to-right scan that never recurses.

// Positions are offsets into one `&str` (so at most its length, below `isize::MAX`), moved
// only over bytes the reader has seen; depth stays within `MAX_DEPTH` (checked before it
// grows, and it shrinks only at a bracket that an opening one matched).
#![allow(clippy::arithmetic_side_effects)]

use super::index::Builder;
use super::unescape::{Unescaped, hex4_value, raw_denotes, unescape_into, unescaped_eq};
use super::{MAX_DEPTH, Member, Value};
use crate::Error;
use crate::scan;

/// [`validate`], also handing each member of a top-level object to `on_member` as its value
/// completes, so a caller that wants certain members (a JWT's registered claims) finds them
/// in the validating pass instead of rescanning the text. Members are reported before the
/// rest of the document is checked: the caller must discard what it kept if this fails.
/// Every member a dotted path can reach goes into `index` (see [`Builder`]).
pub(crate) fn validate_reporting<'a>(
    doc: &'a [u8],
    max_depth: usize,
    on_member: &mut dyn FnMut(Reported<'a>),
    index: &mut Builder<'_>,
) -> Result<Value<'a>, Error> {
    let text = core::str::from_utf8(doc).map_err(|_| Error::InvalidUtf8)?;
    let max_depth = max_depth.min(MAX_DEPTH);
    let mut r = Reader::new(text);
    // Bit d of `objects` is set when the container at depth d+1 is an object.
    let mut objects: u64 = 0;
    // Bit d of `indexed` is set when the container at depth d+1 is an object whose members
    // go into the index: the top-level one, and each that is an indexed member's value.
    let mut indexed: u64 = 0;
    let in_indexed = |indexed: u64, depth: usize| {
        cfg!(feature = "claim-index") && depth > 0 && indexed >> (depth - 1) & 1 != 0
    };
    let mut depth: usize = 0;
    // Per open object: where its members start, and a Bloom filter of its keys. The filter is
    // a `usize`: as wide as the position beside it, so it costs no memory on any target.
    let mut objects_open = [(0usize, 0usize); MAX_DEPTH];
    // The key of the top-level member being read, and where its value starts.
    let mut member = (RawKey::default(), 0usize);

    r.ws();
    let start = r.pos;
    index.begin(start);
    'value: loop {
        r.ws();
        if depth == 1 {
            member.1 = r.pos;
        }
        if in_indexed(indexed, depth) {
            index.value_start(r.pos);
        }
        match r.peek() {
            Some(open @ (b'{' | b'[')) => {
                if depth >= max_depth {
                    return Err(Error::JsonTooDeep { limit: max_depth });
                }
                let is_object = open == b'{';
                let bit = 1u64 << depth;
                objects = if is_object {
                    objects | bit
                } else {
                    objects & !bit
                };
                let indexes = is_object
                    && if depth == 0 {
                        index.active()
                    } else {
                        in_indexed(indexed, depth)
                    };
                indexed = if indexes {
                    indexed | bit
                } else {
                    indexed & !bit
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
                        if indexes {
                            index.key(&key.contents, key.escaped);
                        }
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
            let indexes = in_indexed(indexed, depth);
            if indexes {
                index.value_end(end);
            }
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
                    if indexes {
                        index.key(&key.contents, key.escaped);
                    }
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

/// A cursor over JSON text.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Reader { text, pos: 0 }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub(super) fn bump(&mut self) {
        self.pos += 1;
    }

    pub(super) fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    pub(super) fn expect(&mut self, b: u8) -> Result<(), Error> {
        if self.peek() == Some(b) {
            self.bump();
            Ok(())
        } else {
            Err(Error::InvalidJson)
        }
    }

    pub(super) fn literal(&mut self, word: &str) -> Result<(), Error> {
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
        // One slot per level up to MAX_DEPTH, which bounds every depth limit.
        let (object_start, seen) = object.ok_or(Error::JsonTooDeep { limit: MAX_DEPTH })?;
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
    pub(super) contents: &'a str,
    pub(super) escaped: bool,
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

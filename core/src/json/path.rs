//! Finding things in text already validated: a member by key or by dotted path, the next
//! key and value of an object or array, and skipping a value, scanning only for the bytes that
//! matter (quotes, escapes, brackets).

// As in the reader: positions are offsets into one validated `&str`, below its length, and
// the nesting counted while skipping is that of text the reader already checked.
#![allow(clippy::arithmetic_side_effects)]

use super::reader::Reader;
use super::unescape::raw_denotes;
use super::{Kind, Value};
use crate::scan;
use crate::{Claim, Error};

impl<'a> Reader<'a> {
    /// Moves to the first byte at or after the cursor that `stop` accepts (or the end).
    pub(super) fn skip_until(&mut self, stop: impl Fn(u8) -> bool) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        self.pos += rest.iter().position(|&b| stop(b)).unwrap_or(rest.len());
    }

    /// [`Reader::skip_until`] a word at a time; `flags` marks the bytes `stop` accepts.
    pub(super) fn skip_until_fast(
        &mut self,
        flags: impl Fn(usize) -> usize,
        stop: impl Fn(u8) -> bool,
    ) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        self.pos += scan::position(rest, flags, stop);
    }

    /// Moves past a string of already-validated text (escapes need no checking again);
    /// returns whether it holds an escape.
    pub(super) fn skip_valid_string(&mut self) -> bool {
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
    pub(super) fn skip_valid(&mut self) {
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
    pub(super) fn seek_member(&mut self, key: &str) -> bool {
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
    pub(super) fn next_key(&mut self) -> Option<(&'a str, bool)> {
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
    pub(super) fn value(&mut self) -> Value<'a> {
        self.ws();
        let start = self.pos;
        self.skip_valid();
        Value {
            text: self.text.get(start..self.pos).unwrap_or(""),
        }
    }
}

impl<'a> Value<'a> {
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

    /// The member `key` of an object, which must be there (a `null` is found): for keys a
    /// dotted path cannot reach, such as claims named by URI.
    ///
    /// # Errors
    /// [`Error::MissingClaim`] when it is not.
    pub fn member(&self, key: &str) -> Result<Value<'a>, Error> {
        self.get(key).ok_or(Error::MissingClaim {
            claim: Claim::Unnamed,
        })
    }

    /// The value at the dotted `path`, which must be there (a `null` is found).
    ///
    /// # Errors
    /// [`Error::MissingClaim`] when it is not.
    pub fn find(&self, dotted: &str) -> Result<Value<'a>, Error> {
        self.path(dotted).ok_or(Error::MissingClaim {
            claim: Claim::Unnamed,
        })
    }

    /// The value at the dotted `path`, which must be there and not `null`: how a required
    /// claim is counted.
    ///
    /// # Errors
    /// [`Error::MissingClaim`] when it is absent or `null`.
    pub fn require(&self, dotted: &str) -> Result<Value<'a>, Error> {
        self.find(dotted).and_then(|value| match value.kind() {
            Kind::Null => Err(Error::MissingClaim {
                claim: Claim::Unnamed,
            }),
            _ => Ok(value),
        })
    }

    /// A reader just inside this object's `{`; `None` for other kinds.
    fn object_reader(&self) -> Option<Reader<'a>> {
        (self.kind() == Kind::Object).then_some(Reader {
            text: self.text,
            pos: 1,
        })
    }
}

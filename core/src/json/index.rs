//! An index of a document's members, recorded by the validating pass into caller scratch, so
//! that a member found by dotted path costs a walk over a few entries instead of a rescan of
//! the text from its start (which was four tenths of reading every claim of a Fonbnk token).
//!
//! Only the members a dotted path can reach are recorded: those of the top-level object and of
//! every object that is directly a member's value (paths never step into arrays). Entries are
//! in document order, so an object's members all follow its own entry and lie within its
//! value. Each is [`ENTRY`] bytes of little-endian `u16`s, so documents of 64 KiB and more go
//! unindexed, as do those whose entries do not fit: lookups then scan the text as before.

use core::ops::Range;

#[cfg(feature = "claim-index")]
use super::{Value, unescape::raw_denotes};

/// Bytes per member: key start and end (its contents, between the quotes), value start and
/// end, and the parent entry with the key's "holds an escape" bit on top.
pub(crate) const ENTRY: usize = 10;

/// One recorded member.
type Entry = [u8; ENTRY];

/// The parent of a top-level member; also "no member open".
const ROOT: u16 = 0x7FFF;
/// The parent field's bit for a key holding an escape.
const ESCAPED: u16 = 0x8000;

/// The scratch an index of a document of `len` bytes needs at most: a member takes at least
/// five bytes of text (`"":0,`), so there are at most `len / 5 + 1` of them.
#[cfg(feature = "claim-index")]
#[must_use]
pub(crate) const fn room_for(len: usize) -> usize {
    (len / 5).saturating_add(1).saturating_mul(ENTRY)
}

/// Where an entry's fields are: a range is its start's field and its end's beside it.
const KEY: usize = 0;
const VALUE: usize = 4;
const PARENT: usize = 8;

/// The `u16` at byte `at` of `entry` (every caller's `at` is one of the fields above).
#[inline]
fn field(entry: &Entry, at: usize) -> u16 {
    match entry.get(at..at.saturating_add(2)) {
        Some(&[low, high]) => u16::from_le_bytes([low, high]),
        _ => u16::MAX,
    }
}

#[inline]
fn set_field(entry: &mut Entry, at: usize, value: u16) {
    if let Some(bytes) = entry.get_mut(at..at.saturating_add(2)) {
        bytes.copy_from_slice(&value.to_le_bytes());
    }
}

/// The index as the validating pass writes it.
pub(crate) struct Builder<'s> {
    room: &'s mut [Entry],
    len: usize,
    /// The innermost member whose value is being read ([`ROOT`] when none).
    open: u16,
    /// Set when an entry did not fit: the index is then dropped.
    failed: bool,
    /// Where the document's value starts (after leading whitespace): offsets count from it.
    base: usize,
}

impl<'s> Builder<'s> {
    /// A builder into `scratch` for a document of `doc_len` bytes; one that records nothing
    /// when the document is too long for `u16` offsets.
    pub(crate) fn new(scratch: &'s mut [u8], doc_len: usize) -> Self {
        let (room, _) = scratch.as_chunks_mut::<ENTRY>();
        // Entry numbers must stay below ROOT.
        let usable = room.len().min(usize::from(ROOT));
        Builder {
            room: room.get_mut(..usable).unwrap_or_default(),
            len: 0,
            open: ROOT,
            failed: doc_len > usize::from(u16::MAX),
            base: 0,
        }
    }

    /// A builder that records nothing.
    pub(crate) fn none() -> Builder<'static> {
        Builder {
            room: &mut [],
            len: 0,
            open: ROOT,
            failed: true,
            base: 0,
        }
    }

    /// Whether it records anything (else the pass need not tell it anything): never without
    /// the `claim-index` feature, so that the pass's index steps are compiled out.
    #[inline]
    pub(crate) fn active(&self) -> bool {
        cfg!(feature = "claim-index") && !self.failed
    }

    /// Where the document's value starts: the index's offsets are within that value.
    #[inline]
    pub(crate) fn begin(&mut self, at: usize) {
        self.base = at;
    }

    /// An offset into the document as one into its value.
    #[inline]
    fn offset(&self, at: usize) -> u16 {
        u16::try_from(at.saturating_sub(self.base)).unwrap_or(u16::MAX)
    }

    /// A member's key (its contents' range) in an indexed object: the member opens.
    #[inline]
    pub(crate) fn key(&mut self, contents: &Range<usize>, escaped: bool) {
        let (start, end) = (self.offset(contents.start), self.offset(contents.end));
        let Some(entry) = self.room.get_mut(self.len) else {
            self.failed = true;
            return;
        };
        set_field(entry, KEY, start);
        set_field(entry, KEY + 2, end);
        set_field(entry, PARENT, self.open | if escaped { ESCAPED } else { 0 });
        // Below ROOT (the room was cut to it), so it fits.
        self.open = u16::try_from(self.len).unwrap_or(ROOT);
        self.len = self.len.saturating_add(1);
    }

    /// Where the open member's value starts.
    #[inline]
    pub(crate) fn value_start(&mut self, at: usize) {
        let at = self.offset(at);
        if let Some(entry) = self.room.get_mut(usize::from(self.open)) {
            set_field(entry, VALUE, at);
        }
    }

    /// Where the open member's value ends: the member closes.
    #[inline]
    pub(crate) fn value_end(&mut self, at: usize) {
        let at = self.offset(at);
        if let Some(entry) = self.room.get_mut(usize::from(self.open)) {
            set_field(entry, VALUE + 2, at);
            self.open = field(entry, PARENT) & !ESCAPED;
        }
    }

    #[cfg(feature = "claim-index")]
    /// The finished index of the document's value `text`, or `None` when it was not kept.
    pub(crate) fn finish<'a>(self, text: &'a str) -> Option<Index<'a>>
    where
        's: 'a,
    {
        if self.failed {
            return None;
        }
        let room: &'a [Entry] = self.room;
        Some(Index {
            text,
            entries: room.get(..self.len)?,
        })
    }
}

/// The members of a validated document found by dotted path without reading its text.
#[cfg(feature = "claim-index")]
#[derive(Clone, Copy, Debug)]
pub(crate) struct Index<'a> {
    text: &'a str,
    entries: &'a [Entry],
}

#[cfg(feature = "claim-index")]
impl<'a> Index<'a> {
    fn range(entry: &Entry, at: usize) -> Range<usize> {
        usize::from(field(entry, at))..usize::from(field(entry, at.saturating_add(2)))
    }

    /// The entry of the member `key` of the object that is entry `parent`'s value (or of the
    /// top-level object, for [`ROOT`]).
    fn child(&self, parent: u16, key: &str) -> Option<usize> {
        let (from, within) = match self.entries.get(usize::from(parent)) {
            Some(entry) => (
                usize::from(parent).saturating_add(1),
                Self::range(entry, VALUE).end,
            ),
            None => (0, usize::MAX),
        };
        let rest = self.entries.get(from..)?;
        let at = rest
            .iter()
            .take_while(|entry| usize::from(field(entry, KEY)) < within)
            .position(|entry| {
                let up = field(entry, PARENT);
                up & !ESCAPED == parent
                    && self
                        .text
                        .get(Self::range(entry, KEY))
                        .is_some_and(|raw| raw_denotes(raw, up & ESCAPED != 0, key))
            })?;
        Some(from.saturating_add(at))
    }

    /// The value at a dotted path of object keys, such as `userData.email`.
    pub(crate) fn path(&self, dotted: &str) -> Option<Value<'a>> {
        let mut parent = ROOT;
        let mut rest = dotted;
        loop {
            let (key, tail) = crate::jws::split_dot(rest);
            let at = self.child(parent, key)?;
            match tail {
                None => {
                    let entry = self.entries.get(at)?;
                    return Some(Value {
                        text: self.text.get(Self::range(entry, VALUE))?,
                    });
                }
                Some(tail) => {
                    parent = u16::try_from(at).ok()?;
                    rest = tail;
                }
            }
        }
    }

    /// The top-level member `key`, whatever its name holds (dots too).
    pub(crate) fn get(&self, key: &str) -> Option<Value<'a>> {
        let entry = self.entries.get(self.child(ROOT, key)?)?;
        Some(Value {
            text: self.text.get(Self::range(entry, VALUE))?,
        })
    }
}

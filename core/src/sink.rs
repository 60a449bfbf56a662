//! Where writers put their bytes: a length counter, or a caller buffer that counts on once
//! it is full.
//!
//! Writing every writer against one small trait lets the same code measure an output and
//! write it, so that a too-small buffer is reported with the exact size it needs.

use crate::Error;

/// A destination for bytes: what the JSON writer writes into. Implement it for a growable
/// buffer to write JSON of any size (sigmint's own writers use a caller's slice, and report
/// the exact size needed when it is too small).
pub trait Sink {
    /// Append `bytes`, or fail without a partial guarantee (callers discard the sink on error).
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error>;
}

/// Counts bytes instead of storing them (the measuring pass of [`write_exact`]).
#[derive(Default)]
struct Counter(usize);

impl Sink for Counter {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        // A length beyond usize fits nowhere; saturated, it is refused as too large.
        self.0 = self.0.saturating_add(bytes.len());
        Ok(())
    }
}

/// Writes into a caller buffer, and once it is full goes on counting: at the end it either
/// holds the whole text or knows the size that would have held it.
pub(crate) struct SliceWriter<'a> {
    buf: &'a mut [u8],
    /// Bytes put so far, written or not.
    len: usize,
}

impl<'a> SliceWriter<'a> {
    pub(crate) fn new(buf: &'a mut [u8]) -> Self {
        SliceWriter { buf, len: 0 }
    }

    /// The bytes written.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] with the size all of it needs, when it did not fit.
    pub(crate) fn into_bytes(self) -> Result<&'a [u8], Error> {
        let needed = self.len;
        self.buf
            .get(..needed)
            .ok_or(Error::BufferTooSmall { needed })
    }

    #[cfg(feature = "jwt")]
    /// The text written (every writer in core but the canonical strings writes UTF-8).
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] with the size all of it needs, when it did not fit.
    pub(crate) fn into_str(self) -> Result<&'a str, Error> {
        core::str::from_utf8(self.into_bytes()?).map_err(|_| Error::InvalidUtf8)
    }
}

impl Sink for SliceWriter<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        // Past the end nothing more is written, but the count goes on. Copied pairwise: a
        // `copy_from_slice` would bring its length-mismatch panic, and with it core's integer
        // formatting (2.7 KB of a Cortex-M image), for a case that cannot happen.
        let rest = self.buf.get_mut(self.len..).unwrap_or_default();
        if rest.len() >= bytes.len() {
            rest.iter_mut().zip(bytes).for_each(|(d, s)| *d = *s);
        }
        self.len = self.len.saturating_add(bytes.len());
        Ok(())
    }
}

/// Measures what `write` produces, then writes it only if it fits: the caller's buffer is
/// left untouched on any error, so "outputs are written only on success" holds everywhere.
pub(crate) fn write_exact(
    out: &mut [u8],
    write: impl Fn(&mut dyn Sink) -> Result<(), Error>,
) -> Result<&str, Error> {
    core::str::from_utf8(write_exact_dyn(out, &write)?).map_err(|_| Error::InvalidUtf8)
}

/// [`write_exact`] for bytes that need not be text (a canonical string holds the body).
pub(crate) fn write_exact_bytes(
    out: &mut [u8],
    write: impl Fn(&mut dyn Sink) -> Result<(), Error>,
) -> Result<&[u8], Error> {
    write_exact_dyn(out, &write)
}

/// [`write_exact`] compiled once: every writer's closure is then compiled once too, as a
/// function called for the measuring pass and the writing pass, instead of being copied into
/// both passes at every call site (which cost kilobytes of a Cortex-M image).
#[inline(never)]
fn write_exact_dyn<'o>(
    out: &'o mut [u8],
    write: &dyn Fn(&mut dyn Sink) -> Result<(), Error>,
) -> Result<&'o [u8], Error> {
    let mut counter = Counter::default();
    write(&mut counter)?;
    let needed = counter.0;
    let mut writer = SliceWriter::new(prefix(out, needed)?);
    write(&mut writer)?;
    writer.into_bytes()
}

/// The first `needed` bytes of `out`.
///
/// # Errors
/// [`Error::BufferTooSmall`] with `needed`, when `out` is shorter.
pub(crate) fn prefix(out: &mut [u8], needed: usize) -> Result<&mut [u8], Error> {
    out.get_mut(..needed)
        .ok_or(Error::BufferTooSmall { needed })
}

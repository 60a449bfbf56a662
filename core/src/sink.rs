//! Where encoders put their bytes: a length counter, a caller buffer, or a running MAC.
//!
//! Writing every encoder against one small trait lets the same code measure an output,
//! write it, or feed it straight into HMAC without ever materializing it.

use crate::Error;

/// A destination for bytes.
pub(crate) trait Sink {
    /// Append `bytes`, or fail without a partial guarantee (callers discard the sink on error).
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error>;
}

/// Counts bytes instead of storing them (for length negotiation).
#[derive(Default)]
struct Counter(usize);

impl Sink for Counter {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        // A length beyond usize cannot be written anywhere: report it as too large.
        self.0 = self
            .0
            .checked_add(bytes.len())
            .ok_or(Error::BufferTooSmall)?;
        Ok(())
    }
}

/// Writes into a caller buffer, refusing to overflow it.
pub(crate) struct SliceWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> SliceWriter<'a> {
    pub(crate) fn new(buf: &'a mut [u8]) -> Self {
        SliceWriter { buf, len: 0 }
    }

    /// The bytes written so far, as text (every writer in core writes UTF-8).
    pub(crate) fn into_str(self) -> Result<&'a str, Error> {
        let written = self.buf.get(..self.len).ok_or(Error::BufferTooSmall)?;
        core::str::from_utf8(written).map_err(|_| Error::InvalidUtf8)
    }
}

impl Sink for SliceWriter<'_> {
    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let end = self
            .len
            .checked_add(bytes.len())
            .ok_or(Error::BufferTooSmall)?;
        let dst = self
            .buf
            .get_mut(self.len..end)
            .ok_or(Error::BufferTooSmall)?;
        dst.copy_from_slice(bytes);
        self.len = end;
        Ok(())
    }
}

/// The exact number of bytes `write` produces (for length negotiation).
pub(crate) fn measure(
    write: impl FnOnce(&mut dyn Sink) -> Result<(), Error>,
) -> Result<usize, Error> {
    let mut counter = Counter::default();
    write(&mut counter)?;
    Ok(counter.0)
}

/// Measures what `write` produces, then writes it only if it fits: the caller's buffer is
/// left untouched on any error, so "outputs are written only on success" holds everywhere.
pub(crate) fn write_exact(
    out: &mut [u8],
    write: impl Fn(&mut dyn Sink) -> Result<(), Error>,
) -> Result<&str, Error> {
    write_exact_dyn(out, &write)
}

/// [`write_exact`] compiled once: every writer's closure is then compiled once too, as a
/// function called for the measuring pass and the writing pass, instead of being copied into
/// both passes at every call site (which cost kilobytes of a Cortex-M image).
#[inline(never)]
fn write_exact_dyn<'o>(
    out: &'o mut [u8],
    write: &dyn Fn(&mut dyn Sink) -> Result<(), Error>,
) -> Result<&'o str, Error> {
    let mut counter = Counter::default();
    write(&mut counter)?;
    let dst = out.get_mut(..counter.0).ok_or(Error::BufferTooSmall)?;
    let mut writer = SliceWriter::new(dst);
    write(&mut writer)?;
    writer.into_str()
}

//! Lower-case hexadecimal (`base16ct`).

use crate::Error;

/// Bytes needed for lower-case hex of `n` bytes.
#[must_use]
pub const fn hex_len(n: usize) -> usize {
    n.saturating_mul(2)
}

/// Lower-case hexadecimal.
///
/// ```
/// assert_eq!(sigmint_core::encode::hex(&[0xab, 0x01], &mut [0; 4])?, "ab01");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `out` is shorter than [`hex_len`].
pub fn hex<'a>(bytes: &[u8], out: &'a mut [u8]) -> Result<&'a str, Error> {
    base16ct::lower::encode_str(bytes, out).map_err(|_| Error::BufferTooSmall {
        needed: hex_len(bytes.len()),
    })
}

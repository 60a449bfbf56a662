//! Text encodings of binary values, always into caller buffers.
//!
//! Each function returns the written prefix of `out` as `&str`, or
//! [`Error::BufferTooSmall`] with `out` untouched. The `*_len` functions give the exact size
//! needed, for length negotiation.

use base64ct::{Base64, Base64UrlUnpadded, Encoding};

use crate::Error;

/// Bytes needed for padded standard base64 of `n` bytes.
#[must_use]
pub const fn base64_len(n: usize) -> usize {
    n.div_ceil(3).saturating_mul(4)
}

/// Bytes needed for unpadded base64url of `n` bytes.
#[must_use]
pub const fn base64url_len(n: usize) -> usize {
    let full = (n / 3).saturating_mul(4);
    match n % 3 {
        0 => full,
        1 => full.saturating_add(2),
        _ => full.saturating_add(3),
    }
}

/// Bytes needed for lower-case hex of `n` bytes.
#[must_use]
pub const fn hex_len(n: usize) -> usize {
    n.saturating_mul(2)
}

/// Standard base64 with padding (RFC 4648 §4).
///
/// ```
/// assert_eq!(sigmint_core::encode::base64(b"hi?", &mut [0; 4])?, "aGk/");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `out` is shorter than [`base64_len`].
pub fn base64<'a>(bytes: &[u8], out: &'a mut [u8]) -> Result<&'a str, Error> {
    Base64::encode(bytes, out).map_err(|_| Error::BufferTooSmall)
}

/// URL-safe base64 without padding (RFC 4648 §5), as JWS uses it.
///
/// ```
/// assert_eq!(sigmint_core::encode::base64url(b"hi?", &mut [0; 4])?, "aGk_");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `out` is shorter than [`base64url_len`].
pub fn base64url<'a>(bytes: &[u8], out: &'a mut [u8]) -> Result<&'a str, Error> {
    Base64UrlUnpadded::encode(bytes, out).map_err(|_| Error::BufferTooSmall)
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
    base16ct::lower::encode_str(bytes, out).map_err(|_| Error::BufferTooSmall)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_match_encoders() {
        let data = [0xffu8; 10];
        for n in 0..=10 {
            let mut buf = [0u8; 32];
            assert_eq!(base64(&data[..n], &mut buf).unwrap().len(), base64_len(n));
            assert_eq!(
                base64url(&data[..n], &mut buf).unwrap().len(),
                base64url_len(n)
            );
            assert_eq!(hex(&data[..n], &mut buf).unwrap().len(), hex_len(n));
        }
    }

    #[test]
    fn too_small_is_an_error() {
        assert_eq!(base64(b"abc", &mut [0; 3]), Err(Error::BufferTooSmall));
        assert_eq!(base64url(b"ab", &mut [0; 2]), Err(Error::BufferTooSmall));
        assert_eq!(hex(b"ab", &mut [0; 3]), Err(Error::BufferTooSmall));
    }
}

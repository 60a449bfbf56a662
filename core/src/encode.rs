//! Text encodings of binary values, always into caller buffers.
//!
//! Each function returns the written prefix of `out` as `&str`, or
//! [`Error::BufferTooSmall`] with `out` untouched. The `*_len` functions give the exact size
//! needed, for length negotiation.

use crate::Error;

/// The two base64 alphabets (RFC 4648 §4 and §5).
const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Table base64: everything sigmint encodes is public (signatures, token segments, digests),
/// so it needs no constant-time encoder, and this one is several times faster than
/// `base64ct`'s on the signing path. `tests/tests/encoding.rs` checks it against `base64ct`.
fn base64_with<'a>(
    bytes: &[u8],
    out: &'a mut [u8],
    alphabet: &[u8; 64],
    pad: bool,
) -> Result<&'a str, Error> {
    let len = if pad {
        base64_len(bytes.len())
    } else {
        base64url_len(bytes.len())
    };
    let dst = out.get_mut(..len).ok_or(Error::BufferTooSmall)?;
    // `n & 63` is always in range: the fallback is never taken and the check is compiled out.
    let symbol = |n: u32| alphabet.get((n & 63) as usize).copied().unwrap_or(b'=');
    // Whole groups first and branch-free: this loop is most of a signature's encoding time.
    let mut triples = bytes.chunks_exact(3);
    let mut quads = dst.chunks_exact_mut(4);
    for (triple, quad) in triples.by_ref().zip(quads.by_ref()) {
        if let ([a, b, c], [w, x, y, z]) = (triple, quad) {
            let n = u32::from(*a) << 16 | u32::from(*b) << 8 | u32::from(*c);
            (*w, *x, *y, *z) = (symbol(n >> 18), symbol(n >> 12), symbol(n >> 6), symbol(n));
        }
    }
    // A last partial group keeps its length + 1 symbols, then padding (or nothing: without
    // padding, `dst` ends there).
    let rest = triples.remainder();
    let tail = match quads.next() {
        Some(quad) => quad,
        None => quads.into_remainder(),
    };
    let n = rest
        .iter()
        .zip([16, 8])
        .fold(0u32, |acc, (&b, shift)| acc | u32::from(b) << shift);
    let sextets = [symbol(n >> 18), symbol(n >> 12), symbol(n >> 6)];
    for (i, slot) in tail.iter_mut().enumerate() {
        *slot = sextets
            .get(i)
            .filter(|_| i <= rest.len())
            .copied()
            .unwrap_or(b'=');
    }
    core::str::from_utf8(dst).map_err(|_| Error::InvalidUtf8)
}

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
    base64_with(bytes, out, STANDARD, true)
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
    base64_with(bytes, out, URL_SAFE, false)
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

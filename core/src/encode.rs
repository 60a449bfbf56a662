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
#[inline(never)] // A division and saturating sums, called from several places.
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

/// Each byte's base64 value (bits 0–5) and the alphabets that hold it: [`IN_STANDARD`]
/// (RFC 4648 §4), [`IN_URL_SAFE`] (§5), both for letters and digits; 0 for a byte in neither.
/// One table serves the strict decoders below and the secret decoder, which takes either.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
pub(crate) const SEXTETS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 64 {
        table[STANDARD[i] as usize] |= IN_STANDARD | i as u8;
        table[URL_SAFE[i] as usize] |= IN_URL_SAFE | i as u8;
        i += 1;
    }
    table
};
/// See [`SEXTETS`].
pub(crate) const IN_STANDARD: u8 = 0x40;
/// See [`SEXTETS`].
pub(crate) const IN_URL_SAFE: u8 = 0x80;

/// The entry of [`SEXTETS`] for `c`.
pub(crate) fn sextet(c: u8) -> u8 {
    SEXTETS.get(usize::from(c)).copied().unwrap_or(0)
}

/// Checks that `text` is strict base64 in the `alphabet` ([`IN_STANDARD`] or [`IN_URL_SAFE`]):
/// with `padded`, exactly the canonical `=` padding to a whole group; without, none. Trailing
/// bits beyond the last whole byte must be zero, so every byte string has exactly one
/// accepted encoding. Returns the characters that carry data, for [`decode_checked`].
///
/// Hand-written, table-driven and not constant-time: it reads public text (signatures
/// received, token segments), where `base64ct`'s constant-time decoder cost over 1 KiB of
/// flash and several times the time. The unit tests check it against `base64ct`.
///
/// # Errors
/// `invalid` for text that is not such base64.
pub(crate) fn check_strict(
    text: &[u8],
    alphabet: u8,
    padded: bool,
    invalid: Error,
) -> Result<&[u8], Error> {
    let data = match text {
        [data @ .., b'=', b'='] | [data @ .., b'='] if padded => data,
        _ => text,
    };
    let partial = data.len() % 4;
    let canonical_length = if padded {
        text.len().is_multiple_of(4)
    } else {
        partial != 1
    };
    // Every byte in the alphabet, checked branch-free (the bit survives the AND only then).
    let all_in = data.iter().fold(alphabet, |acc, &c| acc & sextet(c)) != 0;
    let unused_bits = match partial {
        2 => 0b1111,
        3 => 0b11,
        _ => 0,
    };
    let last = data.last().map_or(0, |&c| sextet(c));
    if !canonical_length || partial == 1 || !all_in || last & unused_bits != 0 {
        return Err(invalid);
    }
    Ok(data)
}

/// Decodes `data` that [`check_strict`] returned into the front of `out`.
///
/// A group's four characters are read as one word and its three bytes stored together, its
/// sextets combined as a tree rather than by a serial chain of shifts: a quarter faster on a
/// token's payload than a character at a time.
///
/// # Errors
/// [`Error::BufferTooSmall`] when `out` is shorter than the decoded bytes (`out` untouched).
pub(crate) fn decode_checked<'o>(data: &[u8], out: &'o mut [u8]) -> Result<&'o mut [u8], Error> {
    let dst = out
        .get_mut(..data.len() / 4 * 3 + data.len() % 4 * 3 / 4)
        .ok_or(Error::BufferTooSmall)?;
    let value = |c: u32| u32::from(sextet(c as u8) & 63);
    let (groups, rest) = data.as_chunks::<4>();
    let (whole, last) = dst.as_chunks_mut::<3>();
    for (group, triple) in groups.iter().zip(whole) {
        let chars = u32::from_le_bytes(*group);
        // Truncations (in `value`) pick each character.
        let n = (value(chars) << 18 | value(chars >> 8) << 12)
            | (value(chars >> 16) << 6 | value(chars >> 24));
        let [_, x, y, z] = n.to_be_bytes();
        *triple = [x, y, z];
    }
    // A last group of 2 or 3 characters: 1 or 2 bytes.
    let (n, _) = rest.iter().fold((0u32, 18u32), |(n, shift), &c| {
        (n | value(u32::from(c)) << shift, shift.saturating_sub(6))
    });
    let [_, bytes @ ..] = n.to_be_bytes();
    for (byte, value) in last.iter_mut().zip(bytes) {
        *byte = value;
    }
    Ok(dst)
}

/// [`check_strict`], then [`decode_checked`]: `out` is written only when all of `text`
/// decodes.
///
/// # Errors
/// As those two.
pub(crate) fn decode_strict<'o>(
    text: &[u8],
    out: &'o mut [u8],
    alphabet: u8,
    padded: bool,
    invalid: Error,
) -> Result<&'o mut [u8], Error> {
    decode_checked(check_strict(text, alphabet, padded, invalid)?, out)
}

/// Decimal text of an integer, formatted into a small inline buffer.
///
/// Hand-written instead of `itoa`: on a 32-bit target `itoa`'s 64-bit divisions pull in the
/// library's general 64-bit division (with its digit-pair table, about 1.4 KiB of flash).
/// There the digits beyond 32 bits come from a division by 10 in 32-bit pieces, the rest
/// from plain 32-bit arithmetic; 64-bit targets divide natively, two digits at a time from a
/// table (which a 32-bit build does not link).
#[derive(Clone, Copy)]
pub(crate) struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    /// The longest text: `u64::MAX` has 20 digits, `i64::MIN` 19 and a sign.
    pub(crate) const MAX_LEN: usize = 20;

    /// `n` in decimal.
    pub(crate) fn new(n: u64) -> Self {
        Decimal::with::<{ cfg!(target_pointer_width = "64") }>(n)
    }

    /// `n` in decimal, dividing by 10,000 in 64 bits when `NATIVE_64`, else 32 bits at most
    /// (both are tested on every target; a build uses one).
    fn with<const NATIVE_64: bool>(n: u64) -> Self {
        let mut d = Decimal {
            digits: [0; Self::MAX_LEN],
            start: Self::MAX_LEN,
        };
        let mut n = n;
        if NATIVE_64 {
            // Two digits per step from a table: this formats every signature's timestamp.
            while n >= 100 {
                // The remainder is below 100.
                d.push_pair((n % 100) as usize);
                n /= 100;
            }
        } else {
            while let Some(high) = u32::try_from(n >> 32).ok().filter(|&high| high != 0) {
                // Long division by 10 in a 32-bit and two 16-bit pieces: each partial
                // dividend is below 10 · 2^16 after the first, so 32 bits hold it.
                let low = n as u32;
                let mid = (high % 10) << 16 | low >> 16;
                let bottom = (mid % 10) << 16 | (low & 0xFFFF);
                n = u64::from(high / 10) << 32 | u64::from(((mid / 10) << 16) | (bottom / 10));
                d.push(bottom % 10);
            }
        }
        // What is left fits in 32 bits: all its digits, at least one.
        let mut small = n as u32;
        loop {
            d.push(small % 10);
            small /= 10;
            if small == 0 {
                break d;
            }
        }
    }

    /// Writes the two digits of `pair` (< 100) in front of those already there.
    fn push_pair(&mut self, pair: usize) {
        /// "00" to "99".
        #[allow(
            clippy::indexing_slicing,
            reason = "evaluated at compile time: an index out of bounds fails the build"
        )]
        const PAIRS: [[u8; 2]; 100] = {
            let mut pairs = [[0; 2]; 100];
            let mut i = 0;
            while i < 100 {
                pairs[i] = [b'0' + (i / 10) as u8, b'0' + (i % 10) as u8];
                i += 1;
            }
            pairs
        };
        if let Some(start) = self.start.checked_sub(2)
            && let Some(slot) = self.digits.get_mut(start..self.start)
            && let Some(digits) = PAIRS.get(pair)
        {
            slot.copy_from_slice(digits);
            self.start = start;
        }
    }

    /// `n` in decimal, with a `-` when negative.
    #[cfg(feature = "jwt")]
    pub(crate) fn signed(n: i64) -> Self {
        let mut d = Decimal::new(n.unsigned_abs());
        if n < 0 {
            d.push(u32::from(b'-'.wrapping_sub(b'0')));
        }
        d
    }

    /// Writes the digit `digit` (or `-`) in front of those already there.
    fn push(&mut self, digit: u32) {
        if let Some(start) = self.start.checked_sub(1)
            && let Some(slot) = self.digits.get_mut(start)
        {
            // A digit, or `-` wrapped around from below `0`.
            *slot = b'0'.wrapping_add(digit as u8);
            self.start = start;
        }
    }

    /// The digits.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.digits.get(self.start..).unwrap_or_default()
    }

    /// The digits as text.
    pub(crate) fn as_str(&self) -> &str {
        // ASCII digits and `-` only: always UTF-8.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
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

    #[test]
    fn decimal_matches_std_at_the_edges() {
        extern crate std;
        use std::string::ToString;
        for n in [
            0u64,
            9,
            10,
            99,
            100,
            999,
            1_000,
            9_999,
            10_000,
            10_001,
            99_999_999,
            100_000_000,
            1_765_454_073_000,
            u64::MAX - 1,
            u64::MAX,
        ] {
            assert_eq!(Decimal::with::<true>(n).as_str(), n.to_string());
            assert_eq!(Decimal::with::<false>(n).as_str(), n.to_string());
        }
        #[cfg(feature = "jwt")]
        for n in [0i64, -1, 1, -10_000, i64::MIN, i64::MIN + 1, i64::MAX] {
            assert_eq!(Decimal::signed(n).as_str(), n.to_string());
        }
    }

    // The decimal formatter and the strict decoders against the standard library and
    // `base64ct` (which they replace on the embedded build).
    proptest::proptest! {
        #[test]
        fn decimal_matches_std(n: u64, i: i64, shift in 0u32..64) {
            extern crate std;
            use std::string::ToString;
            // Every magnitude, not only the 20-digit values most random words have.
            let n = n >> shift;
            proptest::prop_assert_eq!(Decimal::with::<true>(n).as_str().to_string(), n.to_string());
            proptest::prop_assert_eq!(Decimal::with::<false>(n).as_str().to_string(), n.to_string());
            #[cfg(feature = "jwt")]
            proptest::prop_assert_eq!(Decimal::signed(i).as_str().to_string(), i.to_string());
        }

        #[test]
        fn strict_decoders_match_base64ct(
            text in "[A-Za-z0-9+/_=-]{0,12}|([A-Za-z0-9+/]{4}){0,3}[A-Za-z0-9+/]{2,3}={0,2}|([A-Za-z0-9_-]{4}){0,3}[A-Za-z0-9_-]{0,3}|\\PC{0,8}",
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
        ) {
            use base64ct::Encoding;
            let invalid = Error::InvalidBase64;
            for (alphabet, padded) in [(IN_STANDARD, true), (IN_URL_SAFE, false)] {
                let mut out = [0u8; 16];
                let mut expected_out = [0u8; 16];
                let ours = decode_strict(text.as_bytes(), &mut out, alphabet, padded, invalid)
                    .map(|d| d.to_vec());
                let theirs = if padded {
                    base64ct::Base64::decode(&text, &mut expected_out).map(|d| d.to_vec())
                } else {
                    base64ct::Base64UrlUnpadded::decode(&text, &mut expected_out).map(|d| d.to_vec())
                };
                match (&ours, &theirs) {
                    (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b),
                    (Err(Error::BufferTooSmall), Err(base64ct::Error::InvalidLength)) => {}
                    (Err(e), Err(_)) => proptest::prop_assert_eq!(*e, invalid),
                    _ => proptest::prop_assert!(false, "{text:?}: {ours:?} vs {theirs:?}"),
                }
                // Whatever base64ct encodes decodes back.
                let mut encoded = [0u8; 64];
                let mut decoded = [0u8; 40];
                let text = if padded {
                    base64ct::Base64::encode(&bytes, &mut encoded).unwrap()
                } else {
                    base64ct::Base64UrlUnpadded::encode(&bytes, &mut encoded).unwrap()
                };
                let back = decode_strict(text.as_bytes(), &mut decoded, alphabet, padded, invalid).unwrap();
                proptest::prop_assert_eq!(&*back, &bytes[..]);
            }
        }
    }

    #[test]
    fn strict_decoders_leave_out_untouched_on_error() {
        let mut out = [7u8; 4];
        for bad in [&b"QUJD?"[..], b"QUJDRA", b"QUJDRB==", b"QQ="] {
            assert_eq!(
                decode_strict(bad, &mut out, IN_STANDARD, true, Error::InvalidSignature),
                Err(Error::InvalidSignature)
            );
        }
        assert_eq!(
            decode_strict(
                b"QUJDRA==",
                &mut out[..3],
                IN_STANDARD,
                true,
                Error::InvalidSignature
            ),
            Err(Error::BufferTooSmall)
        );
        assert_eq!(out, [7; 4]);
        assert_eq!(
            decode_strict(b"-_8", &mut out, IN_URL_SAFE, false, Error::MalformedToken).unwrap(),
            [0xfb, 0xff]
        );
        assert_eq!(
            decode_strict(b"-_8", &mut out, IN_STANDARD, true, Error::MalformedToken),
            Err(Error::MalformedToken)
        );
    }
}

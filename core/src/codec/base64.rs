//! Base64 (RFC 4648 §4, padded) and base64url (§5, unpadded): encoding into caller buffers,
//! and the strict decoders for public text (token segments, received signatures).

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
    let dst = out
        .get_mut(..len)
        .ok_or(Error::BufferTooSmall { needed: len })?;
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

/// Standard padded base64 of a 32-byte tag (a signature's 44 characters), into an array of
/// exactly that length: no length to check, no remainder to branch on, and the caller makes
/// its text where the bytes end up (validating them once).
pub(crate) fn base64_tag(tag: &[u8; 32]) -> [u8; 44] {
    let mut out = [b'='; 44];
    // `n & 63` is always in range: the fallback is never taken and the check is compiled out.
    let symbol = |n: u32| STANDARD.get((n & 63) as usize).copied().unwrap_or(b'=');
    let (triples, rest) = tag.as_chunks::<3>();
    let (quads, _) = out.as_chunks_mut::<4>();
    for (&[a, b, c], quad) in triples.iter().zip(quads.iter_mut()) {
        let n = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
        *quad = [symbol(n >> 18), symbol(n >> 12), symbol(n >> 6), symbol(n)];
    }
    // 32 = 10 × 3 + 2: the last group has two bytes, three symbols and one `=`.
    if let ([a, b], Some(quad)) = (rest, quads.last_mut()) {
        let n = u32::from(*a) << 16 | u32::from(*b) << 8;
        *quad = [symbol(n >> 18), symbol(n >> 12), symbol(n >> 6), b'='];
    }
    out
}

/// Bytes needed for padded standard base64 of `n` bytes.
#[must_use]
pub const fn base64_len(n: usize) -> usize {
    n.div_ceil(3).saturating_mul(4)
}

/// Bytes that `n` characters of unpadded base64 decode to (for text that is not base64, an
/// upper bound).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "n / 4 * 3 is below n, and what is added is at most 2: no overflow for any n"
)]
pub(crate) const fn decoded_len(n: usize) -> usize {
    n / 4 * 3 + n % 4 * 3 / 4
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
    let needed = decoded_len(data.len());
    let dst = out
        .get_mut(..needed)
        .ok_or(Error::BufferTooSmall { needed })?;
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

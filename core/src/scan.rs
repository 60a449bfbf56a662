//! Word-at-a-time (SWAR) tests and searches: the JSON reader spends most of its time looking
//! for the next quote, backslash or bracket, and every signature checks that a path can go
//! on the wire; testing eight bytes per step (four on a terminal) is several times faster
//! than one, with no `unsafe` and on every target. Property-tested against byte loops
//! (here and in `json/tests.rs`).

// Offsets stay within one slice (so below `isize::MAX`); the word arithmetic wraps on purpose.
#![allow(clippy::arithmetic_side_effects)]

#[cfg(any(
    feature = "jwt",
    not(any(target_arch = "x86_64", target_arch = "aarch64"))
))]
const ONES: usize = usize::MAX / 0xFF;
#[cfg(any(
    feature = "jwt",
    not(any(target_arch = "x86_64", target_arch = "aarch64"))
))]
const HIGHS: usize = ONES * 0x80;

/// The high bit of each byte of `x` equal to `byte`. Borrows can flag bytes above a true
/// match, never below one, so the lowest flag is exact (all that [`position`] reads).
#[cfg(any(
    feature = "jwt",
    not(any(target_arch = "x86_64", target_arch = "aarch64"))
))]
pub(crate) fn eq(x: usize, byte: u8) -> usize {
    let v = x ^ ONES.wrapping_mul(usize::from(byte));
    v.wrapping_sub(ONES) & !v & HIGHS
}

/// The high bit of each byte of `x` below `bound` (at most 0x80); the lowest is exact.
#[cfg(any(
    feature = "jwt",
    not(any(target_arch = "x86_64", target_arch = "aarch64"))
))]
pub(crate) fn below(x: usize, bound: u8) -> usize {
    x.wrapping_sub(ONES.wrapping_mul(usize::from(bound))) & !x & HIGHS
}

/// The high bit of each byte of `x` above `bound` (below 0x80), and of each byte from 0x80
/// up; a carry can flag a byte after a true one, never when there is none.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub(crate) fn above(x: usize, bound: u8) -> usize {
    let lift = ONES.wrapping_mul(usize::from(0x7F_u8.saturating_sub(bound)));
    (x.wrapping_add(lift) | x) & HIGHS
}

/// Whether every byte of `bytes` is visible ASCII (`!` to `~`) other than `excluded`: what a
/// path, query or timestamp must be to go on the wire as signed. A word at a time on targets
/// without 16-byte vectors in their baseline, in every build (the `compact` one too: on a
/// terminal the byte loop took 13 instructions a byte, a third of a Fonbnk signature on a
/// 218-byte endpoint, and the words cost a few dozen bytes).
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
pub(crate) fn all_visible_except(bytes: &[u8], excluded: u8) -> bool {
    const WORD: usize = core::mem::size_of::<usize>();
    let (words, tail) = bytes.as_chunks::<WORD>();
    let flags = words.iter().fold(0, |flags, word| {
        let x = usize::from_le_bytes(*word);
        flags | below(x, b'!') | above(x, b'~') | eq(x, excluded)
    });
    flags == 0
        && tail
            .iter()
            .fold(true, |ok, &b| ok & b.is_ascii_graphic() & (b != excluded))
}

/// [`all_visible_except`] on targets with 16-byte vectors in their baseline (SSE2, NEON): a
/// byte fold without short-circuit, which the compiler vectorizes (several times fewer
/// instructions than the words on a 218-byte endpoint).
#[cfg(any(target_arch = "x86_64", target_arch = "aarch64"))]
#[inline]
pub(crate) fn all_visible_except(bytes: &[u8], excluded: u8) -> bool {
    const LANES: usize = 16;
    // 0xFF for a byte that may not go on the wire, else 0: lanes of one vector compare.
    let bad = |b: u8| {
        let outside = b.wrapping_sub(b'!') > b'~' - b'!';
        u8::from(outside | (b == excluded)).wrapping_neg()
    };
    let (blocks, tail) = bytes.as_chunks::<LANES>();
    let mut flags = [0u8; LANES];
    for block in blocks {
        for (flag, &b) in flags.iter_mut().zip(block) {
            *flag |= bad(b);
        }
    }
    // The tail as the last 16 bytes when there are that many (overlapping bytes already
    // read changes nothing for "every byte"), else byte by byte.
    let tail_flags = match bytes.last_chunk::<LANES>() {
        Some(last) if !tail.is_empty() => {
            last.iter()
                .zip(flags.iter_mut())
                .for_each(|(&b, flag)| *flag |= bad(b));
            0
        }
        _ => tail.iter().fold(0, |acc, &b| acc | bad(b)),
    };
    flags.iter().fold(tail_flags, |acc, &f| acc | f) == 0
}

/// The index of the first byte of `bytes` that `stop` accepts (or `bytes.len()`), where
/// `flags` marks those bytes in a little-endian word as [`eq`] and [`below`] do.
///
/// With the `compact` feature, a byte loop: the word-at-a-time paths cost about 0.35 KiB
/// of a Cortex-M image.
#[cfg(all(feature = "jwt", feature = "compact"))]
pub(crate) fn position(
    bytes: &[u8],
    _flags: impl Fn(usize) -> usize,
    stop: impl Fn(u8) -> bool,
) -> usize {
    bytes.iter().position(|&b| stop(b)).unwrap_or(bytes.len())
}

#[cfg(all(feature = "jwt", not(feature = "compact")))]
pub(crate) fn position(
    bytes: &[u8],
    flags: impl Fn(usize) -> usize,
    stop: impl Fn(u8) -> bool,
) -> usize {
    const WORD: usize = core::mem::size_of::<usize>();
    let mut words = bytes.chunks_exact(WORD);
    let mut offset = 0;
    for word in words.by_ref() {
        let x = usize::from_le_bytes(word.try_into().unwrap_or([0; WORD]));
        let hits = flags(x);
        if hits != 0 {
            return offset + (hits.trailing_zeros() / 8) as usize;
        }
        offset += WORD;
    }
    let tail = words.remainder();
    offset + tail.iter().position(|&b| stop(b)).unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn visible_matches_a_byte_loop(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40), excluded in 0x21u8..0x7F) {
            let expected = bytes.iter().all(|&b| b.is_ascii_graphic() && b != excluded);
            proptest::prop_assert_eq!(super::all_visible_except(&bytes, excluded), expected);
        }

        // Longer inputs: whole 16-byte blocks, an overlapping last block and the word path's
        // tails, with every byte value as the excluded one.
        #[test]
        fn visible_matches_a_byte_loop_on_long_inputs(fill in 0x21u8..0x7F, odd in proptest::num::u8::ANY, len in 0usize..100, at in 0usize..100, excluded in proptest::num::u8::ANY) {
            let mut bytes = [fill; 100];
            if let Some(b) = bytes.get_mut(at) {
                *b = odd;
            }
            let bytes = &bytes[..len];
            let expected = bytes.iter().all(|&b| b.is_ascii_graphic() && b != excluded);
            proptest::prop_assert_eq!(super::all_visible_except(bytes, excluded), expected);
        }

        #[test]
        fn visible_at_the_edges(fill in 0x21u8..0x7F, odd in proptest::num::u8::ANY, at in 0usize..24) {
            let mut bytes = [fill; 24];
            bytes[at] = odd;
            let expected = odd.is_ascii_graphic() && odd != b'#' && fill != b'#';
            proptest::prop_assert_eq!(super::all_visible_except(&bytes, b'#'), expected);
        }
    }
}

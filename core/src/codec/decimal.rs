//! Decimal text of integers, without 64-bit division on 32-bit targets.

/// The number ASCII digits (leading zeros allowed) stand for, read without converting more
/// than it needs however long the text; `None` for empty text, any other byte (a sign, a
/// space, a non-ASCII digit) or a number past `u64::MAX`.
pub(crate) fn parse_digits(text: &[u8]) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.iter().try_fold(0u64, |n, &b| {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
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

    /// `f` of the digits of `n`, formatted where they stay: a [`Decimal`] returned is moved,
    /// and on x86-64 that copy (16 bytes at a time, right after the digits were stored one or
    /// two at a time) stalled on store forwarding, longer than the formatting took.
    #[inline]
    pub(crate) fn digits<R>(n: u64, f: impl FnOnce(&[u8]) -> R) -> R {
        let mut d = Decimal {
            digits: [0; Self::MAX_LEN],
            start: Self::MAX_LEN,
        };
        d.write::<{ cfg!(target_pointer_width = "64") }>(n);
        f(d.as_bytes())
    }

    /// `n` in decimal, dividing by 10,000 in 64 bits when `NATIVE_64`, else 32 bits at most
    /// (both are tested on every target; a build uses one).
    pub(super) fn with<const NATIVE_64: bool>(n: u64) -> Self {
        let mut d = Decimal {
            digits: [0; Self::MAX_LEN],
            start: Self::MAX_LEN,
        };
        d.write::<NATIVE_64>(n);
        d
    }

    /// Writes `n` into an empty `self`, as [`Decimal::with`] says.
    fn write<const NATIVE_64: bool>(&mut self, n: u64) {
        let d = self;
        let mut n = n;
        if NATIVE_64 {
            // Two digits per step from a table, into the pairs of the buffer from its end:
            // this formats every signature's timestamp. At most 9 steps (`u64::MAX` has 20
            // digits), so the pairs never run out and no index is checked.
            let (pairs, _) = d.digits.as_chunks_mut::<2>();
            let mut start = Self::MAX_LEN;
            for slot in pairs.iter_mut().rev() {
                if n < 100 {
                    break;
                }
                // The remainder is below 100.
                *slot = Self::PAIRS
                    .get((n % 100) as usize)
                    .copied()
                    .unwrap_or_default();
                n /= 100;
                start = start.wrapping_sub(2);
            }
            d.start = start;
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
                break;
            }
        }
    }

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

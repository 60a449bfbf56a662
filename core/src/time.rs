//! Time as sigmint reads it: moments as [`UnixSeconds`] (JWT NumericDates) or [`UnixMillis`]
//! (the providers' RFC 3339 dates), distinct types so that one is never taken for the other;
//! RFC 3339 parsing; and the expiry arithmetic every token lifecycle needs, with spans of time
//! as [`Duration`]s (never negative). Core reads no clock: every `now` is the caller's.

use core::time::Duration;

use crate::Error;

/// A moment, in whole seconds since the Unix epoch: a JWT NumericDate (`exp`, `nbf`, `iat`),
/// a verifier's clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixSeconds(pub i64);

/// A moment, in milliseconds since the Unix epoch: an RFC 3339 date of a provider's answer,
/// a client's clock checking it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixMillis(pub i64);

/// A moment on one of the two scales: what the expiry arithmetic needs of it.
pub trait Moment: Copy + Ord {
    /// This moment `span` later, saturating at the end of the scale.
    #[must_use]
    fn after(self, span: Duration) -> Self;
}

impl Moment for UnixSeconds {
    fn after(self, span: Duration) -> Self {
        let secs = i64::try_from(span.as_secs()).unwrap_or(i64::MAX);
        UnixSeconds(self.0.saturating_add(secs))
    }
}

impl Moment for UnixMillis {
    fn after(self, span: Duration) -> Self {
        let millis = i64::try_from(span.as_millis()).unwrap_or(i64::MAX);
        UnixMillis(self.0.saturating_add(millis))
    }
}

impl UnixMillis {
    /// The same moment in whole seconds, rounded down.
    #[must_use]
    pub const fn to_seconds(self) -> UnixSeconds {
        UnixSeconds(self.0.div_euclid(1000))
    }
}

/// Parses an RFC 3339 timestamp, such as `2024-05-14T19:22:09.901Z` or
/// `2024-05-14T21:22:09+02:00`, to Unix milliseconds. Fractions beyond milliseconds are
/// truncated; `t`/`z` and a space separator are accepted, as RFC 3339 §5.6 allows.
///
/// ```
/// use sigmint_core::time::{UnixMillis, parse_rfc3339};
/// assert_eq!(parse_rfc3339("2024-05-14T19:22:09.901Z"), Ok(UnixMillis(1_715_714_529_901)));
/// assert_eq!(parse_rfc3339("2024-05-14T21:22:09.901+02:00"), Ok(UnixMillis(1_715_714_529_901)));
/// assert!(parse_rfc3339("2024-02-30T00:00:00Z").is_err());
/// ```
///
/// # Errors
/// [`Error::InvalidDate`] for anything else: a missing part, an impossible date or time
/// (February 30th, hour 24, second 60), an offset beyond ±23:59.
pub fn parse_rfc3339(text: &str) -> Result<UnixMillis, Error> {
    parse_ms(text).map(UnixMillis)
}

/// [`parse_rfc3339`], in plain milliseconds.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "every operand comes from a field of at most four digits (a year below 10,000, an \
              offset below 100 hours), so each sum and product is far inside i32 and i64"
)]
fn parse_ms(text: &str) -> Result<i64, Error> {
    // 32-bit arithmetic throughout, but for the final sum: a 64-bit division or remainder
    // would pull about 1 KiB of library code into a Cortex-M image.
    let (date_time, mut rest) = text
        .as_bytes()
        .split_at_checked(19)
        .ok_or(Error::InvalidDate)?;
    let mut f = [0u32; 6];
    fields(date_time, b"0000-00-00T00:00:00", &mut f)?;
    let [year, month, day, hour, minute, second] = f;
    let mut millis = 0;
    if let [b'.', tail @ ..] = rest {
        let count = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return Err(Error::InvalidDate);
        }
        let (digits, tail) = tail.split_at(count);
        // The first three digits, padded with zeros: the rest is truncated.
        for i in 0..3 {
            millis = millis * 10 + digits.get(i).map_or(0, |d| u32::from(d - b'0'));
        }
        rest = tail;
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), offset @ ..] => {
            let mut hm = [0u32; 2];
            fields(offset, b"00:00", &mut hm)?;
            let [hours, minutes] = hm;
            if hours > 23 || minutes > 59 {
                return Err(Error::InvalidDate);
            }
            let offset = (hours * 60 + minutes) as i32;
            if *sign == b'-' { -offset } else { offset }
        }
        _ => return Err(Error::InvalidDate),
    };
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(Error::InvalidDate);
    }
    // Every value is bounded by now (year < 10000), so the casts are exact.
    let seconds_of_day = (hour * 3_600 + minute * 60 + second) as i32 - offset_minutes * 60;
    let seconds = i64::from(days_from_civil(year, month, day)) * 86_400 + i64::from(seconds_of_day);
    Ok(seconds * 1_000 + i64::from(millis))
}

/// Reads `bytes` against `pattern`, where `0` stands for an ASCII digit and any other byte
/// for itself (`T` also for `t` and a space, as RFC 3339 §5.6 allows), into one number per
/// run of digits. `bytes` must be exactly as long as `pattern`.
#[allow(
    clippy::arithmetic_side_effects,
    reason = "a field is a run of at most four digits of the pattern: below 10,000"
)]
fn fields(bytes: &[u8], pattern: &[u8], out: &mut [u32]) -> Result<(), Error> {
    if bytes.len() != pattern.len() {
        return Err(Error::InvalidDate);
    }
    let mut out = out.iter_mut();
    let mut field = out.next();
    for (&b, &p) in bytes.iter().zip(pattern) {
        if p == b'0' {
            let digit = b.wrapping_sub(b'0');
            match &mut field {
                Some(value) if digit <= 9 => **value = **value * 10 + u32::from(digit),
                _ => return Err(Error::InvalidDate),
            }
        } else if b == p || (p == b'T' && matches!(b, b't' | b' ')) {
            field = out.next();
        } else {
            return Err(Error::InvalidDate);
        }
    }
    Ok(())
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date from year 0 to 9999 (Howard Hinnant's
/// algorithm, its years shifted by one 400-year era so that everything stays unsigned).
#[allow(
    clippy::arithmetic_side_effects,
    reason = "year, month and day are checked dates (year below 10,000): every step of the \
              formula stays below four million"
)]
fn days_from_civil(year: u32, month: u32, day: u32) -> i32 {
    let y = year + 400 - u32::from(month <= 2);
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // At most 25 eras of 146,097 days: far inside i32.
    (era * 146_097 + doe) as i32 - (719_468 + 146_097)
}

/// Whether something that expires at `expires_at` has expired at `now`.
///
/// ```
/// use sigmint_core::time::{UnixSeconds, expired};
/// assert!(expired(UnixSeconds(100), UnixSeconds(100)));
/// assert!(!expired(UnixSeconds(100), UnixSeconds(99)));
/// ```
#[must_use]
pub fn expired<T: Moment>(expires_at: T, now: T) -> bool {
    now >= expires_at
}

/// Whether something that expires at `expires_at` should be renewed at `now`: it has
/// expired, or will within `margin`.
///
/// ```
/// use core::time::Duration;
/// use sigmint_core::time::{UnixMillis, needs_refresh};
/// let expires = UnixMillis(60_000);
/// assert!(needs_refresh(expires, UnixMillis(1_000), Duration::from_secs(59)));
/// assert!(!needs_refresh(expires, UnixMillis(1_000), Duration::from_secs(58)));
/// ```
#[must_use]
pub fn needs_refresh<T: Moment>(expires_at: T, now: T, margin: Duration) -> bool {
    now.after(margin) >= expires_at
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    /// The previous parser (64-bit arithmetic, a byte cursor), kept as the oracle the 32-bit
    /// one above must agree with on every input.
    mod oracle {
        use crate::Error;

        pub fn parse_rfc3339_ms(text: &str) -> Result<i64, Error> {
            let mut p = Parser {
                bytes: text.as_bytes(),
                pos: 0,
            };
            let year = p.digits(4)?;
            p.expect(b'-')?;
            let month = p.digits(2)?;
            p.expect(b'-')?;
            let day = p.digits(2)?;
            if !matches!(p.next(), Some(b'T' | b't' | b' ')) {
                return Err(Error::InvalidDate);
            }
            let hour = p.digits(2)?;
            p.expect(b':')?;
            let minute = p.digits(2)?;
            p.expect(b':')?;
            let second = p.digits(2)?;
            let mut millis = 0;
            if p.peek() == Some(b'.') {
                p.pos += 1;
                let mut count = 0;
                while let Some(d @ b'0'..=b'9') = p.peek() {
                    if count < 3 {
                        millis = millis * 10 + i64::from(d - b'0');
                    }
                    count += 1;
                    p.pos += 1;
                }
                if count == 0 {
                    return Err(Error::InvalidDate);
                }
                for _ in count..3 {
                    millis *= 10;
                }
            }
            let offset_minutes = match p.next() {
                Some(b'Z' | b'z') => 0,
                Some(sign @ (b'+' | b'-')) => {
                    let hours = p.digits(2)?;
                    p.expect(b':')?;
                    let minutes = p.digits(2)?;
                    if hours > 23 || minutes > 59 {
                        return Err(Error::InvalidDate);
                    }
                    let offset = hours * 60 + minutes;
                    if sign == b'-' { -offset } else { offset }
                }
                _ => return Err(Error::InvalidDate),
            };
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days_in_month = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if p.pos != p.bytes.len()
                || !(1..=12).contains(&month)
                || day < 1
                || day > days_in_month
                || hour > 23
                || minute > 59
                || second > 59
            {
                return Err(Error::InvalidDate);
            }
            let y = if month <= 2 { year - 1 } else { year };
            let era = y.div_euclid(400);
            let yoe = y - era * 400;
            let mp = (month + 9) % 12;
            let doy = (153 * mp + 2) / 5 + day - 1;
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            let days = era * 146_097 + doe - 719_468;
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
            Ok(seconds * 1_000 + millis)
        }

        struct Parser<'a> {
            bytes: &'a [u8],
            pos: usize,
        }

        impl Parser<'_> {
            fn peek(&self) -> Option<u8> {
                self.bytes.get(self.pos).copied()
            }

            fn next(&mut self) -> Option<u8> {
                let b = self.peek();
                self.pos += 1;
                b
            }

            fn expect(&mut self, b: u8) -> Result<(), Error> {
                if self.next() == Some(b) {
                    Ok(())
                } else {
                    Err(Error::InvalidDate)
                }
            }

            fn digits(&mut self, n: usize) -> Result<i64, Error> {
                let mut value = 0;
                for _ in 0..n {
                    match self.next() {
                        Some(d @ b'0'..=b'9') => value = value * 10 + i64::from(d - b'0'),
                        _ => return Err(Error::InvalidDate),
                    }
                }
                Ok(value)
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_oracle_on_timestamp_shapes(
            text in "[0-9]{4}-[0-9]{2}-[0-3][0-9][Tt xX][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,12})?([Zz]|[+-][0-2][0-9]:[0-6][0-9]|.{0,3})"
        ) {
            proptest::prop_assert_eq!(parse_ms(&text), oracle::parse_rfc3339_ms(&text));
        }

        #[test]
        fn agrees_with_the_oracle_on_anything(text in "[0-9:.TZ+ -]{0,40}|\\PC{0,40}") {
            proptest::prop_assert_eq!(parse_ms(&text), oracle::parse_rfc3339_ms(&text));
        }
    }

    #[test]
    // Exhaustive (every day of 10,000 years): hours under Miri; run natively on every
    // `cargo test`.
    #[cfg_attr(miri, ignore)]
    fn every_day_of_every_year_agrees_with_the_oracle() {
        use core::fmt::Write;
        use std::string::String;
        for year in (0..=2200).chain(9_900..=9_999) {
            for month in 1..=12 {
                for day in [1, 28, 29, 30, 31] {
                    let mut text = String::new();
                    write!(text, "{year:04}-{month:02}-{day:02}T23:59:59.999-23:59").unwrap();
                    assert_eq!(parse_ms(&text), oracle::parse_rfc3339_ms(&text), "{text}");
                }
            }
        }
        assert_eq!(parse_ms("0000-01-01T00:00:00Z"), Ok(-62_167_219_200_000));
    }

    #[test]
    fn provider_examples() {
        assert_eq!(parse_ms("2024-05-14T19:22:09.901Z"), Ok(1_715_714_529_901));
        assert_eq!(parse_ms("2019-12-07T01:12:02.315Z"), Ok(1_575_681_122_315));
        assert_eq!(parse_ms("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_ms("1969-12-31T23:59:59.999Z"), Ok(-1));
        assert_eq!(parse_ms("2000-02-29T00:00:00-00:30"), Ok(951_784_200_000));
        assert_eq!(
            parse_ms("2024-05-14t19:22:09.901234567z"),
            Ok(1_715_714_529_901)
        );
        assert_eq!(parse_ms("9999-12-31T23:59:59Z"), Ok(253_402_300_799_000));
    }

    #[test]
    fn invalid_dates() {
        for bad in [
            "",
            "2024-05-14",
            "2024-05-14T19:22:09",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-05-14T24:00:00Z",
            "2024-05-14T19:60:00Z",
            "2024-05-14T19:22:60Z",
            "2024-05-14T19:22:09.Z",
            "2024-05-14T19:22:09+2:00",
            "2024-05-14T19:22:09+24:00",
            "2024-05-14T19:22:09Zjunk",
            "24-05-14T19:22:09Z",
            "2024-05-00T00:00:00Z",
            "２０２４-05-14T19:22:09Z",
        ] {
            assert_eq!(parse_ms(bad), Err(Error::InvalidDate), "{bad:?}");
        }
    }

    #[test]
    fn lifecycle() {
        let s = UnixSeconds;
        assert!(!expired(s(100), s(99)));
        assert!(expired(s(100), s(100)));
        assert!(needs_refresh(s(100), s(90), Duration::from_secs(10)));
        assert!(!needs_refresh(s(100), s(89), Duration::from_secs(10)));
        assert!(needs_refresh(
            s(i64::MAX),
            s(i64::MAX),
            Duration::from_secs(5)
        ));
        assert!(needs_refresh(s(i64::MAX), s(0), Duration::MAX));
        let ms = UnixMillis;
        assert!(needs_refresh(
            ms(10_000),
            ms(1),
            Duration::from_millis(9_999)
        ));
        assert!(!needs_refresh(
            ms(10_000),
            ms(1),
            Duration::from_millis(9_998)
        ));
        assert_eq!(ms(-1).to_seconds(), s(-1));
        assert_eq!(ms(1_999).to_seconds(), s(1));
    }
}

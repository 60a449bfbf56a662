//! Timestamps: RFC 3339 (the ISO-8601 profile the providers use) to Unix milliseconds, and
//! the expiry arithmetic every token lifecycle needs.

use crate::Error;

/// Parses an RFC 3339 timestamp, such as `2024-05-14T19:22:09.901Z` or
/// `2024-05-14T21:22:09+02:00`, to Unix milliseconds. Fractions beyond milliseconds are
/// truncated; `t`/`z` and a space separator are accepted, as RFC 3339 §5.6 allows.
///
/// ```
/// use sigmint_core::time::parse_rfc3339_ms;
/// assert_eq!(parse_rfc3339_ms("2024-05-14T19:22:09.901Z"), Ok(1_715_714_529_901));
/// assert_eq!(parse_rfc3339_ms("2024-05-14T21:22:09.901+02:00"), Ok(1_715_714_529_901));
/// assert!(parse_rfc3339_ms("2024-02-30T00:00:00Z").is_err());
/// ```
///
/// # Errors
/// [`Error::InvalidDate`] for anything else: a missing part, an impossible date or time
/// (February 30th, hour 24, second 60), an offset beyond ±23:59.
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
    if p.pos != p.bytes.len()
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(Error::InvalidDate);
    }
    let days = days_from_civil(year, month, day);
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

    /// Exactly `n` ASCII digits (at most 4, so the value fits any arithmetic below).
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

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether something that expires at `expires_at` has expired at `now` (same unit).
#[must_use]
pub const fn expired(expires_at: i64, now: i64) -> bool {
    now >= expires_at
}

/// Whether something that expires at `expires_at` should be renewed at `now`: it has
/// expired, or will within `margin` (same unit).
#[must_use]
pub const fn needs_refresh(expires_at: i64, now: i64, margin: i64) -> bool {
    now.saturating_add(margin) >= expires_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_examples() {
        assert_eq!(
            parse_rfc3339_ms("2024-05-14T19:22:09.901Z"),
            Ok(1_715_714_529_901)
        );
        assert_eq!(
            parse_rfc3339_ms("2019-12-07T01:12:02.315Z"),
            Ok(1_575_681_122_315)
        );
        assert_eq!(parse_rfc3339_ms("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_rfc3339_ms("1969-12-31T23:59:59.999Z"), Ok(-1));
        assert_eq!(
            parse_rfc3339_ms("2000-02-29T00:00:00-00:30"),
            Ok(951_784_200_000)
        );
        assert_eq!(
            parse_rfc3339_ms("2024-05-14t19:22:09.901234567z"),
            Ok(1_715_714_529_901)
        );
        assert_eq!(
            parse_rfc3339_ms("9999-12-31T23:59:59Z"),
            Ok(253_402_300_799_000)
        );
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
            assert_eq!(parse_rfc3339_ms(bad), Err(Error::InvalidDate), "{bad:?}");
        }
    }

    #[test]
    fn lifecycle() {
        assert!(!expired(100, 99));
        assert!(expired(100, 100));
        assert!(needs_refresh(100, 90, 10));
        assert!(!needs_refresh(100, 89, 10));
        assert!(needs_refresh(i64::MAX, i64::MAX, 5));
    }
}

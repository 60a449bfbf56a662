//! The RFC 3339 parser on any text: never a panic, and an accepted date's milliseconds are
//! those of the same date with its fraction cut to milliseconds and its offset applied.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::time::parse_rfc3339;

fuzz_target!(|text: &str| {
    let Ok(ms) = parse_rfc3339(text) else {
        return;
    };
    // Accepted dates are ASCII and start with a four-digit year.
    assert!(text.is_ascii());
    assert!(
        text.get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
    );
    // The same instant written in UTC, to the millisecond, parses to the same value.
    let secs = ms.0.div_euclid(1000);
    let millis = ms.0.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if (0..=9999).contains(&y) {
        let utc = format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        );
        assert_eq!(
            parse_rfc3339(&utc).map(|t| t.0),
            Ok(ms.0),
            "{text} -> {utc}"
        );
    }
});

/// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day count.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

//! `application/x-www-form-urlencoded` query strings, byte-identical to WHATWG
//! `URLSearchParams.toString()`.
//!
//! Pairs are written in the order given, joined by `&`, with `=` between name and value.
//! In names and values, `A-Z a-z 0-9 * - . _` stay as they are, a space becomes `+`, and
//! every other byte of the UTF-8 text becomes `%XX` with upper-case hex.
//!
//! Written by hand: `form_urlencoded` (the `url` crate's serializer) needs `alloc`, and
//! `percent-encoding` has no space-to-`+` rule. The loop is small, and `tests/tests/query_oracle.rs`
//! checks it against `form_urlencoded` and a transcription of the WHATWG definition over arbitrary
//! Unicode; `fuzz/` fuzzes it.

use crate::Error;
use crate::codec::percent;
use crate::sink::{Sink, write_exact};

/// Query pairs: any cloneable sequence of `(name, value)` text pairs, such as
/// `[("a", "1")]` or `slice.iter().copied()`. Cloneable because a pair list is walked twice:
/// once to measure, once to write.
pub trait Pairs<'a>: IntoIterator<Item = (&'a str, &'a str)> + Clone {}

impl<'a, T: IntoIterator<Item = (&'a str, &'a str)> + Clone> Pairs<'a> for T {}

/// Writes `pairs` as a query (without the leading `?`) into any sink.
pub(crate) fn write<'a>(pairs: impl Pairs<'a>, sink: &mut dyn Sink) -> Result<(), Error> {
    for (i, (name, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            sink.put(b"&")?;
        }
        percent::encode(name, true, sink)?;
        sink.put(b"=")?;
        percent::encode(value, true, sink)?;
    }
    Ok(())
}

/// Writes `pairs` into `out` as `URLSearchParams.toString()` would, and returns the text.
///
/// ```
/// let mut buf = [0u8; 64];
/// let q = sigmint_core::query::encode([("email", "a b+c@x.io"), ("n", "é")], &mut buf)?;
/// assert_eq!(q, "email=a+b%2Bc%40x.io&n=%C3%A9");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`], with the length needed, when `out` is too short; `out` is
/// untouched.
pub fn encode<'a, 'o>(pairs: impl Pairs<'a>, out: &'o mut [u8]) -> Result<&'o str, Error> {
    write_exact(out, |sink| write(pairs.clone(), sink))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whatwg_examples() {
        let mut buf = [0u8; 128];
        assert_eq!(
            encode([("a", "b c"), ("~", "*-._")], &mut buf).unwrap(),
            "a=b+c&%7E=*-._"
        );
        assert_eq!(encode([("", "")], &mut buf).unwrap(), "=");
        assert_eq!(encode(core::iter::empty(), &mut buf).unwrap(), "");
    }

    #[test]
    fn untouched_when_too_small() {
        let mut buf = [0xAAu8; 4];
        assert_eq!(
            encode([("a", "bcd")], &mut buf),
            Err(Error::BufferTooSmall { needed: 5 })
        );
        assert_eq!(buf, [0xAA; 4]);
    }
}

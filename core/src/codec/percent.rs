//! Percent-encoding (`%XX`, upper-case hex) of UTF-8 text, for query components and URL path
//! segments.

use crate::Error;
use crate::sink::Sink;

const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Percent-encodes `text` into the sink, handing runs of kept bytes over in one piece: for a
/// query `form` component (`URLSearchParams`: `A-Z a-z 0-9 * - . _` kept, space as `+`), or
/// else for a URL path segment (RFC 3986 unreserved `A-Z a-z 0-9 - . _ ~` kept, space as
/// `%20`). One encoder for both: they differ in two bytes.
pub(crate) fn encode(text: &str, form: bool, sink: &mut dyn Sink) -> Result<(), Error> {
    let is_kept = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_')
            || b == if form { b'*' } else { b'~' }
    };
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let kept = rest.iter().position(|&b| !is_kept(b)).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(kept);
        if !run.is_empty() {
            sink.put(run)?;
        }
        let Some((&b, tail)) = tail.split_first() else {
            break;
        };
        if form && b == b' ' {
            sink.put(b"+")?;
        } else {
            let hi = UPPER_HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
            let lo = UPPER_HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0');
            sink.put(&[b'%', hi, lo])?;
        }
        rest = tail;
    }
    Ok(())
}

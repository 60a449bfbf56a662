//! Finding a request's headers, as received.

use crate::Error;

/// A received header: its name and value as bytes (a server framework's view of them).
pub type Header<'a> = (&'a [u8], &'a [u8]);

/// A received header however the caller holds it: a [`Header`] pair, or a struct of its own
/// (the C binding's `sigmint_http_header`), so that a request's headers reach the verifier
/// without being copied into pairs first.
pub trait ReceivedHeader {
    /// The header's name, as received.
    fn name(&self) -> &[u8];
    /// The header's value, as received.
    fn value(&self) -> &[u8];
}

impl ReceivedHeader for Header<'_> {
    fn name(&self) -> &[u8] {
        self.0
    }

    fn value(&self) -> &[u8] {
        self.1
    }
}

/// The value of the header `name` (ASCII case-insensitive), without the ASCII whitespace
/// around it (spaces and tabs, and the CR or LF a framework may leave).
///
/// # Errors
/// [`Error::MissingHeader`] when it is absent; [`Error::MalformedHeader`] when it is given
/// more than once (which one was signed cannot be told).
pub(crate) fn find<'h, H: ReceivedHeader>(
    headers: &'h [H],
    name: &'static str,
) -> Result<&'h [u8], Error> {
    let mut found = headers
        .iter()
        .filter(|h| h.name().eq_ignore_ascii_case(name.as_bytes()));
    let header = found.next().ok_or(Error::MissingHeader { header: name })?;
    if found.next().is_some() {
        return Err(Error::MalformedHeader { header: name });
    }
    Ok(header.value().trim_ascii())
}

/// A timestamp header's value: ASCII digits (leading zeros allowed), up to `u64::MAX`.
///
/// # Errors
/// [`Error::MalformedHeader`] (`name`) for anything else.
pub(crate) fn seconds(text: &[u8], name: &'static str) -> Result<u64, Error> {
    crate::codec::parse_digits(text).ok_or(Error::MalformedHeader { header: name })
}

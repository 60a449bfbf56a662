//! Finding a request's headers, as received.

use crate::Error;

/// A received header: its name and value as bytes (a server framework's view of them).
pub type Header<'a> = (&'a [u8], &'a [u8]);

/// The value of the header `name` (ASCII case-insensitive), without the spaces and tabs
/// around it.
///
/// # Errors
/// [`Error::MissingHeader`] when it is absent; [`Error::MalformedHeader`] when it is given
/// more than once (which one was signed cannot be told).
pub(crate) fn find<'a>(headers: &[Header<'a>], name: &'static str) -> Result<&'a [u8], Error> {
    let mut found = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()));
    let (_, value) = found.next().ok_or(Error::MissingHeader { header: name })?;
    if found.next().is_some() {
        return Err(Error::MalformedHeader { header: name });
    }
    Ok(value.trim_ascii())
}

/// A timestamp header's value: ASCII digits (leading zeros allowed), up to `u64::MAX`.
///
/// # Errors
/// [`Error::MalformedHeader`] (`name`) for anything else.
pub(crate) fn seconds(text: &[u8], name: &'static str) -> Result<u64, Error> {
    crate::codec::parse_digits(text).ok_or(Error::MalformedHeader { header: name })
}

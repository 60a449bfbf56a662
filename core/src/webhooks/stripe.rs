//! `Stripe-Signature: t=1492774577,v1=5257a8…,v0=…`: comma-separated `key=value` entries.

use super::Provider;
use crate::Error;

const HEADER: &str = Provider::Stripe.signature_header();

/// The header's entries, each split at its first `=` (spaces around both trimmed).
fn entries(value: &[u8]) -> impl Iterator<Item = Option<(&[u8], &[u8])>> {
    value.split(|&b| b == b',').map(|entry| {
        let at = entry.iter().position(|&b| b == b'=')?;
        let (key, rest) = entry.split_at(at);
        Some((key.trim_ascii(), rest.get(1..)?.trim_ascii()))
    })
}

/// The timestamp's text (`t`), after checking the header's shape: every entry `key=value`,
/// exactly one `t`, at least one `v1`.
///
/// # Errors
/// [`Error::MalformedHeader`] (`Stripe-Signature`) otherwise.
pub(crate) fn timestamp(value: &[u8]) -> Result<&[u8], Error> {
    let malformed = Error::MalformedHeader { header: HEADER };
    let mut t = None;
    let mut any_v1 = false;
    for entry in entries(value) {
        let (key, text) = entry.ok_or(malformed)?;
        match key {
            b"t" if t.is_none() => t = Some(text),
            b"t" => return Err(malformed),
            b"v1" => any_v1 = true,
            _ => {}
        }
    }
    match t {
        Some(t) if any_v1 => Ok(t),
        _ => Err(malformed),
    }
}

/// The `v1` signatures' texts, in order.
pub(crate) fn signatures(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    entries(value).filter_map(|entry| match entry {
        Some((b"v1", text)) => Some(text),
        _ => None,
    })
}

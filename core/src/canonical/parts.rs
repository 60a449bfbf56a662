//! The parts of one request, and what each must be to go on the wire as signed.

use super::Field;
use crate::Error;
use crate::codec::Decimal;

/// The parts of one request that a [`Scheme`](super::Scheme) may sign, each exactly as sent.
/// A part the template signs must be given ([`Error::MissingPart`] otherwise); the body is
/// always there (empty when the request has none).
///
/// ```
/// use sigmint_core::canonical::{Parts, Timestamp};
/// let ts = Timestamp::new(1_700_000_000);
/// let parts = Parts {
///     timestamp: Some(ts.as_bytes()),
///     method: Some(b"POST"),
///     path: Some(b"/orders"),
///     body: br#"{"size":"1"}"#,
///     ..Parts::default()
/// };
/// # let _ = parts;
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The timestamp as sent: visible ASCII (digits, or digits and a fraction), in the
    /// scheme's units.
    pub timestamp: Option<&'a [u8]>,
    /// The HTTP method: upper-case letters, as clients send it.
    pub method: Option<&'a [u8]>,
    /// The path with its query, as sent: starts with `/`, visible ASCII, no `#`.
    pub path: Option<&'a [u8]>,
    /// The query string without its `?`, as sent: visible ASCII, no `#` (may be empty).
    pub query: Option<&'a [u8]>,
    /// The raw body.
    pub body: &'a [u8],
}

/// Visible ASCII without `#`: what a path or query goes on the wire as.
fn sendable(bytes: &[u8]) -> bool {
    crate::scan::all_visible_except(bytes, b'#')
}

/// Refuses a path a client could not send as-is: the signature covers the exact bytes on the
/// wire.
pub(crate) fn check_path(path: &[u8]) -> Result<(), Error> {
    if path.first() != Some(&b'/') {
        return Err(Error::EndpointNotAbsolute);
    }
    if !sendable(path) {
        return Err(Error::EndpointInvalidChar);
    }
    Ok(())
}

/// Where a request's timestamp comes from: the caller's bytes, checked like every part, or
/// digits core formatted from a number (a Fonbnk signature's), which need no check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimestampSource {
    /// Given by the caller: checked.
    Given,
    /// [`Decimal`] digits: at least one, all ASCII digits.
    Formatted,
}

impl<'a> Parts<'a> {
    /// The bytes of `field` (for [`Field::BodySha256`], the body the digest is of), checked.
    ///
    /// # Errors
    /// [`Error::MissingPart`] when it was not given; [`Error::InvalidPart`] for a method,
    /// query or timestamp that cannot go on the wire as given; the path errors of
    /// [`check_path`].
    pub(crate) fn get(&self, field: Field, timestamp: TimestampSource) -> Result<&'a [u8], Error> {
        let given = match field {
            Field::Timestamp => self.timestamp,
            Field::Method => self.method,
            Field::Path => self.path,
            Field::Query => self.query,
            Field::Body | Field::BodySha256 => return Ok(self.body),
        };
        let part = field.name();
        let bytes = given.ok_or(Error::MissingPart { part })?;
        let valid = match field {
            Field::Timestamp => {
                timestamp == TimestampSource::Formatted || (!bytes.is_empty() && sendable(bytes))
            }
            Field::Method => !bytes.is_empty() && bytes.iter().all(u8::is_ascii_uppercase),
            Field::Query => bytes.first() != Some(&b'?') && sendable(bytes),
            _ => {
                check_path(bytes)?;
                true
            }
        };
        if valid {
            Ok(bytes)
        } else {
            Err(Error::InvalidPart { part })
        }
    }
}

/// A timestamp's decimal text, for [`Parts::timestamp`]: `Timestamp::new(ms).as_bytes()`.
#[derive(Clone, Copy)]
pub struct Timestamp(Decimal);

impl Timestamp {
    /// `n` in decimal (Unix seconds or milliseconds: the scheme's units).
    #[must_use]
    pub fn new(n: u64) -> Timestamp {
        Timestamp(Decimal::new(n))
    }

    /// The digits.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The digits, as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl core::fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

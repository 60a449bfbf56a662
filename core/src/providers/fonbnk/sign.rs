//! Fonbnk request signing: endpoints, strings to sign, signatures, the three headers, and the
//! server side (verifying a signature, bounding a timestamp's age).

use core::fmt;
use core::time::Duration;

use heapless::String;

use crate::canonical::{Parts, Preset, TimestampSource, check_path};
use crate::codec::{Decimal, base64};
use crate::query::{self, Pairs};
use crate::sink::{Sink, write_exact};
use crate::{Error, Key};

/// Length of an `x-signature` value: base64 of a 32-byte tag.
pub const SIGNATURE_LEN: usize = 44;
/// The longest `x-timestamp` value: `u64::MAX` in decimal.
pub const TIMESTAMP_MAX_LEN: usize = 20;
/// The longest client id a [`Signer`] takes.
pub const CLIENT_ID_MAX_LEN: usize = 128;

/// Header carrying the client id.
pub const HEADER_CLIENT_ID: &str = "x-client-id";
/// Header carrying the timestamp in Unix milliseconds.
pub const HEADER_TIMESTAMP: &str = "x-timestamp";
/// Header carrying the signature.
pub const HEADER_SIGNATURE: &str = "x-signature";

/// An `x-signature` value.
pub type Signature = String<SIGNATURE_LEN>;

fn write_endpoint_to<'a>(
    path: &str,
    params: impl Pairs<'a>,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    check_path(path.as_bytes())?;
    let has_params = params.clone().into_iter().next().is_some();
    if has_params && path.contains('?') {
        return Err(Error::PathHasQuery);
    }
    sink.put(path.as_bytes())?;
    if has_params {
        sink.put(b"?")?;
        query::write(params, sink)?;
    }
    Ok(())
}

/// Writes the endpoint Fonbnk signs: `path`, then `?` and the encoded `params` when there are any.
///
/// ```
/// let mut buf = [0u8; 64];
/// let e = sigmint_core::providers::fonbnk::write_endpoint("/api/v2/orders", [("a", "b c")], &mut buf)?;
/// assert_eq!(e, "/api/v2/orders?a=b+c");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::EndpointNotAbsolute`] when `path` does not start with `/`;
/// [`Error::EndpointInvalidChar`] for a space, control, non-ASCII or `#` byte in `path`;
/// [`Error::PathHasQuery`] when `path` holds `?` and `params` is not empty;
/// [`Error::BufferTooSmall`] with the length needed when `out` is too short (`out` is
/// untouched).
pub fn write_endpoint<'a, 'o>(
    path: &str,
    params: impl Pairs<'a>,
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    write_exact(out, |sink| write_endpoint_to(path, params.clone(), sink))
}

/// Writes the string-to-sign, `{timestamp_ms}:{endpoint}`, for debugging a signature mismatch.
///
/// ```
/// let mut buf = [0u8; 64];
/// let s = sigmint_core::providers::fonbnk::string_to_sign(0, "/api/user/tokens", &mut buf)?;
/// assert_eq!(s, "0:/api/user/tokens");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// As [`sign`], and [`Error::BufferTooSmall`] when `out` cannot hold it (`out` is untouched).
pub fn string_to_sign<'o>(
    timestamp_ms: u64,
    endpoint: &str,
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    let ts = Decimal::new(timestamp_ms);
    let written = Preset::Fonbnk
        .scheme()
        .string_to_sign(&parts(ts.as_bytes(), endpoint), out)?;
    // The timestamp's digits and a checked (ASCII) path.
    core::str::from_utf8(written).map_err(|_| Error::InvalidUtf8)
}

/// What Fonbnk signs of a request: the timestamp's digits and the endpoint.
fn parts<'a>(timestamp: &'a [u8], endpoint: &'a str) -> Parts<'a> {
    Parts {
        timestamp: Some(timestamp),
        path: Some(endpoint.as_bytes()),
        ..Parts::default()
    }
}

/// The `x-signature` value for `endpoint` (as [`write_endpoint`] builds it) at `timestamp_ms`.
///
/// The [`Preset::Fonbnk`] scheme: the string-to-sign is fed to the MAC in pieces, never
/// assembled.
///
/// # Errors
/// [`Error::EndpointNotAbsolute`] or [`Error::EndpointInvalidChar`] for an endpoint that could
/// not go on the wire as given.
pub fn sign(key: &Key, timestamp_ms: u64, endpoint: &str) -> Result<Signature, Error> {
    Decimal::digits(timestamp_ms, |digits| sign_formatted(key, digits, endpoint))
}

/// [`sign`] with the timestamp already in decimal (by [`Decimal`]: callers pass nothing else),
/// so that [`Signer::headers`] formats it once.
fn sign_formatted(key: &Key, timestamp: &[u8], endpoint: &str) -> Result<Signature, Error> {
    // The digits are core's own (`Decimal`): the engine checks only the endpoint.
    let tag = Preset::Fonbnk.scheme().tag_from(
        key,
        &parts(timestamp, endpoint),
        TimestampSource::Formatted,
    )?;
    // Encoded where the signature keeps it, and validated once there (the base64 alphabet is
    // ASCII: the error cannot happen).
    let text = heapless::Vec::from_array(base64::base64_tag(tag.as_bytes()));
    String::from_utf8(text).map_err(|_| Error::InvalidUtf8)
}

/// Checks an inbound request's `x-signature` (as a partner or a test server receives it) for
/// `endpoint` at `timestamp_ms`, in constant time.
///
/// ```
/// use sigmint_core::{Key, providers::fonbnk};
/// let key = Key::from_base64("bXktY2xpZW50LXNlY3JldA==")?;
/// let signature = fonbnk::sign(&key, 1_697_040_000_000, "/api/v2/user/tokens")?;
/// fonbnk::verify(&key, 1_697_040_000_000, "/api/v2/user/tokens", &signature)?;
/// assert!(fonbnk::verify(&key, 1_697_040_000_001, "/api/v2/user/tokens", &signature).is_err());
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidSignature`] when the signature does not match or is not the base64 of 32
/// bytes (bytes that are not UTF-8 included: the header arrives as bytes); the endpoint errors
/// of [`sign`].
pub fn verify<S: AsRef<[u8]> + ?Sized>(
    key: &Key,
    timestamp_ms: u64,
    endpoint: &str,
    signature: &S,
) -> Result<(), Error> {
    let ts = Decimal::new(timestamp_ms);
    Preset::Fonbnk
        .scheme()
        .verify(key, &parts(ts.as_bytes(), endpoint), signature.as_ref())
}

/// An inbound request's `x-timestamp` as received: ASCII digits (leading zeros allowed), Unix
/// milliseconds; what a server reads before [`check_timestamp`] and [`verify`].
///
/// ```
/// use sigmint_core::providers::fonbnk;
/// assert_eq!(fonbnk::parse_timestamp(b"1765454073000"), Ok(1_765_454_073_000));
/// assert!(fonbnk::parse_timestamp(b"+1765454073000").is_err());
/// ```
///
/// # Errors
/// [`Error::InvalidField`] (`x-timestamp`) when it is empty, holds anything but ASCII digits
/// (a sign, a space, an underscore, a non-ASCII digit), or is past `u64::MAX`: read without
/// converting more than it needs, however long.
pub fn parse_timestamp(text: &[u8]) -> Result<u64, Error> {
    const INVALID: Error = Error::InvalidField {
        field: HEADER_TIMESTAMP,
    };
    crate::codec::parse_digits(text).ok_or(INVALID)
}

/// How far a request's `x-timestamp` may be from the verifier's clock, either side, unless the
/// verifier says otherwise: the ±5 minutes Fonbnk's sandbox accepts.
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(5 * 60);

/// Checks that a request's `timestamp_ms` is within `window` of the verifier's `now_ms`
/// (either side), as a server does before [`verify`] to bound replays.
///
/// ```
/// use sigmint_core::providers::fonbnk::{DEFAULT_WINDOW, check_timestamp};
/// assert!(check_timestamp(1_000_000, 1_300_000, DEFAULT_WINDOW).is_ok());
/// assert!(check_timestamp(999_999, 1_300_000, DEFAULT_WINDOW).is_err());
/// ```
///
/// # Errors
/// [`Error::TimestampOutOfWindow`].
pub fn check_timestamp(timestamp_ms: u64, now_ms: u64, window: Duration) -> Result<(), Error> {
    // Not `as_millis`: its u128 arithmetic is library code a Cortex-M image would carry.
    let window_ms = window
        .as_secs()
        .saturating_mul(1000)
        .saturating_add(u64::from(window.subsec_millis()));
    if timestamp_ms.abs_diff(now_ms) > window_ms {
        return Err(Error::TimestampOutOfWindow);
    }
    Ok(())
}

/// The three request headers, as fixed-capacity values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headers<'s> {
    // Borrowed from the signer: copying 128 bytes per signature was a tenth of its cost.
    client_id: &'s str,
    timestamp: String<TIMESTAMP_MAX_LEN>,
    signature: Signature,
}

impl Headers<'_> {
    /// The `x-client-id` value.
    #[must_use]
    pub fn client_id(&self) -> &str {
        self.client_id
    }

    /// The `x-timestamp` value (Unix milliseconds, decimal).
    #[must_use]
    pub fn timestamp(&self) -> &str {
        &self.timestamp
    }

    /// The `x-signature` value.
    #[must_use]
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// `(name, value)` for each header, in the order the docs list them.
    #[must_use]
    pub fn pairs(&self) -> [(&'static str, &str); 3] {
        [
            (HEADER_CLIENT_ID, self.client_id()),
            (HEADER_TIMESTAMP, self.timestamp()),
            (HEADER_SIGNATURE, self.signature()),
        ]
    }
}

/// A client id and its key: everything needed to sign Fonbnk requests.
#[derive(Clone)]
pub struct Signer {
    client_id: String<CLIENT_ID_MAX_LEN>,
    key: Key,
}

impl Signer {
    /// A signer for `client_id` with the base64 `client_secret` from the Fonbnk dashboard.
    ///
    /// # Errors
    /// [`Error::InvalidClientId`] for an empty or over-long client id, or one with a byte that
    /// is not visible ASCII (it goes into a header as-is); the errors of [`Key::from_base64`].
    pub fn new(client_id: &str, client_secret: &str) -> Result<Signer, Error> {
        Signer::with_key(client_id, Key::from_base64(client_secret)?)
    }

    /// A signer from a client id and a key built some other way.
    ///
    /// # Errors
    /// [`Error::InvalidClientId`], as for [`Signer::new`].
    pub fn with_key(client_id: &str, key: Key) -> Result<Signer, Error> {
        if client_id.is_empty() || !client_id.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::InvalidClientId);
        }
        let client_id = String::try_from(client_id).map_err(|_| Error::InvalidClientId)?;
        Ok(Signer { client_id, key })
    }

    /// The client id.
    #[must_use]
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The `x-signature` value; see [`sign`].
    ///
    /// # Errors
    /// As [`sign`].
    pub fn sign(&self, timestamp_ms: u64, endpoint: &str) -> Result<Signature, Error> {
        sign(&self.key, timestamp_ms, endpoint)
    }

    /// Checks an inbound `x-signature` for `endpoint` at `timestamp_ms`; see [`verify`].
    ///
    /// # Errors
    /// As [`verify`].
    pub fn verify<S: AsRef<[u8]> + ?Sized>(
        &self,
        timestamp_ms: u64,
        endpoint: &str,
        signature: &S,
    ) -> Result<(), Error> {
        verify(&self.key, timestamp_ms, endpoint, signature)
    }

    /// All three headers for a request to `endpoint` at `timestamp_ms`.
    ///
    /// # Errors
    /// As [`sign`].
    pub fn headers(&self, timestamp_ms: u64, endpoint: &str) -> Result<Headers<'_>, Error> {
        Decimal::digits(timestamp_ms, |digits| {
            self.headers_formatted(digits, endpoint)
        })
    }

    /// [`Signer::headers`] with the timestamp's digits (by [`Decimal`]).
    fn headers_formatted(&self, digits: &[u8], endpoint: &str) -> Result<Headers<'_>, Error> {
        let signature = sign_formatted(&self.key, digits, endpoint)?;
        // Pushed as ASCII characters (`& 0x7F` tells the compiler so: each is one byte, and
        // the digits are not validated again as UTF-8); at most 20, so the capacity error
        // cannot happen.
        let mut timestamp = String::new();
        for &digit in digits {
            timestamp
                .push(char::from(digit & 0x7F))
                .map_err(|_| Error::BufferTooSmall {
                    needed: digits.len(),
                })?;
        }
        Ok(Headers {
            client_id: &self.client_id,
            timestamp,
            signature,
        })
    }
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("client_id", &self.client_id.as_str())
            .field("key", &self.key)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::new(b"k").unwrap()
    }

    #[test]
    fn endpoint_rules() {
        let mut buf = [0u8; 64];
        let none: [(&str, &str); 0] = [];
        assert_eq!(write_endpoint("/a?x=1", none, &mut buf), Ok("/a?x=1"));
        assert_eq!(
            write_endpoint("a", none, &mut buf),
            Err(Error::EndpointNotAbsolute)
        );
        assert_eq!(
            write_endpoint("", none, &mut buf),
            Err(Error::EndpointNotAbsolute)
        );
        assert_eq!(
            write_endpoint("/a?x=1", [("y", "2")], &mut buf),
            Err(Error::PathHasQuery)
        );
        assert_eq!(
            write_endpoint("/a#f", [("y", "2")], &mut buf),
            Err(Error::EndpointInvalidChar)
        );
        assert_eq!(
            write_endpoint("/a#f", none, &mut buf),
            Err(Error::EndpointInvalidChar)
        );
        assert_eq!(
            write_endpoint("/a b", none, &mut buf),
            Err(Error::EndpointInvalidChar)
        );
        assert_eq!(
            write_endpoint("/é", none, &mut buf),
            Err(Error::EndpointInvalidChar)
        );
        assert_eq!(
            write_endpoint("/a", [("y", "2")], &mut []),
            Err(Error::BufferTooSmall { needed: 6 })
        );
    }

    #[test]
    fn timestamps_at_the_extremes() {
        let mut buf = [0u8; 64];
        assert_eq!(string_to_sign(0, "/p", &mut buf), Ok("0:/p"));
        assert_eq!(
            string_to_sign(u64::MAX, "/p", &mut buf),
            Ok("18446744073709551615:/p")
        );
        let signer = Signer::with_key("id", key()).unwrap();
        assert_eq!(
            signer.headers(u64::MAX, "/p").unwrap().timestamp(),
            "18446744073709551615"
        );
        assert_eq!(signer.headers(0, "/p").unwrap().timestamp(), "0");
    }

    #[test]
    fn client_id_checked() {
        assert_eq!(
            Signer::with_key("", key()).err(),
            Some(Error::InvalidClientId)
        );
        assert_eq!(
            Signer::with_key("a\r\nb", key()).err(),
            Some(Error::InvalidClientId)
        );
        let long = [b'a'; CLIENT_ID_MAX_LEN + 1];
        let long = core::str::from_utf8(&long).unwrap();
        assert_eq!(
            Signer::with_key(long, key()).err(),
            Some(Error::InvalidClientId)
        );
        assert!(Signer::with_key(&long[1..], key()).is_ok());
    }

    #[test]
    fn string_to_sign_untouched_when_too_small() {
        let mut buf = [0u8; 4];
        assert_eq!(string_to_sign(0, "/p", &mut buf), Ok("0:/p"));
        let mut small = [9u8; 4];
        assert_eq!(
            string_to_sign(10, "/p", &mut small),
            Err(Error::BufferTooSmall { needed: 5 })
        );
        assert_eq!(small, [9; 4]);
    }

    /// Any text that is not a matching tag is a mismatch, whatever length it decodes to: a
    /// verifier must never see a buffer detail instead of the verdict.
    #[test]
    fn every_wrong_signature_is_invalid_signature() {
        let good = sign(&key(), 1, "/p").unwrap();
        let long_tag = "A".repeat(44 + 4);
        let mut wrong = [0u8; 44];
        wrong.copy_from_slice(good.as_bytes());
        wrong[0] = if wrong[0] == b'A' { b'B' } else { b'A' };
        let wrong = core::str::from_utf8(&wrong).unwrap();
        for bad in [
            long_tag.as_str(),
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAA",
            "",
            "!!!!",
            &good[..43],
            wrong,
        ] {
            assert_eq!(
                verify(&key(), 1, "/p", bad),
                Err(Error::InvalidSignature),
                "{bad}"
            );
        }
        assert_eq!(
            verify(&key(), 1, "/p", b"\xff\xfe".as_slice()),
            Err(Error::InvalidSignature)
        );
        assert_eq!(verify(&key(), 1, "/p", good.as_str()), Ok(()));
    }

    #[test]
    fn timestamps_are_ascii_digits_within_u64() {
        assert_eq!(parse_timestamp(b"0"), Ok(0));
        assert_eq!(parse_timestamp(b"0001765454073000"), Ok(1_765_454_073_000));
        assert_eq!(parse_timestamp(b"18446744073709551615"), Ok(u64::MAX));
        let invalid = Err(Error::InvalidField {
            field: HEADER_TIMESTAMP,
        });
        let long_zeros = [b'0'; 5000];
        assert_eq!(parse_timestamp(&long_zeros), Ok(0));
        let mut long = [b'9'; 5000];
        long[0] = b'1';
        for bad in [
            &b""[..],
            b"18446744073709551616",
            b"+1",
            b"-1",
            b" 1",
            b"1 ",
            b"1_000",
            "\u{661}".as_bytes(),
            b"1.0",
            &long,
        ] {
            assert_eq!(parse_timestamp(bad), invalid, "{bad:?}");
        }
    }
}

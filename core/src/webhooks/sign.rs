//! Signing a webhook as its provider does: for tests, and for services that send them.

use heapless::String;

use super::Provider;
use crate::canonical::{Parts, SIGNATURE_MAX_LEN, Timestamp};
use crate::codec::Decimal;
use crate::time::UnixSeconds;
use crate::{Error, Key};

/// The headers a webhook's sender sets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentHeaders {
    provider: Provider,
    /// Stripe's `t=…,v1=…` is the longest value: 2 + 20 digits + 4 + 64.
    signature: String<{ SIGNATURE_MAX_LEN + 32 }>,
    timestamp: Option<String<{ Decimal::MAX_LEN }>>,
}

impl SentHeaders {
    /// The signature header's value.
    #[must_use]
    pub fn signature(&self) -> &str {
        &self.signature
    }

    /// The timestamp header's value, for a provider that sends it on its own (Slack).
    #[must_use]
    pub fn timestamp(&self) -> Option<&str> {
        self.timestamp.as_deref()
    }

    /// `(name, value)` for each header: the timestamp's first, if any.
    pub fn pairs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let timestamp = self
            .provider
            .timestamp_header()
            .zip(self.timestamp.as_deref());
        timestamp
            .into_iter()
            .chain([(self.provider.signature_header(), self.signature())])
    }
}

/// The headers `provider` would send with `body` at `timestamp` (ignored by the providers
/// that sign none).
///
/// # Errors
/// [`Error::InvalidPart`] (`timestamp`) for a negative timestamp where one is signed.
pub fn sign(
    provider: Provider,
    key: &Key,
    body: &[u8],
    timestamp: UnixSeconds,
) -> Result<SentHeaders, Error> {
    let seconds = u64::try_from(timestamp.0).map_err(|_| Error::InvalidPart { part: "timestamp" });
    let digits = match provider.is_timestamped() {
        true => Some(Timestamp::new(seconds?)),
        false => None,
    };
    let parts = Parts {
        timestamp: digits.as_ref().map(Timestamp::as_bytes),
        body,
        ..Parts::default()
    };
    let tag = provider.scheme().sign(key, &parts)?;
    let full = Error::BufferTooSmall {
        needed: SIGNATURE_MAX_LEN + 32,
    };
    let mut signature = String::new();
    let mut timestamp = None;
    match (provider, digits) {
        (Provider::Stripe, Some(digits)) => {
            for piece in ["t=", digits.as_str(), ",v1=", &tag] {
                signature.push_str(piece).map_err(|_| full)?;
            }
        }
        (_, digits) => {
            signature.push_str(&tag).map_err(|_| full)?;
            timestamp = digits
                .map(|d| String::try_from(d.as_str()).map_err(|_| full))
                .transpose()?;
        }
    }
    Ok(SentHeaders {
        provider,
        signature,
        timestamp,
    })
}

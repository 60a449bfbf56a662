//! Checking an inbound webhook.

use core::borrow::Borrow;
use core::fmt;
use core::time::Duration;

use subtle::Choice;

use super::headers::{ReceivedHeader, find, seconds};
use super::{Provider, ReplayGuard, stripe};
use crate::canonical::Parts;
use crate::time::UnixSeconds;
use crate::{Error, Key, TAG_LEN};

/// How far a webhook's timestamp may be from the receiver's clock, either side, unless the
/// receiver says otherwise: the 5 minutes Slack and Stripe document.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// What a verified webhook was signed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Which of the verifier's keys matched (the first that did): while a secret is rotated,
    /// the index tells when the old one stops being used.
    pub key_index: usize,
    /// The signed timestamp, for the providers that sign one.
    pub timestamp: Option<UnixSeconds>,
}

/// Checks a provider's webhooks against one or more keys (several while a secret is
/// rotated).
///
/// The keys are a slice of [`Key`]s, or of anything that borrows as one (`K`), for callers
/// whose keys live inside their own structs (the C binding's `sigmint_key` array).
pub struct Verifier<'k, K = Key> {
    provider: Provider,
    keys: &'k [K],
    tolerance: Duration,
}

// By hand: derived, they would ask `K` to be `Clone` and `Copy`, which a `Key` is not.
impl<K> Clone for Verifier<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Verifier<'_, K> {}

impl<K: fmt::Debug> fmt::Debug for Verifier<'_, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("provider", &self.provider)
            .field("keys", &self.keys)
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

/// The received signatures to compare with.
enum Received<'a> {
    /// One tag, from the provider's signature header.
    One([u8; TAG_LEN]),
    /// Stripe's header, with a `v1` entry per secret it signed with.
    Stripe(&'a [u8]),
}

impl Received<'_> {
    /// Whether `tag` is among them, decided in constant time over all of them (a Stripe
    /// entry that is not 64 hex digits matches nothing).
    fn contains(&self, tag: &crate::Tag, scheme: crate::canonical::Scheme<'_>) -> Choice {
        match self {
            Received::One(received) => tag.ct_eq(received),
            Received::Stripe(value) => stripe::signatures(value)
                .filter_map(|text| scheme.tag_encoding().decode(text).ok())
                .fold(Choice::from(0), |hit, received| hit | tag.ct_eq(&received)),
        }
    }
}

impl<'k, K: Borrow<Key>> Verifier<'k, K> {
    /// A verifier of `provider`'s webhooks signed with any of `keys`, with
    /// [`DEFAULT_TOLERANCE`].
    #[must_use]
    pub const fn new(provider: Provider, keys: &'k [K]) -> Verifier<'k, K> {
        Verifier {
            provider,
            keys,
            tolerance: DEFAULT_TOLERANCE,
        }
    }

    /// The same verifier with another tolerance for the timestamp's distance from `now`.
    #[must_use]
    pub const fn with_tolerance(self, tolerance: Duration) -> Verifier<'k, K> {
        Verifier { tolerance, ..self }
    }

    /// Checks a request's `headers` (pairs of byte slices, [`Header`](super::Header), or any
    /// [`ReceivedHeader`]) and raw `body` at the receiver's time `now`.
    ///
    /// The headers are found whatever their case; the signature is checked before the
    /// timestamp, so that a refused timestamp always belongs to an authentic request.
    ///
    /// # Errors
    /// [`Error::EmptyKey`] when the verifier has no key; [`Error::MissingHeader`] and
    /// [`Error::MalformedHeader`] (each naming its header) for a header that is absent, given
    /// twice, or not in the provider's format; [`Error::InvalidSignature`] when no key's tag
    /// is among the received ones; [`Error::TimestampOutOfWindow`] for a signed timestamp
    /// further than the tolerance from `now`, either side.
    pub fn verify<H: ReceivedHeader>(
        &self,
        headers: &[H],
        body: &[u8],
        now: UnixSeconds,
    ) -> Result<Verified, Error> {
        self.check(headers, body, now).map(|(verified, _)| verified)
    }

    /// [`Verifier::verify`], then records the request in `guard`, refusing one it has seen.
    ///
    /// # Errors
    /// Those of [`Verifier::verify`]; [`Error::Replayed`] for a request `guard` has already
    /// admitted (or cannot rule out); the guard's own errors.
    pub fn verify_once<H: ReceivedHeader>(
        &self,
        headers: &[H],
        body: &[u8],
        now: UnixSeconds,
        guard: &mut dyn ReplayGuard,
    ) -> Result<Verified, Error> {
        let (verified, tag) = self.check(headers, body, now)?;
        guard.admit(&tag, verified.timestamp, now, self.tolerance)?;
        Ok(verified)
    }

    /// The verdict, and the matching tag (the request's identity for a replay guard).
    fn check<H: ReceivedHeader>(
        &self,
        headers: &[H],
        body: &[u8],
        now: UnixSeconds,
    ) -> Result<(Verified, [u8; TAG_LEN]), Error> {
        if self.keys.is_empty() {
            return Err(Error::EmptyKey);
        }
        let provider = self.provider;
        let scheme = provider.scheme();
        let name = provider.signature_header();
        let value = find(headers, name)?;
        let malformed = Error::MalformedHeader { header: name };
        let (timestamp, timestamp_header, received) = if provider == Provider::Stripe {
            (
                Some(stripe::timestamp(value)?),
                name,
                Received::Stripe(value),
            )
        } else {
            let timestamp = match provider.timestamp_header() {
                Some(ts_name) => Some((find(headers, ts_name)?, ts_name)),
                None => None,
            };
            let encoded = value
                .strip_prefix(scheme.prefix().as_bytes())
                .ok_or(malformed)?;
            let tag = scheme
                .tag_encoding()
                .decode(encoded)
                .map_err(|_| malformed)?;
            let ts_name = timestamp.map_or(name, |(_, n)| n);
            (timestamp.map(|(t, _)| t), ts_name, Received::One(tag))
        };
        let seconds = timestamp
            .map(|text| seconds(text, timestamp_header))
            .transpose()?;
        let parts = Parts {
            timestamp,
            body,
            ..Parts::default()
        };
        let mut matched = None;
        for (index, key) in self.keys.iter().enumerate() {
            let tag = scheme.tag(key.borrow(), &parts)?;
            let hit = bool::from(received.contains(&tag, scheme));
            if hit && matched.is_none() {
                matched = Some((index, *tag.as_bytes()));
            }
        }
        let (key_index, tag) = matched.ok_or(Error::InvalidSignature)?;
        let timestamp = match seconds {
            Some(seconds) => {
                let now = u64::try_from(now.0).unwrap_or(0);
                if seconds.abs_diff(now) > self.tolerance.as_secs() {
                    return Err(Error::TimestampOutOfWindow);
                }
                Some(UnixSeconds(i64::try_from(seconds).unwrap_or(i64::MAX)))
            }
            None => None,
        };
        Ok((
            Verified {
                key_index,
                timestamp,
            },
            tag,
        ))
    }
}

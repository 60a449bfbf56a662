//! Inbound webhooks: GitHub, Slack, Stripe and Shopify requests verified as their providers
//! document (headers found whatever their case, the timestamp window checked against the
//! caller's clock, any of several secrets accepted while one is rotated, tags compared in
//! constant time, replays refused through a store in the caller's memory), and signed as the
//! providers sign them, for tests and for sending.
//!
//! ```
//! use core::time::Duration;
//! use sigmint_core::{Key, time::UnixSeconds, webhooks::{self, Provider, Verifier}};
//!
//! let key = Key::new(b"8f742231b10e8888abcd99yyyzzz85a5")?;
//! let body = b"token=xyz&team_id=T1";
//! // The sender's headers...
//! let sent = webhooks::sign(Provider::Slack, &key, body, UnixSeconds(1_531_420_618))?;
//! let headers: Vec<(&[u8], &[u8])> =
//!     sent.pairs().map(|(n, v)| (n.as_bytes(), v.as_bytes())).collect();
//! // ...checked by the receiver, a minute later.
//! let keys = [key];
//! let verifier = Verifier::new(Provider::Slack, &keys);
//! let verified = verifier.verify(&headers, body, UnixSeconds(1_531_420_678))?;
//! assert_eq!(verified.key_index, 0);
//! assert!(verifier.verify(&headers, body, UnixSeconds(1_531_421_000)).is_err());
//! # Ok::<(), sigmint_core::Error>(())
//! ```

mod headers;
mod provider;
mod replay;
mod sign;
mod stripe;
mod verify;

pub use headers::{Header, ReceivedHeader};
pub use provider::Provider;
pub use replay::{DEFAULT_REPLAY_CAPACITY, ReplayGuard, Seen, SeenSet};
pub use sign::{SentHeaders, sign};
pub use verify::{DEFAULT_TOLERANCE, Verified, Verifier};

#[cfg(test)]
mod tests;

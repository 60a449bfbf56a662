//! Canonical strings to sign, for every HMAC-SHA256 request scheme: a [`Scheme`] is a
//! [`Template`] of parts and literal text (`{timestamp}:{path}`, `v0:{timestamp}:{body}`),
//! how its secret is written ([`SecretEncoding`]) and how its tag is written
//! ([`TagEncoding`], after a prefix such as `sha256=`).
//!
//! The template is checked once, when the scheme is made, without allocation; signing streams
//! the literal text and the [`Parts`] into the MAC, so the canonical string is never built
//! unless [`Scheme::string_to_sign`] is asked for it (to debug a mismatch). Fonbnk's request
//! signature is the [`Preset::Fonbnk`] scheme; [`Preset`] has the other partners' and the
//! webhook providers'.
//!
//! ```
//! use sigmint_core::canonical::{Parts, Preset};
//!
//! let slack = Preset::Slack.scheme();
//! let key = slack.key(b"8f742231b10e8888abcd99yyyzzz85a5")?;
//! let parts = Parts { timestamp: Some(b"1531420618"), body: b"token=xyz", ..Parts::default() };
//! let signature = slack.sign(&key, &parts)?;
//! assert!(signature.starts_with("v0="));
//! slack.verify(&key, &parts, signature.as_bytes())?;
//! # Ok::<(), sigmint_core::Error>(())
//! ```

mod field;
mod parts;
mod preset;
mod scheme;
mod tag;
mod template;

pub use field::Field;
pub use parts::{Parts, Timestamp};
pub(crate) use parts::{TimestampSource, check_path};
pub use preset::Preset;
pub use scheme::{PREFIX_MAX_LEN, SIGNATURE_MAX_LEN, Scheme, SecretEncoding, Signature};
pub use tag::TagEncoding;
pub use template::{Segment, Segments, Template};

#[cfg(test)]
mod tests;

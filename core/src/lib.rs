//! sigmint-core: partner-API request signing without allocation.
//!
//! `#![no_std]`, no `alloc`, no `unsafe`, no clock reads, no panics on any input. Everything
//! writes into buffers the caller owns and reports a too-small buffer as an error, never as a
//! truncated result.
//!
//! - [`crypto`]: HMAC-SHA256 [`Key`]s, precomputed once and zeroized on drop, from raw or
//!   base64 secrets, and which secrets may key a JWT.
//! - [`encode`]: base64, base64url and hex into caller buffers.
//! - [`query`]: query strings exactly as WHATWG `URLSearchParams` writes them.
//! - [`canonical`]: any HMAC-SHA256 request scheme as a template of parts (Fonbnk's,
//!   Coinbase's, Binance's, the webhook providers'), streamed into the MAC.
//! - `webhooks` (the `webhooks` feature): inbound GitHub, Slack, Stripe and Shopify webhooks
//!   verified (headers, timestamp window, rotated secrets, replays) and signed.
//! - `json`, `jws`, `jwt` (the `jwt` feature): a bounded JSON reader and writer, compact JWS
//!   and HS256 JWTs (parse, verify, validate, mint).
//! - [`providers`]: Fonbnk, sFOX and Mygiro: request signatures, headers, bodies, answers.
//! - [`time`]: Unix seconds and milliseconds as distinct types, and RFC 3339 dates.
//! - [`Error`]: the one error type, with the context a caller needs ([`ErrorKind`] for its
//!   code, name and message).
//!
//! Features: `jwt` (tokens and JSON), `providers` (the partner APIs' bodies and answers) and
//! `webhooks` are on by default; `serde` adds typed claims. With none, core is what a signing-only
//! terminal needs: keys, HMAC, encodings, queries and Fonbnk signatures and headers.
#![no_std]
#![forbid(unsafe_code)]
// Integer arithmetic that could overflow is checked, saturating or wrapping on purpose; the
// modules where it cannot (offsets into one validated text, parsed dates of bounded digits,
// compile-time tables) say why where they allow it.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod canonical;
mod codec;
pub mod crypto;
mod error;
#[cfg(feature = "jwt")]
mod jose;
#[cfg(feature = "jwt")]
pub mod json;
pub mod providers;
pub mod query;
mod scan;
mod sink;
pub mod time;
#[cfg(feature = "webhooks")]
pub mod webhooks;

pub use error::{Claim, Class, Error, ErrorKind};

/// Text encodings of binary values (base64, base64url, hex), always into caller buffers: each
/// function returns the written prefix of `out`, or [`Error::BufferTooSmall`] with `out`
/// untouched.
pub mod encode {
    pub use crate::codec::{base64, base64_len, base64url, base64url_len, hex, hex_len};
}
pub use crypto::{Key, Signing, TAG_LEN, Tag};
#[cfg(feature = "jwt")]
pub use jose::{jws, jwt};

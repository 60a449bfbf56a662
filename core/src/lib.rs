//! sigmint-core: partner-API request signing without allocation.
//!
//! `#![no_std]`, no `alloc`, no `unsafe`, no clock reads, no panics on any input. Everything
//! writes into buffers the caller owns and reports a too-small buffer as an error, never as a
//! truncated result.
//!
//! - [`Key`]: an HMAC-SHA256 key, precomputed once, zeroized on drop.
//! - [`encode`]: base64, base64url and hex into caller buffers.
//! - [`query`]: query strings exactly as WHATWG `URLSearchParams` writes them.
//! - [`providers::fonbnk`]: Fonbnk request signatures and headers.
//! - [`Error`]: the one error type.
//!
//! Features: `jwt` (tokens and JSON) and `providers` (the partner APIs' bodies and answers)
//! are on by default; `serde` adds typed claims. With none, core is what a signing-only
//! terminal needs: keys, HMAC, encodings, queries and Fonbnk signatures and headers.
#![no_std]
#![forbid(unsafe_code)]

mod codec;
mod crypto;
mod error;
#[cfg(feature = "jwt")]
mod jose;
#[cfg(feature = "jwt")]
pub mod json;
pub mod providers;
pub mod query;
mod sink;
pub mod time;

pub use error::Error;

/// Text encodings of binary values (base64, base64url, hex), always into caller buffers: each
/// function returns the written prefix of `out`, or [`Error::BufferTooSmall`] with `out`
/// untouched.
pub mod encode {
    pub use crate::codec::{base64, base64_len, base64url, base64url_len, hex, hex_len};
}
pub use crypto::{Key, Signing, TAG_LEN, Tag};
#[cfg(feature = "jwt")]
pub use jose::{jws, jwt};

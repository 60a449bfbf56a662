//! Text encodings of binary values and numbers, always into caller buffers: base64 and
//! base64url, hex, decimal, percent-encoding.
//!
//! Each function returns the written prefix of `out` as `&str`, or
//! [`Error::BufferTooSmall`] with `out` untouched. The `*_len` functions give the exact size
//! needed, for length negotiation.

pub(crate) mod base64;
mod decimal;
pub(crate) mod hex;
pub(crate) mod percent;

pub use base64::{base64, base64_len, base64url, base64url_len};
pub(crate) use decimal::{Decimal, parse_digits};
pub use hex::{hex, hex_len};

#[cfg(test)]
mod tests;

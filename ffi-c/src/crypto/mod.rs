//! Keys and MACs: `sigmint_key` and HMAC-SHA256 with it.

pub(crate) mod hmac;
pub(crate) mod key;

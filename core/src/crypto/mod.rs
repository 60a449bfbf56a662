//! Keys and MACs: HMAC-SHA256 keys prepared once (RustCrypto's `hmac` over `sha2`), tags
//! compared in constant time, and keys from the base64 secrets partners issue.

mod key;
mod secret;

pub use key::{Key, Signing, TAG_LEN, Tag};

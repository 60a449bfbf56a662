//! Keys and MACs: HMAC-SHA256 keys prepared once (RustCrypto's `hmac` over `sha2`), tags
//! compared in constant time, keys from the base64 secrets partners issue, and the policy for
//! which secrets may key a JWT.

mod key;
#[cfg(feature = "jwt")]
mod policy;
pub(crate) mod secret;

pub use key::{Key, Signing, TAG_LEN, Tag};
#[cfg(feature = "jwt")]
pub use policy::{MIN_HS256_KEY_LEN, check_jwt_secret};

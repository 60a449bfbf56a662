//! Fonbnk partner-API request signing.
//!
//! Every request carries three headers: `x-client-id`, `x-timestamp` (Unix milliseconds) and
//! `x-signature` = base64(HMAC-SHA256(base64-decode(client secret), "{timestamp}:{endpoint}")),
//! where the endpoint is the path plus, when there are query parameters, `?` and the query as
//! `URLSearchParams.toString()` writes it. The body is not signed.
//!
//! ```
//! use sigmint_core::providers::fonbnk::{self, Signer};
//!
//! let mut buf = [0u8; 128];
//! let endpoint = fonbnk::write_endpoint("/api/v2/orders", [("status", "pending")], &mut buf)?;
//! let signer = Signer::new("my-client-id", "bXktY2xpZW50LXNlY3JldA==")?;
//! let headers = signer.headers(1_697_040_000_000, endpoint)?;
//! assert_eq!(headers.timestamp(), "1697040000000");
//! for (name, value) in headers.pairs() {
//!     assert!(name.starts_with("x-") && !value.is_empty());
//! }
//! # Ok::<(), sigmint_core::Error>(())
//! ```

#[cfg(feature = "providers")]
mod request;
#[cfg(feature = "providers")]
mod response;
mod sign;
#[cfg(feature = "jwt")]
mod widget;

#[cfg(feature = "providers")]
pub use request::{Endpoint, Environment, KycSubmission, Request, UserQuery, sign_request};
#[cfg(feature = "providers")]
pub use response::{
    Document, KycState, KycStatus, Rule, RuleLimit, TokenKind, TokenLifetime, UserTokens,
    parse_kyc_state, parse_kyc_submit, parse_user_tokens,
};
#[cfg(feature = "jwt")]
pub use widget::widget_signature;

pub use sign::{
    CLIENT_ID_MAX_LEN, DEFAULT_WINDOW, HEADER_CLIENT_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP,
    Headers, SIGNATURE_LEN, Signature, Signer, TIMESTAMP_MAX_LEN, check_timestamp, parse_timestamp,
    sign, string_to_sign, verify, write_endpoint,
};

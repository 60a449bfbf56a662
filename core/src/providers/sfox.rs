//! sFOX enterprise user tokens: `POST /v1/enterprise/user-tokens/{user_id}` with
//! `Authorization: Bearer <enterprise API key>`.
//!
//! sFOX's advice: do not store user tokens; mint a new one whenever a user session needs it
//! (each lives 24 hours). [`UserToken::needs_refresh`] tells when a held one is about to lapse.

use crate::json::Value;
use crate::providers::{
    parse_object, required_object, required_plain_str, required_str, write_bearer,
    write_path_segment,
};
use crate::sink::{Sink, write_exact};
use core::time::Duration;

use crate::Error;
use crate::time::{self, UnixMillis};

/// The production API's base URL.
pub const BASE_URL: &str = "https://api.sfox.com";

fn write_user_token_path(user_id: &str, sink: &mut dyn Sink) -> Result<(), Error> {
    if user_id.is_empty() {
        return Err(Error::InvalidField { field: "user_id" });
    }
    sink.put(b"/v1/enterprise/user-tokens/")?;
    write_path_segment(user_id, sink)
}

/// Writes `/v1/enterprise/user-tokens/{user_id}`, the id percent-encoded as one path segment
/// (so `a/b` cannot reach another endpoint).
///
/// ```
/// let mut buf = [0u8; 64];
/// let path = sigmint_core::providers::sfox::user_token_path("client 7/a", &mut buf)?;
/// assert_eq!(path, "/v1/enterprise/user-tokens/client%207%2Fa");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidField`] for an empty id; [`Error::BufferTooSmall`] (`out` untouched).
pub fn user_token_path<'o>(user_id: &str, out: &'o mut [u8]) -> Result<&'o str, Error> {
    write_exact(out, |sink| write_user_token_path(user_id, sink))
}

/// Writes the `Authorization` value, `Bearer {api_key}`.
///
/// # Errors
/// [`Error::InvalidField`] for an empty key or one with a byte that is not visible ASCII;
/// [`Error::BufferTooSmall`].
pub fn authorization<'o>(api_key: &str, out: &'o mut [u8]) -> Result<&'o str, Error> {
    write_bearer(api_key, out)
}

/// The answer, `{"data": {"token", "partner_user_id", "expires"}}`.
#[derive(Clone, Copy, Debug)]
pub struct UserToken<'a> {
    /// The user token, as received.
    pub token: &'a str,
    /// `partner_user_id`: the id the token was made for.
    pub partner_user_id: Value<'a>,
    /// `expires`, as written (ISO-8601, UTC).
    pub expires: &'a str,
    /// `expires`, read.
    pub expires_at_ms: UnixMillis,
}

impl UserToken<'_> {
    /// Whether the token has expired at `now`.
    #[must_use]
    pub fn expired(&self, now: UnixMillis) -> bool {
        time::expired(self.expires_at_ms, now)
    }

    /// Whether to mint a new token at `now`: expired, or expiring within `margin`.
    #[must_use]
    pub fn needs_refresh(&self, now: UnixMillis, margin: Duration) -> bool {
        time::needs_refresh(self.expires_at_ms, now, margin)
    }
}

/// Parses the user-token answer.
///
/// ```
/// let body = br#"{"data":{"token":"bcf5ab","partner_user_id":"client_1","expires":"2024-05-14T19:22:09.901Z"}}"#;
/// let token = sigmint_core::providers::sfox::parse_user_token(body)?;
/// assert_eq!((token.token, token.expires_at_ms.0), ("bcf5ab", 1_715_714_529_901));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::ProviderError`] for a `{"message": …}` body; [`Error::MissingField`] /
/// [`Error::InvalidField`] for a missing or mistyped field; [`Error::InvalidDate`] for an
/// `expires` that is not an RFC 3339 timestamp.
pub fn parse_user_token(body: &[u8]) -> Result<UserToken<'_>, Error> {
    let doc = parse_object(body, "data")?;
    let data = required_object(doc, "data")?;
    let expires = required_plain_str(data, "expires")?;
    Ok(UserToken {
        token: required_plain_str(data, "token")?,
        partner_user_id: required_str(data, "partner_user_id")?,
        expires,
        expires_at_ms: time::parse_rfc3339(expires)?,
    })
}

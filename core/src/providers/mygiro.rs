//! Mygiro access tokens: `GET /v1/users/{userId}/generateaccesstoken?accountId=…` with
//! `Authorization: Bearer <JWT>` and the caller's `x-tag` header.

use crate::json::Value;
use crate::providers::{
    optional_str, parse_object, required_object, required_plain_str, required_str, write_bearer,
    write_path_segment,
};
use crate::sink::{Sink, write_exact};
use crate::time::{self, UnixMillis};
use crate::{Error, query};

/// The header carrying the caller's tag.
pub const HEADER_TAG: &str = "x-tag";

fn write_access_token_path(
    user_id: &str,
    account_id: &str,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    if user_id.is_empty() {
        return Err(Error::InvalidField { field: "userId" });
    }
    if account_id.is_empty() {
        return Err(Error::InvalidField { field: "accountId" });
    }
    sink.put(b"/v1/users/")?;
    write_path_segment(user_id, sink)?;
    sink.put(b"/generateaccesstoken?")?;
    query::write([("accountId", account_id)], sink)
}

/// Writes `/v1/users/{user_id}/generateaccesstoken?accountId={account_id}`: the user id
/// percent-encoded as a path segment, the account id as a query value.
///
/// ```
/// let mut buf = [0u8; 96];
/// let path = sigmint_core::providers::mygiro::access_token_path("5a981078f4442500195c7201", "5a981078f4442500195c7205", &mut buf)?;
/// assert_eq!(path, "/v1/users/5a981078f4442500195c7201/generateaccesstoken?accountId=5a981078f4442500195c7205");
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidField`] for an empty id; [`Error::BufferTooSmall`] (`out` untouched).
pub fn access_token_path<'o>(
    user_id: &str,
    account_id: &str,
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    write_exact(out, |sink| {
        write_access_token_path(user_id, account_id, sink)
    })
}

/// Writes the `Authorization` value, `Bearer {jwt}`.
///
/// # Errors
/// [`Error::InvalidField`] for an empty token or one with a byte that is not visible ASCII;
/// [`Error::BufferTooSmall`].
pub fn authorization<'o>(jwt: &str, out: &'o mut [u8]) -> Result<&'o str, Error> {
    write_bearer(jwt, out)
}

/// Checks an `x-tag` value: visible ASCII (it goes into a header as-is).
///
/// # Errors
/// [`Error::InvalidField`] when empty or holding a byte that is not visible ASCII.
pub fn check_tag(tag: &str) -> Result<(), Error> {
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Error::InvalidField { field: HEADER_TAG });
    }
    Ok(())
}

/// The answer's `data`.
#[derive(Clone, Copy, Debug)]
pub struct AccessToken<'a> {
    /// `token`, as received.
    pub token: &'a str,
    /// `resetToken`.
    pub reset_token: Option<Value<'a>>,
    /// `type`, such as `bearer`.
    pub kind: Option<Value<'a>>,
    /// `user`: the user's id.
    pub user: Option<Value<'a>>,
    /// `_id`: the token record's id.
    pub id: Option<Value<'a>>,
    /// `createdAt`, as written.
    pub created_at: &'a str,
    /// `createdAt`, read.
    pub created_at_ms: UnixMillis,
}

/// Parses `{"status": "success", "data": {…}}`.
///
/// # Errors
/// [`Error::ProviderError`] when `status` is not `"success"` (or the body is the provider's
/// `{"message": …}`); [`Error::MissingField`] / [`Error::InvalidField`] for a missing or
/// mistyped field; [`Error::InvalidDate`] for a `createdAt` that is not RFC 3339.
pub fn parse_access_token(body: &[u8]) -> Result<AccessToken<'_>, Error> {
    let doc = parse_object(body, "status")?;
    if !required_str(doc, "status")?.str_eq("success") {
        return Err(Error::ProviderError);
    }
    let data = required_object(doc, "data")?;
    let created_at = required_plain_str(data, "createdAt")?;
    Ok(AccessToken {
        token: required_plain_str(data, "token")?,
        reset_token: optional_str(data, "resetToken")?,
        kind: optional_str(data, "type")?,
        user: optional_str(data, "user")?,
        id: optional_str(data, "_id")?,
        created_at,
        created_at_ms: time::parse_rfc3339(created_at)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_keep_the_provider_text() {
        let body = br#"{"status":"error","message":"Account not found"}"#;
        assert_eq!(parse_access_token(body).err(), Some(Error::ProviderError));
        let mut scratch = [0u8; 32];
        assert_eq!(
            crate::providers::error_message(body, &mut scratch),
            Ok("Account not found")
        );
        assert_eq!(
            check_tag("tag 1"),
            Err(Error::InvalidField { field: "x-tag" })
        );
        assert!(check_tag("Bkg-KeqSuf").is_ok());
    }
}

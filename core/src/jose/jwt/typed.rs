//! Typed claims through serde: decoded into the caller's type, minted from it.

use super::{Validation, decode, encode_json};
use crate::jws;
use crate::{Error, Key};

/// Decodes, verifies and validates an HS256 JWT exactly as [`decode`] does, then
/// deserializes its claims into a `T`, in the shape of `jsonwebtoken::decode::<Claims>`.
///
/// `T` borrows from `scratch`: `&'a str` fields are read in place, or unescaped into the part
/// of `scratch` after the decoded token when they hold escapes (`"caf\u00e9"`); nested
/// structs, `Option`, integers, bools, enums (as serde_json writes them) and arrays (into a
/// `heapless::Vec`) work as serde says. Claims `T` does not name are ignored, unless it says
/// `#[serde(deny_unknown_fields)]`. Floats are refused (core has no float parser); an `f64`
/// field gets [`Error::InvalidClaimType`].
///
/// ```
/// use serde::Deserialize;
/// use sigmint_core::time::UnixSeconds;
/// use sigmint_core::{Key, jwt};
///
/// #[derive(Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// struct UserData<'a> {
///     email: &'a str,
///     country_iso_code: &'a str,
///     is_dev_user: bool,
/// }
///
/// #[derive(Deserialize)]
/// struct Claims<'a> {
///     #[serde(borrow, rename = "userData")]
///     user_data: UserData<'a>,
///     uid: &'a str,
///     exp: i64,
/// }
///
/// let key = Key::new(b"fonbnk-test-signing-key-0123456789abcdef")?;
/// let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyRGF0YSI6eyJ1c2VybmFtZSI6InVzZXIjLWhsRjNmek8iLCJfaWQiOiI2OTI4MWQ0ZjE4NjEzYmM5ZGU3MmVkOGUiLCJpc0RldlVzZXIiOmZhbHNlLCJjb3VudHJ5SXNvQ29kZSI6Ik5HIiwiaXNBbWJhc3NhZG9yIjpmYWxzZSwiZW1haWwiOiJ0ZXN0dXNlcituZ0Bmb25ibmsuY29tIn0sInR5cGUiOiJhY2Nlc3MiLCJ1aWQiOiIwMUtDNk02TTJEVkZSSzkxNUtZUTdQQkJBUCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjo0MTAyNDQ0ODAwfQ.IdpPN2d8X3-jscfk2xS_MoSOvat2eeouMRL90ERQTqE";
/// let validation = jwt::Validation {
///     token_type: Some("access"),
///     ..jwt::Validation::new(UnixSeconds(1_765_454_133)) // now: core reads no clock
/// };
/// let mut scratch = [0u8; 1024]; // at least jwt::decode_as_scratch_len(token)
/// let claims: Claims = jwt::decode_as(token, &mut scratch, &key, &validation)?;
/// assert_eq!(claims.user_data.email, "testuser+ng@fonbnk.com");
/// assert_eq!((claims.uid, claims.exp), ("01KC6M6M2DVFRK915KYQ7PBBAP", 4_102_444_800));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `scratch` is shorter than [`decode_as_scratch_len`] (checked
/// first); those of [`decode`]; then [`Error::InvalidClaimType`] for a claim of the wrong
/// type, an integer beyond its field's range, or anything else `T` refuses;
/// [`Error::MissingClaim`] for a field `T` requires that the token lacks;
/// [`Error::IntegerOverflow`] for an integer beyond 64 bits.
#[cfg(feature = "serde")]
pub fn decode_as<'a, T: serde::Deserialize<'a>, K: AsRef<[u8]> + ?Sized>(
    token: &'a K,
    scratch: &'a mut [u8],
    key: &Key,
    validation: &Validation<'_>,
) -> Result<T, Error> {
    crate::sink::prefix(scratch, decode_as_scratch_len(token))?;
    let (work, arena) = scratch.split_at_mut(jws::scratch_len(token));
    let verified = decode(token, work, key, validation)?;
    crate::json::de::from_value(verified.claims().json(), arena)
}

/// The scratch [`decode_as`] needs for `token`: the decoded token ([`jws::scratch_len`]) and
/// room to unescape every string of its payload.
#[cfg(feature = "serde")]
#[must_use]
pub fn decode_as_scratch_len<T: AsRef<[u8]> + ?Sized>(token: &T) -> usize {
    let token = token.as_ref();
    let payload = token
        .splitn(3, |&b| b == b'.')
        .nth(1)
        .map_or(0, <[u8]>::len);
    jws::scratch_len(token).saturating_add(crate::codec::base64::decoded_len(payload))
}

/// Mints an HS256 JWT whose claims are `claims` serialized (by serde-json-core) into
/// `json_scratch`, then checked and signed as [`encode_json`] does, into `out`.
///
/// ```
/// use serde::Serialize;
/// use sigmint_core::{Key, jwt};
///
/// #[derive(Serialize)]
/// struct Claims<'a> {
///     sub: &'a str,
///     exp: i64,
/// }
///
/// let key = Key::new(b"secret")?;
/// let (mut json, mut out) = ([0u8; 128], [0u8; 256]);
/// let token = jwt::encode_as(&key, &Claims { sub: "user-1", exp: 1_900_000_000 }, &mut json, &mut out)?;
/// assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `json_scratch` cannot hold the JSON or `out` the token (for
/// `json_scratch`, serde cannot tell the size, so `needed` is a lower bound: the token's length
/// for one byte more of JSON, enough for both buffers only if the JSON fits then);
/// [`Error::InvalidClaimType`] when `claims` cannot be serialized (a map with keys that are not
/// strings, say); those of [`encode_json`].
#[cfg(feature = "serde")]
pub fn encode_as<'o, T: serde::Serialize + ?Sized>(
    key: &Key,
    claims: &T,
    json_scratch: &mut [u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    let len = serde_json_core::to_slice(claims, json_scratch).map_err(|e| match e {
        // serde stops at the first byte that does not fit: the size is known only to be
        // larger, and the token's for that much JSON is the least that can work.
        serde_json_core::ser::Error::BufferFull => Error::BufferTooSmall {
            needed: super::encoded_len(json_scratch.len().saturating_add(1)),
        },
        _ => Error::InvalidClaimType {
            claim: crate::Claim::Unnamed,
        },
    })?;
    encode_json(key, json_scratch.get(..len).unwrap_or_default(), out)
}

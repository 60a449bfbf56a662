//! HS256 JWTs: claims read in place, validated against a caller's clock, minted into buffers.
//!
//! ```
//! use sigmint_core::time::UnixSeconds;
//! use sigmint_core::{Key, jwt};
//!
//! let key = Key::new(b"a secret of reasonable length!!")?;
//! let claims = jwt::NewClaims { sub: Some("user-1"), exp: Some(UnixSeconds(1_700_000_900)), ..Default::default() };
//! let mut json = [0u8; 128];
//! let mut token = [0u8; 256];
//! let token = jwt::encode(&key, &claims, &mut json, &mut token)?;
//!
//! let mut scratch = [0u8; 256];
//! let validation = jwt::Validation::new(UnixSeconds(1_700_000_000)); // "now": core reads no clock
//! let verified = jwt::decode(token, &mut scratch, &key, &validation)?;
//! assert!(verified.claims().sub()?.unwrap().str_eq("user-1"));
//! # Ok::<(), sigmint_core::Error>(())
//! ```
//!
//! The parts: [`Claims`] reads a claims set, [`Validation`] says what to check and
//! `validate` checks it, `mint` writes new tokens, `typed` reads claims into serde types
//! (the `serde` feature).

mod claims;
mod mint;
#[cfg(feature = "serde")]
mod typed;
mod validate;

pub use claims::{Audience, Claims};
pub use mint::{
    HS256_HEADER, NewClaims, encode, encode_json, encode_json_with_header, encoded_len,
    encoded_len_with_header,
};
#[cfg(feature = "serde")]
pub use typed::{decode_as, decode_as_scratch_len, encode_as};
pub use validate::{MAX_LIST_LEN, Validation};

use crate::jws::{self, Limits};
use crate::{Error, Key};

/// A token whose signature verified and whose claims passed validation.
#[derive(Debug)]
pub struct VerifiedToken<'a> {
    header: jws::Header<'a>,
    claims: Claims<'a>,
}

impl<'a> VerifiedToken<'a> {
    /// The authenticated header.
    #[must_use]
    pub fn header(&self) -> &jws::Header<'a> {
        &self.header
    }

    /// The authenticated, validated claims.
    #[must_use]
    pub fn claims(&self) -> &Claims<'a> {
        &self.claims
    }
}

/// The scratch that [`decode`] and [`dangerous_unverified`] need for `token` to find claims
/// by path without rescanning the payload: [`jws::scratch_len`] and room for an index of
/// every claim a path reaches. With less (but at least [`jws::scratch_len`]), decoding works
/// the same and lookups read the payload's text.
///
/// ```
/// use sigmint_core::{jws, jwt};
///
/// let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.sig";
/// assert!(jwt::indexed_scratch_len(token) > jws::scratch_len(token));
/// ```
#[cfg(feature = "claim-index")]
#[must_use]
pub fn indexed_scratch_len<T: AsRef<[u8]> + ?Sized>(token: &T) -> usize {
    let token = token.as_ref();
    let payload = token.split(|&b| b == b'.').nth(1).map_or(0, <[u8]>::len);
    jws::scratch_len(token).saturating_add(crate::json::index_room_for(
        crate::codec::base64::decoded_len(payload),
    ))
}

/// Decodes, verifies and validates an HS256 JWT, given as text or its bytes; `scratch` holds
/// the decoded header and payload (see [`jws::scratch_len`]), and an index of the claims
/// when it has room for one (see `indexed_scratch_len`, the `claim-index` feature).
///
/// # Errors
/// Those of [`jws::decode`], [`jws::Unverified::verify`], [`Claims::parse`] and
/// [`Claims::validate`], in that order.
pub fn decode<'a, T: AsRef<[u8]> + ?Sized>(
    token: &'a T,
    scratch: &'a mut [u8],
    key: &Key,
    validation: &Validation<'_>,
) -> Result<VerifiedToken<'a>, Error> {
    decode_bytes(token.as_ref(), scratch, key, validation)
}

/// [`decode`], compiled once.
fn decode_bytes<'a>(
    token: &'a [u8],
    scratch: &'a mut [u8],
    key: &Key,
    validation: &Validation<'_>,
) -> Result<VerifiedToken<'a>, Error> {
    let token = jws::token_text(token, &validation.limits)?;
    // Split at its dots once: each search runs over the whole payload.
    let segments = jws::segments(token);
    let (header_scratch, payload_scratch) =
        jws::split_scratch(token, segments, scratch, &validation.limits)?;
    let verified = jws::decode_segments(token, segments, header_scratch, &validation.limits)?
        .verify(key, validation.algorithms)?;
    let (payload, index_room) = jws::split_payload_scratch(verified.payload_len(), payload_scratch);
    let payload = verified.decode_payload(payload)?;
    let (claims, present) =
        Claims::parse_noting(payload, &validation.limits, validation.required, index_room)?;
    claims.validate_noted(verified.header(), validation, present)?;
    Ok(VerifiedToken {
        header: *verified.header(),
        claims,
    })
}

/// Reads a token's header and claims **without** verifying anything: for routing (picking a
/// key by `kid`) or display, never for decisions.
///
/// # Errors
/// Those of [`jws::decode`] and [`Claims::parse`].
pub fn dangerous_unverified<'a, T: AsRef<[u8]> + ?Sized>(
    token: &'a T,
    scratch: &'a mut [u8],
    limits: &Limits,
) -> Result<(jws::Header<'a>, Claims<'a>), Error> {
    let token = jws::token_text(token.as_ref(), limits)?;
    let segments = jws::segments(token);
    let (header_scratch, payload_scratch) = jws::split_scratch(token, segments, scratch, limits)?;
    let token = jws::decode_segments(token, segments, header_scratch, limits)?;
    let (payload, index_room) = jws::split_payload_scratch(token.payload_len(), payload_scratch);
    let payload = token.dangerous_decode_payload(payload)?;
    let (claims, _) = Claims::parse_noting(payload, limits, &[], index_room)?;
    Ok((*token.header(), claims))
}

#[cfg(test)]
mod tests;

//! Fonbnk user tokens: the answer of the user-token endpoints, each token's lifetime read
//! without verification, and when to ask for new ones.

use core::ffi::c_char;
use core::ptr::NonNull;

use core::time::Duration;
use sigmint_core::providers::fonbnk::{self, TokenKind, TokenLifetime};

use sigmint_core::time::{self, UnixSeconds};

use crate::abi::args::{self, put, required, text_bytes};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::abi::views::view;
use crate::result::sigmint_result;

/// What a Fonbnk user token is for (its `type` claim): `SIGMINT_FONBNK_TOKEN_ACCESS` or
/// `SIGMINT_FONBNK_TOKEN_REFRESH`.
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigmint_fonbnk_token_kind(u32);

/// `"access"`: lives 15 minutes.
pub const SIGMINT_FONBNK_TOKEN_ACCESS: sigmint_fonbnk_token_kind = sigmint_fonbnk_token_kind(1);
/// `"refresh"`: lives 14 days.
pub const SIGMINT_FONBNK_TOKEN_REFRESH: sigmint_fonbnk_token_kind = sigmint_fonbnk_token_kind(2);

/// A token's lifetime, read from its claims **without verification** (Fonbnk signs its tokens
/// with its own key): good for deciding when to ask for new ones, never for trusting them.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigmint_fonbnk_token_lifetime {
    /// The `type` claim.
    pub kind: sigmint_fonbnk_token_kind,
    /// `iat`, Unix seconds.
    pub issued_at: i64,
    /// `exp`, Unix seconds.
    pub expires_at: i64,
}

/// The answer of `SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2` and
/// `SIGMINT_FONBNK_ENDPOINT_USER_TOKENS`, as `sigmint_fonbnk_parse_user_tokens` fills it.
///
/// The tokens are views **into the body** that was parsed (not copied, not NUL-terminated):
/// valid as long as the body is. A token never holds JSON escapes, so each view is the token.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_fonbnk_user_tokens {
    /// `accessToken`, a JWT.
    pub access_token: sigmint_str,
    /// `refreshToken`, a JWT.
    pub refresh_token: sigmint_str,
    /// The access token's `type` (always `SIGMINT_FONBNK_TOKEN_ACCESS`), `iat` and `exp`.
    pub access: sigmint_fonbnk_token_lifetime,
    /// The refresh token's `type` (always `SIGMINT_FONBNK_TOKEN_REFRESH`), `iat` and `exp`.
    pub refresh: sigmint_fonbnk_token_lifetime,
}

fn lifetime(core: TokenLifetime) -> sigmint_fonbnk_token_lifetime {
    sigmint_fonbnk_token_lifetime {
        kind: match core.kind {
            TokenKind::Access => SIGMINT_FONBNK_TOKEN_ACCESS,
            TokenKind::Refresh => SIGMINT_FONBNK_TOKEN_REFRESH,
        },
        issued_at: core.issued_at.0,
        expires_at: core.expires_at.0,
    }
}

/// Parses the answer of the user-token endpoints, `{"accessToken":…,"refreshToken":…}`, in
/// `body[0..body_len]`, and reads each token's `type`, `iat` and `exp` **without verifying
/// it**, into `*tokens` (views into `body`: see `sigmint_fonbnk_user_tokens`).
///
/// `scratch[0..scratch_cap]` holds one token's decoded header and payload at a time (Fonbnk's
/// need about 300 bytes; 1 KiB is plenty); it may be written on any path. On
/// `SIGMINT_RESULT_BUFFER_TOO_SMALL` the size this body needs goes to `*scratch_len` (`scratch`
/// may be NULL when `scratch_cap` is 0, to ask for it).
///
/// Returns `SIGMINT_RESULT_RESPONSE_TOO_LARGE` for a body over
/// `SIGMINT_PROVIDER_MAX_RESPONSE_LEN`; `SIGMINT_RESULT_INVALID_JSON` (also for a body that is
/// not an object), `SIGMINT_RESULT_INVALID_UTF8`, `SIGMINT_RESULT_DUPLICATE_KEY`,
/// `SIGMINT_RESULT_JSON_TOO_DEEP` for the body; `SIGMINT_RESULT_PROVIDER_ERROR` for an error
/// body such as `{"message":…}` (its text: `sigmint_provider_error_message`);
/// `SIGMINT_RESULT_MISSING_FIELD` / `SIGMINT_RESULT_INVALID_FIELD` for a token missing or not a
/// plain string; for a token that is not a JWT, the errors of
/// `sigmint_jwt_dangerous_decode_unverified`; `SIGMINT_RESULT_MISSING_CLAIM` without `iat` or
/// `exp`, `SIGMINT_RESULT_INVALID_CLAIM_TYPE` when they are not integers;
/// `SIGMINT_RESULT_WRONG_TOKEN_TYPE` when the access token's `type` is not `"access"` or the
/// refresh token's not `"refresh"`. `*tokens` is written only on success.
///
/// # Safety
/// `body` must be readable for `body_len` bytes (and stay so while the views are used),
/// `scratch` writable for `scratch_cap` bytes, `scratch_len` writable for a `size_t` and
/// `tokens` for a `sigmint_fonbnk_user_tokens`; no buffer may overlap another.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_parse_user_tokens(
    body: *const c_char,
    body_len: usize,
    scratch: *mut u8,
    scratch_cap: usize,
    scratch_len: *mut usize,
    tokens: *mut sigmint_fonbnk_user_tokens,
) -> sigmint_result {
    ffi(|| {
        let (out, scratch_len) = (required(tokens)?, required(scratch_len)?);
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (body, scratch) = unsafe {
            (
                text_bytes(body, body_len)?,
                args::scratch(scratch, scratch_cap)?,
            )
        };
        let parsed = fonbnk::parse_user_tokens(body, scratch).map_err(|error| {
            if let Some(needed) = error.needed() {
                // SAFETY: the caller guarantees `scratch_len` is writable.
                unsafe { NonNull::write(scratch_len, needed) };
            }
            sigmint_result::from(error)
        })?;
        let filled = sigmint_fonbnk_user_tokens {
            access_token: view(parsed.access_token),
            refresh_token: view(parsed.refresh_token),
            access: lifetime(parsed.access),
            refresh: lifetime(parsed.refresh),
        };
        // SAFETY: the caller guarantees `tokens` is writable.
        unsafe { put(out, filled) }
    })
}

/// Writes to `*expired` whether the token of `*token` has expired at `now` (Unix seconds, from
/// the caller's clock): `now >= expires_at`.
///
/// # Safety
/// `token` must point to a `sigmint_fonbnk_token_lifetime` and `expired` be writable for a
/// `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_token_expired(
    token: *const sigmint_fonbnk_token_lifetime,
    now: i64,
    expired: *mut bool,
) -> sigmint_result {
    ffi(|| {
        let (token, out) = (required(token.cast_mut())?, required(expired)?);
        // SAFETY: the caller guarantees `token` points to a lifetime, readable.
        let expires_at = unsafe { token.read() }.expires_at;
        // SAFETY: the caller guarantees `expired` is writable.
        unsafe {
            put(
                out,
                time::expired(UnixSeconds(expires_at), UnixSeconds(now)),
            )
        }
    })
}

/// Writes to `*needs_refresh` whether to get new tokens at `now` (Unix seconds): the token of
/// `*token` has expired, or expires within `margin` seconds (`now + margin >= expires_at`; a
/// margin cannot be negative).
/// Ask when the access token needs refreshing, with a margin of about a minute.
///
/// # Safety
/// `token` must point to a `sigmint_fonbnk_token_lifetime` and `needs_refresh` be writable for
/// a `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_token_needs_refresh(
    token: *const sigmint_fonbnk_token_lifetime,
    now: i64,
    margin: u64,
    needs_refresh: *mut bool,
) -> sigmint_result {
    ffi(|| {
        let (token, out) = (required(token.cast_mut())?, required(needs_refresh)?);
        // SAFETY: the caller guarantees `token` points to a lifetime, readable.
        let expires_at = unsafe { token.read() }.expires_at;
        let margin = Duration::from_secs(margin);
        let refresh = time::needs_refresh(UnixSeconds(expires_at), UnixSeconds(now), margin);
        // SAFETY: as above.
        unsafe { put(out, refresh) }
    })
}

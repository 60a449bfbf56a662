//! sFOX enterprise user tokens: `POST /v1/enterprise/user-tokens/{user_id}` with
//! `Authorization: Bearer <enterprise API key>`, its answer, and when to mint a new one.

use core::ffi::c_char;

use core::time::Duration;
use sigmint_core::providers::sfox;

use sigmint_core::time::{self, UnixMillis};

use crate::abi::args::{Output, put, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::abi::views::{static_text, static_view, string_view, view};
use crate::result::sigmint_result;

/// sFOX's production base URL, NUL-terminated.
static BASE_URL: &[u8] = static_text!(sfox::BASE_URL);

/// A user token, as `sigmint_sfox_parse_user_token` fills it.
///
/// Texts are views **into the body** that was parsed (not copied, not NUL-terminated), valid
/// as long as the body is. `token` and `expires` never hold JSON escapes, so they are the text
/// itself; `partner_user_id` is the string's contents as written (`sigmint_view_unescape`
/// resolves any escapes).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_sfox_user_token {
    /// `data.token`: the user token.
    pub token: sigmint_str,
    /// `data.partner_user_id`: the id the token was made for.
    pub partner_user_id: sigmint_str,
    /// `data.expires` as written (ISO-8601, UTC), such as `2024-05-14T19:22:09.901Z`.
    pub expires: sigmint_str,
    /// `data.expires` in Unix milliseconds.
    pub expires_at_ms: i64,
}

/// Points `*url` at sFOX's base URL, `https://api.sfox.com` (no trailing `/`): a static text,
/// NUL-terminated too.
///
/// # Safety
/// `url` must be writable for a `sigmint_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_sfox_base_url(url: *mut sigmint_str) -> sigmint_result {
    ffi(|| {
        let url = required(url)?;
        // SAFETY: the caller guarantees `url` is writable.
        unsafe { put(url, static_view(BASE_URL)) }
    })
}

/// Writes the path of a user-token request, `/v1/enterprise/user-tokens/{user_id}`, with
/// `user_id[0..user_id_len]` percent-encoded as one path segment (every byte but `A-Z a-z 0-9
/// - . _ ~` as `%XX`, so `a/b` cannot reach another endpoint), to `out` (not NUL-terminated)
/// and its length to `*out_len`. Send it with `POST` to the base URL.
///
/// Returns `SIGMINT_RESULT_INVALID_FIELD` for an empty id, `SIGMINT_RESULT_INVALID_UTF8` when
/// it is not UTF-8. Buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `user_id` must be readable for `user_id_len` bytes, `out` writable for `out_cap` bytes and
/// `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_sfox_user_token_path(
    user_id: *const c_char,
    user_id_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, user_id) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(user_id, user_id_len)?,
            )
        };
        let user_id = utf8(user_id)?;
        output.fill(|buf| Ok(sfox::user_token_path(user_id, buf)?.len()))
    })
}

/// Writes the `Authorization` value of an sFOX enterprise request, `Bearer {api_key}`, to
/// `out` (not NUL-terminated) and its length to `*out_len`: 7 bytes more than the key.
///
/// Returns `SIGMINT_RESULT_INVALID_FIELD` for an empty key or one holding a byte that is not
/// visible ASCII (it goes into a header as-is), `SIGMINT_RESULT_INVALID_UTF8` when it is not
/// UTF-8. Buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `api_key` must be readable for `api_key_len` bytes, `out` writable for `out_cap` bytes and
/// `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_sfox_authorization(
    api_key: *const c_char,
    api_key_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, api_key) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(api_key, api_key_len)?,
            )
        };
        let api_key = utf8(api_key)?;
        output.fill(|buf| Ok(sfox::authorization(api_key, buf)?.len()))
    })
}

/// Parses the answer of a user-token request,
/// `{"data":{"token":…,"partner_user_id":…,"expires":…}}`, in `body[0..body_len]` into
/// `*token` (views into `body`: see `sigmint_sfox_user_token`), with `expires` converted to
/// Unix milliseconds.
///
/// Returns the body errors of `sigmint_fonbnk_parse_user_tokens`
/// (`SIGMINT_RESULT_RESPONSE_TOO_LARGE`, `SIGMINT_RESULT_INVALID_JSON`, …,
/// `SIGMINT_RESULT_PROVIDER_ERROR` for a `{"message":…}` body); `SIGMINT_RESULT_MISSING_FIELD`
/// / `SIGMINT_RESULT_INVALID_FIELD` for a missing or mistyped field (`token` and `expires`
/// must be strings without escapes); `SIGMINT_RESULT_INVALID_DATE` for an `expires` that is
/// not an RFC 3339 timestamp. `*token` is written only on success.
///
/// # Safety
/// `body` must be readable for `body_len` bytes (and stay so while the views are used) and
/// `token` writable for a `sigmint_sfox_user_token`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_sfox_parse_user_token(
    body: *const c_char,
    body_len: usize,
    token: *mut sigmint_sfox_user_token,
) -> sigmint_result {
    ffi(|| {
        let out = required(token)?;
        // SAFETY: the caller guarantees `body` is readable for `body_len` bytes.
        let body = unsafe { text_bytes(body, body_len) }?;
        let parsed = sfox::parse_user_token(body)?;
        let filled = sigmint_sfox_user_token {
            token: view(parsed.token),
            partner_user_id: string_view(parsed.partner_user_id),
            expires: view(parsed.expires),
            expires_at_ms: parsed.expires_at_ms.0,
        };
        // SAFETY: the caller guarantees `token` is writable.
        unsafe { put(out, filled) }
    })
}

/// Writes to `*expired` whether the user token of `*token` has expired at `now_ms` (Unix
/// milliseconds, from the caller's clock): `now_ms >= expires_at_ms`.
///
/// # Safety
/// `token` must point to a `sigmint_sfox_user_token` and `expired` be writable for a `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_sfox_token_expired(
    token: *const sigmint_sfox_user_token,
    now_ms: i64,
    expired: *mut bool,
) -> sigmint_result {
    ffi(|| {
        let (token, out) = (required(token.cast_mut())?, required(expired)?);
        // SAFETY: the caller guarantees `token` points to a user token, readable.
        let expires_at_ms = unsafe { token.read() }.expires_at_ms;
        // SAFETY: the caller guarantees `expired` is writable.
        unsafe {
            put(
                out,
                time::expired(UnixMillis(expires_at_ms), UnixMillis(now_ms)),
            )
        }
    })
}

/// Writes to `*needs_refresh` whether to mint a new user token at `now_ms` (Unix
/// milliseconds): the token of `*token` has expired, or expires within `margin_ms`
/// (`now_ms + margin_ms >= expires_at_ms`; a margin cannot be negative). sFOX's advice is not to store user tokens at all
/// but to mint one per session (each lives 24 hours).
///
/// # Safety
/// `token` must point to a `sigmint_sfox_user_token` and `needs_refresh` be writable for a
/// `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_sfox_token_needs_refresh(
    token: *const sigmint_sfox_user_token,
    now_ms: i64,
    margin_ms: u64,
    needs_refresh: *mut bool,
) -> sigmint_result {
    ffi(|| {
        let (token, out) = (required(token.cast_mut())?, required(needs_refresh)?);
        // SAFETY: the caller guarantees `token` points to a user token, readable.
        let expires_at_ms = unsafe { token.read() }.expires_at_ms;
        let margin = Duration::from_millis(margin_ms);
        let refresh = time::needs_refresh(UnixMillis(expires_at_ms), UnixMillis(now_ms), margin);
        // SAFETY: the caller guarantees `needs_refresh` is writable.
        unsafe { put(out, refresh) }
    })
}

//! Mygiro access tokens: `GET /v1/users/{userId}/generateaccesstoken?accountId=…` with
//! `Authorization: Bearer <JWT>` and the caller's `x-tag` header, and its answer.

use core::ffi::c_char;

use sigmint_core::providers::mygiro;

use crate::abi::args::{Output, put, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::abi::views::{optional_view, view};
use crate::result::sigmint_result;

/// An access token, as `sigmint_mygiro_parse_access_token` fills it.
///
/// Texts are views **into the body** that was parsed (not copied, not NUL-terminated), valid
/// as long as the body is. `token` and `created_at` never hold JSON escapes; the others are the
/// strings' contents as written (`sigmint_view_unescape` resolves any escapes), `{NULL, 0}`
/// when absent or `null`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_mygiro_access_token {
    /// `data.token`: the access token.
    pub token: sigmint_str,
    /// `data.resetToken`.
    pub reset_token: sigmint_str,
    /// `data.type`, such as `bearer`.
    pub kind: sigmint_str,
    /// `data.user`: the user's id.
    pub user: sigmint_str,
    /// `data._id`: the token record's id.
    pub id: sigmint_str,
    /// `data.createdAt` as written (ISO-8601), such as `2019-12-07T01:12:02.315Z`.
    pub created_at: sigmint_str,
    /// `data.createdAt` in Unix milliseconds.
    pub created_at_ms: i64,
}

/// Writes the path of an access-token request,
/// `/v1/users/{user_id}/generateaccesstoken?accountId={account_id}`, to `out` (not
/// NUL-terminated) and its length to `*out_len`: `user_id[0..user_id_len]` percent-encoded as
/// a path segment (as for `sigmint_sfox_user_token_path`), `account_id[0..account_id_len]` as
/// a query value (as `URLSearchParams` writes it). Send it with `GET`.
///
/// Returns `SIGMINT_RESULT_INVALID_FIELD` for an empty id, `SIGMINT_RESULT_INVALID_UTF8` when
/// one is not UTF-8. Buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `user_id` must be readable for `user_id_len` bytes, `account_id` for `account_id_len` bytes,
/// `out` writable for `out_cap` bytes and `out_len` for a `size_t`; outputs must not overlap
/// inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_mygiro_access_token_path(
    user_id: *const c_char,
    user_id_len: usize,
    account_id: *const c_char,
    account_id_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, user_id, account_id) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(user_id, user_id_len)?,
                text_bytes(account_id, account_id_len)?,
            )
        };
        let (user_id, account_id) = (utf8(user_id)?, utf8(account_id)?);
        output.fill(|buf| Ok(mygiro::access_token_path(user_id, account_id, buf)?.len()))
    })
}

/// Writes the `Authorization` value of a Mygiro request, `Bearer {jwt}`, to `out` (not
/// NUL-terminated) and its length to `*out_len`: 7 bytes more than the token.
///
/// Returns `SIGMINT_RESULT_INVALID_FIELD` for an empty token or one holding a byte that is not
/// visible ASCII, `SIGMINT_RESULT_INVALID_UTF8` when it is not UTF-8. Buffers work as for
/// `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `jwt` must be readable for `jwt_len` bytes, `out` writable for `out_cap` bytes and `out_len`
/// for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_mygiro_authorization(
    jwt: *const c_char,
    jwt_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, jwt) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(jwt, jwt_len)?,
            )
        };
        let jwt = utf8(jwt)?;
        output.fill(|buf| Ok(mygiro::authorization(jwt, buf)?.len()))
    })
}

/// Checks an `x-tag` value, `tag[0..tag_len]`, before it goes into a header as-is: returns
/// `SIGMINT_RESULT_OK`, or `SIGMINT_RESULT_INVALID_FIELD` when it is empty or holds a byte that
/// is not visible ASCII (a space, a CR or LF, …), `SIGMINT_RESULT_INVALID_UTF8` when it is not
/// UTF-8.
///
/// # Safety
/// `tag` must be readable for `tag_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_mygiro_check_tag(
    tag: *const c_char,
    tag_len: usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees `tag` is readable for `tag_len` bytes.
        let tag = unsafe { text_bytes(tag, tag_len) }?;
        Ok(mygiro::check_tag(utf8(tag)?)?)
    })
}

/// Parses the answer of an access-token request,
/// `{"status":"success","data":{"token":…,"resetToken":…,"type":…,"user":…,"_id":…,
/// "createdAt":…}}`, in `body[0..body_len]` into `*token` (views into `body`: see
/// `sigmint_mygiro_access_token`), with `createdAt` converted to Unix milliseconds.
///
/// Returns `SIGMINT_RESULT_PROVIDER_ERROR` when `status` is not `"success"` (or the body is the
/// provider's `{"message":…}`): the provider's text is then
/// `sigmint_provider_error_message`'s; the other body errors of
/// `sigmint_fonbnk_parse_user_tokens`; `SIGMINT_RESULT_MISSING_FIELD` /
/// `SIGMINT_RESULT_INVALID_FIELD` for a missing or mistyped field (`token` and `createdAt` must
/// be strings without escapes); `SIGMINT_RESULT_INVALID_DATE` for a `createdAt` that is not an
/// RFC 3339 timestamp. `*token` is written only on success.
///
/// # Safety
/// `body` must be readable for `body_len` bytes (and stay so while the views are used) and
/// `token` writable for a `sigmint_mygiro_access_token`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_mygiro_parse_access_token(
    body: *const c_char,
    body_len: usize,
    token: *mut sigmint_mygiro_access_token,
) -> sigmint_result {
    ffi(|| {
        let out = required(token)?;
        // SAFETY: the caller guarantees `body` is readable for `body_len` bytes.
        let body = unsafe { text_bytes(body, body_len) }?;
        let parsed = mygiro::parse_access_token(body)?;
        let filled = sigmint_mygiro_access_token {
            token: view(parsed.token),
            reset_token: optional_view(parsed.reset_token),
            kind: optional_view(parsed.kind),
            user: optional_view(parsed.user),
            id: optional_view(parsed.id),
            created_at: view(parsed.created_at),
            created_at_ms: parsed.created_at_ms.0,
        };
        // SAFETY: the caller guarantees `token` is writable.
        unsafe { put(out, filled) }
    })
}

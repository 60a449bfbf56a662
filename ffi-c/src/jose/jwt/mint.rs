//! Minting HS256 JWTs from the caller's claims JSON (and, if wanted, header JSON).
//!
//! Core checks what it is given before it signs: the claims must be a JSON object without
//! duplicate keys, and a header must be one sigmint itself would accept (`alg` `"HS256"`, no
//! `crit`), so sigmint never mints a token it would refuse to verify.

use core::ffi::c_char;

use sigmint_core::jwt;

use crate::abi::args::{Output, text_bytes};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::sigmint_result;

/// Mints an HS256 JWT whose payload is `claims_json[0..claims_json_len]`, exactly as given, and
/// whose header is `{"alg":"HS256","typ":"JWT"}`: writes it to `out` (not NUL-terminated) and
/// its length to `*out_len`.
///
/// Returns `SIGMINT_RESULT_INVALID_JSON` when the claims are not a JSON object,
/// `SIGMINT_RESULT_INVALID_UTF8`, `SIGMINT_RESULT_DUPLICATE_KEY` or
/// `SIGMINT_RESULT_JSON_TOO_DEEP` (beyond `SIGMINT_JSON_MAX_DEPTH`); these win over a buffer
/// that is too small. Buffers work as for `sigmint_fonbnk_endpoint`: on
/// `SIGMINT_RESULT_BUFFER_TOO_SMALL`, `*out_len` is the token's length.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `claims_json` be readable for `claims_json_len` bytes,
/// `out` writable for `out_cap` bytes and `out_len` for a `size_t`; outputs must not overlap
/// inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_jwt_encode_json(
    key: *const sigmint_key,
    claims_json: *const c_char,
    claims_json_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (output, claims, key) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(claims_json, claims_json_len)?,
                key_ref(key)?,
            )
        };
        output.fill(|buf| Ok(jwt::encode_json(key, claims, buf)?.len()))
    })
}

/// Mints an HS256 JWT with the caller's header `header_json[0..header_json_len]` (to add a
/// `kid`, say) and the payload `claims_json[0..claims_json_len]`, both exactly as given.
///
/// The header must be a JSON object with `"alg":"HS256"` and no `crit`: otherwise
/// `SIGMINT_RESULT_UNSUPPORTED_ALGORITHM` (`none`, RS256, ...),
/// `SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED` (HS384/HS512), `SIGMINT_RESULT_UNKNOWN_CRITICAL`,
/// `SIGMINT_RESULT_INVALID_HEADER` (no string `alg`, or `typ`/`kid` not strings), or a JSON
/// error. Claims and buffers as for `sigmint_jwt_encode_json`.
///
/// # Safety
/// As `sigmint_jwt_encode_json`, with `header_json` readable for `header_json_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_jwt_encode_json_with_header(
    key: *const sigmint_key,
    header_json: *const c_char,
    header_json_len: usize,
    claims_json: *const c_char,
    claims_json_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (output, header, claims, key) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(header_json, header_json_len)?,
                text_bytes(claims_json, claims_json_len)?,
                key_ref(key)?,
            )
        };
        output.fill(|buf| Ok(jwt::encode_json_with_header(key, header, claims, buf)?.len()))
    })
}

//! Fonbnk request signing: the endpoint, the string-to-sign and the `x-signature` value.
//!
//! Fonbnk signs `"{timestamp_ms}:{endpoint}"`, where the endpoint is the path plus `?` and the
//! query exactly as `URLSearchParams.toString()` writes it. The rules are core's; this module
//! only moves C buffers in and out.

use core::ffi::c_char;

use sigmint_core::providers::fonbnk;

use crate::abi::args::{Output, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::abi::params::{Params, sigmint_query_param};
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::sigmint_result;

/// Length of an `x-signature` value: base64 of a 32-byte tag.
pub const SIGMINT_FONBNK_SIGNATURE_LEN: usize = 44;

const _: () = assert!(SIGMINT_FONBNK_SIGNATURE_LEN == fonbnk::SIGNATURE_LEN);

/// Builds the endpoint Fonbnk signs from `path[0..path_len]` and `params[0..params_len]`:
/// the path, then, when there are parameters, `?` and the query as `URLSearchParams` writes
/// it (space as `+`; `*-._` and alphanumerics kept; every other byte `%XX`), in order.
///
/// Writes it to `out` (not NUL-terminated) and its length to `*out_len`. When `out_cap` is
/// too small, returns `SIGMINT_RESULT_BUFFER_TOO_SMALL` with the length needed in `*out_len`
/// and `out` untouched; `out` may be NULL when `out_cap` is 0, to ask for the length.
///
/// Returns `SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE` when the path does not start with `/`,
/// `SIGMINT_RESULT_ENDPOINT_INVALID_CHAR` for a space, control, non-ASCII or `#` byte in it,
/// `SIGMINT_RESULT_PATH_HAS_QUERY` when it holds `?` and parameters are given,
/// `SIGMINT_RESULT_INVALID_UTF8` when the path or a name or value is not UTF-8.
/// `params` may be NULL when `params_len` is 0.
///
/// # Safety
/// `path` must be readable for `path_len` bytes, `params` for `params_len` parameters (and
/// each name and value for its length), `out` writable for `out_cap` bytes and `out_len` for
/// a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_endpoint(
    path: *const c_char,
    path_len: usize,
    params: *const sigmint_query_param,
    params_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, path, params) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(path, path_len)?,
                Params::new(params, params_len)?,
            )
        };
        let path = utf8(path)?;
        output.fill(|buf| Ok(fonbnk::write_endpoint(path, params.pairs(), buf)?.len()))
    })
}

/// Writes the string Fonbnk signs, `"{timestamp_ms}:{endpoint}"`, for debugging a signature
/// mismatch, to `out` (not NUL-terminated), and its length to `*out_len`.
///
/// `endpoint[0..endpoint_len]` is the full endpoint, query included (see
/// `sigmint_fonbnk_endpoint`). Returns `SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE`,
/// `SIGMINT_RESULT_ENDPOINT_INVALID_CHAR` or `SIGMINT_RESULT_INVALID_UTF8` for an endpoint
/// that could not go on the wire as given; buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `endpoint` must be readable for `endpoint_len` bytes, `out` writable for `out_cap` bytes
/// and `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_string_to_sign(
    timestamp_ms: u64,
    endpoint: *const c_char,
    endpoint_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, endpoint) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(endpoint, endpoint_len)?,
            )
        };
        let endpoint = utf8(endpoint)?;
        output.fill(|buf| Ok(fonbnk::string_to_sign(timestamp_ms, endpoint, buf)?.len()))
    })
}

/// Writes the `x-signature` value for a request to `endpoint[0..endpoint_len]` at
/// `timestamp_ms` (Unix milliseconds, as sent in `x-timestamp`): base64 of the HMAC-SHA256 of
/// `"{timestamp_ms}:{endpoint}"`, `SIGMINT_FONBNK_SIGNATURE_LEN` (44) characters, to `out`
/// (not NUL-terminated), and its length to `*out_len`.
///
/// `endpoint` is the full endpoint, query included, as `sigmint_fonbnk_endpoint` builds it;
/// `key` holds the base64-decoded client secret (`sigmint_key_init_base64`). Returns the
/// endpoint errors of `sigmint_fonbnk_string_to_sign`, or `SIGMINT_RESULT_KEY_NOT_INITIALIZED`;
/// buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `endpoint` be readable for `endpoint_len` bytes, `out`
/// writable for `out_cap` bytes and `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_sign(
    key: *const sigmint_key,
    timestamp_ms: u64,
    endpoint: *const c_char,
    endpoint_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (output, endpoint, key) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(endpoint, endpoint_len)?,
                key_ref(key)?,
            )
        };
        let endpoint = utf8(endpoint)?;
        let signature = fonbnk::sign(key, timestamp_ms, endpoint)?;
        output.write(signature.as_bytes())
    })
}

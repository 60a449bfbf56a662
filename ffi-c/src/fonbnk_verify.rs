//! The server side of Fonbnk signing: check an inbound request's signature and timestamp.

use core::ffi::c_char;

use sigmint_core::Error;
use sigmint_core::providers::fonbnk;

use crate::args::{text_bytes, utf8};
use crate::key::{key_ref, sigmint_key};
use crate::panic::ffi;
use crate::result::sigmint_result;

/// Checks the `x-signature` value `signature[0..signature_len]` of an inbound request to
/// `endpoint[0..endpoint_len]` (path plus query, exactly as received) with the `x-timestamp`
/// `timestamp_ms`, against the client secret `key` holds: in constant time, as a partner or a
/// test server does. Check the timestamp's age first (`sigmint_fonbnk_check_timestamp`).
///
/// Returns `SIGMINT_RESULT_OK` when it matches, `SIGMINT_RESULT_INVALID_SIGNATURE` when it does
/// not or is not the base64 of 32 bytes (not UTF-8 included); the endpoint errors of
/// `sigmint_fonbnk_sign`; `SIGMINT_RESULT_KEY_NOT_INITIALIZED`.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `endpoint` be readable for `endpoint_len` bytes and
/// `signature` for `signature_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_verify(
    key: *const sigmint_key,
    timestamp_ms: u64,
    endpoint: *const c_char,
    endpoint_len: usize,
    signature: *const c_char,
    signature_len: usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (key, endpoint, signature) = unsafe {
            (
                key_ref(key)?,
                text_bytes(endpoint, endpoint_len)?,
                text_bytes(signature, signature_len)?,
            )
        };
        // A signature that is not even UTF-8 cannot be base64: it does not match.
        let signature = core::str::from_utf8(signature).map_err(|_| Error::InvalidSignature)?;
        Ok(fonbnk::verify(
            key,
            timestamp_ms,
            utf8(endpoint)?,
            signature,
        )?)
    })
}

/// Checks that an inbound request's `x-timestamp`, `timestamp_ms`, is within `window_ms` of the
/// verifier's clock `now_ms` (either side; all Unix milliseconds), to bound replays.
///
/// Returns `SIGMINT_RESULT_OK`, or `SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW`.
#[unsafe(no_mangle)]
pub extern "C" fn sigmint_fonbnk_check_timestamp(
    timestamp_ms: u64,
    now_ms: u64,
    window_ms: u64,
) -> sigmint_result {
    ffi(|| Ok(fonbnk::check_timestamp(timestamp_ms, now_ms, window_ms)?))
}

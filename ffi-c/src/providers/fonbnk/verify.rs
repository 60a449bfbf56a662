//! The server side of Fonbnk signing: check an inbound request's signature and timestamp.

use core::ffi::c_char;

use core::time::Duration;

use sigmint_core::providers::fonbnk;

use crate::abi::args::{put, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
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
        Ok(fonbnk::verify(
            key,
            timestamp_ms,
            utf8(endpoint)?,
            signature,
        )?)
    })
}

/// Reads an inbound request's `x-timestamp` header, `text[0..text_len]` as received (ASCII
/// digits, leading zeros allowed), into `*timestamp_ms` (Unix milliseconds).
///
/// Returns `SIGMINT_RESULT_INVALID_FIELD` when it is empty, holds anything but ASCII digits, or
/// is past `UINT64_MAX` (read without converting more than it needs, however long).
///
/// # Safety
/// `text` must be readable for `text_len` bytes and `timestamp_ms` writable for a `uint64_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_parse_timestamp(
    text: *const c_char,
    text_len: usize,
    timestamp_ms: *mut u64,
) -> sigmint_result {
    ffi(|| {
        let out = required(timestamp_ms)?;
        // SAFETY: the caller guarantees `text` is readable for `text_len` bytes.
        let text = unsafe { text_bytes(text, text_len) }?;
        let parsed = fonbnk::parse_timestamp(text)?;
        // SAFETY: the caller guarantees `timestamp_ms` is writable.
        unsafe { put(out, parsed) }
    })
}

/// How far, in milliseconds, a request's `x-timestamp` may be from the verifier's clock unless
/// the verifier says otherwise: the ±5 minutes Fonbnk's sandbox accepts.
pub const SIGMINT_FONBNK_DEFAULT_WINDOW_MS: u64 = 300_000;
const _: () =
    assert!(fonbnk::DEFAULT_WINDOW.as_millis() == SIGMINT_FONBNK_DEFAULT_WINDOW_MS as u128);

/// Checks that an inbound request's `x-timestamp`, `timestamp_ms`, is within `window_ms` of the
/// verifier's clock `now_ms` (either side; all Unix milliseconds), to bound replays; pass
/// `SIGMINT_FONBNK_DEFAULT_WINDOW_MS` unless the partner says otherwise.
///
/// Returns `SIGMINT_RESULT_OK`, or `SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW`.
#[unsafe(no_mangle)]
pub extern "C" fn sigmint_fonbnk_check_timestamp(
    timestamp_ms: u64,
    now_ms: u64,
    window_ms: u64,
) -> sigmint_result {
    ffi(|| {
        Ok(fonbnk::check_timestamp(
            timestamp_ms,
            now_ms,
            Duration::from_millis(window_ms),
        )?)
    })
}

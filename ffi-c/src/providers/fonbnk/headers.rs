//! A signed Fonbnk request: the three header values, in a struct the caller owns.

use core::ffi::c_char;
use core::ptr::NonNull;

use sigmint_core::providers::fonbnk::{self, Signer};

use crate::abi::args::{put, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::providers::fonbnk::api::{endpoint, sigmint_fonbnk_endpoint_id};
use crate::providers::fonbnk::sign::SIGMINT_FONBNK_SIGNATURE_LEN;
use crate::result::{SIGMINT_RESULT_PANIC, sigmint_result};

/// The longest client id sigmint signs for, in bytes.
pub const SIGMINT_FONBNK_CLIENT_ID_MAX_LEN: usize = 128;
/// The longest `x-timestamp` value: `UINT64_MAX` in decimal, 20 digits.
pub const SIGMINT_FONBNK_TIMESTAMP_MAX_LEN: usize = 20;

/// The size of `sigmint_fonbnk_headers.client_id`: the longest client id and its NUL.
pub const SIGMINT_FONBNK_CLIENT_ID_SIZE: usize = SIGMINT_FONBNK_CLIENT_ID_MAX_LEN + 1;
/// The size of `sigmint_fonbnk_headers.timestamp`: the longest timestamp and its NUL.
pub const SIGMINT_FONBNK_TIMESTAMP_SIZE: usize = SIGMINT_FONBNK_TIMESTAMP_MAX_LEN + 1;
/// The size of `sigmint_fonbnk_headers.signature`: a signature and its NUL.
pub const SIGMINT_FONBNK_SIGNATURE_SIZE: usize = SIGMINT_FONBNK_SIGNATURE_LEN + 1;

const _: () = assert!(SIGMINT_FONBNK_CLIENT_ID_MAX_LEN == fonbnk::CLIENT_ID_MAX_LEN);
const _: () = assert!(SIGMINT_FONBNK_TIMESTAMP_MAX_LEN == fonbnk::TIMESTAMP_MAX_LEN);

/// The three headers of a signed Fonbnk request, as `sigmint_fonbnk_sign_request` fills them:
/// send `x-client-id: {client_id}`, `x-timestamp: {timestamp}` and
/// `x-signature: {signature}`.
///
/// Unlike the other outputs of sigmint, each value is **NUL-terminated** as well as given with
/// its length (the length does not count the NUL), so it can go straight into `printf("%s")`
/// or a header list. Every byte after the NUL is 0 too.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_fonbnk_headers {
    /// The `x-client-id` value.
    pub client_id: [c_char; SIGMINT_FONBNK_CLIENT_ID_SIZE],
    /// The length of `client_id`.
    pub client_id_len: usize,
    /// The `x-timestamp` value: Unix milliseconds in decimal.
    pub timestamp: [c_char; SIGMINT_FONBNK_TIMESTAMP_SIZE],
    /// The length of `timestamp`.
    pub timestamp_len: usize,
    /// The `x-signature` value: base64, `SIGMINT_FONBNK_SIGNATURE_LEN` characters.
    pub signature: [c_char; SIGMINT_FONBNK_SIGNATURE_SIZE],
    /// The length of `signature`.
    pub signature_len: usize,
}

/// Copies `text` into the front of a zeroed array, leaving room for its NUL.
fn fill<const N: usize>(room: &mut [c_char; N], text: &str) -> Result<usize, sigmint_result> {
    // The arrays are sized for core's longest values; anything longer is a bug.
    let dst = room
        .get_mut(..text.len())
        .filter(|_| text.len() < N)
        .ok_or(SIGMINT_RESULT_PANIC)?;
    for (d, s) in dst.iter_mut().zip(text.bytes()) {
        *d = c_char::from_ne_bytes([s]); // c_char is i8 on x86, u8 on ARM Linux and Android
    }
    Ok(text.len())
}

/// The headers `signer` gives for `endpoint` at `timestamp_ms`, written to `out`.
fn sign_into(
    signer: &Signer,
    endpoint: &str,
    timestamp_ms: u64,
    out: NonNull<sigmint_fonbnk_headers>,
) -> Result<(), sigmint_result> {
    let headers = signer.headers(timestamp_ms, endpoint)?;
    let mut filled = sigmint_fonbnk_headers {
        client_id: [0; SIGMINT_FONBNK_CLIENT_ID_SIZE],
        client_id_len: 0,
        timestamp: [0; SIGMINT_FONBNK_TIMESTAMP_SIZE],
        timestamp_len: 0,
        signature: [0; SIGMINT_FONBNK_SIGNATURE_SIZE],
        signature_len: 0,
    };
    filled.client_id_len = fill(&mut filled.client_id, headers.client_id())?;
    filled.timestamp_len = fill(&mut filled.timestamp, headers.timestamp())?;
    filled.signature_len = fill(&mut filled.signature, headers.signature())?;
    // SAFETY: the callers check `out` is not NULL and the C caller guarantees it is writable.
    unsafe { put(out, filled) }
}

/// Signs a request to `endpoint` at `timestamp_ms` (Unix milliseconds, from the caller's clock)
/// for the client `client_id[0..client_id_len]` whose secret `key` holds (the base64 client
/// secret, `sigmint_key_init_base64`), and fills `*headers` with the `x-client-id`,
/// `x-timestamp` and `x-signature` values.
///
/// The signature covers `"{timestamp_ms}:{path}"` only: build the body with
/// `sigmint_fonbnk_user_query_json` or `sigmint_fonbnk_kyc_submission_json` and send it with
/// `Content-Type: application/json` to the base URL (`sigmint_fonbnk_base_url`) plus the path
/// (`sigmint_fonbnk_endpoint_path`), with the method `sigmint_fonbnk_endpoint_method` gives.
/// For an endpoint sigmint has no constant for, sign with `sigmint_fonbnk_sign`.
///
/// Returns `SIGMINT_RESULT_INVALID_CLIENT_ID` for an empty client id, one longer than
/// `SIGMINT_FONBNK_CLIENT_ID_MAX_LEN` or holding a byte that is not visible ASCII,
/// `SIGMINT_RESULT_INVALID_UTF8` when it is not UTF-8, `SIGMINT_RESULT_UNKNOWN_ENUM_VALUE`,
/// `SIGMINT_RESULT_KEY_NOT_INITIALIZED`. `*headers` is written only on success.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `client_id` be readable for `client_id_len` bytes and
/// `headers` writable for a `sigmint_fonbnk_headers`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_sign_request(
    key: *const sigmint_key,
    client_id: *const c_char,
    client_id_len: usize,
    endpoint_id: sigmint_fonbnk_endpoint_id,
    timestamp_ms: u64,
    headers: *mut sigmint_fonbnk_headers,
) -> sigmint_result {
    ffi(|| {
        let out = required(headers)?;
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (client_id, key) = unsafe { (text_bytes(client_id, client_id_len)?, key_ref(key)?) };
        let signer = Signer::with_key(utf8(client_id)?, key.clone())?;
        sign_into(&signer, endpoint(endpoint_id)?.path(), timestamp_ms, out)
    })
}

/// Signs a request to any `endpoint[0..endpoint_len]` (path plus query, as
/// `sigmint_fonbnk_endpoint` builds it) at `timestamp_ms` for the client
/// `client_id[0..client_id_len]` whose secret `key` holds, and fills `*headers` as
/// `sigmint_fonbnk_sign_request` does: the three header values in one call, for endpoints
/// sigmint has no constant for.
///
/// Returns the client id errors of `sigmint_fonbnk_sign_request`, the endpoint errors of
/// `sigmint_fonbnk_sign`, or `SIGMINT_RESULT_KEY_NOT_INITIALIZED`. `*headers` is written only
/// on success.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `client_id` be readable for `client_id_len` bytes,
/// `endpoint` for `endpoint_len` bytes, and `headers` writable for a `sigmint_fonbnk_headers`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_sign_headers(
    key: *const sigmint_key,
    client_id: *const c_char,
    client_id_len: usize,
    timestamp_ms: u64,
    endpoint: *const c_char,
    endpoint_len: usize,
    headers: *mut sigmint_fonbnk_headers,
) -> sigmint_result {
    ffi(|| {
        let out = required(headers)?;
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (client_id, endpoint, key) = unsafe {
            (
                text_bytes(client_id, client_id_len)?,
                text_bytes(endpoint, endpoint_len)?,
                key_ref(key)?,
            )
        };
        let signer = Signer::with_key(utf8(client_id)?, key.clone())?;
        sign_into(&signer, utf8(endpoint)?, timestamp_ms, out)
    })
}

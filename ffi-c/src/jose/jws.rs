//! Compact JWS with HS256: verify a token and read its payload, or read its header unverified.
//!
//! The decoded header lives in a fixed buffer on the stack ([`SIGMINT_JWS_MAX_HEADER_LEN`]
//! bytes), so neither call needs the caller's memory for it; the payload is decoded straight
//! into the caller's output once the token has verified.

use core::ffi::c_char;

use sigmint_core::jws::{self, Algorithm, Limits};

use crate::abi::args::{Output, text_bytes};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::sigmint_result;

/// The longest decoded token header sigmint accepts, in bytes (a longer one is
/// `SIGMINT_RESULT_TOKEN_TOO_LARGE`): these calls decode it into a buffer of this size on the
/// stack. (Headers are small: `{"alg":"HS256","typ":"JWT"}` is 27 bytes.)
pub const SIGMINT_JWS_MAX_HEADER_LEN: usize = 1024;

const _: () = assert!(SIGMINT_JWS_MAX_HEADER_LEN == jws::MAX_HEADER_LEN);

/// Verifies the HS256 JWS `token[0..token_len]` with `key` and writes its decoded payload
/// (any bytes: JSON or not) to `payload_out`, and its length to `*payload_len`.
///
/// The token is checked with the default limits (16 KiB, 32 levels of header nesting): three
/// strict base64url segments, a JSON header (at most `SIGMINT_JWS_MAX_HEADER_LEN` bytes
/// decoded), `alg` `"HS256"` (`none`, RS/ES/PS and anything else are refused before any MAC
/// work), no `crit`; then the MAC over the received text, in constant time.
///
/// Returns `SIGMINT_RESULT_TOKEN_TOO_LARGE`, `SIGMINT_RESULT_MALFORMED_TOKEN` (also for a
/// token that is not UTF-8), `SIGMINT_RESULT_INVALID_JSON`, `SIGMINT_RESULT_DUPLICATE_KEY`,
/// `SIGMINT_RESULT_JSON_TOO_DEEP`, `SIGMINT_RESULT_INVALID_UTF8` or
/// `SIGMINT_RESULT_INVALID_HEADER` for the header, `SIGMINT_RESULT_UNSUPPORTED_ALGORITHM`,
/// `SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED`, `SIGMINT_RESULT_UNKNOWN_CRITICAL`,
/// `SIGMINT_RESULT_INVALID_SIGNATURE`. Only a verified payload is written; on
/// `SIGMINT_RESULT_BUFFER_TOO_SMALL` `*payload_len` holds its length (`payload_out` may be NULL
/// when `payload_cap` is 0, to ask for it).
///
/// # Safety
/// `key` must point to a `sigmint_key`, `token` be readable for `token_len` bytes,
/// `payload_out` writable for `payload_cap` bytes and `payload_len` for a `size_t`; outputs
/// must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_jws_verify_hs256(
    key: *const sigmint_key,
    token: *const c_char,
    token_len: usize,
    payload_out: *mut u8,
    payload_cap: usize,
    payload_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (output, token, key) = unsafe {
            (
                Output::new(payload_out.cast(), payload_cap, payload_len)?,
                text_bytes(token, token_len)?,
                key_ref(key)?,
            )
        };
        let mut header = [0u8; SIGMINT_JWS_MAX_HEADER_LEN];
        let verified = jws::decode(token, &mut header, &Limits::default())?
            .verify(key, &[Algorithm::Hs256])?;
        output.fill(|buf| Ok(verified.decode_payload(buf)?.len()))
    })
}

/// Writes the header of the token `token[0..token_len]` **without verifying anything**: its
/// JSON text (the decoded header, without surrounding whitespace) to `header_out`, and its
/// length to `*header_len`. For routing (picking a key by `kid`) or display only.
///
/// The token must still be well-formed (default limits): three strict base64url segments and
/// a header that is a JSON object of at most `SIGMINT_JWS_MAX_HEADER_LEN` bytes with a string
/// `alg`; the algorithm itself is not checked, so an `alg` `none` header can be read. Errors
/// are those of `sigmint_jws_verify_hs256` before the algorithm check; buffers work as for
/// it.
///
/// # Safety
/// `token` must be readable for `token_len` bytes, `header_out` writable for `header_cap`
/// bytes and `header_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_jws_dangerous_header(
    token: *const c_char,
    token_len: usize,
    header_out: *mut c_char,
    header_cap: usize,
    header_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, token) = unsafe {
            (
                Output::new(header_out, header_cap, header_len)?,
                text_bytes(token, token_len)?,
            )
        };
        let mut header = [0u8; SIGMINT_JWS_MAX_HEADER_LEN];
        let unverified = jws::decode(token, &mut header, &Limits::default())?;
        output.write(unverified.header().json().raw().as_bytes())
    })
}

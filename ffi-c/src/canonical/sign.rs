//! Signing and verifying with a scheme, and the string it signs.

use core::ffi::c_char;

use crate::abi::args::{Output, text_bytes};
use crate::abi::panic::ffi;
use crate::canonical::parts::{parts_ref, sigmint_parts};
use crate::canonical::scheme::{scheme_ref, sigmint_scheme};
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::sigmint_result;

/// Writes the signature of the request `*parts` under `scheme` with `key` (from
/// `sigmint_scheme_key`): the scheme's prefix, then the HMAC-SHA256 tag of the string the
/// scheme's template makes of the parts (streamed into the MAC, never built), in the scheme's
/// encoding. It goes to `out` (ASCII, not NUL-terminated), and its length, the same for every
/// signature of the scheme (`sigmint_scheme_signature_len`, at most
/// `SIGMINT_SCHEME_SIGNATURE_MAX_LEN`), to `*out_len`.
///
/// Returns `SIGMINT_RESULT_MISSING_PART` for a part the template signs that `*parts` does not
/// give; `SIGMINT_RESULT_INVALID_PART` for a method, query or timestamp that cannot go on the
/// wire as given; `SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE` or
/// `SIGMINT_RESULT_ENDPOINT_INVALID_CHAR` for such a path; the scheme's errors (see
/// `sigmint_scheme_init`); `SIGMINT_RESULT_KEY_NOT_INITIALIZED`. Buffers work as for
/// `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `scheme` must point to a `sigmint_scheme` whose texts are readable, `key` to a
/// `sigmint_key`, `parts` to a `sigmint_parts` whose parts are readable for their lengths;
/// `out` must be writable for `out_cap` bytes and `out_len` for a `size_t`; outputs must not
/// overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_sign(
    scheme: *const sigmint_scheme,
    key: *const sigmint_key,
    parts: *const sigmint_parts,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid as the docs say.
        let (output, scheme, key, parts) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                scheme_ref(scheme)?,
                key_ref(key)?,
                parts_ref(parts)?,
            )
        };
        let signature = scheme.sign(key, &parts)?;
        output.write(signature.as_bytes())
    })
}

/// Checks, in constant time, that `signature[0..signature_len]` (as received: the prefix,
/// then the tag) is the signature of the request `*parts` under `scheme` with `key`.
///
/// Returns `SIGMINT_RESULT_OK` when it is; `SIGMINT_RESULT_INVALID_SIGNATURE` when it does not
/// match, lacks the prefix or is not one encoding of 32 bytes (hex in either case); before
/// that, the part, scheme and key errors of `sigmint_scheme_sign`.
///
/// # Safety
/// As `sigmint_scheme_sign`, with `signature` readable for `signature_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_verify(
    scheme: *const sigmint_scheme,
    key: *const sigmint_key,
    parts: *const sigmint_parts,
    signature: *const c_char,
    signature_len: usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid as the docs say.
        let (scheme, key, parts, signature) = unsafe {
            (
                scheme_ref(scheme)?,
                key_ref(key)?,
                parts_ref(parts)?,
                text_bytes(signature, signature_len)?,
            )
        };
        Ok(scheme.verify(key, &parts, signature)?)
    })
}

/// Writes the string `scheme` signs for the request `*parts` (its template with each field
/// replaced by its part, the body as it is), to debug a signature mismatch, to `out` (bytes,
/// not NUL-terminated: a body need not be text), and its length to `*out_len`.
///
/// Returns the part and scheme errors of `sigmint_scheme_sign`. Buffers work as for
/// `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `scheme` must point to a `sigmint_scheme` whose texts are readable, `parts` to a
/// `sigmint_parts` whose parts are readable for their lengths; `out` must be writable for
/// `out_cap` bytes and `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_scheme_string_to_sign(
    scheme: *const sigmint_scheme,
    parts: *const sigmint_parts,
    out: *mut u8,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid as the docs say.
        let (output, scheme, parts) = unsafe {
            (
                Output::new(out.cast(), out_cap, out_len)?,
                scheme_ref(scheme)?,
                parts_ref(parts)?,
            )
        };
        output.fill(|buf| Ok(scheme.string_to_sign(&parts, buf)?.len()))
    })
}

//! HS256 JWTs: verify and validate a token and hand back its claims JSON, or read the claims
//! without verifying anything.
//!
//! Both call core's decoding as it is: the header and the claims are decoded into the caller's
//! `scratch`, checked (and verified and validated), and the claims copied to `claims_out` only
//! on success, so a token that fails leaves `claims_out` untouched. On
//! `SIGMINT_RESULT_BUFFER_TOO_SMALL` the size the short buffer needs goes to `*claims_len`:
//! `scratch` needs the decoded header and payload, `claims_out` the payload.

use core::ffi::c_char;

use sigmint_core::jws::Limits;
use sigmint_core::jwt;

use crate::abi::args::{self, Output, text_bytes};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::jose::jwt::validation::{Lists, sigmint_jwt_validation, to_core};
use crate::result::sigmint_result;

/// Verifies the HS256 JWT `token[0..token_len]` with `key`, validates its claims as
/// `*validation` says, and writes the claims JSON (the decoded payload, as received) to
/// `claims_out` and its length to `*claims_len`.
///
/// Checks, in order: the token's size and shape (`SIGMINT_RESULT_TOKEN_TOO_LARGE`, also for a
/// header beyond `SIGMINT_JWS_MAX_HEADER_LEN`; `SIGMINT_RESULT_MALFORMED_TOKEN`), the room in
/// `scratch`, the header (errors as for `sigmint_jws_verify_hs256`), the algorithm
/// (`SIGMINT_RESULT_UNSUPPORTED_ALGORITHM` for `none`, RS/ES and the like, before any MAC
/// work; `SIGMINT_RESULT_UNKNOWN_CRITICAL` for any `crit`), the signature
/// (`SIGMINT_RESULT_INVALID_SIGNATURE`), the claims
/// (`SIGMINT_RESULT_INVALID_JSON` unless a JSON object, `SIGMINT_RESULT_INVALID_UTF8`,
/// `SIGMINT_RESULT_DUPLICATE_KEY`, `SIGMINT_RESULT_JSON_TOO_DEEP`), their validation
/// (`SIGMINT_RESULT_MISSING_CLAIM`, `SIGMINT_RESULT_INVALID_CLAIM_TYPE`,
/// `SIGMINT_RESULT_INTEGER_OVERFLOW`, `SIGMINT_RESULT_EXPIRED`, `SIGMINT_RESULT_NOT_YET_VALID`,
/// `SIGMINT_RESULT_ISSUED_IN_FUTURE`, `SIGMINT_RESULT_INVALID_AUDIENCE`,
/// `SIGMINT_RESULT_INVALID_ISSUER`, `SIGMINT_RESULT_INVALID_SUBJECT`,
/// `SIGMINT_RESULT_WRONG_TOKEN_TYPE`), the room in `claims_out`.
///
/// `scratch[0..scratch_cap]` is working memory for the decoded header and claims while they
/// are checked: it needs their lengths together (at most 3/4 of `token_len`), `claims_out`
/// the claims' length; on `SIGMINT_RESULT_BUFFER_TOO_SMALL` the size the short buffer needs
/// goes to `*claims_len` (asked with both buffers empty, it is the scratch's, which is enough
/// for both). Only verified and validated claims are written to `claims_out`; `scratch` may
/// be written on any path.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `token` be readable for `token_len` bytes,
/// `validation` point to a `sigmint_jwt_validation` as its documentation says, `scratch` be
/// writable for `scratch_cap` bytes, `claims_out` writable for `claims_cap` bytes and
/// `claims_len` for a `size_t`; no buffer may overlap another.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_jwt_verify(
    key: *const sigmint_key,
    token: *const c_char,
    token_len: usize,
    validation: *const sigmint_jwt_validation,
    scratch: *mut u8,
    scratch_cap: usize,
    claims_out: *mut c_char,
    claims_cap: usize,
    claims_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        let mut lists = Lists::new();
        // SAFETY: the caller guarantees every pointer is valid for its stated length, that
        // `key` points to a `sigmint_key` and `validation` to a `sigmint_jwt_validation`.
        let (output, token, key, scratch, validation) = unsafe {
            (
                Output::new(claims_out, claims_cap, claims_len)?,
                text_bytes(token, token_len)?,
                key_ref(key)?,
                args::scratch(scratch, scratch_cap)?,
                to_core(validation, &mut lists)?,
            )
        };
        let verified =
            jwt::decode(token, scratch, key, &validation).map_err(|e| output.refuse(e))?;
        output.write(verified.claims().json().raw().as_bytes())
    })
}

/// Reads the claims of the JWT `token[0..token_len]` **without verifying anything** (no
/// signature, no algorithm, no time or other claim check): writes its claims JSON (the decoded
/// payload) to `claims_out` and its length to `*claims_len`. For routing or display only, never
/// for decisions.
///
/// The token must still be well-formed, with the default limits (16 KiB, 32 levels of
/// nesting): errors as for `sigmint_jwt_verify` up to and including the claims' JSON checks.
/// `scratch` and `claims_out` work as for `sigmint_jwt_verify`.
///
/// # Safety
/// `token` must be readable for `token_len` bytes, `scratch` writable for `scratch_cap` bytes,
/// `claims_out` writable for `claims_cap` bytes and `claims_len` for a `size_t`; no buffer may
/// overlap another.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_jwt_dangerous_decode_unverified(
    token: *const c_char,
    token_len: usize,
    scratch: *mut u8,
    scratch_cap: usize,
    claims_out: *mut c_char,
    claims_cap: usize,
    claims_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, token, scratch) = unsafe {
            (
                Output::new(claims_out, claims_cap, claims_len)?,
                text_bytes(token, token_len)?,
                args::scratch(scratch, scratch_cap)?,
            )
        };
        let (_, claims) = jwt::dangerous_unverified(token, scratch, &Limits::default())
            .map_err(|e| output.refuse(e))?;
        output.write(claims.json().raw().as_bytes())
    })
}

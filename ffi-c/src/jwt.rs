//! HS256 JWTs: verify and validate a token and hand back its claims JSON, or read the claims
//! without verifying anything.
//!
//! The claims are checked (a JSON object within the limits, then validated) before anything is
//! written, so they are decoded into the caller's `scratch` first and copied to `claims_out`
//! only on success: a token that fails leaves `claims_out` untouched. Both buffers need the
//! decoded payload's length, which on `SIGMINT_RESULT_BUFFER_TOO_SMALL` goes to `*claims_len`.

use core::ffi::c_char;

use sigmint_core::jws::Limits;
use sigmint_core::jwt::Claims;

use crate::args::{self, Output, text_bytes};
use crate::jws::{SIGMINT_JWS_MAX_HEADER_LEN, decode, token_str};
use crate::key::{key_ref, sigmint_key};
use crate::panic::ffi;
use crate::result::sigmint_result;
use crate::validation::{Lists, sigmint_jwt_validation, to_core};

/// The first `needed` bytes of `scratch`, or `SIGMINT_RESULT_BUFFER_TOO_SMALL` with
/// `needed` reported through `output`.
fn room<'s>(
    scratch: &'s mut [u8],
    needed: usize,
    output: &Output,
) -> Result<&'s mut [u8], sigmint_result> {
    scratch
        .get_mut(..needed)
        .ok_or_else(|| output.too_small(needed))
}

/// Verifies the HS256 JWT `token[0..token_len]` with `key`, validates its claims as
/// `*validation` says, and writes the claims JSON (the decoded payload, as received) to
/// `claims_out` and its length to `*claims_len`.
///
/// Checks, in order: the token's shape (`SIGMINT_RESULT_TOKEN_TOO_LARGE`,
/// `SIGMINT_RESULT_MALFORMED_TOKEN`, header errors as for `sigmint_jws_verify_hs256`), the
/// algorithm (`SIGMINT_RESULT_UNSUPPORTED_ALGORITHM` for `none`, RS/ES and the like, before
/// any MAC work; `SIGMINT_RESULT_UNKNOWN_CRITICAL` for any `crit`), the signature
/// (`SIGMINT_RESULT_INVALID_SIGNATURE`), the room in `scratch`, the claims
/// (`SIGMINT_RESULT_INVALID_JSON` unless a JSON object, `SIGMINT_RESULT_INVALID_UTF8`,
/// `SIGMINT_RESULT_DUPLICATE_KEY`, `SIGMINT_RESULT_JSON_TOO_DEEP`), their validation
/// (`SIGMINT_RESULT_MISSING_CLAIM`, `SIGMINT_RESULT_INVALID_CLAIM_TYPE`,
/// `SIGMINT_RESULT_INTEGER_OVERFLOW`, `SIGMINT_RESULT_EXPIRED`, `SIGMINT_RESULT_NOT_YET_VALID`,
/// `SIGMINT_RESULT_ISSUED_IN_FUTURE`, `SIGMINT_RESULT_INVALID_AUDIENCE`,
/// `SIGMINT_RESULT_INVALID_ISSUER`, `SIGMINT_RESULT_WRONG_TOKEN_TYPE`), the room in
/// `claims_out`. The header is decoded on the stack (`SIGMINT_JWS_MAX_HEADER_LEN`).
///
/// `scratch[0..scratch_cap]` is working memory for the claims while they are checked; it and
/// `claims_out` each need the decoded payload's length (at most 3/4 of `token_len`), which on
/// `SIGMINT_RESULT_BUFFER_TOO_SMALL` (for either) goes to `*claims_len`. Only verified and
/// validated claims are written to `claims_out`; `scratch` may be written on any path.
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
        let mut header = [0u8; SIGMINT_JWS_MAX_HEADER_LEN];
        let limits = validation.limits;
        // The algorithm is refused, then the MAC checked, before the payload is decoded.
        let verified =
            decode(token_str(token)?, &mut header, &limits)?.verify(key, validation.algorithms)?;
        let scratch = room(scratch, verified.payload_len(), &output)?;
        let payload = verified.decode_payload(scratch)?;
        Claims::parse(payload, &limits)?.validate(verified.header(), &validation)?;
        output.write(payload)
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
        let mut header = [0u8; SIGMINT_JWS_MAX_HEADER_LEN];
        let limits = Limits::default();
        let unverified = decode(token_str(token)?, &mut header, &limits)?;
        let scratch = room(scratch, unverified.payload_len(), &output)?;
        let payload = unverified.dangerous_decode_payload(scratch)?;
        Claims::parse(payload, &limits)?;
        output.write(payload)
    })
}

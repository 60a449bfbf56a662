//! The Fonbnk pay widget's URL `signature`: an HS256 JWT with the merchant's unique `uid`.

use core::ffi::c_char;

use sigmint_core::providers::fonbnk;

use crate::abi::args::{self, Output, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::sigmint_result;

/// Mints the Fonbnk pay widget's URL `signature` parameter: an HS256 JWT, signed with the
/// merchant's URL-signature secret (`key`), whose claims are `{"uid": uid}` plus the members
/// of `extra_claims_json[0..extra_claims_len]` (a JSON object; none when `extra_claims_len` is
/// 0, and then `extra_claims_json` may be NULL). Writes it to `out` (not NUL-terminated) and
/// its length to `*out_len`.
///
/// `scratch[0..scratch_cap]` holds the claims JSON while the token is made: it never needs
/// more bytes than the token itself. On `SIGMINT_RESULT_BUFFER_TOO_SMALL`, for either buffer,
/// `*out_len` holds the token's exact length, which suffices for both. `out` is written only on
/// success; `scratch` may be written on any path.
///
/// Returns `SIGMINT_RESULT_MISSING_CLAIM` for an empty `uid`, `SIGMINT_RESULT_INVALID_UTF8`
/// when it is not UTF-8, `SIGMINT_RESULT_DUPLICATE_KEY` when the extra claims hold a `uid`
/// too, `SIGMINT_RESULT_INVALID_JSON` when they are not a JSON object.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `uid` be readable for `uid_len` bytes,
/// `extra_claims_json` for `extra_claims_len` bytes, `scratch` writable for `scratch_cap` bytes,
/// `out` for `out_cap` bytes and `out_len` for a `size_t`; no buffer may overlap another.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_widget_signature(
    key: *const sigmint_key,
    uid: *const c_char,
    uid_len: usize,
    extra_claims_json: *const c_char,
    extra_claims_len: usize,
    scratch: *mut u8,
    scratch_cap: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (output, uid, extra, scratch, key) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(uid, uid_len)?,
                text_bytes(extra_claims_json, extra_claims_len)?,
                args::scratch(scratch, scratch_cap)?,
                key_ref(key)?,
            )
        };
        let uid = utf8(uid)?;
        let extra = (!extra.is_empty()).then_some(extra);
        output.fill(|buf| Ok(fonbnk::widget_signature(key, uid, extra, scratch, buf)?.len()))
    })
}

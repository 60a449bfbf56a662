//! Fonbnk request bodies: the JSON a user query or a KYC submission sends.
//!
//! Fonbnk does not sign bodies, so these are plain JSON writers; the rules (what an email or a
//! country code must look like, escaping) are core's.

use core::ffi::c_char;

use sigmint_core::providers::fonbnk::{KycSubmission, UserQuery};

use crate::abi::args::{Output, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::abi::params::{Params, sigmint_query_param};
use crate::result::sigmint_result;

/// Writes the body of `SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2`,
/// `SIGMINT_FONBNK_ENDPOINT_USER_TOKENS` and `SIGMINT_FONBNK_ENDPOINT_KYC_STATUS`,
/// `{"email":…,"countryIsoCode":…}`, to `out` (not NUL-terminated) and its length to
/// `*out_len`.
///
/// Returns `SIGMINT_RESULT_INVALID_FIELD` for an empty (or blank) email or a country code that
/// is not two upper-case letters (ISO 3166-1 alpha-2, such as `NG`),
/// `SIGMINT_RESULT_INVALID_UTF8` when either is not UTF-8. Buffers work as for
/// `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `email` must be readable for `email_len` bytes, `country_iso_code` for
/// `country_iso_code_len` bytes, `out` writable for `out_cap` bytes and `out_len` for a
/// `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_user_query_json(
    email: *const c_char,
    email_len: usize,
    country_iso_code: *const c_char,
    country_iso_code_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, email, country) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(email, email_len)?,
                text_bytes(country_iso_code, country_iso_code_len)?,
            )
        };
        let query = UserQuery {
            email: utf8(email)?,
            country_iso_code: utf8(country)?,
        };
        output.fill(|buf| Ok(query.write_json(buf)?.len()))
    })
}

/// Writes the body of `SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT`,
/// `{"email":…,"documentId":…,"userFields":{…}}`, to `out` (not NUL-terminated) and its length
/// to `*out_len`. `userFields` is a string map written from `user_fields[0..user_fields_len]`
/// (each a name and a value, as for `sigmint_fonbnk_endpoint`), in order.
///
/// `document_id` is the `_id` of a document type from the KYC status
/// (`sigmint_fonbnk_kyc_document`). Returns `SIGMINT_RESULT_INVALID_FIELD` for an empty (or
/// blank) email or an empty document id, `SIGMINT_RESULT_DUPLICATE_KEY` when a field name is
/// given twice, `SIGMINT_RESULT_INVALID_UTF8` when any text is not UTF-8. Input errors win over
/// a small buffer. `user_fields` may be NULL when `user_fields_len` is 0 (`"userFields":{}`).
/// Buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `email` must be readable for `email_len` bytes, `document_id` for `document_id_len` bytes,
/// `user_fields` for `user_fields_len` parameters (and each name and value for its length),
/// `out` writable for `out_cap` bytes and `out_len` for a `size_t`; outputs must not overlap
/// inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_fonbnk_kyc_submission_json(
    email: *const c_char,
    email_len: usize,
    document_id: *const c_char,
    document_id_len: usize,
    user_fields: *const sigmint_query_param,
    user_fields_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, email, document_id, fields) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(email, email_len)?,
                text_bytes(document_id, document_id_len)?,
                Params::new(user_fields, user_fields_len)?,
            )
        };
        let submission = KycSubmission {
            email: utf8(email)?,
            document_id: utf8(document_id)?,
            user_fields: fields.pairs(),
        };
        output.fill(|buf| Ok(submission.write_json(buf)?.len()))
    })
}

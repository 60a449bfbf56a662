//! C ABI for sigmint: `#include <sigmint.h>`, link `libsigmint.a` (or `libsigmint.so`).
//!
//! Request signing (keys, HMAC, Fonbnk), HS256 tokens (JWS verify, JWT verify and
//! validate, unverified reads, minting, the Fonbnk pay-widget signature), reading values
//! out of claims JSON, and the partner APIs: Fonbnk request bodies, signed headers and
//! answers (user tokens, KYC), sFOX user tokens, Mygiro access tokens, provider error text.
//!
//! The header, `include/sigmint.h`, is generated from this crate by cbindgen and committed;
//! `make -C ffi-c test` fails if it has drifted from the code.
//!
//! This crate only converts types and maps errors: every rule (encoding, validation, limits)
//! lives once, in `sigmint-core`. The conventions every function follows:
//!
//! - It returns a [`sigmint_result`]: `SIGMINT_RESULT_OK` (0) or an error, never anything else.
//! - Every pointer is checked: a NULL one gives `SIGMINT_RESULT_NULL_PARAMETER`. A pointer to
//!   data given with a length may be NULL only when that length is 0.
//! - Outputs are written only on success. On `SIGMINT_RESULT_BUFFER_TOO_SMALL` the `*out_len`
//!   parameter holds the size needed and `out` is untouched, so `out = NULL, out_cap = 0` asks
//!   for the size.
//! - Text goes in and comes out as bytes plus a length: outputs are not NUL-terminated, inputs
//!   need not be. Text inputs must be UTF-8 (`SIGMINT_RESULT_INVALID_UTF8` otherwise). The
//!   fixed arrays of `sigmint_fonbnk_headers` and the static texts of the getters (base URLs,
//!   paths) are NUL-terminated as well, and say so.
//! - Response parsers fill caller structs with `sigmint_str` views into the body they were
//!   given (valid as long as it is; `{NULL, 0}` for an absent field). A JSON string is viewed
//!   as written, escapes intact; `sigmint_view_unescape` resolves them.
//! - Nothing allocates, and no panic crosses the boundary (`SIGMINT_RESULT_PANIC` instead).
//! - Outputs must not overlap inputs, and no argument may be modified by another thread during
//!   a call.
//!
//! Without its default `std` feature the crate is `no_std` (no allocator, no unwinding), for C
//! firmware: `cargo build -p sigmint-ffi --release --no-default-features --target
//! thumbv7m-none-eabi` gives a `libsigmint.a` for the same header.
#![cfg_attr(not(feature = "std"), no_std)]
#![allow(non_camel_case_types)] // The C names are the API.

// The header lists the exported items in the order of these modules (cbindgen.toml keeps
// source order); the blank lines stop rustfmt from sorting them.
mod result;

mod version;

mod key;

mod hmac;

mod fonbnk;

mod strs;

mod validation;

mod jws;

mod jwt;

mod json;

mod mint;

mod fonbnk_widget;

mod views;

mod provider_error;

mod fonbnk_api;

mod fonbnk_bodies;

mod fonbnk_headers;

mod fonbnk_verify;

mod fonbnk_tokens;

mod fonbnk_kyc;

mod sfox;

mod mygiro;

// Helpers.
mod args;
mod panic;
mod params;

pub use fonbnk::{
    SIGMINT_FONBNK_SIGNATURE_LEN, sigmint_fonbnk_endpoint, sigmint_fonbnk_sign,
    sigmint_fonbnk_string_to_sign,
};
pub use fonbnk_api::{
    SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, SIGMINT_FONBNK_ENDPOINT_KYC_SUBMIT,
    SIGMINT_FONBNK_ENDPOINT_USER_TOKENS, SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2,
    SIGMINT_FONBNK_ENV_PRODUCTION, SIGMINT_FONBNK_ENV_SANDBOX, sigmint_fonbnk_base_url,
    sigmint_fonbnk_content_type, sigmint_fonbnk_endpoint_id, sigmint_fonbnk_endpoint_method,
    sigmint_fonbnk_endpoint_path, sigmint_fonbnk_environment,
};
pub use fonbnk_bodies::{sigmint_fonbnk_kyc_submission_json, sigmint_fonbnk_user_query_json};
pub use fonbnk_headers::{
    SIGMINT_FONBNK_CLIENT_ID_MAX_LEN, SIGMINT_FONBNK_CLIENT_ID_SIZE, SIGMINT_FONBNK_SIGNATURE_SIZE,
    SIGMINT_FONBNK_TIMESTAMP_MAX_LEN, SIGMINT_FONBNK_TIMESTAMP_SIZE, sigmint_fonbnk_headers,
    sigmint_fonbnk_sign_headers, sigmint_fonbnk_sign_request,
};
pub use fonbnk_kyc::{
    SIGMINT_FONBNK_KYC_LIMIT_NOT_REACHED, SIGMINT_FONBNK_KYC_LIMIT_REACHED,
    SIGMINT_FONBNK_KYC_LIMIT_UNKNOWN, SIGMINT_FONBNK_KYC_STATUS_APPROVED,
    SIGMINT_FONBNK_KYC_STATUS_INITIATED, SIGMINT_FONBNK_KYC_STATUS_INVALID,
    SIGMINT_FONBNK_KYC_STATUS_REJECTED, SIGMINT_FONBNK_KYC_STATUS_UNKNOWN,
    SIGMINT_FONBNK_RULE_MAX_NONE, SIGMINT_FONBNK_RULE_MAX_NUMBER, SIGMINT_FONBNK_RULE_MAX_TEXT,
    sigmint_fonbnk_document, sigmint_fonbnk_kyc_document, sigmint_fonbnk_kyc_limit,
    sigmint_fonbnk_kyc_rule, sigmint_fonbnk_kyc_state, sigmint_fonbnk_kyc_status,
    sigmint_fonbnk_parse_kyc_state, sigmint_fonbnk_parse_kyc_submit, sigmint_fonbnk_rule,
    sigmint_fonbnk_rule_max_kind,
};
pub use fonbnk_tokens::{
    SIGMINT_FONBNK_TOKEN_ACCESS, SIGMINT_FONBNK_TOKEN_REFRESH, sigmint_fonbnk_parse_user_tokens,
    sigmint_fonbnk_token_expired, sigmint_fonbnk_token_kind, sigmint_fonbnk_token_lifetime,
    sigmint_fonbnk_token_needs_refresh, sigmint_fonbnk_user_tokens,
};
pub use fonbnk_verify::{sigmint_fonbnk_check_timestamp, sigmint_fonbnk_verify};
pub use fonbnk_widget::sigmint_fonbnk_widget_signature;
pub use hmac::{SIGMINT_HMAC_SHA256_LEN, sigmint_hmac_sha256, sigmint_hmac_sha256_verify};
pub use json::{
    sigmint_json_get_bool, sigmint_json_get_i64, sigmint_json_get_member_raw, sigmint_json_get_raw,
    sigmint_json_get_str,
};
pub use jws::{SIGMINT_JWS_MAX_HEADER_LEN, sigmint_jws_dangerous_header, sigmint_jws_verify_hs256};
pub use jwt::{sigmint_jwt_dangerous_decode_unverified, sigmint_jwt_verify};
pub use key::{
    SIGMINT_KEY_SIZE, sigmint_key, sigmint_key_clear, sigmint_key_init, sigmint_key_init_base64,
};
pub use mint::{sigmint_jwt_encode_json, sigmint_jwt_encode_json_with_header};
pub use mygiro::{
    sigmint_mygiro_access_token, sigmint_mygiro_access_token_path, sigmint_mygiro_authorization,
    sigmint_mygiro_check_tag, sigmint_mygiro_parse_access_token,
};
pub use params::sigmint_query_param;
pub use provider_error::{SIGMINT_PROVIDER_MAX_RESPONSE_LEN, sigmint_provider_error_message};
pub use result::{
    SIGMINT_RESULT_ALGORITHM_NOT_ALLOWED, SIGMINT_RESULT_BUFFER_TOO_SMALL,
    SIGMINT_RESULT_DUPLICATE_KEY, SIGMINT_RESULT_EMPTY_KEY, SIGMINT_RESULT_ENDPOINT_INVALID_CHAR,
    SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE, SIGMINT_RESULT_EXPIRED, SIGMINT_RESULT_INTEGER_OVERFLOW,
    SIGMINT_RESULT_INVALID_AUDIENCE, SIGMINT_RESULT_INVALID_BASE64,
    SIGMINT_RESULT_INVALID_CLAIM_TYPE, SIGMINT_RESULT_INVALID_CLIENT_ID,
    SIGMINT_RESULT_INVALID_HEADER, SIGMINT_RESULT_INVALID_ISSUER, SIGMINT_RESULT_INVALID_JSON,
    SIGMINT_RESULT_INVALID_SIGNATURE, SIGMINT_RESULT_INVALID_UTF8, SIGMINT_RESULT_ISSUED_IN_FUTURE,
    SIGMINT_RESULT_JSON_TOO_DEEP, SIGMINT_RESULT_KEY_NOT_INITIALIZED, SIGMINT_RESULT_LIST_TOO_LONG,
    SIGMINT_RESULT_MALFORMED_TOKEN, SIGMINT_RESULT_MISSING_CLAIM, SIGMINT_RESULT_NOT_YET_VALID,
    SIGMINT_RESULT_NULL_PARAMETER, SIGMINT_RESULT_OK, SIGMINT_RESULT_PANIC,
    SIGMINT_RESULT_PATH_HAS_QUERY, SIGMINT_RESULT_TOKEN_TOO_LARGE, SIGMINT_RESULT_UNKNOWN_CRITICAL,
    SIGMINT_RESULT_UNSUPPORTED_ALGORITHM, SIGMINT_RESULT_WRONG_TOKEN_TYPE, sigmint_result,
    sigmint_result_name, sigmint_result_str,
};
pub use result::{
    SIGMINT_RESULT_INDEX_OUT_OF_RANGE, SIGMINT_RESULT_INVALID_DATE, SIGMINT_RESULT_INVALID_FIELD,
    SIGMINT_RESULT_MISSING_FIELD, SIGMINT_RESULT_PROVIDER_ERROR, SIGMINT_RESULT_RESPONSE_TOO_LARGE,
    SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW, SIGMINT_RESULT_UNKNOWN_ENUM_VALUE,
};
pub use sfox::{
    sigmint_sfox_authorization, sigmint_sfox_base_url, sigmint_sfox_parse_user_token,
    sigmint_sfox_token_expired, sigmint_sfox_token_needs_refresh, sigmint_sfox_user_token,
    sigmint_sfox_user_token_path,
};
pub use strs::sigmint_str;
pub use validation::{
    SIGMINT_JSON_DEFAULT_MAX_DEPTH, SIGMINT_JSON_MAX_DEPTH, SIGMINT_JWS_DEFAULT_MAX_TOKEN_LEN,
    SIGMINT_JWT_MAX_LIST_LEN, SIGMINT_JWT_SKIP_AUD, SIGMINT_JWT_SKIP_EXP, SIGMINT_JWT_SKIP_IAT,
    SIGMINT_JWT_SKIP_ISS, SIGMINT_JWT_SKIP_NBF, sigmint_jwt_validation,
};
pub use version::{
    SIGMINT_VERSION_MAJOR, SIGMINT_VERSION_MINOR, SIGMINT_VERSION_PATCH, sigmint_version,
};
pub use views::sigmint_view_unescape;

//! C ABI for sigmint: `#include <sigmint.h>`, link `libsigmint.a` (or `libsigmint.so`).
//!
//! Request signing (keys, HMAC, Fonbnk), HS256 tokens (JWS verify, JWT verify and
//! validate, unverified reads, minting, the Fonbnk pay-widget signature) and reading values
//! out of claims JSON.
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
//!   need not be. Text inputs must be UTF-8 (`SIGMINT_RESULT_INVALID_UTF8` otherwise).
//! - Nothing allocates, and no panic crosses the boundary (`SIGMINT_RESULT_PANIC` instead).
//! - Outputs must not overlap inputs, and no argument may be modified by another thread during
//!   a call.
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

// Helpers.
mod args;
mod panic;
mod params;

pub use fonbnk::{
    SIGMINT_FONBNK_SIGNATURE_LEN, sigmint_fonbnk_endpoint, sigmint_fonbnk_sign,
    sigmint_fonbnk_string_to_sign,
};
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
pub use params::sigmint_query_param;
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
    sigmint_result_str,
};
pub use strs::sigmint_str;
pub use validation::{
    SIGMINT_JSON_DEFAULT_MAX_DEPTH, SIGMINT_JSON_MAX_DEPTH, SIGMINT_JWS_DEFAULT_MAX_TOKEN_LEN,
    SIGMINT_JWT_MAX_LIST_LEN, SIGMINT_JWT_SKIP_AUD, SIGMINT_JWT_SKIP_EXP, SIGMINT_JWT_SKIP_IAT,
    SIGMINT_JWT_SKIP_ISS, SIGMINT_JWT_SKIP_NBF, sigmint_jwt_validation,
};
pub use version::sigmint_version;

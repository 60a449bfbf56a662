//! C ABI for sigmint: `#include <sigmint.h>`, link `libsigmint.a` (or `libsigmint.so`).
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

// Helpers.
mod args;
mod panic;
mod params;

pub use fonbnk::{
    SIGMINT_FONBNK_SIGNATURE_LEN, sigmint_fonbnk_endpoint, sigmint_fonbnk_sign,
    sigmint_fonbnk_string_to_sign,
};
pub use hmac::{SIGMINT_HMAC_SHA256_LEN, sigmint_hmac_sha256, sigmint_hmac_sha256_verify};
pub use key::{
    SIGMINT_KEY_SIZE, sigmint_key, sigmint_key_clear, sigmint_key_init, sigmint_key_init_base64,
};
pub use params::sigmint_query_param;
pub use result::{
    SIGMINT_RESULT_BUFFER_TOO_SMALL, SIGMINT_RESULT_EMPTY_KEY,
    SIGMINT_RESULT_ENDPOINT_INVALID_CHAR, SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE,
    SIGMINT_RESULT_INVALID_BASE64, SIGMINT_RESULT_INVALID_CLIENT_ID,
    SIGMINT_RESULT_INVALID_SIGNATURE, SIGMINT_RESULT_INVALID_UTF8,
    SIGMINT_RESULT_KEY_NOT_INITIALIZED, SIGMINT_RESULT_NULL_PARAMETER, SIGMINT_RESULT_OK,
    SIGMINT_RESULT_PANIC, SIGMINT_RESULT_PATH_HAS_QUERY, sigmint_result, sigmint_result_str,
};
pub use version::sigmint_version;

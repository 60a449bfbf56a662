//! C ABI for sigmint: `#include <sigmint.h>`, link `libsigmint.a` (or `libsigmint.so`).
//!
//! Request signing (keys, HMAC, Fonbnk, and any HMAC-SHA256 scheme: a template of request parts
//! with the partners' presets), inbound webhooks (GitHub, Slack, Stripe, Shopify: rotated
//! secrets, timestamp windows, a replay store in caller memory), HS256 tokens (JWS verify, JWT verify and
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
//!   for the size. The one other output written on a refusal says so (the header
//!   `sigmint_webhook_verify` refused).
//! - Text goes in and comes out as bytes plus a length: outputs are not NUL-terminated, inputs
//!   need not be. Text inputs must be UTF-8 (`SIGMINT_RESULT_INVALID_UTF8` otherwise). The
//!   fixed arrays of `sigmint_fonbnk_headers`, the static texts of the getters (base URLs,
//!   paths) and the header names and values of `sigmint_webhook_sign` are NUL-terminated as
//!   well, and say so.
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

mod abi;
mod canonical;
mod crypto;
mod jose;
mod json;
mod providers;
mod result;
mod version;
mod webhooks;

// The C API, at the crate root for Rust callers (the tests): every `pub` item of these
// modules is part of it.
pub use abi::{params::*, strs::*, views::*};
pub use canonical::{parts::*, scheme::*, sign::*};
pub use crypto::{hmac::*, key::*};
pub use jose::jws::*;
pub use jose::jwt::{mint::*, validation::*, verify::*};
pub use json::*;
pub use providers::error_message::*;
pub use providers::fonbnk::{
    api::*, headers::*, kyc::*, request::*, sign::*, tokens::*, verify::*, widget::*,
};
pub use providers::{mygiro::*, sfox::*};
pub use result::*;
pub use version::*;
pub use webhooks::{headers::*, replay::*, sign::*, verify::*};

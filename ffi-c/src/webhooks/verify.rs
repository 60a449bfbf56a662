//! Verifying an inbound webhook: headers, body, the caller's clock, rotated keys, and an
//! optional replay store.

use core::ffi::c_char;
use core::ptr::NonNull;
use core::time::Duration;

use sigmint_core::Error;
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{self, Verifier};

use crate::abi::args::{bytes, put};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::crypto::key::{keys_ref, sigmint_key};
use crate::result::sigmint_result;
use crate::webhooks::headers::{checked, header_name, sigmint_http_header};
use crate::webhooks::provider;
use crate::webhooks::replay::{Store, sigmint_replay};

/// How far, in seconds, a webhook's signed timestamp may be from the receiver's clock, either
/// side, unless the receiver says otherwise: the 5 minutes Slack and Stripe document. Pass it
/// as `tolerance_s` to `sigmint_webhook_verify`.
pub const SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S: u64 = 300;

const _: () = assert!(webhooks::DEFAULT_TOLERANCE.as_secs() == SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S);

/// Verifies an inbound webhook of the provider named `provider_name[0..provider_len]`
/// (`github`, `slack`, `stripe`, `shopify`): the request's headers `headers[0..header_count]`
/// as received (names in any case, values with surrounding spaces allowed) and its raw body
/// `body[0..body_len]`, against any of the keys `keys[0..key_count]` (each the raw secret,
/// `sigmint_key_init`; several while a secret is rotated), at the receiver's time `now_s` (Unix
/// seconds, from the caller's clock). The signature is compared in constant time, and checked
/// before the timestamp, so that a refused timestamp always belongs to an authentic request.
///
/// `tolerance_s` is how far the signed timestamp (Slack's, Stripe's) may be from `now_s`,
/// either side: pass `SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S` unless the provider says otherwise.
/// With a `replay` store (`sigmint_replay_init`), an authentic request it has accepted before
/// is refused with `SIGMINT_RESULT_REPLAYED`, and one accepted now is recorded in it; NULL
/// checks no replay.
///
/// On success, `*key_index` (unless `key_index` is NULL) is the index in `keys` of the first
/// key that matched: while a secret is rotated, it tells when the old one stops being used.
///
/// Returns `SIGMINT_RESULT_INVALID_SIGNATURE` when no key's signature is among the received
/// ones; `SIGMINT_RESULT_MISSING_HEADER` for a header the provider needs that is absent;
/// `SIGMINT_RESULT_MALFORMED_HEADER` for one given twice or not in the provider's format: for
/// both, `*refused_header` (unless `refused_header` is NULL) is pointed at the header's name as
/// the provider documents it (`X-Slack-Request-Timestamp`; a static text, NUL-terminated too),
/// the one output written on a refusal; `SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW`;
/// `SIGMINT_RESULT_REPLAYED`; `SIGMINT_RESULT_BUFFER_TOO_SMALL` for a replay store with no
/// slots; `SIGMINT_RESULT_EMPTY_KEY` when `key_count` is 0; `SIGMINT_RESULT_UNKNOWN_SCHEME` for
/// another provider name; `SIGMINT_RESULT_KEY_NOT_INITIALIZED` when a key is not initialized.
///
/// # Safety
/// `provider_name` must be readable for `provider_len` bytes, `keys` point to `key_count`
/// `sigmint_key`s, `headers` be readable for `header_count` headers (and each name and value
/// for its length), `body` for `body_len` bytes; `replay` must be NULL or a store set up by
/// `sigmint_replay_init` (or zeroed) that no other thread uses during the call; `key_index`
/// must be NULL or writable for a `size_t`, `refused_header` NULL or writable for a
/// `sigmint_str`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_webhook_verify(
    provider_name: *const c_char,
    provider_len: usize,
    keys: *const sigmint_key,
    key_count: usize,
    headers: *const sigmint_http_header,
    header_count: usize,
    body: *const u8,
    body_len: usize,
    now_s: i64,
    tolerance_s: u64,
    replay: *mut sigmint_replay,
    key_index: *mut usize,
    refused_header: *mut sigmint_str,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (provider, keys, headers, body) = unsafe {
            (
                provider(provider_name, provider_len)?,
                keys_ref(keys, key_count)?,
                checked(headers, header_count)?,
                bytes(body, body_len)?,
            )
        };
        let verifier =
            Verifier::new(provider, keys).with_tolerance(Duration::from_secs(tolerance_s));
        let now = UnixSeconds(now_s);
        let verified = match NonNull::new(replay) {
            None => verifier.verify(headers, body, now),
            Some(replay) => {
                // SAFETY: the caller guarantees `replay` is a store of ours, used only here.
                let mut store = unsafe { Store::open(replay) }?;
                let verified = verifier.verify_once(headers, body, now, &mut store.set);
                if verified.is_ok() {
                    // SAFETY: as above.
                    unsafe { store.close() }?;
                }
                verified
            }
        };
        match verified {
            Ok(verified) => match NonNull::new(key_index) {
                // SAFETY: the caller guarantees `key_index` is NULL or writable.
                Some(out) => unsafe { put(out, verified.key_index) },
                None => Ok(()),
            },
            Err(error) => {
                if let (
                    Error::MissingHeader { header } | Error::MalformedHeader { header },
                    Some(out),
                ) = (error, NonNull::new(refused_header))
                {
                    // SAFETY: the caller guarantees `refused_header` is NULL or writable.
                    unsafe { put(out, header_name(header)?) }?;
                }
                Err(error.into())
            }
        }
    })
}

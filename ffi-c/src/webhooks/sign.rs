//! Signing a webhook as its provider does: the headers to send, into the caller's buffers.

use core::ffi::c_char;

use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks;

use crate::abi::args::{bytes, required, scratch};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::{
    SIGMINT_RESULT_BUFFER_TOO_SMALL, SIGMINT_RESULT_NULL_PARAMETER, SIGMINT_RESULT_PANIC,
    sigmint_result,
};
use crate::webhooks::headers::{SIGMINT_WEBHOOK_MAX_HEADERS, header_name, sigmint_http_header};
use crate::webhooks::provider;

/// Signs `body[0..body_len]` as the provider named `provider_name[0..provider_len]` (`github`,
/// `slack`, `stripe`, `shopify`) signs a webhook, with the secret `key` holds (the raw secret,
/// `sigmint_key_init`) at `timestamp_s` (Unix seconds, from the caller's clock; ignored by the
/// providers that sign no timestamp), and gives the headers to send: for tests, and for
/// services that send webhooks.
///
/// Fills `headers[0..*headers_len]` (in the order to send them: Slack's timestamp first, then
/// the signature) and writes the values to `out`. Each `headers[i].name` is a static text and
/// each `headers[i].value` points into `out`; both are NUL-terminated as well as given with
/// their lengths, so `printf("%s: %s\r\n", h.name, h.value)` sends one. `*out_len` is the bytes
/// of `out` used, NULs included. The array can go straight to `sigmint_webhook_verify`.
///
/// When `headers_cap` or `out_cap` is too small, returns `SIGMINT_RESULT_BUFFER_TOO_SMALL` with
/// the number of headers needed in `*headers_len` (at most `SIGMINT_WEBHOOK_MAX_HEADERS`) and
/// the bytes needed in `*out_len`, writing nothing else; both buffers may be NULL when their
/// capacity is 0, to ask for both sizes.
///
/// Returns `SIGMINT_RESULT_UNKNOWN_SCHEME` for another provider name, `SIGMINT_RESULT_INVALID_PART`
/// for a negative timestamp where one is signed, `SIGMINT_RESULT_INVALID_UTF8`,
/// `SIGMINT_RESULT_KEY_NOT_INITIALIZED`.
///
/// # Safety
/// `provider_name` must be readable for `provider_len` bytes, `key` point to a `sigmint_key`,
/// `body` be readable for `body_len` bytes; `headers` must be writable for `headers_cap`
/// headers, `out` for `out_cap` bytes, `headers_len` and `out_len` for a `size_t` each;
/// outputs must not overlap inputs or each other.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_webhook_sign(
    provider_name: *const c_char,
    provider_len: usize,
    key: *const sigmint_key,
    body: *const u8,
    body_len: usize,
    timestamp_s: i64,
    headers: *mut sigmint_http_header,
    headers_cap: usize,
    headers_len: *mut usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        let (headers_len, out_len) = (required(headers_len)?, required(out_len)?);
        if headers.is_null() && headers_cap != 0 {
            return Err(SIGMINT_RESULT_NULL_PARAMETER);
        }
        // SAFETY: the caller guarantees every pointer is valid for its stated length and that
        // `key` points to a `sigmint_key`.
        let (values, provider, key, body) = unsafe {
            (
                scratch(out.cast(), out_cap)?,
                provider(provider_name, provider_len)?,
                key_ref(key)?,
                bytes(body, body_len)?,
            )
        };
        let sent = webhooks::sign(provider, key, body, UnixSeconds(timestamp_s))?;
        let count = sent.pairs().count();
        let needed = sent.pairs().fold(0usize, |sum, (_, value)| {
            sum.saturating_add(value.len()).saturating_add(1)
        });
        if count > headers_cap || needed > values.len() {
            // SAFETY: both were checked not NULL; the caller guarantees they are writable.
            unsafe {
                headers_len.write(count);
                out_len.write(needed);
            }
            return Err(SIGMINT_RESULT_BUFFER_TOO_SMALL);
        }
        // Every name is found before anything is written.
        let mut names = [None; SIGMINT_WEBHOOK_MAX_HEADERS];
        for (slot, (name, _)) in names.iter_mut().zip(sent.pairs()) {
            *slot = Some(header_name(name)?);
        }
        let mut at = 0usize;
        for (i, ((_, value), name)) in sent.pairs().zip(names).enumerate() {
            // Room was checked above, and the names were found: neither can fail here.
            let name = name.ok_or(SIGMINT_RESULT_PANIC)?;
            let end = at.saturating_add(value.len());
            let (nul, text) = values
                .get_mut(at..=end)
                .and_then(<[u8]>::split_last_mut)
                .ok_or(SIGMINT_RESULT_PANIC)?;
            text.copy_from_slice(value.as_bytes());
            *nul = 0;
            let header = sigmint_http_header {
                name: name.ptr,
                name_len: name.len,
                // Where the text was just written: `out` is not NULL, `values` being as long.
                value: out.cast_const().wrapping_add(at),
                value_len: value.len(),
            };
            // SAFETY: `i < count <= headers_cap`, and the caller guarantees `headers` is
            // writable for `headers_cap` headers (not NULL: `headers_cap` is not 0 here).
            unsafe { headers.add(i).write(header) };
            at = end.saturating_add(1);
        }
        // SAFETY: both were checked not NULL; the caller guarantees they are writable.
        unsafe {
            headers_len.write(count);
            out_len.write(at);
        }
        Ok(())
    })
}

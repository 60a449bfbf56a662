//! The provider's own text from an error answer (`{"message":…}`, or a body that is not JSON
//! at all, such as a proxy's HTML page).

use core::ffi::c_char;

use sigmint_core::providers::{self, MAX_RESPONSE_LEN};

use crate::abi::args::{Output, text_bytes};
use crate::abi::panic::ffi;
use crate::result::sigmint_result;

/// The longest response body the provider parsers read: 64 KiB (longer is
/// `SIGMINT_RESULT_RESPONSE_TOO_LARGE`).
pub const SIGMINT_PROVIDER_MAX_RESPONSE_LEN: usize = 64 * 1024;

const _: () = assert!(SIGMINT_PROVIDER_MAX_RESPONSE_LEN == MAX_RESPONSE_LEN);

/// Writes the provider's own text from the error answer `body[0..body_len]` to `out` (UTF-8,
/// not NUL-terminated) and its length to `*out_len`: the `message` string of a JSON object,
/// escapes resolved (`{"message":"Invalid signature"}` gives `Invalid signature`; Mygiro's
/// `{"status":"error","message":…}` too), else the whole body with surrounding whitespace
/// trimmed, as long as it is UTF-8 (a proxy's `502 Bad Gateway` page).
///
/// Call it after a parser returned `SIGMINT_RESULT_PROVIDER_ERROR`, or for any answer with an
/// HTTP status that is not 2xx. Returns `SIGMINT_RESULT_MISSING_FIELD` when the body holds no
/// text (empty, only whitespace, or an empty `message`), `SIGMINT_RESULT_INVALID_UTF8` when it
/// is not UTF-8, `SIGMINT_RESULT_RESPONSE_TOO_LARGE` for a body over
/// `SIGMINT_PROVIDER_MAX_RESPONSE_LEN` (not read). Buffers work as for
/// `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `body` must be readable for `body_len` bytes, `out` writable for `out_cap` bytes and
/// `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_provider_error_message(
    body: *const c_char,
    body_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, body) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                text_bytes(body, body_len)?,
            )
        };
        // Without room to unescape into, core hands back any text that needs none (a view of
        // `body`); one that needs room it unescapes into `out` (from its start).
        match providers::error_message(body, &mut []) {
            Ok(text) => output.write(text.as_bytes()),
            Err(error) if error.needed().is_some() => {
                output.fill(|buf| Ok(providers::error_message(body, buf)?.len()))
            }
            Err(error) => Err(error.into()),
        }
    })
}

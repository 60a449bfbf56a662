//! `sigmint_http_header`: a request's headers as C holds them, and the providers' header
//! names as static C strings.

use core::ffi::c_char;
use core::slice;

use sigmint_core::webhooks::{Provider, ReceivedHeader};

use crate::abi::args::{items, text_bytes};
use crate::abi::strs::sigmint_str;
use crate::abi::views::{static_text, static_view};
use crate::result::{SIGMINT_RESULT_PANIC, sigmint_result};

/// One HTTP header: its name and its value, bytes plus a length each (not NUL-terminated;
/// HTTP values need not be UTF-8). `name` (or `value`) may be NULL only when `name_len` (or
/// `value_len`) is 0.
///
/// `sigmint_webhook_verify` reads an array of them, the request's headers as received (names
/// in any case); `sigmint_webhook_sign` fills one, with static names and values in the
/// caller's buffer, both NUL-terminated as well.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_http_header {
    /// The name's bytes.
    pub name: *const c_char,
    /// The name's length in bytes.
    pub name_len: usize,
    /// The value's bytes.
    pub value: *const c_char,
    /// The value's length in bytes.
    pub value_len: usize,
}

/// The most headers `sigmint_webhook_sign` gives for any provider (Slack's timestamp and
/// signature): room for this many always suffices.
pub const SIGMINT_WEBHOOK_MAX_HEADERS: usize = 2;

/// How many headers `provider` sends: its signature's, and its timestamp's if it has one.
const fn sent_by(provider: Provider) -> usize {
    if provider.timestamp_header().is_some() {
        2
    } else {
        1
    }
}

// The constant is the most any of core's providers sends.
const _: () = {
    let mut most = 0;
    let mut i = 0;
    while i < Provider::ALL.len() {
        #[allow(
            clippy::indexing_slicing,
            reason = "a constant: out of bounds fails the build"
        )]
        let sent = sent_by(Provider::ALL[i]);
        if sent > most {
            most = sent;
        }
        i += 1;
    }
    assert!(most == SIGMINT_WEBHOOK_MAX_HEADERS);
};

/// A provider's timestamp header, or `""` when it has none.
const fn timestamp_name(provider: Provider) -> &'static str {
    match provider.timestamp_header() {
        Some(name) => name,
        None => "",
    }
}

/// Each provider's header names, NUL-terminated: signature headers in `Provider::ALL` order,
/// then timestamp headers (empty for the providers that send none).
static NAMES: [&[u8]; 8] = [
    static_text!(Provider::ALL[0].signature_header()),
    static_text!(Provider::ALL[1].signature_header()),
    static_text!(Provider::ALL[2].signature_header()),
    static_text!(Provider::ALL[3].signature_header()),
    static_text!(timestamp_name(Provider::ALL[0])),
    static_text!(timestamp_name(Provider::ALL[1])),
    static_text!(timestamp_name(Provider::ALL[2])),
    static_text!(timestamp_name(Provider::ALL[3])),
];

const _: () = assert!(Provider::ALL.len() * 2 == NAMES.len());

/// The NUL-terminated copy of a header name core gives (one of its providers').
pub(crate) fn header_name(name: &'static str) -> Result<sigmint_str, sigmint_result> {
    NAMES
        .iter()
        .find(|text| text.strip_suffix(b"\0") == Some(name.as_bytes()))
        .map(|text| static_view(text))
        // Every name core hands out is in the table; another would be a bug.
        .ok_or(SIGMINT_RESULT_PANIC)
}

/// A `sigmint_http_header` whose name and value were checked to be readable: only
/// [`checked`] hands these out, so they read as bytes.
#[repr(transparent)]
pub(crate) struct CheckedHeader(sigmint_http_header);

/// The bytes of a checked header's name or value.
///
/// # Safety
/// `ptr` must be NULL with `len` 0, or readable for `len` bytes as long as the result is used.
unsafe fn checked_bytes<'a>(ptr: *const c_char, len: usize) -> &'a [u8] {
    if ptr.is_null() {
        return &[];
    }
    // SAFETY: the caller's guarantee.
    unsafe { slice::from_raw_parts(ptr.cast(), len) }
}

impl ReceivedHeader for CheckedHeader {
    fn name(&self) -> &[u8] {
        // SAFETY: `checked` checked the name (NULL only with length 0), and its caller
        // guarantees it stays readable and unchanged while the headers are used.
        unsafe { checked_bytes(self.0.name, self.0.name_len) }
    }

    fn value(&self) -> &[u8] {
        // SAFETY: as for the name.
        unsafe { checked_bytes(self.0.value, self.0.value_len) }
    }
}

/// The headers `headers[0..len]`, each name and value checked for NULL, as core takes them.
///
/// # Safety
/// Unless NULL, `headers` must be readable for `len` headers during `'a`, each of whose name
/// and value is readable for its length during `'a`; none of it may be written during `'a`.
pub(crate) unsafe fn checked<'a>(
    headers: *const sigmint_http_header,
    len: usize,
) -> Result<&'a [CheckedHeader], sigmint_result> {
    // SAFETY: forwarded from the caller.
    let headers = unsafe { items(headers, len) }?;
    for header in headers {
        // SAFETY: forwarded from the caller.
        unsafe {
            text_bytes(header.name, header.name_len)?;
            text_bytes(header.value, header.value_len)?;
        }
    }
    // SAFETY: `CheckedHeader` is `repr(transparent)` over `sigmint_http_header`, and every
    // header was just checked, which is what a `CheckedHeader` is.
    Ok(unsafe { slice::from_raw_parts(headers.as_ptr().cast(), headers.len()) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_header_has_its_c_string() {
        for provider in Provider::ALL {
            let names = [
                Some(provider.signature_header()),
                provider.timestamp_header(),
            ];
            for name in names.into_iter().flatten() {
                let view = header_name(name).unwrap();
                assert_eq!(view.len, name.len());
                // SAFETY: the view is of a static NUL-terminated text.
                let text = unsafe { core::ffi::CStr::from_ptr(view.ptr) };
                assert_eq!(text.to_str(), Ok(name));
            }
        }
        assert_eq!(header_name("X-Other").err(), Some(SIGMINT_RESULT_PANIC));
    }
}

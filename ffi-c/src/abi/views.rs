//! Texts handed back to C as `sigmint_str` views: into the caller's response body, or into
//! static NUL-terminated strings; and `sigmint_view_unescape`, a view's text with its JSON
//! escapes resolved.
//!
//! A view of a JSON string holds the string's contents exactly as the body spells them:
//! between the quotes, escapes intact. Ids, tokens and dates never hold escapes (the parsers
//! refuse them there), so those views are the text itself; for the other strings (titles,
//! descriptions, ids the provider may escape) `sigmint_view_unescape` gives the text.

use core::ffi::c_char;
use core::ptr;

use sigmint_core::Error;
use sigmint_core::json::{self, Kind, Value};

use crate::abi::args::{Output, text_bytes};
use crate::abi::panic::ffi;
use crate::abi::strs::sigmint_str;
use crate::json::write_unescaped;
use crate::result::{SIGMINT_RESULT_NULL_PARAMETER, sigmint_result};

/// `{NULL, 0}`: an absent field.
pub(crate) const ABSENT: sigmint_str = sigmint_str {
    ptr: ptr::null(),
    len: 0,
};

/// A view of `text` (which lives as long as the body, or forever).
pub(crate) fn view(text: &str) -> sigmint_str {
    sigmint_str {
        ptr: text.as_ptr().cast(),
        len: text.len(),
    }
}

/// A view of a string value's contents, between its quotes (escapes intact); of any other
/// value, its JSON text.
pub(crate) fn string_view(value: Value<'_>) -> sigmint_str {
    let raw = value.raw();
    let contents = match value.kind() {
        Kind::String => raw.get(1..raw.len().saturating_sub(1)).unwrap_or(""),
        _ => raw,
    };
    view(contents)
}

/// [`string_view`] of a field that may be absent.
pub(crate) fn optional_view(value: Option<Value<'_>>) -> sigmint_str {
    value.map_or(ABSENT, string_view)
}

/// A view of a static NUL-terminated text, without its NUL.
pub(crate) fn static_view(nul_terminated: &'static [u8]) -> sigmint_str {
    sigmint_str {
        ptr: nul_terminated.as_ptr().cast(),
        len: nul_terminated.len().saturating_sub(1),
    }
}

/// The NUL-terminated bytes of a constant text, built at compile time.
macro_rules! static_text {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const BYTES: [u8; TEXT.len() + 1] = $crate::result::nul_terminated(TEXT, false);
        &BYTES
    }};
}
pub(crate) use static_text;

/// The JSON string whose contents `view` shows, found inside `body`: the view must lie inside
/// it, between two quotes that, with it, make one JSON string.
fn quoted<'a>(body: &'a [u8], view: sigmint_str) -> Result<Value<'a>, sigmint_result> {
    let start = view
        .ptr
        .addr()
        .checked_sub(body.as_ptr().addr())
        .ok_or(Error::InvalidJson)?;
    let end = start.checked_add(view.len).ok_or(Error::InvalidJson)?;
    let with_quotes = start
        .checked_sub(1)
        .and_then(|first| body.get(first..end.checked_add(1)?))
        .ok_or(Error::InvalidJson)?;
    let value = json::validate(with_quotes, json::DEFAULT_MAX_DEPTH)?;
    if value.kind() != Kind::String {
        return Err(Error::InvalidJson.into());
    }
    Ok(value)
}

/// Writes the text of `view`, a view of a JSON string's contents that a sigmint parser
/// returned for `body[0..body_len]`, with its escapes resolved (`\n`, `\"`, `\u00e9`, …) as
/// UTF-8 to `out` (not NUL-terminated; a `\u0000` is a NUL byte in it), and its length to
/// `*out_len`. A view without a backslash is already its text: this copies it.
///
/// `body` must be the same body the view points into (the view is found by its address).
/// Returns `SIGMINT_RESULT_MISSING_FIELD` for the absent view `{NULL, 0}`,
/// `SIGMINT_RESULT_INVALID_JSON` when the view does not lie inside `body` between two quotes
/// that make, with it, one JSON string. Buffers work as for `sigmint_fonbnk_endpoint`.
///
/// # Safety
/// `body` must be readable for `body_len` bytes, `view.ptr` be NULL or any pointer (it is
/// compared, and read only inside `body`), `out` writable for `out_cap` bytes and `out_len`
/// for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_view_unescape(
    body: *const c_char,
    body_len: usize,
    view: sigmint_str,
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
        if view.ptr.is_null() {
            return Err(if view.len == 0 {
                // C only sees the result; which field the view stood for, the caller knows.
                Error::MissingField { field: "view" }.into()
            } else {
                SIGMINT_RESULT_NULL_PARAMETER
            });
        }
        write_unescaped(output, quoted(body, view)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{
        SIGMINT_RESULT_BUFFER_TOO_SMALL, SIGMINT_RESULT_INVALID_JSON, SIGMINT_RESULT_MISSING_FIELD,
        SIGMINT_RESULT_OK,
    };

    fn unescape(body: &str, view: sigmint_str) -> (sigmint_result, String) {
        let mut out = [0u8; 32];
        let mut len = 0usize;
        // SAFETY: every buffer is valid for its length.
        let result = unsafe {
            sigmint_view_unescape(
                body.as_ptr().cast(),
                body.len(),
                view,
                out.as_mut_ptr().cast(),
                out.len(),
                &mut len,
            )
        };
        let text = if result == SIGMINT_RESULT_OK {
            String::from_utf8(out[..len].to_vec()).unwrap()
        } else {
            String::new()
        };
        (result, text)
    }

    #[test]
    fn views_are_found_in_their_body() {
        let body = r#"{"a":"caf\u00e9 \"x\"","b":"plain","n":12}"#;
        let doc = json::validate(body.as_bytes(), 32).unwrap();
        let a = string_view(doc.get("a").unwrap());
        assert_eq!(a.len, r#"caf\u00e9 \"x\""#.len());
        assert_eq!(unescape(body, a), (SIGMINT_RESULT_OK, "café \"x\"".into()));
        let b = string_view(doc.get("b").unwrap());
        assert_eq!(unescape(body, b), (SIGMINT_RESULT_OK, "plain".into()));
        let n = string_view(doc.get("n").unwrap());
        assert_eq!(unescape(body, n).0, SIGMINT_RESULT_INVALID_JSON);
        assert_eq!(unescape(body, ABSENT).0, SIGMINT_RESULT_MISSING_FIELD);
        let elsewhere = "\"x\"";
        assert_eq!(
            unescape(body, view(&elsewhere[1..2])).0,
            SIGMINT_RESULT_INVALID_JSON
        );
        // The whole body, or a view running past it.
        assert_eq!(unescape(body, view(body)).0, SIGMINT_RESULT_INVALID_JSON);
        let past = sigmint_str {
            ptr: b.ptr,
            len: body.len(),
        };
        assert_eq!(unescape(body, past).0, SIGMINT_RESULT_INVALID_JSON);
        let mut len = 0usize;
        // SAFETY: `body` is valid for its length; `out` is NULL with a capacity of 0.
        let small = unsafe {
            sigmint_view_unescape(
                body.as_ptr().cast(),
                body.len(),
                a,
                ptr::null_mut(),
                0,
                &mut len,
            )
        };
        assert_eq!(
            (small, len),
            (SIGMINT_RESULT_BUFFER_TOO_SMALL, "café \"x\"".len())
        );
        assert_eq!(static_view(static_text!("POST")).len, 4);
    }
}

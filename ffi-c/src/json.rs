//! Reading values out of a JSON document, such as the claims `sigmint_jwt_verify` writes.
//!
//! Every call validates the whole document again (UTF-8, RFC 8259, no duplicate keys, at most
//! `SIGMINT_JSON_DEFAULT_MAX_DEPTH` levels of nesting), then finds the value by a dotted path of
//! object keys (`userData.email`): nothing is kept between calls.

use core::ffi::c_char;
use core::ptr::NonNull;

use sigmint_core::json::{self, Value};

use crate::abi::args::{Output, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::result::sigmint_result;

/// The validated document `doc`.
fn document(doc: &[u8]) -> Result<Value<'_>, sigmint_result> {
    Ok(json::validate(doc, json::DEFAULT_MAX_DEPTH)?)
}

/// The checked inputs of a lookup: the document's bytes and the path as text.
///
/// # Safety
/// Unless NULL, `json` and `path` must be readable for their lengths during `'a`, not written
/// during `'a`.
unsafe fn inputs<'a>(
    json: *const c_char,
    json_len: usize,
    path: *const c_char,
    path_len: usize,
) -> Result<(&'a [u8], &'a [u8]), sigmint_result> {
    // SAFETY: forwarded from the caller.
    unsafe { Ok((text_bytes(json, json_len)?, text_bytes(path, path_len)?)) }
}

/// Writes the string at the dotted `path[0..path_len]` of the JSON document
/// `json[0..json_len]`, escapes resolved, as UTF-8 to `out` (not NUL-terminated; a `\u0000`
/// in the JSON is a NUL byte in it) and its length to `*out_len`.
///
/// Returns `SIGMINT_RESULT_MISSING_CLAIM` when the path is not there or its value is `null`,
/// `SIGMINT_RESULT_INVALID_CLAIM_TYPE` when the value is not a string; for the document,
/// `SIGMINT_RESULT_INVALID_JSON`, `SIGMINT_RESULT_INVALID_UTF8`,
/// `SIGMINT_RESULT_DUPLICATE_KEY` or `SIGMINT_RESULT_JSON_TOO_DEEP`;
/// `SIGMINT_RESULT_INVALID_UTF8` for a path that is not UTF-8. Buffers work as for
/// `sigmint_fonbnk_endpoint`. A key that itself holds a dot cannot be reached by a path: see
/// `sigmint_json_get_member_raw`.
///
/// # Safety
/// `json` must be readable for `json_len` bytes, `path` for `path_len` bytes, `out` writable
/// for `out_cap` bytes and `out_len` for a `size_t`; outputs must not overlap inputs.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_json_get_str(
    json: *const c_char,
    json_len: usize,
    path: *const c_char,
    path_len: usize,
    out: *mut c_char,
    out_cap: usize,
    out_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (output, (json, path)) = unsafe {
            (
                Output::new(out, out_cap, out_len)?,
                inputs(json, json_len, path, path_len)?,
            )
        };
        let value = document(json)?.require(utf8(path)?)?;
        write_unescaped(output, value)
    })
}

/// Writes the string `value`, escapes resolved, as UTF-8 to `output`; a value that is not a
/// string is `InvalidClaimType`.
pub(crate) fn write_unescaped(output: Output, value: Value<'_>) -> Result<(), sigmint_result> {
    output.fill(|buf| Ok(value.copy_str(buf)?.len()))
}

/// Writes the integer at the dotted `path[0..path_len]` of the JSON document
/// `json[0..json_len]` to `*out`.
///
/// Returns `SIGMINT_RESULT_MISSING_CLAIM` when the path is not there or its value is `null`,
/// `SIGMINT_RESULT_INVALID_CLAIM_TYPE` when the value is not a number written as an integer
/// (a fraction or an exponent, even `1.0` or `1e3`, is refused),
/// `SIGMINT_RESULT_INTEGER_OVERFLOW` beyond the `int64_t` range; document and path errors as
/// for `sigmint_json_get_str`.
///
/// # Safety
/// `json` must be readable for `json_len` bytes, `path` for `path_len` bytes and `out`
/// writable for an `int64_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_json_get_i64(
    json: *const c_char,
    json_len: usize,
    path: *const c_char,
    path_len: usize,
    out: *mut i64,
) -> sigmint_result {
    ffi(|| {
        let out = required(out)?;
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (json, path) = unsafe { inputs(json, json_len, path, path_len) }?;
        let value = document(json)?.require(utf8(path)?)?.as_i64()?;
        // SAFETY: the caller guarantees `out` is writable for an `int64_t`.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// Writes the boolean at the dotted `path[0..path_len]` of the JSON document
/// `json[0..json_len]` to `*out`.
///
/// Returns `SIGMINT_RESULT_MISSING_CLAIM` when the path is not there or its value is `null`,
/// `SIGMINT_RESULT_INVALID_CLAIM_TYPE` when the value is not `true` or `false`; document and
/// path errors as for `sigmint_json_get_str`.
///
/// # Safety
/// `json` must be readable for `json_len` bytes, `path` for `path_len` bytes and `out`
/// writable for a `bool`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_json_get_bool(
    json: *const c_char,
    json_len: usize,
    path: *const c_char,
    path_len: usize,
    out: *mut bool,
) -> sigmint_result {
    ffi(|| {
        let out = required(out)?;
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (json, path) = unsafe { inputs(json, json_len, path, path_len) }?;
        let value = document(json)?.require(utf8(path)?)?.as_bool()?;
        // SAFETY: the caller guarantees `out` is writable for a `bool`.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// Points `*value` at the value's exact JSON text inside `json` and writes its length to
/// `*value_len`: both outputs, or neither, are written.
///
/// # Safety
/// `value` and `value_len` must be writable for a pointer and a `size_t`.
unsafe fn point_at(
    raw: &str,
    value: NonNull<*const c_char>,
    value_len: NonNull<usize>,
) -> Result<(), sigmint_result> {
    // SAFETY: the caller guarantees both are writable.
    unsafe {
        value.write(raw.as_ptr().cast());
        value_len.write(raw.len());
    }
    Ok(())
}

/// Finds the value at the dotted `path[0..path_len]` of the JSON document `json[0..json_len]`,
/// of any kind, and points `*value` at its exact JSON text **inside `json`** (not copied, not
/// NUL-terminated: valid as long as `json` is), with its length in `*value_len`. A string's
/// text keeps its quotes and escapes; an object or array can be searched further by passing
/// it back as `json`.
///
/// Returns `SIGMINT_RESULT_MISSING_CLAIM` when the path is not there (a `null` value is found,
/// as the text `null`); document and path errors as for `sigmint_json_get_str`.
///
/// # Safety
/// `json` must be readable for `json_len` bytes, `path` for `path_len` bytes, `value` writable
/// for a pointer and `value_len` for a `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_json_get_raw(
    json: *const c_char,
    json_len: usize,
    path: *const c_char,
    path_len: usize,
    value: *mut *const c_char,
    value_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        let (value, value_len) = (required(value)?, required(value_len)?);
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (json, path) = unsafe { inputs(json, json_len, path, path_len) }?;
        let raw = document(json)?.find(utf8(path)?)?.raw();
        // SAFETY: the caller guarantees both outputs are writable.
        unsafe { point_at(raw, value, value_len) }
    })
}

/// As `sigmint_json_get_raw`, for the member of the top-level object whose key is exactly
/// `name[0..name_len]`, dots and all: for claims named by URI, such as
/// `http://example.com/is_root`, which a dotted path cannot reach.
///
/// # Safety
/// As `sigmint_json_get_raw`, with `name` readable for `name_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_json_get_member_raw(
    json: *const c_char,
    json_len: usize,
    name: *const c_char,
    name_len: usize,
    value: *mut *const c_char,
    value_len: *mut usize,
) -> sigmint_result {
    ffi(|| {
        let (value, value_len) = (required(value)?, required(value_len)?);
        // SAFETY: the caller guarantees every pointer is valid for its stated length.
        let (json, name) = unsafe { inputs(json, json_len, name, name_len) }?;
        let name = utf8(name)?;
        let raw = document(json)?.member(name)?.raw();
        // SAFETY: the caller guarantees both outputs are writable.
        unsafe { point_at(raw, value, value_len) }
    })
}

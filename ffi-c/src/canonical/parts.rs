//! `sigmint_parts`: the parts of one request a scheme may sign, as C gives them.

use core::ffi::c_char;
use core::ptr;

use sigmint_core::canonical::Parts;

use crate::abi::args::{bytes, required};
use crate::result::{SIGMINT_RESULT_NULL_PARAMETER, sigmint_result};

/// The parts of one request that a scheme may sign, each exactly as sent: bytes plus a
/// length, not NUL-terminated.
///
/// A NULL pointer (with a length of 0) means the part is not given: a template that signs it
/// is refused with `SIGMINT_RESULT_MISSING_PART`. A non-NULL pointer with a length of 0 is a
/// part given empty (an empty query). The body is always there: NULL with length 0 is an empty
/// body. A zeroed struct (`sigmint_parts p = {0};`) gives no part and an empty body. Which
/// bytes each part may hold is the scheme's rule (`SIGMINT_RESULT_INVALID_PART` and the
/// endpoint results).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_parts {
    /// The timestamp as sent (`{timestamp}`), in the scheme's units: visible ASCII.
    pub timestamp: *const c_char,
    /// The length of `timestamp`.
    pub timestamp_len: usize,
    /// The HTTP method (`{method}`): upper-case letters, as clients send it.
    pub method: *const c_char,
    /// The length of `method`.
    pub method_len: usize,
    /// The path with its query, as sent (`{path}`): starts with `/`, visible ASCII, no `#`.
    pub path: *const c_char,
    /// The length of `path`.
    pub path_len: usize,
    /// The query string without its `?`, as sent (`{query}`): visible ASCII, no `#`.
    pub query: *const c_char,
    /// The length of `query`.
    pub query_len: usize,
    /// The raw body (`{body}`, `{body_sha256}`).
    pub body: *const u8,
    /// The length of `body`.
    pub body_len: usize,
}

/// A part that may be absent: NULL is absent (with length 0; with another length, a NULL
/// data pointer).
///
/// # Safety
/// Unless NULL, `ptr` must be readable for `len` bytes during `'a`, not written during `'a`.
unsafe fn optional<'a>(ptr: *const c_char, len: usize) -> Result<Option<&'a [u8]>, sigmint_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(None)
        } else {
            Err(SIGMINT_RESULT_NULL_PARAMETER)
        };
    }
    // SAFETY: forwarded from the caller; `c_char` and `u8` have the same size and alignment.
    unsafe { bytes(ptr.cast(), len) }.map(Some)
}

/// Core's parts for the C struct at `parts`.
///
/// # Safety
/// Unless NULL, `parts` must point to a readable `sigmint_parts` whose parts are readable for
/// their lengths during `'a`; none of it may be written during `'a`.
pub(crate) unsafe fn parts_ref<'a>(
    parts: *const sigmint_parts,
) -> Result<Parts<'a>, sigmint_result> {
    let parts = required(parts.cast_mut())?;
    // SAFETY: not NULL and readable (the caller's guarantee); every field is a raw pointer or
    // an integer, for which any bit pattern is valid.
    let p = unsafe { ptr::read(parts.as_ptr()) };
    // SAFETY: the caller guarantees every part is readable for its length during `'a`.
    unsafe {
        Ok(Parts {
            timestamp: optional(p.timestamp, p.timestamp_len)?,
            method: optional(p.method, p.method_len)?,
            path: optional(p.path, p.path_len)?,
            query: optional(p.query, p.query_len)?,
            body: bytes(p.body, p.body_len)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_is_absent_and_empty_is_given() {
        // SAFETY: a sigmint_parts is pointers and lengths: all zeros is "nothing given".
        let mut p: sigmint_parts = unsafe { core::mem::zeroed() };
        // SAFETY: every pointer is NULL or valid for its length.
        unsafe {
            assert_eq!(parts_ref(&p), Ok(Parts::default()));
            p.query = c"".as_ptr();
            p.path = c"/x".as_ptr();
            p.path_len = 2;
            let parts = parts_ref(&p).unwrap();
            assert_eq!(
                (parts.query, parts.path),
                (Some(&b""[..]), Some(&b"/x"[..]))
            );
            p.method_len = 1;
            assert_eq!(parts_ref(&p), Err(SIGMINT_RESULT_NULL_PARAMETER));
            p.method_len = 0;
            p.body_len = 1;
            assert_eq!(parts_ref(&p), Err(SIGMINT_RESULT_NULL_PARAMETER));
            assert_eq!(parts_ref(ptr::null()), Err(SIGMINT_RESULT_NULL_PARAMETER));
        }
    }
}

//! Query parameters from C: `sigmint_query_param` arrays, checked once, then read as text.
//!
//! [`Params`] can only be made by checking every name and value (NULL pointers, UTF-8), so
//! reading them as `&str` afterwards needs no second check.

use core::ffi::c_char;
use core::slice;

use crate::abi::args::{items, text_bytes, utf8};
use crate::result::sigmint_result;

/// One query parameter, `name=value`: two UTF-8 texts, not NUL-terminated.
///
/// `name` (or `value`) may be NULL only when `name_len` (or `value_len`) is 0.
#[repr(C)]
pub struct sigmint_query_param {
    /// The name's bytes.
    pub name: *const c_char,
    /// The name's length in bytes.
    pub name_len: usize,
    /// The value's bytes.
    pub value: *const c_char,
    /// The value's length in bytes.
    pub value_len: usize,
}

/// Query parameters whose names and values are all known to be readable UTF-8.
#[derive(Clone, Copy)]
pub(crate) struct Params<'a>(&'a [sigmint_query_param]);

impl<'a> Params<'a> {
    /// Checks every parameter once, in order: NULL pointers, then UTF-8.
    ///
    /// # Safety
    /// Unless NULL, `params` must be readable for `len` parameters during `'a`, each of whose
    /// `name` and `value` is readable for its length during `'a`; none of it may be written
    /// during `'a`.
    pub(crate) unsafe fn new(
        params: *const sigmint_query_param,
        len: usize,
    ) -> Result<Self, sigmint_result> {
        // SAFETY: the caller guarantees `params` is readable for `len` parameters.
        let params = unsafe { items(params, len) }?;
        for param in params {
            // SAFETY: the caller guarantees each name and value is readable for its length.
            let (name, value) = unsafe {
                (
                    text_bytes(param.name, param.name_len)?,
                    text_bytes(param.value, param.value_len)?,
                )
            };
            utf8(name)?;
            utf8(value)?;
        }
        Ok(Params(params))
    }

    /// The `(name, value)` pairs, as core takes them.
    pub(crate) fn pairs(self) -> impl Iterator<Item = (&'a str, &'a str)> + Clone {
        self.0.iter().map(|param| {
            // SAFETY: `Params::new` checked that each name and value is readable for its
            // length (or empty) and UTF-8, and nobody writes them during `'a`.
            unsafe {
                (
                    checked_text(param.name, param.name_len),
                    checked_text(param.value, param.value_len),
                )
            }
        })
    }
}

/// Text that [`Params::new`] already checked.
///
/// # Safety
/// `ptr` must be NULL with `len` 0, or readable for `len` bytes of UTF-8 during `'a`.
unsafe fn checked_text<'a>(ptr: *const c_char, len: usize) -> &'a str {
    if ptr.is_null() {
        return "";
    }
    // SAFETY: the caller guarantees `len` readable bytes of UTF-8 at `ptr`.
    unsafe { core::str::from_utf8_unchecked(slice::from_raw_parts(ptr.cast(), len)) }
}

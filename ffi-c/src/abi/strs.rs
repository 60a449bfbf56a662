//! `sigmint_str`: a text given as pointer and length, alone or in arrays, checked once.

use core::ffi::c_char;

use crate::abi::args::{items, text_bytes, utf8};
use crate::result::sigmint_result;

/// A UTF-8 text: `len` bytes at `ptr`, not NUL-terminated. `ptr` may be NULL only when `len`
/// is 0; `{NULL, 0}` is the empty text.
///
/// The response parsers also hand texts back as `sigmint_str` views into the caller's body:
/// there `{NULL, 0}` means the field is absent (or `null`), while a present empty string has a
/// non-NULL `ptr` and `len` 0. See `sigmint_view_unescape`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_str {
    /// The text's bytes.
    pub ptr: *const c_char,
    /// The text's length in bytes.
    pub len: usize,
}

/// The text of `s`, checked for NULL and UTF-8.
///
/// # Safety
/// Unless NULL, `s.ptr` must be readable for `s.len` bytes during `'a`, not written during
/// `'a`.
pub(crate) unsafe fn text<'a>(s: sigmint_str) -> Result<&'a str, sigmint_result> {
    // SAFETY: forwarded from the caller.
    utf8(unsafe { text_bytes(s.ptr, s.len) }?)
}

/// The texts of the array `ptr[0..len]`, checked for NULL and UTF-8, in `room` (a caller's
/// fixed array, since nothing here allocates). A list longer than `room` is cut to it: make
/// `room` one longer than the list limit, and the check that refuses long lists (core's)
/// still sees that it is too long.
///
/// # Safety
/// Unless NULL, `ptr` must be readable for `len` `sigmint_str`s during `'a`, each readable as
/// [`text`] says; none of it may be written during `'a`.
pub(crate) unsafe fn texts<'a, 'r, const N: usize>(
    ptr: *const sigmint_str,
    len: usize,
    room: &'r mut [&'a str; N],
) -> Result<&'r [&'a str], sigmint_result> {
    // SAFETY: forwarded from the caller (only a prefix of what it vouches for is read).
    let given = unsafe { items(ptr, len.min(N)) }?;
    if ptr.is_null() && len != 0 {
        return Err(crate::result::SIGMINT_RESULT_NULL_PARAMETER);
    }
    for (slot, s) in room.iter_mut().zip(given) {
        // SAFETY: forwarded from the caller.
        *slot = unsafe { text(*s) }?;
    }
    Ok(room.get(..given.len()).unwrap_or(&[]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{SIGMINT_RESULT_INVALID_UTF8, SIGMINT_RESULT_NULL_PARAMETER};
    use core::ptr;

    fn s(text: &[u8]) -> sigmint_str {
        sigmint_str {
            ptr: text.as_ptr().cast(),
            len: text.len(),
        }
    }

    #[test]
    fn lists_are_checked_and_bounded() {
        let mut room = [""; 2];
        // SAFETY: every pointer is valid for its length, or NULL on purpose.
        unsafe {
            assert_eq!(texts(ptr::null(), 0, &mut room), Ok(&[][..]));
            assert_eq!(
                texts(ptr::null(), 1, &mut room),
                Err(SIGMINT_RESULT_NULL_PARAMETER)
            );
            let two = [s(b"a"), s(b"bc")];
            assert_eq!(texts(two.as_ptr(), 2, &mut room), Ok(&["a", "bc"][..]));
            let three = [s(b"a"), s(b"b"), s(b"c")];
            assert_eq!(texts(three.as_ptr(), 3, &mut room), Ok(&["a", "b"][..]));
            let bad = [s(b"a"), s(b"\xff")];
            assert_eq!(
                texts(bad.as_ptr(), 2, &mut room),
                Err(SIGMINT_RESULT_INVALID_UTF8)
            );
            let null = [sigmint_str {
                ptr: ptr::null(),
                len: 1,
            }];
            assert_eq!(
                texts(null.as_ptr(), 1, &mut room),
                Err(SIGMINT_RESULT_NULL_PARAMETER)
            );
            let empty = sigmint_str {
                ptr: ptr::null(),
                len: 0,
            };
            assert_eq!(text(empty), Ok(""));
        }
    }
}

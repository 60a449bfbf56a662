//! C arguments to Rust values: every NULL check, UTF-8 check and output write in one place.

use core::ffi::c_char;
use core::ptr::{self, NonNull};
use core::slice;

use sigmint_core::Error;

use crate::result::{
    SIGMINT_RESULT_BUFFER_TOO_SMALL, SIGMINT_RESULT_NULL_PARAMETER, sigmint_result,
};

/// A pointer that must not be NULL.
pub(crate) fn required<T>(ptr: *mut T) -> Result<NonNull<T>, sigmint_result> {
    NonNull::new(ptr).ok_or(SIGMINT_RESULT_NULL_PARAMETER)
}

/// `len` items at `ptr`, which may be NULL only when `len` is 0.
///
/// # Safety
/// Unless NULL, `ptr` must be aligned and valid for reads of `len` items during `'a`, and
/// those items must not be written during `'a`.
pub(crate) unsafe fn items<'a, T>(ptr: *const T, len: usize) -> Result<&'a [T], sigmint_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(SIGMINT_RESULT_NULL_PARAMETER)
        };
    }
    // SAFETY: `ptr` is not NULL, and the caller guarantees it is aligned and valid for reads
    // of `len` items that nobody writes during `'a`.
    Ok(unsafe { slice::from_raw_parts(ptr, len) })
}

/// `len` bytes at `ptr`, which may be NULL only when `len` is 0.
///
/// # Safety
/// As [`items`].
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], sigmint_result> {
    // SAFETY: forwarded from the caller.
    unsafe { items(ptr, len) }
}

/// Text bytes at `ptr` (C's `const char *` plus length); see [`bytes`].
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn text_bytes<'a>(
    ptr: *const c_char,
    len: usize,
) -> Result<&'a [u8], sigmint_result> {
    // SAFETY: forwarded from the caller; `c_char` and `u8` have the same size and alignment.
    unsafe { bytes(ptr.cast(), len) }
}

/// A caller's scratch buffer: `len` writable bytes at `ptr`, which may be NULL only when `len`
/// is 0.
///
/// # Safety
/// Unless NULL, `ptr` must be valid for reads and writes of `len` bytes during `'a`, and
/// nothing else may use those bytes during `'a`.
pub(crate) unsafe fn scratch<'a>(ptr: *mut u8, len: usize) -> Result<&'a mut [u8], sigmint_result> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&mut [])
        } else {
            Err(SIGMINT_RESULT_NULL_PARAMETER)
        };
    }
    // SAFETY: `ptr` is not NULL, and the caller guarantees it is valid for reads and writes of
    // `len` bytes that nobody else uses during `'a`.
    Ok(unsafe { slice::from_raw_parts_mut(ptr, len) })
}

/// `bytes` as UTF-8 text.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, sigmint_result> {
    // Endpoints and paths are ASCII; checking that is several times cheaper than full UTF-8
    // validation, which was half the C API's overhead over core on a signature.
    if bytes.is_ascii() {
        // SAFETY: ASCII is valid UTF-8.
        return Ok(unsafe { core::str::from_utf8_unchecked(bytes) });
    }
    core::str::from_utf8(bytes).map_err(|_| Error::InvalidUtf8.into())
}

/// A caller's output buffer, `out` with room for `out_cap` bytes, and `*out_len`, where the
/// length written (or, when the buffer is too small, the length needed) goes.
///
/// `out` may be NULL only when `out_cap` is 0, which asks for the size needed.
pub(crate) struct Output {
    out: *mut u8,
    cap: usize,
    out_len: NonNull<usize>,
}

impl Output {
    /// Checks the pointers of an output.
    ///
    /// # Safety
    /// Unless NULL, `out` must be valid for writes of `out_cap` bytes and `out_len` valid for
    /// a write of a `size_t`, until the [`Output`] is consumed; neither may overlap an input.
    pub(crate) unsafe fn new(
        out: *mut c_char,
        out_cap: usize,
        out_len: *mut usize,
    ) -> Result<Output, sigmint_result> {
        let out_len = required(out_len)?;
        if out.is_null() && out_cap != 0 {
            return Err(SIGMINT_RESULT_NULL_PARAMETER);
        }
        Ok(Output {
            out: out.cast(),
            cap: out_cap,
            out_len,
        })
    }

    /// Reports `SIGMINT_RESULT_BUFFER_TOO_SMALL` with `*out_len = needed`, writing nothing
    /// else: for a call whose other buffer (a scratch) is too small.
    pub(crate) fn too_small(&self, needed: usize) -> sigmint_result {
        // SAFETY: `out_len` is not NULL and valid for writes (`Output::new`).
        unsafe { self.out_len.write(needed) };
        SIGMINT_RESULT_BUFFER_TOO_SMALL
    }

    /// Hands the whole buffer to `write`, a core function that checks the room it needs itself
    /// (after checking its inputs, so input errors win over a small buffer) and writes only on
    /// success, returning how many bytes it wrote.
    ///
    /// When `write` reports [`Error::BufferTooSmall`], the size it needs goes to `*out_len`
    /// and the result is `SIGMINT_RESULT_BUFFER_TOO_SMALL`.
    pub(crate) fn fill(
        self,
        write: impl FnOnce(&mut [u8]) -> Result<usize, Error>,
    ) -> Result<(), sigmint_result> {
        let buf: &mut [u8] = if self.cap == 0 {
            &mut []
        } else {
            // SAFETY: `cap` is not 0, so `out` is not NULL and is valid for writes of `cap`
            // bytes (`Output::new`); nothing else refers to it.
            unsafe { slice::from_raw_parts_mut(self.out, self.cap) }
        };
        match write(buf) {
            Ok(written) => {
                // SAFETY: `out_len` is not NULL and valid for writes (`Output::new`).
                unsafe { self.out_len.write(written) };
                Ok(())
            }
            Err(error) => Err(self.refuse(error)),
        }
    }

    /// The result for `error`; for [`Error::BufferTooSmall`] (of this output or of a scratch
    /// buffer the same call was given), with the size it needs written to `*out_len`.
    pub(crate) fn refuse(&self, error: Error) -> sigmint_result {
        match error.needed() {
            Some(needed) => self.too_small(needed),
            None => error.into(),
        }
    }

    /// Copies `bytes` into the buffer, as [`Output::fill`] does with what core writes.
    pub(crate) fn write(self, bytes: &[u8]) -> Result<(), sigmint_result> {
        self.fill(|buf| {
            let needed = bytes.len();
            let dst = buf
                .get_mut(..needed)
                .ok_or(Error::BufferTooSmall { needed })?;
            dst.copy_from_slice(bytes);
            Ok(bytes.len())
        })
    }
}

/// Writes `value` to a required output (a C struct or scalar), the last step of a successful
/// call.
///
/// # Safety
/// `out` must be valid for a write of a `T` and must not overlap any input.
pub(crate) unsafe fn put<T>(out: NonNull<T>, value: T) -> Result<(), sigmint_result> {
    // SAFETY: the caller guarantees `out` is valid for a write of a `T`; `NonNull` is not NULL,
    // and a C pointer to `T` is aligned for it.
    unsafe { out.write(value) };
    Ok(())
}

/// Copies `N` bytes to a required fixed-size output, the last step of a successful call.
///
/// # Safety
/// `out` must be valid for writes of `N` bytes and must not overlap `bytes`.
pub(crate) unsafe fn write_fixed<const N: usize>(out: NonNull<u8>, bytes: &[u8; N]) {
    // SAFETY: `bytes` is valid for N reads; the caller guarantees `out` is valid for N writes
    // and does not overlap it; `u8` needs no alignment.
    unsafe { ptr::copy_nonoverlapping(bytes.as_ptr(), out.as_ptr(), N) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{SIGMINT_RESULT_EMPTY_KEY, SIGMINT_RESULT_INVALID_UTF8};

    #[test]
    fn null_only_with_zero_length() {
        // SAFETY: NULL pointers are what is being tested; nothing is read through them.
        unsafe {
            assert_eq!(bytes(ptr::null(), 0), Ok(&[][..]));
            assert_eq!(bytes(ptr::null(), 1), Err(SIGMINT_RESULT_NULL_PARAMETER));
        }
        assert_eq!(utf8(b"\xff"), Err(SIGMINT_RESULT_INVALID_UTF8));
    }

    #[test]
    fn output_reports_size_or_writes_exactly() {
        let mut len = 0usize;
        let mut buf = [b'#'; 4];
        // SAFETY: `buf` and `len` are valid for the stated sizes and outlive the outputs.
        unsafe {
            let out = Output::new(buf.as_mut_ptr().cast(), 3, &mut len).unwrap();
            assert_eq!(out.write(b"abcd"), Err(SIGMINT_RESULT_BUFFER_TOO_SMALL));
            assert_eq!((len, buf), (4, [b'#'; 4]));
            let out = Output::new(buf.as_mut_ptr().cast(), 4, &mut len).unwrap();
            assert_eq!(out.write(b"ab"), Ok(()));
            assert_eq!((len, &buf), (2, b"ab##"));
            let out = Output::new(ptr::null_mut(), 0, &mut len).unwrap();
            assert_eq!(out.write(b"xyz"), Err(SIGMINT_RESULT_BUFFER_TOO_SMALL));
            assert_eq!(len, 3);
            assert!(Output::new(ptr::null_mut(), 1, &mut len).is_err());
            let out = Output::new(buf.as_mut_ptr().cast(), 1, &mut len).unwrap();
            let fill = out.fill(|_| Err(Error::BufferTooSmall { needed: 9 }));
            assert_eq!(
                (fill, len, &buf),
                (Err(SIGMINT_RESULT_BUFFER_TOO_SMALL), 9, b"ab##")
            );
            let out = Output::new(buf.as_mut_ptr().cast(), 4, &mut len).unwrap();
            let fill = out.fill(|b| {
                b[3] = b'!';
                Ok(4)
            });
            assert_eq!((fill, len, &buf), (Ok(()), 4, b"ab#!"));
            let out = Output::new(ptr::null_mut(), 0, &mut len).unwrap();
            assert_eq!(
                out.fill(|b| Err(if b.is_empty() {
                    Error::EmptyKey
                } else {
                    Error::Expired
                })),
                Err(SIGMINT_RESULT_EMPTY_KEY)
            );
            let mut scratch_buf = [0u8; 2];
            assert_eq!(scratch(scratch_buf.as_mut_ptr(), 2).map(|s| s.len()), Ok(2));
            assert_eq!(scratch(ptr::null_mut(), 0).map(|s| s.len()), Ok(0));
            assert!(scratch(ptr::null_mut(), 1).is_err());
            assert!(Output::new(buf.as_mut_ptr().cast(), 4, ptr::null_mut()).is_err());
        }
    }
}

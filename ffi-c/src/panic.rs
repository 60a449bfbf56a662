//! The panic boundary: no Rust panic ever unwinds into C.
//!
//! Core is written never to panic, so a panic here is a bug. Each exported function runs its
//! body inside [`std::panic::catch_unwind`] (as rustls-ffi's `ffi_panic_boundary!` does) and
//! turns a panic into `SIGMINT_RESULT_PANIC`, or a fixed fallback for functions that return a
//! string. Every function writes its outputs last, after everything that can fail, so a call
//! that panicked has written nothing.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::result::{SIGMINT_RESULT_OK, SIGMINT_RESULT_PANIC, sigmint_result};

/// Runs `body`, returning `on_panic` if it panics.
pub(crate) fn boundary<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    // AssertUnwindSafe: after a panic the caller only sees `on_panic`; no state observed by
    // C is left half-updated, because every function writes its outputs last.
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(on_panic)
}

/// Runs the body of a function returning `sigmint_result`: `Ok(())` becomes
/// `SIGMINT_RESULT_OK`, `Err(code)` that code, a panic `SIGMINT_RESULT_PANIC`.
pub(crate) fn ffi(body: impl FnOnce() -> Result<(), sigmint_result>) -> sigmint_result {
    boundary(Err(SIGMINT_RESULT_PANIC), body).map_or_else(|code| code, |()| SIGMINT_RESULT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::SIGMINT_RESULT_EMPTY_KEY;

    #[test]
    fn panics_become_a_result() {
        assert_eq!(ffi(|| Ok(())), SIGMINT_RESULT_OK);
        assert_eq!(
            ffi(|| Err(SIGMINT_RESULT_EMPTY_KEY)),
            SIGMINT_RESULT_EMPTY_KEY
        );
        assert_eq!(ffi(|| panic!("bug")), SIGMINT_RESULT_PANIC);
        assert_eq!(boundary(1, || panic!("bug")), 1);
    }
}

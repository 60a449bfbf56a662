//! The panic boundary: no Rust panic ever unwinds into C.
//!
//! Core is written never to panic, so a panic here is a bug. With the `std` feature (the
//! default), each exported function runs its body inside [`std::panic::catch_unwind`] (as
//! rustls-ffi's `ffi_panic_boundary!` does) and turns a panic into `SIGMINT_RESULT_PANIC`, or
//! a fixed fallback for functions that return a string. Every function writes its outputs
//! last, after everything that can fail, so a call that panicked has written nothing.
//!
//! Without `std` (C firmware) nothing can unwind: the targets abort on panic, and the
//! library's panic handler stops the core in a loop (as `panic-halt` does), where a debugger
//! or the watchdog finds it.

use crate::result::{SIGMINT_RESULT_OK, SIGMINT_RESULT_PANIC, sigmint_result};

/// Runs `body`, returning `on_panic` if it panics.
#[cfg(feature = "std")]
pub(crate) fn boundary<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    // AssertUnwindSafe: after a panic the caller only sees `on_panic`; no state observed by
    // C is left half-updated, because every function writes its outputs last.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or(on_panic)
}

/// Runs `body`: without `std` a panic never returns (see the module docs).
#[cfg(not(feature = "std"))]
pub(crate) fn boundary<T>(_on_panic: T, body: impl FnOnce() -> T) -> T {
    body()
}

/// The panic handler a `no_std` library must bring: it halts, since no panic can be reported
/// to C without `std` (and core has none to report).
#[cfg(all(not(feature = "std"), not(test)))]
#[panic_handler]
fn halt(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {
        core::hint::spin_loop();
    }
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
    #[cfg(feature = "std")]
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

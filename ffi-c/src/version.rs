//! The library version.

use core::ffi::c_char;

use crate::panic::boundary;

/// This crate's version, NUL-terminated.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");

/// The library version, e.g. `"0.1.0"`: a static NUL-terminated string; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn sigmint_version() -> *const c_char {
    boundary(VERSION.as_ptr(), || VERSION.as_ptr()).cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::CStr;

    #[test]
    fn is_the_crate_version() {
        // SAFETY: sigmint_version returns a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(sigmint_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}

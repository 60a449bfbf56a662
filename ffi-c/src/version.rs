//! The library version.

use core::ffi::c_char;

use crate::abi::panic::boundary;

/// The major version of the library the header came with (`SIGMINT_VERSION_MAJOR`); compare it
/// with `sigmint_version()` at run time to catch a header and library that do not match.
pub const SIGMINT_VERSION_MAJOR: u32 = 0;
/// The minor version of the library the header came with.
pub const SIGMINT_VERSION_MINOR: u32 = 1;
/// The patch version of the library the header came with.
pub const SIGMINT_VERSION_PATCH: u32 = 0;

// cbindgen writes literals only: a version bump that forgets these fails the build.
const _: () = assert!(matches!(
    u32::from_str_radix(env!("CARGO_PKG_VERSION_MAJOR"), 10),
    Ok(SIGMINT_VERSION_MAJOR)
));
const _: () = assert!(matches!(
    u32::from_str_radix(env!("CARGO_PKG_VERSION_MINOR"), 10),
    Ok(SIGMINT_VERSION_MINOR)
));
const _: () = assert!(matches!(
    u32::from_str_radix(env!("CARGO_PKG_VERSION_PATCH"), 10),
    Ok(SIGMINT_VERSION_PATCH)
));

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

//! C ABI for sigmint (skeleton; filled in by the ffi-c work).

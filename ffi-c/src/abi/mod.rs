//! C values to Rust values and back: pointer and length checks, text, output buffers and
//! their length negotiation, views into a caller's body, query parameters, and the panic
//! boundary. Everything here is about the C calling convention; no sigmint rule lives here.

pub(crate) mod args;
pub(crate) mod panic;
pub(crate) mod params;
pub(crate) mod strs;
pub(crate) mod views;

//! Inbound webhooks (GitHub, Slack, Stripe, Shopify): verified as their providers document,
//! with rotated secrets, a timestamp window and a replay store in the caller's memory; and
//! signed as the providers sign them. The rules are core's (`sigmint_core::webhooks`); this
//! module moves C buffers in and out.

pub(crate) mod headers;
pub(crate) mod replay;
pub(crate) mod sign;
pub(crate) mod verify;

use core::ffi::c_char;

use sigmint_core::webhooks::Provider;

use crate::abi::args::{text_bytes, utf8};
use crate::result::sigmint_result;

/// The provider named `name[0..name_len]` (`github`, `slack`, `stripe`, `shopify`).
///
/// # Safety
/// `name` must be readable for `name_len` bytes.
pub(crate) unsafe fn provider(
    name: *const c_char,
    name_len: usize,
) -> Result<Provider, sigmint_result> {
    // SAFETY: forwarded from the caller.
    let name = utf8(unsafe { text_bytes(name, name_len) }?)?;
    Ok(Provider::from_name(name)?)
}

//! HMAC-SHA256 with a `sigmint_key`.

use sigmint_core::TAG_LEN;

use crate::abi::args::{bytes, required, write_fixed};
use crate::abi::panic::ffi;
use crate::crypto::key::{key_ref, sigmint_key};
use crate::result::sigmint_result;

/// Length in bytes of an HMAC-SHA256 tag.
pub const SIGMINT_HMAC_SHA256_LEN: usize = 32;

const _: () = assert!(SIGMINT_HMAC_SHA256_LEN == TAG_LEN);

/// Writes the HMAC-SHA256 tag of `msg[0..len]` to `out`, which must have room for
/// `SIGMINT_HMAC_SHA256_LEN` (32) bytes.
///
/// Returns `SIGMINT_RESULT_NULL_PARAMETER` when `key` or `out` is NULL, or `msg` is NULL
/// with a non-zero `len`; `SIGMINT_RESULT_KEY_NOT_INITIALIZED` for a key not initialized.
///
/// # Safety
/// `key` must point to a `sigmint_key`, `msg` be readable for `len` bytes and `out` writable
/// for 32 bytes, not overlapping `msg`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_hmac_sha256(
    key: *const sigmint_key,
    msg: *const u8,
    len: usize,
    out: *mut u8,
) -> sigmint_result {
    ffi(|| {
        let out = required(out)?;
        // SAFETY: the caller guarantees `msg` is readable for `len` bytes.
        let msg = unsafe { bytes(msg, len) }?;
        // SAFETY: the caller guarantees `key` points to a `sigmint_key`.
        let key = unsafe { key_ref(key) }?;
        let tag = key.sign(&[msg]);
        // SAFETY: the caller guarantees `out` is writable for 32 bytes, apart from `msg`.
        unsafe { write_fixed(out, tag.as_bytes()) };
        Ok(())
    })
}

/// Checks, in constant time, that `tag[0..tag_len]` is the HMAC-SHA256 tag of
/// `msg[0..len]`.
///
/// Returns `SIGMINT_RESULT_OK` when it is, `SIGMINT_RESULT_INVALID_SIGNATURE` when it is not
/// or when `tag_len` is not 32 (a truncated tag never matches).
///
/// # Safety
/// `key` must point to a `sigmint_key`, `msg` be readable for `len` bytes and `tag` for
/// `tag_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_hmac_sha256_verify(
    key: *const sigmint_key,
    msg: *const u8,
    len: usize,
    tag: *const u8,
    tag_len: usize,
) -> sigmint_result {
    ffi(|| {
        // SAFETY: the caller guarantees `msg` and `tag` are readable for their lengths.
        let (msg, tag) = unsafe { (bytes(msg, len)?, bytes(tag, tag_len)?) };
        // SAFETY: the caller guarantees `key` points to a `sigmint_key`.
        let key = unsafe { key_ref(key) }?;
        key.verify(&[msg], tag).map_err(sigmint_result::from)
    })
}

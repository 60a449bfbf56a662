//! `sigmint_key`: an HMAC-SHA256 key in memory the caller owns.
//!
//! The C header shows a fixed-size block of `uint64_t`s, so C code can put a key on the stack,
//! in a struct or in a static without any allocation. Inside it lives a [`KeyState`]: a marker
//! saying "initialized" followed by the core [`Key`]. Code that takes a key checks the marker,
//! so a zeroed or cleared key is refused with `SIGMINT_RESULT_KEY_NOT_INITIALIZED`.

use core::borrow::Borrow;
use core::ffi::c_char;
use core::mem::{align_of, size_of};
use core::ptr::{self, NonNull};

use sigmint_core::Key;

use crate::abi::args::{bytes, items, required, text_bytes, utf8};
use crate::abi::panic::ffi;
use crate::result::{SIGMINT_RESULT_KEY_NOT_INITIALIZED, sigmint_result};

/// Size of a `sigmint_key` in bytes.
///
/// A core `Key` takes 144 bytes today on 64-bit targets (hmac 0.13 and sha2 0.11: the
/// absorbed inner and outer pads), 152 with the marker in front of it; the rest is headroom,
/// so that the struct, and with it the ABI, can stay the same when those implementations
/// grow. A build fails if the key ever outgrows it.
pub const SIGMINT_KEY_SIZE: usize = 512;

/// An HMAC-SHA256 key, in memory the caller provides (on the stack, in a struct, static).
///
/// Its contents are private: set them only with `sigmint_key_init` or
/// `sigmint_key_init_base64` (which accept uninitialized memory), and wipe them with
/// `sigmint_key_clear` when done. Every other function needs a key that is initialized, cleared
/// or zeroed (`sigmint_key key = {0};`), and reports the last two as
/// `SIGMINT_RESULT_KEY_NOT_INITIALIZED`.
///
/// An initialized key is immutable: any number of threads may sign and verify with it at
/// once, but initializing or clearing it while another thread uses it is a data race. Do not
/// copy it: each copy would hold the secret and need its own `sigmint_key_clear`.
#[repr(C)]
pub struct sigmint_key {
    /// Opaque storage; the `uint64_t` element type gives it the alignment of a 64-bit integer.
    opaque: [u64; 64],
}

/// What a `sigmint_key` really holds.
#[repr(C)]
struct KeyState {
    /// [`MAGIC`] while `key` holds a live key, anything else otherwise.
    magic: u64,
    key: Key,
}

/// The marker of an initialized key ("sigmint" and a layout version, as bytes).
const MAGIC: u64 = u64::from_le_bytes(*b"sigmint\x01");

// The real state must fit in the opaque struct the header declares, on every target.
const _: () = assert!(size_of::<sigmint_key>() == SIGMINT_KEY_SIZE);
const _: () = assert!(size_of::<KeyState>() <= size_of::<sigmint_key>());
const _: () = assert!(align_of::<KeyState>() <= align_of::<sigmint_key>());

/// Whether the key behind `state` holds a live [`Key`].
///
/// # Safety
/// `state` must point to a `sigmint_key` valid for reads.
unsafe fn is_initialized(state: *const KeyState) -> bool {
    // SAFETY: `magic` is the first field of a `repr(C)` struct, so it is the first `u64` of
    // the `sigmint_key`, which the caller guarantees is readable and whose alignment is at
    // least that of `KeyState` (asserted above). Any bit pattern is a valid `u64`.
    unsafe { ptr::addr_of!((*state).magic).read() == MAGIC }
}

/// The core key inside an initialized `sigmint_key`.
///
/// # Safety
/// Unless NULL, `key` must point to a `sigmint_key` valid for reads during `'a` and not
/// initialized or cleared during `'a`.
pub(crate) unsafe fn key_ref<'a>(key: *const sigmint_key) -> Result<&'a Key, sigmint_result> {
    let state = required(key.cast_mut())?.cast::<KeyState>().as_ptr();
    // SAFETY: not NULL, and readable by the caller's guarantee.
    if !unsafe { is_initialized(state) } {
        return Err(SIGMINT_RESULT_KEY_NOT_INITIALIZED);
    }
    // SAFETY: the marker is set only by `install`, which wrote a valid `KeyState` there, and
    // removed before that state is dropped; nobody writes it during `'a`.
    Ok(unsafe { &(*state).key })
}

/// A `sigmint_key` known to be initialized: only [`keys_ref`] hands these out, after checking
/// each one's marker, so it borrows as the core [`Key`] inside it.
#[repr(transparent)]
pub(crate) struct LiveKey(sigmint_key);

impl Borrow<Key> for LiveKey {
    fn borrow(&self) -> &Key {
        let state = ptr::from_ref(&self.0).cast::<KeyState>();
        // SAFETY: a `LiveKey` is only seen through `keys_ref`, which checked that this key's
        // marker is set, so `install` wrote a valid `KeyState` here; the caller of `keys_ref`
        // guarantees nobody initializes or clears it while it is borrowed.
        unsafe { &(*state).key }
    }
}

/// The keys `keys[0..count]`, each checked to be initialized, as one slice core can take
/// (`webhooks::Verifier` over rotated secrets) without copying a secret anywhere.
///
/// # Safety
/// Unless NULL, `keys` must point to `count` `sigmint_key`s valid for reads during `'a`, none
/// of them initialized or cleared during `'a`.
pub(crate) unsafe fn keys_ref<'a>(
    keys: *const sigmint_key,
    count: usize,
) -> Result<&'a [LiveKey], sigmint_result> {
    // SAFETY: forwarded from the caller.
    let keys = unsafe { items(keys, count) }?;
    for key in keys {
        // SAFETY: `key` is a readable `sigmint_key` (the caller's guarantee).
        if !unsafe { is_initialized(ptr::from_ref(key).cast()) } {
            return Err(SIGMINT_RESULT_KEY_NOT_INITIALIZED);
        }
    }
    // SAFETY: `LiveKey` is `repr(transparent)` over `sigmint_key`, so the slices have the same
    // layout; every key was just checked to be initialized, which is what a `LiveKey` is.
    Ok(unsafe { core::slice::from_raw_parts(keys.as_ptr().cast::<LiveKey>(), keys.len()) })
}

/// Drops the key held in `key`, if any, clearing the marker first.
///
/// # Safety
/// `key` must point to a `sigmint_key` valid for reads and writes that nothing else uses
/// during the call.
unsafe fn drop_key(key: NonNull<sigmint_key>) {
    let state = key.cast::<KeyState>().as_ptr();
    // SAFETY: readable and writable, exclusively ours, aligned for `KeyState` and big enough
    // (asserted above). A set marker means `install` put a live `KeyState` there; the marker
    // is cleared before the drop, so the key is dropped at most once, even if dropping panics.
    unsafe {
        if is_initialized(state) {
            ptr::addr_of_mut!((*state).magic).write(0);
            ptr::drop_in_place(ptr::addr_of_mut!((*state).key));
        }
    }
}

/// Overwrites every byte of `key` with zeros, without reading it, in a way the compiler
/// cannot optimize away.
///
/// A live key in it is forgotten, not dropped: always sound, and a `Key` is plain data.
///
/// # Safety
/// `key` must point to a `sigmint_key` valid for writes that nothing else uses during the
/// call.
unsafe fn wipe(key: NonNull<sigmint_key>) {
    // SAFETY: `sigmint_key` is an array of `u64`: no references, no `Drop`, and all zeros is
    // a valid value; the caller guarantees the memory is writable and ours.
    unsafe { zeroize::zeroize_flat_type(key.as_ptr()) };
}

/// Wipes `key`, whatever it held (its old key included, which is forgotten rather than
/// dropped: it is plain data, and this way even a stale copy found in reused memory is never
/// interpreted), then moves `new` into it.
///
/// # Safety
/// `key` must point to a `sigmint_key` valid for writes that nothing else uses during the
/// call; it need not be initialized.
pub(crate) unsafe fn install(key: NonNull<sigmint_key>, new: Key) {
    // SAFETY: writable and exclusively ours (caller); after the wipe it holds no live value,
    // and it is aligned for `KeyState` and big enough (asserted above).
    unsafe {
        wipe(key);
        key.cast::<KeyState>().write(KeyState {
            magic: MAGIC,
            key: new,
        });
    }
}

/// Initializes `key` from the raw secret bytes `secret[0..len]`.
///
/// Secrets longer than 64 bytes are hashed first, as RFC 2104 says. `key` may be
/// uninitialized memory; a key it already held is wiped and replaced. On failure `key` is left
/// as it was.
///
/// Returns `SIGMINT_RESULT_EMPTY_KEY` when `len` is 0, `SIGMINT_RESULT_NULL_PARAMETER` when
/// `key` is NULL or `secret` is NULL with a non-zero `len`.
///
/// # Safety
/// `key` must point to a writable `sigmint_key` that no other thread uses during the call;
/// `secret` must be readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_key_init(
    key: *mut sigmint_key,
    secret: *const u8,
    len: usize,
) -> sigmint_result {
    ffi(|| {
        let key = required(key)?;
        // SAFETY: the caller guarantees `secret` is readable for `len` bytes.
        let secret = unsafe { bytes(secret, len) }?;
        let new = Key::new(secret)?;
        // SAFETY: the caller guarantees `key` is a writable `sigmint_key` used only by us.
        unsafe { install(key, new) };
        Ok(())
    })
}

/// Initializes `key` from a base64 secret `b64[0..len]`, as partners such as Fonbnk issue
/// them (not NUL-terminated; `len` excludes any NUL).
///
/// Accepts the standard and the URL-safe alphabet, with or without padding. `key` may be
/// uninitialized memory; a key it already held is wiped and replaced. On failure `key` is left
/// as it was.
///
/// Returns `SIGMINT_RESULT_INVALID_UTF8` when the text is not UTF-8,
/// `SIGMINT_RESULT_INVALID_BASE64` for a character outside both alphabets, misplaced padding
/// or an impossible length, `SIGMINT_RESULT_EMPTY_KEY` when it is empty or decodes to nothing.
///
/// # Safety
/// `key` must point to a writable `sigmint_key` that no other thread uses during the call;
/// `b64` must be readable for `len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_key_init_base64(
    key: *mut sigmint_key,
    b64: *const c_char,
    len: usize,
) -> sigmint_result {
    ffi(|| {
        let key = required(key)?;
        // SAFETY: the caller guarantees `b64` is readable for `len` bytes.
        let b64 = utf8(unsafe { text_bytes(b64, len) }?)?;
        let new = Key::from_base64(b64)?;
        // SAFETY: the caller guarantees `key` is a writable `sigmint_key` used only by us.
        unsafe { install(key, new) };
        Ok(())
    })
}

/// Wipes `key`: drops the key it holds and overwrites all `SIGMINT_KEY_SIZE` bytes with
/// zeros (in a way the compiler cannot optimize away).
///
/// Afterwards `key` is like a zeroed one: using it gives `SIGMINT_RESULT_KEY_NOT_INITIALIZED`
/// until it is initialized again. Clearing a cleared or zeroed key is fine.
///
/// # Safety
/// `key` must point to a `sigmint_key` that is initialized, cleared or zeroed, and that no
/// other thread uses during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_key_clear(key: *mut sigmint_key) -> sigmint_result {
    ffi(|| {
        let key = required(key)?;
        // SAFETY: the caller guarantees `key` is a readable and writable `sigmint_key` used
        // only by us; once its key is dropped it holds no live value.
        unsafe {
            drop_key(key);
            wipe(key);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::{
        SIGMINT_RESULT_EMPTY_KEY, SIGMINT_RESULT_INVALID_UTF8, SIGMINT_RESULT_NULL_PARAMETER,
        SIGMINT_RESULT_OK,
    };

    fn zeroed() -> sigmint_key {
        sigmint_key { opaque: [0; 64] }
    }

    #[test]
    fn state_fits_with_headroom() {
        // Headroom for future hash implementations: today's state uses well under half.
        assert!(
            size_of::<KeyState>() * 2 <= SIGMINT_KEY_SIZE,
            "{}",
            size_of::<KeyState>()
        );
        assert_eq!(align_of::<sigmint_key>(), align_of::<u64>());
    }

    #[test]
    fn init_accepts_any_memory() {
        let mut key = sigmint_key {
            opaque: [u64::MAX; 64],
        };
        // SAFETY: `key` is a valid, exclusively borrowed sigmint_key; the secret is readable.
        unsafe {
            assert_eq!(
                sigmint_key_init(&mut key, b"k".as_ptr(), 1),
                SIGMINT_RESULT_OK
            );
            // A stale copy of a live key, as reused stack memory may hold, is wiped unread.
            let mut stale = sigmint_key { opaque: key.opaque };
            assert_eq!(
                sigmint_key_init(&mut stale, b"k2".as_ptr(), 2),
                SIGMINT_RESULT_OK
            );
            assert!(key_ref(&stale).is_ok());
            assert_eq!(sigmint_key_clear(&mut stale), SIGMINT_RESULT_OK);
            assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
        }
    }

    #[test]
    fn lifecycle() {
        let mut key = zeroed();
        // SAFETY: `key` is a valid, exclusively borrowed sigmint_key; the secrets are readable.
        unsafe {
            assert!(key_ref(&key).is_err());
            assert_eq!(
                sigmint_key_init(&mut key, b"k".as_ptr(), 1),
                SIGMINT_RESULT_OK
            );
            let tag = key_ref(&key).unwrap().sign(&[b"m"]);
            // Failure leaves the key as it was; success replaces it.
            assert_eq!(
                sigmint_key_init(&mut key, ptr::null(), 0),
                SIGMINT_RESULT_EMPTY_KEY
            );
            assert_eq!(
                sigmint_key_init_base64(&mut key, c"\xff".as_ptr(), 1),
                SIGMINT_RESULT_INVALID_UTF8
            );
            key_ref(&key)
                .unwrap()
                .verify(&[b"m"], tag.as_bytes())
                .unwrap();
            assert_eq!(
                sigmint_key_init_base64(&mut key, c"aw".as_ptr(), 2),
                SIGMINT_RESULT_OK
            );
            key_ref(&key)
                .unwrap()
                .verify(&[b"m"], tag.as_bytes())
                .unwrap();
            assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
            assert_eq!(key.opaque, [0; 64]);
            assert_eq!(
                key_ref(&key).err(),
                Some(SIGMINT_RESULT_KEY_NOT_INITIALIZED)
            );
            assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
            assert_eq!(
                sigmint_key_clear(ptr::null_mut()),
                SIGMINT_RESULT_NULL_PARAMETER
            );
        }
    }
}

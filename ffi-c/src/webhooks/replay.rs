//! `sigmint_replay`: core's set of verified requests (`webhooks::SeenSet`), over slots in the
//! caller's memory, kept between calls.

use core::mem::{align_of, size_of};
use core::ptr::{self, NonNull};
use core::slice;

use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{Seen, SeenSet};

use crate::abi::args::{put, required};
use crate::abi::panic::ffi;
use crate::result::{SIGMINT_RESULT_NULL_PARAMETER, sigmint_result};

/// Size of a `sigmint_seen` in bytes: a remembered request takes 48 today (its tag and when
/// it was signed); the rest is headroom, so that the ABI can stay the same when it grows.
pub const SIGMINT_SEEN_SIZE: usize = 64;

/// Size of a `sigmint_replay` in bytes.
pub const SIGMINT_REPLAY_SIZE: usize = 64;

/// One slot of a replay store: room for one verified request. Allocate an array of them (on
/// the stack, static, or from your allocator) and hand it to `sigmint_replay_init`; its
/// contents are private.
#[repr(C)]
pub struct sigmint_seen {
    /// Opaque storage; the `uint64_t` element type gives it the alignment of a 64-bit integer.
    opaque: [u64; 8],
}

/// A replay store: the requests `sigmint_webhook_verify` has accepted, kept in an array of
/// `sigmint_seen` slots the caller owns, so that each is accepted once.
///
/// Set it up with `sigmint_replay_init`; its contents are private. A request is remembered by
/// its tag, so keep one store per endpoint (GitHub's and Shopify's tags of one body under one
/// secret are the same). When every slot holds a request still within the window, the oldest
/// is forgotten, and from then on a signed timestamp no newer than it is refused as replayed:
/// the store fails closed, never open. A zeroed store (`sigmint_replay r = {0};`) has no slots,
/// and is refused with `SIGMINT_RESULT_BUFFER_TOO_SMALL`.
///
/// `sigmint_webhook_verify` writes the store and its slots: one thread at a time (hold a lock
/// around the call when threads share it). The slots must stay valid, and untouched by
/// anything else, as long as the store is used.
#[repr(C)]
pub struct sigmint_replay {
    /// Opaque storage; the `uint64_t` element type gives it the alignment of a 64-bit integer.
    opaque: [u64; 8],
}

/// What a `sigmint_replay` really holds: core's `SeenSet` between calls. Every field is an
/// integer or a raw pointer, for which any bit pattern is valid.
#[repr(C)]
#[derive(Clone, Copy)]
struct ReplayState {
    slots: *mut sigmint_seen,
    count: usize,
    /// Non-zero when `floor` holds the set's floor.
    has_floor: u64,
    floor: i64,
}

// Core's slots are laid out in the caller's array, one `Seen` per `sigmint_seen` or closer:
// `count` of them always fit in `count` slots, at the array's alignment.
const _: () = assert!(size_of::<Seen>() <= size_of::<sigmint_seen>());
const _: () = assert!(align_of::<Seen>() <= align_of::<sigmint_seen>());
const _: () = assert!(size_of::<sigmint_seen>() == SIGMINT_SEEN_SIZE);
const _: () = assert!(size_of::<sigmint_replay>() == SIGMINT_REPLAY_SIZE);
const _: () = assert!(size_of::<ReplayState>() <= size_of::<sigmint_replay>());
const _: () = assert!(align_of::<ReplayState>() <= align_of::<sigmint_replay>());

impl ReplayState {
    /// Writes this state to `replay`, zeroing the rest of it.
    ///
    /// # Safety
    /// `replay` must be valid for writes of a `sigmint_replay`.
    unsafe fn store(self, replay: NonNull<sigmint_replay>) -> Result<(), sigmint_result> {
        // SAFETY: the caller guarantees `replay` is writable; all zeros is a valid
        // `sigmint_replay`, and `ReplayState` fits in it at its alignment (asserted above).
        unsafe {
            put(replay, sigmint_replay { opaque: [0; 8] })?;
            put(replay.cast::<ReplayState>(), self)
        }
    }
}

/// Core's set over a store, for one call, and writing it back after.
pub(crate) struct Store<'a> {
    replay: NonNull<sigmint_replay>,
    state: ReplayState,
    /// The set, resumed from where the last call left it.
    pub(crate) set: SeenSet<&'a mut [Seen]>,
}

impl<'a> Store<'a> {
    /// The set `replay` holds.
    ///
    /// # Safety
    /// `replay` must point to a `sigmint_replay` that is zeroed or was set up by
    /// `sigmint_replay_init`, valid for reads and writes during `'a`, whose slots are valid
    /// during `'a`; nothing else may use either during `'a`.
    pub(crate) unsafe fn open(
        replay: NonNull<sigmint_replay>,
    ) -> Result<Store<'a>, sigmint_result> {
        // SAFETY: readable (the caller's guarantee), aligned for `ReplayState` (asserted
        // above); any bit pattern is a valid `ReplayState`.
        let state = unsafe { ptr::read(replay.cast::<ReplayState>().as_ptr()) };
        let slots: &mut [Seen] = if state.slots.is_null() {
            if state.count != 0 {
                return Err(SIGMINT_RESULT_NULL_PARAMETER);
            }
            &mut []
        } else {
            // SAFETY: `sigmint_replay_init` wrote `count` valid `Seen`s at the start of the
            // slots (only core writes them since, through this set); they fit there at that
            // alignment (asserted above); the caller guarantees they stay valid and ours.
            unsafe { slice::from_raw_parts_mut(state.slots.cast::<Seen>(), state.count) }
        };
        let floor = (state.has_floor != 0).then_some(UnixSeconds(state.floor));
        Ok(Store {
            replay,
            state,
            set: SeenSet::resume(slots, floor),
        })
    }

    /// Writes the set's floor back to the store (its slots are written in place).
    ///
    /// # Safety
    /// As for [`Store::open`].
    pub(crate) unsafe fn close(self) -> Result<(), sigmint_result> {
        let (_, floor) = self.set.into_parts();
        let state = ReplayState {
            has_floor: u64::from(floor.is_some()),
            floor: floor.map_or(0, |f| f.0),
            ..self.state
        };
        // SAFETY: forwarded from the caller.
        unsafe { state.store(self.replay) }
    }
}

/// Sets up `*replay` as an empty replay store over the `count` slots at `slots` (their
/// previous contents are ignored), for `sigmint_webhook_verify`. Each slot remembers one
/// request; size the array for the requests a window (`tolerance_s`) may bring, and more: a
/// full store refuses the older requests rather than forget them.
///
/// `replay` and `slots` may be uninitialized memory; `slots` may be NULL when `count` is 0 (a
/// store that refuses every request with `SIGMINT_RESULT_BUFFER_TOO_SMALL`). Calling it again
/// empties the store.
///
/// # Safety
/// `replay` must be writable for a `sigmint_replay` and `slots` for `count` `sigmint_seen`s,
/// valid as long as the store is used; nothing else may use either during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn sigmint_replay_init(
    replay: *mut sigmint_replay,
    slots: *mut sigmint_seen,
    count: usize,
) -> sigmint_result {
    ffi(|| {
        let replay = required(replay)?;
        if slots.is_null() && count != 0 {
            return Err(SIGMINT_RESULT_NULL_PARAMETER);
        }
        let seen = slots.cast::<Seen>();
        for i in 0..count {
            // SAFETY: `count` slots are writable (the caller's guarantee), and `count` `Seen`s
            // fit in them at their alignment (asserted above).
            unsafe { seen.add(i).write(Seen::default()) };
        }
        let region: &mut [Seen] = if seen.is_null() {
            &mut []
        } else {
            // SAFETY: the `count` `Seen`s were just written.
            unsafe { slice::from_raw_parts_mut(seen, count) }
        };
        // The set starts as core starts one.
        let (_, floor) = SeenSet::new(region).into_parts();
        let state = ReplayState {
            slots,
            count,
            has_floor: u64::from(floor.is_some()),
            floor: floor.map_or(0, |f| f.0),
        };
        // SAFETY: the caller guarantees `replay` is writable.
        unsafe { state.store(replay) }
    })
}

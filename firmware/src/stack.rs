//! Stack high-water mark by painting.
//!
//! cortex-m-rt's `paint-stack` feature fills everything between the end of `.bss`/`.uninit`
//! (`_stack_end`) and the stack top (`_stack_start`) with [`PAINT`] before `main`. [`peak`]
//! scans up from the bottom for the first word that is no longer paint: everything above it
//! was used at some point. [`repaint`] paints again below the caller's frame, so one group's
//! peak can be measured on its own; [`measure`] paints below its own frame and reports what a
//! single call used below it (the figure for one call into core, without the caller's frame).
//!
//! The figure is exact to the word, as long as nothing wrote the paint value itself at the
//! deepest point (it would then read a few words low, never high).

/// The word the stack is painted with (cortex-m-rt's `STACK_PAINT_VALUE`).
pub const PAINT: u32 = 0xcccc_cccc;

unsafe extern "C" {
    /// Top of the stack (highest address, exclusive), from cortex-m-rt's linker script.
    static _stack_start: u32;
    /// Bottom of the stack: the end of `.bss` and `.uninit`.
    static _stack_end: u32;
}

/// `(bottom, top)` addresses of the stack region.
#[must_use]
pub fn bounds() -> (usize, usize) {
    (
        (&raw const _stack_end) as usize,
        (&raw const _stack_start) as usize,
    )
}

/// Bytes of stack used since the last painting (the whole run, or since [`repaint`]).
#[must_use]
pub fn peak() -> usize {
    let (_, top) = bounds();
    top - lowest_dirty()
}

/// The current stack pointer.
#[inline(always)]
#[must_use]
pub fn sp() -> usize {
    let sp: usize;
    // SAFETY: reads a register, touches no memory.
    unsafe {
        core::arch::asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    sp
}

/// Paints from the bottom of the stack up to the stack pointer with [`PAINT`], returning
/// that stack pointer.
///
/// One `asm!` block reads SP and runs the store loop, so nothing the compiler emits can sit
/// between the two: a register push placed before the block is above the SP read, and one
/// placed after it can only dirty paint (never be overwritten by it).
#[inline(always)]
fn paint_below_sp() -> usize {
    let (bottom, _) = bounds();
    let sp: usize;
    // SAFETY: stores only to `[bottom, sp)`, stack memory below every live frame; no interrupt
    // is enabled in these images, so nothing else uses that memory meanwhile.
    unsafe {
        core::arch::asm!(
            // Thumb-1 instructions only, so ARMv6-M (thumbv6m) assembles it too.
            "mov {sp}, sp",
            "lsrs {sp}, {sp}, #2",
            "lsls {sp}, {sp}, #2",
            "2:",
            "cmp {at}, {sp}",
            "bhs 3f",
            "str {paint}, [{at}]",
            "adds {at}, #4",
            "b 2b",
            "3:",
            sp = out(reg) sp,
            at = inout(reg) bottom => _,
            paint = in(reg) PAINT,
            options(nostack),
        );
    }
    sp
}

/// The lowest stack address written since the last painting.
fn lowest_dirty() -> usize {
    let (bottom, top) = bounds();
    let mut at = bottom;
    while at < top {
        // SAFETY: `at` is a word-aligned address inside the stack region, which is RAM we
        // own; reading it (even below the stack pointer) has no side effect.
        let word = unsafe { core::ptr::read_volatile(at as *const u32) };
        if word != PAINT {
            break;
        }
        at += 4;
    }
    at
}

/// Runs `f` and returns how many bytes of stack it used below its caller's stack pointer:
/// everything `f` and the code it calls (or that was inlined into it) pushed, and nothing
/// of the caller's own frame.
#[inline(never)]
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = paint_below_sp();
    let result = call(f);
    (result, base.saturating_sub(lowest_dirty()))
}

/// Keeps `f` out of [`measure`]'s frame: whatever is inlined into `f` lives in this frame,
/// below the measured stack pointer.
#[inline(never)]
fn call<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// Paints the free stack below the caller again, so that [`peak`] then reports what the
/// code run afterwards used (measured, like every peak, from the stack top).
///
#[inline(never)]
pub fn repaint() {
    paint_below_sp();
}

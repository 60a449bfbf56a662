//! Counting emulated instructions with SysTick, under QEMU's `-icount shift=0`.
//!
//! With `-icount shift=0`, QEMU's virtual clock advances exactly 1 ns per emulated instruction
//! and SysTick counts that virtual clock, so SysTick ticks are proportional to instructions
//! executed. (The DWT cycle counter would be the usual tool, but QEMU 7.2 does not emulate
//! the DWT: its registers read as zero, "unassigned area of PPB".) The ratio is measured, not
//! assumed: [`Counter::new`] times a loop of known length (`subs`/`bne`, two instructions a
//! turn) and scales every later reading by it.
//!
//! What the count is: instructions QEMU executed for the measured code, deterministic from run
//! to run. What it is not: cycles on real silicon (no wait states, pipeline stalls, flash
//! accelerator or bus contention are modelled; a Cortex-M3 takes more than one cycle for
//! loads, stores, branches and multi-register transfers).

use cortex_m::peripheral::SYST;
use cortex_m::peripheral::syst::SystClkSource;

/// Turns of the calibration loop (two instructions each).
const CALIBRATION_TURNS: u32 = 1_000_000;
/// SysTick is a 24-bit down-counter.
const MASK: u32 = 0x00ff_ffff;

/// SysTick as an instruction counter.
pub struct Counter {
    _syst: SYST,
    calibration_ticks: u32,
}

/// Spins `turns` times through a two-instruction loop.
#[inline(never)]
fn spin(turns: u32) {
    if turns == 0 {
        return;
    }
    // SAFETY: a register-only loop: no memory access, no stack use.
    unsafe {
        core::arch::asm!(
            "2:",
            "subs {n}, {n}, #1",
            "bne 2b",
            n = inout(reg) turns => _,
            options(nomem, nostack),
        );
    }
}

impl Counter {
    /// Starts SysTick on the core clock, free-running, and calibrates it.
    pub fn new(mut syst: SYST) -> Self {
        syst.disable_interrupt();
        syst.set_clock_source(SystClkSource::Core);
        syst.set_reload(MASK);
        syst.clear_current();
        syst.enable_counter();
        let (_, calibration_ticks) = ticks(|| spin(CALIBRATION_TURNS));
        Counter {
            _syst: syst,
            calibration_ticks,
        }
    }

    /// Whether SysTick advanced during calibration (without `-icount` QEMU still counts, but
    /// host time, so the figures would mean nothing).
    #[must_use]
    pub fn works(&self) -> bool {
        self.calibration_ticks > 0
    }

    /// Instructions executed by `runs` calls of `f`, averaged per call.
    pub fn per_call<R>(&self, runs: u32, mut f: impl FnMut() -> R) -> u64 {
        let (_, elapsed) = ticks(|| {
            for _ in 0..runs {
                core::hint::black_box(f());
            }
        });
        let total = u64::from(elapsed) * u64::from(CALIBRATION_TURNS) * 2
            / u64::from(self.calibration_ticks.max(1));
        total / u64::from(runs.max(1))
    }
}

/// SysTick ticks spent in `f` (at most 2^24 - 1).
fn ticks<R>(f: impl FnOnce() -> R) -> (R, u32) {
    let start = SYST::get_current();
    let result = f();
    let end = SYST::get_current();
    (result, start.wrapping_sub(end) & MASK)
}

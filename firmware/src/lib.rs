//! What the firmware images share: host output and exit through semihosting, a panic handler
//! that fails the run, stack painting and scanning, and an instruction counter.
//!
//! Nothing here allocates or formats with `core::fmt` (which would add kilobytes to every
//! image and blur what core itself costs).
#![no_std]

pub mod inputs;
pub mod insns;
pub mod out;
pub mod stack;

pub use out::Out;

/// Ends the run: QEMU exits with status 0 when `success`, 1 otherwise.
pub fn exit(success: bool) -> ! {
    #[cfg(target_arch = "arm")]
    {
        use cortex_m_semihosting::debug;
        debug::exit(if success {
            debug::EXIT_SUCCESS
        } else {
            debug::EXIT_FAILURE
        });
    }
    #[cfg(not(target_arch = "arm"))]
    let _ = success; // RISC-V images are built, not run: nothing to report to.
    loop {
        core::hint::spin_loop();
    }
}

/// A panic is a failed run. core never panics on any input, so reaching this is a bug; the
/// message is fixed because formatting the panic payload would pull `core::fmt` into the image.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    Out::new().put("PANIC: the firmware panicked\n");
    exit(false)
}

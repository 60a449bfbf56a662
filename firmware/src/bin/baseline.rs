//! The runtime alone: the same start-up, vector table, panic handler and semihosting exit as
//! the other images, and no sigmint-core. `footprint` minus this is what core adds.
#![no_std]
#![no_main]

use cortex_m_rt::entry;

#[entry]
fn main() -> ! {
    // The footprint's inputs, kept (and opaque) so they are not counted as core's.
    core::hint::black_box(&sigmint_firmware::inputs::INPUTS);
    sigmint_firmware::exit(true)
}

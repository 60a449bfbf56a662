//! Endpoint building and signing on arbitrary paths and pairs: never a panic, a written
//! endpoint always has the length `endpoint_len` promised, and it always signs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::Key;
use sigmint_core::providers::fonbnk;

fuzz_target!(|input: (&str, Vec<(&str, &str)>, u64)| {
    let (path, pairs, timestamp) = input;
    let mut buf = [0u8; 4096];
    let len = fonbnk::endpoint_len(path, pairs.iter().copied());
    match fonbnk::write_endpoint(path, pairs.iter().copied(), &mut buf) {
        Ok(endpoint) => {
            assert_eq!(len, Ok(endpoint.len()));
            let key = Key::new(b"k").unwrap();
            fonbnk::sign(&key, timestamp, endpoint).unwrap();
        }
        Err(sigmint_core::Error::BufferTooSmall) => assert!(len.unwrap() > buf.len()),
        Err(e) => assert_eq!(len, Err(e)),
    }
});

//! Endpoint building and signing on arbitrary paths and pairs: never a panic, a written
//! endpoint always has the length an empty buffer was told it needs, and it always signs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::providers::fonbnk;
use sigmint_core::{Error, Key};

fuzz_target!(|input: (&str, Vec<(&str, &str)>, u64)| {
    let (path, pairs, timestamp) = input;
    let mut buf = [0u8; 4096];
    let asked = fonbnk::write_endpoint(path, pairs.iter().copied(), &mut []);
    match fonbnk::write_endpoint(path, pairs.iter().copied(), &mut buf) {
        Ok(endpoint) => {
            let needed = asked.map_or_else(|e| e.needed(), |empty| Some(empty.len()));
            assert_eq!(needed, Some(endpoint.len()));
            let key = Key::new(b"k").unwrap();
            fonbnk::sign(&key, timestamp, endpoint).unwrap();
        }
        Err(Error::BufferTooSmall { needed }) => {
            assert!(needed > buf.len());
            assert_eq!(asked, Err(Error::BufferTooSmall { needed }));
        }
        Err(e) => assert_eq!(asked, Err(e)),
    }
});

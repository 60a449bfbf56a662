//! Minting any claims bytes: never a panic; what is minted decodes, verifies and reads back
//! byte for byte (less the whitespace around it), and only JSON objects are minted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key, jws};

fuzz_target!(|claims: &[u8]| {
    let key = Key::new(b"fuzz-secret-of-thirty-two-bytes!").unwrap();
    let mut out = vec![0u8; jwt::encoded_len(claims.len())];
    let Ok(token) = jwt::encode_json(&key, claims, &mut out) else {
        return;
    };
    let parsed: serde_json::Value = serde_json::from_slice(claims).expect("minted claims are JSON");
    assert!(parsed.is_object());
    let mut scratch = vec![0u8; jws::scratch_len(token)];
    let (_, read) = jwt::dangerous_unverified(token, &mut scratch, &jws::Limits::default())
        .expect("a minted token reads back");
    // The claims' text as given, but for the whitespace around the object.
    assert_eq!(read.json().raw().as_bytes(), claims.trim_ascii());
    // With the time checks off, only a claim's own type can refuse it.
    let lax = Validation {
        verify_exp: false,
        verify_nbf: false,
        verify_iat: false,
        verify_aud: false,
        ..Validation::new(UnixSeconds(0))
    };
    let mut scratch = vec![0u8; jws::scratch_len(token)];
    match jwt::decode(token, &mut scratch, &key, &lax) {
        Ok(_) | Err(Error::InvalidClaimType { .. } | Error::IntegerOverflow) => {}
        Err(other) => panic!("a minted token was refused: {other:?}"),
    }
});

//! Differential: an inbound Fonbnk `x-signature` of any bytes, for any endpoint and time,
//! against a reference (the `hmac` crate, the `base64` crate): sigmint accepts exactly the
//! reference's signature, and refuses everything else as `InvalidSignature` (or, for an
//! endpoint sigmint would not sign, with that endpoint's error), never with a buffer detail.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::Sha256;
use sigmint_core::providers::fonbnk;
use sigmint_core::{Error, Key};

const SECRET: &[u8] = b"secret-key-of-32-bytes-long-----";

fuzz_target!(|input: (&[u8], u64, &str, bool)| {
    let (signature, timestamp_ms, endpoint, use_reference) = input;
    let key = Key::new(SECRET).unwrap();
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(SECRET).unwrap();
    mac.update(format!("{timestamp_ms}:{endpoint}").as_bytes());
    let reference = STANDARD.encode(mac.finalize().into_bytes());
    let signature = if use_reference {
        reference.as_bytes()
    } else {
        signature
    };
    let signable = fonbnk::sign(&key, timestamp_ms, endpoint);
    match (
        fonbnk::verify(&key, timestamp_ms, endpoint, signature),
        &signable,
    ) {
        (Ok(()), Ok(ours)) => {
            assert_eq!(signature, reference.as_bytes());
            assert_eq!(ours.as_str(), reference);
        }
        (Err(Error::InvalidSignature), Ok(_)) => assert_ne!(signature, reference.as_bytes()),
        (Err(error), Err(refused)) => assert_eq!(&error, refused),
        (got, _) => panic!("{got:?} for {signature:?}"),
    }
});

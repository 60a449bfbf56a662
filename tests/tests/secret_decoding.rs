//! The base64 secret decoder (base64ct, fitted to Node's rule) against `base64ct` itself on
//! canonical encodings in both alphabets, padded and not; against a plain Node-style decoder
//! on mixed alphabets and non-zero trailing bits; and on arbitrary input, which must never
//! panic.

use base64ct::{Base64, Base64Unpadded, Base64Url, Base64UrlUnpadded, Encoding};
use proptest::prelude::*;
use sigmint_core::{Error, Key};

/// What Node's `Buffer.from(text, "base64")` gives for text of either alphabet without padding:
/// six bits a character, leftover bits dropped. A plain reference, not constant-time.
fn node_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => unreachable!("the strategy gives alphabet characters only"),
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn every_canonical_encoding_gives_the_raw_key(secret in prop::collection::vec(any::<u8>(), 1..200)) {
        let want = Key::new(&secret).unwrap().sign(&[b"message"]);
        for encoded in [
            Base64::encode_string(&secret),
            Base64Unpadded::encode_string(&secret),
            Base64Url::encode_string(&secret),
            Base64UrlUnpadded::encode_string(&secret),
        ] {
            let key = Key::from_base64(&encoded).unwrap();
            prop_assert!(key.verify(&[b"message"], want.as_bytes()).is_ok(), "{}", encoded);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        match Key::from_base64(&text) {
            Ok(_) | Err(Error::InvalidBase64 | Error::EmptyKey) => {}
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }

    #[test]
    fn any_alphabet_string_decodes_as_node_decodes_it(text in "[A-Za-z0-9+/_-]{2,120}") {
        // Lengths of 1 mod 4 are refused (no byte is whole); everything else is Node's bytes.
        let key = Key::from_base64(&text);
        if text.len() % 4 == 1 {
            prop_assert_eq!(key.err(), Some(Error::InvalidBase64));
        } else {
            let want = Key::new(&node_decode(&text)).unwrap().sign(&[b"m"]);
            prop_assert!(key.unwrap().verify(&[b"m"], want.as_bytes()).is_ok(), "{}", text);
        }
    }

    #[test]
    fn valid_alphabet_strings_decode_like_base64ct_when_canonical(
        text in "[A-Za-z0-9+/]{1,40}"
    ) {
        // Where base64ct accepts the input (canonical trailing bits), so must we, to the same key.
        if let Ok(bytes) = Base64Unpadded::decode_vec(&text)
            && !bytes.is_empty()
        {
            let want = Key::new(&bytes).unwrap().sign(&[b"m"]);
            let key = Key::from_base64(&text).unwrap();
            prop_assert!(key.verify(&[b"m"], want.as_bytes()).is_ok());
        }
    }
}

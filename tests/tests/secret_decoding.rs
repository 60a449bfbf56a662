//! The hand-written base64 secret decoder against `base64ct` (canonical encodings in both
//! alphabets, padded and not), plus arbitrary input that must never panic.

use base64ct::{Base64, Base64Unpadded, Base64Url, Base64UrlUnpadded, Encoding};
use proptest::prelude::*;
use sigmint_core::{Error, Key};

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

//! The codecs against the standard library and `base64ct`.

use super::base64::{IN_STANDARD, IN_URL_SAFE, decode_strict};
use super::*;
use crate::Error;

#[test]
fn lengths_match_encoders() {
    let data = [0xffu8; 10];
    for n in 0..=10 {
        let mut buf = [0u8; 32];
        assert_eq!(base64(&data[..n], &mut buf).unwrap().len(), base64_len(n));
        assert_eq!(
            base64url(&data[..n], &mut buf).unwrap().len(),
            base64url_len(n)
        );
        assert_eq!(hex(&data[..n], &mut buf).unwrap().len(), hex_len(n));
    }
}

#[test]
fn too_small_is_an_error() {
    let needs = |needed| Err(Error::BufferTooSmall { needed });
    assert_eq!(base64(b"abc", &mut [0; 3]), needs(4));
    assert_eq!(base64url(b"ab", &mut [0; 2]), needs(3));
    assert_eq!(hex(b"ab", &mut [0; 3]), needs(4));
}

#[test]
fn decimal_matches_std_at_the_edges() {
    extern crate std;
    use std::string::ToString;
    for n in [
        0u64,
        9,
        10,
        99,
        100,
        999,
        1_000,
        9_999,
        10_000,
        10_001,
        99_999_999,
        100_000_000,
        1_765_454_073_000,
        u64::MAX - 1,
        u64::MAX,
    ] {
        assert_eq!(Decimal::with::<true>(n).as_str(), n.to_string());
        assert_eq!(Decimal::with::<false>(n).as_str(), n.to_string());
    }
    #[cfg(feature = "jwt")]
    for n in [0i64, -1, 1, -10_000, i64::MIN, i64::MIN + 1, i64::MAX] {
        assert_eq!(Decimal::signed(n).as_str(), n.to_string());
    }
}

// The decimal formatter and the strict decoders against the standard library and
// `base64ct` (which they replace on the embedded build).
proptest::proptest! {
    #[test]
    fn decimal_matches_std(n: u64, i: i64, shift in 0u32..64) {
        extern crate std;
        use std::string::ToString;
        // Every magnitude, not only the 20-digit values most random words have.
        let n = n >> shift;
        proptest::prop_assert_eq!(Decimal::with::<true>(n).as_str().to_string(), n.to_string());
        proptest::prop_assert_eq!(Decimal::with::<false>(n).as_str().to_string(), n.to_string());
        #[cfg(feature = "jwt")]
        proptest::prop_assert_eq!(Decimal::signed(i).as_str().to_string(), i.to_string());
    }

    #[test]
    fn digits_in_place_match_std(n: u64, shift in 0u32..64) {
        extern crate std;
        use std::string::ToString;
        let n = n >> shift;
        let digits = Decimal::digits(n, |d| std::string::String::from_utf8(d.to_vec()));
        proptest::prop_assert_eq!(digits.ok(), Some(n.to_string()));
    }

    #[test]
    fn tag_base64_matches_base64ct(tag: [u8; 32]) {
        use base64ct::Encoding;
        let expected = base64ct::Base64::encode_string(&tag);
        proptest::prop_assert_eq!(&super::base64::base64_tag(&tag)[..], expected.as_bytes());
    }

    #[test]
    fn strict_decoders_match_base64ct(
        text in "[A-Za-z0-9+/_=-]{0,12}|([A-Za-z0-9+/]{4}){0,3}[A-Za-z0-9+/]{2,3}={0,2}|([A-Za-z0-9_-]{4}){0,3}[A-Za-z0-9_-]{0,3}|\\PC{0,8}",
        bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
    ) {
        use base64ct::Encoding;
        let invalid = Error::InvalidBase64;
        for (alphabet, padded) in [(IN_STANDARD, true), (IN_URL_SAFE, false)] {
            let mut out = [0u8; 16];
            let mut expected_out = [0u8; 16];
            let ours = decode_strict(text.as_bytes(), &mut out, alphabet, padded, invalid)
                .map(|d| d.to_vec());
            let theirs = if padded {
                base64ct::Base64::decode(&text, &mut expected_out).map(|d| d.to_vec())
            } else {
                base64ct::Base64UrlUnpadded::decode(&text, &mut expected_out).map(|d| d.to_vec())
            };
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b),
                (Err(Error::BufferTooSmall { .. }), Err(base64ct::Error::InvalidLength)) => {}
                (Err(e), Err(_)) => proptest::prop_assert_eq!(*e, invalid),
                _ => proptest::prop_assert!(false, "{text:?}: {ours:?} vs {theirs:?}"),
            }
            // Whatever base64ct encodes decodes back.
            let mut encoded = [0u8; 64];
            let mut decoded = [0u8; 40];
            let text = if padded {
                base64ct::Base64::encode(&bytes, &mut encoded).unwrap()
            } else {
                base64ct::Base64UrlUnpadded::encode(&bytes, &mut encoded).unwrap()
            };
            let back = decode_strict(text.as_bytes(), &mut decoded, alphabet, padded, invalid).unwrap();
            proptest::prop_assert_eq!(&*back, &bytes[..]);
        }
    }
}

#[test]
fn strict_decoders_leave_out_untouched_on_error() {
    let mut out = [7u8; 4];
    for bad in [&b"QUJD?"[..], b"QUJDRA", b"QUJDRB==", b"QQ="] {
        assert_eq!(
            decode_strict(bad, &mut out, IN_STANDARD, true, Error::InvalidSignature),
            Err(Error::InvalidSignature)
        );
    }
    assert_eq!(
        decode_strict(
            b"QUJDRA==",
            &mut out[..3],
            IN_STANDARD,
            true,
            Error::InvalidSignature
        ),
        Err(Error::BufferTooSmall { needed: 4 })
    );
    assert_eq!(out, [7; 4]);
    assert_eq!(
        decode_strict(b"-_8", &mut out, IN_URL_SAFE, false, Error::MalformedToken).unwrap(),
        [0xfb, 0xff]
    );
    assert_eq!(
        decode_strict(b"-_8", &mut out, IN_STANDARD, true, Error::MalformedToken),
        Err(Error::MalformedToken)
    );
}

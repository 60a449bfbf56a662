//! core's table base64 encoders against `base64ct`, and hex, on arbitrary bytes.

use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use proptest::prelude::*;
use sigmint_core::encode;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn matches_base64ct(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut out = vec![0u8; encode::base64_len(bytes.len())];
        prop_assert_eq!(encode::base64(&bytes, &mut out).unwrap(), Base64::encode_string(&bytes));
        let mut out = vec![0u8; encode::base64url_len(bytes.len())];
        prop_assert_eq!(encode::base64url(&bytes, &mut out).unwrap(), Base64UrlUnpadded::encode_string(&bytes));
        if !out.is_empty() {
            let mut short = vec![0u8; out.len() - 1];
            prop_assert!(encode::base64url(&bytes, &mut short).is_err());
        }
        let mut hex = vec![0u8; encode::hex_len(bytes.len())];
        let expected: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        prop_assert_eq!(encode::hex(&bytes, &mut hex).unwrap(), expected);
    }
}

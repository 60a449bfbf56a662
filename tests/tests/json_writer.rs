//! core's JSON writer against `serde_json`: every string and every request body it writes
//! parses back to exactly what went in, over arbitrary Unicode (controls, quotes, backslashes,
//! astral characters).

use proptest::prelude::*;
use serde_json::Value as Json;
use sigmint_core::jwt::NewClaims;
use sigmint_core::providers::fonbnk::{KycSubmission, UserQuery};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn request_bodies_round_trip(email in "\\PC{1,20}|[\"\\\\\u{0}-\u{1f}é💸]{1,8}", name in any::<String>(), value in any::<String>()) {
        let email_ok = !email.trim().is_empty();
        let query = UserQuery { email: &email, country_iso_code: "NG" };
        let mut buf = vec![0u8; 4096];
        match query.write_json(&mut buf) {
            Ok(text) => {
                prop_assert!(email_ok);
                let parsed: Json = serde_json::from_str(text).unwrap();
                prop_assert_eq!(parsed, serde_json::json!({"email": email, "countryIsoCode": "NG"}));
            }
            Err(_) => prop_assert!(!email_ok),
        }
        if email_ok {
            let kyc = KycSubmission { email: &email, document_id: "d", user_fields: [(name.as_str(), value.as_str())] };
            let mut buf = vec![0u8; 8192];
            let text = kyc.write_json(&mut buf).unwrap();
            prop_assert_eq!(kyc.write_json(&mut []).err().and_then(|e| e.needed()), Some(text.len()));
            let parsed: Json = serde_json::from_str(text).unwrap();
            prop_assert_eq!(&parsed["userFields"][name.as_str()], &Json::String(value.clone()));
        }
    }

    #[test]
    fn claims_round_trip(sub in any::<String>(), aud in prop::collection::vec(any::<String>(), 0..4)) {
        let aud_refs: Vec<&str> = aud.iter().map(String::as_str).collect();
        let claims = NewClaims { sub: Some(&sub), aud: &aud_refs, ..NewClaims::default() };
        let mut buf = vec![0u8; 8192];
        let text = claims.write_json(&mut buf).unwrap();
        let parsed: Json = serde_json::from_str(text).unwrap();
        prop_assert_eq!(&parsed["sub"], &Json::String(sub.clone()));
        match aud.len() {
            0 => prop_assert!(parsed.get("aud").is_none()),
            1 => prop_assert_eq!(&parsed["aud"], &Json::String(aud[0].clone())),
            _ => prop_assert_eq!(&parsed["aud"], &serde_json::json!(aud)),
        }
    }
}

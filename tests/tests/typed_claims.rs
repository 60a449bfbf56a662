//! `jwt::decode_as` and `jwt::encode_as`: typed claims through serde over core's own reader,
//! each case of the contract (escaped borrowed strings, nested structs, `Option`, integers,
//! bools, arrays into `heapless::Vec`, enums, wrong types, a short scratch), and a property
//! test against serde_json on random claims.

use heapless::Vec as HVec;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Claim, Error, ErrorKind, Key};

const NOW: i64 = 1_765_454_133;

fn key() -> Key {
    Key::new(b"typed-claims-key").unwrap()
}

/// A token over `claims` (JSON text), minted by core.
fn token(claims: &str) -> String {
    let mut out = vec![0u8; jwt::encoded_len(claims.len())];
    jwt::encode_json(&key(), claims.as_bytes(), &mut out)
        .unwrap()
        .to_owned()
}

/// `decode_as` with room to spare and PyJWT's default validation at `NOW`.
fn decode<'a, T: Deserialize<'a>>(token: &'a str, scratch: &'a mut Vec<u8>) -> Result<T, Error> {
    scratch.resize(jwt::decode_as_scratch_len(token), 0);
    jwt::decode_as(token, scratch, &key(), &Validation::new(UnixSeconds(NOW)))
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct User<'a> {
    email: &'a str,
    country_iso_code: &'a str,
    is_dev_user: bool,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Access,
    Refresh,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Claims<'a> {
    #[serde(borrow, rename = "userData")]
    user: User<'a>,
    #[serde(rename = "type")]
    kind: Kind,
    uid: &'a str,
    note: &'a str,
    exp: i64,
    big: u64,
    small: i8,
    nickname: Option<&'a str>,
    absent: Option<u32>,
    #[serde(borrow)]
    tags: HVec<&'a str, 4>,
}

const FULL: &str = r#"{"userData":{"email":"a\u0040b.c","countryIsoCode":"NG","isDevUser":false},"type":"access","uid":"01KC6M","note":"caf\u00e9 \"q\" \\ \n","exp":4102444800,"big":18446744073709551615,"small":-128,"nickname":null,"tags":["pos","mob\u0069le"],"float":1.5,"extra":{"deep":[1,{"x":null}]}}"#;

#[test]
fn every_kind_of_field() {
    let token = token(FULL);
    let mut scratch = Vec::new();
    let claims: Claims = decode(&token, &mut scratch).unwrap();
    assert_eq!(
        claims.user,
        User {
            email: "a@b.c",
            country_iso_code: "NG",
            is_dev_user: false
        }
    );
    assert_eq!(claims.kind, Kind::Access);
    assert_eq!(claims.uid, "01KC6M");
    assert_eq!(claims.note, "café \"q\" \\ \n");
    assert_eq!(
        (claims.exp, claims.big, claims.small),
        (4_102_444_800, u64::MAX, -128)
    );
    assert_eq!((claims.nickname, claims.absent), (None, None));
    assert_eq!(claims.tags.as_slice(), ["pos", "mobile"]);
}

#[test]
fn validates_exactly_as_decode() {
    let expired = token(r#"{"exp":1000}"#);
    let mut scratch = Vec::new();
    #[derive(Deserialize)]
    struct Exp {
        #[allow(dead_code)]
        exp: i64,
    }
    assert_eq!(
        decode::<Exp>(&expired, &mut scratch).err(),
        Some(Error::Expired)
    );
    let mut tampered = token(r#"{"exp":4102444800}"#);
    tampered.pop();
    tampered.push('A');
    assert!(matches!(
        decode::<Exp>(&tampered, &mut scratch),
        Err(Error::InvalidSignature | Error::MalformedToken)
    ));
    let null_exp = token(r#"{"n":1,"exp":"soon"}"#);
    assert_eq!(
        decode::<Exp>(&null_exp, &mut scratch).err(),
        Some(Error::InvalidClaimType {
            claim: Claim::Named("exp")
        })
    );
}

#[test]
fn wrong_types_are_claim_type_errors() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Count {
        count: u32,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Small {
        small: u8,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Float {
        f: f64,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Two<'a> {
        #[serde(borrow)]
        list: HVec<&'a str, 2>,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Strict {
        kind: Kind,
    }
    let mut scratch = Vec::new();
    for (claims, result) in [
        (
            r#"{"count":"7"}"#,
            decode::<Count>(&token(r#"{"count":"7"}"#), &mut scratch).err(),
        ),
        (
            r#"{"count":-1}"#,
            decode::<Count>(&token(r#"{"count":-1}"#), &mut scratch).err(),
        ),
        (
            r#"{"small":300}"#,
            decode::<Small>(&token(r#"{"small":300}"#), &mut scratch).err(),
        ),
        (
            r#"{"f":1.5}"#,
            decode::<Float>(&token(r#"{"f":1.5}"#), &mut scratch).err(),
        ),
        (
            r#"{"list":["a","b","c"]}"#,
            decode::<Two>(&token(r#"{"list":["a","b","c"]}"#), &mut scratch).err(),
        ),
        (
            r#"{"kind":"other"}"#,
            decode::<Strict>(&token(r#"{"kind":"other"}"#), &mut scratch).err(),
        ),
        (
            r#"{"kind":{"access":1}}"#,
            decode::<Strict>(&token(r#"{"kind":{"access":1}}"#), &mut scratch).err(),
        ),
    ] {
        assert_eq!(
            result,
            Some(Error::InvalidClaimType {
                claim: Claim::Unnamed
            }),
            "{claims}"
        );
    }
    assert_eq!(
        decode::<Count>(&token(r#"{"count":18446744073709551616}"#), &mut scratch).err(),
        Some(Error::IntegerOverflow)
    );
    assert_eq!(
        decode::<Count>(&token(r#"{"other":1}"#), &mut scratch).err(),
        Some(Error::MissingClaim {
            claim: Claim::Named("count")
        })
    );
}

#[test]
fn scratch_is_checked_first_and_exact_size_is_enough() {
    let token = token(FULL);
    let needed = jwt::decode_as_scratch_len(&token);
    let mut short = vec![0u8; needed - 1];
    assert_eq!(
        jwt::decode_as::<Claims, _>(
            &token,
            &mut short,
            &key(),
            &Validation::new(UnixSeconds(NOW))
        )
        .err(),
        Some(Error::BufferTooSmall { needed })
    );
    // Even for a token that would fail later: the size is refused before any other check.
    assert_eq!(
        jwt::decode_as::<Claims, _>(
            &token,
            &mut short,
            &Key::new(b"other").unwrap(),
            &Validation::new(UnixSeconds(NOW))
        )
        .err(),
        Some(Error::BufferTooSmall { needed })
    );
    let mut exact = vec![0u8; needed];
    assert!(
        jwt::decode_as::<Claims, _>(
            &token,
            &mut exact,
            &key(),
            &Validation::new(UnixSeconds(NOW))
        )
        .is_ok()
    );
}

#[test]
fn encode_as_round_trips() {
    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Mint<'a> {
        sub: &'a str,
        exp: i64,
        note: &'a str,
        tags: [u8; 3],
    }
    let claims = Mint {
        sub: "user-1",
        exp: 4_102_444_800,
        note: "quote \" backslash \\ newline \n é",
        tags: [1, 2, 3],
    };
    let (mut json, mut out) = ([0u8; 256], [0u8; 512]);
    let token = jwt::encode_as(&key(), &claims, &mut json, &mut out)
        .unwrap()
        .to_owned();
    let mut scratch = Vec::new();
    assert_eq!(decode::<Mint>(&token, &mut scratch).unwrap(), claims);
    assert_eq!(
        jwt::encode_as(&key(), &claims, &mut [0u8; 16], &mut out)
            .err()
            .map(Error::kind),
        Some(ErrorKind::BufferTooSmall)
    );
}

/// JSON values of the kinds claims hold (no floats: core refuses them into typed fields).
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| n.into()),
        any::<u64>().prop_map(|n| n.into()),
        "(?s).{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z\u{e9}\"\\\\]{1,6}", inner, 0..5)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any claims object reads back, through decode_as, as serde_json reads its payload.
    #[test]
    fn any_claims_read_as_serde_json_reads_them(
        members in prop::collection::btree_map("[a-z\u{e9}\"\\\\]{1,6}", json_value(), 0..6)
    ) {
        // Registered claim names would be validated as such; keep to other names.
        let object: serde_json::Map<_, _> = members
            .into_iter()
            .filter(|(k, _)| !["exp", "nbf", "iat", "iss", "sub", "jti", "aud"].contains(&k.as_str()))
            .collect();
        let text = serde_json::to_string(&object).unwrap();
        let token = token(&text);
        let mut scratch = Vec::new();
        let got: serde_json::Value = decode(&token, &mut scratch).unwrap();
        prop_assert_eq!(got, serde_json::Value::Object(object));
    }
}

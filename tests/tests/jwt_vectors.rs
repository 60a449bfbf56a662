//! The JWT vectors, the RFC 7515/7520 examples and every pitfall in DESIGN.md, against core.

mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use common::{load, unhex};
use serde::Deserialize;
use serde_json::Value as Json;
use sigmint_core::json::Kind;
use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, Claims, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Claim, Error, Key};

/// A time inside every valid token's lifetime (the Fonbnk docs' `iat` plus a minute).
const NOW: i64 = 1_765_454_133;

#[derive(Deserialize)]
struct JwtVectors {
    valid: Vec<ValidCase>,
    invalid: Vec<InvalidCase>,
    from_provider_docs: Vec<DocsCase>,
}

#[derive(Deserialize)]
struct ValidCase {
    name: String,
    key_hex: String,
    token: String,
    claims: serde_json::Map<String, Json>,
    header: Option<serde_json::Map<String, Json>>,
}

#[derive(Deserialize)]
struct InvalidCase {
    name: String,
    key_hex: String,
    token: String,
    expected_error: String,
}

#[derive(Deserialize)]
struct DocsCase {
    name: String,
    token: String,
    claims: serde_json::Map<String, Json>,
}

/// Checks that `claims` holds exactly `expected`, reading every value through core's reader.
fn assert_claims(claims: &Claims<'_>, expected: &serde_json::Map<String, Json>, case: &str) {
    assert_eq!(claims.json().members().count(), expected.len(), "{case}");
    for (name, want) in expected {
        let got = claims
            .claim(name)
            .unwrap_or_else(|| panic!("{case}: no {name}"));
        let parsed: Json = serde_json::from_str(got.raw()).unwrap();
        assert_eq!(&parsed, want, "{case}: {name}");
        if let Json::String(text) = want {
            assert!(got.str_eq(text));
            let mut buf = vec![0u8; text.len()];
            assert_eq!(got.to_str(&mut buf).unwrap(), text);
        }
    }
}

fn scratch_for(token: &str) -> Vec<u8> {
    vec![0u8; jws::scratch_len(token)]
}

#[test]
fn valid_tokens_verify_and_read_back() {
    let vectors: JwtVectors = load("jwt_hs256.json");
    for case in &vectors.valid {
        let key = Key::new(&unhex(&case.key_hex)).unwrap();
        let mut scratch = scratch_for(&case.token);
        // Expect the audience a token has: with none expected, a token's `aud` is refused.
        let audience: &[&str] = &["pos"];
        let validation = Validation {
            audience: case.claims.contains_key("aud").then_some(audience),
            ..Validation::new(UnixSeconds(NOW))
        };
        let verified = jwt::decode(&case.token, &mut scratch, &key, &validation)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_claims(verified.claims(), &case.claims, &case.name);
        if let Some(header) = &case.header {
            let json = verified.header().json();
            assert_eq!(json.members().count(), header.len());
            for (name, want) in header {
                assert!(json.get(name).unwrap().str_eq(want.as_str().unwrap()));
            }
        }
    }
}

#[test]
fn fonbnk_token_typed_claims_and_paths() {
    let vectors: JwtVectors = load("jwt_hs256.json");
    let case = &vectors.valid[0];
    let key = Key::new(&unhex(&case.key_hex)).unwrap();
    let mut scratch = scratch_for(&case.token);
    let validation = Validation {
        token_type: Some("access"),
        typ: Some("JWT"),
        required: &["exp", "iat", "uid"],
        ..Validation::new(UnixSeconds(NOW))
    };
    let verified = jwt::decode(&case.token, &mut scratch, &key, &validation).unwrap();
    let claims = verified.claims();
    assert_eq!(claims.exp(), Ok(Some(UnixSeconds(4_102_444_800))));
    assert_eq!(claims.iat(), Ok(Some(UnixSeconds(1_765_454_073))));
    assert!(
        claims
            .get("userData.email")
            .unwrap()
            .str_eq("testuser+ng@fonbnk.com")
    );
    assert_eq!(
        claims.get("userData.isDevUser").unwrap().as_bool().ok(),
        Some(false)
    );
    assert_eq!(claims.get("userData").unwrap().kind(), Kind::Object);
    let refresh = Validation {
        token_type: Some("refresh"),
        ..Validation::new(UnixSeconds(NOW))
    };
    let mut scratch = scratch_for(&case.token);
    assert_eq!(
        jwt::decode(&case.token, &mut scratch, &key, &refresh).err(),
        Some(Error::WrongTokenType)
    );
}

#[test]
fn invalid_tokens_fail_with_their_class() {
    let vectors: JwtVectors = load("jwt_hs256.json");
    for case in &vectors.invalid {
        let key = Key::new(&unhex(&case.key_hex)).unwrap();
        let mut scratch = scratch_for(&case.token);
        let error = jwt::decode(
            &case.token,
            &mut scratch,
            &key,
            &Validation::new(UnixSeconds(NOW)),
        )
        .err()
        .unwrap_or_else(|| panic!("{} verified", case.name));
        let class_ok = match case.expected_error.as_str() {
            "malformed" => matches!(error, Error::MalformedToken | Error::InvalidJson),
            "invalid_signature" => error == Error::InvalidSignature,
            "unsupported_algorithm" => error == Error::UnsupportedAlgorithm,
            "expired" => error == Error::Expired,
            "not_yet_valid" => error == Error::NotYetValid,
            other => panic!("unknown class {other}"),
        };
        assert!(
            class_ok,
            "{}: got {error:?}, expected {}",
            case.name, case.expected_error
        );
    }
}

#[test]
fn provider_docs_tokens_decode_unverified_and_never_verify() {
    let vectors: JwtVectors = load("jwt_hs256.json");
    for case in &vectors.from_provider_docs {
        let mut scratch = scratch_for(&case.token);
        let (header, claims) =
            jwt::dangerous_unverified(&case.token, &mut scratch, &Limits::default()).unwrap();
        assert!(header.alg().str_eq("HS256"));
        assert_claims(&claims, &case.claims, &case.name);
        for key in [
            &b"k"[..],
            b"secret",
            &[0u8; 64],
            b"fonbnk-test-signing-key-0123456789abcdef",
        ] {
            let key = Key::new(key).unwrap();
            let mut scratch = scratch_for(&case.token);
            let result = jws::decode(&case.token, &mut scratch, &Limits::default())
                .unwrap()
                .verify(&key, &[Algorithm::Hs256]);
            assert_eq!(result.err(), Some(Error::InvalidSignature), "{}", case.name);
        }
    }
}

#[derive(Deserialize)]
struct RfcVectors {
    rfc7515_a1: RfcJwt,
    rfc7520_4_4: RfcJws,
}

#[derive(Deserialize)]
struct RfcJwt {
    token: String,
    key_b64url: String,
    now: i64,
    claims: serde_json::Map<String, Json>,
}

#[derive(Deserialize)]
struct RfcJws {
    token: String,
    key_b64url: String,
    payload_utf8: String,
}

#[test]
fn rfc7515_a1_with_a_fixed_clock() {
    let rfc: RfcVectors = load("jws_rfc.json");
    let case = &rfc.rfc7515_a1;
    let key = Key::new(&Base64UrlUnpadded::decode_vec(&case.key_b64url).unwrap()).unwrap();
    let mut scratch = scratch_for(&case.token);
    let verified = jwt::decode(
        &case.token,
        &mut scratch,
        &key,
        &Validation::new(UnixSeconds(case.now)),
    )
    .unwrap();
    assert_claims(verified.claims(), &case.claims, "RFC 7515 A.1");
    let mut scratch = scratch_for(&case.token);
    assert_eq!(
        jwt::decode(
            &case.token,
            &mut scratch,
            &key,
            &Validation::new(UnixSeconds(case.now + 1))
        )
        .err(),
        Some(Error::Expired)
    );
}

#[test]
fn rfc7520_4_4_plain_text_payload_is_jws_only() {
    let rfc: RfcVectors = load("jws_rfc.json");
    let case = &rfc.rfc7520_4_4;
    let key = Key::new(&Base64UrlUnpadded::decode_vec(&case.key_b64url).unwrap()).unwrap();
    let mut scratch = scratch_for(&case.token);
    let verified = jws::decode(&case.token, &mut scratch, &Limits::default())
        .unwrap()
        .verify(&key, &[Algorithm::Hs256])
        .unwrap();
    let mut payload = vec![0u8; verified.payload_len()];
    assert_eq!(
        verified.decode_payload(&mut payload).unwrap(),
        case.payload_utf8.as_bytes()
    );
    assert!(
        verified
            .header()
            .kid()
            .unwrap()
            .str_eq("018c0ae5-4d9b-471b-bfd6-eef314bc7037")
    );
    let mut scratch = scratch_for(&case.token);
    assert_eq!(
        jwt::decode(
            &case.token,
            &mut scratch,
            &key,
            &Validation::new(UnixSeconds(0))
        )
        .err(),
        Some(Error::InvalidJson)
    );
}

// ---- Pitfalls that broke other libraries (DESIGN.md), one test each ----

fn b64(data: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(data)
}

fn forge(header: &str, claims: &str, key: &Key) -> String {
    let input = format!("{}.{}", b64(header.as_bytes()), b64(claims.as_bytes()));
    format!("{input}.{}", b64(key.sign(&[input.as_bytes()]).as_bytes()))
}

fn decode_err(token: &str, key: &Key, validation: &Validation<'_>) -> Error {
    let mut scratch = vec![0u8; jws::scratch_len(token).max(16)];
    match jwt::decode(token, &mut scratch, key, validation) {
        Ok(_) => panic!("{token} must fail"),
        Err(error) => error,
    }
}

fn key() -> Key {
    Key::new(b"pitfall key 0123456789abcdef0123").unwrap()
}

#[test]
fn alg_none_with_and_without_trailing_dot() {
    let v = Validation::new(UnixSeconds(0));
    for alg in ["none", "None", "NONE", "nOnE"] {
        let header = b64(format!(r#"{{"alg":"{alg}"}}"#).as_bytes());
        let payload = b64(b"{}");
        assert_eq!(
            decode_err(&format!("{header}.{payload}."), &key(), &v),
            Error::UnsupportedAlgorithm
        );
        assert_eq!(
            decode_err(&format!("{header}.{payload}"), &key(), &v),
            Error::MalformedToken
        );
    }
}

#[test]
fn asymmetric_headers_against_an_hmac_key() {
    for alg in ["RS256", "ES256", "PS256", "EdDSA", "RS512"] {
        let token = forge(&format!(r#"{{"alg":"{alg}"}}"#), "{}", &key());
        assert_eq!(
            decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
            Error::UnsupportedAlgorithm
        );
    }
    let token = forge(r#"{"alg":"HS256"}"#, "{}", &key());
    let none_allowed = Validation {
        algorithms: &[],
        ..Validation::new(UnixSeconds(0))
    };
    assert_eq!(
        decode_err(&token, &key(), &none_allowed),
        Error::AlgorithmNotAllowed
    );
}

#[test]
fn empty_and_short_keys() {
    assert_eq!(Key::new(b"").err(), Some(Error::EmptyKey));
    // A one-byte key works but cannot verify a token signed with another key.
    let token = forge(r#"{"alg":"HS256"}"#, "{}", &key());
    assert_eq!(
        decode_err(
            &token,
            &Key::new(b"k").unwrap(),
            &Validation::new(UnixSeconds(0))
        ),
        Error::InvalidSignature
    );
}

#[test]
fn time_claims_of_the_wrong_type() {
    for claims in [
        r#"{"exp":"2000000000"}"#,
        r#"{"exp":2000000000.0}"#,
        r#"{"exp":-1}"#,
        r#"{"exp":1e10}"#,
        r#"{"nbf":"1"}"#,
        r#"{"nbf":1.5}"#,
        r#"{"iat":false}"#,
    ] {
        let token = forge(r#"{"alg":"HS256"}"#, claims, &key());
        assert_eq!(
            decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
            Error::InvalidClaimType {
                claim: Claim::Named(&claims[2..5])
            },
            "{claims}"
        );
    }
    let token = forge(
        r#"{"alg":"HS256"}"#,
        r#"{"exp":99999999999999999999}"#,
        &key(),
    );
    assert_eq!(
        decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
        Error::IntegerOverflow
    );
}

#[test]
fn issuer_is_never_a_substring_match() {
    let v = Validation {
        issuer: Some(&["ensemblelab.com.ng"]),
        ..Validation::new(UnixSeconds(0))
    };
    for iss in [
        "ensemblelab.com",
        "ensemblelab.com.ng.evil",
        "xensemblelab.com.ng",
        "",
    ] {
        let token = forge(
            r#"{"alg":"HS256"}"#,
            &format!(r#"{{"iss":"{iss}"}}"#),
            &key(),
        );
        assert_eq!(
            decode_err(&token, &key(), &v),
            Error::InvalidIssuer,
            "{iss}"
        );
    }
}

#[test]
fn audience_present_when_none_expected() {
    let token = forge(r#"{"alg":"HS256"}"#, r#"{"aud":"mygiro.co"}"#, &key());
    assert_eq!(
        decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
        Error::InvalidAudience
    );
}

#[test]
fn unknown_crit_refused() {
    let token = forge(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, "{}", &key());
    assert_eq!(
        decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
        Error::UnknownCritical
    );
}

#[test]
fn oversized_and_many_dot_tokens() {
    let v = Validation::new(UnixSeconds(0));
    let huge = "a".repeat(1 << 20);
    assert_eq!(
        decode_err(&huge, &key(), &v),
        Error::TokenTooLarge {
            limit: Limits::default().max_token_len
        }
    );
    let dots = ".".repeat(10_000);
    assert_eq!(decode_err(&dots, &key(), &v), Error::MalformedToken);
    let raised = Validation {
        limits: Limits {
            max_token_len: 1 << 21,
            ..Limits::default()
        },
        ..v
    };
    assert_eq!(decode_err(&huge, &key(), &raised), Error::MalformedToken);
}

#[test]
fn scratch_must_hold_the_decoded_header_and_payload() {
    let token = forge(r#"{"alg":"HS256"}"#, r#"{"sub":"scratch"}"#, &key());
    let v = Validation::new(UnixSeconds(0));
    let needed = jws::scratch_len(&token);
    assert_eq!(
        needed,
        r#"{"alg":"HS256"}"#.len() + r#"{"sub":"scratch"}"#.len()
    );
    for short in [0, 1, needed / 2, needed - 1] {
        let mut scratch = vec![0u8; short];
        assert_eq!(
            jwt::decode(&token, &mut scratch, &key(), &v).err(),
            Some(Error::BufferTooSmall { needed }),
            "{short} bytes of scratch"
        );
        assert_eq!(
            jwt::dangerous_unverified(&token, &mut scratch, &Limits::default()).err(),
            Some(Error::BufferTooSmall { needed }),
            "{short} bytes of scratch"
        );
    }
    for enough in [needed, needed + 1] {
        let mut scratch = vec![0u8; enough];
        let verified = jwt::decode(&token, &mut scratch, &key(), &v).unwrap();
        assert!(verified.claims().sub().unwrap().unwrap().str_eq("scratch"));
    }
    // A token that is not a token is reported as such, however small the scratch.
    let mut scratch = [0u8; 4];
    let bad = format!("{}.!!!.{}", b64(br#"{"alg":"HS256"}"#), b64(&[0; 32]));
    assert_eq!(
        jwt::decode(&bad, &mut scratch, &key(), &v).err(),
        Some(Error::MalformedToken)
    );
}

#[test]
fn non_canonical_base64url() {
    let good = forge(r#"{"alg":"HS256"}"#, r#"{"a":1}"#, &key());
    let (input, sig) = good.rsplit_once('.').unwrap();
    let (header, payload) = input.split_once('.').unwrap();
    let v = Validation::new(UnixSeconds(0));
    for token in [
        format!("{header}.{payload}=.{sig}"),
        format!("{header}.+{}.{sig}", &payload[1..]),
        format!("{header}.{payload}.+{}", &sig[1..]),
        format!("{header}.{payload}.{sig}="),
        format!("{header} .{payload}.{sig}"),
        format!("{header}.{payload}.{}", &sig[..sig.len() - 1]),
    ] {
        assert!(
            matches!(
                decode_err(&token, &key(), &v),
                Error::MalformedToken | Error::InvalidSignature
            ),
            "{token}"
        );
    }
    // Non-zero trailing bits: "e30" is "{}", "e31" has the same 16 bits plus set padding bits.
    let token = format!("{header}.e31.{sig}");
    assert_eq!(decode_err(&token, &key(), &v), Error::MalformedToken);
}

#[test]
fn duplicate_claims_refused() {
    let token = forge(
        r#"{"alg":"HS256"}"#,
        r#"{"exp":1,"exp":9999999999}"#,
        &key(),
    );
    assert_eq!(
        decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
        Error::DuplicateKey
    );
}

#[test]
fn deep_nesting_and_invalid_utf8_are_clear_errors() {
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(20_000), "]".repeat(20_000));
    let limits = Limits {
        max_token_len: 1 << 20,
        ..Limits::default()
    };
    let token = forge(r#"{"alg":"HS256"}"#, &deep, &key());
    let v = Validation {
        limits,
        ..Validation::new(UnixSeconds(0))
    };
    assert_eq!(
        decode_err(&token, &key(), &v),
        Error::JsonTooDeep {
            limit: Limits::default().max_depth
        }
    );

    let header = b64(br#"{"alg":"HS256"}"#);
    let payload = b64(b"{\"a\":\"\xff\xfe\"}");
    let input = format!("{header}.{payload}");
    let token = format!(
        "{input}.{}",
        b64(key().sign(&[input.as_bytes()]).as_bytes())
    );
    assert_eq!(
        decode_err(&token, &key(), &Validation::new(UnixSeconds(0))),
        Error::InvalidUtf8
    );
}

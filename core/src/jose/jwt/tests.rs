//! The JWT unit tests.

use super::claims::{missing, mistyped};
use super::mint::MINT_LIMITS;
use super::*;
use crate::time::UnixSeconds;
use core::time::Duration;

fn key() -> Key {
    Key::new(b"test key").unwrap()
}

fn token<'o>(claims: &str, out: &'o mut [u8]) -> &'o str {
    encode_json(&key(), claims.as_bytes(), out).unwrap()
}

fn check(claims: &str, validation: &Validation<'_>) -> Result<(), Error> {
    let mut out = [0u8; 1024];
    let token = token(claims, &mut out);
    let mut scratch = [0u8; 1024];
    decode(token, &mut scratch, &key(), validation).map(|_| ())
}

#[test]
fn time_claims() {
    let v = Validation::new(UnixSeconds(1000));
    assert_eq!(check(r#"{"exp":1001}"#, &v), Ok(()));
    assert_eq!(check(r#"{"exp":1000}"#, &v), Err(Error::Expired));
    // A registered claim's name spelled with escapes is still that claim.
    assert_eq!(check(r#"{"\u0065xp":1000}"#, &v), Err(Error::Expired));
    assert_eq!(check(r#"{"\u0065xp":"x"}"#, &v), Err(mistyped("exp")));
    let typed = Validation {
        token_type: Some("access"),
        ..v
    };
    assert_eq!(check(r#"{"\u0074ype":"access"}"#, &typed), Ok(()));
    assert_eq!(
        check(r#"{"\u0074ype":"refresh"}"#, &typed),
        Err(Error::WrongTokenType)
    );
    assert_eq!(
        check(
            r#"{"exp":990}"#,
            &Validation {
                leeway: Duration::from_secs(10),
                ..v
            }
        ),
        Err(Error::Expired)
    );
    assert_eq!(
        check(
            r#"{"exp":991}"#,
            &Validation {
                leeway: Duration::from_secs(10),
                ..v
            }
        ),
        Ok(())
    );
    assert_eq!(
        check(
            r#"{"exp":1}"#,
            &Validation {
                verify_exp: false,
                ..v
            }
        ),
        Ok(())
    );
    assert_eq!(check(r#"{"nbf":1001}"#, &v), Err(Error::NotYetValid));
    assert_eq!(check(r#"{"nbf":1000}"#, &v), Ok(()));
    assert_eq!(check(r#"{"iat":1001}"#, &v), Err(Error::IssuedInFuture));
    for (bad, claim) in [
        (r#"{"exp":"1001"}"#, "exp"),
        (r#"{"exp":1001.5}"#, "exp"),
        (r#"{"exp":-1}"#, "exp"),
        (r#"{"nbf":true}"#, "nbf"),
        (r#"{"iat":[1]}"#, "iat"),
        (r#"{"exp":1e3}"#, "exp"),
    ] {
        assert_eq!(check(bad, &v), Err(mistyped(claim)), "{bad}");
        // Disabling the check does not make a malformed claim acceptable.
        let off = Validation {
            verify_exp: false,
            verify_nbf: false,
            verify_iat: false,
            ..v
        };
        assert_eq!(check(bad, &off), Err(mistyped(claim)), "{bad}");
    }
    assert_eq!(
        check(r#"{"exp":9223372036854775808}"#, &v),
        Err(Error::IntegerOverflow)
    );
    assert_eq!(
        check(
            r#"{"exp":9223372036854775807}"#,
            &Validation::new(UnixSeconds(i64::MAX))
        ),
        Err(Error::Expired)
    );
    // `null` is not a NumericDate nor a string: never "absent", so never "does not expire".
    for (claims, name) in [
        (r#"{"exp":null}"#, "exp"),
        (r#"{"nbf":null}"#, "nbf"),
        (r#"{"iat":null}"#, "iat"),
        (r#"{"sub":null}"#, "sub"),
        (r#"{"jti":null}"#, "jti"),
        (r#"{"iss":null}"#, "iss"),
        (r#"{"sub":5}"#, "sub"),
    ] {
        assert_eq!(check(claims, &v), Err(mistyped(name)), "{claims}");
    }
    let skip_exp = Validation {
        verify_exp: false,
        ..v
    };
    assert_eq!(check(r#"{"exp":null}"#, &skip_exp), Err(mistyped("exp")));
}

#[test]
fn audience_issuer_required_and_type() {
    let v = Validation::new(UnixSeconds(0));
    assert_eq!(check(r#"{"aud":"pos"}"#, &v), Err(Error::InvalidAudience));
    assert_eq!(
        check(
            r#"{"aud":"pos"}"#,
            &Validation {
                verify_aud: false,
                ..v
            }
        ),
        Ok(())
    );
    let pos = Validation {
        audience: Some(&["mobile", "pos"]),
        ..v
    };
    assert_eq!(check(r#"{"aud":"pos"}"#, &pos), Ok(()));
    assert_eq!(check(r#"{"aud":["web","pos"]}"#, &pos), Ok(()));
    assert_eq!(
        check(r#"{"aud":["web"]}"#, &pos),
        Err(Error::InvalidAudience)
    );
    assert_eq!(check(r#"{"aud":"po"}"#, &pos), Err(Error::InvalidAudience));
    assert_eq!(check(r#"{}"#, &pos), Err(missing("aud")));
    assert_eq!(check(r#"{"aud":[1]}"#, &pos), Err(mistyped("aud")));
    // Empty audiences count as absent (PyJWT's rule).
    assert_eq!(check(r#"{"aud":""}"#, &v), Ok(()));
    assert_eq!(check(r#"{"aud":[]}"#, &v), Ok(()));
    assert_eq!(check(r#"{"aud":[]}"#, &pos), Err(missing("aud")));
    // Several failures: the first in PyJWT's order (iat, nbf, exp, iss, aud) wins.
    let now = Validation::new(UnixSeconds(10));
    assert_eq!(
        check(r#"{"exp":1,"nbf":20,"iat":30}"#, &now),
        Err(Error::IssuedInFuture)
    );
    assert_eq!(
        check(r#"{"exp":1,"nbf":20}"#, &now),
        Err(Error::NotYetValid)
    );

    let iss = Validation {
        issuer: Some(&["https://api.example.test"]),
        ..v
    };
    assert_eq!(check(r#"{"iss":"https://api.example.test"}"#, &iss), Ok(()));
    assert_eq!(
        check(r#"{"iss":"https://api.example.test.evil"}"#, &iss),
        Err(Error::InvalidIssuer)
    );
    assert_eq!(
        check(r#"{"iss":"api.example.test"}"#, &iss),
        Err(Error::InvalidIssuer)
    );
    assert_eq!(check(r#"{}"#, &iss), Err(missing("iss")));

    let req = Validation {
        required: &["exp", "uid"],
        ..v
    };
    assert_eq!(
        check(r#"{"exp":5,"uid":null}"#, &req),
        Err(Error::MissingClaim {
            claim: crate::Claim::Required(1)
        })
    );
    assert_eq!(check(r#"{"exp":5,"uid":"u"}"#, &req), Ok(()));

    let access = Validation {
        token_type: Some("access"),
        typ: Some("jwt"),
        ..v
    };
    assert_eq!(check(r#"{"type":"access"}"#, &access), Ok(()));
    assert_eq!(
        check(r#"{"type":"refresh"}"#, &access),
        Err(Error::WrongTokenType)
    );
    assert_eq!(check(r#"{}"#, &access), Err(Error::WrongTokenType));
}

#[test]
fn payload_must_be_an_object() {
    let v = Validation::new(UnixSeconds(0));
    let mut out = [0u8; 256];
    let t = jws::sign_compact(&key(), HS256_HEADER, b"[1]", &mut out).unwrap();
    let mut scratch = [0u8; 256];
    assert_eq!(
        decode(t, &mut scratch, &key(), &v).map(|_| ()),
        Err(Error::InvalidJson)
    );
}

#[test]
fn minting_typed_claims() {
    let claims = NewClaims {
        iss: Some("me"),
        aud: &["a", "b"],
        iat: Some(UnixSeconds(5)),
        jti: Some("q\"\n\u{1}é"),
        extra: Some(br#" {"uid": "x", "n": {"d": [1.5]}} "#),
        ..Default::default()
    };
    let mut json = [0u8; 256];
    assert_eq!(
        claims.write_json(&mut json).unwrap(),
        r#"{"iss":"me","aud":["a","b"],"iat":5,"jti":"q\"\n\u0001é","uid": "x", "n": {"d": [1.5]}}"#
    );
    let dup = NewClaims {
        sub: Some("s"),
        extra: Some(br#"{"sub":"t"}"#),
        ..Default::default()
    };
    assert_eq!(dup.write_json(&mut json), Err(Error::DuplicateKey));
    // Every way a claim can be given twice, and one claim given once in each place.
    for (strings, extra) in [
        (&[("sub", "t")][..], None),
        (&[("type", "a"), ("type", "b")][..], None),
        (&[("type", "a")][..], Some(&br#"{"type":"b"}"#[..])),
        (&[][..], Some(&br#"{"sub":"t"}"#[..])),
        (&[][..], Some(&br#"{"aud":"t"}"#[..])),
        (&[][..], Some(&br#"{"exp":1}"#[..])),
    ] {
        let claims = NewClaims {
            sub: Some("s"),
            aud: &["a"],
            exp: Some(UnixSeconds(1)),
            strings,
            extra,
            ..Default::default()
        };
        assert_eq!(claims.write_json(&mut json), Err(Error::DuplicateKey));
        // Found even when the buffer ran out first.
        assert_eq!(claims.write_json(&mut []), Err(Error::DuplicateKey));
    }
    let once = NewClaims {
        sub: Some("s"),
        strings: &[("type", "a")],
        extra: Some(br#"{"nbf":1,"n":{"sub":"nested is another object"}}"#),
        ..Default::default()
    };
    assert_eq!(
        once.write_json(&mut json),
        Ok(r#"{"sub":"s","type":"a","nbf":1,"n":{"sub":"nested is another object"}}"#)
    );
    assert_eq!(NewClaims::default().write_json(&mut json), Ok("{}"));
    let written = claims.write_json(&mut json).unwrap().len();
    assert_eq!(
        claims.write_json(&mut json[..written - 1]),
        Err(Error::BufferTooSmall { needed: written })
    );
    assert_eq!(
        NewClaims::default().write_json(&mut []),
        Err(Error::BufferTooSmall { needed: 2 })
    );
    let mut out = [0u8; 512];
    let mut json = [0u8; 256];
    let t = encode(&key(), &claims, &mut json, &mut out).unwrap();
    // Either buffer too short: the token's length, enough for both.
    let needed = Err(Error::BufferTooSmall { needed: t.len() });
    assert_eq!(encode(&key(), &claims, &mut [], &mut [0u8; 512]), needed);
    assert_eq!(encode(&key(), &claims, &mut [0u8; 256], &mut []), needed);
    let mut scratch = [0u8; 512];
    let v = Validation {
        audience: Some(&["b"]),
        ..Validation::new(UnixSeconds(5))
    };
    let verified = decode(t, &mut scratch, &key(), &v).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(
        verified
            .claims()
            .jti()
            .unwrap()
            .unwrap()
            .to_str(&mut buf)
            .unwrap(),
        "q\"\n\u{1}é"
    );
    assert_eq!(verified.claims().get("n.d").unwrap().raw(), "[1.5]");
}

#[test]
fn custom_headers_are_checked() {
    // encode_json skips the check for sigmint's own header, which must pass it.
    assert!(jws::check_header_for_minting(HS256_HEADER, &MINT_LIMITS).is_ok());
    let mut out = [0u8; 512];
    let header = br#"{"alg":"HS256","kid":"k1","typ":"JWT"}"#;
    let t = encode_json_with_header(&key(), header, b"{}", &mut out).unwrap();
    let mut scratch = [0u8; 256];
    let verified = decode(t, &mut scratch, &key(), &Validation::new(UnixSeconds(0))).unwrap();
    assert!(verified.header().kid().unwrap().str_eq("k1"));
    for (header, error) in [
        (&br#"{"alg":"none"}"#[..], Error::UnsupportedAlgorithm),
        (br#"{"alg":"HS512"}"#, Error::AlgorithmNotAllowed),
        (br#"{"typ":"JWT"}"#, Error::InvalidHeader),
        (br#"{"alg":"HS256","crit":["x"]}"#, Error::UnknownCritical),
        (br#"{"alg":"HS256","alg":"HS256"}"#, Error::DuplicateKey),
    ] {
        assert_eq!(
            encode_json_with_header(&key(), header, b"{}", &mut out),
            Err(error)
        );
    }
}

#[test]
fn encode_json_refuses_bad_claims_and_small_buffers() {
    let mut out = [0u8; 512];
    assert_eq!(
        encode_json(&key(), b"[]", &mut out),
        Err(Error::InvalidJson)
    );
    assert_eq!(
        encode_json(&key(), br#"{"a":1,"a":1}"#, &mut out),
        Err(Error::DuplicateKey)
    );
    let need = encoded_len(2);
    let mut small = [7u8; 128];
    assert!(need > 0);
    assert_eq!(
        encode_json(&key(), b"{}", &mut small[..need - 1]),
        Err(Error::BufferTooSmall { needed: need })
    );
    assert!(small.iter().all(|&b| b == 7));
    assert_eq!(
        encode_json(&key(), b"{}", &mut small[..need]).map(str::len),
        Ok(need)
    );
}

#[test]
fn a_bad_token_is_reported_as_such_whatever_the_scratch() {
    let v = Validation::new(UnixSeconds(0));
    let mut out = [0u8; 256];
    let good = token(r#"{"sub":"s"}"#, &mut out);
    let needed = jws::scratch_len(good);
    assert_eq!(
        decode(good, &mut [0u8; 4], &key(), &v).map(|_| ()),
        Err(Error::BufferTooSmall { needed })
    );
    for bad in ["e30.e30", "e30=.e30.", "%%%.e30.x", "e30.e30.x.y"] {
        assert_eq!(
            decode(bad, &mut [], &key(), &v).map(|_| ()),
            Err(Error::MalformedToken),
            "{bad}"
        );
    }
    assert_eq!(
        decode(&b"\xff.e30.x"[..], &mut [], &key(), &v).map(|_| ()),
        Err(Error::MalformedToken)
    );
}

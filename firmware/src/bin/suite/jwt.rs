//! Every JWT vector: valid tokens verified, validated and read back claim by claim; invalid
//! ones refused with their error class; the providers' documented tokens read unverified and
//! never verified; the RFC 7515 A.1 and RFC 7520 4.4 examples.

use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key};
use sigmint_firmware::insns::Counter;

use crate::Buffers;
use crate::check::Report;
use crate::vectors::{
    ErrorClass, JWT_FROM_DOCS, JWT_INVALID, JWT_VALID, RFC7515_A1, RFC7520_4_4, matches,
};

/// A time inside every valid token's lifetime (the Fonbnk docs' `iat` plus a minute).
pub const NOW: i64 = 1_765_454_133;

pub fn run(r: &mut Report, bufs: &mut Buffers) {
    valid(r, bufs);
    fonbnk_typed_claims(r, bufs);
    invalid(r, bufs);
    from_provider_docs(r, bufs);
    rfc7515_a1(r, bufs);
    rfc7520_4_4(r, bufs);
}

/// Exactly the scratch a token needs, as the host tests give it.
pub fn scratch_for<'b>(
    r: &mut Report,
    name: &str,
    token: &str,
    buf: &'b mut [u8],
) -> Option<&'b mut [u8]> {
    let scratch = buf.get_mut(..jws::scratch_len(token));
    r.check(scratch.is_some(), name, "scratch buffer large enough");
    scratch
}

fn valid(r: &mut Report, bufs: &mut Buffers) {
    r.check(!JWT_VALID.is_empty(), "jwt", "valid cases");
    for case in JWT_VALID {
        let Some(key) = r.ok(Key::new(case.key), case.name, "key") else {
            continue;
        };
        let Some(scratch) = scratch_for(r, case.name, case.token, &mut bufs.scratch) else {
            continue;
        };
        // Expect the audience a token has: with none expected, a token's `aud` is refused.
        let audience: &[&str] = &["pos"];
        let validation = Validation {
            audience: case.has_aud.then_some(audience),
            ..Validation::new(UnixSeconds(NOW))
        };
        let decoded = r.stack("jwt::decode", || {
            jwt::decode(case.token, scratch, &key, &validation)
        });
        let Some(verified) = r.ok(decoded, case.name, "decode") else {
            continue;
        };
        r.check(
            matches(verified.claims().json(), case.claims),
            case.name,
            "claims",
        );
        if let Some(header) = case.header {
            let json = verified.header().json();
            r.check(
                json.members().count() == header.len()
                    && header
                        .iter()
                        .all(|(name, value)| json.get(name).is_some_and(|v| v.str_eq(value))),
                case.name,
                "header",
            );
        }
    }
}

fn fonbnk_typed_claims(r: &mut Report, bufs: &mut Buffers) {
    const CASE: &str = "fonbnk typed claims";
    let Some(case) = JWT_VALID.first() else {
        return;
    };
    let Some(key) = r.ok(Key::new(case.key), CASE, "key") else {
        return;
    };
    let Some(scratch) = scratch_for(r, CASE, case.token, &mut bufs.scratch) else {
        return;
    };
    let validation = Validation {
        token_type: Some("access"),
        typ: Some("JWT"),
        required: &["exp", "iat", "uid"],
        ..Validation::new(UnixSeconds(NOW))
    };
    if let Some(verified) = r.ok(
        jwt::decode(case.token, scratch, &key, &validation),
        CASE,
        "decode",
    ) {
        let claims = verified.claims();
        r.check(
            claims.exp() == Ok(Some(UnixSeconds(4_102_444_800))),
            CASE,
            "exp",
        );
        r.check(
            claims.iat() == Ok(Some(UnixSeconds(1_765_454_073))),
            CASE,
            "iat",
        );
        r.check(
            claims
                .get("userData.email")
                .is_some_and(|v| v.str_eq("testuser+ng@fonbnk.com")),
            CASE,
            "userData.email",
        );
        r.check(
            claims
                .get("userData.isDevUser")
                .and_then(|v| v.as_bool().ok())
                == Some(false),
            CASE,
            "userData.isDevUser",
        );
    }
    let refresh = Validation {
        token_type: Some("refresh"),
        ..Validation::new(UnixSeconds(NOW))
    };
    let Some(scratch) = scratch_for(r, CASE, case.token, &mut bufs.scratch) else {
        return;
    };
    r.err(
        jwt::decode(case.token, scratch, &key, &refresh),
        Error::WrongTokenType,
        CASE,
        "refresh expected",
    );
}

fn invalid(r: &mut Report, bufs: &mut Buffers) {
    r.check(!JWT_INVALID.is_empty(), "jwt", "invalid cases");
    for case in JWT_INVALID {
        let Some(key) = r.ok(Key::new(case.key), case.name, "key") else {
            continue;
        };
        let Some(scratch) = scratch_for(r, case.name, case.token, &mut bufs.scratch) else {
            continue;
        };
        let decoded = r.stack("jwt::decode (invalid)", || {
            jwt::decode(
                case.token,
                scratch,
                &key,
                &Validation::new(UnixSeconds(NOW)),
            )
        });
        let Err(error) = decoded else {
            r.check(false, case.name, "verified, must fail");
            continue;
        };
        let class_ok = match case.class {
            ErrorClass::Malformed => {
                matches!(error, Error::MalformedToken | Error::InvalidJson)
            }
            ErrorClass::InvalidSignature => error == Error::InvalidSignature,
            ErrorClass::UnsupportedAlgorithm => error == Error::UnsupportedAlgorithm,
            ErrorClass::Expired => error == Error::Expired,
            ErrorClass::NotYetValid => error == Error::NotYetValid,
        };
        if !r.check(class_ok, case.name, "error class") {
            r.out.put("  got ").error(error).put("\n");
        }
    }
}

fn from_provider_docs(r: &mut Report, bufs: &mut Buffers) {
    r.check(!JWT_FROM_DOCS.is_empty(), "jwt", "provider docs cases");
    for case in JWT_FROM_DOCS {
        let Some(scratch) = scratch_for(r, case.name, case.token, &mut bufs.scratch) else {
            continue;
        };
        let read = r.stack("jwt::dangerous_unverified", || {
            jwt::dangerous_unverified(case.token, scratch, &Limits::default())
        });
        if let Some((header, claims)) = r.ok(read, case.name, "unverified decode") {
            r.check(header.alg().str_eq("HS256"), case.name, "alg");
            r.check(matches(claims.json(), case.claims), case.name, "claims");
        }
        for secret in [
            &b"k"[..],
            b"secret",
            &[0u8; 64],
            b"fonbnk-test-signing-key-0123456789abcdef",
        ] {
            let Some(key) = r.ok(Key::new(secret), case.name, "key") else {
                continue;
            };
            let Some(scratch) = scratch_for(r, case.name, case.token, &mut bufs.scratch) else {
                continue;
            };
            let verified = r.stack("jws::decode + verify", || {
                jws::decode(case.token, scratch, &Limits::default())
                    .and_then(|t| t.verify(&key, &[Algorithm::Hs256]))
            });
            r.err(
                verified,
                Error::InvalidSignature,
                case.name,
                "verify with a guessed key",
            );
        }
    }
}

fn rfc7515_a1(r: &mut Report, bufs: &mut Buffers) {
    const CASE: &str = "RFC 7515 A.1";
    let case = &RFC7515_A1;
    // The JWK's base64url key, taken as Key::from_base64 takes any base64.
    let Some(key) = r.ok(Key::from_base64(case.key_b64url), CASE, "key") else {
        return;
    };
    let Some(scratch) = scratch_for(r, CASE, case.token, &mut bufs.scratch) else {
        return;
    };
    if let Some(verified) = r.ok(
        jwt::decode(
            case.token,
            scratch,
            &key,
            &Validation::new(UnixSeconds(case.now)),
        ),
        CASE,
        "decode",
    ) {
        r.check(
            matches(verified.claims().json(), case.claims),
            CASE,
            "claims",
        );
    }
    let Some(scratch) = scratch_for(r, CASE, case.token, &mut bufs.scratch) else {
        return;
    };
    r.err(
        jwt::decode(
            case.token,
            scratch,
            &key,
            &Validation::new(UnixSeconds(case.now + 1)),
        ),
        Error::Expired,
        CASE,
        "a second later",
    );
}

fn rfc7520_4_4(r: &mut Report, bufs: &mut Buffers) {
    const CASE: &str = "RFC 7520 4.4";
    let case = &RFC7520_4_4;
    let Some(key) = r.ok(Key::from_base64(case.key_b64url), CASE, "key") else {
        return;
    };
    let Some(scratch) = scratch_for(r, CASE, case.token, &mut bufs.scratch) else {
        return;
    };
    if let Some(verified) = r.ok(
        jws::decode(case.token, scratch, &Limits::default())
            .and_then(|t| t.verify(&key, &[Algorithm::Hs256])),
        CASE,
        "JWS verify",
    ) {
        r.check(
            verified
                .decode_payload(&mut bufs.out)
                .is_ok_and(|p| p == case.payload.as_bytes()),
            CASE,
            "payload",
        );
        r.check(
            verified.header().kid().is_some_and(|k| k.str_eq(case.kid)),
            CASE,
            "kid",
        );
    }
    let Some(scratch) = scratch_for(r, CASE, case.token, &mut bufs.scratch) else {
        return;
    };
    r.err(
        jwt::decode(case.token, scratch, &key, &Validation::new(UnixSeconds(0))),
        Error::InvalidJson,
        CASE,
        "plain-text payload is no JWT",
    );
}

/// Verifying and validating the Fonbnk-shaped access token (with its `type`).
pub fn decode_cost(counter: &Counter) -> u64 {
    let Some(case) = JWT_VALID.first() else {
        return 0;
    };
    let Ok(key) = Key::new(case.key) else {
        return 0;
    };
    let validation = Validation {
        token_type: Some("access"),
        ..Validation::new(UnixSeconds(NOW))
    };
    let mut scratch = [0u8; 512];
    counter.per_call(20, || {
        jwt::decode(
            core::hint::black_box(case.token),
            &mut scratch,
            &key,
            &validation,
        )
        .is_ok()
    })
}

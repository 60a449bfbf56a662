//! Differential: a token signed by a reference (the `hmac` crate over `sha2`, encoded by the
//! `base64` crate) from any header and payload bytes, maybe tampered with, then decoded and
//! validated by sigmint with any validation. Never a panic; a signature the reference made is
//! never refused as invalid, a tampered one never accepted; and whatever sigmint accepts, an
//! independent JSON parser reads as an object whose times and subject pass the same checks.
#![no_main]

use arbitrary::Arbitrary;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use sha2::Sha256;
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key, jws};

const SECRET: &[u8] = b"fuzz-secret-of-thirty-two-bytes!";

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    header: &'a [u8],
    payload: &'a [u8],
    /// A byte of the token to flip (index, mask), after signing.
    tamper: Option<(u16, u8)>,
    now: i64,
    leeway: u16,
    skip: u8,
    strict: bool,
    audience: Option<Vec<&'a str>>,
    issuer: Option<Vec<&'a str>>,
    subject: Option<&'a str>,
    required: Vec<&'a str>,
    typ: Option<&'a str>,
    token_type: Option<&'a str>,
}

fn reference_token(header: &[u8], payload: &[u8]) -> String {
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(SECRET).unwrap();
    mac.update(input.as_bytes());
    format!(
        "{input}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

fuzz_target!(|input: Input<'_>| {
    let key = Key::new(SECRET).unwrap();
    let mut token = reference_token(input.header, input.payload).into_bytes();
    let tampered = match input.tamper {
        Some((at, mask)) if mask != 0 && !token.is_empty() => {
            let at = usize::from(at) % token.len();
            token[at] ^= mask;
            true
        }
        _ => false,
    };
    let mut scratch = vec![0u8; jws::scratch_len(&token[..])];

    // The JWS layer: the MAC alone.
    let verified = jws::decode(&token[..], &mut scratch, &jws::Limits::default())
        .and_then(|unverified| unverified.verify(&key, &[jws::Algorithm::Hs256]));
    match (&verified, tampered) {
        (Ok(_), true) => {
            // A flipped byte can only leave an equal token when it is in a segment's padding
            // bits, which strict base64url refuses: so a tampered token never verifies.
            panic!("a tampered token verified")
        }
        (Err(Error::InvalidSignature), false) => panic!("the reference's signature was refused"),
        _ => {}
    }

    let (skip, now, leeway) = (input.skip, UnixSeconds(input.now), input.leeway);
    let validation = Validation {
        leeway: core::time::Duration::from_secs(u64::from(leeway)),
        verify_exp: skip & 1 == 0,
        verify_nbf: skip & 2 == 0,
        verify_iat: skip & 4 == 0,
        verify_aud: skip & 8 == 0,
        verify_iss: skip & 16 == 0,
        verify_sub: skip & 32 == 0,
        required: &input.required,
        audience: input.audience.as_deref(),
        strict_audience: input.strict,
        issuer: input.issuer.as_deref(),
        subject: input.subject,
        typ: input.typ,
        token_type: input.token_type,
        ..Validation::new(now)
    };
    let mut scratch = vec![0u8; jws::scratch_len(&token[..])];
    let Ok(decoded) = jwt::decode(&token[..], &mut scratch, &key, &validation) else {
        return;
    };
    assert!(!tampered);
    let claims: Value = serde_json::from_slice(input.payload).expect("accepted claims are JSON");
    let claims = claims.as_object().expect("accepted claims are an object");
    let time = |name: &str| claims.get(name).map(|v| v.as_i64().expect("a NumericDate"));
    let (now, leeway) = (i128::from(input.now), i128::from(leeway));
    if validation.verify_exp
        && let Some(exp) = time("exp")
    {
        assert!(i128::from(exp) > now - leeway, "accepted an expired token");
    }
    if validation.verify_nbf
        && let Some(nbf) = time("nbf")
    {
        assert!(
            i128::from(nbf) <= now + leeway,
            "accepted a token not yet valid"
        );
    }
    if validation.verify_sub
        && let (Some(expected), Some(sub)) = (input.subject, claims.get("sub"))
    {
        assert_eq!(sub.as_str(), Some(expected), "accepted another subject");
    }
    for name in &input.required {
        assert!(
            claims.get(*name).is_some_and(|v| !v.is_null()),
            "required {name} absent"
        );
    }
    let _ = decoded.claims().exp();
});

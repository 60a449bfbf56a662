//! The cases of `tests/vectors/parity.json`, which the C and Python tests run too: through
//! core's public API, each must reach the verdict written there, `"ok"` or core's error name.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use common::{load, unhex};
use serde::Deserialize;
use sigmint_core::jwt::{self, Validation};
use sigmint_core::providers::{error_message, fonbnk};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key};

#[derive(Deserialize)]
struct Parity {
    secret: String,
    jwt: Vec<JwtCase>,
    raw_tokens: Vec<RawToken>,
    error_messages: Vec<ErrorBody>,
    endpoints: Vec<EndpointCase>,
    fonbnk_secret: String,
    fonbnk_verify: Vec<SignatureCase>,
}

#[derive(Deserialize)]
struct SignatureCase {
    name: String,
    timestamp_ms: u64,
    endpoint: String,
    signature: String,
    expect: String,
}

#[derive(Deserialize)]
struct JwtCase {
    name: String,
    token: String,
    validation: Checks,
    expect: String,
}

/// A case's `validation`, as the file spells it.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Checks {
    #[serde(default)]
    leeway: u64,
    audience: Option<Vec<String>>,
    issuer: Option<Vec<String>>,
    subject: Option<String>,
    #[serde(default)]
    strict_aud: bool,
    #[serde(default)]
    require: Vec<String>,
    #[serde(default)]
    skip: Vec<String>,
}

#[derive(Deserialize)]
struct RawToken {
    name: String,
    token_hex: String,
    expect: String,
}

#[derive(Deserialize)]
struct ErrorBody {
    name: String,
    body: Option<String>,
    body_hex: Option<String>,
    #[serde(default = "once")]
    repeat: usize,
    text: Option<String>,
    expect: Option<String>,
}

fn once() -> usize {
    1
}

#[derive(Deserialize)]
struct EndpointCase {
    name: String,
    path: String,
    params: Vec<(String, String)>,
    endpoint: Option<String>,
    expect: Option<String>,
}

/// `"ok"` or the name core gives the error.
fn verdict<T>(result: Result<T, Error>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(error) => error.kind().name().into(),
    }
}

fn now() -> UnixSeconds {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    UnixSeconds(i64::try_from(secs).unwrap())
}

fn parity() -> (Parity, Key) {
    let parity: Parity = load("parity.json");
    let key = Key::new(parity.secret.as_bytes()).unwrap();
    (parity, key)
}

fn strs(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

#[test]
fn jwt_cases() {
    let (parity, key) = parity();
    assert!(!parity.jwt.is_empty());
    for case in &parity.jwt {
        let c = &case.validation;
        let (audience, issuer, required) = (
            c.audience.as_deref().map(strs),
            c.issuer.as_deref().map(strs),
            strs(&c.require),
        );
        let on = |check: &str| !c.skip.iter().any(|s| s == check);
        assert!(
            c.skip
                .iter()
                .all(|s| ["exp", "nbf", "iat", "aud", "iss", "sub"].contains(&s.as_str()))
        );
        let validation = Validation {
            leeway: Duration::from_secs(c.leeway),
            verify_exp: on("exp"),
            verify_nbf: on("nbf"),
            verify_iat: on("iat"),
            verify_aud: on("aud"),
            verify_iss: on("iss"),
            verify_sub: on("sub"),
            required: &required,
            audience: audience.as_deref(),
            strict_audience: c.strict_aud,
            issuer: issuer.as_deref(),
            subject: c.subject.as_deref(),
            ..Validation::new(now())
        };
        let mut scratch = vec![0u8; sigmint_core::jws::scratch_len(&case.token)];
        let got = verdict(jwt::decode(&case.token, &mut scratch, &key, &validation));
        assert_eq!(got, case.expect, "{}", case.name);
    }
}

#[test]
fn raw_token_cases() {
    let (parity, key) = parity();
    for case in &parity.raw_tokens {
        let token = unhex(&case.token_hex);
        let mut scratch = vec![0u8; sigmint_core::jws::scratch_len(&token[..])];
        let got = verdict(jwt::decode(
            &token[..],
            &mut scratch,
            &key,
            &Validation::new(now()),
        ));
        assert_eq!(got, case.expect, "{}", case.name);
    }
}

#[test]
fn error_message_cases() {
    let (parity, _) = parity();
    for case in &parity.error_messages {
        let once = match (&case.body, &case.body_hex) {
            (Some(body), None) => body.as_bytes().to_vec(),
            (None, Some(hex)) => unhex(hex),
            _ => panic!("{}: a body or a body_hex", case.name),
        };
        let body = once.repeat(case.repeat);
        let mut scratch = vec![0u8; body.len()];
        let result = error_message(&body, &mut scratch);
        match &case.expect {
            Some(expect) => assert_eq!(&verdict(result), expect, "{}", case.name),
            // No text: the body holds none (MissingField) or is not text (InvalidUtf8).
            None => match result {
                Ok(text) => assert_eq!(Some(text), case.text.as_deref(), "{}", case.name),
                Err(Error::MissingField { field: "message" } | Error::InvalidUtf8) => {
                    assert_eq!(case.text, None, "{}", case.name);
                }
                Err(error) => panic!("{}: {error:?}", case.name),
            },
        }
    }
}

#[test]
fn endpoint_cases() {
    let (parity, _) = parity();
    for case in &parity.endpoints {
        let params = case.params.iter().map(|(n, v)| (n.as_str(), v.as_str()));
        let mut out = [0u8; 512];
        let result = fonbnk::write_endpoint(&case.path, params, &mut out);
        match (&case.endpoint, &case.expect) {
            (Some(endpoint), None) => assert_eq!(result, Ok(endpoint.as_str()), "{}", case.name),
            (None, Some(expect)) => assert_eq!(&verdict(result), expect, "{}", case.name),
            _ => panic!("{}: an endpoint or an expect", case.name),
        }
    }
}

#[test]
fn fonbnk_verify_cases() {
    let (parity, _) = parity();
    let key = Key::from_base64(&parity.fonbnk_secret).unwrap();
    assert!(!parity.fonbnk_verify.is_empty());
    for case in &parity.fonbnk_verify {
        let got = verdict(fonbnk::verify(
            &key,
            case.timestamp_ms,
            &case.endpoint,
            &case.signature,
        ));
        assert_eq!(got, case.expect, "{}", case.name);
    }
}

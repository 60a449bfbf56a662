//! `tests/vectors/schemes.json` through core's engine: every preset signs each case as its
//! provider's rule says (the published examples and the derived ones), shows the same string
//! to sign, and the webhook providers verify the documented headers at their timestamp.

mod common;

use std::collections::BTreeMap;

use serde::Deserialize;
use sigmint_core::canonical::{Parts, Preset};
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{Provider, Verifier};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    provider: String,
    secret: String,
    body: String,
    timestamp: Option<i64>,
    #[serde(default)]
    parts: BTreeMap<String, String>,
    headers: Option<BTreeMap<String, String>>,
    string_to_sign: Option<String>,
    signature: Option<String>,
}

#[derive(Deserialize)]
struct File {
    cases: Vec<Case>,
}

fn parts<'a>(case: &'a Case) -> Parts<'a> {
    let part = |name: &str| case.parts.get(name).map(String::as_bytes);
    Parts {
        timestamp: part("timestamp"),
        method: part("method"),
        path: part("path"),
        query: part("query"),
        body: case.body.as_bytes(),
    }
}

#[test]
fn every_case_signs_and_verifies() {
    let file: File = common::load("schemes.json");
    let (mut signed, mut verified) = (0, 0);
    for case in &file.cases {
        let preset = Preset::from_name(&case.provider).unwrap();
        let scheme = preset.scheme();
        let key = scheme.key(case.secret.as_bytes()).unwrap();
        if let Some(expected) = &case.signature {
            let parts = parts(case);
            assert_eq!(
                scheme.sign(&key, &parts).unwrap().as_str(),
                expected,
                "{}",
                case.provider
            );
            scheme.verify(&key, &parts, expected.as_bytes()).unwrap();
            let mut out = vec![0u8; 4096];
            let shown = scheme.string_to_sign(&parts, &mut out).unwrap();
            assert_eq!(shown, case.string_to_sign.as_deref().unwrap().as_bytes());
            signed += 1;
        }
        if let (Some(headers), Ok(provider)) = (&case.headers, Provider::from_name(&case.provider))
        {
            let headers: Vec<(&[u8], &[u8])> = headers
                .iter()
                .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
                .collect();
            let now = UnixSeconds(case.timestamp.unwrap_or(0));
            let keys = [key];
            let result = Verifier::new(provider, &keys).verify(&headers, case.body.as_bytes(), now);
            assert!(result.is_ok(), "{} {result:?}", case.provider);
            verified += 1;
        }
    }
    assert!(
        signed >= 11 && verified >= 7,
        "{signed} signed, {verified} verified"
    );
}

/// Fonbnk's own vectors give the same signatures through the preset as through `fonbnk::sign`.
#[test]
fn fonbnk_vectors_are_unchanged_through_the_engine() {
    let cases: Vec<common::FonbnkCase> = common::load("fonbnk_signing.json");
    let scheme = Preset::Fonbnk.scheme();
    for case in &cases {
        let key = scheme.key(case.client_secret.as_bytes()).unwrap();
        let parts = Parts {
            timestamp: Some(case.timestamp.as_bytes()),
            path: Some(case.endpoint.as_bytes()),
            ..Parts::default()
        };
        assert_eq!(
            scheme.sign(&key, &parts).unwrap().as_str(),
            case.signature,
            "{}",
            case.name
        );
        let mut out = [0u8; 1024];
        assert_eq!(
            scheme.string_to_sign(&parts, &mut out).unwrap(),
            case.string_to_sign.as_bytes()
        );
    }
}

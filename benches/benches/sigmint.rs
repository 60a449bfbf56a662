//! sigmint's hot paths, each in a group with its peers so ratios come from one run on one
//! machine. Group and function ids are relied on from outside (`make bench` reads them).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use sigmint_benches::{
    FonbnkClaims, UserData, decode_base64, fonbnk_token, order_limits, slack_webhook,
    stripe_webhook,
};
use sigmint_core::canonical::{Parts, Preset, Timestamp};
use sigmint_core::jwt::{self, NewClaims, Validation};
use sigmint_core::providers::fonbnk::{self, Signer, UserQuery};
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{Provider, Verifier};
use sigmint_core::{Key, query};

/// Inside every vector token's lifetime.
const NOW: i64 = 1_765_454_133;

fn fonbnk_sign(c: &mut Criterion) {
    let case = order_limits();
    // "The 218-byte order limits endpoint": 218 bytes signed, `{timestamp}:{endpoint}`.
    assert_eq!(
        format!("{}:{}", case.timestamp_ms, case.endpoint).len(),
        218
    );
    let mut group = c.benchmark_group("fonbnk_sign");
    let signer = Signer::new("client-id", &case.secret_b64).unwrap();
    group.bench_function("sigmint", |b| {
        b.iter(|| {
            signer
                .headers(black_box(case.timestamp_ms), black_box(&case.endpoint))
                .unwrap()
        })
    });
    let raw = decode_base64(&case.secret_b64);
    let message = format!("{}:{}", case.timestamp_ms, case.endpoint);
    let prepared = Hmac::<Sha256>::new_from_slice(&raw).unwrap();
    group.bench_function("hmac_raw", |b| {
        b.iter(|| {
            let mut mac = prepared.clone();
            mac.update(black_box(message.as_bytes()));
            mac.finalize()
        })
    });
    group.bench_function("hmac_raw_keyed", |b| {
        b.iter(|| {
            let mut mac = Hmac::<Sha256>::new_from_slice(black_box(&raw)).unwrap();
            mac.update(black_box(message.as_bytes()));
            mac.finalize()
        })
    });
    group.finish();
}

fn jwt_verify_decode(c: &mut Criterion) {
    let vector = fonbnk_token();
    let token = vector.token.as_str();
    let key = Key::new(&vector.key).unwrap();
    let mut group = c.benchmark_group("jwt_verify_decode");
    let validation = Validation {
        token_type: Some("access"),
        required: &["exp", "uid"],
        ..Validation::new(UnixSeconds(NOW))
    };
    group.bench_function("sigmint", |b| {
        b.iter(|| {
            let mut scratch = [0u8; 512];
            let verified = jwt::decode(black_box(token), &mut scratch, &key, &validation).unwrap();
            let claims = verified.claims();
            (
                claims.exp().unwrap(),
                claims.iat().unwrap(),
                claims.get("userData.email").map(|v| v.raw().len()),
            )
        })
    });
    let decoding_key = jsonwebtoken::DecodingKey::from_secret(&vector.key);
    let mut jwt_validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    jwt_validation.set_required_spec_claims(&["exp"]);
    group.bench_function("jsonwebtoken", |b| {
        b.iter(|| {
            jsonwebtoken::decode::<FonbnkClaims>(black_box(token), &decoding_key, &jwt_validation)
                .unwrap()
                .claims
                .exp
        })
    });
    let signing_input = &token[..token.rfind('.').unwrap()];
    let prepared = Hmac::<Sha256>::new_from_slice(&vector.key).unwrap();
    group.bench_function("hmac_raw", |b| {
        b.iter(|| {
            let mut mac = prepared.clone();
            mac.update(black_box(signing_input.as_bytes()));
            mac.finalize()
        })
    });
    group.finish();
}

fn jwt_encode(c: &mut Criterion) {
    let vector = fonbnk_token();
    let key = Key::new(&vector.key).unwrap();
    let mut group = c.benchmark_group("jwt_encode");
    let extra = br#"{"userData":{"username":"user#-hlF3fzO","_id":"69281d4f18613bc9de72ed8e","isDevUser":false,"countryIsoCode":"NG","isAmbassador":false,"email":"testuser+ng@fonbnk.com"},"type":"access","uid":"01KC6M6M2DVFRK915KYQ7PBBAP"}"#;
    group.bench_function("sigmint", |b| {
        b.iter(|| {
            let claims = NewClaims {
                iat: Some(UnixSeconds(1_765_454_073)),
                exp: Some(UnixSeconds(4_102_444_800)),
                extra: Some(black_box(extra)),
                ..NewClaims::default()
            };
            let mut json = [0u8; 512];
            let mut out = [0u8; 768];
            jwt::encode(&key, &claims, &mut json, &mut out)
                .unwrap()
                .len()
        })
    });
    let encoding_key = jsonwebtoken::EncodingKey::from_secret(&vector.key);
    let header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    let claims = FonbnkClaims {
        user_data: UserData {
            username: "user#-hlF3fzO".into(),
            id: "69281d4f18613bc9de72ed8e".into(),
            is_dev_user: false,
            country_iso_code: "NG".into(),
            is_ambassador: false,
            email: "testuser+ng@fonbnk.com".into(),
        },
        kind: "access".into(),
        uid: "01KC6M6M2DVFRK915KYQ7PBBAP".into(),
        iat: 1_765_454_073,
        exp: 4_102_444_800,
    };
    group.bench_function("jsonwebtoken", |b| {
        b.iter(|| {
            jsonwebtoken::encode(&header, black_box(&claims), &encoding_key)
                .unwrap()
                .len()
        })
    });
    group.finish();
}

fn query_encode(c: &mut Criterion) {
    let case = order_limits();
    let pairs: Vec<(&str, &str)> = case
        .params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut buf = [0u8; 512];
    let query = query::encode(pairs.iter().copied(), &mut buf).unwrap();
    assert_eq!(query, &case.endpoint[case.path.len() + 1..]);
    let mut group = c.benchmark_group("query_encode");
    group.bench_function("sigmint", |b| {
        b.iter(|| {
            let mut buf = [0u8; 512];
            fonbnk::write_endpoint(&case.path, black_box(pairs.iter().copied()), &mut buf)
                .unwrap()
                .len()
        })
    });
    group.bench_function("form_urlencoded", |b| {
        b.iter(|| {
            let query = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(black_box(&pairs))
                .finish();
            format!("{}?{query}", case.path).len()
        })
    });
    group.finish();
}

fn json_body(c: &mut Criterion) {
    let mut group = c.benchmark_group("json_body");
    let query = UserQuery {
        email: "testuser+ng@fonbnk.com",
        country_iso_code: "NG",
    };
    group.bench_function("sigmint", |b| {
        b.iter(|| {
            let mut buf = [0u8; 128];
            black_box(&query).write_json(&mut buf).unwrap().len()
        })
    });
    group.bench_function("serde_json", |b| {
        b.iter(|| {
            let body = serde_json::json!({
                "email": black_box(query.email),
                "countryIsoCode": query.country_iso_code,
            });
            serde_json::to_string(&body).unwrap().len()
        })
    });
    group.finish();
}

fn sign_scaling(c: &mut Criterion) {
    let key = Key::new(b"scaling key").unwrap();
    let mut group = c.benchmark_group("sign_scaling");
    for size in [64usize, 256, 1024, 4096, 16 * 1024] {
        let message = vec![0x5Au8; size];
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("sigmint", size), &message, |b, m| {
            b.iter(|| key.sign(&[black_box(m)]))
        });
        group.bench_with_input(BenchmarkId::new("sha2", size), &message, |b, m| {
            b.iter(|| Sha256::digest(black_box(m)))
        });
    }
    group.finish();
}

fn c_api_sign(c: &mut Criterion) {
    let case = order_limits();
    let mut group = c.benchmark_group("c_api_sign");
    let key = Key::from_base64(&case.secret_b64).unwrap();
    group.bench_function("core", |b| {
        b.iter(|| {
            fonbnk::sign(
                &key,
                black_box(case.timestamp_ms),
                black_box(&case.endpoint),
            )
            .unwrap()
        })
    });
    // SAFETY: `sigmint_key` is plain bytes; all-zero is its "not initialized" state.
    let mut c_key: sigmint::sigmint_key = unsafe { std::mem::zeroed() };
    // SAFETY: the pointers are valid for the stated lengths.
    let init = unsafe {
        sigmint::sigmint_key_init_base64(
            &mut c_key,
            case.secret_b64.as_ptr().cast(),
            case.secret_b64.len(),
        )
    };
    assert_eq!(init, sigmint::SIGMINT_RESULT_OK);
    group.bench_function("c_api", |b| {
        b.iter(|| {
            let mut out = [0u8; 44];
            let mut len = 0usize;
            // SAFETY: the pointers are valid for the stated lengths.
            unsafe {
                sigmint::sigmint_fonbnk_sign(
                    &c_key,
                    black_box(case.timestamp_ms),
                    case.endpoint.as_ptr().cast(),
                    case.endpoint.len(),
                    out.as_mut_ptr().cast(),
                    out.len(),
                    &mut len,
                )
            }
        })
    });
    group.finish();
}

/// The canonical-string engine: Fonbnk's preset beside `fonbnk::sign` (the same work: the
/// timestamp's digits, the tag streamed over `{timestamp}:{endpoint}`, base64), and inbound
/// webhooks verified with `Verifier::verify` from a request's headers (Slack, 1 KiB body;
/// Stripe, the same body, two `v1` entries), each beside the bare MAC of what it signs.
fn canonical_engine(c: &mut Criterion) {
    let case = order_limits();
    let key = Key::from_base64(&case.secret_b64).unwrap();
    let scheme = Preset::Fonbnk.scheme();
    let preset_sign = |ts: u64, endpoint: &str| {
        let ts = Timestamp::new(ts);
        let parts = Parts {
            timestamp: Some(ts.as_bytes()),
            path: Some(endpoint.as_bytes()),
            ..Parts::default()
        };
        scheme.sign(&key, &parts).unwrap()
    };
    assert_eq!(
        preset_sign(case.timestamp_ms, &case.endpoint).as_str(),
        fonbnk::sign(&key, case.timestamp_ms, &case.endpoint)
            .unwrap()
            .as_str()
    );
    let mut group = c.benchmark_group("canonical_engine");
    group.bench_function("fonbnk_preset", |b| {
        b.iter(|| preset_sign(black_box(case.timestamp_ms), black_box(&case.endpoint)))
    });
    group.bench_function("fonbnk_sign", |b| {
        b.iter(|| {
            fonbnk::sign(
                &key,
                black_box(case.timestamp_ms),
                black_box(&case.endpoint),
            )
            .unwrap()
        })
    });

    let slack = slack_webhook(1024);
    let keys = [Key::new(&slack.secret).unwrap()];
    let verifier = Verifier::new(Provider::Slack, &keys);
    let headers = slack.header_pairs();
    let now = UnixSeconds(slack.timestamp + 30);
    assert!(verifier.verify(&headers, &slack.body, now).is_ok());
    group.throughput(Throughput::Bytes(slack.body.len() as u64));
    group.bench_function("slack_verify_1k", |b| {
        b.iter(|| {
            verifier
                .verify(black_box(&headers), black_box(&slack.body), now)
                .unwrap()
        })
    });
    let prepared = Hmac::<Sha256>::new_from_slice(&slack.secret).unwrap();
    let ts = slack.timestamp.to_string();
    group.bench_function("slack_hmac_raw_1k", |b| {
        b.iter(|| {
            let mut mac = prepared.clone();
            mac.update(b"v0:");
            mac.update(black_box(ts.as_bytes()));
            mac.update(b":");
            mac.update(black_box(&slack.body));
            mac.finalize()
        })
    });

    let stripe = stripe_webhook(1024);
    let keys = [Key::new(&stripe.secret).unwrap()];
    let verifier = Verifier::new(Provider::Stripe, &keys);
    let headers = stripe.header_pairs();
    let now = UnixSeconds(stripe.timestamp + 30);
    assert!(verifier.verify(&headers, &stripe.body, now).is_ok());
    group.throughput(Throughput::Bytes(stripe.body.len() as u64));
    group.bench_function("stripe_verify_two_v1_1k", |b| {
        b.iter(|| {
            verifier
                .verify(black_box(&headers), black_box(&stripe.body), now)
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    fonbnk_sign,
    jwt_verify_decode,
    jwt_encode,
    query_encode,
    json_body,
    sign_scaling,
    c_api_sign,
    canonical_engine
);
criterion_main!(benches);

//! The side-by-side table: sigmint and its peers raced in one process, interleaved round by
//! round, best batch per contestant (see `sigmint_benches::race`), with the ratios the
//! project's targets are stated in. `make bench` runs it after criterion; it prints the table
//! and, given a path, writes the outcomes as JSON for benches/report.py.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use sigmint_benches::race::{Contestant, Outcome, race};
use sigmint_benches::{FonbnkClaims, decode_base64, fonbnk_token, order_limits, slack_webhook};
use sigmint_core::Key;
use sigmint_core::jwt::{self, Validation};
use sigmint_core::providers::fonbnk::Signer;
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{Provider, Verifier};
use subtle::ConstantTimeEq;

/// Inside every vector token's lifetime.
const NOW: i64 = 1_765_454_133;
const ROUNDS: usize = 40;
const BATCH: Duration = Duration::from_millis(5);

/// Fonbnk headers for the 218-byte order-limits request: sigmint, the bare MAC over the same
/// bytes, and the allocating idiom a Rust integrator writes (hmac, `format!`, the base64
/// crate, owned header strings).
fn fonbnk_headers() -> Outcome {
    let case = order_limits();
    let signer = Signer::new("client-id", &case.secret_b64).unwrap();
    let raw = decode_base64(&case.secret_b64);
    let message = format!("{}:{}", case.timestamp_ms, case.endpoint);
    let prepared = Hmac::<Sha256>::new_from_slice(&raw).unwrap();
    let (ts, endpoint) = (case.timestamp_ms, case.endpoint.as_str());
    race(
        "fonbnk headers, 218-byte endpoint",
        vec![
            Contestant::new("sigmint", || {
                let h = signer.headers(black_box(ts), black_box(endpoint)).unwrap();
                h.signature().len()
            }),
            Contestant::new("hmac_raw", || {
                let mut mac = prepared.clone();
                mac.update(black_box(message.as_bytes()));
                mac.finalize()
            }),
            Contestant::new("allocating_idiom", || {
                let timestamp = black_box(ts).to_string();
                let mut mac = prepared.clone();
                mac.update(format!("{timestamp}:{}", black_box(endpoint)).as_bytes());
                let signature =
                    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
                vec![
                    ("x-client-id", "client-id".to_string()),
                    ("x-timestamp", timestamp),
                    ("x-signature", signature),
                ]
            }),
        ],
        ROUNDS,
        BATCH,
    )
}

/// Verify, validate and read the Fonbnk access token: every claim by path, only `exp`,
/// jsonwebtoken into its serde struct, and the bare MAC of the signing input.
fn jwt_claims() -> Outcome {
    let vector = fonbnk_token();
    let token = vector.token.as_str();
    let key = Key::new(&vector.key).unwrap();
    let validation = Validation {
        token_type: Some("access"),
        required: &["exp", "uid"],
        ..Validation::new(UnixSeconds(NOW))
    };
    let decoding_key = jsonwebtoken::DecodingKey::from_secret(&vector.key);
    let mut jwt_validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    jwt_validation.set_required_spec_claims(&["exp"]);
    let signing_input = &token[..token.rfind('.').unwrap()];
    let prepared = Hmac::<Sha256>::new_from_slice(&vector.key).unwrap();
    const STRINGS: [&str; 5] = [
        "userData.username",
        "userData._id",
        "userData.countryIsoCode",
        "userData.email",
        "uid",
    ];
    race(
        "verify + validate + read the Fonbnk access token",
        vec![
            Contestant::new("sigmint_all_claims", || {
                let mut scratch = [0u8; 512];
                let verified =
                    jwt::decode(black_box(token), &mut scratch, &key, &validation).unwrap();
                let claims = verified.claims();
                let mut n = claims.exp().unwrap().map_or(0, |t| t.0)
                    + claims.iat().unwrap().map_or(0, |t| t.0);
                for path in STRINGS {
                    n += claims
                        .get(path)
                        .and_then(|v| v.as_plain_str())
                        .map_or(0, |s| s.len()) as i64;
                }
                for path in ["userData.isDevUser", "userData.isAmbassador"] {
                    n += i64::from(
                        claims
                            .get(path)
                            .and_then(|v| v.as_bool().ok())
                            .unwrap_or(true),
                    );
                }
                n + claims.get("type").map_or(0, |v| v.raw().len()) as i64
            }),
            Contestant::new("sigmint_exp_only", || {
                let mut scratch = [0u8; 512];
                let verified =
                    jwt::decode(black_box(token), &mut scratch, &key, &validation).unwrap();
                verified.claims().exp().unwrap()
            }),
            Contestant::new("jsonwebtoken", || {
                let data = jsonwebtoken::decode::<FonbnkClaims>(
                    black_box(token),
                    &decoding_key,
                    &jwt_validation,
                )
                .unwrap();
                data.claims.exp + data.claims.user_data.email.len() as i64
            }),
            Contestant::new("hmac_raw", || {
                let mut mac = prepared.clone();
                mac.update(black_box(signing_input.as_bytes()));
                mac.finalize()
            }),
        ],
        ROUNDS,
        BATCH,
    )
}

/// Lower-case hex into a new `String`, as the `hex` crate's `encode` writes it (a nibble
/// table, one allocation).
fn hex_encode(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = Vec::with_capacity(bytes.len() * 2);
    for &b in bytes {
        text.push(DIGITS[usize::from(b >> 4)]);
        text.push(DIGITS[usize::from(b & 15)]);
    }
    String::from_utf8(text).unwrap()
}

/// Slack's request check as its docs show it, in Rust with the `hmac` crate: find the two
/// headers (any case), read the timestamp, refuse it outside 5 minutes, MAC
/// `v0:{timestamp}:{body}`, write `v0=` and the hex tag, compare with `subtle`.
fn slack_idiom(prepared: &Hmac<Sha256>, headers: &[(&[u8], &[u8])], body: &[u8], now: i64) -> bool {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.as_bytes()))
            .and_then(|(_, v)| std::str::from_utf8(v).ok())
            .map(str::trim)
    };
    let (Some(timestamp), Some(signature)) = (
        header("x-slack-request-timestamp"),
        header("x-slack-signature"),
    ) else {
        return false;
    };
    let Ok(seconds) = timestamp.parse::<i64>() else {
        return false;
    };
    if (now - seconds).abs() > 300 {
        return false;
    }
    let mut mac = prepared.clone();
    mac.update(format!("v0:{timestamp}:").as_bytes());
    mac.update(body);
    let expected = format!("v0={}", hex_encode(&mac.finalize().into_bytes()));
    expected.as_bytes().ct_eq(signature.as_bytes()).into()
}

/// A Slack request with a 1 KiB body among a server's usual headers, checked by
/// `Verifier::verify`, by the `hmac` crate idiom, and the bare MAC of what is signed.
fn slack_verify() -> Outcome {
    let slack = slack_webhook(1024);
    let keys = [Key::new(&slack.secret).unwrap()];
    let verifier = Verifier::new(Provider::Slack, &keys);
    let headers = slack.header_pairs();
    let now = slack.timestamp + 30;
    let body = slack.body.as_slice();
    let prepared = Hmac::<Sha256>::new_from_slice(&slack.secret).unwrap();
    assert!(verifier.verify(&headers, body, UnixSeconds(now)).is_ok());
    assert!(slack_idiom(&prepared, &headers, body, now));
    let signed = [format!("v0:{}:", slack.timestamp).as_bytes(), body].concat();
    race(
        "slack webhook verify, 1 KiB body",
        vec![
            Contestant::new("sigmint", || {
                verifier
                    .verify(black_box(&headers), black_box(body), UnixSeconds(now))
                    .unwrap()
            }),
            Contestant::new("hmac_idiom", || {
                assert!(slack_idiom(
                    &prepared,
                    black_box(&headers),
                    black_box(body),
                    now
                ));
            }),
            Contestant::new("hmac_raw", || {
                let mut mac = prepared.clone();
                mac.update(black_box(&signed));
                mac.finalize()
            }),
        ],
        ROUNDS,
        BATCH,
    )
}

fn main() {
    // `cargo bench` passes `--bench`; a path, if any, is where the JSON goes.
    let json_path = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let outcomes = [fonbnk_headers(), jwt_claims(), slack_verify()];
    let mut json = String::from("[");
    for (i, outcome) in outcomes.iter().enumerate() {
        println!("{}", outcome.work);
        let fastest = outcome
            .best
            .iter()
            .map(|(_, ns)| *ns)
            .fold(f64::INFINITY, f64::min);
        for (name, ns) in &outcome.best {
            println!(
                "  {name:<20} {ns:>9.1} ns  {:>5.2}x the fastest",
                ns / fastest
            );
        }
        let entries: Vec<String> = outcome
            .best
            .iter()
            .map(|(n, ns)| format!("\"{n}\":{ns:.1}"))
            .collect();
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            json,
            "{sep}{{\"work\":\"{}\",\"ns\":{{{}}}}}",
            outcome.work,
            entries.join(",")
        );
    }
    let [headers, claims, slack] = &outcomes;
    println!("ratios:");
    println!(
        "  fonbnk headers: sigmint / hmac_raw {:.2}",
        headers.ratio("sigmint", "hmac_raw")
    );
    println!(
        "  fonbnk headers: allocating_idiom / sigmint {:.2}",
        headers.ratio("allocating_idiom", "sigmint")
    );
    println!(
        "  jwt all claims: jsonwebtoken / sigmint {:.2}",
        claims.ratio("jsonwebtoken", "sigmint_all_claims")
    );
    println!(
        "  jwt all claims: sigmint / hmac_raw {:.2}",
        claims.ratio("sigmint_all_claims", "hmac_raw")
    );
    println!(
        "  slack verify: hmac_idiom / sigmint {:.2}",
        slack.ratio("hmac_idiom", "sigmint")
    );
    println!(
        "  slack verify: sigmint / hmac_raw {:.2}",
        slack.ratio("sigmint", "hmac_raw")
    );
    json.push(']');
    if let Some(path) = json_path {
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

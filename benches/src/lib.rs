//! Inputs for sigmint's criterion benches, read from the shared vectors so every bench runs
//! on the same bytes as the tests (`tests/vectors/`).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{self, Provider};

pub mod race;

/// The Fonbnk token's `userData`, as a serde user of jsonwebtoken would declare it.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct UserData {
    pub username: String,
    #[serde(rename = "_id")]
    pub id: String,
    pub is_dev_user: bool,
    pub country_iso_code: String,
    pub is_ambassador: bool,
    pub email: String,
}

/// The Fonbnk token's claims, as a serde user of jsonwebtoken would declare them.
#[derive(Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct FonbnkClaims {
    #[serde(rename = "userData")]
    pub user_data: UserData,
    #[serde(rename = "type")]
    pub kind: String,
    pub uid: String,
    pub iat: i64,
    pub exp: i64,
}

fn load(name: &str) -> Value {
    let path = format!("{}/../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The Fonbnk "order limits" request: its base64 secret, timestamp and endpoint (218 bytes
/// signed with the timestamp).
pub struct OrderLimits {
    /// The client secret, base64.
    pub secret_b64: String,
    /// `x-timestamp`.
    pub timestamp_ms: u64,
    /// The endpoint, query included.
    pub endpoint: String,
    /// The query pairs, in order.
    pub params: Vec<(String, String)>,
    /// The path without the query.
    pub path: String,
}

/// The "order limits" case of `fonbnk_signing.json`.
pub fn order_limits() -> OrderLimits {
    let cases = load("fonbnk_signing.json");
    let case = cases
        .as_array()
        .and_then(|cases| {
            cases.iter().find(|c| {
                c["name"]
                    .as_str()
                    .is_some_and(|n| n.starts_with("order limits"))
            })
        })
        .expect("order limits case");
    let text = |k: &str| case[k].as_str().expect(k).to_owned();
    OrderLimits {
        secret_b64: text("clientSecret"),
        timestamp_ms: text("timestamp").parse().expect("timestamp"),
        endpoint: text("endpoint"),
        path: text("path"),
        params: case["params"]
            .as_array()
            .expect("params")
            .iter()
            .map(|p| {
                (
                    p[0].as_str().expect("name").to_owned(),
                    p[1].as_str().expect("value").to_owned(),
                )
            })
            .collect(),
    }
}

/// The Fonbnk-shaped access token of `jwt_hs256.json`, with its key.
pub struct FonbnkToken {
    /// The token.
    pub token: String,
    /// The HMAC key.
    pub key: Vec<u8>,
}

/// The first `valid` token of `jwt_hs256.json`.
pub fn fonbnk_token() -> FonbnkToken {
    let vectors = load("jwt_hs256.json");
    let case = &vectors["valid"][0];
    let hex = case["key_hex"].as_str().expect("key_hex");
    FonbnkToken {
        token: case["token"].as_str().expect("token").to_owned(),
        key: (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect(),
    }
}

/// Standard or URL-safe base64, for the benches' own set-up (not measured).
pub fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        _ => 63,
    };
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in text.bytes().filter(|&c| c != b'=') {
        bits = bits << 6 | u32::from(value(c));
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

/// An inbound webhook as a server sees it: the raw body and every header, the provider's
/// among the ones any request carries.
pub struct Webhook {
    /// The signing secret (raw bytes).
    pub secret: Vec<u8>,
    /// The signed timestamp, Unix seconds: the receiver's clock in the benches.
    pub timestamp: i64,
    /// The raw body.
    pub body: Vec<u8>,
    /// `(name, value)`, as received.
    pub headers: Vec<(String, String)>,
}

impl Webhook {
    /// The headers as `(name, value)` byte slices, the verifier's view of them.
    pub fn header_pairs(&self) -> Vec<(&[u8], &[u8])> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
            .collect()
    }
}

/// The `schemes.json` case of `provider` that carries the provider's published headers.
fn scheme_case(provider: &str) -> Value {
    let vectors = load("schemes.json");
    vectors["cases"]
        .as_array()
        .and_then(|cases| {
            cases
                .iter()
                .find(|c| c["provider"] == provider && c["headers"].is_object())
        })
        .cloned()
        .unwrap_or_else(|| panic!("a {provider} case in schemes.json"))
}

/// A body of exactly `len` bytes: `text` repeated, joined by `&`.
fn body_of(text: &str, len: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(len + text.len() + 1);
    while body.len() < len {
        if !body.is_empty() {
            body.push(b'&');
        }
        body.extend_from_slice(text.as_bytes());
    }
    body.truncate(len);
    body
}

/// The headers every request carries, before the provider's.
fn common_headers(agent: &str, content_type: &str, len: usize) -> Vec<(String, String)> {
    [
        ("Host", "hooks.example.com"),
        ("User-Agent", agent),
        ("Accept-Encoding", "gzip,deflate"),
        ("Accept", "*/*"),
        ("Content-Type", content_type),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v.to_owned()))
    .chain([("Content-Length".to_owned(), len.to_string())])
    .collect()
}

/// Slack's published request (its signing secret and timestamp), with its body repeated to
/// `len` bytes, signed as Slack signs it (`v0=` and the hex tag, the timestamp on its own).
pub fn slack_webhook(len: usize) -> Webhook {
    let case = scheme_case("slack");
    let secret = case["secret"].as_str().expect("secret").as_bytes().to_vec();
    let timestamp = case["timestamp"].as_i64().expect("timestamp");
    let body = body_of(case["body"].as_str().expect("body"), len);
    let key = sigmint_core::Key::new(&secret).expect("a key");
    let sent =
        webhooks::sign(Provider::Slack, &key, &body, UnixSeconds(timestamp)).expect("Slack signs");
    let mut headers = common_headers(
        "Slackbot 1.0 (+https://api.slack.com/robots)",
        "application/x-www-form-urlencoded",
        body.len(),
    );
    headers.extend(sent.pairs().map(|(n, v)| (n.to_owned(), v.to_owned())));
    Webhook {
        secret,
        timestamp,
        body,
        headers,
    }
}

/// Stripe's published secret and timestamp, a body of `len` bytes, and a `Stripe-Signature`
/// with two `v1` entries (one per active secret: a retired one's first, then this secret's).
pub fn stripe_webhook(len: usize) -> Webhook {
    let case = scheme_case("stripe");
    let secret = case["secret"].as_str().expect("secret").as_bytes().to_vec();
    let timestamp = case["timestamp"].as_i64().expect("timestamp");
    let body = body_of(case["body"].as_str().expect("body"), len);
    let v1 = |secret: &[u8]| {
        let key = sigmint_core::Key::new(secret).expect("a key");
        let sent = webhooks::sign(Provider::Stripe, &key, &body, UnixSeconds(timestamp))
            .expect("Stripe signs");
        let value = sent.signature();
        value[value.find(",v1=").expect("a v1 entry") + 4..].to_owned()
    };
    let value = format!(
        "t={timestamp},v1={},v1={}",
        v1(b"whsec_retired_secret"),
        v1(&secret)
    );
    let mut headers = common_headers(
        "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "application/json; charset=utf-8",
        body.len(),
    );
    headers.push(("Stripe-Signature".to_owned(), value));
    Webhook {
        secret,
        timestamp,
        body,
        headers,
    }
}

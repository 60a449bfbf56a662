//! Inputs for sigmint's criterion benches, read from the shared vectors so every bench runs
//! on the same bytes as the tests (`tests/vectors/`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

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

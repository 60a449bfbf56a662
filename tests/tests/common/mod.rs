//! Loading the shared vectors in `tests/vectors/` (the one copy Rust, C and Python all read).

#![allow(dead_code)] // each test binary uses a different part of this module

use std::path::PathBuf;

use serde::Deserialize;

/// Path of a file in `tests/vectors/`.
pub fn vector_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(name)
}

/// Parses a vector file.
pub fn load<T: for<'de> Deserialize<'de>>(name: &str) -> T {
    let text = std::fs::read_to_string(vector_path(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A case of `fonbnk_signing.json`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FonbnkCase {
    pub name: String,
    pub client_secret: String,
    pub timestamp: String,
    pub path: String,
    pub params: Option<Vec<(String, String)>>,
    pub endpoint: String,
    pub string_to_sign: String,
    pub signature: String,
}

impl FonbnkCase {
    pub fn timestamp_ms(&self) -> u64 {
        self.timestamp.parse().unwrap()
    }

    pub fn pairs(&self) -> Vec<(&str, &str)> {
        self.params
            .iter()
            .flatten()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }
}

/// `rfc4231.json`.
#[derive(Deserialize)]
pub struct Rfc4231 {
    pub cases: Vec<Rfc4231Case>,
}

/// One RFC 4231 test case.
#[derive(Deserialize)]
pub struct Rfc4231Case {
    pub name: String,
    pub key_hex: String,
    pub data_hex: String,
    pub tag_hex: String,
    pub truncated_tag_hex: Option<String>,
}

/// Decodes lower- or upper-case hex.
pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

//! Differential: an inbound webhook of any headers (names and values as bytes, duplicated, in
//! any case), body, clock and tolerance, for every provider, against a plain reference
//! verifier written here with `std`, the `hmac` crate and the `base64` crate (hex by hand).
//! `Verifier::verify` never panics and gives the reference's verdict exactly: the same
//! `Verified` (key index, timestamp) or the same error, naming the same header. Then
//! `verify_once` with a small `SeenSet`: the same verdict the first time, `Replayed` for the
//! same request a second time, and, for the providers that sign a timestamp, still `Replayed`
//! after the set has been flooded with other accepted requests.
//!
//! The input, so that `seed.py` can write real requests:
//!
//! | bytes | meaning |
//! |---|---|
//! | 0 | the provider (`Provider::ALL`, modulo its length) |
//! | 1 | for headers made by `S` lines: bit 0 names upper-case, bit 1 lower-case, bit 2 values padded with spaces and tabs |
//! | 2..10 | the receiver's clock, Unix seconds (`i64`, little-endian) |
//! | 10..18 | the tolerance, seconds (`u64`, little-endian) |
//! | 18.. | lines, until a line `B`: `K<secret>` a key; `H<name>:<value>` a header; `S<key>\|<timestamp>\|<before>\|<after>` the headers `webhooks::sign` makes with that key (its index, decimal) for the body at that timestamp, the signature header's value between `<before>` and `<after>`. After the `B` line, the rest is the body |
#![no_main]

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::Sha256;
use sigmint_core::time::UnixSeconds;
use sigmint_core::webhooks::{self, Provider, Seen, SeenSet, Verified, Verifier};
use sigmint_core::{Error, Key};

const MAX_KEYS: usize = 4;
const MAX_HEADERS: usize = 64;

/// What the reference knows of each provider, written out from their documentation.
struct Rule {
    signature: &'static str,
    timestamp: Option<&'static str>,
    /// The signature's prefix; `None` for Stripe's list.
    prefix: Option<&'static str>,
    base64: bool,
}

fn rule(provider: Provider) -> Rule {
    match provider {
        Provider::GitHub => Rule {
            signature: "X-Hub-Signature-256",
            timestamp: None,
            prefix: Some("sha256="),
            base64: false,
        },
        Provider::Slack => Rule {
            signature: "X-Slack-Signature",
            timestamp: Some("X-Slack-Request-Timestamp"),
            prefix: Some("v0="),
            base64: false,
        },
        Provider::Stripe => Rule {
            signature: "Stripe-Signature",
            timestamp: None,
            prefix: None,
            base64: false,
        },
        Provider::Shopify => Rule {
            signature: "X-Shopify-Hmac-SHA256",
            timestamp: None,
            prefix: Some(""),
            base64: true,
        },
    }
}

/// HTTP's optional whitespace and the other ASCII spaces, off both ends.
fn trim(mut bytes: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = bytes
        && first.is_ascii_whitespace()
    {
        bytes = rest;
    }
    while let [rest @ .., last] = bytes
        && last.is_ascii_whitespace()
    {
        bytes = rest;
    }
    bytes
}

/// The one header of this name, any case.
fn header<'a>(headers: &[(&'a [u8], &'a [u8])], name: &'static str) -> Result<&'a [u8], Error> {
    let found: Vec<&[u8]> = headers
        .iter()
        .filter(|(n, _)| n.to_ascii_lowercase() == name.to_ascii_lowercase().as_bytes())
        .map(|(_, v)| *v)
        .collect();
    match found[..] {
        [] => Err(Error::MissingHeader { header: name }),
        [value] => Ok(trim(value)),
        _ => Err(Error::MalformedHeader { header: name }),
    }
}

fn hex_tag(text: &[u8]) -> Option<Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    if text.len() != 64 {
        return None;
    }
    text.chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

fn base64_tag(text: &[u8]) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok().filter(|tag| tag.len() == 32)
}

/// Digits only, within a `u64`.
fn digits(text: &[u8]) -> Option<u64> {
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(text).ok()?.parse().ok()
}

/// A signed timestamp's text, and the header it came in.
type Stamp<'a> = (&'a [u8], &'static str);

/// The verdict, as the providers document their schemes.
fn reference(
    provider: Provider,
    secrets: &[&[u8]],
    headers: &[(&[u8], &[u8])],
    body: &[u8],
    now: i64,
    tolerance: u64,
) -> Result<Verified, Error> {
    if secrets.is_empty() {
        return Err(Error::EmptyKey);
    }
    let rule = rule(provider);
    let value = header(headers, rule.signature)?;
    let malformed = Error::MalformedHeader {
        header: rule.signature,
    };
    // The signed timestamp's text and the header it came from; the received tags.
    let (timestamp, received): (Option<Stamp<'_>>, Vec<Vec<u8>>) = match rule.prefix {
        None => {
            // Stripe: `key=value` entries, exactly one `t`, one `v1` or more; only the `v1`
            // entries that are 64 hex digits can match.
            let mut t = Vec::new();
            let mut v1 = Vec::new();
            for entry in value.split(|&b| b == b',') {
                let at = entry.iter().position(|&b| b == b'=').ok_or(malformed)?;
                let (key, text) = (trim(&entry[..at]), trim(&entry[at + 1..]));
                match key {
                    b"t" => t.push(text),
                    b"v1" => v1.push(text),
                    _ => {}
                }
            }
            if t.len() != 1 || v1.is_empty() {
                return Err(malformed);
            }
            let tags = v1.into_iter().filter_map(hex_tag).collect();
            (Some((t[0], rule.signature)), tags)
        }
        Some(prefix) => {
            let timestamp = match rule.timestamp {
                Some(name) => Some((header(headers, name)?, name)),
                None => None,
            };
            let text = value.strip_prefix(prefix.as_bytes()).ok_or(malformed)?;
            let tag = if rule.base64 {
                base64_tag(text)
            } else {
                hex_tag(text)
            };
            (timestamp, vec![tag.ok_or(malformed)?])
        }
    };
    let seconds = match timestamp {
        Some((text, name)) => Some(digits(text).ok_or(Error::MalformedHeader { header: name })?),
        None => None,
    };
    let signed: Vec<u8> = match (provider, timestamp) {
        (Provider::Slack, Some((t, _))) => [b"v0:", t, b":", body].concat(),
        (Provider::Stripe, Some((t, _))) => [t, b".", body].concat(),
        _ => body.to_vec(),
    };
    let key_index = secrets
        .iter()
        .position(|secret| {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).unwrap();
            mac.update(&signed);
            let tag = mac.finalize().into_bytes();
            received.iter().any(|r| r[..] == tag[..])
        })
        .ok_or(Error::InvalidSignature)?;
    if let Some(seconds) = seconds {
        let now = u64::try_from(now).unwrap_or(0);
        if seconds.abs_diff(now) > tolerance {
            return Err(Error::TimestampOutOfWindow);
        }
    }
    Ok(Verified {
        key_index,
        timestamp: seconds.map(|s| UnixSeconds(i64::try_from(s).unwrap_or(i64::MAX))),
    })
}

/// A header made by an `S` line.
fn sent_header(name: &str, value: Vec<u8>, style: u8) -> (Vec<u8>, Vec<u8>) {
    let name = match style & 3 {
        1 => name.to_ascii_uppercase(),
        2 | 3 => name.to_ascii_lowercase(),
        _ => name.to_owned(),
    };
    let value = if style & 4 != 0 {
        [b" \t", &value[..], b"\t "].concat()
    } else {
        value
    };
    (name.into_bytes(), value)
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<18>() else {
        return;
    };
    let provider = Provider::ALL[usize::from(head[0]) % Provider::ALL.len()];
    let style = head[1];
    let now = i64::from_le_bytes(head[2..10].try_into().unwrap());
    let tolerance = u64::from_le_bytes(head[10..18].try_into().unwrap());

    // The lines, then the body.
    let mut lines = Vec::new();
    let mut body: &[u8] = &[];
    let mut rest = rest;
    while !rest.is_empty() {
        let (line, after) = match rest.iter().position(|&b| b == b'\n') {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, &[][..]),
        };
        rest = after;
        if line == b"B" {
            body = rest;
            break;
        }
        lines.push(line);
    }
    let mut secrets: Vec<&[u8]> = Vec::new();
    for line in &lines {
        if let Some(secret) = line.strip_prefix(b"K")
            && !secret.is_empty()
            && secrets.len() < MAX_KEYS
        {
            secrets.push(secret);
        }
    }
    let keys: Vec<Key> = secrets.iter().map(|s| Key::new(s).unwrap()).collect();
    let mut owned: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for line in &lines {
        if owned.len() >= MAX_HEADERS {
            break;
        }
        if let Some(header) = line.strip_prefix(b"H") {
            let at = header
                .iter()
                .position(|&b| b == b':')
                .unwrap_or(header.len());
            let value = header.get(at + 1..).unwrap_or_default();
            owned.push((header[..at].to_vec(), value.to_vec()));
        } else if let Some(plan) = line.strip_prefix(b"S") {
            let mut plan = plan.splitn(4, |&b| b == b'|');
            let mut next = || plan.next().unwrap_or_default();
            let (index, at, before, after) = (next(), next(), next(), next());
            let index = std::str::from_utf8(index).ok().and_then(|i| i.parse().ok());
            let Some(key) = index.and_then(|i: usize| keys.get(i)) else {
                continue;
            };
            let at = std::str::from_utf8(at).ok().and_then(|t| t.parse().ok());
            let Ok(sent) = webhooks::sign(provider, key, body, UnixSeconds(at.unwrap_or(now)))
            else {
                assert!(provider.is_timestamped() && at.unwrap_or(now) < 0);
                continue;
            };
            for (name, value) in sent.pairs() {
                let value = if name == provider.signature_header() {
                    [before, value.as_bytes(), after].concat()
                } else {
                    value.as_bytes().to_vec()
                };
                owned.push(sent_header(name, value, style));
            }
        }
    }
    let headers: Vec<(&[u8], &[u8])> = owned.iter().map(|(n, v)| (&n[..], &v[..])).collect();

    let verifier = Verifier::new(provider, &keys).with_tolerance(Duration::from_secs(tolerance));
    let got = verifier.verify(&headers, body, UnixSeconds(now));
    let expected = reference(provider, &secrets, &headers, body, now, tolerance);
    assert_eq!(got, expected, "{provider:?}");

    // Once only.
    let mut seen = SeenSet::new([Seen::default(); 3]);
    let once = verifier.verify_once(&headers, body, UnixSeconds(now), &mut seen);
    assert_eq!(once, got);
    let Ok(verified) = once else {
        assert!(seen.is_empty());
        return;
    };
    assert_eq!(seen.len(), 1);
    assert_eq!(
        verifier.verify_once(&headers, body, UnixSeconds(now), &mut seen),
        Err(Error::Replayed)
    );
    // Flooded with other requests the set must remember or refuse from then on: for the
    // providers that sign a timestamp, a replay is still refused.
    let Some(at) = verified.timestamp else {
        return;
    };
    let key = &keys[verified.key_index];
    for i in 1..=5i64 {
        for moment in [at.0.saturating_add(i), at.0.saturating_sub(i)] {
            let Ok(sent) = webhooks::sign(provider, key, body, UnixSeconds(moment)) else {
                continue;
            };
            let other: Vec<(&[u8], &[u8])> = sent
                .pairs()
                .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
                .collect();
            match verifier.verify_once(&other, body, UnixSeconds(now), &mut seen) {
                Ok(_) | Err(Error::Replayed | Error::TimestampOutOfWindow) => {}
                Err(other) => panic!("a signed request refused with {other:?}"),
            }
        }
    }
    assert_eq!(
        verifier.verify_once(&headers, body, UnixSeconds(now), &mut seen),
        Err(Error::Replayed),
        "a replay admitted after a flood"
    );
});

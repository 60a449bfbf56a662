//! Each refusal, with the header it names; rotation; Stripe's lists; the replay set.

extern crate std;

use std::string::String;
use std::vec::Vec;

use super::*;
use crate::time::UnixSeconds;
use crate::{Error, Key};

const NOW: UnixSeconds = UnixSeconds(1_531_420_618);
const BODY: &[u8] = b"payload=1";

fn key(secret: &[u8]) -> Key {
    Key::new(secret).unwrap()
}

fn sent(provider: Provider, secret: &[u8], at: UnixSeconds) -> Vec<(String, String)> {
    sign(provider, &key(secret), BODY, at)
        .unwrap()
        .pairs()
        .map(|(n, v)| (n.into(), v.into()))
        .collect()
}

fn view(headers: &[(String, String)]) -> Vec<Header<'_>> {
    headers
        .iter()
        .map(|(n, v)| (n.as_bytes(), v.as_bytes()))
        .collect()
}

fn verify(
    provider: Provider,
    headers: &[(String, String)],
    now: UnixSeconds,
) -> Result<Verified, Error> {
    let keys = [key(b"old"), key(b"new")];
    Verifier::new(provider, &keys).verify(&view(headers), BODY, now)
}

#[test]
fn every_provider_round_trips_with_rotated_keys() {
    for provider in Provider::ALL {
        let headers = sent(provider, b"new", NOW);
        let verified = verify(provider, &headers, NOW).unwrap();
        assert_eq!(verified.key_index, 1, "{provider:?}");
        assert_eq!(verified.timestamp, provider.is_timestamped().then_some(NOW));
        let old = verify(provider, &sent(provider, b"old", NOW), NOW).unwrap();
        assert_eq!(old.key_index, 0);
        assert_eq!(
            verify(provider, &sent(provider, b"other", NOW), NOW),
            Err(Error::InvalidSignature)
        );
        // Header names in any case, values with surrounding spaces.
        let shouted: Vec<_> = headers
            .iter()
            .map(|(n, v)| (n.to_ascii_uppercase(), std::format!("  {v}\t")))
            .collect();
        assert!(verify(provider, &shouted, NOW).is_ok());
        assert_eq!(Provider::from_name(provider.name()), Ok(provider));
    }
    assert_eq!(Provider::from_name("fonbnk"), Err(Error::UnknownScheme));
}

#[test]
fn missing_duplicated_and_malformed_headers_are_named() {
    for provider in Provider::ALL {
        let headers = sent(provider, b"new", NOW);
        for i in 0..headers.len() {
            let mut fewer = headers.clone();
            let (name, _) = fewer.remove(i);
            let header = if name == provider.signature_header() {
                provider.signature_header()
            } else {
                provider.timestamp_header().unwrap()
            };
            assert_eq!(
                verify(provider, &fewer, NOW),
                Err(Error::MissingHeader { header })
            );
            let mut twice = headers.clone();
            twice.push(headers[i].clone());
            assert_eq!(
                verify(provider, &twice, NOW),
                Err(Error::MalformedHeader { header })
            );
        }
        let sig = provider.signature_header();
        for bad in ["", "sha256=", "v0=zz", "t=1", "v1=00", "=", "t=x,v1=00"] {
            let mut headers = sent(provider, b"new", NOW);
            for (n, v) in &mut headers {
                if n == sig {
                    *v = bad.into();
                }
            }
            assert_eq!(
                verify(provider, &headers, NOW),
                Err(Error::MalformedHeader { header: sig }),
                "{provider:?} {bad:?}"
            );
        }
    }
    let mut slack = sent(Provider::Slack, b"new", NOW);
    slack[0].1 = "-1".into();
    assert_eq!(
        verify(Provider::Slack, &slack, NOW),
        Err(Error::MalformedHeader {
            header: "X-Slack-Request-Timestamp"
        })
    );
    let none: [Key; 0] = [];
    let headers = sent(Provider::GitHub, b"new", NOW);
    assert_eq!(
        Verifier::new(Provider::GitHub, &none).verify(&view(&headers), BODY, NOW),
        Err(Error::EmptyKey)
    );
}

#[test]
fn timestamps_outside_the_window_either_side() {
    for provider in [Provider::Slack, Provider::Stripe] {
        let headers = sent(provider, b"new", NOW);
        let at = |s: i64| UnixSeconds(NOW.0 + s);
        assert!(verify(provider, &headers, at(300)).is_ok());
        assert!(verify(provider, &headers, at(-300)).is_ok());
        assert_eq!(
            verify(provider, &headers, at(301)),
            Err(Error::TimestampOutOfWindow)
        );
        assert_eq!(
            verify(provider, &headers, at(-301)),
            Err(Error::TimestampOutOfWindow)
        );
        let keys = [key(b"new")];
        let strict = Verifier::new(provider, &keys).with_tolerance(core::time::Duration::ZERO);
        assert!(strict.verify(&view(&headers), BODY, NOW).is_ok());
        assert_eq!(
            strict.verify(&view(&headers), BODY, at(1)),
            Err(Error::TimestampOutOfWindow)
        );
        // A forged request is refused as forged, whatever its timestamp.
        let forged = sent(provider, b"other", NOW);
        assert_eq!(
            verify(provider, &forged, at(10_000)),
            Err(Error::InvalidSignature)
        );
    }
    // The providers that sign no timestamp have no window.
    let github = sent(Provider::GitHub, b"new", NOW);
    assert!(verify(Provider::GitHub, &github, UnixSeconds(0)).is_ok());
    assert_eq!(
        sign(Provider::Slack, &key(b"k"), BODY, UnixSeconds(-1)).err(),
        Some(Error::InvalidPart { part: "timestamp" })
    );
}

#[test]
fn stripe_lists_several_signatures_and_other_schemes() {
    let ts = "1531420618";
    let good = sent(Provider::Stripe, b"new", NOW)[0].1.clone();
    let v1 = good.split(",v1=").nth(1).unwrap();
    let other = sent(Provider::Stripe, b"other", NOW)[0].1.clone();
    let other_v1 = other.split(",v1=").nth(1).unwrap();
    for value in [
        std::format!("t={ts},v1={other_v1},v1={v1}"),
        std::format!("v0=abc, t={ts}, v1={v1}, v1=zz"),
        std::format!("t={ts},v1={},v1={v1}", v1.to_ascii_uppercase()),
        std::format!("v1={v1},t={ts},scheme=x"),
    ] {
        let headers = [("stripe-signature".into(), value.clone())];
        assert!(verify(Provider::Stripe, &headers, NOW).is_ok(), "{value}");
    }
    let malformed = Err(Error::MalformedHeader {
        header: "Stripe-Signature",
    });
    for value in [
        std::format!("t={ts},t={ts},v1={v1}"),
        std::format!("t={ts}"),
        std::format!("v1={v1}"),
        std::format!("t={ts},v1={v1},junk"),
        std::format!("t=,v1={v1}"),
        std::format!("t=+{ts},v1={v1}"),
    ] {
        let headers = [("Stripe-Signature".into(), value.clone())];
        assert_eq!(
            verify(Provider::Stripe, &headers, NOW),
            malformed,
            "{value}"
        );
    }
    let headers = [(
        "Stripe-Signature".into(),
        std::format!("t={ts},v1={other_v1},v1=zz"),
    )];
    assert_eq!(
        verify(Provider::Stripe, &headers, NOW),
        Err(Error::InvalidSignature)
    );
}

#[test]
fn published_examples() {
    // GitHub's documentation: secret "It's a Secret to Everybody", body "Hello, World!".
    let github = sign(
        Provider::GitHub,
        &key(b"It's a Secret to Everybody"),
        b"Hello, World!",
        NOW,
    )
    .unwrap();
    assert_eq!(
        github.signature(),
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    );
}

#[test]
fn replays_are_refused_and_the_set_fails_closed() {
    let keys = [key(b"new")];
    let verifier = Verifier::new(Provider::Slack, &keys);
    let mut seen = SeenSet::new([Seen::default(); 2]);
    let request = |at: i64| sent(Provider::Slack, b"new", UnixSeconds(at));
    let first = request(NOW.0);
    assert!(
        verifier
            .verify_once(&view(&first), BODY, NOW, &mut seen)
            .is_ok()
    );
    assert_eq!(
        verifier.verify_once(&view(&first), BODY, NOW, &mut seen),
        Err(Error::Replayed)
    );
    assert_eq!(seen.len(), 1);
    // Two more within the window: the oldest is forgotten, and its moment becomes the floor.
    let second = request(NOW.0 + 1);
    let third = request(NOW.0 + 2);
    assert!(
        verifier
            .verify_once(&view(&second), BODY, NOW, &mut seen)
            .is_ok()
    );
    assert!(
        verifier
            .verify_once(&view(&third), BODY, NOW, &mut seen)
            .is_ok()
    );
    assert_eq!(seen.floor(), Some(NOW));
    assert_eq!(
        verifier.verify_once(&view(&first), BODY, NOW, &mut seen),
        Err(Error::Replayed)
    );
    // Later, the slots of requests out of the window are reused without raising the floor.
    let later = UnixSeconds(NOW.0 + 1_000);
    let fresh = request(later.0);
    assert!(
        verifier
            .verify_once(&view(&fresh), BODY, later, &mut seen)
            .is_ok()
    );
    assert_eq!(seen.floor(), Some(NOW));
    let (slots, floor) = seen.into_parts();
    let resumed = SeenSet::resume(slots, floor);
    assert_eq!((resumed.len(), resumed.floor()), (2, Some(NOW)));
    let empty: [Seen; 0] = [];
    let mut none = SeenSet::new(empty);
    assert_eq!(
        verifier.verify_once(&view(&request(NOW.0)), BODY, NOW, &mut none),
        Err(Error::BufferTooSmall { needed: 1 })
    );
}

/// GitHub and Shopify sign no timestamp: a full set forgets the oldest delivery, whose replay
/// then passes (documented on `SeenSet`); a remembered one never does.
#[test]
fn untimestamped_replays_are_refused_while_remembered() {
    let keys = [key(b"new")];
    let verifier = Verifier::new(Provider::GitHub, &keys);
    let mut seen = SeenSet::new([Seen::default(); 2]);
    let delivery = |body: &[u8]| {
        sign(Provider::GitHub, &keys[0], body, NOW)
            .unwrap()
            .pairs()
            .map(|(n, v)| (String::from(n), String::from(v)))
            .collect::<Vec<_>>()
    };
    let (first, second, third) = (delivery(b"1"), delivery(b"2"), delivery(b"3"));
    let check = |headers: &[(String, String)], body: &[u8], seen: &mut SeenSet<[Seen; 2]>| {
        verifier.verify_once(&view(headers), body, NOW, seen)
    };
    assert!(check(&first, b"1", &mut seen).is_ok());
    assert!(check(&second, b"2", &mut seen).is_ok());
    assert_eq!(check(&first, b"1", &mut seen), Err(Error::Replayed));
    assert!(check(&third, b"3", &mut seen).is_ok());
    assert_eq!(check(&third, b"3", &mut seen), Err(Error::Replayed));
    assert!(
        check(&first, b"1", &mut seen).is_ok(),
        "forgotten, as documented"
    );
}

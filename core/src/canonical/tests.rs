//! The engine against plain references: each preset's string and tag as its provider
//! documents them, built here with the `hmac` crate and `std`.

extern crate std;

use std::string::String;
use std::vec::Vec;

use hmac::{Hmac, KeyInit, Mac};
use proptest::prelude::*;

use super::*;
use crate::{Error, Key};

fn reference_tag(secret: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[test]
fn presets_parse_and_round_trip_by_name() {
    for preset in Preset::ALL {
        let scheme = preset.scheme();
        let parsed = Scheme::new(
            scheme.template().as_str(),
            scheme.secret_encoding(),
            scheme.tag_encoding(),
            scheme.prefix(),
        )
        .unwrap();
        assert_eq!(parsed, scheme);
        // The compiled pieces are the text's.
        let compiled: Vec<_> = scheme.template().segments().collect();
        let read: Vec<_> = parsed.template().segments().collect();
        assert_eq!(compiled, read, "{preset:?}");
        assert_eq!(Preset::from_name(preset.name()), Ok(preset));
    }
    assert_eq!(Preset::from_name("gitlab"), Err(Error::UnknownScheme));
}

#[test]
fn template_errors_say_where() {
    let cases: [(&str, Error); 8] = [
        ("", Error::MalformedTemplate { offset: 0 }),
        ("{", Error::MalformedTemplate { offset: 0 }),
        ("ab}", Error::MalformedTemplate { offset: 2 }),
        ("{body", Error::MalformedTemplate { offset: 0 }),
        ("{bo{dy}", Error::MalformedTemplate { offset: 3 }),
        ("x{}", Error::UnknownTemplateField { offset: 1 }),
        ("{Body}", Error::UnknownTemplateField { offset: 0 }),
        ("{body} {path }", Error::UnknownTemplateField { offset: 7 }),
    ];
    for (text, error) in cases {
        assert_eq!(Template::parse(text).err(), Some(error), "{text:?}");
    }
    let t = Template::parse("{{{body}}}").unwrap();
    let segments: Vec<_> = t.segments().map(Result::unwrap).collect();
    assert_eq!(
        segments,
        [
            Segment::Literal(b"{"),
            Segment::Field(Field::Body),
            Segment::Literal(b"}")
        ]
    );
    assert!(t.uses(Field::Body) && !t.uses(Field::Path));
}

#[test]
fn parts_must_be_given_and_sendable() {
    let scheme = Scheme::new(
        "{timestamp}{method}{path}{query}",
        SecretEncoding::Raw,
        TagEncoding::Hex,
        "",
    )
    .unwrap();
    let key = Key::new(b"k").unwrap();
    let good = Parts {
        timestamp: Some(b"1"),
        method: Some(b"GET"),
        path: Some(b"/p"),
        query: Some(b"a=1"),
        body: b"",
    };
    assert!(scheme.sign(&key, &good).is_ok());
    let cases = [
        (
            Parts {
                timestamp: None,
                ..good
            },
            Error::MissingPart { part: "timestamp" },
        ),
        (
            Parts {
                method: None,
                ..good
            },
            Error::MissingPart { part: "method" },
        ),
        (
            Parts { path: None, ..good },
            Error::MissingPart { part: "path" },
        ),
        (
            Parts {
                query: None,
                ..good
            },
            Error::MissingPart { part: "query" },
        ),
        (
            Parts {
                timestamp: Some(b""),
                ..good
            },
            Error::InvalidPart { part: "timestamp" },
        ),
        (
            Parts {
                timestamp: Some(b"1 2"),
                ..good
            },
            Error::InvalidPart { part: "timestamp" },
        ),
        (
            Parts {
                method: Some(b"get"),
                ..good
            },
            Error::InvalidPart { part: "method" },
        ),
        (
            Parts {
                method: Some(b""),
                ..good
            },
            Error::InvalidPart { part: "method" },
        ),
        (
            Parts {
                query: Some(b"?a=1"),
                ..good
            },
            Error::InvalidPart { part: "query" },
        ),
        (
            Parts {
                query: Some(b"a=1#f"),
                ..good
            },
            Error::InvalidPart { part: "query" },
        ),
        (
            Parts {
                path: Some(b"p"),
                ..good
            },
            Error::EndpointNotAbsolute,
        ),
        (
            Parts {
                path: Some(b"/a b"),
                ..good
            },
            Error::EndpointInvalidChar,
        ),
    ];
    for (parts, error) in cases {
        assert_eq!(scheme.sign(&key, &parts).err(), Some(error), "{parts:?}");
        assert_eq!(scheme.verify(&key, &parts, b"").err(), Some(error));
        assert_eq!(
            scheme.string_to_sign(&parts, &mut [0; 64]).err(),
            Some(error)
        );
    }
    assert_eq!(
        scheme
            .sign(
                &key,
                &Parts {
                    query: Some(b""),
                    ..good
                }
            )
            .map(|s| s.len()),
        Ok(64)
    );
}

#[test]
fn prefixes_are_short_visible_ascii() {
    let new = |prefix| Scheme::new("{body}", SecretEncoding::Raw, TagEncoding::Hex, prefix);
    assert!(new("sha256=").is_ok());
    let long = "p".repeat(PREFIX_MAX_LEN + 1);
    for bad in [long.as_str(), "v 0=", "é="] {
        assert_eq!(new(bad).err(), Some(Error::InvalidPart { part: "prefix" }));
    }
    let longest = "p".repeat(PREFIX_MAX_LEN);
    let scheme = new(&longest).unwrap();
    let key = Key::new(b"k").unwrap();
    let signature = scheme.sign(&key, &Parts::default()).unwrap();
    assert_eq!(signature.len(), SIGNATURE_MAX_LEN);
    assert_eq!(scheme.signature_len(), SIGNATURE_MAX_LEN);
}

#[test]
fn string_to_sign_is_exact_and_untouched_when_short() {
    let scheme = Preset::Coinbase.scheme();
    let parts = Parts {
        timestamp: Some(b"1700000000"),
        method: Some(b"POST"),
        path: Some(b"/orders"),
        body: b"{}",
        ..Parts::default()
    };
    let mut out = [0u8; 64];
    assert_eq!(
        scheme.string_to_sign(&parts, &mut out),
        Ok(&b"1700000000POST/orders{}"[..])
    );
    let mut short = [7u8; 22];
    assert_eq!(
        scheme.string_to_sign(&parts, &mut short),
        Err(Error::BufferTooSmall { needed: 23 })
    );
    assert_eq!(short, [7; 22]);
    let digest = Scheme::new("{body_sha256}", SecretEncoding::Raw, TagEncoding::Hex, "").unwrap();
    assert_eq!(
        digest.string_to_sign(
            &Parts {
                body: b"abc",
                ..Parts::default()
            },
            &mut out
        ),
        Ok(&b"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"[..])
    );
}

#[test]
fn secrets_in_each_encoding() {
    let raw = Key::new(b"secret").unwrap().sign(&[b"m"]);
    for (encoding, text) in [
        (SecretEncoding::Raw, &b"secret"[..]),
        (SecretEncoding::Base64, b"c2VjcmV0"),
        (SecretEncoding::Hex, b"736563726574"),
        (
            SecretEncoding::Hex,
            b"736563726574".to_ascii_uppercase().leak(),
        ),
    ] {
        let key = encoding.key(text).unwrap();
        assert_eq!(key.sign(&[b"m"]).as_bytes(), raw.as_bytes(), "{encoding:?}");
    }
    assert_eq!(
        SecretEncoding::Hex.key(b"73656").err(),
        Some(Error::InvalidHex)
    );
    assert_eq!(
        SecretEncoding::Base64.key(b"c2V!").err(),
        Some(Error::InvalidBase64)
    );
    assert_eq!(SecretEncoding::Raw.key(b"").err(), Some(Error::EmptyKey));
}

#[test]
fn received_tags_in_other_spellings_do_not_match() {
    let key = Key::new(b"k").unwrap();
    let parts = Parts {
        body: b"b",
        ..Parts::default()
    };
    let hex = Scheme::new("{body}", SecretEncoding::Raw, TagEncoding::Hex, "v=").unwrap();
    let good = hex.sign(&key, &parts).unwrap();
    assert_eq!(hex.verify(&key, &parts, good.as_bytes()), Ok(()));
    // Hex is read in either case: the bytes are what is compared.
    let upper = String::from("v=") + &good[2..].to_ascii_uppercase();
    assert_eq!(hex.verify(&key, &parts, upper.as_bytes()), Ok(()));
    let no_prefix = &good[2..];
    let short = &good[..good.len() - 2];
    let long = String::from(good.as_str()) + "00";
    for bad in [
        no_prefix.as_bytes(),
        short.as_bytes(),
        long.as_bytes(),
        b"",
        b"v=",
    ] {
        assert_eq!(hex.verify(&key, &parts, bad), Err(Error::InvalidSignature));
    }
    let url = Scheme::new("{body}", SecretEncoding::Raw, TagEncoding::Base64Url, "").unwrap();
    let good = url.sign(&key, &parts).unwrap();
    assert_eq!(good.len(), 43);
    assert_eq!(url.verify(&key, &parts, good.as_bytes()), Ok(()));
    let padded = String::from(good.as_str()) + "=";
    assert_eq!(
        url.verify(&key, &parts, padded.as_bytes()),
        Err(Error::InvalidSignature)
    );
}

/// What each preset signs, as its provider documents it, built with `std`.
fn reference_message(preset: Preset, parts: &Parts<'_>) -> Vec<u8> {
    let (ts, method, path, query, body) = (
        parts.timestamp.unwrap_or_default(),
        parts.method.unwrap_or_default(),
        parts.path.unwrap_or_default(),
        parts.query.unwrap_or_default(),
        parts.body,
    );
    match preset {
        Preset::Fonbnk => [ts, b":", path].concat(),
        Preset::Coinbase => [ts, method, path, body].concat(),
        Preset::Binance => [query, body].concat(),
        Preset::GitHub | Preset::Shopify => body.to_vec(),
        Preset::Slack => [b"v0:", ts, b":", body].concat(),
        Preset::Stripe => [ts, b".", body].concat(),
    }
}

fn reference_signature(preset: Preset, secret: &[u8], message: &[u8]) -> String {
    use base64ct::Encoding;
    let key = match preset {
        Preset::Fonbnk | Preset::Coinbase => {
            base64ct::Base64::decode_vec(core::str::from_utf8(secret).unwrap()).unwrap()
        }
        _ => secret.to_vec(),
    };
    let tag = reference_tag(&key, message);
    let hex: String = tag.iter().map(|b| std::format!("{b:02x}")).collect();
    match preset {
        Preset::Fonbnk | Preset::Coinbase | Preset::Shopify => {
            base64ct::Base64::encode_string(&tag)
        }
        Preset::GitHub => String::from("sha256=") + &hex,
        Preset::Slack => String::from("v0=") + &hex,
        Preset::Binance | Preset::Stripe => hex,
    }
}

proptest! {
    #[test]
    fn every_preset_matches_its_reference(
        raw_secret in proptest::collection::vec(any::<u8>(), 1..100),
        ts in any::<u64>(),
        method in "[A-Z]{1,7}",
        path in "/[!-~&&[^#]]{0,40}",
        query in "[!-~&&[^#?]][!-~&&[^#]]{0,40}",
        body in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        use base64ct::Encoding;
        let ts = Timestamp::new(ts);
        let parts = Parts {
            timestamp: Some(ts.as_bytes()),
            method: Some(method.as_bytes()),
            path: Some(path.as_bytes()),
            query: Some(query.as_bytes()),
            body: &body,
        };
        for preset in Preset::ALL {
            let scheme = preset.scheme();
            let secret = match scheme.secret_encoding() {
                SecretEncoding::Base64 => base64ct::Base64::encode_string(&raw_secret).into_bytes(),
                _ => raw_secret.clone(),
            };
            let key = scheme.key(&secret).unwrap();
            let message = reference_message(preset, &parts);
            let expected = reference_signature(preset, &secret, &message);
            let signature = scheme.sign(&key, &parts).unwrap();
            prop_assert_eq!(signature.as_str(), expected.as_str(), "{:?}", preset);
            prop_assert_eq!(signature.len(), scheme.signature_len());
            prop_assert!(scheme.verify(&key, &parts, signature.as_bytes()).is_ok());
            let mut out = std::vec![0u8; message.len()];
            prop_assert_eq!(scheme.string_to_sign(&parts, &mut out).unwrap(), message.as_slice());
            let mut wrong = signature.clone().into_bytes();
            let last = wrong.len() - 1;
            wrong[last] = if wrong[last] == b'0' { b'1' } else { b'0' };
            prop_assert_eq!(
                scheme.verify(&key, &parts, &wrong),
                Err(Error::InvalidSignature)
            );
        }
    }

    #[test]
    fn templates_never_panic_and_literals_round_trip(text in "[a-z{}:._ ]{0,40}") {
        match Template::parse(&text) {
            Ok(t) => {
                // Literal text comes back as written, braces unescaped, fields as names.
                let mut rebuilt = Vec::new();
                for segment in t.segments() {
                    match segment.unwrap() {
                        Segment::Literal(l) if l == b"{" => rebuilt.extend_from_slice(b"{{"),
                        Segment::Literal(l) if l == b"}" => rebuilt.extend_from_slice(b"}}"),
                        Segment::Literal(l) => rebuilt.extend_from_slice(l),
                        Segment::Field(f) => {
                            rebuilt.push(b'{');
                            rebuilt.extend_from_slice(f.name().as_bytes());
                            rebuilt.push(b'}');
                        }
                    }
                }
                prop_assert_eq!(rebuilt, text.into_bytes());
            }
            Err(e) => prop_assert!(e.offset().is_some_and(|o| o < text.len().max(1))),
        }
    }
}

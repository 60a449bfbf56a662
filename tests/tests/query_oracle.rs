//! The query writer against two independent oracles, over arbitrary Unicode:
//! one written here from the WHATWG `application/x-www-form-urlencoded` serializer's
//! definition, and the `form_urlencoded` crate (the one the `url` crate uses).

use proptest::prelude::*;
use sigmint_core::query;

/// WHATWG URL §5.2 "application/x-www-form-urlencoded serializer": each name and value is
/// UTF-8 encoded, then percent-encoded with the urlencoded percent-encode set, with space
/// mapped to `+`; pairs joined as `name=value` with `&`. The set leaves exactly ASCII
/// alphanumerics and `*-._` unencoded.
fn whatwg_serialize(pairs: &[(String, String)]) -> String {
    fn component(s: &str) -> String {
        let mut out = String::new();
        for byte in s.bytes() {
            match byte {
                b' ' => out.push('+'),
                b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                    out.push(byte as char)
                }
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
        out
    }
    pairs
        .iter()
        .map(|(n, v)| format!("{}={}", component(n), component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn sigmint_serialize(pairs: &[(String, String)]) -> String {
    let borrowed = pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()));
    // An empty buffer asks for the size; an empty query fits in it.
    let len = match query::encode(borrowed.clone(), &mut []) {
        Ok(text) => text.len(),
        Err(error) => error.needed().unwrap(),
    };
    let mut buf = vec![0u8; len];
    let text = query::encode(borrowed.clone(), &mut buf).unwrap();
    assert_eq!(text.len(), len);
    // One byte less is refused, never truncated.
    if len > 0 {
        let mut short = vec![0u8; len - 1];
        assert_eq!(
            query::encode(borrowed, &mut short),
            Err(sigmint_core::Error::BufferTooSmall { needed: len })
        );
    }
    text.to_owned()
}

fn pairs_strategy() -> impl Strategy<Value = Vec<(String, String)>> {
    // `any::<String>()` draws from all of Unicode (every plane, combining marks, controls);
    // the second strategy leans on the characters the encoder treats specially.
    let special = "[ *\\-._~!'()&=+%#?/@:;,\\[\\]a-zA-Z0-9é💸\u{0}\u{7f}]{0,12}";
    let text = prop_oneof![any::<String>(), special];
    prop::collection::vec((text.clone(), text), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn matches_whatwg_definition(pairs in pairs_strategy()) {
        prop_assert_eq!(sigmint_serialize(&pairs), whatwg_serialize(&pairs));
    }

    #[test]
    fn matches_form_urlencoded_crate(pairs in pairs_strategy()) {
        let expected = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter())
            .finish();
        prop_assert_eq!(sigmint_serialize(&pairs), expected);
    }
}

#[test]
fn fixed_examples_from_the_spec_definition() {
    let pairs = vec![
        ("a b".to_owned(), "~".to_owned()),
        ("".to_owned(), "".to_owned()),
        ("é".to_owned(), "\u{1F4B8}".to_owned()),
    ];
    assert_eq!(sigmint_serialize(&pairs), "a+b=%7E&=&%C3%A9=%F0%9F%92%B8");
}

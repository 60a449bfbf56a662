//! core's hand-written JSON reader against `serde_json`: what serde_json writes, core reads
//! back identically; what core accepts, serde_json accepts; nothing makes it panic.

use proptest::prelude::*;
use serde_json::Value as Json;
use sigmint_core::json::{self, Kind, Value};
use sigmint_core::{jws, jwt};

fn json_strategy() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(Json::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Json::from),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Json::Object(m.into_iter().collect())),
        ]
    })
}

/// Rebuilds a serde_json value from core's reader, to compare with the original.
fn to_serde(value: Value<'_>) -> Json {
    match value.kind() {
        Kind::Null => Json::Null,
        Kind::Bool => Json::Bool(value.as_bool().unwrap()),
        Kind::Number => serde_json::from_str(value.number_text().unwrap()).unwrap(),
        Kind::String => Json::String(value.chars().unwrap().collect()),
        Kind::Array => Json::Array(value.elements().map(to_serde).collect()),
        Kind::Object => Json::Object(
            value
                .members()
                .map(|(key, v)| (key.chars().unwrap().collect(), to_serde(v)))
                .collect(),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_back_what_serde_json_writes(value in json_strategy(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let doc = json::validate(text.as_bytes(), json::MAX_DEPTH).unwrap();
        prop_assert_eq!(to_serde(doc), value);
    }

    #[test]
    fn lookups_find_what_serde_json_holds(value in json_strategy(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let doc = json::validate(text.as_bytes(), json::MAX_DEPTH).unwrap();
        // Every member by `get`, every member of a member by `path` (keys without dots, as a
        // path cannot name the others), and a key that is not there.
        if let Json::Object(members) = &value {
            for (key, member) in members {
                let found = doc.get(key).map(to_serde);
                prop_assert_eq!(found.as_ref(), Some(member));
                if let Json::Object(inner) = member {
                    for (inner_key, inner_member) in inner {
                        if !key.contains('.') && !inner_key.contains('.') {
                            let found = doc.path(&format!("{key}.{inner_key}")).map(to_serde);
                            prop_assert_eq!(found.as_ref(), Some(inner_member));
                        }
                    }
                }
            }
            let absent = "\u{0}absent";
            prop_assert_eq!(doc.get(absent).is_some(), members.contains_key(absent));
        } else {
            prop_assert!(doc.get("a").is_none() && doc.path("a.b").is_none());
        }
    }

    #[test]
    fn accepts_only_what_serde_json_accepts(text in "[\\[\\]{}\":,0-9a-z.eE+\\- \\\\u]{0,40}") {
        if json::validate(text.as_bytes(), json::MAX_DEPTH).is_ok() {
            // serde_json refuses numbers beyond f64 (`1e310`); RFC 8259's grammar allows them.
            let serde = serde_json::from_str::<Json>(&text);
            prop_assert!(
                serde.as_ref().map_or_else(|e| e.to_string().contains("number out of range"), |_| true),
                "{}: {:?}", text, serde
            );
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(doc) = json::validate(&bytes, 8) {
            let _ = to_serde(doc);
        }
    }
}

/// Every path of object keys in `value` (keys without dots, as a path cannot name the
/// others), with the value it leads to.
fn paths<'v>(value: &'v Json, prefix: Option<&str>, out: &mut Vec<(String, &'v Json)>) {
    if let Json::Object(members) = value {
        for (key, member) in members {
            if key.contains('.') {
                continue;
            }
            let path = prefix.map_or_else(|| key.clone(), |prefix| format!("{prefix}.{key}"));
            out.push((path.clone(), member));
            paths(member, Some(&path), out);
        }
    }
}

/// `claims` as an unsigned token, for `jwt::dangerous_unverified`.
fn token_of(claims: &str) -> String {
    use base64ct::{Base64UrlUnpadded, Encoding};
    format!(
        "{}.{}.",
        Base64UrlUnpadded::encode_string(br#"{"alg":"HS256"}"#),
        Base64UrlUnpadded::encode_string(claims.as_bytes())
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    // The index the validating pass records (scratch of `indexed_scratch_len`) finds exactly
    // what reading the text finds (scratch of `scratch_len`, no room for an index), and what
    // serde_json holds: every path, every top-level name (dots and all), absent ones.
    #[test]
    fn claims_found_by_index_as_by_text(
        members in prop::collection::btree_map(any::<String>(), json_strategy(), 0..8),
        pretty in any::<bool>(),
    ) {
        let value = Json::Object(members.into_iter().collect());
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let token = token_of(&text);
        let limits = jws::Limits { max_depth: json::MAX_DEPTH, ..jws::Limits::default() };
        let mut exact = vec![0u8; jws::scratch_len(&token)];
        let mut roomy = vec![0u8; jwt::indexed_scratch_len(&token)];
        let (_, by_text) = jwt::dangerous_unverified(&token, &mut exact, &limits).unwrap();
        let (_, by_index) = jwt::dangerous_unverified(&token, &mut roomy, &limits).unwrap();
        let mut all = Vec::new();
        paths(&value, None, &mut all);
        for (path, expected) in &all {
            prop_assert_eq!(by_index.get(path).map(to_serde), Some((*expected).clone()), "{}", path);
            prop_assert_eq!(by_text.get(path).map(to_serde), Some((*expected).clone()), "{}", path);
        }
        if let Json::Object(members) = &value {
            for (key, expected) in members {
                prop_assert_eq!(by_index.claim(key).map(to_serde), Some(expected.clone()));
            }
        }
        for absent in ["\u{0}absent", "a.\u{0}absent", "\u{0}absent.b"] {
            prop_assert_eq!(by_index.get(absent).map(|v| v.raw()), by_text.get(absent).map(|v| v.raw()));
        }
    }
}

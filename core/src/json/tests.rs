//! The reader's unit tests: RFC 8259 texts accepted and refused, the word scan against a byte
//! loop, reporting, depth limits, duplicate keys, values read in place.

use super::*;
use crate::scan;

fn ok(doc: &str) -> Value<'_> {
    validate(doc.as_bytes(), DEFAULT_MAX_DEPTH).unwrap_or_else(|e| panic!("{doc}: {e}"))
}

fn err(doc: &str) -> Error {
    validate(doc.as_bytes(), DEFAULT_MAX_DEPTH).unwrap_err()
}

#[test]
fn accepts_rfc8259_texts() {
    for doc in [
        "{}",
        "[]",
        "0",
        "-0",
        "1.5e-3",
        "\"\"",
        "true",
        "null",
        " [1, {\"a\": [null]}] ",
        r#"{"a":"\ud83d\udcb8 \n \u00e9 \/"}"#,
        "[-1E+2,0.0]",
    ] {
        ok(doc);
    }
}

#[test]
// Exhaustive (every byte at every place): hours under Miri; the loop's code is safe Rust run
// natively on every `cargo test`.
#[cfg_attr(miri, ignore)]
fn word_scan_finds_what_a_byte_loop_finds() {
    let stop = |b: u8| b == b'"' || b == b'\\' || b < 0x20 || matches!(b | 0x20, b'{' | b'}');
    let flags = |x: usize| {
        let folded = x | (usize::MAX / 0xFF * 0x20);
        scan::eq(x, b'"')
            | scan::eq(x, b'\\')
            | scan::below(x, 0x20)
            | scan::eq(folded, b'{')
            | scan::eq(folded, b'}')
    };
    // Every background byte, every stop byte at every place in and after two words,
    // and a second stop byte later on (borrows from the first must not move the answer).
    let mut buf = [0u8; 20];
    for background in 0..=255u8 {
        for (len, at) in (0..=20).flat_map(|len| (0..=len).map(move |at| (len, at))) {
            for special in [b'"', b'\\', 0x00, 0x1F, b'[', b']', b'{', b'}', 0x80, 0xFF] {
                buf.fill(background);
                if let Some(slot) = buf.get_mut(at) {
                    *slot = special;
                }
                if let Some(slot) = buf.get_mut(at + 3) {
                    *slot = b'"';
                }
                let bytes = &buf[..len];
                let expected = bytes.iter().position(|&b| stop(b)).unwrap_or(len);
                assert_eq!(scan::position(bytes, flags, stop), expected, "{bytes:?}");
            }
        }
    }
}

#[test]
fn reports_exactly_the_top_level_members() {
    for doc in [
        "{}",
        r#"{"a":1}"#,
        r#" { "a" : 1 , "b":{"c":[1,{"d":2}]} ,"e":[], "f":{} ,"g":"x\"y","h":null } "#,
        r#"{"\u0065xp":-1.5e3,"o":{"p":{"q":{}}},"t":true}"#,
        r#"[{"a":1},{"b":2}]"#,
        r#""{\"a\":1}""#,
    ] {
        let mut reported = heapless::Vec::<_, 8>::new();
        let value = validate_reporting(
            doc.as_bytes(),
            DEFAULT_MAX_DEPTH,
            &mut |m| {
                assert_eq!(m.escaped, m.contents.contains('\\'));
                reported.push((m.contents, m.value.raw())).unwrap();
            },
            &mut IndexBuilder::none(),
        )
        .unwrap();
        let expected: heapless::Vec<_, 8> = value
            .members()
            .map(|(k, v)| (k.raw_string().unwrap(), v.raw()))
            .collect();
        assert_eq!(reported, expected, "{doc}");
    }
}

#[test]
fn refuses_malformed_texts() {
    for doc in [
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "01",
        "1.",
        ".5",
        "+1",
        "1e",
        "tru",
        "nul",
        "\"a",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\u{1}\"",
        "[1] [2]",
        "{1:2}",
        "{\"a\" 1}",
        "[1 2]",
        "\"\\u12\"",
        "{\"a\":1}}",
        "]",
    ] {
        assert_eq!(err(doc), Error::InvalidJson, "{doc:?}");
    }
    assert_eq!(validate(b"\"\xff\"", 8).unwrap_err(), Error::InvalidUtf8);
}

#[test]
fn depth_is_limited_without_recursion() {
    let mut deep = [b'['; 20_000];
    assert_eq!(
        validate(&deep, 32).unwrap_err(),
        Error::JsonTooDeep { limit: 32 }
    );
    deep[0] = b'{';
    assert_eq!(validate(&deep, 1000).unwrap_err(), Error::InvalidJson);
    let mut nested = [0u8; 64];
    nested[..32].fill(b'[');
    nested[32..].fill(b']');
    assert!(validate(&nested, 32).is_ok());
    assert_eq!(
        validate(&nested, 31).unwrap_err(),
        Error::JsonTooDeep { limit: 31 }
    );
}

#[test]
fn duplicate_keys_refused_even_when_escaped() {
    assert_eq!(err(r#"{"a":1,"a":2}"#), Error::DuplicateKey);
    assert_eq!(
        err(r#"{"a":1,"b":{"c":[{"x":1}],"c":2}}"#),
        Error::DuplicateKey
    );
    assert_eq!(err(r#"{"exp":1,"\u0065xp":2}"#), Error::DuplicateKey);
    ok(r#"{"a":{"a":1},"b":{"a":2}}"#);
}

#[test]
fn reads_values_in_place() {
    let doc = ok(
        r#"{"aud":["pos","mobile"],"exp":4102444800,"f":1.5,"big":9223372036854775808,
                     "s":"caf\u00e9 \"q\"","u":{"isDev":false}}"#,
    );
    assert_eq!(doc.get("aud").unwrap().elements().count(), 2);
    assert!(
        doc.get("aud")
            .unwrap()
            .elements()
            .nth(1)
            .unwrap()
            .str_eq("mobile")
    );
    assert_eq!(doc.get("exp").unwrap().as_i64(), Ok(4_102_444_800));
    assert_eq!(
        doc.get("f").unwrap().as_i64(),
        Err(Error::InvalidClaimType {
            claim: crate::Claim::Unnamed
        })
    );
    assert_eq!(doc.get("f").unwrap().number_text(), Some("1.5"));
    assert_eq!(
        doc.get("big").unwrap().as_i64(),
        Err(Error::IntegerOverflow)
    );
    // The hand-written integer reader at i64's edges, as `str::parse` reads them.
    for text in [
        "0",
        "-0",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999",
    ] {
        let value = validate(text.as_bytes(), 1).unwrap();
        let expected = text.parse::<i64>().map_err(|_| Error::IntegerOverflow);
        assert_eq!(value.as_i64(), expected, "{text}");
    }
    let s = doc.get("s").unwrap();
    assert_eq!(s.to_str(&mut [0; 32]).unwrap(), "café \"q\"");
    assert_eq!(
        s.to_str(&mut [0; 4]),
        Err(Error::BufferTooSmall {
            needed: "café \"q\"".len()
        })
    );
    assert_eq!(doc.path("u.isDev").unwrap().as_bool(), Ok(false));
    let mut out = [0u8; 16];
    assert_eq!(s.copy_str(&mut out), Ok("café \"q\""));
    assert_eq!(
        doc.get("exp")
            .unwrap()
            .copy_str(&mut out)
            .map_err(|e| e.kind()),
        Err(crate::ErrorKind::InvalidClaimType)
    );
    let plain = validate(br#""abc""#, 1).unwrap();
    assert_eq!(plain.copy_str(&mut out), Ok("abc"));
    assert_eq!(
        plain.copy_str(&mut out[..2]),
        Err(Error::BufferTooSmall { needed: 3 })
    );
    assert_eq!(plain.raw_string(), Some("abc"));
    assert_eq!(doc.find("u.isDev").map(|v| v.raw()), Ok("false"));
    let missing = Err(Error::MissingClaim {
        claim: crate::Claim::Unnamed,
    });
    assert_eq!(doc.find("u.nope").map(|v| v.raw()), missing);
    let nulls = validate(br#"{"n":null}"#, 2).unwrap();
    assert_eq!(nulls.find("n").map(|v| v.raw()), Ok("null"));
    assert_eq!(nulls.require("n").map(|v| v.raw()), missing);
    assert!(doc.path("u.missing").is_none());
    assert!(doc.path("s.x").is_none());
}

#[test]
fn surrogate_pairs_decode_to_every_plane() {
    // One pair per plane boundary: U+10000, U+1F600, U+20000, U+10FFFF.
    for (escaped, text) in [
        (r#""\uD800\uDC00""#, "\u{10000}"),
        (r#""\uD83D\uDE00""#, "\u{1F600}"),
        (r#""\uD840\uDC00""#, "\u{20000}"),
        (r#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
    ] {
        let value = ok(escaped);
        assert_eq!(value.copy_str(&mut [0; 8]), Ok(text), "{escaped}");
        assert!(value.str_eq(text), "{escaped}");
        assert!(
            value.chars().is_some_and(|c| c.eq(text.chars())),
            "{escaped}"
        );
    }
}

/// The index of `doc` built in `room` bytes, with the document's value.
#[cfg(feature = "claim-index")]
fn indexed<'a>(doc: &'a str, room: &'a mut [u8]) -> (Value<'a>, Option<Index<'a>>) {
    let mut builder = IndexBuilder::new(room, doc.len());
    let value =
        validate_reporting(doc.as_bytes(), DEFAULT_MAX_DEPTH, &mut |_| {}, &mut builder).unwrap();
    let index = builder.finish(value.raw());
    (value, index)
}

#[cfg(feature = "claim-index")]
#[test]
fn index_finds_what_the_text_holds() {
    let doc = " \n{\"a\": {\"b\": [ {\"c\": 1} ], \"\\u0064\": {\"e\": \"x\"}, \"f\": {}}, \"g.h\": 2, \"i\": {\"j\": null}} ";
    let mut room = [0u8; 256];
    let (value, index) = indexed(doc, &mut room);
    let index = index.unwrap();
    for path in [
        "a", "a.b", "a.d", "a.d.e", "a.f", "i", "i.j", "a.b.c", "a.f.x", "g", "a.e", "i.j.k", "x",
    ] {
        assert_eq!(
            index.path(path).map(|v| v.raw()),
            value.path(path).map(|v| v.raw()),
            "{path}"
        );
    }
    assert_eq!(index.get("g.h").unwrap().raw(), "2");
    assert_eq!(index.path("a.d.e").unwrap().raw(), "\"x\"");
    // Objects inside arrays are not indexed: a path cannot reach them.
    assert!(index.path("a.b.c").is_none());
}

#[cfg(feature = "claim-index")]
#[test]
fn index_too_small_or_too_long_is_not_kept() {
    let doc = r#"{"a":1,"b":{"c":2}}"#;
    // Three entries are needed.
    let mut room = [0u8; 2 * index::ENTRY];
    assert!(indexed(doc, &mut room).1.is_none());
    let mut room = [0u8; 3 * index::ENTRY];
    assert_eq!(
        indexed(doc, &mut room)
            .1
            .unwrap()
            .path("b.c")
            .unwrap()
            .raw(),
        "2"
    );
    // Bound: the densest members take five bytes each.
    let dense = r#"{"":0,"":0}"#;
    assert!(index::room_for(dense.len()) >= 2 * index::ENTRY);
    // Beyond `u16` offsets.
    let mut long = [b' '; 70_000];
    long[..7].copy_from_slice(br#"{"a":1}"#);
    let mut room = [0u8; 64];
    assert!(
        indexed(core::str::from_utf8(&long).unwrap(), &mut room)
            .1
            .is_none()
    );
}

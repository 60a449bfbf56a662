//! Differential: a canonical-string scheme of any template text, prefix, encodings and parts
//! (or a preset's), against a plain reference written here with `std`, the `hmac` crate, the
//! `sha2` crate and the `base64` crate. The template is accepted or refused exactly as the
//! reference reads it (a refusal is `MalformedTemplate` or `UnknownTemplateField` at an
//! offset inside the text); the parts are refused with the reference's error; otherwise the
//! string to sign is the reference's rendering byte for byte, the tag is the `hmac` crate's
//! over it, the signature is the prefix and that tag in the scheme's encoding, it verifies, and
//! a tampered signature verifies only when it still reads as the same tag.
//!
//! The input, so that `seed.py` can write real cases:
//!
//! | bytes | meaning |
//! |---|---|
//! | 0 | bits 0–1: secret encoding (raw, base64, lower-case hex, upper-case hex); bits 2–3: tag encoding (base64, base64url, hex, hex); bit 4: use the preset of byte 1 instead |
//! | 1 | the preset (`Preset::ALL`, modulo its length) |
//! | 2, 3 | a signature byte to flip (index, mask; mask 0: none) |
//! | 4 | which parts are given: bit 0 timestamp, 1 method, 2 path, 3 query |
//! | 5 | the `string_to_sign` buffer's length, minus the reference's (an `i8`) |
//! | 6.. | template, prefix, raw secret, timestamp, method, path, query, separated by NUL; the rest is the body |
//!
//! The template and prefix are read as UTF-8 (lossily); the secret is the key's raw bytes,
//! written in the secret encoding for the scheme to decode.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};
use sigmint_core::Error;
use sigmint_core::canonical::{Field, Parts, Preset, Scheme, SecretEncoding, TagEncoding};

const FIELDS: [&str; 6] = [
    "timestamp",
    "method",
    "path",
    "query",
    "body",
    "body_sha256",
];

/// A piece of the reference's reading of a template.
enum Piece {
    Text(u8),
    Field(&'static str),
}

/// The template grammar, read byte by byte: `{{` and `}}` are braces, `{name}` a field, a
/// lone `}` or a `{` not closed before the next brace is malformed.
fn reference_parse(text: &[u8]) -> Result<Vec<Piece>, Error> {
    if text.is_empty() {
        return Err(Error::MalformedTemplate { offset: 0 });
    }
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let next = text.get(i + 1).copied();
        match (text[i], next) {
            (b'{', Some(b'{')) | (b'}', Some(b'}')) => {
                pieces.push(Piece::Text(text[i]));
                i += 2;
            }
            (b'}', _) => return Err(Error::MalformedTemplate { offset: i }),
            (b'{', _) => {
                let mut j = i + 1;
                while j < text.len() && text[j] != b'{' && text[j] != b'}' {
                    j += 1;
                }
                if j == text.len() {
                    return Err(Error::MalformedTemplate { offset: i });
                }
                if text[j] == b'{' {
                    return Err(Error::MalformedTemplate { offset: j });
                }
                let name = &text[i + 1..j];
                let Some(field) = FIELDS.iter().find(|f| f.as_bytes() == name) else {
                    return Err(Error::UnknownTemplateField { offset: i });
                };
                pieces.push(Piece::Field(field));
                i = j + 1;
            }
            (byte, _) => {
                pieces.push(Piece::Text(byte));
                i += 1;
            }
        }
    }
    Ok(pieces)
}

/// Visible ASCII other than `#`.
fn wire(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .all(|&b| (0x21..=0x7e).contains(&b) && b != b'#')
}

/// The string to sign, or the error of the first part (in template order) that is missing or
/// could not be sent as given.
fn reference_render(pieces: &[Piece], parts: &Parts<'_>) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    for piece in pieces {
        match *piece {
            Piece::Text(byte) => out.push(byte),
            Piece::Field("body") => out.extend_from_slice(parts.body),
            Piece::Field("body_sha256") => {
                for byte in Sha256::digest(parts.body) {
                    out.extend_from_slice(format!("{byte:02x}").as_bytes());
                }
            }
            Piece::Field(part) => {
                let given = match part {
                    "timestamp" => parts.timestamp,
                    "method" => parts.method,
                    "path" => parts.path,
                    _ => parts.query,
                };
                let value = given.ok_or(Error::MissingPart { part })?;
                let valid = match part {
                    "timestamp" => !value.is_empty() && wire(value),
                    "method" => !value.is_empty() && value.iter().all(|b| b.is_ascii_uppercase()),
                    "path" if value.first() != Some(&b'/') => {
                        return Err(Error::EndpointNotAbsolute);
                    }
                    "path" if !wire(value) => return Err(Error::EndpointInvalidChar),
                    "path" => true,
                    _ => value.first() != Some(&b'?') && wire(value),
                };
                if !valid {
                    return Err(Error::InvalidPart { part });
                }
                out.extend_from_slice(value);
            }
        }
    }
    Ok(out)
}

fn encode_tag(encoding: TagEncoding, tag: &[u8]) -> String {
    match encoding {
        TagEncoding::Base64 => STANDARD.encode(tag),
        TagEncoding::Base64Url => URL_SAFE_NO_PAD.encode(tag),
        _ => tag.iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// The tag a received text stands for: one canonical encoding of 32 bytes (hex in either
/// case).
fn decode_tag(encoding: TagEncoding, text: &[u8]) -> Option<Vec<u8>> {
    let bytes = match encoding {
        TagEncoding::Base64 => STANDARD.decode(text).ok()?,
        TagEncoding::Base64Url => URL_SAFE_NO_PAD.decode(text).ok()?,
        _ => {
            let text = std::str::from_utf8(text).ok()?;
            if text.len() % 2 != 0 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            (0..text.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
                .collect::<Option<Vec<u8>>>()?
        }
    };
    (bytes.len() == 32).then_some(bytes)
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<6>() else {
        return;
    };
    let [flags, preset, tamper_at, tamper_mask, given, slack] = *head;
    let mut fields = rest.splitn(8, |&b| b == 0);
    let mut next = || fields.next().unwrap_or_default();
    let (template, prefix) = (
        String::from_utf8_lossy(next()),
        String::from_utf8_lossy(next()),
    );
    let (secret, timestamp, method, path, query, body) =
        (next(), next(), next(), next(), next(), next());
    let part = |bit: u8, value| (given >> bit & 1 == 1).then_some(value);
    let parts = Parts {
        timestamp: part(0, timestamp),
        method: part(1, method),
        path: part(2, path),
        query: part(3, query),
        body,
    };

    let secret_encoding = [
        SecretEncoding::Raw,
        SecretEncoding::Base64,
        SecretEncoding::Hex,
        SecretEncoding::Hex,
    ][usize::from(flags & 3)];
    let tag_encoding = [
        TagEncoding::Base64,
        TagEncoding::Base64Url,
        TagEncoding::Hex,
        TagEncoding::Hex,
    ][usize::from(flags >> 2 & 3)];

    let (scheme, template_text, prefix_text): (_, &str, &str) = if flags & 0x10 != 0 {
        let preset = Preset::ALL[usize::from(preset) % Preset::ALL.len()];
        let scheme = preset.scheme();
        let rebuilt = Scheme::new(
            scheme.template().as_str(),
            scheme.secret_encoding(),
            scheme.tag_encoding(),
            scheme.prefix(),
        );
        assert_eq!(
            rebuilt,
            Ok(scheme),
            "{preset:?}'s scheme is not its own text's"
        );
        // A preset's pieces (compiled in) are those its text parses to.
        let compiled: Vec<_> = scheme.template().segments().collect();
        let parsed = rebuilt.map(|r| r.template().segments().collect::<Vec<_>>());
        assert_eq!(Ok(compiled), parsed, "{preset:?}");
        assert_eq!(Preset::from_name(preset.name()), Ok(preset));
        (Ok(scheme), scheme.template().as_str(), scheme.prefix())
    } else {
        (
            Scheme::new(&template, secret_encoding, tag_encoding, &prefix),
            &template,
            &prefix,
        )
    };

    // The template and the prefix, as the reference reads them.
    let pieces = reference_parse(template_text.as_bytes());
    let prefix_ok = prefix_text.len() <= 32 && prefix_text.bytes().all(|b| b.is_ascii_graphic());
    let scheme = match (scheme, &pieces) {
        (Ok(scheme), Ok(_)) => {
            assert!(prefix_ok, "accepted the prefix {prefix_text:?}");
            scheme
        }
        (Err(error), Err(expected)) => {
            assert_eq!(&error, expected, "{template_text:?}");
            match error {
                Error::MalformedTemplate { offset } | Error::UnknownTemplateField { offset } => {
                    assert!(offset < template_text.len().max(1));
                }
                other => panic!("refused a template with {other:?}"),
            }
            return;
        }
        (Err(Error::InvalidPart { part: "prefix" }), Ok(_)) => {
            assert!(!prefix_ok, "refused the prefix {prefix_text:?}");
            return;
        }
        (got, _) => panic!(
            "{template_text:?}: {got:?}, the reference: {:?}",
            pieces.err()
        ),
    };
    let pieces = pieces.unwrap_or_default();
    for (field, name) in Field::ALL.into_iter().zip(FIELDS) {
        let used = pieces
            .iter()
            .any(|p| matches!(p, Piece::Field(f) if *f == name));
        assert_eq!(scheme.template().uses(field), used, "{name}");
        assert_eq!(Field::from_name(name.as_bytes()), Some(field));
    }

    // The string to sign, into buffers of the reference's length, longer and shorter.
    let expected = reference_render(&pieces, &parts);
    let len = expected.as_ref().map_or(64, Vec::len);
    let wanted = usize::try_from(len as isize + isize::from(slack as i8)).unwrap_or(0);
    for size in [len, len + 7, wanted] {
        let mut out = vec![0xa5u8; size];
        match (scheme.string_to_sign(&parts, &mut out), &expected) {
            (Ok(written), Ok(expected)) => assert_eq!(written, &expected[..]),
            (Err(Error::BufferTooSmall { needed }), Ok(expected)) => {
                assert_eq!(needed, expected.len());
                assert!(size < needed);
                assert!(out.iter().all(|&b| b == 0xa5), "a short buffer was written");
            }
            (Err(error), Err(expected)) => assert_eq!(&error, expected),
            (got, expected) => panic!("string_to_sign: {got:?}, the reference: {expected:?}"),
        }
    }

    // The key, from the raw secret written in the scheme's encoding.
    let secret_text = match scheme.secret_encoding() {
        SecretEncoding::Raw => secret.to_vec(),
        SecretEncoding::Base64 => STANDARD.encode(secret).into_bytes(),
        SecretEncoding::Hex => secret
            .iter()
            .map(|b| match flags & 3 {
                3 => format!("{b:02X}"),
                _ => format!("{b:02x}"),
            })
            .collect::<String>()
            .into_bytes(),
    };
    let key = match scheme.key(&secret_text) {
        Ok(key) => key,
        Err(error) => {
            assert_eq!(error, Error::EmptyKey);
            assert!(secret.is_empty(), "refused the secret {secret_text:?}");
            return;
        }
    };
    assert!(!secret.is_empty(), "accepted an empty secret");

    let signature = scheme.sign(&key, &parts);
    let expected = match (scheme.tag(&key, &parts), expected) {
        (Ok(tag), Ok(expected)) => {
            let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret).unwrap();
            mac.update(&expected);
            let reference = mac.finalize().into_bytes();
            assert_eq!(&tag.as_bytes()[..], &reference[..]);
            reference
        }
        (Err(error), Err(expected)) => {
            assert_eq!(error, expected);
            assert_eq!(signature, Err(expected));
            assert_eq!(scheme.verify(&key, &parts, b""), Err(expected));
            return;
        }
        (got, expected) => panic!("tag: {got:?}, the reference: {expected:?}"),
    };
    let signature = signature.expect("a scheme that tags signs");
    let reference = format!(
        "{prefix_text}{}",
        encode_tag(scheme.tag_encoding(), &expected)
    );
    assert_eq!(signature.as_str(), reference);
    assert_eq!(signature.len(), scheme.signature_len());
    assert_eq!(scheme.verify(&key, &parts, signature.as_bytes()), Ok(()));

    let mut tampered = signature.as_bytes().to_vec();
    if tamper_mask != 0 {
        let at = usize::from(tamper_at) % tampered.len();
        tampered[at] ^= tamper_mask;
    }
    let same = tampered
        .strip_prefix(prefix_text.as_bytes())
        .is_some_and(|text| {
            decode_tag(scheme.tag_encoding(), text).is_some_and(|t| t[..] == expected[..])
        });
    match scheme.verify(&key, &parts, &tampered) {
        Ok(()) => assert!(same, "a tampered signature verified: {tampered:?}"),
        Err(Error::InvalidSignature) => assert!(!same, "refused {tampered:?}"),
        Err(other) => panic!("verify: {other:?}"),
    }
});

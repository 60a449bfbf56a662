//! The shared vectors, run against sigmint-core.

mod common;

use std::time::Duration;

use common::{FonbnkCase, Rfc4231, load, unhex};
use sigmint_core::providers::fonbnk::{self, Signer};
use sigmint_core::{Error, Key, encode};

#[test]
fn fonbnk_signing_vectors() {
    let cases: Vec<FonbnkCase> = load("fonbnk_signing.json");
    assert!(cases.len() >= 9);
    for case in &cases {
        let pairs = case.pairs();
        let mut buf = [0u8; 512];
        let endpoint = fonbnk::write_endpoint(&case.path, pairs.iter().copied(), &mut buf)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(endpoint, case.endpoint, "{}", case.name);
        assert_eq!(
            fonbnk::write_endpoint(&case.path, pairs.iter().copied(), &mut [])
                .err()
                .and_then(Error::needed),
            Some(case.endpoint.len())
        );

        let mut sts = [0u8; 600];
        let text = fonbnk::string_to_sign(case.timestamp_ms(), endpoint, &mut sts).unwrap();
        assert_eq!(text, case.string_to_sign, "{}", case.name);

        let key = Key::from_base64(&case.client_secret).unwrap();
        let signature = fonbnk::sign(&key, case.timestamp_ms(), endpoint).unwrap();
        assert_eq!(signature, case.signature.as_str(), "{}", case.name);

        fonbnk::verify(&key, case.timestamp_ms(), endpoint, &case.signature).unwrap();
        assert_eq!(
            fonbnk::verify(&key, case.timestamp_ms() + 1, endpoint, &case.signature),
            Err(Error::InvalidSignature)
        );
        let truncated = &case.signature[..case.signature.len() - 4];
        assert_eq!(
            fonbnk::verify(&key, case.timestamp_ms(), endpoint, truncated),
            Err(Error::InvalidSignature)
        );

        let signer = Signer::new("client", &case.client_secret).unwrap();
        let headers = signer.headers(case.timestamp_ms(), &case.endpoint).unwrap();
        assert_eq!(headers.client_id(), "client");
        assert_eq!(headers.timestamp(), case.timestamp);
        assert_eq!(headers.signature(), case.signature, "{}", case.name);
    }
}

#[test]
fn fonbnk_secret_in_url_safe_alphabet_unpadded_signs_the_same() {
    let cases: Vec<FonbnkCase> = load("fonbnk_signing.json");
    for case in &cases {
        let url_safe: String = case
            .client_secret
            .trim_end_matches('=')
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                c => c,
            })
            .collect();
        let key = Key::from_base64(&url_safe).unwrap();
        let signature = fonbnk::sign(&key, case.timestamp_ms(), &case.endpoint).unwrap();
        assert_eq!(signature, case.signature.as_str(), "{}", case.name);
    }
}

#[test]
fn rfc4231_vectors() {
    let rfc: Rfc4231 = load("rfc4231.json");
    assert_eq!(rfc.cases.len(), 7);
    for case in &rfc.cases {
        let key = Key::new(&unhex(&case.key_hex)).unwrap();
        let data = unhex(&case.data_hex);
        let tag = key.sign(&[&data]);
        let mut hex = [0u8; 64];
        assert_eq!(
            encode::hex(tag.as_bytes(), &mut hex).unwrap(),
            case.tag_hex,
            "{}",
            case.name
        );
        assert_eq!(
            key.verify(&[&data], &unhex(&case.tag_hex)),
            Ok(()),
            "{}",
            case.name
        );
        // The same message given in pieces gives the same tag.
        let (a, b) = data.split_at(data.len() / 2);
        assert_eq!(key.verify(&[a, b], tag.as_bytes()), Ok(()));
        if let Some(truncated) = &case.truncated_tag_hex {
            assert!(case.tag_hex.starts_with(truncated.as_str()));
            assert_eq!(
                key.verify(&[&data], &unhex(truncated)),
                Err(Error::InvalidSignature),
                "{}: a truncated tag must be refused",
                case.name
            );
        }
    }
}

#[test]
fn bad_secrets_get_clear_errors() {
    assert_eq!(Key::from_base64("").err(), Some(Error::EmptyKey));
    assert_eq!(Key::new(b"").err(), Some(Error::EmptyKey));
    for bad in ["c2Vj*mV0", "c2VjcmV0\n", "c2Vj cmV0", "c2VjcmV0$", "wq==é"] {
        assert_eq!(
            Key::from_base64(bad).err(),
            Some(Error::InvalidBase64),
            "{bad:?}"
        );
    }
    // Lengths no padding rule allows.
    for bad in ["c", "c2Vjc", "c2Vjc===", "c2Vj=", "c2Vjc=", "=", "=="] {
        assert_eq!(
            Key::from_base64(bad).err(),
            Some(Error::InvalidBase64),
            "{bad:?}"
        );
    }
    assert_eq!(Signer::new("id", "").err(), Some(Error::EmptyKey));
}

#[test]
fn bad_endpoints_get_clear_errors() {
    let key = Key::new(b"k").unwrap();
    let mut buf = [0u8; 64];
    assert_eq!(
        fonbnk::sign(&key, 1, "api/v2/user/tokens").err(),
        Some(Error::EndpointNotAbsolute)
    );
    assert_eq!(
        fonbnk::write_endpoint("/a?b=1", [("c", "2")], &mut buf).err(),
        Some(Error::PathHasQuery)
    );
    assert_eq!(
        fonbnk::write_endpoint("/a#top", [("c", "2")], &mut buf).err(),
        Some(Error::EndpointInvalidChar)
    );
    assert_eq!(
        fonbnk::sign(&key, 1, "/a b").err(),
        Some(Error::EndpointInvalidChar)
    );
}

#[test]
fn buffer_one_byte_too_small_is_untouched() {
    let needed = "/p?a=b+c".len();
    let mut buf = vec![0x5Au8; needed - 1];
    assert_eq!(
        fonbnk::write_endpoint("/p", [("a", "b c")], &mut buf).err(),
        Some(Error::BufferTooSmall { needed })
    );
    assert!(buf.iter().all(|&b| b == 0x5A));
}

#[test]
fn timestamp_window() {
    assert_eq!(
        fonbnk::check_timestamp(1_000_000, 1_300_000, Duration::from_millis(300_000)),
        Ok(())
    );
    assert_eq!(
        fonbnk::check_timestamp(1_300_000, 1_000_000, Duration::from_millis(300_000)),
        Ok(())
    );
    assert_eq!(
        fonbnk::check_timestamp(999_999, 1_300_000, Duration::from_millis(300_000)),
        Err(Error::TimestampOutOfWindow)
    );
    assert_eq!(
        fonbnk::check_timestamp(u64::MAX, 0, Duration::from_millis(300_000)),
        Err(Error::TimestampOutOfWindow)
    );
}

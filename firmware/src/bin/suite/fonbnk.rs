//! Every Fonbnk signing vector: endpoint, string-to-sign, signature and headers, the secret in
//! either base64 alphabet, inbound verification, and the documented errors.

use sigmint_core::providers::fonbnk::{self, Signer};
use sigmint_core::{Error, Key};
use sigmint_firmware::insns::Counter;

use crate::Buffers;
use crate::check::Report;
use crate::vectors::FONBNK;

pub fn run(r: &mut Report, bufs: &mut Buffers) {
    r.check(FONBNK.len() >= 9, "fonbnk", "at least nine cases");
    for case in FONBNK {
        let params = case.params.iter().copied();
        let written = r.stack("fonbnk::write_endpoint", || {
            fonbnk::write_endpoint(case.path, params.clone(), &mut bufs.out)
        });
        let Some(endpoint) = r.ok(written, case.name, "write_endpoint") else {
            continue;
        };
        r.check(endpoint == case.endpoint, case.name, "endpoint");
        r.err(
            fonbnk::write_endpoint(case.path, params, &mut []),
            Error::BufferTooSmall {
                needed: case.endpoint.len(),
            },
            case.name,
            "endpoint's length asked",
        );
        r.check(
            fonbnk::string_to_sign(case.timestamp_ms, endpoint, &mut bufs.json)
                .is_ok_and(|s| s == case.string_to_sign),
            case.name,
            "string_to_sign",
        );
        r.err(
            fonbnk::string_to_sign(case.timestamp_ms, endpoint, &mut []),
            Error::BufferTooSmall {
                needed: case.string_to_sign.len(),
            },
            case.name,
            "string to sign's length asked",
        );
        for secret in [case.client_secret, case.client_secret_url_safe] {
            let key = r.stack("Key::from_base64", || Key::from_base64(secret));
            let Some(key) = r.ok(key, case.name, "key") else {
                continue;
            };
            let signature = r.stack("fonbnk::sign", || {
                fonbnk::sign(&key, case.timestamp_ms, endpoint)
            });
            r.check(
                signature.is_ok_and(|s| s.as_str() == case.signature),
                case.name,
                "signature",
            );
            let verified = r.stack("fonbnk::verify", || {
                fonbnk::verify(&key, case.timestamp_ms, endpoint, case.signature)
            });
            r.ok(verified, case.name, "verify");
            r.err(
                fonbnk::verify(&key, case.timestamp_ms + 1, endpoint, case.signature),
                Error::InvalidSignature,
                case.name,
                "verify at another timestamp",
            );
        }
        let signer = r.stack("Signer::new", || Signer::new("client", case.client_secret));
        let Some(signer) = r.ok(signer, case.name, "signer") else {
            continue;
        };
        let headers = r.stack("Signer::headers", || {
            signer.headers(case.timestamp_ms, case.endpoint)
        });
        if let Some(headers) = r.ok(headers, case.name, "headers") {
            r.check(headers.client_id() == "client", case.name, "x-client-id");
            r.check(
                headers.timestamp() == case.timestamp,
                case.name,
                "x-timestamp",
            );
            r.check(
                headers.signature() == case.signature,
                case.name,
                "x-signature",
            );
        }
    }
    errors(r, bufs);
}

/// The documented errors, each refused with its own error.
fn errors(r: &mut Report, bufs: &mut Buffers) {
    for bad in ["c2Vj*mV0", "c2VjcmV0\n", "c2Vj cmV0", "c", "c2Vjc===", "=="] {
        r.err(
            Key::from_base64(bad),
            Error::InvalidBase64,
            bad,
            "bad secret",
        );
    }
    r.err(
        Key::from_base64(""),
        Error::EmptyKey,
        "empty secret",
        "refused",
    );
    let Some(key) = r.ok(Key::new(b"k"), "key", "one byte") else {
        return;
    };
    r.err(
        fonbnk::sign(&key, 1, "api/v2/user/tokens"),
        Error::EndpointNotAbsolute,
        "relative endpoint",
        "refused",
    );
    r.err(
        fonbnk::sign(&key, 1, "/a b"),
        Error::EndpointInvalidChar,
        "space in endpoint",
        "refused",
    );
    r.err(
        fonbnk::write_endpoint("/a?b=1", [("c", "2")], &mut bufs.out),
        Error::PathHasQuery,
        "path with query and params",
        "refused",
    );
    // One byte short: an error, and the buffer untouched.
    let needed = "/p?a=b+c".len();
    let small = bufs.out.get_mut(..needed - 1).unwrap_or_default();
    small.fill(0x5a);
    r.err(
        fonbnk::write_endpoint("/p", [("a", "b c")], small),
        Error::BufferTooSmall { needed },
        "one byte short",
        "refused",
    );
    r.check(
        small.iter().all(|&b| b == 0x5a),
        "one byte short",
        "buffer untouched",
    );
    r.err(
        fonbnk::check_timestamp(999_999, 1_300_000, fonbnk::DEFAULT_WINDOW),
        Error::TimestampOutOfWindow,
        "stale timestamp",
        "refused",
    );
}

/// The first vector's endpoint, signed with a key built once (as a terminal keeps it).
pub fn sign_cost(counter: &Counter) -> u64 {
    let Some(case) = FONBNK.first() else {
        return 0;
    };
    let Ok(key) = Key::from_base64(case.client_secret) else {
        return 0;
    };
    counter.per_call(100, || {
        fonbnk::sign(
            core::hint::black_box(&key),
            core::hint::black_box(case.timestamp_ms),
            core::hint::black_box(case.endpoint),
        )
    })
}

/// Building the key from its base64 secret (once per secret).
pub fn key_cost(counter: &Counter) -> u64 {
    let Some(case) = FONBNK.first() else {
        return 0;
    };
    counter.per_call(100, || {
        Key::from_base64(core::hint::black_box(case.client_secret))
    })
}

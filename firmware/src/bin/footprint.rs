//! What all of sigmint-core costs in flash: an application that calls every part of core's
//! API a terminal would use, on inputs the optimizer cannot see (`black_box`), so nothing is
//! folded away or dropped. `footprint` minus `baseline` (the same runtime without core) is
//! core's share; the suite image adds the vectors and the test harness on top.
//!
//! It also runs (a smoke test): it exits with success when every call behaved.
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, NewClaims, Validation};
use sigmint_core::providers::fonbnk::{self, Endpoint, KycSubmission, Signer, UserQuery};
use sigmint_core::providers::{error_message, mygiro, sfox};
use sigmint_core::{Error, Key, encode, json, query, time};
use sigmint_firmware::inputs::{KYC_BODY, MYGIRO_BODY, SECRET, SFOX_BODY, TOKEN, TOKEN_KEY};

/// Everything a result says, folded into one word the optimizer must keep.
struct Sink(u32);

impl Sink {
    fn take<T>(&mut self, result: Result<T, Error>, weight: impl FnOnce(&T) -> usize) {
        let word = match result {
            Ok(value) => weight(&value) as u32,
            Err(error) => 0x8000_0000 | error.code(),
        };
        self.0 = self.0.rotate_left(5) ^ black_box(word);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(3) ^ u32::from(b);
        }
    }
}

#[entry]
fn main() -> ! {
    static mut SCRATCH: [u8; 1024] = [0; 1024];
    static mut OUT: [u8; 1024] = [0; 1024];
    static mut JSON: [u8; 512] = [0; 512];
    let (scratch, out, json_buf): (&mut [u8], &mut [u8], &mut [u8]) = (SCRATCH, OUT, JSON);
    let mut s = Sink(0);

    // Keys and MACs.
    let key = Key::from_base64(black_box(SECRET));
    s.take(Key::new(black_box(b"raw key")), |_| 1);
    if let Ok(key) = &key {
        let tag = key.sign(&[black_box(b"1765454073000"), b":", black_box(b"/api")]);
        s.bytes(tag.as_bytes());
        s.take(
            key.verify(&[black_box(b"m")], black_box(tag.as_bytes())),
            |_| 2,
        );
        let mut signing = key.start();
        signing.update(black_box(b"streamed"));
        s.take(signing.verify(black_box(&[0u8; 32])), |_| 3);
    }

    #[cfg(feature = "fonbnk")]
    {
        // Encodings and queries.
        s.take(encode::base64(black_box(b"bytes"), out), |t| t.len());
        s.take(encode::base64url(black_box(b"bytes"), out), |t| t.len());
        s.take(encode::hex(black_box(b"bytes"), out), |t| t.len());
        let pairs = [(black_box("email"), black_box("test user+ng@fonbnk.com"))];
        s.take(query::encode(pairs, out), |t| t.len());

        // Fonbnk requests.
        let path = black_box("/api/v2/order-limits");
        s.take(fonbnk::endpoint_len(path, pairs), |n| *n);
        s.take(fonbnk::string_to_sign(black_box(1), path, out), |t| t.len());
        s.take(
            fonbnk::check_timestamp(black_box(1), black_box(2), 3),
            |_| 4,
        );
        if let Ok(key) = &key {
            s.take(fonbnk::sign(key, black_box(1), path), |t| t.len());
            s.take(
                fonbnk::verify(key, black_box(1), path, black_box(SECRET)),
                |_| 5,
            );
        }
        let endpoint = fonbnk::write_endpoint(path, pairs, out).map(|e| e.len());
        s.take(endpoint, |n| *n);
        let signer = Signer::new(black_box("client-id"), black_box(SECRET));
        if let Ok(signer) = &signer {
            s.take(signer.headers(black_box(1), path), |h| h.signature().len());
            let query = UserQuery {
                email: black_box("testuser+ng@fonbnk.com"),
                country_iso_code: black_box("NG"),
            };
            if let Ok(body) = query.write_json(json_buf) {
                let endpoint = black_box(Endpoint::UserTokensV2);
                s.take(fonbnk::sign_request(signer, endpoint, 1, body), |r| {
                    r.body.len() + r.endpoint.path().len()
                });
            }
            let kyc = KycSubmission {
                email: black_box("a@b.c"),
                document_id: black_box("67da909b739fc481aa525c43"),
                user_fields: [(black_box("first_name"), black_box("Ada"))],
            };
            s.take(kyc.write_json(out), |t| t.len());
        }
    }
    #[cfg(feature = "tokens")]
    {
        // Tokens: verify, validate, read claims; read unverified; mint.
        let token_key = Key::new(black_box(TOKEN_KEY));
        if let Ok(token_key) = &token_key {
            let validation = Validation {
                token_type: Some(black_box("access")),
                audience: black_box(None),
                issuer: black_box(None),
                required: &["exp", "uid"],
                leeway: black_box(10),
                ..Validation::new(black_box(1_765_454_133))
            };
            let verified = jwt::decode(black_box(TOKEN), scratch, token_key, &validation);
            s.take(verified, |v| {
                let claims = v.claims();
                let email = claims.get(black_box("userData.email"));
                let exp = claims.exp().ok().flatten().unwrap_or(0);
                let aud = claims.aud().map(|a| a.is_some_and(|a| a.contains("pos")));
                let mut buf = [0u8; 64];
                let len = email.map_or(0, |e| e.to_str(&mut buf).map_or(0, str::len));
                len + exp as usize + usize::from(aud == Ok(true))
            });
            let unverified = jws::decode(black_box(TOKEN), scratch, &Limits::default());
            s.take(unverified, |u| u.payload_len());
            let payload = jws::decode(black_box(TOKEN), scratch, &Limits::default())
                .and_then(|t| t.verify(token_key, &[Algorithm::Hs256]))
                .and_then(|v| v.decode_payload(out).map(|p| p.len()));
            s.take(payload, |n| *n);
            let claims = NewClaims {
                sub: Some(black_box("terminal-42")),
                aud: black_box(&["pos"]),
                exp: Some(black_box(1_765_455_000)),
                iat: Some(black_box(1_765_454_100)),
                strings: &[("type", "access")],
                extra: Some(black_box(br#"{"n":1}"#)),
                ..NewClaims::default()
            };
            s.take(jwt::encode(token_key, &claims, json_buf, out), |t| t.len());
            s.take(
                jwt::encode_json_with_header(
                    token_key,
                    black_box(br#"{"alg":"HS256","kid":"k1"}"#),
                    black_box(b"{}"),
                    out,
                ),
                |t| t.len(),
            );
            let uid = black_box("0b6e8f2e-1f7a-4c2a-9d55-5d8f0f3b7c11");
            s.take(
                fonbnk::widget_signature(token_key, uid, None, json_buf, out),
                |t| t.len(),
            );
        }
        let unverified = jwt::dangerous_unverified(black_box(TOKEN), scratch, &Limits::default());
        s.take(unverified, |(h, c)| {
            h.alg().raw().len() + c.json().raw().len()
        });
        s.take(json::validate(black_box(b"[1,{\"a\":null}]"), 32), |v| {
            v.elements().count()
        });
    }
    #[cfg(feature = "providers")]
    {
        // Provider answers and paths.
        s.take(fonbnk::parse_user_tokens(black_box(b"{}"), scratch), |t| {
            t.access_token.len()
        });
        s.take(
            fonbnk::parse_kyc_state(black_box(KYC_BODY.as_bytes())),
            |k| k.status() as usize + usize::from(k.reached_kyc_limit() == Some(true)),
        );
        s.take(
            fonbnk::parse_kyc_submit(black_box(b"{\"success\":true}")),
            |b| usize::from(*b),
        );
        s.take(
            sfox::parse_user_token(black_box(SFOX_BODY.as_bytes())),
            |t| t.expires_at_ms as usize,
        );
        s.take(
            mygiro::parse_access_token(black_box(MYGIRO_BODY.as_bytes())),
            |t| t.created_at_ms as usize,
        );
        s.take(sfox::user_token_path(black_box("client 1"), out), |p| {
            p.len()
        });
        s.take(sfox::authorization(black_box("key"), out), |p| p.len());
        s.take(
            mygiro::access_token_path(black_box("u/1"), black_box("a b"), out),
            |p| p.len(),
        );
        s.take(mygiro::authorization(black_box("jwt"), out), |p| p.len());
        s.take(mygiro::check_tag(black_box("Bkg-KeqSuf")), |_| 6);
        s.take(
            time::parse_rfc3339_ms(black_box("2024-05-14T19:22:09.901Z")),
            |t| *t as usize,
        );
        let message = error_message(black_box(br#"{"message":"no"}"#), json_buf);
        s.take(Ok(message), |m| m.map_or(0, str::len));
    }
    #[cfg(feature = "error-text")]
    {
        // Errors as text, as a terminal shows or logs them.
        let error = black_box(Error::Expired);
        s.bytes(error.name().as_bytes());
        s.bytes(error.message().as_bytes());
    }
    sigmint_firmware::exit(black_box(s.0) != 0)
}

//! What all of sigmint-core costs in flash: an application that calls every part of core's
//! API a terminal would use, once, on inputs the optimizer cannot see (read through one
//! opaque pointer, [`INPUTS`]), so nothing is folded away or dropped. `footprint` minus
//! `baseline` (the same runtime and inputs without core) is core's share; the suite image
//! adds the vectors and the test harness on top.
//!
//! Each result is kept by handing its address to an optimization barrier ([`keep`]): the
//! value must then exist in full, so every call is made and every byte of its result
//! computed, and the harness adds next to no code of its own (folding each result into a
//! checksum, as this image first did, cost over 2 KiB that counted as core's).
//!
//! It also runs (a smoke test): it exits with success when it gets to the end without a
//! fault or a panic. Whether core's answers are right is the suite's job.
#![no_std]
#![no_main]

use core::hint::black_box;

use cortex_m_rt::entry;
#[cfg(feature = "error-text")]
use sigmint_core::Error;
use sigmint_core::Key;
#[cfg(feature = "tokens")]
use sigmint_core::json;
#[cfg(feature = "tokens")]
use sigmint_core::jws::{self, Algorithm, Limits};
#[cfg(feature = "tokens")]
use sigmint_core::jwt::{self, NewClaims, Validation};
#[cfg(feature = "signing")]
use sigmint_core::providers::fonbnk::{self, Signer};
#[cfg(feature = "providers")]
use sigmint_core::providers::fonbnk::{Endpoint, KycSubmission, UserQuery};
#[cfg(feature = "providers")]
use sigmint_core::providers::{error_message, mygiro, sfox};
#[cfg(feature = "providers")]
use sigmint_core::time;
#[cfg(feature = "tokens")]
use sigmint_core::time::UnixSeconds;
#[cfg(feature = "encodings")]
use sigmint_core::{encode, query};
use sigmint_firmware::inputs::{INPUTS, Inputs};

/// Keeps `value`: the optimizer must assume the barrier reads all of it.
fn keep<T>(value: &T) {
    black_box(value);
}

#[entry]
fn main() -> ! {
    static mut SCRATCH: [u8; 1024] = [0; 1024];
    static mut OUT: [u8; 1024] = [0; 1024];
    static mut JSON: [u8; 512] = [0; 512];
    let (scratch, out, json_buf): (&mut [u8], &mut [u8], &mut [u8]) = (SCRATCH, OUT, JSON);
    let i: &Inputs = black_box(&INPUTS);
    let [timestamp_ms, now_ms] = i.times_ms;
    // Each part below uses some of these; a build without that part leaves them unread.
    let _ = (timestamp_ms, now_ms, &scratch, &out, &json_buf);

    // Keys and MACs.
    let key = Key::from_base64(i.secret);
    keep(&key);
    keep(&Key::new(i.raw_key));
    if let Ok(key) = &key {
        keep(&key.sign(&i.message));
        keep(&key.verify(&i.message, &i.zero_tag));
        let mut signing = key.start();
        signing.update(i.bytes);
        keep(&signing.verify(&i.zero_tag));
    }

    #[cfg(feature = "signing")]
    {
        // A signed request: the signature, and the three headers for an endpoint.
        if let Ok(key) = &key {
            keep(&fonbnk::sign(key, timestamp_ms, i.path));
        }
        let signer = Signer::new(i.client_id, i.secret);
        keep(&signer);
        if let Ok(signer) = &signer {
            keep(&signer.headers(timestamp_ms, i.path));
        }
    }
    #[cfg(feature = "encodings")]
    {
        // Encodings and queries; endpoints and strings to sign; the server side.
        keep(&encode::base64(i.bytes, out));
        keep(&encode::base64url(i.bytes, out));
        keep(&encode::hex(i.bytes, out));
        let pairs = [i.pair];
        keep(&query::encode(pairs, out));
        keep(&fonbnk::write_endpoint(i.path, pairs, out));
        keep(&fonbnk::string_to_sign(timestamp_ms, i.path, out));
        keep(&fonbnk::check_timestamp(timestamp_ms, now_ms, i.window));
        if let Ok(key) = &key {
            keep(&fonbnk::verify(key, timestamp_ms, i.path, i.signature));
        }
    }
    #[cfg(feature = "tokens")]
    {
        // Tokens: verify, validate, read claims; read unverified; mint.
        let token_key = Key::new(i.token_key);
        keep(&token_key);
        if let Ok(token_key) = &token_key {
            let (now, leeway) = i.now;
            let (audience, issuer) = i.audiences_issuers;
            let validation = Validation {
                token_type: Some(i.token_type),
                audience,
                issuer,
                required: i.required,
                leeway: core::time::Duration::from_secs(leeway),
                ..Validation::new(UnixSeconds(now))
            };
            {
                let verified = jwt::decode(i.token, scratch, token_key, &validation);
                keep(&verified);
                if let Ok(verified) = &verified {
                    let claims = verified.claims();
                    let email = claims.get(i.claim_path);
                    keep(&email);
                    if let Some(email) = email {
                        keep(&email.to_str(json_buf));
                    }
                    keep(&claims.exp());
                    keep(
                        &claims
                            .aud()
                            .map(|a| a.is_some_and(|a| a.contains(i.audience))),
                    );
                }
            }
            let unverified = jws::decode(i.token, scratch, &Limits::default());
            keep(&unverified.as_ref().map(|u| u.payload_len()));
            let payload = unverified
                .and_then(|t| t.verify(token_key, &[Algorithm::Hs256]))
                .and_then(|v| v.decode_payload(out).map(|p| p.len()));
            keep(&payload);
            let ((sub, aud, exp, iat), (strings, extra)) = (i.new_claims, i.more_claims);
            let claims = NewClaims {
                sub: Some(sub),
                aud,
                exp: Some(UnixSeconds(exp)),
                iat: Some(UnixSeconds(iat)),
                strings,
                extra: Some(extra),
                ..NewClaims::default()
            };
            keep(&jwt::encode(token_key, &claims, json_buf, out));
            let (header, claims) = i.header_and_claims;
            keep(&jwt::encode_json_with_header(
                token_key, header, claims, out,
            ));
            keep(&fonbnk::widget_signature(
                token_key, i.uid, None, json_buf, out,
            ));
        }
        let unverified = jwt::dangerous_unverified(i.token, scratch, &Limits::default());
        keep(
            &unverified
                .as_ref()
                .map(|(h, c)| (h.alg().raw(), c.json().raw())),
        );
        keep(&json::validate(i.json, json::DEFAULT_MAX_DEPTH).map(|v| v.elements().count()));
    }
    #[cfg(feature = "providers")]
    {
        // Fonbnk request bodies, and a whole signed request.
        if let Ok(signer) = &Signer::new(i.client_id, i.secret) {
            let query = UserQuery {
                email: i.email,
                country_iso_code: i.country,
            };
            if let Ok(body) = query.write_json(json_buf) {
                let request =
                    fonbnk::sign_request(signer, Endpoint::UserTokensV2, timestamp_ms, body);
                keep(&request);
            }
        }
        let (document_id, field) = i.document;
        let kyc = KycSubmission {
            email: i.email,
            document_id,
            user_fields: [field],
        };
        keep(&kyc.write_json(out));

        // Provider answers and paths.
        let [empty, kyc, submit, sfox_body, mygiro_body, error] = i.bodies;
        keep(&fonbnk::parse_user_tokens(empty, scratch));
        let state = fonbnk::parse_kyc_state(kyc);
        keep(&state.map(|k| (k.status(), k.reached_kyc_limit())));
        keep(&fonbnk::parse_kyc_submit(submit));
        keep(&sfox::parse_user_token(sfox_body));
        keep(&mygiro::parse_access_token(mygiro_body));
        let [sfox_user, api_key, mygiro_user, account, jwt, tag] = i.ids;
        keep(&sfox::user_token_path(sfox_user, out));
        keep(&sfox::authorization(api_key, out));
        keep(&mygiro::access_token_path(mygiro_user, account, out));
        keep(&mygiro::authorization(jwt, out));
        keep(&mygiro::check_tag(tag));
        keep(&time::parse_rfc3339(i.date));
        keep(&error_message(error, json_buf));
    }
    #[cfg(feature = "error-text")]
    {
        // Errors as text, as a terminal shows or logs them.
        let error = black_box(Error::Expired);
        keep(&error.name());
        keep(&error.message());
    }
    sigmint_firmware::exit(true)
}

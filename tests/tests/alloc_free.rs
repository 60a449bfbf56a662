//! Proves sigmint-core allocates nothing: a counting global allocator watches this thread
//! while keys are built, requests signed and verified, and endpoints and headers written.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use sigmint_core::jws::{self, Algorithm, Limits};
use sigmint_core::jwt::{self, NewClaims, Validation};
use sigmint_core::providers::fonbnk::{self, Signer};
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Error, Key, query};

struct Counting;

thread_local! {
    // Only this thread's allocations count: the harness and the other tests run on other
    // threads. `None` while not watching.
    static ALLOCATIONS: Cell<Option<usize>> = const { Cell::new(None) };
}

fn count_one() {
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get().map(|n| n + 1)));
}

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(work: impl FnOnce()) -> usize {
    ALLOCATIONS.with(|n| n.set(Some(0)));
    work();
    ALLOCATIONS.with(|n| n.replace(None)).unwrap_or(0)
}

#[test]
fn the_counter_sees_allocations() {
    assert!(allocations_during(|| drop(std::hint::black_box(vec![1u8; 10]))) >= 1);
}

#[test]
fn signing_path_allocates_nothing() {
    const SECRET: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const LONG_SECRET: &str = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODlBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWg==";
    let params = [
        ("depositPaymentChannel", "bank"),
        ("name", "Adébáyọ̀ Ọlánipẹ̀kún"),
        ("q", "a b"),
    ];
    let count = allocations_during(|| {
        let key = Key::from_base64(SECRET).unwrap();
        let long_key = Key::from_base64(LONG_SECRET).unwrap();
        let raw_key = Key::new(b"raw secret").unwrap();
        let tag = raw_key.sign(&[b"part one ", b"part two"]);
        raw_key
            .verify(&[b"part one part two"], tag.as_bytes())
            .unwrap();
        assert!(long_key.verify(&[b"x"], tag.as_bytes()).is_err());

        let mut qbuf = [0u8; 256];
        let len = query::encode(params, &mut []).err().and_then(Error::needed);
        assert_eq!(Some(query::encode(params, &mut qbuf).unwrap().len()), len);

        let mut ebuf = [0u8; 256];
        let endpoint = fonbnk::write_endpoint("/api/v2/orders", params, &mut ebuf).unwrap();
        let mut sbuf = [0u8; 300];
        fonbnk::string_to_sign(1_765_454_073_000, endpoint, &mut sbuf).unwrap();
        fonbnk::sign(&key, 1_765_454_073_000, endpoint).unwrap();

        let signer = Signer::with_key("client-id", key).unwrap();
        let headers = signer.headers(u64::MAX, endpoint).unwrap();
        std::hint::black_box(headers.pairs());
        let signer = Signer::new("client-id", SECRET).unwrap();
        std::hint::black_box(signer.headers(0, "/api/v2/user/tokens").unwrap());
        // Errors allocate nothing either.
        assert!(Key::from_base64("not base64!").is_err());
        assert!(fonbnk::write_endpoint("/a?b", params, &mut ebuf).is_err());
    });
    assert_eq!(count, 0, "sigmint-core allocated {count} times");
}

#[test]
fn token_path_allocates_nothing() {
    const TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyRGF0YSI6eyJ1c2VybmFtZSI6InVzZXIjLWhsRjNmek8iLCJfaWQiOiI2OTI4MWQ0ZjE4NjEzYmM5ZGU3MmVkOGUiLCJpc0RldlVzZXIiOmZhbHNlLCJjb3VudHJ5SXNvQ29kZSI6Ik5HIiwiaXNBbWJhc3NhZG9yIjpmYWxzZSwiZW1haWwiOiJ0ZXN0dXNlcituZ0Bmb25ibmsuY29tIn0sInR5cGUiOiJhY2Nlc3MiLCJ1aWQiOiIwMUtDNk02TTJEVkZSSzkxNUtZUTdQQkJBUCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjo0MTAyNDQ0ODAwfQ.IdpPN2d8X3-jscfk2xS_MoSOvat2eeouMRL90ERQTqE";
    let count = allocations_during(|| {
        let key = Key::new(b"fonbnk-test-signing-key-0123456789abcdef").unwrap();
        let mut scratch = [0u8; 1024];
        let validation = Validation {
            token_type: Some("access"),
            required: &["exp", "uid"],
            ..Validation::new(UnixSeconds(1_765_454_133))
        };
        let verified = jwt::decode(TOKEN, &mut scratch, &key, &validation).unwrap();
        let claims = verified.claims();
        assert_eq!(claims.exp(), Ok(Some(UnixSeconds(4_102_444_800))));
        let mut text = [0u8; 64];
        let email = claims
            .get("userData.email")
            .unwrap()
            .to_str(&mut text)
            .unwrap();
        assert_eq!(email, "testuser+ng@fonbnk.com");

        let mut scratch = [0u8; 1024];
        let unverified = jws::decode(TOKEN, &mut scratch, &Limits::default()).unwrap();
        assert!(
            unverified
                .verify(&Key::new(b"wrong").unwrap(), &[Algorithm::Hs256])
                .is_err()
        );

        let mut json = [0u8; 256];
        let mut out = [0u8; 512];
        let claims = NewClaims {
            sub: Some("user"),
            aud: &["pos", "web"],
            exp: Some(UnixSeconds(1)),
            extra: Some(br#"{"n":[1,2]}"#),
            ..NewClaims::default()
        };
        let token = jwt::encode(&key, &claims, &mut json, &mut out).unwrap();
        assert!(token.len() > 100);
        let mut out = [0u8; 512];
        let mut json = [0u8; 128];
        fonbnk::widget_signature(&key, "uid-1", None, &mut json, &mut out).unwrap();
        let mut scratch = [0u8; 64];
        assert!(jwt::decode("a.b.c", &mut scratch, &key, &validation).is_err());

        // Typed claims: borrowed, escaped and nested fields, an array, and a refusal.
        #[derive(serde::Deserialize, serde::Serialize)]
        struct User<'a> {
            email: &'a str,
        }
        #[derive(serde::Deserialize)]
        struct Typed<'a> {
            #[serde(borrow, rename = "userData")]
            user: User<'a>,
            exp: i64,
        }
        let mut scratch = [0u8; 1024];
        let typed: Typed = jwt::decode_as(TOKEN, &mut scratch, &key, &validation).unwrap();
        assert_eq!(
            (typed.user.email, typed.exp),
            ("testuser+ng@fonbnk.com", 4_102_444_800)
        );
        let mut json = [0u8; 128];
        let mut out = [0u8; 256];
        let minted = jwt::encode_as(
            &key,
            &User {
                email: "caf\u{e9}\"",
            },
            &mut json,
            &mut out,
        )
        .unwrap();
        let mut scratch = [0u8; 256];
        let user: User =
            jwt::decode_as(minted, &mut scratch, &key, &Validation::new(UnixSeconds(0))).unwrap();
        assert_eq!(user.email, "caf\u{e9}\"");
        let mut scratch = [0u8; 256];
        let refused = jwt::decode_as::<heapless::Vec<&str, 1>, _>(
            minted,
            &mut scratch,
            &key,
            &Validation::new(UnixSeconds(0)),
        );
        assert!(refused.is_err());
    });
    assert_eq!(count, 0, "sigmint-core allocated {count} times");
}

#[test]
fn provider_requests_and_responses_allocate_nothing() {
    use sigmint_core::providers::fonbnk::{Endpoint, KycSubmission, UserQuery};
    use sigmint_core::providers::{mygiro, sfox};
    const SFOX: &[u8] = br#"{"data":{"token":"bcf5ab","partner_user_id":"client_1","expires":"2024-05-14T19:22:09.901Z"}}"#;
    const MYGIRO: &[u8] = br#"{"status":"success","data":{"_id":"5d","type":"bearer","user":"5a","token":"gdq+G5=","resetToken":"Hk","createdAt":"2019-12-07T01:12:02.315Z"}}"#;
    const KYC: &[u8] = br#"{"kycStatus":"approved","basicDocuments":[{"_id":"67","type":"basic"}],"kycRules":[{"type":"basic","max":"100"}]}"#;
    let signer = Signer::new("client-id", "bXktY2xpZW50LXNlY3JldA==").unwrap();
    let count = allocations_during(|| {
        let mut body = [0u8; 256];
        let query = UserQuery {
            email: "a@b.c",
            country_iso_code: "NG",
        };
        let body = query.write_json(&mut body).unwrap();
        fonbnk::sign_request(&signer, Endpoint::UserTokensV2, 1, body).unwrap();
        let mut kyc_body = [0u8; 256];
        let kyc = KycSubmission {
            email: "a@b.c",
            document_id: "67",
            user_fields: [("first_name", "Ada")],
        };
        let needed = kyc.write_json(&mut []).err().and_then(Error::needed);
        assert_eq!(needed, Some(kyc.write_json(&mut kyc_body).unwrap().len()));
        assert_eq!(
            sfox::parse_user_token(SFOX).unwrap().expires_at_ms.0,
            1_715_714_529_901
        );
        assert_eq!(
            mygiro::parse_access_token(MYGIRO).unwrap().created_at_ms.0,
            1_575_681_122_315
        );
        let state = fonbnk::parse_kyc_state(KYC).unwrap();
        assert_eq!(state.documents().count() + state.rules().count(), 2);
        let mut path = [0u8; 128];
        sfox::user_token_path("u 1", &mut path).unwrap();
        mygiro::access_token_path("u", "a", &mut path).unwrap();
        assert!(sfox::parse_user_token(b"{").is_err());
    });
    assert_eq!(count, 0, "sigmint-core allocated {count} times");
}

#[test]
fn scheme_and_webhook_paths_allocate_nothing() {
    use sigmint_core::canonical::{Parts, Preset, Scheme, SecretEncoding, TagEncoding, Timestamp};
    use sigmint_core::webhooks::{self, Provider, Seen, SeenSet, Verifier};
    let body = [b'x'; 1024];
    let count = allocations_during(|| {
        let ts = Timestamp::new(1_531_420_618);
        let parts = Parts {
            timestamp: Some(ts.as_bytes()),
            method: Some(b"POST"),
            path: Some(b"/orders?x=1"),
            query: Some(b"a=1&b=2"),
            body: &body,
        };
        for preset in Preset::ALL {
            let scheme = preset.scheme();
            let key = scheme.key(b"c2VjcmV0LWtleQ==").unwrap();
            let signature = scheme.sign(&key, &parts).unwrap();
            scheme.verify(&key, &parts, signature.as_bytes()).unwrap();
            let mut out = [0u8; 2048];
            scheme.string_to_sign(&parts, &mut out).unwrap();
        }
        let custom = Scheme::new(
            "{method} {path}\n{body_sha256}",
            SecretEncoding::Hex,
            TagEncoding::Base64Url,
            "sig=",
        )
        .unwrap();
        let key = custom.key(b"00ff00ff").unwrap();
        std::hint::black_box(custom.sign(&key, &parts).unwrap());
        assert!(Scheme::new("{nope}", SecretEncoding::Raw, TagEncoding::Hex, "").is_err());

        let keys = [Key::new(b"old").unwrap(), Key::new(b"new").unwrap()];
        for provider in Provider::ALL {
            let mut seen = SeenSet::new([Seen::default(); 8]);
            let sent =
                webhooks::sign(provider, &keys[1], &body, UnixSeconds(1_531_420_618)).unwrap();
            let mut headers = [(&b""[..], &b""[..]); 2];
            for (slot, (name, value)) in headers.iter_mut().zip(sent.pairs()) {
                *slot = (name.as_bytes(), value.as_bytes());
            }
            let headers = &headers[..sent.pairs().count()];
            let verifier = Verifier::new(provider, &keys);
            let now = UnixSeconds(1_531_420_700);
            verifier.verify(headers, &body, now).unwrap();
            verifier
                .verify_once(headers, &body, now, &mut seen)
                .unwrap();
            assert!(
                verifier
                    .verify_once(headers, &body, now, &mut seen)
                    .is_err()
            );
            let none: [(&[u8], &[u8]); 0] = [];
            assert!(verifier.verify(&none, &body, now).is_err());
        }
    });
    assert_eq!(count, 0, "sigmint-core allocated {count} times");
}

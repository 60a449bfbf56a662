//! Nothing in the C API allocates, on any path: every function is called here, succeeding and
//! failing, under a global allocator that counts this thread's allocations.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

use sigmint::*;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded from our caller.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded from our caller.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

fn zeroed_key() -> sigmint_key {
    // SAFETY: a sigmint_key is plain integers; all zeros is its "not initialized" state.
    unsafe { std::mem::zeroed() }
}

fn zeroed_validation() -> sigmint_jwt_validation {
    // SAFETY: integers and raw pointers: all zeros is PyJWT's defaults (NULL lists, length 0).
    unsafe { std::mem::zeroed() }
}

fn s(text: &str) -> sigmint_str {
    sigmint_str {
        ptr: text.as_ptr().cast(),
        len: text.len(),
    }
}

#[test]
fn no_function_allocates() {
    let mut key = zeroed_key();
    let mut tag = [0u8; SIGMINT_HMAC_SHA256_LEN];
    let mut out = [0 as std::ffi::c_char; 256];
    let mut out_len = 0usize;
    let endpoint = c"/api/v2/orders";
    let params = [
        sigmint_query_param {
            name: c"email".as_ptr(),
            name_len: 5,
            value: c"a b+c@example.com é".as_ptr(),
            value_len: "a b+c@example.com é".len(),
        },
        sigmint_query_param {
            name: c"n".as_ptr(),
            name_len: 1,
            value: c"\xff".as_ptr(),
            value_len: 1,
        },
    ];
    let secret = c"c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
    let long_secret = [7u8; 100];

    let before = allocations();
    // SAFETY: every pointer is valid for the length given with it, or NULL on purpose.
    unsafe {
        assert_eq!(
            sigmint_key_init(&mut key, long_secret.as_ptr(), 100),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_key_init_base64(&mut key, secret.as_ptr(), secret.count_bytes()),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_key_init_base64(&mut key, c"YQ*".as_ptr(), 3),
            SIGMINT_RESULT_INVALID_BASE64
        );
        assert_eq!(
            sigmint_hmac_sha256(&key, b"m".as_ptr(), 1, tag.as_mut_ptr()),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_hmac_sha256_verify(&key, b"m".as_ptr(), 1, tag.as_ptr(), 16),
            SIGMINT_RESULT_INVALID_SIGNATURE
        );
        assert_eq!(
            sigmint_fonbnk_endpoint(
                endpoint.as_ptr(),
                endpoint.count_bytes(),
                params.as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_endpoint(
                endpoint.as_ptr(),
                endpoint.count_bytes(),
                params.as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_UTF8
        );
        assert_eq!(
            sigmint_fonbnk_string_to_sign(
                u64::MAX,
                endpoint.as_ptr(),
                14,
                ptr::null_mut(),
                0,
                &mut out_len
            ),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_fonbnk_sign(
                &key,
                1,
                endpoint.as_ptr(),
                14,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_sign(
                &key,
                1,
                c"x".as_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_ENDPOINT_NOT_ABSOLUTE
        );
        assert!(!sigmint_result_str(SIGMINT_RESULT_PANIC).is_null());
        assert!(!sigmint_result_name(SIGMINT_RESULT_PANIC).is_null());
        assert!(!sigmint_version().is_null());
        assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
        assert_eq!(
            sigmint_hmac_sha256(&key, b"m".as_ptr(), 1, tag.as_mut_ptr()),
            SIGMINT_RESULT_KEY_NOT_INITIALIZED
        );
        assert_eq!(
            sigmint_key_clear(ptr::null_mut()),
            SIGMINT_RESULT_NULL_PARAMETER
        );
    }
    assert_eq!(allocations(), before, "the C API allocated");
}

/// The token functions, each succeeding and failing, with every buffer on the stack.
#[test]
fn no_token_function_allocates() {
    let mut key = zeroed_key();
    let mut token = [0 as std::ffi::c_char; 1024];
    let mut token_len = 0usize;
    let mut scratch = [0u8; 1024];
    let mut out = [0 as std::ffi::c_char; 1024];
    let mut out_len = 0usize;
    let mut payload = [0u8; 1024];
    let claims = r#"{"sub":"u","aud":["pos","web"],"iss":"https://a.test","exp":4102444800,"type":"access","n":{"e":"caf\u00e9","b":true,"i":-5}}"#;
    let header = r#"{"alg":"HS256","kid":"k1","typ":"JWT"}"#;
    let audiences = [s("web")];
    let issuers = [s("https://a.test")];
    let required = [s("exp"), s("sub")];
    let many = [s("x"); SIGMINT_JWT_MAX_LIST_LEN + 1];
    let mut value: *const std::ffi::c_char = ptr::null();
    let mut value_len = 0usize;
    let mut int = 0i64;
    let mut flag = false;
    let secret = b"a key for the allocation test";
    let deep = [b'['; 200];

    let before = allocations();
    // SAFETY: every pointer is valid for the length given with it, or NULL on purpose; the
    // validation's lists point to arrays that outlive the calls.
    unsafe {
        assert_eq!(
            sigmint_key_init(&mut key, secret.as_ptr(), secret.len()),
            SIGMINT_RESULT_OK
        );
        // Minting, then verifying what was minted.
        assert_eq!(
            sigmint_jwt_encode_json_with_header(
                &key,
                header.as_ptr().cast(),
                header.len(),
                claims.as_ptr().cast(),
                claims.len(),
                token.as_mut_ptr(),
                token.len(),
                &mut token_len
            ),
            SIGMINT_RESULT_OK
        );
        let mut v = zeroed_validation();
        v.now = 1_700_000_000;
        v.audiences = audiences.as_ptr();
        v.audiences_len = 1;
        v.issuers = issuers.as_ptr();
        v.issuers_len = 1;
        v.required = required.as_ptr();
        v.required_len = 2;
        v.typ = s("jwt");
        v.token_type = s("access");
        let token = &token[..token_len];
        let verify = |key: &sigmint_key,
                      v: &sigmint_jwt_validation,
                      scratch: &mut [u8],
                      out: &mut [std::ffi::c_char],
                      len: &mut usize| {
            sigmint_jwt_verify(
                key,
                token.as_ptr(),
                token.len(),
                v,
                scratch.as_mut_ptr(),
                scratch.len(),
                out.as_mut_ptr(),
                out.len(),
                len,
            )
        };
        assert_eq!(
            verify(&key, &v, &mut scratch, &mut out, &mut out_len),
            SIGMINT_RESULT_OK
        );
        assert_eq!(out_len, claims.len());
        assert_eq!(
            verify(&key, &v, &mut scratch, &mut out[..3], &mut out_len),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        let expired = sigmint_jwt_validation {
            now: 4_102_444_800,
            ..v
        };
        assert_eq!(
            verify(&key, &expired, &mut scratch, &mut out, &mut out_len),
            SIGMINT_RESULT_EXPIRED
        );
        let wrong_type = sigmint_jwt_validation {
            token_type: s("refresh"),
            ..v
        };
        assert_eq!(
            verify(&key, &wrong_type, &mut scratch, &mut out, &mut out_len),
            SIGMINT_RESULT_WRONG_TOKEN_TYPE
        );
        let too_many = sigmint_jwt_validation {
            audiences: many.as_ptr(),
            audiences_len: many.len(),
            ..v
        };
        assert_eq!(
            verify(&key, &too_many, &mut scratch, &mut out, &mut out_len),
            SIGMINT_RESULT_LIST_TOO_LONG
        );
        assert_eq!(
            verify(
                &key,
                &zeroed_validation(),
                &mut scratch,
                &mut out,
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_AUDIENCE
        );
        assert_eq!(
            sigmint_jwt_verify(
                &key,
                token.as_ptr(),
                token.len() - 3, // 40 of the 43 signature characters: canonical, 30 bytes
                &v,
                scratch.as_mut_ptr(),
                scratch.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_SIGNATURE
        );
        assert_eq!(
            sigmint_jwt_verify(
                &key,
                token.as_ptr(),
                token.len(),
                ptr::null(),
                scratch.as_mut_ptr(),
                scratch.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_NULL_PARAMETER
        );

        // The plain JWS, the unverified reads.
        assert_eq!(
            sigmint_jws_verify_hs256(
                &key,
                token.as_ptr(),
                token.len(),
                payload.as_mut_ptr(),
                payload.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_jws_verify_hs256(
                &key,
                c"e30.e30.".as_ptr(),
                8,
                payload.as_mut_ptr(),
                payload.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_HEADER
        );
        assert_eq!(
            sigmint_jws_dangerous_header(
                token.as_ptr(),
                token.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_jws_dangerous_header(
                c"..".as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_JSON
        );
        assert_eq!(
            sigmint_jwt_dangerous_decode_unverified(
                token.as_ptr(),
                token.len(),
                scratch.as_mut_ptr(),
                scratch.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_jwt_dangerous_decode_unverified(
                token.as_ptr(),
                token.len(),
                scratch.as_mut_ptr(),
                1,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );

        // Lookups in the claims.
        let json = claims.as_ptr().cast::<std::ffi::c_char>();
        assert_eq!(
            sigmint_json_get_str(
                json,
                claims.len(),
                c"n.e".as_ptr(),
                3,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(out_len, "café".len());
        assert_eq!(
            sigmint_json_get_str(
                json,
                claims.len(),
                c"n.i".as_ptr(),
                3,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_INVALID_CLAIM_TYPE
        );
        assert_eq!(
            sigmint_json_get_i64(json, claims.len(), c"n.i".as_ptr(), 3, &mut int),
            SIGMINT_RESULT_OK
        );
        assert_eq!(int, -5);
        assert_eq!(
            sigmint_json_get_i64(json, claims.len(), c"n.x".as_ptr(), 3, &mut int),
            SIGMINT_RESULT_MISSING_CLAIM
        );
        assert_eq!(
            sigmint_json_get_bool(json, claims.len(), c"n.b".as_ptr(), 3, &mut flag),
            SIGMINT_RESULT_OK
        );
        assert!(flag);
        assert_eq!(
            sigmint_json_get_bool(
                deep.as_ptr().cast(),
                deep.len(),
                c"a".as_ptr(),
                1,
                &mut flag
            ),
            SIGMINT_RESULT_JSON_TOO_DEEP
        );
        assert_eq!(
            sigmint_json_get_raw(
                json,
                claims.len(),
                c"aud".as_ptr(),
                3,
                &mut value,
                &mut value_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(value_len, r#"["pos","web"]"#.len());
        assert_eq!(
            sigmint_json_get_raw(json, 3, c"aud".as_ptr(), 3, &mut value, &mut value_len),
            SIGMINT_RESULT_INVALID_JSON
        );
        assert_eq!(
            sigmint_json_get_member_raw(
                json,
                claims.len(),
                c"n".as_ptr(),
                1,
                &mut value,
                &mut value_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_json_get_member_raw(
                json,
                claims.len(),
                c"n.e".as_ptr(),
                3,
                &mut value,
                &mut value_len
            ),
            SIGMINT_RESULT_MISSING_CLAIM
        );

        // Minting errors, and the widget.
        assert_eq!(
            sigmint_jwt_encode_json(
                &key,
                claims.as_ptr().cast(),
                claims.len(),
                ptr::null_mut(),
                0,
                &mut out_len
            ),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_jwt_encode_json(
                &key,
                c"{\"a\":1,\"a\":2}".as_ptr(),
                13,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_DUPLICATE_KEY
        );
        assert_eq!(
            sigmint_jwt_encode_json(
                &key,
                c"{}".as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_jwt_encode_json_with_header(
                &key,
                c"{\"alg\":\"none\"}".as_ptr(),
                14,
                c"{}".as_ptr(),
                2,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_UNSUPPORTED_ALGORITHM
        );
        let widget = |key: &sigmint_key,
                      scratch: &mut [u8],
                      out: &mut [std::ffi::c_char],
                      len: &mut usize| {
            sigmint_fonbnk_widget_signature(
                key,
                c"0b6e8f2e-1f7a-4c2a-9d55-5d8f0f3b7c11".as_ptr(),
                36,
                c"{\"amount\":10}".as_ptr(),
                13,
                scratch.as_mut_ptr(),
                scratch.len(),
                out.as_mut_ptr(),
                out.len(),
                len,
            )
        };
        assert_eq!(
            widget(&key, &mut scratch, &mut out, &mut out_len),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            widget(&key, &mut scratch, &mut out[..10], &mut out_len),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            widget(&key, &mut scratch[..10], &mut out, &mut out_len),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_fonbnk_widget_signature(
                &key,
                c"".as_ptr(),
                0,
                ptr::null(),
                0,
                scratch.as_mut_ptr(),
                scratch.len(),
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_MISSING_CLAIM
        );
        assert!(!sigmint_result_str(SIGMINT_RESULT_LIST_TOO_LONG).is_null());
        assert!(!sigmint_result_str(SIGMINT_RESULT_WRONG_TOKEN_TYPE).is_null());
        assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
        assert_eq!(
            verify(&key, &v, &mut scratch, &mut out, &mut out_len),
            SIGMINT_RESULT_KEY_NOT_INITIALIZED
        );
    }
    assert_eq!(allocations(), before, "the token functions allocated");
}

/// A text as the `(pointer, length)` pair the C API takes.
fn t(text: &str) -> (*const std::ffi::c_char, usize) {
    (text.as_ptr().cast(), text.len())
}

/// The provider functions (request builders, signing and verification, every parser, the
/// text helpers), each succeeding and failing, with every buffer on the stack.
#[test]
fn no_provider_function_allocates() {
    const ACCESS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoiYWNjZXNzIiwiaWF0IjoxNzY1NDU0MDczLCJleHAiOjE3NjU0NTQ5NzN9.h64t8qKWqZZR5Vtzq_XQIfu1w464OL1eU6Ms2CUMT_o";
    const REFRESH: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0eXBlIjoicmVmcmVzaCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjoxNzY2NjYzNjczfQ.zBp2124SDVPYgBuVUG9A4YCwiSniK26QkRTK7ff4syY";
    let mut tokens_body = [0u8; 512];
    let tokens_len = {
        let text = format!(r#"{{"accessToken":"{ACCESS}","refreshToken":"{REFRESH}"}}"#);
        tokens_body[..text.len()].copy_from_slice(text.as_bytes());
        text.len()
    };
    let kyc = r#"{"kycStatus":"approved","reachedKycLimit":true,"kycStatusDescription":"caf\u00e9",
        "basicDocuments":[{"_id":"67da909b739fc481aa525c43","type":"basic","requiredFields":{}}],
        "kycRules":[{"type":"basic","max":100},{"max":"Infinity"}]}"#;
    let sfox = r#"{"data":{"token":"bcf5ab","partner_user_id":"client_1","expires":"2024-05-14T19:22:09.901Z"}}"#;
    let sfox_bad_date =
        r#"{"data":{"token":"t","partner_user_id":"c","expires":"2024-02-30T00:00:00Z"}}"#;
    let mygiro = r#"{"status":"success","data":{"token":"t+k=","type":"bearer","createdAt":"2019-12-07T01:12:02.315Z"}}"#;
    let mygiro_error = r#"{"status":"error","message":"Account not \"found\""}"#;
    let big = [b' '; SIGMINT_PROVIDER_MAX_RESPONSE_LEN + 1];
    let secret = c"c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=";
    let fields = [
        sigmint_query_param {
            name: c"first_name".as_ptr(),
            name_len: 10,
            value: c"Ada".as_ptr(),
            value_len: 3,
        },
        sigmint_query_param {
            name: c"first_name".as_ptr(),
            name_len: 10,
            value: c"Eve".as_ptr(),
            value_len: 3,
        },
    ];
    let mut key = zeroed_key();
    let mut out = [0 as std::ffi::c_char; 512];
    let mut out_len = 0usize;
    let mut scratch = [0u8; 1024];
    let mut scratch_len = 0usize;
    let mut text = s("");
    let mut flag = false;
    // SAFETY: plain integers, arrays and raw pointers: all zeros is a valid value of each.
    let (mut headers, mut tokens, mut state, mut doc, mut rule, mut sfox_token, mut mygiro_token): (
        sigmint_fonbnk_headers,
        sigmint_fonbnk_user_tokens,
        sigmint_fonbnk_kyc_state,
        sigmint_fonbnk_document,
        sigmint_fonbnk_rule,
        sigmint_sfox_user_token,
        sigmint_mygiro_access_token,
    ) = unsafe { std::mem::zeroed() };

    let before = allocations();
    // SAFETY: every pointer is valid for the length given with it, or NULL on purpose; the
    // bodies outlive every view into them.
    unsafe {
        assert_eq!(
            sigmint_key_init_base64(&mut key, secret.as_ptr(), secret.count_bytes()),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_endpoint_path(SIGMINT_FONBNK_ENDPOINT_KYC_STATUS, &mut text),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_endpoint_method(
                // A value no constant names, as C may pass; the type is a transparent u32.
                std::mem::transmute::<u32, sigmint_fonbnk_endpoint_id>(99),
                &mut text
            ),
            SIGMINT_RESULT_UNKNOWN_ENUM_VALUE
        );
        assert_eq!(
            sigmint_fonbnk_base_url(SIGMINT_FONBNK_ENV_SANDBOX, &mut text),
            SIGMINT_RESULT_OK
        );
        assert_eq!(sigmint_fonbnk_content_type(&mut text), SIGMINT_RESULT_OK);
        assert_eq!(sigmint_sfox_base_url(&mut text), SIGMINT_RESULT_OK);

        let (email, email_len) = t("testuser+ng@fonbnk.com");
        for (country, expected) in [
            ("NG", SIGMINT_RESULT_OK),
            ("ng", SIGMINT_RESULT_INVALID_FIELD),
        ] {
            let (c, c_len) = t(country);
            assert_eq!(
                sigmint_fonbnk_user_query_json(
                    email,
                    email_len,
                    c,
                    c_len,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut out_len
                ),
                expected
            );
        }
        let (doc_id, doc_id_len) = t("67da909b739fc481aa525c43");
        for (n, expected) in [(1, SIGMINT_RESULT_OK), (2, SIGMINT_RESULT_DUPLICATE_KEY)] {
            assert_eq!(
                sigmint_fonbnk_kyc_submission_json(
                    email,
                    email_len,
                    doc_id,
                    doc_id_len,
                    fields.as_ptr(),
                    n,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut out_len
                ),
                expected
            );
        }
        assert_eq!(
            sigmint_fonbnk_sign_request(
                &key,
                c"demo-client-id".as_ptr(),
                14,
                SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2,
                1_765_454_073_000,
                &mut headers
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_sign_request(
                &key,
                c"a b".as_ptr(),
                3,
                SIGMINT_FONBNK_ENDPOINT_USER_TOKENS_V2,
                1,
                &mut headers
            ),
            SIGMINT_RESULT_INVALID_CLIENT_ID
        );
        let path = c"/api/v2/user/tokens";
        let mut any_endpoint = headers;
        for (client_id, expected) in [
            (c"demo-client-id", SIGMINT_RESULT_OK),
            (c"a b", SIGMINT_RESULT_INVALID_CLIENT_ID),
        ] {
            assert_eq!(
                sigmint_fonbnk_sign_headers(
                    &key,
                    client_id.as_ptr(),
                    client_id.count_bytes(),
                    1,
                    path.as_ptr(),
                    path.count_bytes(),
                    &mut any_endpoint
                ),
                expected
            );
        }
        assert_eq!(
            sigmint_fonbnk_verify(
                &key,
                1_765_454_073_000,
                path.as_ptr(),
                path.count_bytes(),
                headers.signature.as_ptr(),
                headers.signature_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_verify(
                &key,
                1,
                path.as_ptr(),
                path.count_bytes(),
                headers.signature.as_ptr(),
                headers.signature_len
            ),
            SIGMINT_RESULT_INVALID_SIGNATURE
        );
        assert_eq!(
            sigmint_fonbnk_check_timestamp(0, 1000, 10),
            SIGMINT_RESULT_TIMESTAMP_OUT_OF_WINDOW
        );

        let (user, user_len) = t("client 7/a");
        assert_eq!(
            sigmint_sfox_user_token_path(user, user_len, out.as_mut_ptr(), 3, &mut out_len),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_sfox_user_token_path(user, user_len, out.as_mut_ptr(), out.len(), &mut out_len),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_sfox_authorization(c"k".as_ptr(), 1, out.as_mut_ptr(), 3, &mut out_len),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_sfox_authorization(c"k y".as_ptr(), 3, out.as_mut_ptr(), 64, &mut out_len),
            SIGMINT_RESULT_INVALID_FIELD
        );
        assert_eq!(
            sigmint_mygiro_access_token_path(
                user,
                user_len,
                c"acct 1".as_ptr(),
                6,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_mygiro_authorization(c"j.w.t".as_ptr(), 5, out.as_mut_ptr(), 64, &mut out_len),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_mygiro_check_tag(c"tag 1".as_ptr(), 5),
            SIGMINT_RESULT_INVALID_FIELD
        );

        let body = tokens_body.as_ptr().cast();
        assert_eq!(
            sigmint_fonbnk_parse_user_tokens(
                body,
                tokens_len,
                scratch.as_mut_ptr(),
                scratch.len(),
                &mut scratch_len,
                &mut tokens
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_parse_user_tokens(
                body,
                tokens_len,
                ptr::null_mut(),
                0,
                &mut scratch_len,
                &mut tokens
            ),
            SIGMINT_RESULT_BUFFER_TOO_SMALL
        );
        assert_eq!(
            sigmint_fonbnk_parse_user_tokens(
                big.as_ptr().cast(),
                big.len(),
                scratch.as_mut_ptr(),
                scratch.len(),
                &mut scratch_len,
                &mut tokens
            ),
            SIGMINT_RESULT_RESPONSE_TOO_LARGE
        );
        assert_eq!(
            sigmint_fonbnk_token_needs_refresh(&tokens.access, 0, 60, &mut flag),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_token_expired(&tokens.refresh, 0, &mut flag),
            SIGMINT_RESULT_OK
        );

        let (k, k_len) = t(kyc);
        assert_eq!(
            sigmint_fonbnk_parse_kyc_state(k, k_len, &mut state),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_view_unescape(
                k,
                k_len,
                state.description,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_kyc_document(k, k_len, 0, &mut doc),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_kyc_document(k, k_len, 1, &mut doc),
            SIGMINT_RESULT_INDEX_OUT_OF_RANGE
        );
        assert_eq!(
            sigmint_fonbnk_kyc_rule(k, k_len, 1, &mut rule),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_fonbnk_kyc_rule(k, k_len - 1, 0, &mut rule),
            SIGMINT_RESULT_INVALID_JSON
        );
        let (submit, submit_len) = t(r#"{"success":true}"#);
        assert_eq!(
            sigmint_fonbnk_parse_kyc_submit(submit, submit_len, &mut flag),
            SIGMINT_RESULT_OK
        );

        let (f, f_len) = t(sfox);
        assert_eq!(
            sigmint_sfox_parse_user_token(f, f_len, &mut sfox_token),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_sfox_token_needs_refresh(&sfox_token, 0, 1, &mut flag),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_sfox_token_expired(&sfox_token, 0, &mut flag),
            SIGMINT_RESULT_OK
        );
        let (f, f_len) = t(sfox_bad_date);
        assert_eq!(
            sigmint_sfox_parse_user_token(f, f_len, &mut sfox_token),
            SIGMINT_RESULT_INVALID_DATE
        );
        let (m, m_len) = t(mygiro);
        assert_eq!(
            sigmint_mygiro_parse_access_token(m, m_len, &mut mygiro_token),
            SIGMINT_RESULT_OK
        );
        let (m, m_len) = t(mygiro_error);
        assert_eq!(
            sigmint_mygiro_parse_access_token(m, m_len, &mut mygiro_token),
            SIGMINT_RESULT_PROVIDER_ERROR
        );
        for cap in [0, out.len()] {
            let expected = if cap == 0 {
                SIGMINT_RESULT_BUFFER_TOO_SMALL
            } else {
                SIGMINT_RESULT_OK
            };
            assert_eq!(
                sigmint_provider_error_message(m, m_len, out.as_mut_ptr(), cap, &mut out_len),
                expected
            );
        }
        assert_eq!(
            sigmint_provider_error_message(
                c"<html>".as_ptr(),
                6,
                out.as_mut_ptr(),
                64,
                &mut out_len
            ),
            SIGMINT_RESULT_OK
        );
        assert!(!sigmint_result_str(SIGMINT_RESULT_INDEX_OUT_OF_RANGE).is_null());
        assert_eq!(sigmint_key_clear(&mut key), SIGMINT_RESULT_OK);
    }
    assert_eq!(allocations(), before, "the provider functions allocated");
}

/// The scheme and webhook functions (presets, custom schemes, keys, signing, verifying, the
/// string to sign, webhook headers, rotation, the replay store), succeeding and failing.
#[test]
fn no_scheme_or_webhook_function_allocates() {
    let mut scheme: sigmint_scheme = zeroed_scheme();
    let mut custom: sigmint_scheme = zeroed_scheme();
    let mut keys = [zeroed_key(), zeroed_key()];
    let mut out = [0 as std::ffi::c_char; 256];
    let mut shown = [0u8; 256];
    let mut out_len = 0usize;
    let mut count = 0usize;
    let mut index = 0usize;
    let mut refused = s("");
    // SAFETY: pointers and lengths: all zeros is "no part given, an empty body".
    let mut parts: sigmint_parts = unsafe { std::mem::zeroed() };
    // SAFETY: plain integers: all zeros is a valid value of each.
    let (mut headers, mut replay, mut slots): (
        [sigmint_http_header; SIGMINT_WEBHOOK_MAX_HEADERS],
        sigmint_replay,
        [sigmint_seen; 4],
    ) = unsafe { std::mem::zeroed() };
    let body = b"payload=1";
    let template = "{{{method}}}{path}?{query}.{timestamp}.{body_sha256}";

    let before = allocations();
    // SAFETY: every pointer is valid for the length given with it, or NULL on purpose.
    unsafe {
        for name in [
            "fonbnk", "coinbase", "binance", "github", "slack", "stripe", "shopify",
        ] {
            let (n, n_len) = t(name);
            assert_eq!(
                sigmint_scheme_preset(&mut scheme, n, n_len),
                SIGMINT_RESULT_OK
            );
        }
        let (n, n_len) = t("gitlab");
        assert_eq!(
            sigmint_scheme_preset(&mut scheme, n, n_len),
            SIGMINT_RESULT_UNKNOWN_SCHEME
        );
        let (tpl, tpl_len) = t(template);
        assert_eq!(
            sigmint_scheme_init(
                &mut custom,
                tpl,
                tpl_len,
                SIGMINT_SECRET_ENCODING_HEX,
                SIGMINT_TAG_ENCODING_BASE64URL,
                c"x=".as_ptr(),
                2
            ),
            SIGMINT_RESULT_OK
        );
        let (bad, bad_len) = t("{nope}");
        assert_eq!(
            sigmint_scheme_init(
                &mut scheme,
                bad,
                bad_len,
                SIGMINT_SECRET_ENCODING_RAW,
                SIGMINT_TAG_ENCODING_HEX,
                ptr::null(),
                0
            ),
            SIGMINT_RESULT_UNKNOWN_TEMPLATE_FIELD
        );
        assert_eq!(
            sigmint_scheme_key(&custom, &mut keys[0], b"00ff".as_ptr(), 4),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_scheme_key(&custom, &mut keys[0], b"0f0".as_ptr(), 3),
            SIGMINT_RESULT_INVALID_HEX
        );
        assert_eq!(
            sigmint_scheme_signature_len(&custom, &mut out_len),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_scheme_sign(
                &custom,
                &keys[0],
                &parts,
                out.as_mut_ptr(),
                out.len(),
                &mut out_len
            ),
            SIGMINT_RESULT_MISSING_PART
        );
        parts.method = c"GET".as_ptr();
        parts.method_len = 3;
        parts.path = c"/a".as_ptr();
        parts.path_len = 2;
        parts.query = c"".as_ptr();
        parts.timestamp = c"1".as_ptr();
        parts.timestamp_len = 1;
        parts.body = body.as_ptr();
        parts.body_len = body.len();
        for cap in [0, out.len()] {
            let expected = if cap == 0 {
                SIGMINT_RESULT_BUFFER_TOO_SMALL
            } else {
                SIGMINT_RESULT_OK
            };
            assert_eq!(
                sigmint_scheme_sign(
                    &custom,
                    &keys[0],
                    &parts,
                    out.as_mut_ptr(),
                    cap,
                    &mut out_len
                ),
                expected
            );
            assert_eq!(
                sigmint_scheme_string_to_sign(
                    &custom,
                    &parts,
                    shown.as_mut_ptr(),
                    cap,
                    &mut out_len
                ),
                expected
            );
        }
        assert_eq!(
            sigmint_scheme_verify(&custom, &keys[0], &parts, out.as_ptr(), 45),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_scheme_verify(&custom, &keys[0], &parts, out.as_ptr(), 44),
            SIGMINT_RESULT_INVALID_SIGNATURE
        );

        assert_eq!(
            sigmint_key_init(&mut keys[0], b"old".as_ptr(), 3),
            SIGMINT_RESULT_OK
        );
        assert_eq!(
            sigmint_key_init(&mut keys[1], b"new".as_ptr(), 3),
            SIGMINT_RESULT_OK
        );
        for name in ["github", "slack", "stripe", "shopify"] {
            let (n, n_len) = t(name);
            // One store per endpoint (GitHub's and Shopify's tags of a body are the same).
            assert_eq!(
                sigmint_replay_init(&mut replay, slots.as_mut_ptr(), slots.len()),
                SIGMINT_RESULT_OK
            );
            assert_eq!(
                sigmint_webhook_sign(
                    n,
                    n_len,
                    &keys[1],
                    body.as_ptr(),
                    body.len(),
                    1_531_420_618,
                    ptr::null_mut(),
                    0,
                    &mut count,
                    ptr::null_mut(),
                    0,
                    &mut out_len
                ),
                SIGMINT_RESULT_BUFFER_TOO_SMALL
            );
            assert_eq!(
                sigmint_webhook_sign(
                    n,
                    n_len,
                    &keys[1],
                    body.as_ptr(),
                    body.len(),
                    1_531_420_618,
                    headers.as_mut_ptr(),
                    headers.len(),
                    &mut count,
                    out.as_mut_ptr(),
                    out.len(),
                    &mut out_len
                ),
                SIGMINT_RESULT_OK
            );
            for expected in [SIGMINT_RESULT_OK, SIGMINT_RESULT_REPLAYED] {
                assert_eq!(
                    sigmint_webhook_verify(
                        n,
                        n_len,
                        keys.as_ptr(),
                        keys.len(),
                        headers.as_ptr(),
                        count,
                        body.as_ptr(),
                        body.len(),
                        1_531_420_620,
                        SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S,
                        &mut replay,
                        &mut index,
                        &mut refused
                    ),
                    expected
                );
            }
            assert_eq!(
                sigmint_webhook_verify(
                    n,
                    n_len,
                    keys.as_ptr(),
                    keys.len(),
                    headers.as_ptr(),
                    count - 1,
                    body.as_ptr(),
                    body.len(),
                    1_531_420_620,
                    SIGMINT_WEBHOOK_DEFAULT_TOLERANCE_S,
                    ptr::null_mut(),
                    &mut index,
                    &mut refused
                ),
                SIGMINT_RESULT_MISSING_HEADER
            );
        }
        assert_eq!(sigmint_key_clear(&mut keys[0]), SIGMINT_RESULT_OK);
        assert_eq!(sigmint_key_clear(&mut keys[1]), SIGMINT_RESULT_OK);
    }
    assert_eq!(
        allocations(),
        before,
        "the scheme and webhook functions allocated"
    );
    assert_eq!(index, 1);
}

fn zeroed_scheme() -> sigmint_scheme {
    // SAFETY: a sigmint_scheme is plain integers; all zeros is a valid (empty) scheme.
    unsafe { std::mem::zeroed() }
}

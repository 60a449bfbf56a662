//! The providers' documented responses (tests/vectors/provider_responses.json), and bad
//! bodies, against core's parsers and request builders.

mod common;

use std::time::Duration;

use sigmint_core::time::{UnixMillis, UnixSeconds};

use serde_json::Value as Json;
use sigmint_core::Error;
use sigmint_core::providers::fonbnk::{
    self, Endpoint, KycStatus, KycSubmission, Signer, TokenKind, UserQuery,
};
use sigmint_core::providers::{MAX_RESPONSE_LEN, error_message, mygiro, sfox};

fn vectors() -> Json {
    common::load("provider_responses.json")
}

fn body(name: &str) -> String {
    vectors()[name]["body"].as_str().unwrap().to_owned()
}

fn expected(name: &str, field: &str) -> Json {
    vectors()[name]["expected"][field].clone()
}

#[test]
fn fonbnk_user_tokens_from_the_docs() {
    let body = body("fonbnk_user_tokens");
    let mut scratch = [0u8; 1024];
    let tokens = fonbnk::parse_user_tokens(body.as_bytes(), &mut scratch).unwrap();
    assert_eq!(
        tokens.access_token,
        expected("fonbnk_user_tokens", "accessToken")
    );
    assert_eq!(
        tokens.refresh_token,
        expected("fonbnk_user_tokens", "refreshToken")
    );
    assert_eq!(
        tokens.access.expires_at.0,
        expected("fonbnk_user_tokens", "access_exp")
    );
    assert_eq!(
        tokens.refresh.expires_at.0,
        expected("fonbnk_user_tokens", "refresh_exp")
    );
    assert_eq!(tokens.access.kind, TokenKind::Access);
    assert_eq!(tokens.refresh.kind, TokenKind::Refresh);
    assert_eq!(tokens.access.issued_at, UnixSeconds(1_765_454_073));
    // 15 minutes and 14 days, as the docs say.
    assert_eq!(
        tokens.access.expires_at.0 - tokens.access.issued_at.0,
        15 * 60
    );
    assert_eq!(
        tokens.refresh.expires_at.0 - tokens.refresh.issued_at.0,
        14 * 24 * 3600
    );
    assert!(!tokens.access.expired(UnixSeconds(1_765_454_972)));
    assert!(tokens.access.expired(UnixSeconds(1_765_454_973)));
    let minute = Duration::from_secs(60);
    assert!(
        tokens
            .access
            .needs_refresh(UnixSeconds(1_765_454_913), minute)
    );
    assert!(
        !tokens
            .access
            .needs_refresh(UnixSeconds(1_765_454_912), minute)
    );
}

#[test]
fn sfox_user_token_from_the_docs() {
    let body = body("sfox_user_token");
    let token = sfox::parse_user_token(body.as_bytes()).unwrap();
    assert_eq!(token.token, expected("sfox_user_token", "token"));
    assert!(
        token.partner_user_id.str_eq(
            expected("sfox_user_token", "partner_user_id")
                .as_str()
                .unwrap()
        )
    );
    assert_eq!(token.expires, expected("sfox_user_token", "expires"));
    assert_eq!(
        token.expires_at_ms.0,
        expected("sfox_user_token", "expires_unix_ms")
    );
    let five_seconds = Duration::from_secs(5);
    assert!(token.needs_refresh(UnixMillis(1_715_714_529_901 - 1000), five_seconds));
    assert!(!token.expired(UnixMillis(1_715_714_529_900)));
}

#[test]
fn mygiro_access_token_from_the_docs() {
    let body = body("mygiro_generate_access_token");
    let token = mygiro::parse_access_token(body.as_bytes()).unwrap();
    let e = |f| expected("mygiro_generate_access_token", f);
    assert_eq!(token.token, e("token"));
    assert!(
        token
            .reset_token
            .unwrap()
            .str_eq(e("resetToken").as_str().unwrap())
    );
    assert!(token.kind.unwrap().str_eq(e("type").as_str().unwrap()));
    assert!(token.user.unwrap().str_eq(e("user").as_str().unwrap()));
    assert!(token.id.unwrap().str_eq(e("_id").as_str().unwrap()));
    assert_eq!(token.created_at, e("createdAt"));
    assert_eq!(token.created_at_ms.0, e("createdAt_unix_ms"));
}

#[test]
fn requests_for_every_endpoint() {
    let signer = Signer::new("client-id", "bXktY2xpZW50LXNlY3JldA==").unwrap();
    let query = UserQuery {
        email: "testuser+ng@fonbnk.com",
        country_iso_code: "NG",
    };
    let mut buf = [0u8; 256];
    let body = query.write_json(&mut buf).unwrap();
    for endpoint in [
        Endpoint::UserTokensV2,
        Endpoint::UserTokens,
        Endpoint::KycStatus,
    ] {
        let request = fonbnk::sign_request(&signer, endpoint, 1_765_454_073_000, body).unwrap();
        assert_eq!(endpoint.method(), "POST");
        let expected = signer.sign(1_765_454_073_000, endpoint.path()).unwrap();
        assert_eq!(request.headers.signature(), expected.as_str());
        let parsed: Json = serde_json::from_str(request.body).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!({"email": "testuser+ng@fonbnk.com", "countryIsoCode": "NG"})
        );
    }
    let fields = [("first_name", "Adébáyọ̀ \"Ọ\""), ("id_number", "82003470\n")];
    let kyc = KycSubmission {
        email: "a@b.c",
        document_id: "67da909b739fc481aa525c43",
        user_fields: fields,
    };
    let mut buf = [0u8; 512];
    let body = kyc.write_json(&mut buf).unwrap();
    let parsed: Json = serde_json::from_str(body).unwrap();
    assert_eq!(parsed["userFields"]["first_name"], "Adébáyọ̀ \"Ọ\"");
    assert_eq!(parsed["userFields"]["id_number"], "82003470\n");
    assert_eq!(
        fonbnk::Environment::Sandbox.base_url(),
        "https://sandbox-api.fonbnk.com"
    );
    assert_eq!(
        fonbnk::Environment::Production.base_url(),
        "https://api.fonbnk.com"
    );

    let mut path = [0u8; 128];
    assert_eq!(
        sfox::user_token_path("client_db29326e", &mut path).unwrap(),
        "/v1/enterprise/user-tokens/client_db29326e"
    );
    assert_eq!(
        sfox::user_token_path("a b", &mut []).err(),
        Some(Error::BufferTooSmall {
            needed: "/v1/enterprise/user-tokens/a%20b".len()
        })
    );
    let mut path = [0u8; 128];
    assert_eq!(
        mygiro::access_token_path("u/1", "a b&c", &mut path).unwrap(),
        "/v1/users/u%2F1/generateaccesstoken?accountId=a+b%26c"
    );
}

#[test]
fn bad_bodies_get_clear_errors() {
    let mut scratch = [0u8; 1024];
    let tokens = body("fonbnk_user_tokens");
    let truncated = &tokens.as_bytes()[..tokens.len() / 2];
    assert_eq!(
        fonbnk::parse_user_tokens(truncated, &mut scratch).err(),
        Some(Error::InvalidJson)
    );
    assert_eq!(
        fonbnk::parse_user_tokens(br#"{"accessToken":1,"refreshToken":"x"}"#, &mut scratch).err(),
        Some(Error::InvalidField {
            field: "accessToken"
        })
    );
    assert_eq!(
        fonbnk::parse_user_tokens(br#"{"accessToken":"a.b.c"}"#, &mut scratch).err(),
        Some(Error::MissingField {
            field: "refreshToken"
        })
    );
    assert_eq!(
        fonbnk::parse_user_tokens(br#"{"accessToken":"x","refreshToken":"y"}"#, &mut scratch).err(),
        Some(Error::MalformedToken)
    );
    // Tokens swapped: the access token's type is "refresh".
    let v = vectors();
    let swapped = serde_json::json!({"accessToken": v["fonbnk_user_tokens"]["expected"]["refreshToken"], "refreshToken": v["fonbnk_user_tokens"]["expected"]["accessToken"]}).to_string();
    assert_eq!(
        fonbnk::parse_user_tokens(swapped.as_bytes(), &mut scratch).err(),
        Some(Error::WrongTokenType)
    );
    assert_eq!(
        fonbnk::parse_user_tokens(br#"{"message":"Invalid signature"}"#, &mut scratch).err(),
        Some(Error::ProviderError)
    );

    let mut huge = vec![b' '; 1 << 20];
    huge[..2].copy_from_slice(b"{}");
    assert_eq!(
        sfox::parse_user_token(&huge).err(),
        Some(Error::ResponseTooLarge {
            limit: MAX_RESPONSE_LEN
        })
    );
    assert!(huge.len() > MAX_RESPONSE_LEN);
    assert_eq!(
        sfox::parse_user_token(
            br#"{"data":{"token":"t","partner_user_id":"p","expires":"2024-02-30T00:00:00Z"}}"#
        )
        .err(),
        Some(Error::InvalidDate)
    );
    assert_eq!(
        sfox::parse_user_token(br#"{"data":{"token":"t","partner_user_id":"p"}}"#).err(),
        Some(Error::MissingField { field: "expires" })
    );
    assert_eq!(
        sfox::parse_user_token(br#"{"data":[]}"#).err(),
        Some(Error::InvalidField { field: "data" })
    );
    assert_eq!(
        sfox::parse_user_token(b"<html>502</html>").err(),
        Some(Error::InvalidJson)
    );
    assert_eq!(
        mygiro::parse_access_token(br#"{"status":"error","message":"Bad tag"}"#).err(),
        Some(Error::ProviderError)
    );
    assert_eq!(
        mygiro::parse_access_token(
            br#"{"status":"success","data":{"token":"t","createdAt":"yesterday"}}"#
        )
        .err(),
        Some(Error::InvalidDate)
    );
    let state = fonbnk::parse_kyc_state(br#"{"kycStatus":"on_hold"}"#).unwrap();
    assert_eq!(state.status(), KycStatus::Unknown);
    let mut msg = [0u8; 64];
    assert_eq!(
        error_message(b"upstream timed out", &mut msg),
        Ok("upstream timed out")
    );
}

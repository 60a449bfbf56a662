//! Provider response parsing: the documented Fonbnk, sFOX and Mygiro answers, field by field
//! against `provider_responses.json`, and bad bodies refused with their errors.

use core::time::Duration;

use sigmint_core::Error;
use sigmint_core::providers::fonbnk::{self, TokenKind};
use sigmint_core::providers::{error_message, mygiro, sfox};
use sigmint_core::time::{UnixMillis, UnixSeconds};

use crate::Buffers;
use crate::check::Report;
use crate::vectors::{
    FONBNK_USER_TOKENS, Field, MYGIRO_GENERATE_ACCESS_TOKEN, ProviderResponse, SFOX_USER_TOKEN,
};

/// The expected text of `name` (a missing one reads as a string no parser returns).
fn text(response: &ProviderResponse, name: &str) -> &'static str {
    response
        .expected
        .iter()
        .find_map(|(n, f)| match f {
            Field::Str(s) if *n == name => Some(*s),
            _ => None,
        })
        .unwrap_or("\u{0}missing")
}

/// The expected number `name` (a missing one reads as `i64::MIN`).
fn number(response: &ProviderResponse, name: &str) -> i64 {
    response
        .expected
        .iter()
        .find_map(|(n, f)| match f {
            Field::Int(i) if *n == name => Some(*i),
            _ => None,
        })
        .unwrap_or(i64::MIN)
}

pub fn run(r: &mut Report, bufs: &mut Buffers) {
    fonbnk_user_tokens(r, bufs);
    sfox_user_token(r);
    mygiro_access_token(r);
    bad_bodies(r, bufs);
}

fn fonbnk_user_tokens(r: &mut Report, bufs: &mut Buffers) {
    const CASE: &str = "fonbnk user tokens";
    let v = &FONBNK_USER_TOKENS;
    let parsed = r.stack("fonbnk::parse_user_tokens", || {
        fonbnk::parse_user_tokens(v.body.as_bytes(), &mut bufs.scratch)
    });
    let Some(tokens) = r.ok(parsed, CASE, "parse") else {
        return;
    };
    r.check(
        tokens.access_token == text(v, "accessToken"),
        CASE,
        "accessToken",
    );
    r.check(
        tokens.refresh_token == text(v, "refreshToken"),
        CASE,
        "refreshToken",
    );
    r.check(
        tokens.access.expires_at.0 == number(v, "access_exp"),
        CASE,
        "access exp",
    );
    r.check(
        tokens.refresh.expires_at.0 == number(v, "refresh_exp"),
        CASE,
        "refresh exp",
    );
    r.check(tokens.access.kind == TokenKind::Access, CASE, "access type");
    r.check(
        tokens.refresh.kind == TokenKind::Refresh,
        CASE,
        "refresh type",
    );
    // 15 minutes and 14 days, as the docs say.
    r.check(
        tokens.access.expires_at.0 - tokens.access.issued_at.0 == 15 * 60,
        CASE,
        "access lifetime",
    );
    r.check(
        tokens.refresh.expires_at.0 - tokens.refresh.issued_at.0 == 14 * 24 * 3600,
        CASE,
        "refresh lifetime",
    );
    let exp = tokens.access.expires_at.0;
    let minute = Duration::from_secs(60);
    r.check(
        !tokens.access.expired(UnixSeconds(exp - 1)) && tokens.access.expired(UnixSeconds(exp)),
        CASE,
        "expired",
    );
    r.check(
        tokens.access.needs_refresh(UnixSeconds(exp - 60), minute)
            && !tokens.access.needs_refresh(UnixSeconds(exp - 61), minute),
        CASE,
        "needs_refresh",
    );
}

fn sfox_user_token(r: &mut Report) {
    const CASE: &str = "sfox user token";
    let v = &SFOX_USER_TOKEN;
    let parsed = r.stack("sfox::parse_user_token", || {
        sfox::parse_user_token(v.body.as_bytes())
    });
    let Some(token) = r.ok(parsed, CASE, "parse") else {
        return;
    };
    r.check(token.token == text(v, "token"), CASE, "token");
    r.check(
        token.partner_user_id.str_eq(text(v, "partner_user_id")),
        CASE,
        "partner_user_id",
    );
    r.check(token.expires == text(v, "expires"), CASE, "expires");
    r.check(
        token.expires_at_ms.0 == number(v, "expires_unix_ms"),
        CASE,
        "expires in ms",
    );
    let at = token.expires_at_ms.0;
    r.check(
        token.needs_refresh(UnixMillis(at - 1000), Duration::from_secs(5))
            && !token.expired(UnixMillis(at - 1)),
        CASE,
        "lifecycle",
    );
}

fn mygiro_access_token(r: &mut Report) {
    const CASE: &str = "mygiro access token";
    let v = &MYGIRO_GENERATE_ACCESS_TOKEN;
    let parsed = r.stack("mygiro::parse_access_token", || {
        mygiro::parse_access_token(v.body.as_bytes())
    });
    let Some(token) = r.ok(parsed, CASE, "parse") else {
        return;
    };
    let is = |value: Option<sigmint_core::json::Value<'_>>, name| {
        value.is_some_and(|value| value.str_eq(text(v, name)))
    };
    r.check(token.token == text(v, "token"), CASE, "token");
    r.check(is(token.reset_token, "resetToken"), CASE, "resetToken");
    r.check(is(token.kind, "type"), CASE, "type");
    r.check(is(token.user, "user"), CASE, "user");
    r.check(is(token.id, "_id"), CASE, "_id");
    r.check(token.created_at == text(v, "createdAt"), CASE, "createdAt");
    r.check(
        token.created_at_ms.0 == number(v, "createdAt_unix_ms"),
        CASE,
        "createdAt in ms",
    );
}

fn bad_bodies(r: &mut Report, bufs: &mut Buffers) {
    const CASE: &str = "bad bodies";
    let body = FONBNK_USER_TOKENS.body.as_bytes();
    let truncated = body.get(..body.len() / 2).unwrap_or_default();
    r.err(
        fonbnk::parse_user_tokens(truncated, &mut bufs.scratch),
        Error::InvalidJson,
        CASE,
        "truncated",
    );
    for (body, error) in [
        (
            &br#"{"accessToken":1,"refreshToken":"x"}"#[..],
            Error::InvalidField {
                field: "accessToken",
            },
        ),
        (
            br#"{"accessToken":"a.b.c"}"#,
            Error::MissingField {
                field: "refreshToken",
            },
        ),
        (
            br#"{"accessToken":"x","refreshToken":"y"}"#,
            Error::MalformedToken,
        ),
        (br#"{"message":"Invalid signature"}"#, Error::ProviderError),
    ] {
        r.err(
            fonbnk::parse_user_tokens(body, &mut bufs.scratch),
            error,
            CASE,
            "fonbnk",
        );
    }
    for (body, error) in [
        (
            &br#"{"data":{"token":"t","partner_user_id":"p","expires":"2024-02-30T00:00:00Z"}}"#[..],
            Error::InvalidDate,
        ),
        (
            br#"{"data":{"token":"t","partner_user_id":"p"}}"#,
            Error::MissingField { field: "expires" },
        ),
        (br#"{"data":[]}"#, Error::InvalidField { field: "data" }),
        (b"<html>502</html>", Error::InvalidJson),
    ] {
        r.err(sfox::parse_user_token(body), error, CASE, "sfox");
    }
    r.err(
        mygiro::parse_access_token(br#"{"status":"error","message":"Bad tag"}"#),
        Error::ProviderError,
        CASE,
        "mygiro error status",
    );
    r.check(
        error_message(br#"{"status":"error","message":"Bad tag"}"#, &mut bufs.json)
            == Ok("Bad tag"),
        CASE,
        "provider's message",
    );
}

//! Minting: every valid vector re-minted byte for byte from its header and payload, the Fonbnk
//! pay-widget signature, typed claims round-tripped through decode and validation, the largest
//! documented payload re-signed with a known key and fully verified, and a short buffer left
//! untouched.

use sigmint_core::jws::{self, Limits};
use sigmint_core::jwt::{self, NewClaims, Validation};
use sigmint_core::providers::fonbnk;
use sigmint_core::time::UnixSeconds;
use sigmint_core::{Claim, Error, Key};

use crate::Buffers;
use crate::check::Report;
use crate::jwt::{NOW, scratch_for};
use crate::vectors::{JWT_FROM_DOCS, JWT_VALID, RFC7515_A1, matches};

pub fn run(r: &mut Report, bufs: &mut Buffers) {
    for case in JWT_VALID {
        if let Some(key) = r.ok(Key::new(case.key), case.name, "key") {
            remint(r, bufs, case.name, &key, case.token);
            widget(r, bufs, case.name, &key, case.token);
        }
    }
    if let Some(key) = r.ok(
        Key::from_base64(RFC7515_A1.key_b64url),
        "RFC 7515 A.1",
        "key",
    ) {
        remint(r, bufs, "RFC 7515 A.1", &key, RFC7515_A1.token);
    }
    typed_claims(r, bufs);
    largest_documented_payload(r, bufs);
}

/// Mints the token's own header and payload again: the result must be the token itself.
fn remint(r: &mut Report, bufs: &mut Buffers, name: &str, key: &Key, token: &str) {
    let Some(scratch) = scratch_for(r, name, token, &mut bufs.scratch) else {
        return;
    };
    let Some(unverified) = r.ok(
        jws::decode(token, scratch, &Limits::default()),
        name,
        "split",
    ) else {
        return;
    };
    let header = unverified.header().json().raw().as_bytes();
    let Some(payload) = r.ok(
        unverified.dangerous_decode_payload(&mut bufs.json),
        name,
        "payload",
    ) else {
        return;
    };
    let minted = r.stack("jwt::encode_json_with_header", || {
        jwt::encode_json_with_header(key, header, payload, &mut bufs.out)
    });
    r.check(minted == Ok(token), name, "re-minted byte for byte");
    r.check(
        jwt::encoded_len_with_header(header.len(), payload.len()) == token.len(),
        name,
        "encoded_len_with_header",
    );
    if header == jwt::HS256_HEADER {
        r.check(
            jwt::encode_json(key, payload, &mut bufs.out) == Ok(token),
            name,
            "re-minted with the default header",
        );
    }
}

/// A token whose only claim is `uid` is a pay-widget signature: mint it from the `uid`.
fn widget(r: &mut Report, bufs: &mut Buffers, name: &str, key: &Key, token: &str) {
    let Some(scratch) = scratch_for(r, name, token, &mut bufs.scratch) else {
        return;
    };
    let Ok((_, claims)) = jwt::dangerous_unverified(token, scratch, &Limits::default()) else {
        return;
    };
    let uid = match (claims.json().members().count(), claims.claim("uid")) {
        (1, Some(uid)) => uid.as_plain_str(),
        _ => None,
    };
    let Some(uid) = uid else {
        return;
    };
    let minted = r.stack("fonbnk::widget_signature", || {
        fonbnk::widget_signature(key, uid, None, &mut bufs.json, &mut bufs.out)
    });
    r.check(minted == Ok(token), name, "widget signature");
    r.err(
        fonbnk::widget_signature(key, uid, None, &mut bufs.json, &mut []),
        Error::BufferTooSmall {
            needed: token.len(),
        },
        name,
        "widget signature's length asked",
    );
    r.err(
        fonbnk::widget_signature(key, "", None, &mut bufs.json, &mut bufs.out),
        Error::MissingClaim {
            claim: Claim::Named("uid"),
        },
        name,
        "empty uid",
    );
}

fn typed_claims(r: &mut Report, bufs: &mut Buffers) {
    const CASE: &str = "typed claims";
    let Some(key) = r.ok(Key::new(b"terminal-signing-key-0123456789ab"), CASE, "key") else {
        return;
    };
    let claims = NewClaims {
        iss: Some("https://api.example.test"),
        sub: Some("terminal-42"),
        aud: &["pos", "mobile"],
        exp: Some(UnixSeconds(NOW + 900)),
        nbf: Some(UnixSeconds(NOW)),
        iat: Some(UnixSeconds(NOW)),
        jti: Some("caf\u{e9} \"quoted\"\n"),
        strings: &[("type", "access")],
        extra: Some(br#"{"userData":{"email":"testuser+ng@fonbnk.com","isDevUser":false}}"#),
    };
    let encoded = r.stack("jwt::encode", || {
        jwt::encode(&key, &claims, &mut bufs.json, &mut bufs.out)
    });
    let Some(token) = r.ok(encoded, CASE, "encode") else {
        return;
    };
    let asked = jwt::encode(&key, &claims, &mut [], &mut []);
    r.check(
        asked.err().and_then(Error::needed) == Some(token.len()),
        CASE,
        "token's length asked",
    );
    let validation = Validation {
        audience: Some(&["pos"]),
        issuer: Some(&["https://api.example.test"]),
        token_type: Some("access"),
        typ: Some("JWT"),
        required: &["exp", "iat", "sub"],
        ..Validation::new(UnixSeconds(NOW + 60))
    };
    let Some(scratch) = scratch_for(r, CASE, token, &mut bufs.scratch) else {
        return;
    };
    if let Some(verified) = r.ok(
        jwt::decode(token, scratch, &key, &validation),
        CASE,
        "decode",
    ) {
        let claims = verified.claims();
        r.check(
            claims
                .sub()
                .is_ok_and(|s| s.is_some_and(|s| s.str_eq("terminal-42"))),
            CASE,
            "sub",
        );
        r.check(
            claims
                .jti()
                .is_ok_and(|s| s.is_some_and(|s| s.str_eq("caf\u{e9} \"quoted\"\n"))),
            CASE,
            "escaped jti",
        );
        r.check(
            claims
                .aud()
                .is_ok_and(|a| a.is_some_and(|a| a.contains("mobile"))),
            CASE,
            "aud",
        );
        r.check(
            claims
                .get("userData.email")
                .is_some_and(|e| e.str_eq("testuser+ng@fonbnk.com")),
            CASE,
            "userData.email",
        );
    }
    let Some(scratch) = scratch_for(r, CASE, token, &mut bufs.scratch) else {
        return;
    };
    r.err(
        jwt::decode(
            token,
            scratch,
            &key,
            &Validation::new(UnixSeconds(NOW + 60)),
        ),
        Error::InvalidAudience,
        CASE,
        "no audience expected",
    );
    let late = Validation {
        audience: Some(&["pos"]),
        ..Validation::new(UnixSeconds(NOW + 900))
    };
    let Some(scratch) = scratch_for(r, CASE, token, &mut bufs.scratch) else {
        return;
    };
    r.err(
        jwt::decode(token, scratch, &key, &late),
        Error::Expired,
        CASE,
        "expired",
    );
    let dup = NewClaims {
        sub: Some("s"),
        extra: Some(br#"{"sub":"t"}"#),
        ..NewClaims::default()
    };
    r.err(
        jwt::encode(&key, &dup, &mut bufs.json, &mut bufs.out),
        Error::DuplicateKey,
        CASE,
        "claim given twice",
    );
    // One byte short: an error, and the buffer untouched.
    let need = jwt::encoded_len(2);
    let small = bufs.out.get_mut(..need - 1).unwrap_or_default();
    small.fill(7);
    r.err(
        jwt::encode_json(&key, b"{}", small),
        Error::BufferTooSmall { needed: need },
        CASE,
        "one byte short",
    );
    r.check(small.iter().all(|&b| b == 7), CASE, "buffer untouched");
}

/// The largest documented payload, re-signed with a known key and put through the whole
/// verified path: decode, verify, parse, validate (aud, iss, times) and read back. This is
/// the deepest call of the suite.
fn largest_documented_payload(r: &mut Report, bufs: &mut Buffers) {
    let Some(case) = JWT_FROM_DOCS.iter().max_by_key(|c| c.token.len()) else {
        return;
    };
    let Some(key) = r.ok(
        Key::new(b"fonbnk-test-signing-key-0123456789abcdef"),
        case.name,
        "key",
    ) else {
        return;
    };
    let Some(scratch) = scratch_for(r, case.name, case.token, &mut bufs.scratch) else {
        return;
    };
    let Some(unverified) = r.ok(
        jws::decode(case.token, scratch, &Limits::default()),
        case.name,
        "split",
    ) else {
        return;
    };
    let Some(payload) = r.ok(
        unverified.dangerous_decode_payload(&mut bufs.json),
        case.name,
        "payload",
    ) else {
        return;
    };
    let Some(token) = r.ok(
        jwt::encode_json(&key, payload, &mut bufs.out),
        case.name,
        "re-sign",
    ) else {
        return;
    };
    // Expect exactly what the token says, at a minute after it was issued.
    let Some(claims) = r.ok(
        jwt::Claims::parse(payload, &Limits::default()),
        case.name,
        "claims",
    ) else {
        return;
    };
    let string = |name| claims.claim(name).and_then(|v| v.as_plain_str());
    let (Some(aud), Some(iss), Ok(Some(iat))) = (string("aud"), string("iss"), claims.iat()) else {
        r.check(false, case.name, "aud, iss and iat");
        return;
    };
    let audience = [aud];
    let issuer = [iss];
    let validation = Validation {
        audience: Some(&audience),
        issuer: Some(&issuer),
        required: &["exp", "iat", "sub"],
        ..Validation::new(UnixSeconds(iat.0 + 60))
    };
    let Some(scratch) = scratch_for(r, case.name, token, &mut bufs.scratch) else {
        return;
    };
    let decoded = r.stack("jwt::decode (largest token)", || {
        jwt::decode(token, scratch, &key, &validation)
    });
    if let Some(verified) = r.ok(decoded, case.name, "verified decode") {
        r.check(
            matches(verified.claims().json(), case.claims),
            case.name,
            "claims after re-signing",
        );
    }
}

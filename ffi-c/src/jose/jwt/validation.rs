//! `sigmint_jwt_validation`: what `sigmint_jwt_verify` checks beyond the signature, as a plain
//! C struct whose all-zero value means PyJWT's defaults, turned into core's `Validation`.

use core::ptr;
use core::time::Duration;

use sigmint_core::json;
use sigmint_core::jws::{self, Limits};
use sigmint_core::jwt::{self, Validation};
use sigmint_core::time::UnixSeconds;

use crate::abi::args::required;
use crate::abi::strs::{sigmint_str, text, texts};
use crate::result::sigmint_result;

/// The most entries each list of a `sigmint_jwt_validation` (required claims, audiences,
/// issuers) may hold; a longer one is `SIGMINT_RESULT_LIST_TOO_LONG`.
pub const SIGMINT_JWT_MAX_LIST_LEN: usize = 16;

const _: () = assert!(SIGMINT_JWT_MAX_LIST_LEN == jwt::MAX_LIST_LEN);

/// The token size limit used when `max_token_len` is 0: 16 KiB.
pub const SIGMINT_JWS_DEFAULT_MAX_TOKEN_LEN: usize = 16 * 1024;

/// The JSON nesting limit used when `max_depth` is 0.
pub const SIGMINT_JSON_DEFAULT_MAX_DEPTH: usize = 32;

/// The deepest JSON nesting accepted whatever `max_depth` asks for.
pub const SIGMINT_JSON_MAX_DEPTH: usize = 64;

const _: () = assert!(SIGMINT_JWS_DEFAULT_MAX_TOKEN_LEN == jws::DEFAULT_MAX_TOKEN_LEN);
const _: () = assert!(SIGMINT_JSON_DEFAULT_MAX_DEPTH == json::DEFAULT_MAX_DEPTH);
const _: () = assert!(SIGMINT_JSON_MAX_DEPTH == json::MAX_DEPTH);

/// `sigmint_jwt_validation.skip`: do not refuse a token whose `exp` has passed.
pub const SIGMINT_JWT_SKIP_EXP: u32 = 1 << 0;
/// `sigmint_jwt_validation.skip`: do not refuse a token whose `nbf` is in the future.
pub const SIGMINT_JWT_SKIP_NBF: u32 = 1 << 1;
/// `sigmint_jwt_validation.skip`: do not refuse a token whose `iat` is in the future.
pub const SIGMINT_JWT_SKIP_IAT: u32 = 1 << 2;
/// `sigmint_jwt_validation.skip`: do not check `aud` at all.
pub const SIGMINT_JWT_SKIP_AUD: u32 = 1 << 3;
/// `sigmint_jwt_validation.skip`: do not check `iss` against `issuers`.
pub const SIGMINT_JWT_SKIP_ISS: u32 = 1 << 4;
/// `sigmint_jwt_validation.skip`: do not check `sub` against `subject`.
pub const SIGMINT_JWT_SKIP_SUB: u32 = 1 << 5;

/// What `sigmint_jwt_verify` checks beyond the signature (HS256 only, always).
///
/// Zero every field (`sigmint_jwt_validation v = {0};`), set `now`, and you have PyJWT's
/// defaults: `exp`, `nbf` and `iat` checked with no leeway, a token with an `aud` refused
/// (no audience is expected), `iss` and `sub` not checked, nothing required, 16 KiB and 32
/// levels of nesting at most. New fields are added at the end, where zero keeps the old
/// behaviour. The registered claims (`exp`, `nbf`, `iat`, `iss`, `sub`, `jti`, `aud`)
/// are always type-checked when present, skipped or not: an `exp` that is a string, a float
/// or negative is `SIGMINT_RESULT_INVALID_CLAIM_TYPE`, one beyond 64 bits
/// `SIGMINT_RESULT_INTEGER_OVERFLOW`.
///
/// Every `sigmint_str` and list pointer may be NULL only with a length of 0; the texts must be
/// UTF-8. Each list holds at most `SIGMINT_JWT_MAX_LIST_LEN` entries.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sigmint_jwt_validation {
    /// The current time, Unix seconds, from the caller's clock (sigmint reads none).
    pub now: i64,
    /// Seconds of clock skew tolerated for `exp`, `nbf` and `iat`.
    pub leeway: u64,
    /// `SIGMINT_JWT_SKIP_*` bits: the checks not to make. Other bits are reserved: set them to
    /// 0.
    pub skip: u32,
    /// Claims that must be present and not `null` (`SIGMINT_RESULT_MISSING_CLAIM`).
    pub required: *const sigmint_str,
    /// The number of entries in `required`.
    pub required_len: usize,
    /// Accepted audiences: the token's `aud` (a string or an array of strings) must contain
    /// one of them (`SIGMINT_RESULT_INVALID_AUDIENCE`; no `aud` at all is
    /// `SIGMINT_RESULT_MISSING_CLAIM`). None (length 0): a token that has an `aud` is refused.
    pub audiences: *const sigmint_str,
    /// The number of entries in `audiences`.
    pub audiences_len: usize,
    /// Accepted issuers: `iss` must equal one of them exactly, never as a substring
    /// (`SIGMINT_RESULT_INVALID_ISSUER`; no `iss` is `SIGMINT_RESULT_MISSING_CLAIM`). None
    /// (length 0): `iss` is not checked.
    pub issuers: *const sigmint_str,
    /// The number of entries in `issuers`.
    pub issuers_len: usize,
    /// The header `typ` expected, compared without regard to ASCII case, such as `"JWT"`;
    /// empty: not checked (`SIGMINT_RESULT_WRONG_TOKEN_TYPE`).
    pub typ: sigmint_str,
    /// The `type` claim expected, such as Fonbnk's `"access"` or `"refresh"`; empty: not
    /// checked (`SIGMINT_RESULT_WRONG_TOKEN_TYPE`).
    pub token_type: sigmint_str,
    /// The longest token accepted, in bytes (`SIGMINT_RESULT_TOKEN_TOO_LARGE`); 0:
    /// `SIGMINT_JWS_DEFAULT_MAX_TOKEN_LEN`.
    pub max_token_len: usize,
    /// The deepest JSON nesting accepted (`SIGMINT_RESULT_JSON_TOO_DEEP`); 0:
    /// `SIGMINT_JSON_DEFAULT_MAX_DEPTH`; at most `SIGMINT_JSON_MAX_DEPTH` applies.
    pub max_depth: usize,
    /// The subject expected: a token with a `sub` must have exactly this one
    /// (`SIGMINT_RESULT_INVALID_SUBJECT`; a token without one is not refused for it: add
    /// `"sub"` to `required` for that). Empty: not checked.
    pub subject: sigmint_str,
    /// Nonzero: PyJWT's `strict_aud`: `audiences` must hold exactly one entry, and the token's
    /// `aud` must be that string (an array, even of it alone, is
    /// `SIGMINT_RESULT_INVALID_AUDIENCE`).
    pub strict_audience: u8,
}

/// Room for each list's texts, so that nothing allocates: one more than core accepts, so that
/// core sees a list that is too long (and refuses it) without this copy holding all of it.
const ROOM: usize = jwt::MAX_LIST_LEN + 1;

/// Room for the texts of a validation's lists.
pub(crate) struct Lists<'a> {
    required: [&'a str; ROOM],
    audiences: [&'a str; ROOM],
    issuers: [&'a str; ROOM],
}

impl Lists<'_> {
    pub(crate) fn new() -> Self {
        Lists {
            required: [""; ROOM],
            audiences: [""; ROOM],
            issuers: [""; ROOM],
        }
    }
}

/// Core's `Validation` for the C struct at `v`, with its lists' texts kept in `lists`.
///
/// # Safety
/// Unless NULL, `v` must point to a readable `sigmint_jwt_validation` whose lists and texts
/// are readable for their lengths during `'a`; none of it may be written during `'a`.
pub(crate) unsafe fn to_core<'r, 'a: 'r>(
    v: *const sigmint_jwt_validation,
    lists: &'r mut Lists<'a>,
) -> Result<Validation<'r>, sigmint_result> {
    let v = required(v.cast_mut())?;
    // SAFETY: not NULL, and readable by the caller's guarantee; every field is an integer or
    // a raw pointer (no `bool`: C may hand any byte), for which any bit pattern is valid.
    let v = unsafe { ptr::read(v.as_ptr()) };
    // SAFETY: the caller guarantees every list and text is readable for its length.
    let (required, audiences, issuers, typ, token_type, subject) = unsafe {
        (
            texts(v.required, v.required_len, &mut lists.required)?,
            texts(v.audiences, v.audiences_len, &mut lists.audiences)?,
            texts(v.issuers, v.issuers_len, &mut lists.issuers)?,
            text(v.typ)?,
            text(v.token_type)?,
            text(v.subject)?,
        )
    };
    let check = |flag: u32| v.skip & flag == 0;
    // C has no optional values: an empty list or text is one not given.
    let given = |text: &'a str| (!text.is_empty()).then_some(text);
    Ok(Validation {
        leeway: Duration::from_secs(v.leeway),
        verify_exp: check(SIGMINT_JWT_SKIP_EXP),
        verify_nbf: check(SIGMINT_JWT_SKIP_NBF),
        verify_iat: check(SIGMINT_JWT_SKIP_IAT),
        verify_aud: check(SIGMINT_JWT_SKIP_AUD),
        verify_iss: check(SIGMINT_JWT_SKIP_ISS),
        verify_sub: check(SIGMINT_JWT_SKIP_SUB),
        required,
        audience: (!audiences.is_empty()).then_some(audiences),
        strict_audience: v.strict_audience != 0,
        issuer: (!issuers.is_empty()).then_some(issuers),
        subject: given(subject),
        typ: given(typ),
        token_type: given(token_type),
        limits: Limits::or_defaults(v.max_token_len, v.max_depth),
        ..Validation::new(UnixSeconds(v.now))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::result::SIGMINT_RESULT_NULL_PARAMETER;

    fn zeroed() -> sigmint_jwt_validation {
        // SAFETY: integers and raw pointers: all zeros is a valid value (NULL pointers).
        unsafe { core::mem::zeroed() }
    }

    fn s(text: &str) -> sigmint_str {
        sigmint_str {
            ptr: text.as_ptr().cast(),
            len: text.len(),
        }
    }

    #[test]
    fn all_zeros_is_pyjwt_defaults() {
        let v = sigmint_jwt_validation { now: 7, ..zeroed() };
        let mut lists = Lists::new();
        // SAFETY: `v` is a valid struct whose lists are NULL with length 0.
        let got = unsafe { to_core(&v, &mut lists) }.unwrap();
        let want = Validation::new(UnixSeconds(7));
        assert_eq!(
            (got.now, got.leeway, got.limits, got.algorithms),
            (want.now, want.leeway, want.limits, want.algorithms)
        );
        assert!(got.verify_exp && got.verify_nbf && got.verify_iat);
        assert!(got.verify_aud && got.verify_iss);
        assert!(got.required.is_empty() && got.audience.is_none() && got.issuer.is_none());
        assert!(got.typ.is_none() && got.token_type.is_none() && got.subject.is_none());
        assert!(got.verify_sub && !got.strict_audience);
    }

    #[test]
    fn fields_are_carried_over() {
        let required = [s("exp"), s("uid")];
        let audiences = [s("pos")];
        let issuers = [s("a"), s("b")];
        let v = sigmint_jwt_validation {
            now: -1,
            leeway: 30,
            skip: SIGMINT_JWT_SKIP_EXP | SIGMINT_JWT_SKIP_ISS,
            required: required.as_ptr(),
            required_len: 2,
            audiences: audiences.as_ptr(),
            audiences_len: 1,
            issuers: issuers.as_ptr(),
            issuers_len: 2,
            typ: s("JWT"),
            token_type: s("access"),
            max_token_len: 100,
            max_depth: 3,
            subject: s("user-1"),
            strict_audience: 2,
        };
        let mut lists = Lists::new();
        // SAFETY: every pointer in `v` is valid for its length.
        let got = unsafe { to_core(&v, &mut lists) }.unwrap();
        assert_eq!(
            (got.now, got.leeway),
            (UnixSeconds(-1), Duration::from_secs(30))
        );
        assert!(!got.verify_exp && got.verify_nbf && got.verify_iat);
        assert!(got.verify_aud && !got.verify_iss);
        assert_eq!(got.required, ["exp", "uid"]);
        assert_eq!(got.audience, Some(&["pos"][..]));
        assert_eq!(got.issuer, Some(&["a", "b"][..]));
        assert_eq!((got.typ, got.token_type), (Some("JWT"), Some("access")));
        assert_eq!((got.subject, got.strict_audience), (Some("user-1"), true));
        assert_eq!(
            got.limits,
            Limits {
                max_token_len: 100,
                max_depth: 3
            }
        );
    }

    #[test]
    fn bad_structs_are_refused() {
        let mut lists = Lists::new();
        // SAFETY: NULL is what is being tested.
        let got = unsafe { to_core(ptr::null(), &mut lists) };
        assert_eq!(got.err(), Some(SIGMINT_RESULT_NULL_PARAMETER));
        let many = [s("x"); SIGMINT_JWT_MAX_LIST_LEN + 1];
        let v = sigmint_jwt_validation {
            audiences: many.as_ptr(),
            audiences_len: many.len(),
            ..zeroed()
        };
        // SAFETY: every pointer in `v` is valid for its length.
        let got = unsafe { to_core(&v, &mut lists) }.unwrap();
        // Core sees one entry too many, and refuses the list when it validates.
        assert_eq!(
            got.audience.map(<[&str]>::len),
            Some(SIGMINT_JWT_MAX_LIST_LEN + 1)
        );
        let v = sigmint_jwt_validation {
            required_len: 1,
            ..zeroed()
        };
        // SAFETY: a NULL list with a length is what is being tested; it is not read.
        let got = unsafe { to_core(&v, &mut lists) };
        assert_eq!(got.err(), Some(SIGMINT_RESULT_NULL_PARAMETER));
    }
}

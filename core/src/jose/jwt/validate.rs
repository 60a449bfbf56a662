//! What a decode checks beyond the signature, and the checks themselves.

use super::claims::{Claims, aud_claim, missing, mistyped, string_claim, time_claim};
use core::time::Duration;

use crate::json::{self, Kind};
use crate::jws::{self, Algorithm, Limits};
use crate::time::UnixSeconds;
use crate::{Claim, Error};

/// The most entries each list of a [`Validation`] may hold (required claims, audiences,
/// issuers): a longer one is [`Error::ListTooLong`]. Tokens carry a handful of claims; the
/// limit keeps every check's cost, and a binding's copy of the lists, bounded.
pub const MAX_LIST_LEN: usize = 16;

/// What [`decode`](super::decode) checks beyond the signature. Start from [`Validation::new`].
#[derive(Clone, Copy, Debug)]
pub struct Validation<'v> {
    /// The current time, from the caller's clock (core reads none).
    pub now: UnixSeconds,
    /// Clock skew tolerated for `exp`, `nbf` and `iat` (whole seconds count).
    pub leeway: Duration,
    /// Refuse a token whose `exp` has passed.
    pub verify_exp: bool,
    /// Refuse a token whose `nbf` is in the future.
    pub verify_nbf: bool,
    /// Refuse a token whose `iat` is in the future.
    pub verify_iat: bool,
    /// Check `aud`: with `audience` `None`, a token that has an `aud` is refused.
    pub verify_aud: bool,
    /// Check `iss` against `issuer`.
    pub verify_iss: bool,
    /// Check `sub` against `subject`.
    pub verify_sub: bool,
    /// Claims that must be present (and not `null`).
    pub required: &'v [&'v str],
    /// Accepted audiences: the token's `aud` must contain at least one.
    pub audience: Option<&'v [&'v str]>,
    /// Accepted audiences only as PyJWT's `strict_aud` has them: `audience` holds exactly one
    /// entry and the token's `aud` is that string (an array is refused).
    pub strict_audience: bool,
    /// Accepted issuers: `iss` must equal one exactly (never a substring match).
    pub issuer: Option<&'v [&'v str]>,
    /// The expected subject: a token with a `sub` must have exactly this one (a token without
    /// a `sub` is not refused for it; require `"sub"` for that).
    pub subject: Option<&'v str>,
    /// Expected header `typ` (case-insensitive), such as `"JWT"`.
    pub typ: Option<&'v str>,
    /// Expected `type` claim, such as Fonbnk's `"access"` or `"refresh"`.
    pub token_type: Option<&'v str>,
    /// Algorithms accepted (HS256 by default).
    pub algorithms: &'v [Algorithm],
    /// Size and nesting limits.
    pub limits: Limits,
}

impl Validation<'static> {
    /// PyJWT's defaults at `now` (Unix seconds): signature, `exp`, `nbf`, `iat`, `aud` and
    /// `iss` checked, no leeway, HS256 only, nothing required, no audience or issuer expected.
    #[must_use]
    pub const fn new(now: UnixSeconds) -> Self {
        Validation {
            now,
            leeway: Duration::ZERO,
            verify_exp: true,
            verify_nbf: true,
            verify_iat: true,
            verify_aud: true,
            verify_iss: true,
            verify_sub: true,
            required: &[],
            audience: None,
            strict_audience: false,
            issuer: None,
            subject: None,
            typ: None,
            token_type: None,
            algorithms: &[Algorithm::Hs256],
            limits: Limits {
                max_token_len: jws::DEFAULT_MAX_TOKEN_LEN,
                max_depth: json::DEFAULT_MAX_DEPTH,
            },
        }
    }
}

impl<'a> Claims<'a> {
    /// Checks these claims (and `header`'s `typ`) as `validation` asks.
    ///
    /// # Errors
    /// The first failing check's error, in this order: a list of `validation` over
    /// [`MAX_LIST_LEN`] ([`Error::ListTooLong`]), required claims ([`Error::MissingClaim`]
    /// naming the entry of `required`), types of registered claims
    /// ([`Error::InvalidClaimType`] naming the claim, [`Error::IntegerOverflow`]), then
    /// PyJWT's order: [`Error::IssuedInFuture`], [`Error::NotYetValid`], [`Error::Expired`],
    /// [`Error::InvalidIssuer`], [`Error::InvalidAudience`] (an empty `aud` counts as
    /// absent), [`Error::InvalidSubject`]; last [`Error::WrongTokenType`].
    pub fn validate(
        &self,
        header: &jws::Header<'_>,
        validation: &Validation<'_>,
    ) -> Result<(), Error> {
        self.validate_noted(header, validation, 0)
    }

    /// [`Claims::validate`], where bit `i` of `present` says that `validation.required[i]` is
    /// already known to be present and not null (see [`Claims::parse_noting`]).
    pub(super) fn validate_noted(
        &self,
        header: &jws::Header<'_>,
        validation: &Validation<'_>,
        present: u64,
    ) -> Result<(), Error> {
        let lists = [
            validation.required.len(),
            validation.audience.map_or(0, <[&str]>::len),
            validation.issuer.map_or(0, <[&str]>::len),
        ];
        if lists.iter().any(|&len| len > MAX_LIST_LEN) {
            return Err(Error::ListTooLong {
                limit: MAX_LIST_LEN,
            });
        }
        for (i, name) in validation.required.iter().enumerate() {
            let noted = i < 64 && present & (1 << i) != 0;
            if !noted && self.claim(name).is_none_or(|v| v.kind() == Kind::Null) {
                return Err(Error::MissingClaim {
                    claim: Claim::Required(i),
                });
            }
        }
        // Every registered claim is type-checked whether or not its check is enabled: a
        // malformed one is an error, never silently skipped.
        let found = self.registered;
        let (exp, nbf, iat) = (
            time_claim(found.exp, "exp")?,
            time_claim(found.nbf, "nbf")?,
            time_claim(found.iat, "iat")?,
        );
        let (aud, iss) = (aud_claim(found.aud)?, string_claim(found.iss, "iss")?);
        let sub = string_claim(found.sub, "sub")?;
        string_claim(found.jti, "jti")?;

        let now = i128::from(validation.now.0);
        let leeway = i128::from(validation.leeway.as_secs());
        // PyJWT's order, so the first failure reported is the one a PyJWT user expects.
        if validation.verify_iat
            && iat.is_some_and(|iat| i128::from(iat.0) > now.saturating_add(leeway))
        {
            return Err(Error::IssuedInFuture);
        }
        if validation.verify_nbf
            && nbf.is_some_and(|nbf| i128::from(nbf.0) > now.saturating_add(leeway))
        {
            return Err(Error::NotYetValid);
        }
        if validation.verify_exp
            && exp.is_some_and(|exp| i128::from(exp.0) <= now.saturating_sub(leeway))
        {
            return Err(Error::Expired);
        }
        if validation.verify_iss
            && let Some(expected) = validation.issuer
        {
            let iss = iss.ok_or(missing("iss"))?;
            if !expected.iter().any(|e| iss.str_eq(e)) {
                return Err(Error::InvalidIssuer);
            }
        }
        if validation.verify_aud {
            // An empty `aud` ("" or []) counts as absent, as in PyJWT.
            let aud = aud.filter(|aud| !aud.is_empty());
            match (validation.audience, aud) {
                (None, Some(_)) => return Err(Error::InvalidAudience),
                (Some(_), None) => return Err(missing("aud")),
                // Strict (PyJWT's `strict_aud`): one audience expected, and `aud` that string.
                (Some(expected), Some(aud)) if validation.strict_audience => match expected {
                    [one] if aud.is_string() && aud.contains(one) => {}
                    _ => return Err(Error::InvalidAudience),
                },
                (Some(expected), Some(aud)) if !expected.iter().any(|e| aud.contains(e)) => {
                    return Err(Error::InvalidAudience);
                }
                _ => {}
            }
        }
        // PyJWT's rule: a `sub` that is there must be the expected one; none is not checked.
        if validation.verify_sub
            && let (Some(expected), Some(sub)) = (validation.subject, sub)
            && !sub.str_eq(expected)
        {
            return Err(Error::InvalidSubject);
        }
        if let Some(typ) = validation.typ {
            // Media types compare without regard to case (RFC 7515 §4.1.9).
            let matches = header.typ().and_then(|t| t.chars()).is_some_and(|chars| {
                chars
                    .map(|c| c.to_ascii_lowercase())
                    .eq(typ.chars().map(|c| c.to_ascii_lowercase()))
            });
            if !matches {
                return Err(Error::WrongTokenType);
            }
        }
        if let Some(token_type) = validation.token_type {
            match found.token_type {
                Some(t) if t.str_eq(token_type) => {}
                Some(t) if t.kind() != Kind::String => return Err(mistyped("type")),
                _ => return Err(Error::WrongTokenType),
            }
        }
        Ok(())
    }
}

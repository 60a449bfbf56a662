//! HS256 JWTs: claims read in place, validated against a caller's clock, minted into buffers.
//!
//! ```
//! use sigmint_core::{Key, jwt};
//!
//! let key = Key::new(b"a secret of reasonable length!!")?;
//! let claims = jwt::NewClaims { sub: Some("user-1"), exp: Some(1_700_000_900), ..Default::default() };
//! let mut json = [0u8; 128];
//! let mut token = [0u8; 256];
//! let token = jwt::encode(&key, &claims, &mut json, &mut token)?;
//!
//! let mut scratch = [0u8; 256];
//! let validation = jwt::Validation::new(1_700_000_000); // "now", in Unix seconds
//! let verified = jwt::decode(token, &mut scratch, &key, &validation)?;
//! assert!(verified.claims().sub()?.unwrap().str_eq("user-1"));
//! # Ok::<(), sigmint_core::Error>(())
//! ```

use crate::encode::Decimal;
use crate::json::writer::{self, ObjectWriter};
use crate::json::{self, Kind, Value};
use crate::jws::{self, Algorithm, Limits};
use crate::sink::{Sink, SliceWriter};
use crate::{Error, Key};

/// The claims of a token: registered ones typed, any other by dotted path.
#[derive(Clone, Copy, Debug)]
pub struct Claims<'a> {
    json: Value<'a>,
    registered: Registered<'a>,
}

/// `aud`: one string or an array of strings.
#[derive(Clone, Copy, Debug)]
pub struct Audience<'a> {
    value: Value<'a>,
}

impl<'a> Audience<'a> {
    /// Each audience, as JSON string values.
    pub fn iter(&self) -> impl Iterator<Item = Value<'a>> + 'a {
        let single = (self.value.kind() == Kind::String).then_some(self.value);
        single.into_iter().chain(self.value.elements())
    }

    /// Whether there is none: `""` or `[]`.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.value.str_eq("")
            || (self.value.kind() == Kind::Array && self.value.elements().next().is_none())
    }

    /// Whether `name` is one of them.
    #[must_use]
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|a| a.str_eq(name))
    }
}

/// A claim that must be a string when present; JSON `null` counts as absent.
fn string_claim(value: Option<Value<'_>>) -> Result<Option<Value<'_>>, Error> {
    match value {
        Some(v) if v.kind() == Kind::String => Ok(Some(v)),
        Some(v) if v.kind() != Kind::Null => Err(Error::InvalidClaimType),
        _ => Ok(None),
    }
}

/// A NumericDate claim: an integer number of seconds, not negative.
fn time_claim(value: Option<Value<'_>>) -> Result<Option<i64>, Error> {
    match value {
        Some(v) if v.kind() != Kind::Null => match v.as_i64()? {
            t if t < 0 => Err(Error::InvalidClaimType),
            t => Ok(Some(t)),
        },
        _ => Ok(None),
    }
}

/// `aud`: a string or an array of strings.
fn aud_claim(value: Option<Value<'_>>) -> Result<Option<Audience<'_>>, Error> {
    match value {
        Some(v) if v.kind() == Kind::Null => Ok(None),
        Some(v) if v.kind() == Kind::String => Ok(Some(Audience { value: v })),
        Some(v) if v.kind() == Kind::Array && v.elements().all(|e| e.kind() == Kind::String) => {
            Ok(Some(Audience { value: v }))
        }
        Some(_) => Err(Error::InvalidClaimType),
        None => Ok(None),
    }
}

/// The registered claims (and Fonbnk's `type`), found in one pass over the claims object.
/// The registered claims (and `type`), found while the payload is validated so that reading
/// them costs no rescan of the text.
#[derive(Clone, Copy, Debug, Default)]
struct Registered<'a> {
    exp: Option<Value<'a>>,
    nbf: Option<Value<'a>>,
    iat: Option<Value<'a>>,
    aud: Option<Value<'a>>,
    iss: Option<Value<'a>>,
    sub: Option<Value<'a>>,
    jti: Option<Value<'a>>,
    token_type: Option<Value<'a>>,
}

impl<'a> Registered<'a> {
    /// The slot for the claim `name`, or `None` when it is not one of these.
    fn slot(&mut self, name: &str) -> Option<&mut Option<Value<'a>>> {
        Some(match name {
            "exp" => &mut self.exp,
            "nbf" => &mut self.nbf,
            "iat" => &mut self.iat,
            "aud" => &mut self.aud,
            "iss" => &mut self.iss,
            "sub" => &mut self.sub,
            "jti" => &mut self.jti,
            "type" => &mut self.token_type,
            _ => return None,
        })
    }

    /// Keeps the member's value when its key names one of these claims.
    fn record(&mut self, member: &json::Reported<'a>) {
        // Unescaped (`"\u0065xp"` still names the claim) into room for the longest name: a
        // key that does not fit is none of them.
        let mut name = [0u8; 4];
        if let Some(slot) = member.key_text(&mut name).and_then(|name| self.slot(name)) {
            *slot = Some(member.value);
        }
    }

    /// `Some(claim)` when `name` is one of these (the claim itself may be absent).
    fn get(mut self, name: &str) -> Option<Option<Value<'a>>> {
        self.slot(name).map(|slot| *slot)
    }
}

impl<'a> Claims<'a> {
    /// Parses a claims set: a JSON object within `limits`.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] (including a payload that is not an object), [`Error::InvalidUtf8`],
    /// [`Error::JsonTooDeep`], [`Error::DuplicateKey`].
    pub fn parse(payload: &'a [u8], limits: &Limits) -> Result<Claims<'a>, Error> {
        Self::parse_noting(payload, limits, &[]).map(|(claims, _)| claims)
    }

    /// [`Claims::parse`], also noting which of the first 64 `names` are present and not null
    /// (bit `i` for `names[i]`), so that required claims need no lookup afterwards.
    fn parse_noting(
        payload: &'a [u8],
        limits: &Limits,
        names: &[&str],
    ) -> Result<(Claims<'a>, u64), Error> {
        let mut registered = Registered::default();
        let mut present = 0u64;
        let json = json::validate_reporting(payload, limits.max_depth, &mut |member| {
            if member.value.kind() != Kind::Null {
                for (i, name) in names.iter().enumerate().take(64) {
                    if member.key_is(name) {
                        present |= 1 << i;
                    }
                }
            }
            registered.record(&member);
        })?;
        if json.kind() != Kind::Object {
            return Err(Error::InvalidJson);
        }
        Ok((Claims { json, registered }, present))
    }

    /// The whole claims object.
    #[must_use]
    pub fn json(&self) -> Value<'a> {
        self.json
    }

    /// A top-level claim by its exact name (which may itself hold dots, such as
    /// `http://example.com/is_root`); `None` when absent.
    #[must_use]
    pub fn claim(&self, name: &str) -> Option<Value<'a>> {
        self.registered
            .get(name)
            .unwrap_or_else(|| self.json.get(name))
    }

    /// Any claim by dotted path (`userData.email`); `None` when absent.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<Value<'a>> {
        let (name, rest) = jws::split_dot(path);
        match (self.registered.get(name), rest) {
            (Some(claim), None) => claim,
            (Some(claim), Some(rest)) => claim?.path(rest),
            // Descends without reading any enclosing object to its end.
            (None, _) => self.json.path(path),
        }
    }

    /// A claim that must be a string when present; JSON `null` counts as absent.
    fn string(&self, name: &str) -> Result<Option<Value<'a>>, Error> {
        string_claim(self.claim(name))
    }

    /// A NumericDate claim: an integer number of seconds, not negative.
    fn time(&self, name: &str) -> Result<Option<i64>, Error> {
        time_claim(self.claim(name))
    }

    /// `iss`, a string.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] when present but not a string.
    pub fn iss(&self) -> Result<Option<Value<'a>>, Error> {
        self.string("iss")
    }

    /// `sub`, a string.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] when present but not a string.
    pub fn sub(&self) -> Result<Option<Value<'a>>, Error> {
        self.string("sub")
    }

    /// `jti`, a string.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] when present but not a string.
    pub fn jti(&self) -> Result<Option<Value<'a>>, Error> {
        self.string("jti")
    }

    /// `aud`, a string or an array of strings.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] for any other shape.
    pub fn aud(&self) -> Result<Option<Audience<'a>>, Error> {
        aud_claim(self.registered.aud)
    }

    /// `exp`, seconds since the epoch.
    ///
    /// # Errors
    /// [`Error::InvalidClaimType`] for a string, a float, a negative number or another type;
    /// [`Error::IntegerOverflow`] beyond `i64`.
    pub fn exp(&self) -> Result<Option<i64>, Error> {
        self.time("exp")
    }

    /// `nbf`, seconds since the epoch; errors as [`Claims::exp`].
    ///
    /// # Errors
    /// As [`Claims::exp`].
    pub fn nbf(&self) -> Result<Option<i64>, Error> {
        self.time("nbf")
    }

    /// `iat`, seconds since the epoch; errors as [`Claims::exp`].
    ///
    /// # Errors
    /// As [`Claims::exp`].
    pub fn iat(&self) -> Result<Option<i64>, Error> {
        self.time("iat")
    }

    /// Checks these claims (and `header`'s `typ`) as `validation` asks.
    ///
    /// # Errors
    /// The first failing check's error, in this order: required claims
    /// ([`Error::MissingClaim`]), types of registered claims ([`Error::InvalidClaimType`],
    /// [`Error::IntegerOverflow`]), then PyJWT's order: [`Error::IssuedInFuture`],
    /// [`Error::NotYetValid`], [`Error::Expired`], [`Error::InvalidIssuer`],
    /// [`Error::InvalidAudience`] (an empty `aud` counts as absent); last
    /// [`Error::WrongTokenType`].
    pub fn validate(
        &self,
        header: &jws::Header<'_>,
        validation: &Validation<'_>,
    ) -> Result<(), Error> {
        self.validate_noted(header, validation, 0)
    }

    /// [`Claims::validate`], where bit `i` of `present` says that `validation.required[i]` is
    /// already known to be present and not null (see [`Claims::parse_noting`]).
    fn validate_noted(
        &self,
        header: &jws::Header<'_>,
        validation: &Validation<'_>,
        present: u64,
    ) -> Result<(), Error> {
        for (i, name) in validation.required.iter().enumerate() {
            let noted = i < 64 && present & (1 << i) != 0;
            if !noted && self.claim(name).is_none_or(|v| v.kind() == Kind::Null) {
                return Err(Error::MissingClaim);
            }
        }
        // Every registered claim is type-checked whether or not its check is enabled: a
        // malformed one is an error, never silently skipped.
        let found = self.registered;
        let (exp, nbf, iat) = (
            time_claim(found.exp)?,
            time_claim(found.nbf)?,
            time_claim(found.iat)?,
        );
        let (aud, iss) = (aud_claim(found.aud)?, string_claim(found.iss)?);
        string_claim(found.sub)?;
        string_claim(found.jti)?;

        let now = i128::from(validation.now);
        let leeway = i128::from(validation.leeway);
        // PyJWT's order, so the first failure reported is the one a PyJWT user expects.
        if validation.verify_iat && iat.is_some_and(|iat| i128::from(iat) > now + leeway) {
            return Err(Error::IssuedInFuture);
        }
        if validation.verify_nbf && nbf.is_some_and(|nbf| i128::from(nbf) > now + leeway) {
            return Err(Error::NotYetValid);
        }
        if validation.verify_exp && exp.is_some_and(|exp| i128::from(exp) <= now - leeway) {
            return Err(Error::Expired);
        }
        if validation.verify_iss
            && let Some(expected) = validation.issuer
        {
            let iss = iss.ok_or(Error::MissingClaim)?;
            if !expected.iter().any(|e| iss.str_eq(e)) {
                return Err(Error::InvalidIssuer);
            }
        }
        if validation.verify_aud {
            // An empty `aud` ("" or []) counts as absent, as in PyJWT.
            let aud = aud.filter(|aud| !aud.is_empty());
            match (validation.audience, aud) {
                (None, Some(_)) => return Err(Error::InvalidAudience),
                (Some(_), None) => return Err(Error::MissingClaim),
                (Some(expected), Some(aud)) if !expected.iter().any(|e| aud.contains(e)) => {
                    return Err(Error::InvalidAudience);
                }
                _ => {}
            }
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
                Some(t) if t.kind() != Kind::String => return Err(Error::InvalidClaimType),
                _ => return Err(Error::WrongTokenType),
            }
        }
        Ok(())
    }
}

/// What [`decode`] checks beyond the signature. Start from [`Validation::new`].
#[derive(Clone, Copy, Debug)]
pub struct Validation<'v> {
    /// The current time, Unix seconds, from the caller's clock (core reads none).
    pub now: i64,
    /// Seconds of clock skew tolerated for `exp`, `nbf` and `iat`.
    pub leeway: u64,
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
    /// Claims that must be present (and not `null`).
    pub required: &'v [&'v str],
    /// Accepted audiences: the token's `aud` must contain at least one.
    pub audience: Option<&'v [&'v str]>,
    /// Accepted issuers: `iss` must equal one exactly (never a substring match).
    pub issuer: Option<&'v [&'v str]>,
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
    pub const fn new(now: i64) -> Self {
        Validation {
            now,
            leeway: 0,
            verify_exp: true,
            verify_nbf: true,
            verify_iat: true,
            verify_aud: true,
            verify_iss: true,
            required: &[],
            audience: None,
            issuer: None,
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

/// A token whose signature verified and whose claims passed validation.
#[derive(Debug)]
pub struct VerifiedToken<'a> {
    header: jws::Header<'a>,
    claims: Claims<'a>,
}

impl<'a> VerifiedToken<'a> {
    /// The authenticated header.
    #[must_use]
    pub fn header(&self) -> &jws::Header<'a> {
        &self.header
    }

    /// The authenticated, validated claims.
    #[must_use]
    pub fn claims(&self) -> &Claims<'a> {
        &self.claims
    }
}

/// Decodes, verifies and validates an HS256 JWT; `scratch` holds the decoded header and
/// payload (see [`jws::scratch_len`]).
///
/// # Errors
/// Those of [`jws::decode`], [`jws::Unverified::verify`], [`Claims::parse`] and
/// [`Claims::validate`], in that order.
pub fn decode<'a>(
    token: &'a str,
    scratch: &'a mut [u8],
    key: &Key,
    validation: &Validation<'_>,
) -> Result<VerifiedToken<'a>, Error> {
    // Split at its dots once: each search runs over the whole payload.
    let segments = jws::segments(token);
    let (header_scratch, payload_scratch) = jws::split_scratch(&segments, scratch)?;
    let verified = jws::decode_segments(token, segments, header_scratch, &validation.limits)?
        .verify(key, validation.algorithms)?;
    let payload = verified.decode_payload(payload_scratch)?;
    let (claims, present) = Claims::parse_noting(payload, &validation.limits, validation.required)?;
    claims.validate_noted(verified.header(), validation, present)?;
    Ok(VerifiedToken {
        header: *verified.header(),
        claims,
    })
}

/// Reads a token's header and claims **without** verifying anything: for routing (picking a
/// key by `kid`) or display, never for decisions.
///
/// # Errors
/// Those of [`jws::decode`] and [`Claims::parse`].
pub fn dangerous_unverified<'a>(
    token: &'a str,
    scratch: &'a mut [u8],
    limits: &Limits,
) -> Result<(jws::Header<'a>, Claims<'a>), Error> {
    let segments = jws::segments(token);
    let (header_scratch, payload_scratch) = jws::split_scratch(&segments, scratch)?;
    let token = jws::decode_segments(token, segments, header_scratch, limits)?;
    let claims = Claims::parse(token.dangerous_decode_payload(payload_scratch)?, limits)?;
    Ok((*token.header(), claims))
}

/// Decodes, verifies and validates an HS256 JWT exactly as [`decode`] does, then
/// deserializes its claims into a `T`, in the shape of `jsonwebtoken::decode::<Claims>`.
///
/// `T` borrows from `scratch`: `&'a str` fields are read in place, or unescaped into the part
/// of `scratch` after the decoded token when they hold escapes (`"caf\u00e9"`); nested
/// structs, `Option`, integers, bools, enums (as serde_json writes them) and arrays (into a
/// `heapless::Vec`) work as serde says. Claims `T` does not name are ignored, unless it says
/// `#[serde(deny_unknown_fields)]`. Floats are refused (core has no float parser); an `f64`
/// field gets [`Error::InvalidClaimType`].
///
/// ```
/// use serde::Deserialize;
/// use sigmint_core::{Key, jwt};
///
/// #[derive(Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// struct UserData<'a> {
///     email: &'a str,
///     country_iso_code: &'a str,
///     is_dev_user: bool,
/// }
///
/// #[derive(Deserialize)]
/// struct Claims<'a> {
///     #[serde(borrow, rename = "userData")]
///     user_data: UserData<'a>,
///     uid: &'a str,
///     exp: i64,
/// }
///
/// let key = Key::new(b"fonbnk-test-signing-key-0123456789abcdef")?;
/// let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyRGF0YSI6eyJ1c2VybmFtZSI6InVzZXIjLWhsRjNmek8iLCJfaWQiOiI2OTI4MWQ0ZjE4NjEzYmM5ZGU3MmVkOGUiLCJpc0RldlVzZXIiOmZhbHNlLCJjb3VudHJ5SXNvQ29kZSI6Ik5HIiwiaXNBbWJhc3NhZG9yIjpmYWxzZSwiZW1haWwiOiJ0ZXN0dXNlcituZ0Bmb25ibmsuY29tIn0sInR5cGUiOiJhY2Nlc3MiLCJ1aWQiOiIwMUtDNk02TTJEVkZSSzkxNUtZUTdQQkJBUCIsImlhdCI6MTc2NTQ1NDA3MywiZXhwIjo0MTAyNDQ0ODAwfQ.IdpPN2d8X3-jscfk2xS_MoSOvat2eeouMRL90ERQTqE";
/// let validation = jwt::Validation {
///     token_type: Some("access"),
///     ..jwt::Validation::new(1_765_454_133) // now, Unix seconds: core reads no clock
/// };
/// let mut scratch = [0u8; 1024]; // at least jwt::decode_as_scratch_len(token)
/// let claims: Claims = jwt::decode_as(token, &mut scratch, &key, &validation)?;
/// assert_eq!(claims.user_data.email, "testuser+ng@fonbnk.com");
/// assert_eq!((claims.uid, claims.exp), ("01KC6M6M2DVFRK915KYQ7PBBAP", 4_102_444_800));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `scratch` is shorter than [`decode_as_scratch_len`] (checked
/// first); those of [`decode`]; then [`Error::InvalidClaimType`] for a claim of the wrong
/// type, an integer beyond its field's range, or anything else `T` refuses;
/// [`Error::MissingClaim`] for a field `T` requires that the token lacks;
/// [`Error::IntegerOverflow`] for an integer beyond 64 bits.
#[cfg(feature = "serde")]
pub fn decode_as<'a, T: serde::Deserialize<'a>>(
    token: &'a str,
    scratch: &'a mut [u8],
    key: &Key,
    validation: &Validation<'_>,
) -> Result<T, Error> {
    if scratch.len() < decode_as_scratch_len(token) {
        return Err(Error::BufferTooSmall);
    }
    let (work, arena) = scratch.split_at_mut(jws::scratch_len(token));
    let verified = decode(token, work, key, validation)?;
    crate::json::de::from_value(verified.claims().json(), arena)
}

/// The scratch [`decode_as`] needs for `token`: the decoded token ([`jws::scratch_len`]) and
/// room to unescape every string of its payload.
#[cfg(feature = "serde")]
#[must_use]
pub fn decode_as_scratch_len(token: &str) -> usize {
    let payload = jws::segments(token).1.unwrap_or("");
    jws::scratch_len(token).saturating_add(jws::decoded_len(payload))
}

/// Mints an HS256 JWT whose claims are `claims` serialized (by serde-json-core) into
/// `json_scratch`, then checked and signed as [`encode_json`] does, into `out`.
///
/// ```
/// use serde::Serialize;
/// use sigmint_core::{Key, jwt};
///
/// #[derive(Serialize)]
/// struct Claims<'a> {
///     sub: &'a str,
///     exp: i64,
/// }
///
/// let key = Key::new(b"secret")?;
/// let (mut json, mut out) = ([0u8; 128], [0u8; 256]);
/// let token = jwt::encode_as(&key, &Claims { sub: "user-1", exp: 1_900_000_000 }, &mut json, &mut out)?;
/// assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::BufferTooSmall`] when `json_scratch` cannot hold the JSON or `out` the token;
/// [`Error::InvalidClaimType`] when `claims` cannot be serialized (a map with keys that are not
/// strings, say); those of [`encode_json`].
#[cfg(feature = "serde")]
pub fn encode_as<'o, T: serde::Serialize + ?Sized>(
    key: &Key,
    claims: &T,
    json_scratch: &mut [u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    let len = serde_json_core::to_slice(claims, json_scratch).map_err(|e| match e {
        serde_json_core::ser::Error::BufferFull => Error::BufferTooSmall,
        _ => Error::InvalidClaimType,
    })?;
    encode_json(key, json_scratch.get(..len).unwrap_or_default(), out)
}

/// Claims for a new token. Absent fields are left out; `aud` with one entry is written as a
/// string, with several as an array.
#[derive(Clone, Copy, Debug, Default)]
pub struct NewClaims<'c> {
    /// `iss`
    pub iss: Option<&'c str>,
    /// `sub`
    pub sub: Option<&'c str>,
    /// `aud`
    pub aud: &'c [&'c str],
    /// `exp`, Unix seconds.
    pub exp: Option<i64>,
    /// `nbf`, Unix seconds.
    pub nbf: Option<i64>,
    /// `iat`, Unix seconds.
    pub iat: Option<i64>,
    /// `jti`
    pub jti: Option<&'c str>,
    /// Further string claims, `(name, value)`, added after the ones above.
    pub strings: &'c [(&'c str, &'c str)],
    /// Further claims: the text of a JSON object whose members are added after the ones above.
    pub extra: Option<&'c [u8]>,
}

impl NewClaims<'_> {
    /// Writes the claims as a JSON object into `out`.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`]; for `extra`, the errors of [`json::validate`], and
    /// [`Error::InvalidJson`] when it is not an object. A claim that appears twice (say `sub`
    /// here and in `extra`) is [`Error::DuplicateKey`].
    pub fn write_json<'o>(&self, out: &'o mut [u8]) -> Result<&'o str, Error> {
        let mut writer = SliceWriter::new(out);
        self.write_to(&mut writer)?;
        // `write_to` refused any claim given twice, so the text is one valid object.
        writer.into_str()
    }

    /// Whether a claim that `is_name` accepts comes before `extra`: a typed one that is set,
    /// or one of the first `strings_before` of `strings`.
    fn named_before(&self, is_name: impl Fn(&str) -> bool, strings_before: usize) -> bool {
        let typed = [
            ("iss", self.iss.is_some()),
            ("sub", self.sub.is_some()),
            ("aud", !self.aud.is_empty()),
            ("exp", self.exp.is_some()),
            ("nbf", self.nbf.is_some()),
            ("iat", self.iat.is_some()),
            ("jti", self.jti.is_some()),
        ];
        typed.iter().any(|&(typed, set)| set && is_name(typed))
            || self
                .strings
                .iter()
                .take(strings_before)
                .any(|&(earlier, _)| is_name(earlier))
    }

    /// The exact length [`NewClaims::write_json`] writes.
    ///
    /// # Errors
    /// As [`NewClaims::write_json`], except that duplicate claims are found only by writing.
    pub fn json_len(&self) -> Result<usize, Error> {
        crate::sink::measure(|sink| self.write_to(sink))
    }

    fn write_to(&self, sink: &mut dyn Sink) -> Result<(), Error> {
        let mut obj = ObjectWriter::new(sink);
        for (name, value) in [("iss", self.iss), ("sub", self.sub)] {
            if let Some(value) = value {
                obj.string_member(name, value)?;
            }
        }
        match self.aud {
            [] => {}
            [one] => {
                obj.string_member("aud", one)?;
            }
            many => {
                obj.key("aud")?;
                for (i, aud) in many.iter().enumerate() {
                    obj.w.put(if i == 0 { b"[" } else { b"," })?;
                    writer::string(aud, obj.w)?;
                }
                obj.w.put(b"]")?;
            }
        }
        for (name, value) in [("exp", self.exp), ("nbf", self.nbf), ("iat", self.iat)] {
            if let Some(value) = value {
                obj.key(name)?;
                obj.w.put(Decimal::signed(value).as_bytes())?;
            }
        }
        if let Some(jti) = self.jti {
            obj.string_member("jti", jti)?;
        }
        for (i, (name, value)) in self.strings.iter().enumerate() {
            if self.named_before(|earlier| earlier == *name, i) {
                return Err(Error::DuplicateKey);
            }
            obj.string_member(name, value)?;
        }
        if let Some(extra) = self.extra {
            // Checked member by member as it is validated: writing the whole object and
            // validating it again cost as much as the rest of minting.
            let mut repeated = false;
            let extra = json::validate_reporting(extra, json::MAX_DEPTH, &mut |member| {
                repeated |= self.named_before(|name| member.key_is(name), self.strings.len());
            })?;
            if extra.kind() != Kind::Object {
                return Err(Error::InvalidJson);
            }
            if repeated {
                return Err(Error::DuplicateKey);
            }
            let raw = extra.raw();
            let body = raw.get(1..raw.len().saturating_sub(1)).unwrap_or("");
            let body = body.trim_ascii();
            if !body.is_empty() {
                obj.separator()?;
                obj.w.put(body.as_bytes())?;
            }
        }
        obj.finish()
    }
}

/// The header sigmint writes on the tokens it mints unless given another.
pub const HS256_HEADER: &[u8] = br#"{"alg":"HS256","typ":"JWT"}"#;

/// Limits for JSON the caller hands in to be minted: no size cap beyond `out`, and the deepest
/// nesting any decode can be configured to accept ([`json::MAX_DEPTH`]; the default decode
/// accepts [`json::DEFAULT_MAX_DEPTH`]).
const MINT_LIMITS: Limits = Limits {
    max_token_len: usize::MAX,
    max_depth: json::MAX_DEPTH,
};

/// Mints an HS256 JWT with `claims_json` (checked to be a JSON object without duplicate keys)
/// as its payload and [`HS256_HEADER`] as its header, into `out`.
///
/// # Errors
/// Those of [`json::validate`], [`Error::InvalidJson`] when it is not an object, and
/// [`Error::BufferTooSmall`] when `out` is shorter than [`encoded_len`] (`out` untouched).
pub fn encode_json<'o>(key: &Key, claims_json: &[u8], out: &'o mut [u8]) -> Result<&'o str, Error> {
    encode_json_with_header(key, HS256_HEADER, claims_json, out)
}

/// Mints an HS256 JWT with a header of the caller's (for `kid` or other members), which must
/// be a JSON object whose `alg` is `"HS256"` and that holds no `crit`: sigmint never mints a
/// token it would refuse to verify.
///
/// # Errors
/// As [`encode_json`]; for the header, those of [`jws::decode`]'s header checks
/// ([`Error::InvalidHeader`], [`Error::UnsupportedAlgorithm`], [`Error::UnknownCritical`], ...).
pub fn encode_json_with_header<'o>(
    key: &Key,
    header_json: &[u8],
    claims_json: &[u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    // sigmint's own header needs no checking on every token.
    if header_json != HS256_HEADER {
        jws::check_header_for_minting(header_json, &MINT_LIMITS)?;
    }
    Claims::parse(claims_json, &MINT_LIMITS)?;
    if out.len() < jws::compact_len(header_json.len(), claims_json.len()) {
        return Err(Error::BufferTooSmall);
    }
    jws::sign_compact(key, header_json, claims_json, out)
}

/// The length of a token [`encode_json`] mints from `claims_json_len` bytes of claims.
#[must_use]
pub fn encoded_len(claims_json_len: usize) -> usize {
    jws::compact_len(HS256_HEADER.len(), claims_json_len)
}

/// The length of a token [`encode_json_with_header`] mints.
#[must_use]
pub fn encoded_len_with_header(header_json_len: usize, claims_json_len: usize) -> usize {
    jws::compact_len(header_json_len, claims_json_len)
}

/// Mints an HS256 JWT from typed claims: the claims JSON is written into `json_scratch`, the
/// token into `out`.
///
/// # Errors
/// Those of [`NewClaims::write_json`] (for `json_scratch`) and [`encode_json`] (for `out`).
pub fn encode<'o>(
    key: &Key,
    claims: &NewClaims<'_>,
    json_scratch: &mut [u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    // `write_json` has already checked the object it wrote; parsing it again (as
    // `encode_json` does for caller JSON) was a third of the cost of minting.
    let json = claims.write_json(json_scratch)?;
    if out.len() < encoded_len(json.len()) {
        return Err(Error::BufferTooSmall);
    }
    jws::sign_compact(key, HS256_HEADER, json.as_bytes(), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::new(b"test key").unwrap()
    }

    fn token<'o>(claims: &str, out: &'o mut [u8]) -> &'o str {
        encode_json(&key(), claims.as_bytes(), out).unwrap()
    }

    fn check(claims: &str, validation: &Validation<'_>) -> Result<(), Error> {
        let mut out = [0u8; 1024];
        let token = token(claims, &mut out);
        let mut scratch = [0u8; 1024];
        decode(token, &mut scratch, &key(), validation).map(|_| ())
    }

    #[test]
    fn time_claims() {
        let v = Validation::new(1000);
        assert_eq!(check(r#"{"exp":1001}"#, &v), Ok(()));
        assert_eq!(check(r#"{"exp":1000}"#, &v), Err(Error::Expired));
        // A registered claim's name spelled with escapes is still that claim.
        assert_eq!(check(r#"{"\u0065xp":1000}"#, &v), Err(Error::Expired));
        assert_eq!(
            check(r#"{"\u0065xp":"x"}"#, &v),
            Err(Error::InvalidClaimType)
        );
        let typed = Validation {
            token_type: Some("access"),
            ..v
        };
        assert_eq!(check(r#"{"\u0074ype":"access"}"#, &typed), Ok(()));
        assert_eq!(
            check(r#"{"\u0074ype":"refresh"}"#, &typed),
            Err(Error::WrongTokenType)
        );
        assert_eq!(
            check(r#"{"exp":990}"#, &Validation { leeway: 10, ..v }),
            Err(Error::Expired)
        );
        assert_eq!(
            check(r#"{"exp":991}"#, &Validation { leeway: 10, ..v }),
            Ok(())
        );
        assert_eq!(
            check(
                r#"{"exp":1}"#,
                &Validation {
                    verify_exp: false,
                    ..v
                }
            ),
            Ok(())
        );
        assert_eq!(check(r#"{"nbf":1001}"#, &v), Err(Error::NotYetValid));
        assert_eq!(check(r#"{"nbf":1000}"#, &v), Ok(()));
        assert_eq!(check(r#"{"iat":1001}"#, &v), Err(Error::IssuedInFuture));
        for bad in [
            r#"{"exp":"1001"}"#,
            r#"{"exp":1001.5}"#,
            r#"{"exp":-1}"#,
            r#"{"nbf":true}"#,
            r#"{"iat":[1]}"#,
            r#"{"exp":1e3}"#,
        ] {
            assert_eq!(check(bad, &v), Err(Error::InvalidClaimType), "{bad}");
            // Disabling the check does not make a malformed claim acceptable.
            let off = Validation {
                verify_exp: false,
                verify_nbf: false,
                verify_iat: false,
                ..v
            };
            assert_eq!(check(bad, &off), Err(Error::InvalidClaimType), "{bad}");
        }
        assert_eq!(
            check(r#"{"exp":9223372036854775808}"#, &v),
            Err(Error::IntegerOverflow)
        );
        assert_eq!(
            check(r#"{"exp":9223372036854775807}"#, &Validation::new(i64::MAX)),
            Err(Error::Expired)
        );
        assert_eq!(check(r#"{"exp":null}"#, &v), Ok(()));
    }

    #[test]
    fn audience_issuer_required_and_type() {
        let v = Validation::new(0);
        assert_eq!(check(r#"{"aud":"pos"}"#, &v), Err(Error::InvalidAudience));
        assert_eq!(
            check(
                r#"{"aud":"pos"}"#,
                &Validation {
                    verify_aud: false,
                    ..v
                }
            ),
            Ok(())
        );
        let pos = Validation {
            audience: Some(&["mobile", "pos"]),
            ..v
        };
        assert_eq!(check(r#"{"aud":"pos"}"#, &pos), Ok(()));
        assert_eq!(check(r#"{"aud":["web","pos"]}"#, &pos), Ok(()));
        assert_eq!(
            check(r#"{"aud":["web"]}"#, &pos),
            Err(Error::InvalidAudience)
        );
        assert_eq!(check(r#"{"aud":"po"}"#, &pos), Err(Error::InvalidAudience));
        assert_eq!(check(r#"{}"#, &pos), Err(Error::MissingClaim));
        assert_eq!(check(r#"{"aud":[1]}"#, &pos), Err(Error::InvalidClaimType));
        // Empty audiences count as absent (PyJWT's rule).
        assert_eq!(check(r#"{"aud":""}"#, &v), Ok(()));
        assert_eq!(check(r#"{"aud":[]}"#, &v), Ok(()));
        assert_eq!(check(r#"{"aud":[]}"#, &pos), Err(Error::MissingClaim));
        // Several failures: the first in PyJWT's order (iat, nbf, exp, iss, aud) wins.
        let now = Validation::new(10);
        assert_eq!(
            check(r#"{"exp":1,"nbf":20,"iat":30}"#, &now),
            Err(Error::IssuedInFuture)
        );
        assert_eq!(
            check(r#"{"exp":1,"nbf":20}"#, &now),
            Err(Error::NotYetValid)
        );

        let iss = Validation {
            issuer: Some(&["https://api.example.test"]),
            ..v
        };
        assert_eq!(check(r#"{"iss":"https://api.example.test"}"#, &iss), Ok(()));
        assert_eq!(
            check(r#"{"iss":"https://api.example.test.evil"}"#, &iss),
            Err(Error::InvalidIssuer)
        );
        assert_eq!(
            check(r#"{"iss":"api.example.test"}"#, &iss),
            Err(Error::InvalidIssuer)
        );
        assert_eq!(check(r#"{}"#, &iss), Err(Error::MissingClaim));

        let req = Validation {
            required: &["exp", "uid"],
            ..v
        };
        assert_eq!(
            check(r#"{"exp":5,"uid":null}"#, &req),
            Err(Error::MissingClaim)
        );
        assert_eq!(check(r#"{"exp":5,"uid":"u"}"#, &req), Ok(()));

        let access = Validation {
            token_type: Some("access"),
            typ: Some("jwt"),
            ..v
        };
        assert_eq!(check(r#"{"type":"access"}"#, &access), Ok(()));
        assert_eq!(
            check(r#"{"type":"refresh"}"#, &access),
            Err(Error::WrongTokenType)
        );
        assert_eq!(check(r#"{}"#, &access), Err(Error::WrongTokenType));
    }

    #[test]
    fn payload_must_be_an_object() {
        let v = Validation::new(0);
        let mut out = [0u8; 256];
        let t = jws::sign_compact(&key(), HS256_HEADER, b"[1]", &mut out).unwrap();
        let mut scratch = [0u8; 256];
        assert_eq!(
            decode(t, &mut scratch, &key(), &v).map(|_| ()),
            Err(Error::InvalidJson)
        );
    }

    #[test]
    fn minting_typed_claims() {
        let claims = NewClaims {
            iss: Some("me"),
            aud: &["a", "b"],
            iat: Some(5),
            jti: Some("q\"\n\u{1}é"),
            extra: Some(br#" {"uid": "x", "n": {"d": [1.5]}} "#),
            ..Default::default()
        };
        let mut json = [0u8; 256];
        assert_eq!(
            claims.write_json(&mut json).unwrap(),
            r#"{"iss":"me","aud":["a","b"],"iat":5,"jti":"q\"\n\u0001é","uid": "x", "n": {"d": [1.5]}}"#
        );
        let dup = NewClaims {
            sub: Some("s"),
            extra: Some(br#"{"sub":"t"}"#),
            ..Default::default()
        };
        assert_eq!(dup.write_json(&mut json), Err(Error::DuplicateKey));
        // Every way a claim can be given twice, and one claim given once in each place.
        for (strings, extra) in [
            (&[("sub", "t")][..], None),
            (&[("type", "a"), ("type", "b")][..], None),
            (&[("type", "a")][..], Some(&br#"{"type":"b"}"#[..])),
            (&[][..], Some(&br#"{"sub":"t"}"#[..])),
            (&[][..], Some(&br#"{"aud":"t"}"#[..])),
            (&[][..], Some(&br#"{"exp":1}"#[..])),
        ] {
            let claims = NewClaims {
                sub: Some("s"),
                aud: &["a"],
                exp: Some(1),
                strings,
                extra,
                ..Default::default()
            };
            assert_eq!(claims.write_json(&mut json), Err(Error::DuplicateKey));
            assert_eq!(claims.json_len(), Err(Error::DuplicateKey));
        }
        let once = NewClaims {
            sub: Some("s"),
            strings: &[("type", "a")],
            extra: Some(br#"{"nbf":1,"n":{"sub":"nested is another object"}}"#),
            ..Default::default()
        };
        assert_eq!(
            once.write_json(&mut json),
            Ok(r#"{"sub":"s","type":"a","nbf":1,"n":{"sub":"nested is another object"}}"#)
        );
        assert_eq!(NewClaims::default().write_json(&mut json), Ok("{}"));
        let written = claims.write_json(&mut json).unwrap().len();
        assert_eq!(claims.json_len(), Ok(written));
        assert_eq!(NewClaims::default().json_len(), Ok(2));
        let mut out = [0u8; 512];
        let mut json = [0u8; 256];
        let t = encode(&key(), &claims, &mut json, &mut out).unwrap();
        let mut scratch = [0u8; 512];
        let v = Validation {
            audience: Some(&["b"]),
            ..Validation::new(5)
        };
        let verified = decode(t, &mut scratch, &key(), &v).unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(
            verified
                .claims()
                .jti()
                .unwrap()
                .unwrap()
                .to_str(&mut buf)
                .unwrap(),
            "q\"\n\u{1}é"
        );
        assert_eq!(verified.claims().get("n.d").unwrap().raw(), "[1.5]");
    }

    #[test]
    fn custom_headers_are_checked() {
        // encode_json skips the check for sigmint's own header, which must pass it.
        assert!(jws::check_header_for_minting(HS256_HEADER, &MINT_LIMITS).is_ok());
        let mut out = [0u8; 512];
        let header = br#"{"alg":"HS256","kid":"k1","typ":"JWT"}"#;
        let t = encode_json_with_header(&key(), header, b"{}", &mut out).unwrap();
        let mut scratch = [0u8; 256];
        let verified = decode(t, &mut scratch, &key(), &Validation::new(0)).unwrap();
        assert!(verified.header().kid().unwrap().str_eq("k1"));
        for (header, error) in [
            (&br#"{"alg":"none"}"#[..], Error::UnsupportedAlgorithm),
            (br#"{"alg":"HS512"}"#, Error::AlgorithmNotAllowed),
            (br#"{"typ":"JWT"}"#, Error::InvalidHeader),
            (br#"{"alg":"HS256","crit":["x"]}"#, Error::UnknownCritical),
            (br#"{"alg":"HS256","alg":"HS256"}"#, Error::DuplicateKey),
        ] {
            assert_eq!(
                encode_json_with_header(&key(), header, b"{}", &mut out),
                Err(error)
            );
        }
    }

    #[test]
    fn encode_json_refuses_bad_claims_and_small_buffers() {
        let mut out = [0u8; 512];
        assert_eq!(
            encode_json(&key(), b"[]", &mut out),
            Err(Error::InvalidJson)
        );
        assert_eq!(
            encode_json(&key(), br#"{"a":1,"a":1}"#, &mut out),
            Err(Error::DuplicateKey)
        );
        let need = encoded_len(2);
        let mut small = [7u8; 128];
        assert!(need > 0);
        assert_eq!(
            encode_json(&key(), b"{}", &mut small[..need - 1]),
            Err(Error::BufferTooSmall)
        );
        assert!(small.iter().all(|&b| b == 7));
        assert_eq!(
            encode_json(&key(), b"{}", &mut small[..need]).map(str::len),
            Ok(need)
        );
    }
}

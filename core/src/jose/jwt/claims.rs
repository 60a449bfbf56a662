//! A claims set read in place: the registered claims, found while the payload is validated and
//! typed, and any other by name or dotted path.

use crate::json::{self, Kind, Value};
use crate::jws::{self, Limits};
use crate::time::UnixSeconds;
use crate::{Claim, Error};

/// The claims of a token: registered ones typed, any other by dotted path.
#[derive(Clone, Copy, Debug)]
pub struct Claims<'a> {
    pub(super) json: Value<'a>,
    pub(super) registered: Registered<'a>,
    /// Where every claim a path reaches is, when the caller's scratch had room for it.
    #[cfg(feature = "claim-index")]
    index: Option<json::Index<'a>>,
}

/// `aud`: one string or an array of strings.
#[derive(Clone, Copy, Debug)]
pub struct Audience<'a> {
    value: Value<'a>,
}

impl<'a> Audience<'a> {
    /// Whether `aud` is one string rather than an array.
    #[must_use]
    pub fn is_string(&self) -> bool {
        self.value.kind() == Kind::String
    }

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

/// The claim `name` is not of its type.
pub(super) const fn mistyped(name: &'static str) -> Error {
    Error::InvalidClaimType {
        claim: Claim::Named(name),
    }
}

/// The claim `name` must be there and is not.
pub(super) const fn missing(name: &'static str) -> Error {
    Error::MissingClaim {
        claim: Claim::Named(name),
    }
}

/// The claim `name`, which must be a string when present: `null` is not one (RFC 7519
/// §4.1 makes `iss`, `sub` and `jti` StringOrURI or strings, and PyJWT refuses it too).
pub(super) fn string_claim<'a>(
    value: Option<Value<'a>>,
    name: &'static str,
) -> Result<Option<Value<'a>>, Error> {
    match value {
        Some(v) if v.kind() == Kind::String => Ok(Some(v)),
        Some(_) => Err(mistyped(name)),
        None => Ok(None),
    }
}

/// The NumericDate claim `name`: an integer number of seconds, not negative. `null` is not a
/// NumericDate (RFC 7519 §2): `{"exp": null}` is refused, never read as "does not expire".
pub(super) fn time_claim(
    value: Option<Value<'_>>,
    name: &'static str,
) -> Result<Option<UnixSeconds>, Error> {
    match value.map(|v| v.as_i64()) {
        Some(Ok(t)) if t >= 0 => Ok(Some(UnixSeconds(t))),
        Some(Ok(_) | Err(Error::InvalidClaimType { .. })) => Err(mistyped(name)),
        Some(Err(other)) => Err(other),
        None => Ok(None),
    }
}

/// `aud`: a string or an array of strings.
pub(super) fn aud_claim(value: Option<Value<'_>>) -> Result<Option<Audience<'_>>, Error> {
    match value {
        Some(v) if v.kind() == Kind::Null => Ok(None),
        Some(v) if v.kind() == Kind::String => Ok(Some(Audience { value: v })),
        Some(v) if v.kind() == Kind::Array && v.elements().all(|e| e.kind() == Kind::String) => {
            Ok(Some(Audience { value: v }))
        }
        Some(_) => Err(mistyped("aud")),
        None => Ok(None),
    }
}

/// The registered claims (and Fonbnk's `type`), found while the payload is validated, so that
/// reading them costs no rescan of the text.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Registered<'a> {
    pub(super) exp: Option<Value<'a>>,
    pub(super) nbf: Option<Value<'a>>,
    pub(super) iat: Option<Value<'a>>,
    pub(super) aud: Option<Value<'a>>,
    pub(super) iss: Option<Value<'a>>,
    pub(super) sub: Option<Value<'a>>,
    pub(super) jti: Option<Value<'a>>,
    pub(super) token_type: Option<Value<'a>>,
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
    pub(super) fn get(mut self, name: &str) -> Option<Option<Value<'a>>> {
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
        Self::parse_noting(payload, limits, &[], &mut []).map(|(claims, _)| claims)
    }

    /// [`Claims::parse`], also noting which of the first 64 `names` are present and not null
    /// (bit `i` for `names[i]`), so that required claims need no lookup afterwards, and
    /// indexing the claims into `index_room` when they fit (see [`super::indexed_scratch_len`]).
    pub(super) fn parse_noting(
        payload: &'a [u8],
        limits: &Limits,
        names: &[&str],
        index_room: &'a mut [u8],
    ) -> Result<(Claims<'a>, u64), Error> {
        let mut index = json::IndexBuilder::new(index_room, payload.len());
        let mut registered = Registered::default();
        let mut present = 0u64;
        let json = json::validate_reporting(
            payload,
            limits.max_depth,
            &mut |member| {
                if member.value.kind() != Kind::Null {
                    for (i, name) in names.iter().enumerate().take(64) {
                        if member.key_is(name) {
                            present |= 1 << i;
                        }
                    }
                }
                registered.record(&member);
            },
            &mut index,
        )?;
        if json.kind() != Kind::Object {
            return Err(Error::InvalidJson);
        }
        Ok((
            Claims {
                json,
                registered,
                #[cfg(feature = "claim-index")]
                index: index.finish(json.raw()),
            },
            present,
        ))
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
        self.registered.get(name).unwrap_or_else(|| {
            #[cfg(feature = "claim-index")]
            if let Some(index) = &self.index {
                return index.get(name);
            }
            self.json.get(name)
        })
    }

    /// Any claim by dotted path (`userData.email`); `None` when absent.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<Value<'a>> {
        let (name, rest) = jws::split_dot(path);
        match (self.registered.get(name), rest) {
            (Some(claim), None) => claim,
            (Some(claim), Some(rest)) => claim?.path(rest),
            (None, _) => {
                #[cfg(feature = "claim-index")]
                if let Some(index) = &self.index {
                    return index.path(path);
                }
                // Descends without reading any enclosing object to its end.
                self.json.path(path)
            }
        }
    }

    /// A claim that must be a string when present; JSON `null` counts as absent.
    pub(super) fn string(&self, name: &'static str) -> Result<Option<Value<'a>>, Error> {
        string_claim(self.claim(name), name)
    }

    /// A NumericDate claim: an integer number of seconds, not negative.
    pub(super) fn time(&self, name: &'static str) -> Result<Option<UnixSeconds>, Error> {
        time_claim(self.claim(name), name)
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
    pub fn exp(&self) -> Result<Option<UnixSeconds>, Error> {
        self.time("exp")
    }

    /// `nbf`, seconds since the epoch; errors as [`Claims::exp`].
    ///
    /// # Errors
    /// As [`Claims::exp`].
    pub fn nbf(&self) -> Result<Option<UnixSeconds>, Error> {
        self.time("nbf")
    }

    /// `iat`, seconds since the epoch; errors as [`Claims::exp`].
    ///
    /// # Errors
    /// As [`Claims::exp`].
    pub fn iat(&self) -> Result<Option<UnixSeconds>, Error> {
        self.time("iat")
    }
}

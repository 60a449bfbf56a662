//! New tokens, minted into the caller's buffers.

use super::claims::Claims;
use crate::codec::Decimal;
use crate::json::writer::{self, ObjectWriter};
use crate::json::{self, Kind};
use crate::jws::{self, Limits};
use crate::sink::{Sink, SliceWriter};
use crate::time::UnixSeconds;
use crate::{Error, Key};

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
    pub exp: Option<UnixSeconds>,
    /// `nbf`, Unix seconds.
    pub nbf: Option<UnixSeconds>,
    /// `iat`, Unix seconds.
    pub iat: Option<UnixSeconds>,
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
                obj.w.put(Decimal::signed(value.0).as_bytes())?;
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
            let extra = json::validate_reporting(
                extra,
                json::MAX_DEPTH,
                &mut |member| {
                    repeated |= self.named_before(|name| member.key_is(name), self.strings.len());
                },
                &mut json::IndexBuilder::none(),
            )?;
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
pub(super) const MINT_LIMITS: Limits = jws::MINT_LIMITS;

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
/// Those of [`NewClaims::write_json`] and [`encode_json`]. When either buffer is too short,
/// [`Error::BufferTooSmall`] says the token's length: the claims JSON is always shorter, so
/// that much is enough for both.
pub fn encode<'o>(
    key: &Key,
    claims: &NewClaims<'_>,
    json_scratch: &mut [u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    // `write_json` has already checked the object it wrote; parsing it again (as
    // `encode_json` does for caller JSON) was a third of the cost of minting.
    let json = claims
        .write_json(json_scratch)
        .map_err(|error| match error {
            Error::BufferTooSmall { needed } => Error::BufferTooSmall {
                needed: encoded_len(needed),
            },
            error => error,
        })?;
    crate::sink::prefix(out, encoded_len(json.len()))?;
    jws::sign_compact(key, HS256_HEADER, json.as_bytes(), out)
}

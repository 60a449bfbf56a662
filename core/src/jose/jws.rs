//! Compact JWS (RFC 7515) with HMAC: split, decode, check the header, verify.
//!
//! [`decode`] gives an [`Unverified`] token; only [`Unverified::verify`] turns it into a
//! [`Verified`] one, so code that holds a `Verified` cannot have skipped the MAC. Reading an
//! unverified payload is possible, but the method says so
//! ([`Unverified::dangerous_decode_payload`]).
//!
//! Only the header is decoded up front (into the caller's scratch); the MAC covers the
//! base64url text, so the payload is decoded only when asked for, into a buffer the caller
//! names, and that buffer is written only when the whole payload decodes.
//!
//! ```
//! use sigmint_core::{Key, jws};
//!
//! // RFC 7515 appendix A.1.
//! let token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
//! let key = Key::new(&[
//!     3, 35, 53, 75, 43, 15, 165, 188, 131, 126, 6, 101, 119, 123, 166, 143, 90, 179, 40, 230,
//!     240, 84, 201, 40, 169, 15, 132, 178, 210, 80, 46, 191, 211, 251, 90, 146, 210, 6, 71,
//!     239, 150, 138, 180, 195, 119, 98, 61, 34, 61, 46, 33, 114, 5, 46, 79, 8, 192, 205, 154,
//!     245, 103, 208, 128, 163,
//! ])?;
//! let mut header = [0u8; 64];
//! let verified = jws::decode(token, &mut header, &jws::Limits::default())?
//!     .verify(&key, &[jws::Algorithm::Hs256])?;
//! let mut payload = [0u8; 128];
//! assert!(verified.decode_payload(&mut payload)?.starts_with(b"{\"iss\":\"joe\""));
//! # Ok::<(), sigmint_core::Error>(())
//! ```

use crate::codec::base64;
use crate::json::{self, Kind, Value};
use crate::{Error, Key, TAG_LEN};

/// The token size limit used unless the caller chooses another.
pub const DEFAULT_MAX_TOKEN_LEN: usize = 16 * 1024;

/// The longest decoded header accepted, in bytes: a longer one is [`Error::TokenTooLarge`].
/// Headers are small (`{"alg":"HS256","typ":"JWT"}` is 27 bytes); the bound lets a caller
/// decode any acceptable header into a fixed buffer of this size.
pub const MAX_HEADER_LEN: usize = 1024;

/// The longest signature segment read: anything longer cannot be an HMAC tag sigmint makes.
const MAX_SIGNATURE_LEN: usize = 64;

/// The signing algorithms sigmint verifies and mints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC with SHA-256.
    Hs256,
}

impl Algorithm {
    /// The `alg` header value.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Algorithm::Hs256 => "HS256",
        }
    }
}

/// Limits applied before any work that grows with the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The longest token accepted, in bytes.
    pub max_token_len: usize,
    /// The deepest JSON nesting accepted (capped at [`json::MAX_DEPTH`]).
    pub max_depth: usize,
}

impl Limits {
    /// Limits where 0 for either means its default (as a zeroed C struct or an unset option
    /// gives them).
    ///
    /// ```
    /// use sigmint_core::jws::Limits;
    /// assert_eq!(Limits::or_defaults(0, 0), Limits::default());
    /// assert_eq!(Limits::or_defaults(100, 0).max_token_len, 100);
    /// ```
    #[must_use]
    pub const fn or_defaults(max_token_len: usize, max_depth: usize) -> Limits {
        Limits {
            max_token_len: if max_token_len == 0 {
                DEFAULT_MAX_TOKEN_LEN
            } else {
                max_token_len
            },
            max_depth: if max_depth == 0 {
                json::DEFAULT_MAX_DEPTH
            } else {
                max_depth
            },
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_token_len: DEFAULT_MAX_TOKEN_LEN,
            max_depth: json::DEFAULT_MAX_DEPTH,
        }
    }
}

/// The scratch space `token`'s decoded header and payload take together (what
/// [`crate::jwt::decode`] needs).
#[must_use]
pub fn scratch_len<T: AsRef<[u8]> + ?Sized>(token: &T) -> usize {
    let mut parts = token.as_ref().splitn(3, |&b| b == b'.');
    let header = parts.next().map_or(0, <[u8]>::len);
    let payload = parts.next().map_or(0, <[u8]>::len);
    base64::decoded_len(header).saturating_add(base64::decoded_len(payload))
}

/// A token's bytes as text, once they are within the size limit: bytes that are not UTF-8
/// cannot be base64url, so they are [`Error::MalformedToken`] (not [`Error::InvalidUtf8`],
/// which is about what a token holds).
///
/// # Errors
/// [`Error::TokenTooLarge`] beyond `limits.max_token_len`, then [`Error::MalformedToken`].
pub(crate) fn token_text<'a>(token: &'a [u8], limits: &Limits) -> Result<&'a str, Error> {
    if token.len() > limits.max_token_len {
        return Err(Error::TokenTooLarge {
            limit: limits.max_token_len,
        });
    }
    core::str::from_utf8(token).map_err(|_| Error::MalformedToken)
}

/// A compact token's header and payload segments, and what follows the payload's dot
/// (`None` where a dot is missing). Found once per decoding: each search runs over the
/// whole payload.
pub(crate) type Segments<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

/// Splits `token` into its [`Segments`].
pub(crate) fn segments(token: &str) -> Segments<'_> {
    let (header, rest) = split_dot(token);
    match rest.map(split_dot) {
        Some((payload, rest)) => (header, Some(payload), rest),
        None => (header, None, None),
    }
}

/// The scratch space `token`'s decoded header takes: what [`decode`] needs as
/// `header_scratch`.
#[must_use]
pub fn header_scratch_len<T: AsRef<[u8]> + ?Sized>(token: &T) -> usize {
    let token = token.as_ref();
    let header = token.iter().position(|&b| b == b'.').unwrap_or(token.len());
    base64::decoded_len(header)
}

/// `text` up to its first `.`, and what follows that dot (`None` without one).
pub(crate) fn split_dot(text: &str) -> (&str, Option<&str>) {
    match text.find('.') {
        Some(dot) => (
            text.get(..dot).unwrap_or(""),
            text.get(dot..).and_then(|rest| rest.get(1..)),
        ),
        None => (text, None),
    }
}

/// Bytes that unpadded base64 text of this length decodes to (an upper bound for bad text).
pub(crate) fn decoded_len(segment: &str) -> usize {
    base64::decoded_len(segment.len())
}

/// Strict base64url as RFC 7515 §2 has it (no padding, zero trailing bits): the text that
/// carries data, or [`Error::MalformedToken`].
fn check_segment(segment: &str) -> Result<&[u8], Error> {
    base64::check_strict(
        segment.as_bytes(),
        base64::IN_URL_SAFE,
        false,
        Error::MalformedToken,
    )
}

/// A segment decoded into the front of `out`; `out` is untouched unless it all decodes.
fn decode_segment<'o>(segment: &str, out: &'o mut [u8]) -> Result<&'o [u8], Error> {
    Ok(base64::decode_checked(check_segment(segment)?, out)?)
}

/// A token split and decoded, its header checked for shape, its signature not yet verified.
#[derive(Debug)]
pub struct Unverified<'a> {
    signing_input: &'a str,
    header: Header<'a>,
    payload_b64: &'a str,
    signature: [u8; MAX_SIGNATURE_LEN],
    signature_len: usize,
}

/// The parts of a JOSE header sigmint reads. Other members are kept in [`Header::json`].
#[derive(Clone, Copy, Debug)]
pub struct Header<'a> {
    json: Value<'a>,
    alg: Value<'a>,
    typ: Option<Value<'a>>,
    kid: Option<Value<'a>>,
    crit: Option<Value<'a>>,
}

impl<'a> Header<'a> {
    fn parse(bytes: &'a [u8], limits: &Limits) -> Result<Header<'a>, Error> {
        // The members sigmint reads, kept as the validating pass meets them.
        let [mut alg, mut typ, mut kid, mut crit, mut b64] = [None; 5];
        let json = json::validate_reporting(
            bytes,
            limits.max_depth,
            &mut |member| {
                let slot = [
                    ("alg", &mut alg),
                    ("typ", &mut typ),
                    ("kid", &mut kid),
                    ("crit", &mut crit),
                    ("b64", &mut b64),
                ]
                .into_iter()
                .find(|(name, _)| member.key_is(name));
                if let Some((_, slot)) = slot {
                    *slot = Some(member.value);
                }
            },
            &mut json::IndexBuilder::none(),
        )?;
        if json.kind() != Kind::Object {
            return Err(Error::InvalidJson);
        }
        let string = |value: Option<Value<'a>>| match value {
            Some(v) if v.kind() != Kind::String => Err(Error::InvalidHeader),
            other => Ok(other),
        };
        let alg = string(alg)?.ok_or(Error::InvalidHeader)?;
        if let Some(crit) = crit {
            // RFC 7515 §4.1.11: a non-empty array of strings.
            if crit.kind() != Kind::Array
                || crit.elements().next().is_none()
                || crit.elements().any(|e| e.kind() != Kind::String)
            {
                return Err(Error::InvalidHeader);
            }
        }
        // RFC 7797 §6: a `b64` must be listed in `crit` (which `check` refuses, as sigmint
        // implements no extension). Without `crit`, `"b64": false` would ask for the payload
        // to be read unencoded: refused, never read as base64url. `true` changes nothing.
        match b64.map(|v| v.as_bool()) {
            Some(Err(_)) => return Err(Error::InvalidHeader),
            Some(Ok(false)) if crit.is_none() => return Err(Error::InvalidHeader),
            _ => {}
        }
        Ok(Header {
            json,
            alg,
            typ: string(typ)?,
            kid: string(kid)?,
            crit,
        })
    }

    /// The whole header, for members sigmint does not interpret.
    #[must_use]
    pub fn json(&self) -> Value<'a> {
        self.json
    }

    /// `alg` (always present: a header without it is refused).
    #[must_use]
    pub fn alg(&self) -> Value<'a> {
        self.alg
    }

    /// `typ`, when present.
    #[must_use]
    pub fn typ(&self) -> Option<Value<'a>> {
        self.typ
    }

    /// `kid`, when present.
    #[must_use]
    pub fn kid(&self) -> Option<Value<'a>> {
        self.kid
    }

    /// `crit`, when present (a non-empty array of strings).
    #[must_use]
    pub fn crit(&self) -> Option<Value<'a>> {
        self.crit
    }

    /// Refuses every algorithm but the allowed HMAC ones, and any critical extension: all
    /// before a single MAC block is computed.
    fn check(&self, allowed: &[Algorithm]) -> Result<Algorithm, Error> {
        // `none` in any spelling, RS/ES/PS/EdDSA and anything unknown are refused outright;
        // an HMAC the caller did not allow is refused as not allowed.
        let algorithm = if self.alg.str_eq("HS256") {
            Algorithm::Hs256
        } else if self.alg.str_eq("HS384") || self.alg.str_eq("HS512") {
            return Err(Error::AlgorithmNotAllowed);
        } else {
            return Err(Error::UnsupportedAlgorithm);
        };
        if !allowed.contains(&algorithm) {
            return Err(Error::AlgorithmNotAllowed);
        }
        if self.crit.is_some() {
            // sigmint implements no JWS extension, so every critical one is unknown to it.
            return Err(Error::UnknownCritical);
        }
        Ok(algorithm)
    }
}

/// Splits a compact JWS, checks every segment is strict base64url, and decodes the header into
/// `header_scratch` (headers are small: 1 KiB holds any sensible one). Nothing is verified yet.
///
/// The token is text or its bytes (bytes that are not UTF-8 are malformed).
///
/// # Errors
/// [`Error::TokenTooLarge`] beyond `limits.max_token_len` (or for a header beyond
/// [`MAX_HEADER_LEN`]); [`Error::MalformedToken`] unless the token is exactly three strict
/// base64url segments; [`Error::BufferTooSmall`] when
/// `header_scratch` cannot hold the decoded header; for the header, [`Error::InvalidJson`],
/// [`Error::InvalidUtf8`], [`Error::JsonTooDeep`], [`Error::DuplicateKey`] or
/// [`Error::InvalidHeader`].
pub fn decode<'a, T: AsRef<[u8]> + ?Sized>(
    token: &'a T,
    header_scratch: &'a mut [u8],
    limits: &Limits,
) -> Result<Unverified<'a>, Error> {
    decode_bytes(token.as_ref(), header_scratch, limits)
}

/// [`decode`], compiled once.
fn decode_bytes<'a>(
    token: &'a [u8],
    header_scratch: &'a mut [u8],
    limits: &Limits,
) -> Result<Unverified<'a>, Error> {
    let token = token_text(token, limits)?;
    decode_segments(token, segments(token), header_scratch, limits)
}

/// `scratch` ([`scratch_len`] long) split into room for the decoded header and for the
/// payload of `token`, split into `segments`.
///
/// # Errors
/// [`Error::BufferTooSmall`] when `scratch` is shorter than [`scratch_len`], unless `token` is
/// refused for its shape ([`Error::MalformedToken`], a header beyond [`MAX_HEADER_LEN`]): a
/// bad token is reported as such whatever the buffer.
pub(crate) fn split_scratch<'s>(
    token: &str,
    segments: Segments<'_>,
    scratch: &'s mut [u8],
    limits: &Limits,
) -> Result<(&'s mut [u8], &'s mut [u8]), Error> {
    let (header, payload, _) = segments;
    let header_len = decoded_len(header);
    let needed = header_len.saturating_add(decoded_len(payload.unwrap_or("")));
    if scratch.len() < needed {
        // Without room for the header, decoding stops at it: what it finds before is the
        // token's own fault.
        let shape = decode_segments(token, segments, &mut [], limits).err();
        return Err(shape
            .filter(|error| error.needed().is_none())
            .unwrap_or(Error::BufferTooSmall { needed }));
    }
    scratch
        .split_at_mut_checked(header_len)
        .ok_or(Error::BufferTooSmall { needed })
}

/// The payload's part of the scratch (`payload_len` bytes, or all of it when shorter: decoding
/// then reports the buffer too small) and the rest.
pub(crate) fn split_payload_scratch(
    payload_len: usize,
    scratch: &mut [u8],
) -> (&mut [u8], &mut [u8]) {
    let at = payload_len.min(scratch.len());
    scratch.split_at_mut_checked(at).unwrap_or_default()
}

/// [`decode`] for a token already within the size limit ([`token_text`]) and split into its
/// `segments` (see [`segments`]). The checks run in the order that decides which error a bad
/// token gets.
pub(crate) fn decode_segments<'a>(
    token: &'a str,
    (header_b64, payload_b64, rest): Segments<'a>,
    header_scratch: &'a mut [u8],
    limits: &Limits,
) -> Result<Unverified<'a>, Error> {
    let payload_b64 = payload_b64.ok_or(Error::MalformedToken)?;
    let (signature_b64, None) = split_dot(rest.ok_or(Error::MalformedToken)?) else {
        return Err(Error::MalformedToken);
    };
    let signing_input = token
        .get(
            ..header_b64
                .len()
                .saturating_add(1)
                .saturating_add(payload_b64.len()),
        )
        .ok_or(Error::MalformedToken)?;

    let mut signature = [0u8; MAX_SIGNATURE_LEN];
    let signature_len = if decoded_len(signature_b64) <= MAX_SIGNATURE_LEN {
        decode_segment(signature_b64, &mut signature)?.len()
    } else {
        // Too long to be a tag: still refuse bad base64url as malformed, then let the MAC
        // check refuse the length.
        if !signature_b64
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(Error::MalformedToken);
        }
        MAX_SIGNATURE_LEN + 1
    };

    check_segment(payload_b64)?;
    if decoded_len(header_b64) > MAX_HEADER_LEN {
        return Err(Error::TokenTooLarge {
            limit: MAX_HEADER_LEN,
        });
    }
    let header = Header::parse(decode_segment(header_b64, header_scratch)?, limits)?;
    Ok(Unverified {
        signing_input,
        header,
        payload_b64,
        signature,
        signature_len,
    })
}

impl<'a> Unverified<'a> {
    /// The header (shape-checked, not authenticated).
    #[must_use]
    pub fn header(&self) -> &Header<'a> {
        &self.header
    }

    /// The length of the decoded payload.
    #[must_use]
    pub fn payload_len(&self) -> usize {
        decoded_len(self.payload_b64)
    }

    /// Decodes the payload into `out` **without** authenticating it: for debugging or routing
    /// only, never for decisions.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] when `out` is shorter than [`Unverified::payload_len`]
    /// (`out` untouched).
    pub fn dangerous_decode_payload<'o>(&self, out: &'o mut [u8]) -> Result<&'o [u8], Error> {
        // Checked when the token was split.
        Ok(base64::decode_checked(self.payload_b64.as_bytes(), out)?)
    }

    /// Checks the algorithm against `allowed`, then the HMAC over the exact received
    /// `header.payload` bytes, in constant time and at full length.
    ///
    /// # Errors
    /// [`Error::UnsupportedAlgorithm`] for `none` or any non-HMAC algorithm,
    /// [`Error::AlgorithmNotAllowed`] for an HMAC not in `allowed`, [`Error::UnknownCritical`]
    /// for any `crit` entry, [`Error::InvalidSignature`] for a wrong or wrong-length tag.
    pub fn verify(self, key: &Key, allowed: &[Algorithm]) -> Result<Verified<'a>, Error> {
        match self.header.check(allowed)? {
            Algorithm::Hs256 => {
                let signature = self
                    .signature
                    .get(..self.signature_len)
                    .ok_or(Error::InvalidSignature)?;
                key.verify(&[self.signing_input.as_bytes()], signature)?;
            }
        }
        Ok(Verified { token: self })
    }
}

/// A token whose algorithm was allowed and whose signature verified.
#[derive(Debug)]
pub struct Verified<'a> {
    token: Unverified<'a>,
}

impl<'a> Verified<'a> {
    /// The authenticated header.
    #[must_use]
    pub fn header(&self) -> &Header<'a> {
        &self.token.header
    }

    /// The length of the decoded payload.
    #[must_use]
    pub fn payload_len(&self) -> usize {
        self.token.payload_len()
    }

    /// Decodes the authenticated payload into `out`.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] when `out` is shorter than [`Verified::payload_len`] (`out`
    /// untouched).
    pub fn decode_payload<'o>(&self, out: &'o mut [u8]) -> Result<&'o [u8], Error> {
        // Checked when the token was split.
        Ok(base64::decode_checked(
            self.token.payload_b64.as_bytes(),
            out,
        )?)
    }
}

/// Checks a header sigmint is about to mint with as [`Unverified::verify`] would check it.
pub(crate) fn check_header_for_minting(header_json: &[u8], limits: &Limits) -> Result<(), Error> {
    Header::parse(header_json, limits)?
        .check(&[Algorithm::Hs256])
        .map(|_| ())
}

/// Writes a compact HS256 JWS of `header_json` and `payload` into `out` and returns it;
/// [`Error::BufferTooSmall`] with the length when `out` is shorter (`out` untouched).
pub(crate) fn sign_compact<'o>(
    key: &Key,
    header_json: &[u8],
    payload: &[u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    let header_len = base64::base64url_len(header_json.len());
    let payload_len = base64::base64url_len(payload.len());
    let input_len = header_len.saturating_add(1).saturating_add(payload_len);
    // Checked before a byte is written: a short `out` is left as it was.
    let out = crate::sink::prefix(out, compact_len(header_json.len(), payload.len()))?;
    let (input, signature) = out.split_at_mut(input_len);
    let (header_out, rest) = input.split_at_mut(header_len);
    base64::base64url(header_json, header_out)?;
    let (dot, payload_out) = rest.split_at_mut(1);
    dot.fill(b'.');
    base64::base64url(payload, payload_out)?;
    let tag = key.sign(&[input]);
    let (dot, signature_out) = signature.split_at_mut(1);
    dot.fill(b'.');
    base64::base64url(tag.as_bytes(), signature_out)?;
    core::str::from_utf8(out).map_err(|_| Error::InvalidUtf8)
}

/// The limits a header sigmint mints with is checked against: any size, the deepest nesting.
pub(crate) const MINT_LIMITS: Limits = Limits {
    max_token_len: usize::MAX,
    max_depth: json::MAX_DEPTH,
};

/// Mints a compact HS256 JWS of any `payload` bytes (a JWT's claims are one kind: see
/// [`crate::jwt::encode_json`]) with `header_json`, which is checked as [`decode`] checks a
/// header (a JSON object whose `alg` is `"HS256"`, without `crit`): sigmint never mints a token
/// it would refuse to verify.
///
/// ```
/// use sigmint_core::{Key, jws};
/// let key = Key::new(b"a-32-byte-secret-for-the-docs!!!")?;
/// let header = br#"{"alg":"HS256"}"#;
/// let mut out = vec![0u8; jws::encoded_len(header.len(), 5)];
/// let token = jws::encode(&key, header, b"hello", &mut out)?;
/// assert!(token.starts_with("eyJhbGciOiJIUzI1NiJ9.aGVsbG8."));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// The header errors of [`decode`] ([`Error::InvalidJson`], [`Error::InvalidHeader`],
/// [`Error::UnsupportedAlgorithm`], [`Error::AlgorithmNotAllowed`],
/// [`Error::UnknownCritical`], ...); [`Error::BufferTooSmall`] with the token's length when
/// `out` is shorter (`out` untouched).
pub fn encode<'o>(
    key: &Key,
    header_json: &[u8],
    payload: &[u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    check_header_for_minting(header_json, &MINT_LIMITS)?;
    sign_compact(key, header_json, payload, out)
}

/// The length of the token [`encode`] mints from a header and a payload of these lengths.
#[must_use]
pub fn encoded_len(header_json_len: usize, payload_len: usize) -> usize {
    compact_len(header_json_len, payload_len)
}

/// The length [`sign_compact`] writes.
pub(crate) fn compact_len(header_json_len: usize, payload_len: usize) -> usize {
    base64::base64url_len(header_json_len)
        .saturating_add(base64::base64url_len(payload_len))
        .saturating_add(2)
        .saturating_add(base64::base64url_len(TAG_LEN))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::new(b"k").unwrap()
    }

    fn mint(header: &str, payload: &str) -> ([u8; 512], usize) {
        let mut out = [0u8; 512];
        let len = sign_compact(&key(), header.as_bytes(), payload.as_bytes(), &mut out)
            .unwrap()
            .len();
        (out, len)
    }

    fn check(header: &str) -> Result<(), Error> {
        let (out, len) = mint(header, "{}");
        let token = core::str::from_utf8(&out[..len]).unwrap();
        let mut scratch = [0u8; 256];
        decode(token, &mut scratch, &Limits::default())?
            .verify(&key(), &[Algorithm::Hs256])
            .map(|_| ())
    }

    #[test]
    fn round_trip() {
        assert_eq!(check(r#"{"alg":"HS256","typ":"JWT"}"#), Ok(()));
        assert_eq!(
            compact_len(27, 2),
            mint(r#"{"alg":"HS256","typ":"JWT"}"#, "{}").1
        );
    }

    #[test]
    fn algorithms_refused_before_mac() {
        for alg in [
            "none", "None", "NONE", "nOnE", "RS256", "ES256", "PS256", "EdDSA", "hs256", "",
        ] {
            let header = format_header(alg);
            assert_eq!(
                check(header.as_str()),
                Err(Error::UnsupportedAlgorithm),
                "{alg}"
            );
        }
        assert_eq!(
            check(format_header("HS512").as_str()),
            Err(Error::AlgorithmNotAllowed)
        );
        assert_eq!(check(r#"{"typ":"JWT"}"#), Err(Error::InvalidHeader));
        assert_eq!(check(r#"{"alg":256}"#), Err(Error::InvalidHeader));
        assert_eq!(
            check(r#"{"alg":"HS256","crit":["exp"]}"#),
            Err(Error::UnknownCritical)
        );
        assert_eq!(
            check(r#"{"alg":"HS256","crit":[]}"#),
            Err(Error::InvalidHeader)
        );
        assert_eq!(
            check(r#"{"alg":"HS256","alg":"HS256"}"#),
            Err(Error::DuplicateKey)
        );
        assert_eq!(check(r#"["alg"]"#), Err(Error::InvalidJson));
    }

    fn format_header(alg: &str) -> heapless::String<64> {
        let mut s = heapless::String::new();
        core::fmt::write(&mut s, format_args!(r#"{{"alg":"{alg}"}}"#)).unwrap();
        s
    }

    #[test]
    fn segments_must_be_three_and_strict() {
        let mut scratch = [0u8; 64];
        let limits = Limits::default();
        for token in [
            "",
            ".",
            "..",
            "a.b",
            "e30.e30.AA.x",
            "e30.e30=.AA",
            "e30.e3 0.AA",
            "e30.e31.AA",
        ] {
            assert!(
                matches!(
                    decode(token, &mut scratch, &limits).map(|_| ()),
                    Err(Error::MalformedToken | Error::InvalidJson)
                ),
                "{token:?}"
            );
        }
        let small = Limits {
            max_token_len: 4,
            ..limits
        };
        assert_eq!(
            decode("e30.e30.", &mut scratch, &small).map(|_| ()),
            Err(Error::TokenTooLarge { limit: 4 })
        );
        assert_eq!(
            decode("e30.e30.", &mut [0u8; 1], &limits).map(|_| ()),
            Err(Error::BufferTooSmall { needed: 2 })
        );
    }
}

//! A scheme: its template, its secret's and tag's encodings, its prefix; signing, verifying
//! and showing the string to sign.

use heapless::String;
use sha2::{Digest, Sha256};

use super::{Field, Parts, Segment, TagEncoding, Template, TimestampSource};
use crate::sink::write_exact_bytes;
use crate::{Error, Key, Tag};

/// The longest prefix a scheme's signature may have (`sha256=` is 7 bytes).
pub const PREFIX_MAX_LEN: usize = 32;
/// The longest signature any scheme writes: a prefix and 64 hex digits.
pub const SIGNATURE_MAX_LEN: usize = PREFIX_MAX_LEN + 64;

/// A scheme's signature text: its prefix and the encoded tag.
pub type Signature = String<SIGNATURE_MAX_LEN>;

/// How a scheme's secret is written; [`SecretEncoding::Raw`] unless a scheme says otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SecretEncoding {
    /// The secret's bytes are the key (GitHub, Slack, Stripe, Shopify, Binance).
    #[default]
    Raw,
    /// Base64, decoded as [`Key::from_base64`] does (Fonbnk, Coinbase).
    Base64,
    /// Hex, either case, decoded in constant time.
    Hex,
}

impl SecretEncoding {
    /// Every encoding.
    pub const ALL: [SecretEncoding; 3] = [
        SecretEncoding::Raw,
        SecretEncoding::Base64,
        SecretEncoding::Hex,
    ];

    /// Its name, as the bindings spell it (`"raw"`, `"base64"`, `"hex"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SecretEncoding::Raw => "raw",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Hex => "hex",
        }
    }

    /// The key a secret written so stands for.
    ///
    /// # Errors
    /// [`Error::EmptyKey`]; [`Error::InvalidBase64`] or [`Error::InvalidHex`] for a secret
    /// that is not in its encoding.
    pub fn key(self, secret: &[u8]) -> Result<Key, Error> {
        match self {
            SecretEncoding::Raw => Key::new(secret),
            SecretEncoding::Base64 => crate::crypto::secret::key_from_base64(secret),
            SecretEncoding::Hex => crate::crypto::secret::key_from_hex(secret),
        }
    }
}

/// An HMAC-SHA256 signing scheme: what is signed ([`Template`]), how the secret and the tag
/// are written, and the tag's prefix. See [`Preset`](super::Preset) for the partners' own.
///
/// ```
/// use sigmint_core::canonical::{Parts, Scheme, SecretEncoding, TagEncoding};
///
/// let github = Scheme::new("{body}", SecretEncoding::Raw, TagEncoding::Hex, "sha256=")?;
/// let key = github.key(b"It's a Secret to Everybody")?;
/// let parts = Parts { body: b"Hello, World!", ..Parts::default() };
/// assert_eq!(
///     github.sign(&key, &parts)?,
///     "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
/// );
/// # Ok::<(), sigmint_core::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scheme<'t> {
    template: Template<'t>,
    secret: SecretEncoding,
    tag: TagEncoding,
    prefix: &'t str,
}

/// Lower-case hex of the body's SHA-256. Out of line: inlined, its hash state doubled the
/// stack frame of every signature, which then copied the MAC state around it.
#[inline(never)]
fn body_sha256(body: &[u8]) -> [u8; 64] {
    let digest: [u8; 32] = Sha256::digest(body).into();
    let mut hex = [0u8; 64];
    // 64 bytes hold the hex of 32: the error cannot happen.
    let _ = base16ct::lower::encode(&digest, &mut hex);
    hex
}

impl<'t> Scheme<'t> {
    /// A scheme from its template text, encodings and prefix (`""` for none).
    ///
    /// # Errors
    /// The errors of [`Template::parse`]; [`Error::InvalidPart`] (`prefix`) for a prefix
    /// longer than [`PREFIX_MAX_LEN`] or not visible ASCII.
    pub fn new(
        template: &'t str,
        secret: SecretEncoding,
        tag: TagEncoding,
        prefix: &'t str,
    ) -> Result<Scheme<'t>, Error> {
        let template = Template::parse(template)?;
        if prefix.len() > PREFIX_MAX_LEN || !prefix.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::InvalidPart { part: "prefix" });
        }
        Ok(Scheme {
            template,
            secret,
            tag,
            prefix,
        })
    }

    /// A preset's scheme, whose parts core knows to be valid (a test checks each).
    pub(crate) const fn preset(
        template: Template<'static>,
        secret: SecretEncoding,
        tag: TagEncoding,
        prefix: &'static str,
    ) -> Scheme<'static> {
        Scheme {
            template,
            secret,
            tag,
            prefix,
        }
    }

    /// What is signed.
    #[must_use]
    pub const fn template(&self) -> Template<'t> {
        self.template
    }

    /// How the secret is written.
    #[must_use]
    pub const fn secret_encoding(&self) -> SecretEncoding {
        self.secret
    }

    /// How the tag is written.
    #[must_use]
    pub const fn tag_encoding(&self) -> TagEncoding {
        self.tag
    }

    /// The text before the tag (`""` for none).
    #[must_use]
    pub const fn prefix(&self) -> &'t str {
        self.prefix
    }

    /// The length of every signature this scheme writes.
    #[must_use]
    pub const fn signature_len(&self) -> usize {
        self.prefix.len().saturating_add(self.tag.text_len())
    }

    /// The key a secret stands for, decoded as the scheme says ([`SecretEncoding::key`]).
    ///
    /// # Errors
    /// As [`SecretEncoding::key`].
    pub fn key(&self, secret: &[u8]) -> Result<Key, Error> {
        self.secret.key(secret)
    }

    /// Hands the string to sign to `put`, piece by piece. Generic, so that the MAC's update
    /// is called directly when signing (through `dyn Sink`, a Fonbnk signature cost a
    /// terminal N more instructions).
    fn feed(
        &self,
        parts: &Parts<'_>,
        timestamp: TimestampSource,
        mut put: impl FnMut(&[u8]) -> Result<(), Error>,
    ) -> Result<(), Error> {
        for segment in self.template.segments() {
            match segment? {
                Segment::Literal(text) => put(text)?,
                Segment::Field(Field::BodySha256) => put(&body_sha256(parts.body))?,
                Segment::Field(field) => put(parts.get(field, timestamp)?)?,
            }
        }
        Ok(())
    }

    /// The HMAC-SHA256 tag of the string to sign, streamed into the MAC (never built).
    ///
    /// # Errors
    /// [`Error::MissingPart`] for a part the template signs that `parts` lacks;
    /// [`Error::InvalidPart`], [`Error::EndpointNotAbsolute`] or
    /// [`Error::EndpointInvalidChar`] for one that cannot go on the wire as given.
    pub fn tag(&self, key: &Key, parts: &Parts<'_>) -> Result<Tag, Error> {
        self.tag_from(key, parts, TimestampSource::Given)
    }

    /// [`Scheme::tag`], with the timestamp's digits formatted by core (not checked again).
    pub(crate) fn tag_from(
        &self,
        key: &Key,
        parts: &Parts<'_>,
        timestamp: TimestampSource,
    ) -> Result<Tag, Error> {
        let mut signing = key.start();
        self.feed(parts, timestamp, |bytes| {
            signing.update(bytes);
            Ok(())
        })?;
        // Finished where it was fed: `finish(self)` moved the state to a new place first.
        Ok(signing.finish_in_place())
    }

    /// The signature: the prefix, then the tag in the scheme's encoding.
    ///
    /// # Errors
    /// As [`Scheme::tag`].
    pub fn sign(&self, key: &Key, parts: &Parts<'_>) -> Result<Signature, Error> {
        let tag = self.tag(key, parts)?;
        let mut text = Signature::new();
        text.push_str(self.prefix)
            .map_err(|_| Error::InvalidPart { part: "prefix" })?;
        let mut encoded = [0u8; 64];
        let encoded = self.tag.encode(&tag, &mut encoded)?;
        text.push_str(encoded)
            .map_err(|_| Error::InvalidPart { part: "prefix" })?;
        Ok(text)
    }

    /// Checks a received signature (prefix and tag) in constant time.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] when it does not match, lacks the prefix, or is not one
    /// encoding of 32 bytes (hex in either case); the errors of [`Scheme::tag`] first.
    pub fn verify(&self, key: &Key, parts: &Parts<'_>, signature: &[u8]) -> Result<(), Error> {
        let tag = self.tag(key, parts)?;
        let encoded = signature
            .strip_prefix(self.prefix.as_bytes())
            .ok_or(Error::InvalidSignature)?;
        tag.matches(&self.tag.decode(encoded)?)
    }

    /// Writes the string to sign into `out`, to debug a signature mismatch.
    ///
    /// # Errors
    /// As [`Scheme::tag`]; [`Error::BufferTooSmall`] with the length needed when `out` is
    /// too short (`out` is untouched).
    pub fn string_to_sign<'o>(
        &self,
        parts: &Parts<'_>,
        out: &'o mut [u8],
    ) -> Result<&'o [u8], Error> {
        write_exact_bytes(out, |sink| {
            self.feed(parts, TimestampSource::Given, |bytes| sink.put(bytes))
        })
    }
}

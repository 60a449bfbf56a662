//! HMAC-SHA256 keys: precomputed once, signed with many times, never printed.

use core::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::Error;

type HmacSha256 = Hmac<Sha256>;

/// Length of an HMAC-SHA256 tag in bytes.
pub const TAG_LEN: usize = 32;

/// An HMAC-SHA256 key with its inner and outer pads already absorbed.
///
/// Build it once per secret and share it (`Key` is `Send + Sync` and immutable): each signature
/// then costs only the message's compression rounds. Its memory is zeroized when dropped and
/// its `Debug` output shows no key material.
///
/// ```
/// use sigmint_core::Key;
///
/// let key = Key::new(b"key")?;
/// let tag = key.sign(&[b"The quick brown fox ", b"jumps over the lazy dog"]);
/// assert_eq!(
///     sigmint_core::encode::hex(tag.as_bytes(), &mut [0; 64])?,
///     "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
/// );
/// key.verify(&[b"The quick brown fox jumps over the lazy dog"], tag.as_bytes())?;
/// # Ok::<(), sigmint_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Key {
    state: HmacSha256,
}

// The key material of an `Hmac` is its two precomputed SHA-256 block states (its buffer holds
// only message bytes). sha2's `zeroize` feature wipes those states on drop; this fails to
// compile if that feature is ever lost.
const _: fn() = || {
    fn zeroized_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    zeroized_on_drop::<<Sha256 as hmac::digest::block_api::CoreProxy>::Core>();
};

impl Key {
    /// A key from raw secret bytes (any length; longer than 64 bytes is hashed first, as
    /// RFC 2104 says).
    ///
    /// # Errors
    /// [`Error::EmptyKey`] for an empty secret: HMAC accepts it, but it is never what a caller meant.
    pub fn new(secret: &[u8]) -> Result<Key, Error> {
        if secret.is_empty() {
            return Err(Error::EmptyKey);
        }
        let state = HmacSha256::new_from_slice(secret).map_err(|_| Error::EmptyKey)?;
        Ok(Key { state })
    }

    /// A key from a base64 secret, as partners such as Fonbnk issue them.
    ///
    /// Accepts the standard and the URL-safe alphabet (even mixed), with or without padding,
    /// decoding exactly as Node's `Buffer.from(secret, "base64")` does for such input. Anything
    /// Node would silently skip or guess at is refused instead.
    ///
    /// ```
    /// use sigmint_core::{Error, Key};
    /// assert!(Key::from_base64("c2VjcmV0").is_ok());
    /// assert_eq!(Key::from_base64("c2Vj cmV0").err(), Some(Error::InvalidBase64));
    /// assert_eq!(Key::from_base64("").err(), Some(Error::EmptyKey));
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidBase64`] for a character outside both alphabets, misplaced padding or an
    /// impossible length; [`Error::EmptyKey`] when the secret is empty or decodes to nothing.
    pub fn from_base64(secret: &str) -> Result<Key, Error> {
        crate::secret::key_from_base64(secret.as_bytes())
    }

    /// Starts a MAC computation over a message given piece by piece.
    #[must_use]
    pub fn start(&self) -> Signing {
        Signing {
            state: self.state.clone(),
        }
    }

    /// The HMAC-SHA256 tag of the concatenation of `parts`, which is never built in memory.
    #[must_use]
    pub fn sign(&self, parts: &[&[u8]]) -> Tag {
        let mut signing = self.start();
        for part in parts {
            signing.update(part);
        }
        signing.finish()
    }

    /// Checks `tag` against the tag of the concatenation of `parts`, in constant time.
    ///
    /// Only a full 32-byte tag can match: a shorter one is never compared as a prefix.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] when the tag differs or is not 32 bytes long.
    pub fn verify(&self, parts: &[&[u8]], tag: &[u8]) -> Result<(), Error> {
        let mut signing = self.start();
        for part in parts {
            signing.update(part);
        }
        signing.verify(tag)
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(HMAC-SHA256, <redacted>)")
    }
}

/// A MAC computation in progress, started by [`Key::start`].
pub struct Signing {
    state: HmacSha256,
}

impl Signing {
    /// Absorbs the next piece of the message.
    pub fn update(&mut self, bytes: &[u8]) {
        self.state.update(bytes);
    }

    /// The tag of everything absorbed.
    #[must_use]
    pub fn finish(self) -> Tag {
        Tag(self.state.finalize().into_bytes().into())
    }

    /// Compares the tag of everything absorbed with `tag` in constant time.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] when the tag differs or is not 32 bytes long.
    pub fn verify(self, tag: &[u8]) -> Result<(), Error> {
        // verify_slice refuses any length other than 32 before comparing (lengths are public)
        // and compares the bytes in constant time.
        self.state
            .verify_slice(tag)
            .map_err(|_| Error::InvalidSignature)
    }
}

impl fmt::Debug for Signing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Signing(<redacted>)")
    }
}

/// An HMAC-SHA256 tag.
// No `PartialEq`: tags are compared with `Key::verify`, in constant time, never with `==`.
#[derive(Clone, Copy)]
pub struct Tag([u8; TAG_LEN]);

impl Tag {
    /// The 32 tag bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; TAG_LEN] {
        &self.0
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Tag(")?;
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_send_sync_and_debug_hides_secret() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Key>();
        let key = Key::new(b"super-secret").unwrap();
        let mut buf = heapless::String::<64>::new();
        core::fmt::write(&mut buf, format_args!("{key:?}")).unwrap();
        assert!(!buf.contains("super"));
    }

    #[test]
    fn empty_key_refused() {
        assert_eq!(Key::new(b"").err(), Some(Error::EmptyKey));
    }

    #[test]
    fn verify_refuses_prefix_and_overlong_tags() {
        let key = Key::new(b"k").unwrap();
        let tag = key.sign(&[b"msg"]);
        assert!(key.verify(&[b"msg"], tag.as_bytes()).is_ok());
        assert_eq!(
            key.verify(&[b"msg"], &tag.as_bytes()[..16]),
            Err(Error::InvalidSignature)
        );
        assert_eq!(key.verify(&[b"msg"], &[]), Err(Error::InvalidSignature));
        let mut long = [0u8; 33];
        long[..32].copy_from_slice(tag.as_bytes());
        assert_eq!(key.verify(&[b"msg"], &long), Err(Error::InvalidSignature));
    }
}

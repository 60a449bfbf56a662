//! HMAC-SHA256 keys: precomputed once, signed with many times, never printed.
//!
//! HMAC and SHA-256 are RustCrypto's `hmac` over `sha2` (which picks SHA-NI or the ARMv8
//! instructions at run time, and the compact software rounds in a size-first firmware build),
//! with their `zeroize` support on; tags are compared in constant time by `subtle`. The unit
//! tests below check the key against the `hmac` crate used directly, and `tests/` runs RFC 4231
//! and Wycheproof.

use core::fmt;

use hmac::KeyInit;
// The unit tests below check the key against `hmac`'s own `Mac` API.
#[cfg(test)]
use hmac::Mac;
use hmac::block_api::HmacCore;
use hmac::digest::block_api::{Buffer, FixedOutputCore, UpdateCore};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::Error;

/// Length of an HMAC-SHA256 tag in bytes.
pub const TAG_LEN: usize = 32;

/// HMAC over SHA-256 at the block level (the `hmac` crate's own core, which its `Hmac` wraps
/// with a message buffer): the inner and outer hash states after their pad blocks. A key keeps
/// only these; each message gets an empty buffer of its own, and is finished in place (the
/// wrapper's `finalize` takes it by value: a copy of the whole state per signature, two on a
/// terminal).
type HmacSha256 = HmacCore<Sha256>;

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
    /// The MAC state after one block of key ⊕ ipad and one of key ⊕ opad: all the key
    /// material a `Key` holds, wiped on drop (the crates' `zeroize` feature). Each message
    /// starts from a clone of it.
    mac: HmacSha256,
}

impl zeroize::ZeroizeOnDrop for Key {}

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
        // HMAC takes keys of any length: the crate's `InvalidLength` never happens.
        let mac = HmacSha256::new_from_slice(secret).map_err(|_| Error::EmptyKey)?;
        Ok(Key { mac })
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
        super::secret::key_from_base64(secret.as_bytes())
    }

    /// Starts a MAC computation over a message given piece by piece.
    #[must_use]
    pub fn start(&self) -> Signing {
        Signing {
            mac: self.mac.clone(),
            buffer: Buffer::<HmacSha256>::default(),
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
        self.sign(parts).matches(tag)
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(HMAC-SHA256, <redacted>)")
    }
}

/// A MAC computation in progress, started by [`Key::start`]. Zeroized when dropped (the hash
/// states and the buffer each wipe themselves).
pub struct Signing {
    mac: HmacSha256,
    /// The message's bytes not yet in a whole block.
    buffer: Buffer<HmacSha256>,
}

impl Signing {
    /// Absorbs the next piece of the message.
    #[inline(never)]
    pub fn update(&mut self, bytes: &[u8]) {
        let Signing { mac, buffer } = self;
        buffer.digest_blocks(bytes, |blocks| mac.update_blocks(blocks));
    }

    /// The tag of everything absorbed.
    #[must_use]
    #[inline]
    pub fn finish(mut self) -> Tag {
        self.finish_in_place()
    }

    /// The tag, computed where the state is (then wiped with it when dropped): out of line
    /// for flash, and by reference so that no caller copies the state to hand it over (what
    /// is left is a finished state: callers drop it).
    #[inline(never)]
    pub(crate) fn finish_in_place(&mut self) -> Tag {
        let mut tag = hmac::digest::Output::<HmacSha256>::default();
        self.mac.finalize_fixed_core(&mut self.buffer, &mut tag);
        Tag(tag.into())
    }

    /// Compares the tag of everything absorbed with `tag` in constant time.
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] when the tag differs or is not 32 bytes long.
    pub fn verify(self, tag: &[u8]) -> Result<(), Error> {
        self.finish().matches(tag)
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

    /// Whether a received tag equals this one, decided in constant time (`subtle`), for
    /// callers that compare with several tags without stopping at the first.
    pub(crate) fn ct_eq(&self, received: &[u8; TAG_LEN]) -> subtle::Choice {
        self.0.ct_eq(received)
    }

    /// Compares with a received tag in constant time (`subtle`): every byte is looked at
    /// whatever the differences. A tag that is not 32 bytes long never matches (lengths are
    /// public, so that is decided up front).
    pub(crate) fn matches(&self, received: &[u8]) -> Result<(), Error> {
        let received: &[u8; TAG_LEN] = received.try_into().map_err(|_| Error::InvalidSignature)?;
        if bool::from(self.ct_eq(received)) {
            Ok(())
        } else {
            Err(Error::InvalidSignature)
        }
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
    extern crate std;

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

    // The key against the `hmac` crate used directly, on keys around the block size (hashed
    // or not), messages crossing block boundaries at every offset, and messages split into
    // arbitrary pieces: the pads absorbed once and the parts streamed give the same tag.
    proptest::proptest! {
        #[test]
        fn hmac_matches_the_hmac_crate(
            secret in proptest::collection::vec(proptest::num::u8::ANY, 1..200),
            message in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            cuts in proptest::collection::vec(0usize..300, 0..5),
        ) {
            let mut reference = hmac::Hmac::<sha2::Sha256>::new_from_slice(&secret).unwrap();
            reference.update(&message);
            let expected: [u8; 32] = reference.finalize().into_bytes().into();

            let mut cuts: std::vec::Vec<usize> =
                cuts.into_iter().map(|c| c.min(message.len())).collect();
            cuts.sort_unstable();
            let mut parts = std::vec::Vec::new();
            let mut from = 0;
            for cut in cuts.into_iter().chain([message.len()]) {
                parts.push(&message[from..cut]);
                from = cut;
            }
            let key = Key::new(&secret).unwrap();
            proptest::prop_assert_eq!(*key.sign(&parts).as_bytes(), expected);
            proptest::prop_assert!(key.verify(&[&message], &expected).is_ok());
            let mut wrong = expected;
            wrong[31] ^= 1;
            proptest::prop_assert_eq!(key.verify(&parts, &wrong), Err(Error::InvalidSignature));
            let mut signing = key.start();
            for part in &parts {
                signing.update(part);
            }
            proptest::prop_assert!(signing.verify(&expected).is_ok());
        }
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

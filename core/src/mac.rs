//! HMAC-SHA256 keys: precomputed once, signed with many times, never printed.
//!
//! HMAC (RFC 2104) is written here over sha2's SHA-256 compression function
//! (`sha2::block_api::compress256`, which picks SHA-NI or the ARMv8 instructions at run time
//! and the compact software rounds in a size-first firmware build) instead of with the `hmac`
//! crate: its generic buffering and finalization took about 2 KiB of a Cortex-M image, for a
//! construction that is a dozen lines over one hash function. The unit tests below check it
//! against the `hmac` crate on arbitrary keys and messages, and `tests/` runs RFC 4231.

use core::fmt;

use sha2::block_api::compress256;
use zeroize::Zeroize;

use crate::Error;

/// Length of an HMAC-SHA256 tag in bytes.
pub const TAG_LEN: usize = 32;

/// SHA-256's block size.
pub(crate) const BLOCK_LEN: usize = 64;

/// SHA-256's initial chaining value (FIPS 180-4 §5.3.3).
const H0: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// A SHA-256 computation in progress: the chaining value, the bytes of the block not yet
/// compressed, and how many bytes were absorbed in all. Wiped when dropped: inside a MAC it
/// holds key-derived state and message bytes.
#[derive(Clone)]
pub(crate) struct Sha256 {
    state: [u32; 8],
    block: [u8; BLOCK_LEN],
    /// The byte count as two 32-bit halves (low, high): a `u64` field would make the struct
    /// 8-aligned, and every copy and clear of it on a 32-bit target then used another variant
    /// of the library's memory functions (half a kilobyte of flash).
    len: [u32; 2],
}

impl Sha256 {
    /// A plain SHA-256.
    pub(crate) fn new() -> Self {
        Sha256::resume(H0, 0)
    }

    /// Continues from a chaining value reached after `len` bytes (a whole number of blocks).
    fn resume(state: [u32; 8], len: u64) -> Self {
        let mut sha = Sha256 {
            state,
            block: [0; BLOCK_LEN],
            len: [0; 2],
        };
        sha.set_len(len);
        sha
    }

    fn len(&self) -> u64 {
        let [low, high] = self.len;
        u64::from(high) << 32 | u64::from(low)
    }

    fn set_len(&mut self, len: u64) {
        // Truncations take each half.
        self.len = [len as u32, (len >> 32) as u32];
    }

    /// How many bytes of `block` are pending.
    fn pending(&self) -> usize {
        // The remainder of a division by 64 always fits.
        self.len[0] as usize % BLOCK_LEN
    }

    pub(crate) fn update(&mut self, mut bytes: &[u8]) {
        let pending = self.pending();
        self.set_len(self.len().wrapping_add(bytes.len() as u64));
        if pending > 0 {
            let free = self.block.get_mut(pending..).unwrap_or_default();
            let take = free.len().min(bytes.len());
            let (head, rest) = bytes.split_at(take);
            free.get_mut(..take)
                .unwrap_or_default()
                .copy_from_slice(head);
            if take < free.len() {
                return;
            }
            compress256(&mut self.state, core::slice::from_ref(&self.block));
            bytes = rest;
        }
        let (blocks, rest) = bytes.as_chunks::<BLOCK_LEN>();
        if !blocks.is_empty() {
            compress256(&mut self.state, blocks);
        }
        if let Some(dst) = self.block.get_mut(..rest.len()) {
            dst.copy_from_slice(rest);
        }
    }

    /// Pads (FIPS 180-4 §5.1.1) and returns the digest; the state is spent.
    pub(crate) fn finish(&mut self) -> [u8; 32] {
        let pending = self.pending();
        let bits = self.len().wrapping_mul(8).to_be_bytes();
        // The pending bytes, the marker and zeros, in a block cleared whole (aligned).
        let mut last = [0u8; BLOCK_LEN];
        for (dst, src) in last
            .iter_mut()
            .zip(self.block.get(..pending).unwrap_or_default())
        {
            *dst = *src;
        }
        if let Some(marker) = last.get_mut(pending) {
            *marker = 0x80;
        }
        self.block = last;
        if pending >= BLOCK_LEN - bits.len() {
            compress256(&mut self.state, core::slice::from_ref(&self.block));
            self.block = [0; BLOCK_LEN];
        }
        if let Some(len) = self.block.get_mut(BLOCK_LEN - bits.len()..) {
            len.copy_from_slice(&bits);
        }
        compress256(&mut self.state, core::slice::from_ref(&self.block));
        let mut digest = [0u8; 32];
        for (out, word) in digest.chunks_exact_mut(4).zip(self.state) {
            out.copy_from_slice(&word.to_be_bytes());
        }
        digest
    }

    /// For the inner hash of an HMAC: finishes it, then hashes its digest after the opad
    /// block whose chaining value is `outer`, and returns the tag. The outer hash is one more
    /// block, padded by the same code, in the same (then wiped) state.
    fn finish_hmac(&mut self, outer: &[u32; 8]) -> [u8; 32] {
        let digest = self.finish();
        self.state = *outer;
        self.set_len((BLOCK_LEN + TAG_LEN) as u64);
        self.block
            .get_mut(..TAG_LEN)
            .unwrap_or_default()
            .copy_from_slice(&digest);
        self.finish()
    }
}

impl Drop for Sha256 {
    fn drop(&mut self) {
        self.state.zeroize();
        self.block.zeroize();
    }
}

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
    /// The chaining values after one block of key ⊕ ipad and of key ⊕ opad: all the key
    /// material a `Key` holds.
    inner: [u32; 8],
    outer: [u32; 8],
}

impl Drop for Key {
    fn drop(&mut self) {
        self.inner.zeroize();
        self.outer.zeroize();
    }
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
        let mut block = [0u8; BLOCK_LEN];
        match block.get_mut(..secret.len()) {
            Some(dst) => {
                dst.copy_from_slice(secret);
                Ok(Key::from_block(&mut block))
            }
            None => {
                let mut hash = Sha256::new();
                hash.update(secret);
                Ok(Key::from_hash(hash))
            }
        }
    }

    /// The key for a 64-byte key block (a secret of at most 64 bytes padded with zeros, or a
    /// longer secret's hash padded with zeros); wipes `block`.
    pub(crate) fn from_block(block: &mut [u8; BLOCK_LEN]) -> Key {
        let (mut ipad, mut opad) = ([0u8; BLOCK_LEN], [0u8; BLOCK_LEN]);
        for ((i, o), k) in ipad.iter_mut().zip(opad.iter_mut()).zip(block.iter()) {
            (*i, *o) = (k ^ 0x36, k ^ 0x5c);
        }
        let (mut inner, mut outer) = (H0, H0);
        compress256(&mut inner, core::slice::from_ref(&ipad));
        compress256(&mut outer, core::slice::from_ref(&opad));
        ipad.zeroize();
        opad.zeroize();
        block.zeroize();
        Key { inner, outer }
    }

    /// The key for a secret longer than a block, whose bytes went into `hash` (RFC 2104: such
    /// a secret is replaced by its hash).
    pub(crate) fn from_hash(mut hash: Sha256) -> Key {
        let mut block = [0u8; BLOCK_LEN];
        let mut digest = hash.finish();
        block
            .get_mut(..digest.len())
            .unwrap_or_default()
            .copy_from_slice(&digest);
        digest.zeroize();
        Key::from_block(&mut block)
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
            inner: Sha256::resume(self.inner, BLOCK_LEN as u64),
            outer: self.outer,
        }
    }

    /// The HMAC-SHA256 tag of the concatenation of `parts`, which is never built in memory.
    #[must_use]
    pub fn sign(&self, parts: &[&[u8]]) -> Tag {
        // Not through `Signing`: moving it into `finish` cost a copy of the whole state (and a
        // stall reading it back) per signature.
        let mut inner = Sha256::resume(self.inner, BLOCK_LEN as u64);
        for part in parts {
            inner.update(part);
        }
        Tag(inner.finish_hmac(&self.outer))
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

/// A MAC computation in progress, started by [`Key::start`]. Zeroized when dropped.
pub struct Signing {
    inner: Sha256,
    outer: [u32; 8],
}

impl Drop for Signing {
    fn drop(&mut self) {
        self.outer.zeroize();
    }
}

impl Signing {
    /// Absorbs the next piece of the message.
    pub fn update(&mut self, bytes: &[u8]) {
        self.inner.update(bytes);
    }

    /// The tag of everything absorbed.
    #[must_use]
    pub fn finish(mut self) -> Tag {
        Tag(self.inner.finish_hmac(&self.outer))
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

    /// Compares with a received tag in constant time: every byte is looked at whatever the
    /// differences, and only the folded result is tested. A tag that is not 32 bytes long
    /// never matches (lengths are public, so that is decided up front).
    #[inline(never)]
    fn matches(&self, received: &[u8]) -> Result<(), Error> {
        let received: &[u8; TAG_LEN] = received.try_into().map_err(|_| Error::InvalidSignature)?;
        let difference = self
            .0
            .iter()
            .zip(received)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        // The barrier keeps the compiler from turning the fold into an early exit.
        if core::hint::black_box(difference) == 0 {
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

    // The hand-written HMAC and SHA-256 above against the RustCrypto crates they replace, on
    // keys around the block size (hashed or not), messages crossing block boundaries at every
    // offset, and messages split into arbitrary pieces.
    proptest::proptest! {
        #[test]
        fn hmac_matches_the_hmac_crate(
            secret in proptest::collection::vec(proptest::num::u8::ANY, 1..200),
            message in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            cuts in proptest::collection::vec(0usize..300, 0..5),
        ) {
            use hmac::{KeyInit, Mac};
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

        #[test]
        fn sha256_matches_the_sha2_crate(
            message in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            cut in 0usize..300,
        ) {
            use sha2::Digest;
            let expected: [u8; 32] = sha2::Sha256::digest(&message).into();
            let (a, b) = message.split_at(cut.min(message.len()));
            let mut hash = Sha256::new();
            hash.update(a);
            hash.update(b);
            proptest::prop_assert_eq!(hash.finish(), expected);
        }
    }

    #[test]
    fn every_length_around_the_padding_boundary() {
        use sha2::Digest;
        let data = [0xa5u8; 200];
        for n in 0..=data.len() {
            let expected: [u8; 32] = sha2::Sha256::digest(&data[..n]).into();
            let mut hash = Sha256::new();
            hash.update(&data[..n]);
            assert_eq!(hash.finish(), expected, "{n}");
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

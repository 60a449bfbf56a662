//! Base64 secrets as partners hand them out, decoded in constant time straight into a [`Key`].
//!
//! The rule is Node's `Buffer.from(secret, "base64")` on well-formed input: the standard and
//! URL-safe alphabets (even mixed), padding optional, trailing bits dropped; every other byte
//! is refused, where Node would skip it and quietly sign with a different key. `base64ct`
//! decodes, in constant time. Two steps fit Node's rule to it without branching on the
//! secret: each URL-safe character is mapped to its standard twin by constant-time selects,
//! and a final partial group is completed with `A`s (zero bits) and only its whole bytes kept,
//! so that its trailing bits are dropped as Node drops them (`base64ct` would refuse them).
//! Padding and length are public (they follow from the key's length), so they are checked
//! with ordinary branches. `tests/tests/secret_decoding.rs` checks the result against
//! `base64ct` on canonical input and against a plain Node-style decoder on the rest.

use base64ct::{Base64Unpadded, Encoding};
use sha2::{Digest, Sha256};
use subtle::{ConditionallySelectable, ConstantTimeEq};
use zeroize::Zeroize;

use crate::{Error, Key};

/// SHA-256's block: a longer HMAC key is replaced by its hash (RFC 2104).
const BLOCK_LEN: usize = 64;

/// The characters that carry data, after checking padding and length; errors as documented
/// on [`Key::from_base64`].
fn data_chars(input: &[u8]) -> Result<&[u8], Error> {
    if input.is_empty() {
        return Err(Error::EmptyKey);
    }
    let data = match input {
        [rest @ .., b'=', b'='] => rest,
        [rest @ .., b'='] => rest,
        _ => input,
    };
    let padded = data.len() != input.len();
    if (padded && !input.len().is_multiple_of(4)) || data.len() % 4 == 1 {
        return Err(Error::InvalidBase64);
    }
    Ok(data)
}

/// The standard-alphabet twin of `c` (`-` → `+`, `_` → `/`), chosen in constant time.
fn standard(c: u8) -> u8 {
    let c = u8::conditional_select(&c, &b'+', c.ct_eq(&b'-'));
    u8::conditional_select(&c, &b'/', c.ct_eq(&b'_'))
}

/// Decodes one group of 2 to 4 data characters into `out` and returns the whole bytes it
/// holds (1, 2 or 3), dropping a partial group's trailing bits.
fn decode_group<'o>(chars: &[u8], out: &'o mut [u8; 3]) -> Result<&'o [u8], Error> {
    let mut group = [b'A'; 4];
    for (g, &c) in group.iter_mut().zip(chars) {
        *g = standard(c);
    }
    let decoded = Base64Unpadded::decode(group.as_slice(), out).map(|bytes| bytes.len());
    group.zeroize();
    let whole = crate::codec::base64::decoded_len(chars.len());
    match decoded {
        Ok(3) => out.get(..whole).ok_or(Error::InvalidBase64),
        _ => Err(Error::InvalidBase64),
    }
}

/// See [`Key::from_base64`].
pub(crate) fn key_from_base64(input: &[u8]) -> Result<Key, Error> {
    let data = data_chars(input)?;
    // The decoded length follows from the data length (trailing bits are dropped).
    let len = crate::codec::base64::decoded_len(data.len());
    // A secret up to a block long is decoded into one; a longer one is streamed into its
    // hash a group at a time, never held whole: bounded memory for any length.
    let mut block = [0u8; BLOCK_LEN];
    let mut hash = (len > BLOCK_LEN).then(Sha256::new);
    let mut group = [0u8; 3];
    let mut filled = 0usize;
    let mut result = Ok(());
    for chars in data.chunks(4) {
        match decode_group(chars, &mut group) {
            Ok(bytes) => match &mut hash {
                Some(hash) => hash.update(bytes),
                None => {
                    // Pairwise: a `copy_from_slice` would keep its length-mismatch panic
                    // (272 bytes of a terminal's flash) for a case that cannot happen.
                    let rest = block.get_mut(filled..).unwrap_or_default();
                    rest.iter_mut().zip(bytes).for_each(|(d, s)| *d = *s);
                    filled = filled.saturating_add(bytes.len());
                }
            },
            Err(error) => {
                result = Err(error);
                break;
            }
        }
    }
    group.zeroize();
    let key = result.and_then(|()| match hash {
        Some(hash) => {
            let mut digest: [u8; 32] = hash.finalize().into();
            let key = Key::new(&digest);
            digest.zeroize();
            key
        }
        None => Key::new(block.get(..filled).unwrap_or_default()),
    });
    block.zeroize();
    key
}

/// A key from a hex secret (either case), decoded in constant time by `base16ct`; a secret
/// longer than a block is streamed into its hash a block at a time, as
/// [`key_from_base64`] does.
///
/// # Errors
/// [`Error::EmptyKey`] when `input` is empty; [`Error::InvalidHex`] for an odd length or a
/// character that is not a hex digit.
pub(crate) fn key_from_hex(input: &[u8]) -> Result<Key, Error> {
    if input.is_empty() {
        return Err(Error::EmptyKey);
    }
    if !input.len().is_multiple_of(2) {
        return Err(Error::InvalidHex);
    }
    let long = input.len() / 2 > BLOCK_LEN;
    let mut block = [0u8; BLOCK_LEN];
    let mut hash = long.then(Sha256::new);
    let mut result = Ok(0);
    // A block's worth of digits at a time: one chunk when the key fits a block.
    for chunk in input.chunks(BLOCK_LEN.saturating_mul(2)) {
        match base16ct::mixed::decode(chunk, &mut block) {
            Ok(bytes) => match &mut hash {
                Some(hash) => hash.update(bytes),
                None => result = Ok(bytes.len()),
            },
            Err(_) => {
                result = Err(Error::InvalidHex);
                break;
            }
        }
    }
    let key = result.and_then(|len| match hash {
        Some(hash) => {
            let mut digest: [u8; 32] = hash.finalize().into();
            let key = Key::new(&digest);
            digest.zeroize();
            key
        }
        None => Key::new(block.get(..len).unwrap_or_default()),
    });
    block.zeroize();
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_secrets_equal_raw_keys() {
        let raw: [u8; 200] = core::array::from_fn(|i| i as u8);
        for n in [1, 31, 64, 65, 100, 200] {
            let mut text = [0u8; 400];
            let lower = base16ct::lower::encode(&raw[..n], &mut text).unwrap().len();
            let expected = Key::new(&raw[..n]).unwrap().sign(&[b"m"]);
            let got = key_from_hex(&text[..lower]).unwrap().sign(&[b"m"]);
            assert_eq!(got.as_bytes(), expected.as_bytes(), "{n}");
            let upper = base16ct::upper::encode(&raw[..n], &mut text).unwrap().len();
            let got = key_from_hex(&text[..upper]).unwrap().sign(&[b"m"]);
            assert_eq!(got.as_bytes(), expected.as_bytes(), "{n}");
        }
        assert_eq!(key_from_hex(b"").err(), Some(Error::EmptyKey));
        for bad in [&b"abc"[..], b"zz", b"0g", b"a ", &[b'a'; 131][..]] {
            assert_eq!(key_from_hex(bad).err(), Some(Error::InvalidHex), "{bad:?}");
        }
        let mut long_bad = [b'a'; 300];
        long_bad[299] = b'x';
        assert_eq!(key_from_hex(&long_bad).err(), Some(Error::InvalidHex));
    }

    /// The bytes `input` decodes to, through the same group decoder.
    fn decoded(input: &str) -> Result<heapless::Vec<u8, 128>, Error> {
        let mut out = heapless::Vec::new();
        let mut group = [0u8; 3];
        for chars in data_chars(input.as_bytes())?.chunks(4) {
            out.extend_from_slice(decode_group(chars, &mut group)?)
                .unwrap();
        }
        Ok(out)
    }

    #[test]
    fn both_alphabets_and_optional_padding() {
        assert_eq!(decoded("-_-_").unwrap(), decoded("+/+/").unwrap());
        assert_eq!(decoded("YQ").unwrap().as_slice(), b"a");
        assert_eq!(decoded("YQ==").unwrap().as_slice(), b"a");
        assert_eq!(decoded("YWI").unwrap().as_slice(), b"ab");
        assert_eq!(decoded("YWI=").unwrap().as_slice(), b"ab");
    }

    #[test]
    fn trailing_bits_are_dropped_as_node_drops_them() {
        // "YR" and "YWJ" are not canonical (non-zero trailing bits): Node reads "a" and "ab".
        assert_eq!(decoded("YR").unwrap().as_slice(), b"a");
        assert_eq!(decoded("YWJ").unwrap().as_slice(), b"ab");
        assert_eq!(decoded("YR==").unwrap().as_slice(), b"a");
    }

    #[test]
    fn refuses_what_node_would_skip() {
        for bad in [
            "YW I=", "YWI=\n", "YW.I", "YQ=", "YQ===", "Y", "YWJjZ", "=YWI", "YW=I", "====", "==",
        ] {
            assert_eq!(decoded(bad).err(), Some(Error::InvalidBase64), "{bad:?}");
            assert_eq!(
                key_from_base64(bad.as_bytes()).err(),
                Some(Error::InvalidBase64)
            );
        }
    }

    #[test]
    fn empty_is_its_own_error() {
        assert_eq!(decoded("").err(), Some(Error::EmptyKey));
        assert_eq!(key_from_base64(b"").err(), Some(Error::EmptyKey));
    }

    #[test]
    fn long_secret_equals_raw_key() {
        for n in [63, 64, 65, 100] {
            let raw = [7u8; 100];
            let mut b64 = [0u8; 200];
            let enc = base64ct::Base64::encode(&raw[..n], &mut b64).unwrap();
            let a = key_from_base64(enc.as_bytes()).unwrap().sign(&[b"m"]);
            let b = Key::new(&raw[..n]).unwrap().sign(&[b"m"]);
            assert_eq!(a.as_bytes(), b.as_bytes(), "{n}");
        }
    }
}

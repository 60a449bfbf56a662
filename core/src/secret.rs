//! Base64 secrets as partners hand them out, decoded straight into a [`Key`].
//!
//! Hand-written rather than built on `base64ct`, because no crate offers the rule needed here:
//! the union of the standard and URL-safe alphabets (Node's `Buffer.from(s, "base64")` takes
//! both, even mixed), padding optional, trailing bits dropped as Node drops them — yet every
//! other byte refused, where Node would skip it and quietly sign with a different key. The
//! property tests in `tests/tests/secret_decoding.rs` check it against `base64ct` on
//! canonical input, and `fuzz/` fuzzes it.

use zeroize::Zeroize;

use crate::mac::{BLOCK_LEN, Sha256};
use crate::{Error, Key};

/// The 6-bit value of a character of either base64 alphabet.
fn sextet(c: u8) -> Option<u32> {
    let entry = crate::encode::sextet(c);
    (entry != 0).then_some(u32::from(entry & 63))
}

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
    if data.iter().any(|&c| sextet(c).is_none()) {
        return Err(Error::InvalidBase64);
    }
    if data.is_empty() {
        return Err(Error::EmptyKey);
    }
    Ok(data)
}

/// Decodes validated characters, handing each byte to `emit`; leftover bits are dropped.
fn decode(data: &[u8], mut emit: impl FnMut(u8)) {
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for &c in data {
        acc = (acc << 6) | sextet(c).unwrap_or(0);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            // Truncation keeps exactly the 8 bits just completed.
            emit((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
}

/// See [`Key::from_base64`].
pub(crate) fn key_from_base64(input: &[u8]) -> Result<Key, Error> {
    let data = data_chars(input)?;
    // A secret longer than a block is streamed into its hash a block at a time, never held
    // whole (RFC 2104: the key is then its hash): bounded memory, one decoding loop.
    let mut block = [0u8; BLOCK_LEN];
    let mut filled = 0;
    let mut hash = Sha256::new();
    decode(data, |b| {
        if filled == BLOCK_LEN {
            hash.update(&block);
            filled = 0;
        }
        if let Some(slot) = block.get_mut(filled) {
            *slot = b;
            filled += 1;
        }
    });
    if filled == 0 {
        return Err(Error::EmptyKey);
    }
    // The decoded length, which the data length fixes (leftover bits are dropped).
    if data.len() / 4 * 3 + data.len() % 4 * 3 / 4 > BLOCK_LEN {
        hash.update(block.get(..filled).unwrap_or_default());
        block.zeroize();
        return Ok(Key::from_hash(hash));
    }
    // Otherwise the block was never flushed, and its bytes past the secret are still zero.
    Ok(Key::from_block(&mut block))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(input: &str) -> Result<heapless::Vec<u8, 128>, Error> {
        let data = data_chars(input.as_bytes())?;
        let mut out = heapless::Vec::new();
        decode(data, |b| out.push(b).unwrap());
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
    fn refuses_what_node_would_skip() {
        for bad in [
            "YW I=", "YWI=\n", "YW.I", "YQ=", "YQ===", "Y", "YWJjZ", "=YWI", "YW=I",
        ] {
            assert_eq!(decoded(bad).err(), Some(Error::InvalidBase64), "{bad:?}");
        }
    }

    #[test]
    fn empty_is_its_own_error() {
        assert_eq!(decoded("").err(), Some(Error::EmptyKey));
        assert_eq!(key_from_base64(b"").err(), Some(Error::EmptyKey));
    }

    #[test]
    fn long_secret_equals_raw_key() {
        let raw = [7u8; 100];
        let mut b64 = [0u8; 200];
        let enc = <base64ct::Base64 as base64ct::Encoding>::encode(&raw, &mut b64).unwrap();
        let a = key_from_base64(enc.as_bytes()).unwrap().sign(&[b"m"]);
        let b = Key::new(&raw).unwrap().sign(&[b"m"]);
        assert_eq!(a.as_bytes(), b.as_bytes());
    }
}

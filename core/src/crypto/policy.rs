//! Which secrets may serve as a JWT's HMAC key: never an asymmetric key or certificate (the
//! RS256 → HS256 confusion, refused as PyJWT refuses it), and, when the caller asks, none
//! shorter than HS256's hash.

use crate::Error;

/// HS256's minimum recommended key length, in bytes: as long as the hash output (RFC 7518
/// §3.2).
pub const MIN_HS256_KEY_LEN: usize = 32;

/// Secrets that begin so are OpenSSH public keys.
const SSH_PREFIXES: [&[u8]; 6] = [
    b"ssh-ed25519",
    b"ssh-rsa",
    b"ssh-dss",
    b"ecdsa-sha2-nistp256",
    b"ecdsa-sha2-nistp384",
    b"ecdsa-sha2-nistp521",
];

/// Secrets that hold these anywhere are PEM (or SSH2) keys or certificates.
const PEM_MARKERS: [&[u8]; 2] = [b"-----BEGIN ", b"---- BEGIN "];

/// Whether `secret` is an asymmetric key or certificate: an OpenSSH public key, or text
/// holding a PEM or SSH2 armour line.
fn is_asymmetric(secret: &[u8]) -> bool {
    SSH_PREFIXES.iter().any(|prefix| secret.starts_with(prefix))
        // Every marker starts with '-': only those places can begin one.
        || (0..secret.len())
            .filter(|&at| secret.get(at) == Some(&b'-'))
            .filter_map(|at| secret.get(at..))
            .any(|rest| PEM_MARKERS.iter().any(|marker| rest.starts_with(marker)))
}

/// Checks that `secret` may key an HS256 JWT: not an asymmetric key or certificate, and, with
/// `enforce_minimum_length`, at least [`MIN_HS256_KEY_LEN`] bytes. (An empty secret is
/// refused by [`crate::Key::new`] itself.)
///
/// ```
/// use sigmint_core::{Error, crypto};
/// assert_eq!(crypto::check_jwt_secret(b"-----BEGIN PUBLIC KEY-----\n...", false), Err(Error::InvalidKey));
/// assert_eq!(crypto::check_jwt_secret(b"short", true), Err(Error::KeyTooShort { minimum: 32 }));
/// assert_eq!(crypto::check_jwt_secret(b"short", false), Ok(()));
/// ```
///
/// # Errors
/// [`Error::InvalidKey`] for an asymmetric key; [`Error::KeyTooShort`] for a short one.
pub fn check_jwt_secret(secret: &[u8], enforce_minimum_length: bool) -> Result<(), Error> {
    if is_asymmetric(secret) {
        return Err(Error::InvalidKey);
    }
    if enforce_minimum_length && !secret.is_empty() && secret.len() < MIN_HS256_KEY_LEN {
        return Err(Error::KeyTooShort {
            minimum: MIN_HS256_KEY_LEN,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asymmetric_keys_and_short_ones() {
        for key in [
            &b"ssh-rsa AAAAB3NzaC1yc2E"[..],
            b"ecdsa-sha2-nistp256 AAAA",
            b"-----BEGIN CERTIFICATE-----",
            b"junk before -----BEGIN RSA PRIVATE KEY-----",
            b"---- BEGIN SSH2 PUBLIC KEY ----",
        ] {
            assert_eq!(check_jwt_secret(key, false), Err(Error::InvalidKey));
        }
        for key in [&b"ssh"[..], b"-----", b"a-----BEGIN", b"x ssh-rsa", b""] {
            assert_eq!(check_jwt_secret(key, false), Ok(()), "{key:?}");
        }
        assert_eq!(check_jwt_secret(&[7; 32], true), Ok(()));
        assert_eq!(
            check_jwt_secret(&[7; 31], true),
            Err(Error::KeyTooShort { minimum: 32 })
        );
        // Empty is `Key::new`'s to refuse, as `EmptyKey`.
        assert_eq!(check_jwt_secret(b"", true), Ok(()));
    }
}

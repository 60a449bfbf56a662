//! The Fonbnk pay widget's URL signature: an HS256 JWT the merchant mints.

use crate::{Claim, Error, Key, jwt};

/// Mints the pay widget's URL `signature`: an HS256 JWT signed with the merchant's
/// URL-signature secret, carrying the caller's unique `uid` and any `extra_claims` (the text
/// of a JSON object). The claims JSON is written into `json_scratch`, the token into `out`.
///
/// ```
/// use sigmint_core::{Key, providers::fonbnk};
///
/// let key = Key::new(b"url-signature-secret")?;
/// let (mut json, mut out) = ([0u8; 128], [0u8; 256]);
/// let token = fonbnk::widget_signature(&key, "0b6e8f2e-1f7a-4c2a-9d55-5d8f0f3b7c11", None, &mut json, &mut out)?;
/// assert_eq!(token, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1aWQiOiIwYjZlOGYyZS0xZjdhLTRjMmEtOWQ1NS01ZDhmMGYzYjdjMTEifQ._RKSZzvG5XlRq9dSpwKehQaomX-dX7deh-GLSs3Fu0w");
/// // A buffer too short for either says the token's length, which is enough for both.
/// let len = token.len();
/// let short = fonbnk::widget_signature(&key, "0b6e8f2e-1f7a-4c2a-9d55-5d8f0f3b7c11", None, &mut json[..8], &mut out);
/// assert_eq!(short.unwrap_err().needed(), Some(len));
/// # Ok::<(), sigmint_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::MissingClaim`] for an empty `uid`; those of [`jwt::encode`], such as
/// [`Error::DuplicateKey`] when `extra_claims` holds a `uid` too.
pub fn widget_signature<'o>(
    key: &Key,
    uid: &str,
    extra_claims: Option<&[u8]>,
    json_scratch: &mut [u8],
    out: &'o mut [u8],
) -> Result<&'o str, Error> {
    if uid.is_empty() {
        return Err(Error::MissingClaim {
            claim: Claim::Named("uid"),
        });
    }
    let uid_claim = [("uid", uid)];
    jwt::encode(
        key,
        &widget_claims(&uid_claim, extra_claims),
        json_scratch,
        out,
    )
}

/// The widget's claims: `uid` first, then the caller's extra ones.
fn widget_claims<'c>(
    uid_claim: &'c [(&'c str, &'c str); 1],
    extra_claims: Option<&'c [u8]>,
) -> jwt::NewClaims<'c> {
    jwt::NewClaims {
        strings: uid_claim,
        extra: extra_claims,
        ..jwt::NewClaims::default()
    }
}

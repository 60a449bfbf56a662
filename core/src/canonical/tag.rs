//! How a scheme writes its tag, and reads a received one.

use crate::codec::{base64, hex};
use crate::{Error, TAG_LEN, Tag};

/// How a scheme writes a tag as text; [`TagEncoding::Base64`] unless a scheme says otherwise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TagEncoding {
    /// Standard base64 with padding (44 characters): Fonbnk, Coinbase, Shopify.
    #[default]
    Base64,
    /// URL-safe base64 without padding (43 characters).
    Base64Url,
    /// Lower-case hex (64 characters): GitHub, Slack, Stripe, Binance.
    Hex,
}

impl TagEncoding {
    /// Every encoding.
    pub const ALL: [TagEncoding; 3] = [
        TagEncoding::Base64,
        TagEncoding::Base64Url,
        TagEncoding::Hex,
    ];

    /// Its name, as the bindings spell it (`"base64"`, `"base64url"`, `"hex"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            TagEncoding::Base64 => "base64",
            TagEncoding::Base64Url => "base64url",
            TagEncoding::Hex => "hex",
        }
    }

    /// The length of a tag's text in this encoding.
    #[must_use]
    pub const fn text_len(self) -> usize {
        match self {
            TagEncoding::Base64 => base64::base64_len(TAG_LEN),
            TagEncoding::Base64Url => base64::base64url_len(TAG_LEN),
            TagEncoding::Hex => hex::hex_len(TAG_LEN),
        }
    }

    /// Writes `tag` in this encoding into the front of `out`.
    pub(crate) fn encode<'o>(self, tag: &Tag, out: &'o mut [u8]) -> Result<&'o str, Error> {
        match self {
            TagEncoding::Base64 => base64::base64(tag.as_bytes(), out),
            TagEncoding::Base64Url => base64::base64url(tag.as_bytes(), out),
            TagEncoding::Hex => hex::hex(tag.as_bytes(), out),
        }
    }

    /// Reads a received tag's text: exactly one encoding of 32 bytes (hex in either case).
    ///
    /// # Errors
    /// [`Error::InvalidSignature`] for anything else.
    pub(crate) fn decode(self, text: &[u8]) -> Result<[u8; TAG_LEN], Error> {
        let mut tag = [0u8; TAG_LEN];
        let len = match self {
            TagEncoding::Base64 | TagEncoding::Base64Url => {
                let (alphabet, padded) = if self == TagEncoding::Base64 {
                    (base64::IN_STANDARD, true)
                } else {
                    (base64::IN_URL_SAFE, false)
                };
                // Text longer than a tag decodes past `tag`: not a match either.
                base64::decode_strict(text, &mut tag, alphabet, padded, Error::InvalidSignature)
                    .map_err(|_| Error::InvalidSignature)?
                    .len()
            }
            TagEncoding::Hex => base16ct::mixed::decode(text, &mut tag)
                .map_err(|_| Error::InvalidSignature)?
                .len(),
        };
        if len == TAG_LEN {
            Ok(tag)
        } else {
            Err(Error::InvalidSignature)
        }
    }
}

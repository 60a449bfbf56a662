//! The partners' schemes, by name.

use super::{Scheme, SecretEncoding as S, TagEncoding as T};
use crate::Error;

/// A scheme a partner or webhook provider documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Fonbnk's request signature: `{timestamp}:{path}` (Unix milliseconds, the path with its
    /// query), base64 secret, base64 tag in `x-signature`.
    Fonbnk,
    /// Coinbase Exchange: `{timestamp}{method}{path}{body}` (Unix seconds), base64 secret,
    /// base64 tag in `CB-ACCESS-SIGN`.
    Coinbase,
    /// Binance: `{query}{body}`, the secret as is, hex tag sent as the `signature` parameter.
    Binance,
    /// GitHub webhooks: `{body}`, hex tag after `sha256=` in `X-Hub-Signature-256`.
    GitHub,
    /// Slack requests: `v0:{timestamp}:{body}` (Unix seconds), hex tag after `v0=` in
    /// `X-Slack-Signature`.
    Slack,
    /// Stripe webhooks: `{timestamp}.{body}` (Unix seconds), hex tag as a `v1=` entry of
    /// `Stripe-Signature`.
    Stripe,
    /// Shopify webhooks: `{body}`, base64 tag in `X-Shopify-Hmac-SHA256`.
    Shopify,
}

impl Preset {
    /// Every preset.
    pub const ALL: [Preset; 7] = [
        Preset::Fonbnk,
        Preset::Coinbase,
        Preset::Binance,
        Preset::GitHub,
        Preset::Slack,
        Preset::Stripe,
        Preset::Shopify,
    ];

    /// Its name, lower-case (`"github"`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Preset::Fonbnk => "fonbnk",
            Preset::Coinbase => "coinbase",
            Preset::Binance => "binance",
            Preset::GitHub => "github",
            Preset::Slack => "slack",
            Preset::Stripe => "stripe",
            Preset::Shopify => "shopify",
        }
    }

    /// The preset of this name.
    ///
    /// ```
    /// use sigmint_core::canonical::Preset;
    /// assert_eq!(Preset::from_name("stripe"), Ok(Preset::Stripe));
    /// assert!(Preset::from_name("Stripe").is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownScheme`].
    pub fn from_name(name: &str) -> Result<Preset, Error> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or(Error::UnknownScheme)
    }

    /// The scheme.
    #[must_use]
    pub const fn scheme(self) -> Scheme<'static> {
        match self {
            Preset::Fonbnk => Scheme::trusted("{timestamp}:{path}", S::Base64, T::Base64, ""),
            Preset::Coinbase => {
                Scheme::trusted("{timestamp}{method}{path}{body}", S::Base64, T::Base64, "")
            }
            Preset::Binance => Scheme::trusted("{query}{body}", S::Raw, T::Hex, ""),
            Preset::GitHub => Scheme::trusted("{body}", S::Raw, T::Hex, "sha256="),
            Preset::Slack => Scheme::trusted("v0:{timestamp}:{body}", S::Raw, T::Hex, "v0="),
            Preset::Stripe => Scheme::trusted("{timestamp}.{body}", S::Raw, T::Hex, ""),
            Preset::Shopify => Scheme::trusted("{body}", S::Raw, T::Base64, ""),
        }
    }
}

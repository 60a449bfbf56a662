//! The partners' schemes, by name.

use super::Field::{Body, Method, Path, Query, Timestamp};
use super::Segment::{Field, Literal};
use super::{Scheme, SecretEncoding as S, TagEncoding as T, Template};
use crate::Error;

/// Each preset's template, and the pieces it parses to (compiled in: see `Template`).
const FONBNK: Template<'static> = Template::compiled(
    "{timestamp}:{path}",
    &[Field(Timestamp), Literal(b":"), Field(Path)],
);
const COINBASE: Template<'static> = Template::compiled(
    "{timestamp}{method}{path}{body}",
    &[Field(Timestamp), Field(Method), Field(Path), Field(Body)],
);
const BINANCE: Template<'static> =
    Template::compiled("{query}{body}", &[Field(Query), Field(Body)]);
const BODY: Template<'static> = Template::compiled("{body}", &[Field(Body)]);
const SLACK: Template<'static> = Template::compiled(
    "v0:{timestamp}:{body}",
    &[
        Literal(b"v0:"),
        Field(Timestamp),
        Literal(b":"),
        Field(Body),
    ],
);
const STRIPE: Template<'static> = Template::compiled(
    "{timestamp}.{body}",
    &[Field(Timestamp), Literal(b"."), Field(Body)],
);

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
            Preset::Fonbnk => Scheme::preset(FONBNK, S::Base64, T::Base64, ""),
            Preset::Coinbase => Scheme::preset(COINBASE, S::Base64, T::Base64, ""),
            Preset::Binance => Scheme::preset(BINANCE, S::Raw, T::Hex, ""),
            Preset::GitHub => Scheme::preset(BODY, S::Raw, T::Hex, "sha256="),
            Preset::Slack => Scheme::preset(SLACK, S::Raw, T::Hex, "v0="),
            Preset::Stripe => Scheme::preset(STRIPE, S::Raw, T::Hex, ""),
            Preset::Shopify => Scheme::preset(BODY, S::Raw, T::Base64, ""),
        }
    }
}

//! The webhook providers: their schemes and headers.

use crate::Error;
use crate::canonical::{Preset, Scheme};

/// A webhook provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    /// `X-Hub-Signature-256: sha256=<hex of HMAC(body)>`; no timestamp.
    GitHub,
    /// `X-Slack-Signature: v0=<hex of HMAC("v0:{ts}:{body}")>` with
    /// `X-Slack-Request-Timestamp` (Unix seconds).
    Slack,
    /// `Stripe-Signature: t=<Unix seconds>,v1=<hex of HMAC("{t}.{body}")>`, possibly several
    /// `v1` (one per active secret) and other schemes' entries, which are ignored.
    Stripe,
    /// `X-Shopify-Hmac-SHA256: <base64 of HMAC(body)>`; no timestamp.
    Shopify,
}

impl Provider {
    /// Every provider.
    pub const ALL: [Provider; 4] = [
        Provider::GitHub,
        Provider::Slack,
        Provider::Stripe,
        Provider::Shopify,
    ];

    /// The provider's name, lower-case: its [`Preset`]'s.
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.preset().name()
    }

    /// The provider of this name (`"github"`, `"slack"`, `"stripe"`, `"shopify"`).
    ///
    /// # Errors
    /// [`Error::UnknownScheme`].
    pub fn from_name(name: &str) -> Result<Provider, Error> {
        Provider::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or(Error::UnknownScheme)
    }

    /// The provider's preset.
    #[must_use]
    pub const fn preset(self) -> Preset {
        match self {
            Provider::GitHub => Preset::GitHub,
            Provider::Slack => Preset::Slack,
            Provider::Stripe => Preset::Stripe,
            Provider::Shopify => Preset::Shopify,
        }
    }

    /// The scheme its signatures follow.
    #[must_use]
    pub const fn scheme(self) -> Scheme<'static> {
        self.preset().scheme()
    }

    /// The header carrying the signature, as the provider documents it.
    #[must_use]
    pub const fn signature_header(self) -> &'static str {
        match self {
            Provider::GitHub => "X-Hub-Signature-256",
            Provider::Slack => "X-Slack-Signature",
            Provider::Stripe => "Stripe-Signature",
            Provider::Shopify => "X-Shopify-Hmac-SHA256",
        }
    }

    /// The header carrying the timestamp on its own, if any (Stripe's is inside its signature
    /// header; GitHub and Shopify sign none).
    #[must_use]
    pub const fn timestamp_header(self) -> Option<&'static str> {
        match self {
            Provider::Slack => Some("X-Slack-Request-Timestamp"),
            _ => None,
        }
    }

    /// Whether the provider signs a timestamp (so that a window applies).
    #[must_use]
    pub const fn is_timestamped(self) -> bool {
        matches!(self, Provider::Slack | Provider::Stripe)
    }
}

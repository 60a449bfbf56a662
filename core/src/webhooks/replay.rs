//! Refusing a verified webhook the second time: the receiver's memory of what it accepted,
//! in storage the caller owns.

use core::time::Duration;

use crate::time::UnixSeconds;
use crate::{Error, TAG_LEN};

/// Remembers verified requests to refuse them a second time. [`SeenSet`] keeps them in a
/// fixed number of slots; a service with a shared store (a database, Redis) implements this
/// over it.
pub trait ReplayGuard {
    /// Records a verified request, identified by its tag and signed `timestamp` (for the
    /// providers that sign one), at the receiver's time `now`; requests further than
    /// `tolerance` from `now` are refused by the verifier already, so need not be kept.
    ///
    /// # Errors
    /// [`Error::Replayed`] for a request already recorded, or one with a signed timestamp the
    /// guard cannot tell apart from one it has forgotten.
    fn admit(
        &mut self,
        tag: &[u8; TAG_LEN],
        timestamp: Option<UnixSeconds>,
        now: UnixSeconds,
        tolerance: Duration,
    ) -> Result<(), Error>;
}

/// How many requests a replay set remembers when a binding allocates its slots and the caller
/// does not say (48 bytes each on a 64-bit host: 192 KiB). A request is remembered for the
/// tolerance either side of its timestamp, so under [`DEFAULT_TOLERANCE`](super::DEFAULT_TOLERANCE)
/// (300 s) this holds about 6.8 requests a second before the oldest is forgotten.
pub const DEFAULT_REPLAY_CAPACITY: usize = 4096;

/// One remembered request: its tag and when it was signed (or received, for providers that
/// sign no timestamp).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    tag: [u8; TAG_LEN],
    at: i64,
    used: bool,
}

/// A [`ReplayGuard`] over a fixed number of slots the caller provides (`[Seen; N]`, a
/// `&mut [Seen]`, a `Vec<Seen>`). Requests are told apart by their tag: keep one set per
/// endpoint (GitHub's and Shopify's tags of one body under one secret are the same).
///
/// A slot is reused once its request is older than the tolerance (the verifier refuses those
/// anyway). When every slot holds a request still within the window, the oldest is
/// forgotten, and from then on a signed timestamp no newer than it is refused as possibly
/// replayed: for the providers that sign a timestamp (Slack, Stripe) the set fails closed,
/// never open.
///
/// The providers that sign none (GitHub, Shopify) cannot be protected so: their requests
/// verify for ever, so no bounded memory can refuse every replay of one. The set remembers
/// the latest of them while it has room (the oldest is forgotten first, and its slot is
/// reusable once the tolerance has passed since it arrived); a replay of one it has
/// forgotten is accepted. Keep their delivery ids (`X-GitHub-Delivery`,
/// `X-Shopify-Webhook-Id`) in durable storage where replays matter.
///
/// ```
/// use sigmint_core::webhooks::{ReplayGuard, Seen, SeenSet};
/// use sigmint_core::{Error, time::UnixSeconds};
/// use core::time::Duration;
///
/// let mut seen = SeenSet::new([Seen::default(); 64]);
/// let (now, window) = (UnixSeconds(1_000), Duration::from_secs(300));
/// let tag = [7u8; 32];
/// assert_eq!(seen.admit(&tag, Some(now), now, window), Ok(()));
/// assert_eq!(seen.admit(&tag, Some(now), now, window), Err(Error::Replayed));
/// ```
#[derive(Clone, Debug)]
pub struct SeenSet<S> {
    slots: S,
    /// The newest signed moment forgotten while still within the window.
    floor: Option<i64>,
}

impl<S: AsMut<[Seen]> + AsRef<[Seen]>> SeenSet<S> {
    /// A set over `slots` (their contents are ignored: the set starts empty).
    pub fn new(mut slots: S) -> SeenSet<S> {
        slots.as_mut().fill(Seen::default());
        SeenSet { slots, floor: None }
    }

    /// The set as it was left: `slots` and [`SeenSet::floor`] as another call left them (a
    /// binding that keeps the set's state between calls, as C does).
    pub fn resume(slots: S, floor: Option<UnixSeconds>) -> SeenSet<S> {
        SeenSet {
            slots,
            floor: floor.map(|f| f.0),
        }
    }

    /// The slots and the floor, to [`SeenSet::resume`] from later.
    pub fn into_parts(self) -> (S, Option<UnixSeconds>) {
        (self.slots, self.floor.map(UnixSeconds))
    }

    /// The newest signed moment the set forgot while it was still within the window, if any:
    /// requests signed no later are refused.
    #[must_use]
    pub fn floor(&self) -> Option<UnixSeconds> {
        self.floor.map(UnixSeconds)
    }

    /// How many requests it can remember.
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.slots.as_ref().len()
    }

    /// How many it remembers now.
    #[must_use]
    pub fn len(&self) -> usize {
        self.slots.as_ref().iter().filter(|s| s.used).count()
    }

    /// Whether it remembers none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<S: AsMut<[Seen]> + AsRef<[Seen]>> ReplayGuard for SeenSet<S> {
    fn admit(
        &mut self,
        tag: &[u8; TAG_LEN],
        timestamp: Option<UnixSeconds>,
        now: UnixSeconds,
        tolerance: Duration,
    ) -> Result<(), Error> {
        let slots = self.slots.as_mut();
        if slots.is_empty() {
            return Err(Error::BufferTooSmall { needed: 1 });
        }
        // Tags are MACs of requests already verified: nothing secret to time.
        if slots.iter().any(|s| s.used && s.tag == *tag) {
            return Err(Error::Replayed);
        }
        let at = timestamp.unwrap_or(now).0;
        if timestamp.is_some() && self.floor.is_some_and(|floor| at <= floor) {
            return Err(Error::Replayed);
        }
        let window = i64::try_from(tolerance.as_secs()).unwrap_or(i64::MAX);
        let horizon = now.0.saturating_sub(window);
        let reusable = slots
            .iter()
            .position(|s| !s.used || s.at < horizon)
            .or_else(|| {
                let oldest = slots.iter().enumerate().min_by_key(|(_, s)| s.at);
                oldest.map(|(i, s)| {
                    self.floor = Some(self.floor.map_or(s.at, |f| f.max(s.at)));
                    i
                })
            });
        if let Some(slot) = reusable.and_then(|i| slots.get_mut(i)) {
            *slot = Seen {
                tag: *tag,
                at,
                used: true,
            };
        }
        Ok(())
    }
}

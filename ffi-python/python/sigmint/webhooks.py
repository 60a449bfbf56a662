"""Inbound webhooks from GitHub, Slack, Stripe and Shopify: verified as their providers
document, and signed as they sign them (for tests, and for services that send them).

>>> from sigmint import webhooks
>>> body = b'{"type":"url_verification","challenge":"x"}'
>>> headers = webhooks.sign("slack", "8f742231b10e8888abcd99yyyzzz85a5", body, timestamp=1531420618)
>>> headers["X-Slack-Request-Timestamp"]
'1531420618'
>>> webhooks.verify("slack", "8f742231b10e8888abcd99yyyzzz85a5", headers, body, now=1531420678)
>>> webhooks.verify("slack", "8f742231b10e8888abcd99yyyzzz85a5", headers, body, now=1531429999)
Traceback (most recent call last):
...
sigmint.webhooks.TimestampOutOfWindow: ...

sigmint-core makes every decision: which headers carry the signature and the timestamp
(found whatever their case; a header given twice is malformed), the format of each, the
string signed, the constant-time comparison with each of several secrets (while one is
rotated), Stripe's several ``v1`` entries, the window around the receiver's clock (the
signature is checked first, so a refused timestamp always belongs to an authentic request),
and what a :class:`ReplayGuard` remembers. This module converts arguments and reads the
system clock.

Refusals of a request are :class:`WebhookError` subclasses; each also derives from the
matching core class (``SignatureMismatch`` is a :class:`sigmint.InvalidSignatureError`).
Mistakes of the caller are not: an unknown provider (:class:`sigmint.UnknownSchemeError`),
no secret (:class:`sigmint.EmptyKeyError`), a wrong argument type (``TypeError``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Dict, Iterable, Mapping, NamedTuple, Optional, Protocol, Tuple, Type, Union

from . import _errors, _sigmint
from ._sigmint import ReplayGuard

__all__ = [
    "DEFAULT_REPLAY_CAPACITY",
    "DEFAULT_TOLERANCE",
    "HEADERS",
    "PROVIDERS",
    "Headers",
    "MalformedHeader",
    "MissingHeader",
    "ReplayGuard",
    "Replayed",
    "Secret",
    "SignatureMismatch",
    "TimestampOutOfWindow",
    "Verified",
    "WebhookError",
    "sign",
    "verified",
    "verify",
]

#: Seconds a webhook's timestamp may be from the receiver's clock, either side: core's
#: ``webhooks::DEFAULT_TOLERANCE`` (the 5 minutes Slack and Stripe document).
DEFAULT_TOLERANCE: int = _sigmint.WEBHOOK_DEFAULT_TOLERANCE
#: The slots a ``ReplayGuard()`` has unless told otherwise.
DEFAULT_REPLAY_CAPACITY: int = _sigmint.WEBHOOK_DEFAULT_REPLAY_CAPACITY
#: ``provider -> (signature header, timestamp header or None)``, as core names them.
HEADERS: Mapping[str, Tuple[str, Optional[str]]] = {
    name: (signature, timestamp) for name, signature, timestamp in _sigmint.WEBHOOK_PROVIDERS
}
#: The providers: ``("github", "slack", "stripe", "shopify")``.
PROVIDERS: Tuple[str, ...] = tuple(HEADERS)

#: A secret: ``str`` (its UTF-8 bytes) or bytes.
Secret = Union[str, bytes, bytearray, memoryview]
_Text = Union[str, bytes]


class _HeaderItems(Protocol):
    """What has ``items()``: a mapping, ``http.server``'s and ``email``'s messages."""

    def items(self) -> Iterable[Tuple[_Text, _Text]]: ...


#: A request's headers: a mapping or anything with ``items()`` (``dict``, Starlette's and
#: Flask's ``request.headers``, ``http.server``'s; every pair ``items()`` lists, repeated
#: names included) or ``(name, value)`` pairs (ASGI's raw headers); names and values ``str``
#: or bytes.
Headers = Union[Mapping[str, str], Mapping[bytes, bytes], _HeaderItems, Iterable[Tuple[_Text, _Text]]]
_Seconds = Union[int, float, datetime]
_Tolerance = Union[int, float, timedelta]


class WebhookError(_errors.Error):
    """A webhook refused: its signature, timestamp or headers are not what its provider sends,
    or it was accepted before. Each subclass is also the core error it stands for."""


class SignatureMismatch(WebhookError, _errors.InvalidSignatureError):
    """No secret's signature is among the request's: it was not signed with them, or the body
    is not the one signed (pass the raw bytes received, not a parsed and re-encoded body)."""


class TimestampOutOfWindow(WebhookError, _errors.TimestampOutOfWindowError):
    """An authentic request whose signed timestamp is further than the tolerance from the
    receiver's clock (an old request replayed, or a clock off)."""


class MissingHeader(WebhookError, _errors.MissingHeaderError):
    """The request lacks the signature header, or Slack's timestamp header. ``header`` names
    it, as the provider documents it."""

    #: The header, as the provider documents it (``"X-Slack-Signature"``).
    header: str = ""


class MalformedHeader(WebhookError, _errors.MalformedHeaderError):
    """The signature or timestamp header is not in the provider's format, or is given more
    than once. ``header`` names it."""

    #: The header, as the provider documents it (``"Stripe-Signature"``).
    header: str = ""


class Replayed(WebhookError, _errors.ReplayedError):
    """An authentic request the :class:`ReplayGuard` has accepted before (or cannot tell from
    one it has forgotten while full)."""


#: core error code -> the class raised for it (the compiled module reads this table).
_BY_CODE: Dict[int, Type[WebhookError]] = {
    cls.code: cls
    for cls in (SignatureMismatch, TimestampOutOfWindow, MissingHeader, MalformedHeader, Replayed)
}


class Verified(NamedTuple):
    """What a verified webhook was signed with."""

    #: Which of the secrets matched (the first that did): while a secret is rotated, this
    #: tells when the old one stops being used.
    key_index: int
    #: The signed timestamp (Unix seconds), for Slack and Stripe; ``None`` for the others.
    timestamp: Optional[int]


def sign(
    provider: str, secret: Secret, body: bytes, timestamp: Optional[_Seconds] = None
) -> Dict[str, str]:
    """The headers ``provider`` sends with ``body``, signed with ``secret`` at ``timestamp``
    (Unix seconds; ``None``: now), as a dict in the order core lists them: Slack's timestamp
    header then its signature, Stripe's ``t=...,v1=...``. GitHub and Shopify sign no
    timestamp."""
    return _sigmint.webhook_sign(provider, secret, body, timestamp)


def verify(
    provider: str,
    secrets: Union[Secret, Iterable[Secret]],
    headers: Headers,
    body: bytes,
    *,
    now: Optional[_Seconds] = None,
    tolerance: _Tolerance = DEFAULT_TOLERANCE,
    replay: Optional[ReplayGuard] = None,
) -> None:
    """Checks a webhook: its ``headers`` and raw ``body`` (bytes exactly as received), signed
    with ``secrets`` (one, or a list while one is rotated), at the receiver's time ``now``
    (Unix seconds; ``None``: the system clock) within ``tolerance`` seconds either side.
    With ``replay``, the request is then recorded there, and refused if it was before.

    Raises :class:`SignatureMismatch`, :class:`TimestampOutOfWindow`, :class:`MissingHeader`,
    :class:`MalformedHeader` or :class:`Replayed` (all :class:`WebhookError`)."""
    _sigmint.webhook_verify(provider, secrets, headers, body, now, tolerance, replay)


def verified(
    provider: str,
    secrets: Union[Secret, Iterable[Secret]],
    headers: Headers,
    body: bytes,
    *,
    now: Optional[_Seconds] = None,
    tolerance: _Tolerance = DEFAULT_TOLERANCE,
    replay: Optional[ReplayGuard] = None,
) -> Verified:
    """:func:`verify`, returning which secret matched and the signed timestamp."""
    key_index, timestamp = _sigmint.webhook_verify(
        provider, secrets, headers, body, now, tolerance, replay
    )
    return Verified(key_index, timestamp)

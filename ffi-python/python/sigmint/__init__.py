"""sigmint: partner-API request signing, with every rule in one Rust core.

>>> import sigmint
>>> sigmint.hmac_sha256(b"key", b"The quick brown fox jumps over the lazy dog").hex()[:16]
'f7bc83f430538424'

- :func:`hmac_sha256`, :func:`hmac_sha256_verify`: HMAC-SHA256 (verification in constant time).
- :mod:`sigmint.fonbnk`: Fonbnk request signatures, request bodies, answers, a client.
- :mod:`sigmint.sfox` and :mod:`sigmint.mygiro`: their token requests, answers and clients;
  :mod:`sigmint.providers`: what the three share (error text, dates).
- :mod:`sigmint.sandbox` (imported on demand): a local server implementing those endpoints,
  also ``sigmint sandbox`` on the command line (:mod:`sigmint.cli`).
- :mod:`sigmint.jwt` and :mod:`sigmint.jws`: HS256 tokens with PyJWT's API and exceptions.
- :class:`Scheme`: any HMAC-SHA256 request signature (a template of the request's parts, the
  secret's and the tag's encodings, a prefix), with the partners' and webhook providers' as
  presets (``Scheme.preset("coinbase")``); :class:`SchemeAuth` signs requests with one as
  ``auth=`` for requests and httpx.
- :mod:`sigmint.webhooks`: GitHub, Slack, Stripe and Shopify webhooks verified (window,
  rotated secrets, replays) and signed.
- :class:`Error` and one subclass per error of the core (``EmptyKeyError``, ...), each with
  core's ``code`` and ``name`` (generated from core's error table); those about keys and
  tokens also derive from the matching PyJWT-style class of :mod:`sigmint.jwt`.
"""

from . import _claim_errors, _errors, fonbnk, jws, jwt, mygiro, providers, sfox, webhooks
from ._claim_errors import *  # noqa: F403 - InvalidClaimTypeError for iat/sub/jti/aud/iss
from ._errors import *  # noqa: F403 - one class per core error: the generated module's list
from ._schemes import SchemeAuth
from ._sigmint import Scheme, __version__, hmac_sha256, hmac_sha256_verify

__all__ = [
    "__version__",
    "hmac_sha256",
    "hmac_sha256_verify",
    "Scheme",
    "SchemeAuth",
    "fonbnk",
    "jwt",
    "jws",
    "mygiro",
    "providers",
    "sfox",
    "webhooks",
]
__all__ += _errors.__all__
__all__ += _claim_errors.__all__

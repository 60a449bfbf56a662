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
- :class:`Error` and one subclass per error of the core (``EmptyKeyError``, ...), each with
  core's ``code`` and ``name``; those about tokens also derive from the matching PyJWT-style
  class of :mod:`sigmint.jwt`.
"""

from . import fonbnk, jws, jwt, mygiro, providers, sfox
from ._errors import (
    AlgorithmNotAllowedError,
    BufferTooSmallError,
    DuplicateKeyError,
    EmptyKeyError,
    EndpointInvalidCharError,
    EndpointNotAbsoluteError,
    Error,
    ExpiredError,
    IntegerOverflowError,
    InvalidAudienceError,
    InvalidBase64Error,
    InvalidClaimTypeError,
    InvalidClientIdError,
    InvalidDateError,
    InvalidFieldError,
    InvalidHeaderError,
    InvalidIssuerError,
    InvalidJsonError,
    InvalidSignatureError,
    InvalidUtf8Error,
    IssuedInFutureError,
    JsonTooDeepError,
    MalformedTokenError,
    MissingClaimError,
    MissingFieldError,
    NotYetValidError,
    PathHasQueryError,
    ProviderError,
    ResponseTooLargeError,
    TimestampOutOfWindowError,
    TokenTooLargeError,
    UnknownCriticalError,
    UnsupportedAlgorithmError,
    WrongTokenTypeError,
)
from ._sigmint import __version__, hmac_sha256, hmac_sha256_verify

__all__ = [
    "__version__",
    "hmac_sha256",
    "hmac_sha256_verify",
    "fonbnk",
    "jwt",
    "jws",
    "mygiro",
    "providers",
    "sfox",
    "Error",
    "BufferTooSmallError",
    "EmptyKeyError",
    "InvalidBase64Error",
    "InvalidSignatureError",
    "EndpointNotAbsoluteError",
    "EndpointInvalidCharError",
    "PathHasQueryError",
    "InvalidUtf8Error",
    "InvalidClientIdError",
    "TokenTooLargeError",
    "MalformedTokenError",
    "InvalidJsonError",
    "JsonTooDeepError",
    "DuplicateKeyError",
    "InvalidHeaderError",
    "UnsupportedAlgorithmError",
    "AlgorithmNotAllowedError",
    "UnknownCriticalError",
    "ExpiredError",
    "NotYetValidError",
    "IssuedInFutureError",
    "InvalidAudienceError",
    "InvalidIssuerError",
    "MissingClaimError",
    "InvalidClaimTypeError",
    "IntegerOverflowError",
    "WrongTokenTypeError",
    "ResponseTooLargeError",
    "MissingFieldError",
    "InvalidFieldError",
    "InvalidDateError",
    "ProviderError",
    "TimestampOutOfWindowError",
]

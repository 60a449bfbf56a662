"""PyJWT's ``jwt.exceptions``: the exception classes of :mod:`sigmint.jwt`.

Every core error about keys and tokens is raised as its ``sigmint.*Error`` class, which derives
from the class of the same meaning here (``sigmint.ExpiredError`` is an
:class:`ExpiredSignatureError`, a mistyped ``iat`` a ``sigmint.InvalidIssuedAtTypeError``,
both an :class:`InvalidIssuedAtError` and a ``sigmint.InvalidClaimTypeError``).
"""

from __future__ import annotations

from .._jwt_errors import (
    DecodeError,
    ExpiredSignatureError,
    ImmatureSignatureError,
    InvalidAlgorithmError,
    InvalidAudienceError,
    InvalidIssuedAtError,
    InvalidIssuerError,
    InvalidJTIError,
    InvalidKeyError,
    InvalidSignatureError,
    InvalidSubjectError,
    InvalidTokenError,
    MissingCryptographyError,
    MissingRequiredClaimError,
    PyJWKClientConnectionError,
    PyJWKClientError,
    PyJWKError,
    PyJWKSetError,
    PyJWTError,
)

__all__ = [
    "PyJWTError",
    "InvalidTokenError",
    "DecodeError",
    "InvalidSignatureError",
    "ExpiredSignatureError",
    "InvalidAudienceError",
    "InvalidIssuerError",
    "InvalidIssuedAtError",
    "ImmatureSignatureError",
    "InvalidKeyError",
    "InvalidAlgorithmError",
    "MissingRequiredClaimError",
    "PyJWKError",
    "MissingCryptographyError",
    "PyJWKSetError",
    "PyJWKClientError",
    "PyJWKClientConnectionError",
    "InvalidSubjectError",
    "InvalidJTIError",
]

"""PyJWT's exception and warning classes, for :mod:`sigmint.jwt` and :mod:`sigmint.jws`.

The classes have PyJWT's names, bases and behaviour (``MissingRequiredClaimError(claim)``
with ``.claim``), so code written against PyJWT catches what sigmint raises. They live in
this private module so that ``sigmint._errors`` can derive core's error classes from them
without importing :mod:`sigmint.jwt` (no import cycle). Every core error about tokens and
JSON is raised as its ``sigmint.*Error`` class, which also derives from the matching class
here; the few errors the binding raises itself (PyJWT's argument checks) are these classes.
"""

from __future__ import annotations

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
    "InvalidSubjectError",
    "InvalidJTIError",
    "PyJWKError",
    "MissingCryptographyError",
    "PyJWKSetError",
    "PyJWKClientError",
    "PyJWKClientConnectionError",
    "InsecureKeyLengthWarning",
    "RemovedInPyjwt3Warning",
]


class PyJWTError(Exception):
    """Base class of the PyJWT-style exceptions."""


class InvalidTokenError(PyJWTError):
    """``decode()`` refused a token."""


class DecodeError(InvalidTokenError):
    """A token could not be decoded: malformed, oversized, or its JSON is invalid."""


class InvalidSignatureError(DecodeError):
    """A token's signature does not match."""


class ExpiredSignatureError(InvalidTokenError):
    """A token's ``exp`` has passed."""


class InvalidAudienceError(InvalidTokenError):
    """A token's ``aud`` matches none of the expected audiences (or none was expected)."""


class InvalidIssuerError(InvalidTokenError):
    """A token's ``iss`` is not an expected issuer."""


class InvalidIssuedAtError(InvalidTokenError):
    """A token's ``iat`` is not a NumericDate (sigmint raises it as
    ``sigmint.InvalidIssuedAtTypeError``, also a ``sigmint.InvalidClaimTypeError``)."""


class ImmatureSignatureError(InvalidTokenError):
    """A token's ``nbf`` or ``iat`` is in the future."""


class InvalidKeyError(PyJWTError):
    """The key cannot be used: empty, or an asymmetric (PEM/SSH) key given as an HMAC secret."""


class InvalidAlgorithmError(InvalidTokenError):
    """A token's ``alg`` is not allowed, or not supported."""


class MissingRequiredClaimError(InvalidTokenError):
    """A claim that must be present is missing; ``.claim`` names it."""

    def __init__(self, claim: str) -> None:
        self.claim = claim

    def __str__(self) -> str:
        return f'Token is missing the "{self.claim}" claim'


class InvalidSubjectError(InvalidTokenError):
    """A token's ``sub`` is not a string, or does not match the expected ``subject``."""


class InvalidJTIError(InvalidTokenError):
    """A token's ``jti`` is not a string (sigmint raises it as
    ``sigmint.InvalidJTITypeError``, also a ``sigmint.InvalidClaimTypeError``)."""


class PyJWKError(PyJWTError):
    """A JWK cannot be used: no algorithm sigmint has for it."""


class MissingCryptographyError(PyJWKError):
    """The JWK's algorithm is asymmetric: PyJWT needs ``cryptography`` for it, and sigmint
    has none (as PyJWT without ``cryptography``)."""


class PyJWKSetError(PyJWTError):
    """A JWK Set is empty, malformed, or holds no usable key."""


class PyJWKClientError(PyJWTError):
    """``PyJWKClient`` found no key for a token."""


class PyJWKClientConnectionError(PyJWKClientError):
    """``PyJWKClient`` could not fetch the JWK Set."""


class InsecureKeyLengthWarning(UserWarning):
    """An HMAC key is shorter than the hash (32 bytes for HS256): core's minimum, which
    ``options={"enforce_minimum_key_length": True}`` turns into an error."""


class RemovedInPyjwt3Warning(DeprecationWarning):
    """An argument PyJWT deprecated (an unknown keyword argument to ``decode``)."""


for _cls in [globals()[_name] for _name in __all__]:
    # Shown in tracebacks as ``sigmint.jwt.DecodeError``, and pickled under that name.
    _cls.__module__ = "sigmint.jwt"
del _cls

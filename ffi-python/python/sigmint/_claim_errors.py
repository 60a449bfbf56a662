"""The refusals of a registered claim of the wrong JSON type that PyJWT raises as a claim's own
class: one class per claim, deriving from both ``sigmint.InvalidClaimTypeError`` (core's error,
code 25) and PyJWT's class, so ``except jwt.InvalidIssuedAtError`` (PyJWT's code) and ``except
sigmint.InvalidClaimTypeError`` (sigmint's) both catch a mistyped ``iat``.

The compiled module raises core's ``InvalidClaimType`` through ``_BY_CLAIM`` when core names
the claim; any other claim (``exp``, ``nbf``, ``type``, ...) stays ``InvalidClaimTypeError``
(a ``DecodeError``, PyJWT's class for a mistyped ``exp`` or ``nbf``).
"""

from __future__ import annotations

from typing import Dict, Type

from . import _jwt_errors as _jwt
from ._errors import InvalidClaimTypeError

__all__ = [
    "InvalidIssuedAtTypeError",
    "InvalidSubjectTypeError",
    "InvalidJTITypeError",
    "InvalidAudienceTypeError",
    "InvalidIssuerTypeError",
]


class InvalidIssuedAtTypeError(InvalidClaimTypeError, _jwt.InvalidIssuedAtError):
    """``iat`` is not a non-negative integer (PyJWT: ``InvalidIssuedAtError``)."""


class InvalidSubjectTypeError(InvalidClaimTypeError, _jwt.InvalidSubjectError):
    """``sub`` is not a string (PyJWT: ``InvalidSubjectError``)."""


class InvalidJTITypeError(InvalidClaimTypeError, _jwt.InvalidJTIError):
    """``jti`` is not a string (PyJWT: ``InvalidJTIError``)."""


class InvalidAudienceTypeError(InvalidClaimTypeError, _jwt.InvalidAudienceError):
    """``aud`` is not a string or a list of strings (PyJWT: ``InvalidAudienceError``)."""


class InvalidIssuerTypeError(InvalidClaimTypeError, _jwt.InvalidIssuerError):
    """``iss`` is not a string (PyJWT: ``InvalidIssuerError``)."""


#: core's claim name -> the class its ``InvalidClaimType`` is raised as.
_BY_CLAIM: Dict[str, Type[InvalidClaimTypeError]] = {
    "iat": InvalidIssuedAtTypeError,
    "sub": InvalidSubjectTypeError,
    "jti": InvalidJTITypeError,
    "aud": InvalidAudienceTypeError,
    "iss": InvalidIssuerTypeError,
}

for _cls in _BY_CLAIM.values():
    # Shown and pickled as ``sigmint.InvalidIssuedAtTypeError``: the package exports them.
    _cls.__module__ = "sigmint"
del _cls

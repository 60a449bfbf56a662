"""The exceptions sigmint raises: one class per error of sigmint-core.

Every class derives from :class:`Error`; those caused by bad input also derive from
:class:`ValueError`, so ``except ValueError`` keeps working for code that does not know
sigmint. Each carries core's numeric ``code`` and snake_case ``name``; its message is core's,
and never holds secret material.

Errors of token verification (a well-formed token that is refused: ``InvalidSignatureError``,
``ExpiredError``, ``InvalidAudienceError``, ...) are not ``ValueError``; malformed tokens and
JSON are.

Errors about tokens and JSON also derive from the matching PyJWT-style class of
:mod:`sigmint.jwt` (``ExpiredError`` is a ``sigmint.jwt.ExpiredSignatureError``,
``MalformedTokenError`` a ``sigmint.jwt.DecodeError``, ``EmptyKeyError`` a
``sigmint.jwt.InvalidKeyError``, ...), so one raised exception satisfies both
``except sigmint.ExpiredError`` and ``except sigmint.jwt.ExpiredSignatureError``.

The compiled module raises these through ``_BY_CODE``; ``tests/test_errors.py`` checks that
the classes match core's error table (``sigmint._sigmint.ERRORS``) one to one.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Type

from . import _jwt_errors as _jwt

__all__ = [
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


class Error(Exception):
    """Base class of every error sigmint raises for a failed operation."""

    #: core's stable numeric error code (0 on this base class, which core never uses)
    code: int = 0
    #: core's stable snake_case error name
    name: str = "error"


class BufferTooSmallError(Error):
    """An output buffer was too small (never expected from Python: the binding sizes them)."""

    code = 1
    name = "buffer_too_small"


class EmptyKeyError(Error, _jwt.InvalidKeyError, ValueError):
    """The key or secret is empty, or decodes to no bytes."""

    code = 2
    name = "empty_key"


class InvalidBase64Error(Error, ValueError):
    """A base64 secret holds a character outside both base64 alphabets, misplaced padding,
    or has a length no padding rule allows."""

    code = 3
    name = "invalid_base64"


class InvalidSignatureError(Error, _jwt.InvalidSignatureError):
    """A MAC tag did not match, or was not 32 bytes long."""

    code = 4
    name = "invalid_signature"


class EndpointNotAbsoluteError(Error, ValueError):
    """An endpoint does not start with ``/``."""

    code = 5
    name = "endpoint_not_absolute"


class EndpointInvalidCharError(Error, ValueError):
    """An endpoint holds a space, control or non-ASCII character, or a fragment (``#``)."""

    code = 6
    name = "endpoint_invalid_char"


class PathHasQueryError(Error, ValueError):
    """Query parameters were given for a path that already holds a query (``?``)."""

    code = 7
    name = "path_has_query"


class InvalidUtf8Error(Error, _jwt.DecodeError, ValueError):
    """Text has no UTF-8 form (in Python: a ``str`` holding a lone surrogate)."""

    code = 8
    name = "invalid_utf8"


class InvalidClientIdError(Error, ValueError):
    """A client id is empty, longer than 128 characters, or not all visible ASCII."""

    code = 9
    name = "invalid_client_id"


class TokenTooLargeError(Error, _jwt.DecodeError, ValueError):
    """A token is longer than the configured size limit."""

    code = 10
    name = "token_too_large"


class MalformedTokenError(Error, _jwt.DecodeError, ValueError):
    """A token is not exactly three segments of strict base64url (no padding, no stray
    characters, zero trailing bits)."""

    code = 11
    name = "malformed_token"


class InvalidJsonError(Error, _jwt.DecodeError, ValueError):
    """JSON text is malformed, or not the kind of value expected (such as an object)."""

    code = 12
    name = "invalid_json"


class JsonTooDeepError(Error, _jwt.DecodeError, ValueError):
    """JSON nests deeper than the configured limit."""

    code = 13
    name = "json_too_deep"


class DuplicateKeyError(Error, _jwt.DecodeError, ValueError):
    """A JSON object has the same key twice."""

    code = 14
    name = "duplicate_key"


class InvalidHeaderError(Error, _jwt.DecodeError, ValueError):
    """A token header lacks a string ``alg``, or ``typ``, ``kid`` or ``crit`` has the wrong
    type."""

    code = 15
    name = "invalid_header"


class UnsupportedAlgorithmError(Error, _jwt.InvalidAlgorithmError):
    """A token's ``alg`` is ``none`` (in any spelling) or not an HMAC algorithm sigmint
    supports: refused."""

    code = 16
    name = "unsupported_algorithm"


class AlgorithmNotAllowedError(Error, _jwt.InvalidAlgorithmError):
    """A token's ``alg`` is not among the algorithms the caller allowed."""

    code = 17
    name = "algorithm_not_allowed"


class UnknownCriticalError(Error, _jwt.InvalidTokenError):
    """A token header's ``crit`` names an extension sigmint does not understand."""

    code = 18
    name = "unknown_critical"


class ExpiredError(Error, _jwt.ExpiredSignatureError):
    """The token's ``exp`` has passed (beyond the leeway)."""

    code = 19
    name = "expired"


class NotYetValidError(Error, _jwt.ImmatureSignatureError):
    """The token's ``nbf`` is still in the future (beyond the leeway)."""

    code = 20
    name = "not_yet_valid"


class IssuedInFutureError(Error, _jwt.ImmatureSignatureError):
    """The token's ``iat`` is in the future (beyond the leeway)."""

    code = 21
    name = "issued_in_future"


class InvalidAudienceError(Error, _jwt.InvalidAudienceError):
    """The token's ``aud`` matches none of the expected audiences, or is present when none
    is expected."""

    code = 22
    name = "invalid_audience"


class InvalidIssuerError(Error, _jwt.InvalidIssuerError):
    """The token's ``iss`` is not exactly an expected issuer."""

    code = 23
    name = "invalid_issuer"


class MissingClaimError(Error, _jwt.MissingRequiredClaimError):
    """A required claim is missing (or ``null``); ``.claim`` names it, as in PyJWT's
    ``MissingRequiredClaimError(claim)``."""

    code = 24
    name = "missing_claim"


class InvalidClaimTypeError(Error, _jwt.DecodeError, ValueError):
    """A claim has the wrong JSON type: ``exp`` as a string or a float, a negative time,
    ``aud`` not a string or array of strings."""

    code = 25
    name = "invalid_claim_type"


class IntegerOverflowError(Error, _jwt.DecodeError, ValueError):
    """An integer is beyond the signed 64-bit range."""

    code = 26
    name = "integer_overflow"


class WrongTokenTypeError(Error, _jwt.InvalidTokenError):
    """The token's type (header ``typ`` or the ``type`` claim) is not the expected one."""

    code = 27
    name = "wrong_token_type"


class ResponseTooLargeError(Error, ValueError):
    """A provider's response body is longer than core's limit (64 KiB)."""

    code = 28
    name = "response_too_large"


class MissingFieldError(Error, ValueError):
    """A provider's response lacks a field it must have (or has it as ``null``)."""

    code = 29
    name = "missing_field"


class InvalidFieldError(Error, ValueError):
    """A field has the wrong type or an impossible value: in a provider's response (a
    number where text belongs), or in a request being built (an empty email, a country code
    that is not two upper-case letters, an ``x-tag`` with a space)."""

    code = 30
    name = "invalid_field"


class InvalidDateError(Error, ValueError):
    """A date is not a valid ISO-8601 / RFC 3339 timestamp (``2024-05-14T19:22:09.901Z``)."""

    code = 31
    name = "invalid_date"


class ProviderError(Error):
    """The provider answered with an error: a non-2xx status, or a body holding its error
    (``{"message": ...}``, a Mygiro ``status`` other than ``"success"``) instead of the
    expected fields.

    ``status`` is the HTTP status when known (``None`` when only a body was parsed);
    ``message`` is the provider's own text (core's ``providers::error_message``: the body's
    ``message``, else the body itself, trimmed), ``None`` when it gave none.
    """

    code = 32
    name = "provider_error"

    def __init__(
        self,
        description: Optional[str] = None,
        status: Optional[int] = None,
        message: Optional[str] = None,
    ) -> None:
        if description is None:
            from ._sigmint import ERRORS

            description = ERRORS[self.code - 1][2]
        super().__init__(description, status, message)
        self.description = description
        self.status = status
        self.message = message

    def __str__(self) -> str:
        if self.status is None and self.message is None:
            return self.description
        head = "the provider answered" + ("" if self.status is None else f" HTTP {self.status}")
        return f"{head}: {self.message}" if self.message is not None else head

    def __reduce__(self) -> Any:
        return (type(self), (self.description, self.status, self.message))


class TimestampOutOfWindowError(Error):
    """A request's timestamp is too far from the verifier's clock (replays are bounded)."""

    code = 33
    name = "timestamp_out_of_window"


def _by_code() -> Dict[int, Type[Error]]:
    classes = [globals()[name] for name in __all__ if name != "Error"]
    table: Dict[int, Type[Error]] = {}
    for cls in classes:
        if cls.code in table:
            raise AssertionError(f"duplicate sigmint error code {cls.code}")
        table[cls.code] = cls
    return table


#: core error code -> exception class; the compiled module raises through this table.
_BY_CODE: Dict[int, Type[Error]] = _by_code()

for _cls in [Error, *_BY_CODE.values()]:
    # Shown in tracebacks as ``sigmint.EmptyKeyError``, and pickled under that name.
    _cls.__module__ = "sigmint"
del _cls

"""HS256 JSON Web Tokens with PyJWT's API, on sigmint's core.

Switching from PyJWT is changing the import (``from sigmint import jwt``): :func:`decode`,
:func:`encode` and :func:`get_unverified_header` take PyJWT's arguments, options and defaults
and raise PyJWT's exception classes (defined here), while signature checks, claim checks and
limits are sigmint-core's.

>>> from sigmint import jwt
>>> key = "a secret of at least 32 bytes!!!"
>>> token = jwt.encode({"sub": "user-1", "exp": 4102444800}, key)
>>> token.split(".")[0]
'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'
>>> jwt.decode(token, key, algorithms=["HS256"], now=1700000000)
{'sub': 'user-1', 'exp': 4102444800}
>>> jwt.decode(token, key, algorithms=["HS256"], now=4102444800)
Traceback (most recent call last):
    ...
sigmint.ExpiredError: token has expired (exp)

Differences from PyJWT, all deliberate:

- HS256 only. ``encode`` with another algorithm raises ``NotImplementedError("Algorithm not
  supported")`` as PyJWT does for an algorithm it lacks; ``decode`` refuses other algorithms
  with :class:`InvalidAlgorithmError` (``none``, RS/ES/PS, HS384/HS512).
- Stricter input: strict base64url (no ``=`` padding, no stray characters, zero trailing
  bits), no duplicate JSON keys, no lone surrogate escapes, at most ``max_depth`` (default 32)
  levels of JSON nesting, tokens of at most ``max_token_len`` bytes (default 16 KiB). Each is
  a :class:`DecodeError`.
- Registered claims are type-checked even when their check is off: ``exp``/``nbf``/``iat``
  must be non-negative integers, ``iss``/``sub``/``jti`` strings, ``aud`` a string or a list of
  strings (:class:`DecodeError`, where PyJWT would convert ``"123"`` or ``1.5`` with ``int()``,
  and raises ``InvalidIssuedAtError``/``InvalidSubjectError``/``InvalidJTIError`` for some).
  A ``null`` claim counts as absent. An ``aud`` (even empty) when no ``audience`` is expected
  is refused.
- Whole seconds: ``now`` and ``leeway`` are rounded down to whole seconds (core counts
  seconds). With a whole-second leeway the outcome is exactly PyJWT's; a fractional leeway
  is at most one second stricter than PyJWT's, never more lenient. A negative leeway is a
  ``ValueError``.
- ``now=`` injects the clock (Unix seconds as int/float, or a datetime; naive datetimes are
  UTC); by default the system clock is read.
- The keyword-only extras ``typ=`` (expected header ``typ``, case-insensitive),
  ``token_type=`` (expected ``type`` claim, such as Fonbnk's ``"access"``/``"refresh"``; both
  raise ``sigmint.WrongTokenTypeError``, an :class:`InvalidTokenError`), ``max_token_len=`` and
  ``max_depth=``.
- Not supported: ``verify=``, ``detached_payload=``, ``json_encoder=``, ``PyJWK`` keys, the
  ``b64`` header; encoding a header with ``crit`` (sigmint never mints a token it would refuse).
  No ``InsecureKeyLengthWarning`` is emitted; ``options["enforce_minimum_key_length"]`` works.

Every core error is raised as its ``sigmint.*Error`` class, which derives from the PyJWT class
here: ``except jwt.ExpiredSignatureError`` and ``except sigmint.ExpiredError`` both catch an
expired token.
"""

from __future__ import annotations

import math
import time
from calendar import timegm
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple, Union

from . import _sigmint
from ._jwt_errors import (
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
    MissingRequiredClaimError,
    PyJWTError,
)

__all__ = [
    "decode",
    "encode",
    "get_unverified_header",
    "DEFAULT_MAX_TOKEN_LEN",
    "DEFAULT_MAX_DEPTH",
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
]

#: Longest token accepted by default, in bytes (core's limit).
DEFAULT_MAX_TOKEN_LEN: int = _sigmint.JWT_DEFAULT_MAX_TOKEN_LEN
#: Deepest JSON nesting accepted by default (core's limit; at most ``_sigmint.JSON_MAX_DEPTH``).
DEFAULT_MAX_DEPTH: int = _sigmint.JSON_DEFAULT_MAX_DEPTH

Key = Union[str, bytes, bytearray, memoryview]
Token = Union[str, bytes]

_ALGORITHMS_REQUIRED = (
    'It is required that you pass in a value for the "algorithms" argument when calling decode().'
)
# Asymmetric keys must never serve as HMAC secrets (the RS256 -> HS256 confusion): PyJWT
# refuses PEM and OpenSSH keys as HMAC keys, and so does sigmint (the lists are the compiled
# module's, which checks keys itself on decode's and encode's common path).
_SSH_PREFIXES: Tuple[str, ...] = _sigmint.JWT_ASYMMETRIC_KEY_PREFIXES
_PEM_MARKERS: Tuple[str, ...] = _sigmint.JWT_ASYMMETRIC_KEY_MARKERS
_PEM_MARKERS_B = tuple(m.encode() for m in _PEM_MARKERS)
_SSH_PREFIXES_B = tuple(p.encode() for p in _SSH_PREFIXES)
#: HS256's minimum recommended key length (PyJWT's ``enforce_minimum_key_length``).
_MIN_KEY_LEN = 32
_DEFAULT_HEADER: Dict[str, Any] = {"alg": "HS256", "typ": "JWT"}


def _check_token(token: object) -> None:
    if not isinstance(token, (str, bytes)):
        raise DecodeError(f"Invalid token type. Token must be a {bytes}")


def _check_key(key: object, enforce_minimum_key_length: bool = False) -> None:
    """PyJWT's HMAC key checks that core does not make (core refuses an empty key)."""
    if isinstance(key, str):
        asymmetric = key.startswith(_SSH_PREFIXES) or any(m in key for m in _PEM_MARKERS)
        length = len(key.encode("utf-8", "surrogatepass")) if enforce_minimum_key_length else 0
    elif isinstance(key, (bytes, bytearray, memoryview)):
        raw = bytes(key)
        # find(), not `in`: bytes.__contains__ first tries its argument as an int, raising
        # and discarding a TypeError each time (that was most of this check's cost).
        pem = any(raw.find(marker) >= 0 for marker in _PEM_MARKERS_B)
        asymmetric = pem or raw.startswith(_SSH_PREFIXES_B)
        length = len(raw)
    else:
        return  # None is an empty key, other types a TypeError: both raised by the core call.
    if asymmetric:
        raise InvalidKeyError(
            "The specified key is an asymmetric key or x509 certificate and"
            " should not be used as an HMAC secret."
        )
    if enforce_minimum_key_length and 0 < length < _MIN_KEY_LEN:
        raise InvalidKeyError(
            f"The HMAC key is {length} bytes long, which is below the minimum recommended"
            f" length of {_MIN_KEY_LEN} bytes for SHA256."
        )


def _allows_hs256(algorithms: object) -> bool:
    if isinstance(algorithms, str):
        return algorithms == "HS256"
    return "HS256" in algorithms  # type: ignore[operator]


def _whole_seconds(value: object, what: str) -> int:
    """An int, a finite float (rounded down) or a datetime/timedelta, as whole seconds."""
    if type(value) is int:
        return value
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a number of seconds, not bool")
    if isinstance(value, int):
        return int(value)
    if isinstance(value, timedelta):
        value = value.total_seconds()
    elif isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.timestamp()
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{what} must be finite")
        return math.floor(value)
    kinds = "timedelta" if what == "leeway" else "datetime"
    raise TypeError(f"{what} must be an int, a float or a {kinds}, not {type(value).__name__}")


def _names(value: object, what: str) -> Optional[List[str]]:
    """None, a str, or an iterable of str, as a list (PyJWT's ``audience``/``issuer``)."""
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, Iterable):
        raise TypeError(f"{what} must be a string, an iterable of strings or None")
    names = list(value)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"{what} must be a string, an iterable of strings or None")
    return names


def decode(
    jwt: Token,
    key: Optional[Key] = None,
    algorithms: Optional[Union[List[str], str, Iterable[str]]] = None,
    options: Optional[Mapping[str, Any]] = None,
    leeway: Union[int, float, timedelta] = 0,
    audience: Optional[Union[str, Iterable[str]]] = None,
    issuer: Optional[Union[str, Iterable[str]]] = None,
    now: Optional[Union[int, float, datetime]] = None,
    *,
    subject: Optional[str] = None,
    typ: Optional[str] = None,
    token_type: Optional[str] = None,
    max_token_len: int = DEFAULT_MAX_TOKEN_LEN,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Dict[str, Any]:
    """Verifies an HS256 JWT and returns its claims, as PyJWT's ``jwt.decode`` does.

    ``key``: str (UTF-8) or bytes. ``algorithms``: the allowed ``alg`` names, required when
    the signature is verified (only ``"HS256"`` can match). ``options``: PyJWT's
    ``verify_signature`` (default True; when False, every other ``verify_*`` defaults to
    False), ``verify_exp``, ``verify_nbf``, ``verify_iat``, ``verify_aud``, ``verify_iss``,
    ``verify_sub``, ``require`` (claim names that must be present and not null),
    ``strict_aud``, ``enforce_minimum_key_length``. ``leeway``: seconds (int, float or
    timedelta; rounded down). ``audience``: str or iterable, any one must be in ``aud``.
    ``issuer``: str or iterable, ``iss`` must equal one exactly. ``now``: the current time
    (Unix seconds or datetime; rounded down), the system clock by default. ``subject``:
    PyJWT's, ``sub`` (when present) must equal it. Keyword-only extras: ``typ``,
    ``token_type``, ``max_token_len``, ``max_depth`` (see the module documentation).

    The claims dict is built in Rust from the verified JSON: objects in their order,
    integers of any size, floats as ``json.loads`` reads them.
    """
    claims: Optional[Dict[str, Any]] = _sigmint.jwt_decode_common(
        jwt, key, algorithms, options, leeway, audience, issuer, now, subject, typ, token_type,
        max_token_len, max_depth,
    )
    if claims is None:
        claims = _decode(
            jwt, key, algorithms, options, leeway, audience, issuer, now, subject, typ,
            token_type, max_token_len, max_depth,
        )
    return claims


def _decode(
    jwt: Token,
    key: Optional[Key],
    algorithms: Optional[Union[List[str], str, Iterable[str]]],
    options: Optional[Mapping[str, Any]],
    leeway: Union[int, float, timedelta],
    audience: Optional[Union[str, Iterable[str]]],
    issuer: Optional[Union[str, Iterable[str]]],
    now: Optional[Union[int, float, datetime]],
    subject: Optional[str],
    typ: Optional[str],
    token_type: Optional[str],
    max_token_len: int,
    max_depth: int,
) -> Dict[str, Any]:
    """:func:`decode`, step by step, for any arguments. ``_sigmint.jwt_decode_common`` runs
    the same steps in one compiled call for the common ones, and leaves the rest (every
    refusal of an argument included) to this function."""
    _check_token(jwt)
    if options is None:
        verify_signature = verify_exp = verify_nbf = verify_iat = True
        verify_aud = verify_iss = verify_sub = True
        require: List[str] = []
        strict_aud = enforce_minimum_key_length = False
    else:
        verify_signature = bool(options.get("verify_signature", True))
        verify_exp = bool(options.get("verify_exp", verify_signature))
        verify_nbf = bool(options.get("verify_nbf", verify_signature))
        verify_iat = bool(options.get("verify_iat", verify_signature))
        verify_aud = bool(options.get("verify_aud", verify_signature))
        verify_iss = bool(options.get("verify_iss", verify_signature))
        verify_sub = bool(options.get("verify_sub", verify_signature))
        require = list(options.get("require") or ())
        strict_aud = bool(options.get("strict_aud", False))
        enforce_minimum_key_length = bool(options.get("enforce_minimum_key_length", False))
    hs256 = False
    if verify_signature:
        if not algorithms:
            raise DecodeError(_ALGORITHMS_REQUIRED)
        hs256 = _allows_hs256(algorithms)
        _check_key(key, enforce_minimum_key_length)
    now_s = int(time.time()) if now is None else _whole_seconds(now, "now")
    leeway_s = _whole_seconds(leeway, "leeway")
    if leeway_s < 0:
        raise ValueError("leeway must not be negative")
    audiences = _names(audience, "audience")
    if strict_aud and verify_aud and audience is not None and not isinstance(audience, str):
        raise InvalidAudienceError("Invalid audience (strict)")
    claims: Dict[str, Any] = _sigmint.jwt_decode(
        jwt,
        key,
        verify_signature,
        hs256,
        now_s,
        leeway_s,
        verify_exp,
        verify_nbf,
        verify_iat,
        verify_aud,
        verify_iss,
        require,
        audiences,
        _names(issuer, "issuer"),
        typ,
        token_type,
        max_token_len,
        max_depth,
    )
    if strict_aud and verify_aud and audience is not None and not isinstance(claims["aud"], str):
        raise InvalidAudienceError("Invalid claim format in token (strict)")
    if verify_sub and subject is not None and "sub" in claims and claims["sub"] != subject:
        raise InvalidSubjectError("Invalid subject")
    return claims


def encode(
    payload: Dict[str, Any],
    key: Key,
    algorithm: Optional[str] = "HS256",
    headers: Optional[Dict[str, Any]] = None,
    sort_headers: bool = True,
) -> str:
    """Mints an HS256 JWT of ``payload``, as PyJWT's ``jwt.encode`` does.

    The token is byte for byte PyJWT's: the payload is written as ``json.dumps(payload,
    separators=(",", ":"))`` writes it (str keys, or int/float/bool/None keys converted;
    str, int of any size, finite float, bool, None, list, tuple, dict values; ``datetime``
    values of ``exp``, ``iat`` and ``nbf`` become Unix seconds), the header is
    ``{"alg": "HS256", "typ": "JWT"}`` updated with ``headers`` (a falsy ``typ`` removes it),
    keys sorted unless ``sort_headers`` is False. Other value types raise ``TypeError``,
    NaN and infinities ``ValueError`` (as ``json.dumps(..., allow_nan=False)``). An algorithm
    other than HS256 (``algorithm`` or ``headers["alg"]``) raises ``NotImplementedError``.
    Nesting deeper than 64 levels raises ``sigmint.JsonTooDeepError``.
    """
    token: Optional[str] = _sigmint.jwt_encode_common(payload, key, algorithm, headers)
    if token is None:
        token = _encode(payload, key, algorithm, headers, sort_headers)
    return token


def _encode(
    payload: Dict[str, Any],
    key: Key,
    algorithm: Optional[str],
    headers: Optional[Dict[str, Any]],
    sort_headers: bool,
) -> str:
    """:func:`encode`, step by step, for any arguments (``_sigmint.jwt_encode_common`` runs
    the same steps in one compiled call for the common ones, and leaves the rest here)."""
    if not isinstance(payload, dict):
        raise TypeError(
            "Expecting a dict object, as JWT only supports JSON objects as payloads."
        )
    for claim in ("exp", "iat", "nbf"):
        value = payload.get(claim)
        if isinstance(value, datetime):
            payload = {**payload, claim: timegm(value.utctimetuple())}
    if "iss" in payload and not isinstance(payload["iss"], str):
        raise TypeError("Issuer (iss) must be a string.")
    alg = "none" if algorithm is None else algorithm
    if headers:
        if headers.get("alg"):
            alg = headers["alg"]
        if headers.get("b64") is False:
            raise NotImplementedError("sigmint does not support detached payloads (b64: false)")
        if "kid" in headers and not isinstance(headers["kid"], str):
            raise InvalidTokenError("Key ID header parameter must be a string")
        header = {"typ": "JWT", "alg": alg, **headers}
        if not header["typ"]:
            del header["typ"]
        header.pop("b64", None)
    else:
        header = _DEFAULT_HEADER
    if alg != "HS256":
        raise NotImplementedError("Algorithm not supported")
    _check_key(key)
    token: str = _sigmint.jwt_encode(header, payload, key, sort_headers)
    return token


def get_unverified_header(jwt: Token) -> Dict[str, Any]:
    """A token's header as a dict, **not** verified: for picking a key by ``kid``, never for
    decisions. The token must still be well formed (three strict base64url segments, a JSON
    object header with a string ``alg``); otherwise :class:`DecodeError`."""
    _check_token(jwt)
    header: Dict[str, Any] = _sigmint.jws_header(jwt, DEFAULT_MAX_TOKEN_LEN, DEFAULT_MAX_DEPTH)
    return header

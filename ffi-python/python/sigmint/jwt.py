"""HS256 JSON Web Tokens with PyJWT's API, on sigmint's core.

Switching from PyJWT is changing the import (``from sigmint import jwt``): :func:`decode`,
:func:`encode` and :func:`get_unverified_header` take PyJWT's arguments, options and defaults
and raise PyJWT's exception classes (defined here), while signature checks, claim checks, key
checks and limits are sigmint-core's.

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
- Keys: an asymmetric key or certificate (PEM, OpenSSH) given as the HMAC secret raises
  ``sigmint.InvalidKeyError``, a key below 32 bytes with ``enforce_minimum_key_length``
  ``sigmint.KeyTooShortError`` (both :class:`InvalidKeyError`, with core's messages).

Every core error is raised as its ``sigmint.*Error`` class, which derives from the PyJWT class
here: ``except jwt.ExpiredSignatureError`` and ``except sigmint.ExpiredError`` both catch an
expired token.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Union

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

    ``jwt``: str or bytes. ``key``: str (UTF-8) or bytes-like. ``algorithms``: the allowed
    ``alg`` names, required when the signature is verified (only ``"HS256"`` can match).
    ``options``: PyJWT's ``verify_signature`` (default True; when False, every other
    ``verify_*`` defaults to False), ``verify_exp``, ``verify_nbf``, ``verify_iat``,
    ``verify_aud``, ``verify_iss``, ``verify_sub``, ``require`` (claim names that must be
    present and not null), ``strict_aud`` (``audience`` must be a str, and ``aud`` exactly
    that string), ``enforce_minimum_key_length``. ``leeway``: seconds (int, float or
    timedelta; rounded down). ``audience``: str or iterable, any one must be in ``aud``.
    ``issuer``: str or iterable, ``iss`` must equal one exactly. ``now``: the current time
    (Unix seconds or datetime; rounded down), the system clock by default. ``subject``:
    PyJWT's, ``sub`` (when present) must equal it. Keyword-only extras: ``typ``,
    ``token_type``, ``max_token_len``, ``max_depth`` (see the module documentation).

    The arguments are read (PyJWT's rules) and the token decided in one compiled call
    (``_sigmint.jwt_decode``). The claims dict is built in Rust from the verified JSON:
    objects in their order, integers of any size, floats as ``json.loads`` reads them.
    """
    claims: Dict[str, Any] = _sigmint.jwt_decode(
        jwt, key, algorithms, options, leeway, audience, issuer, now, subject, typ, token_type,
        max_token_len, max_depth,
    )
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
    Nesting deeper than 64 levels raises ``sigmint.JsonTooDeepError``. One compiled call
    (``_sigmint.jwt_encode``) reads the arguments, writes the JSON and signs.
    """
    token: str = _sigmint.jwt_encode(payload, key, algorithm, headers, sort_headers)
    return token


def get_unverified_header(jwt: Token) -> Dict[str, Any]:
    """A token's header as a dict, **not** verified: for picking a key by ``kid``, never for
    decisions. The token must still be well formed (three strict base64url segments, a JSON
    object header with a string ``alg``); otherwise :class:`DecodeError`."""
    header: Dict[str, Any] = _sigmint.jws_header(jwt, DEFAULT_MAX_TOKEN_LEN, DEFAULT_MAX_DEPTH)
    return header

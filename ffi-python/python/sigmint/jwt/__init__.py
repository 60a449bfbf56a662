"""HS256 JSON Web Tokens with PyJWT's API, on sigmint's core.

Switching from PyJWT is changing the import (``from sigmint import jwt``): every name of PyJWT
2.x's ``jwt.__all__`` is here with PyJWT's meaning for HMAC keys (:func:`decode`,
:func:`decode_complete`, :func:`encode`, :func:`get_unverified_header`, the :class:`PyJWT` and
:class:`PyJWS` classes with their ``options``, :class:`PyJWK`/:class:`PyJWKSet` for ``oct``
keys, :class:`PyJWKClient`, :class:`InsecureKeyLengthWarning`, PyJWT's exceptions), and so
are its modules ``jwt.exceptions``, ``jwt.algorithms`` (HMAC), ``jwt.api_jwt``,
``jwt.api_jws``, ``jwt.api_jwk``, ``jwt.warnings`` and ``jwt.jwks_client``. Signature checks,
claim checks, key checks and limits are sigmint-core's. docs/python.md, "Migrating from PyJWT", is the migration
table.

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

Differences from PyJWT, all deliberate (docs/python.md, "Migrating from PyJWT", gives the reasons):

- HS256 only. ``encode`` with another algorithm raises PyJWT's ``NotImplementedError`` for an
  algorithm it lacks (as PyJWT without ``cryptography`` for RS/ES/PS/EdDSA); ``decode``
  refuses other algorithms with :class:`InvalidAlgorithmError` (``none``, RS/ES/PS,
  HS384/HS512). ``algorithm=None`` (``none``) mints nothing: with a key PyJWT's
  :class:`InvalidKeyError`, without one ``NotImplementedError``.
- Stricter input: strict base64url (no ``=`` padding, no stray characters, zero trailing
  bits), no duplicate JSON keys, no lone surrogate escapes, at most ``max_depth`` (default 32)
  levels of JSON nesting, tokens of at most ``max_token_len`` bytes (default 16 KiB). Each is
  a :class:`DecodeError`.
- Registered claims are type-checked even when their check is off: ``exp``/``nbf``/``iat``
  must be non-negative integers, ``iss``/``sub``/``jti`` strings, ``aud`` a string or a list of
  strings, where PyJWT would convert ``"123"`` or ``1.5`` with ``int()``. Each refusal is
  PyJWT's class: :class:`DecodeError` for ``exp``/``nbf``, :class:`InvalidIssuedAtError`,
  :class:`InvalidSubjectError`, :class:`InvalidJTIError`, :class:`InvalidAudienceError`,
  :class:`InvalidIssuerError` (each also a ``sigmint.InvalidClaimTypeError``). A ``null``
  claim counts as absent. An ``aud`` (even empty) when no ``audience`` is expected is refused.
- Whole seconds: ``now`` and ``leeway`` are rounded down to whole seconds (core counts
  seconds). With a whole-second leeway the outcome is exactly PyJWT's; a fractional leeway
  is at most one second stricter than PyJWT's, never more lenient. A negative leeway is a
  ``ValueError``.
- ``now=`` (keyword-only) injects the clock (Unix seconds as int/float, or a datetime; naive
  datetimes are UTC); by default the system clock is read.
- sigmint's extras go in PyJWT's ``**kwargs``: ``typ=`` (expected header ``typ``,
  case-insensitive), ``token_type=`` (expected ``type`` claim, such as Fonbnk's
  ``"access"``/``"refresh"``; both raise ``sigmint.WrongTokenTypeError``, an
  :class:`InvalidTokenError`), ``max_token_len=`` and ``max_depth=``. Other keywords are
  PyJWT's ``RemovedInPyjwt3Warning``.
- Not supported: ``detached_payload=`` and the ``b64`` header (:class:`DecodeError` /
  ``NotImplementedError``), custom algorithms (``register_algorithm``), encoding a header with
  ``crit`` (sigmint never mints a token it would refuse), ``PyJWT`` subclass hooks
  (``_encode_payload``/``_decode_payload``).
- Keys: an asymmetric key or certificate (PEM, OpenSSH) given as the HMAC secret raises
  ``sigmint.InvalidKeyError``, a key below 32 bytes :class:`InsecureKeyLengthWarning`, or with
  ``enforce_minimum_key_length`` ``sigmint.KeyTooShortError`` (both :class:`InvalidKeyError`,
  with core's messages). ``key=None`` is PyJWT's ``TypeError``.

Every core error is raised as its ``sigmint.*Error`` class, which derives from the PyJWT class
here: ``except jwt.ExpiredSignatureError`` and ``except sigmint.ExpiredError`` both catch an
expired token.
"""

from __future__ import annotations

from typing import Union

from . import algorithms, api_jwk, api_jws, api_jwt, exceptions, jwks_client, warnings
from .api_jwk import PyJWK, PyJWKSet
from .api_jws import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_TOKEN_LEN,
    PyJWS,
    get_algorithm_by_name,
    get_unverified_header,
    register_algorithm,
    unregister_algorithm,
)
from .api_jwt import PyJWT, decode, decode_complete, encode
from .exceptions import (
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
    PyJWKClientConnectionError,
    PyJWKClientError,
    PyJWKError,
    PyJWKSetError,
    PyJWTError,
)
from .jwks_client import PyJWKClient
from .warnings import InsecureKeyLengthWarning

__all__ = [
    # PyJWT 2.x's jwt.__all__
    "PyJWS",
    "PyJWT",
    "PyJWKClient",
    "PyJWK",
    "PyJWKSet",
    "decode",
    "decode_complete",
    "encode",
    "get_unverified_header",
    "register_algorithm",
    "unregister_algorithm",
    "get_algorithm_by_name",
    "InsecureKeyLengthWarning",
    "DecodeError",
    "ExpiredSignatureError",
    "ImmatureSignatureError",
    "InvalidAlgorithmError",
    "InvalidAudienceError",
    "InvalidIssuedAtError",
    "InvalidIssuerError",
    "InvalidKeyError",
    "InvalidSignatureError",
    "InvalidTokenError",
    "MissingRequiredClaimError",
    "PyJWKClientConnectionError",
    "PyJWKClientError",
    "PyJWKError",
    "PyJWKSetError",
    "PyJWTError",
    # PyJWT's jwt.exceptions, not in its jwt.__all__
    "InvalidSubjectError",
    "InvalidJTIError",
    # sigmint's
    "DEFAULT_MAX_TOKEN_LEN",
    "DEFAULT_MAX_DEPTH",
]

Key = Union[str, bytes, bytearray, memoryview, PyJWK]
Token = Union[str, bytes]


for _cls in (PyJWT, PyJWS, PyJWK, PyJWKSet, PyJWKClient):
    # Shown as ``sigmint.jwt.PyJWT``, and pickled under that name (PyJWT's top-level names).
    _cls.__module__ = "sigmint.jwt"
del _cls

"""Compact HS256 JWS with PyJWT's ``jwt.api_jws`` API, on sigmint's core: the payload may be
any bytes (RFC 7520 §4.4's plain text, for example), not only a JSON claims set.

>>> from sigmint import jws, jwt
>>> token = jwt.encode({"n": 1}, "a secret of at least 32 bytes!!!")
>>> jws.decode(token, "a secret of at least 32 bytes!!!", algorithms=["HS256"])
b'{"n":1}'

The exceptions are :mod:`sigmint.jwt`'s (PyJWT's names), re-exported here. Differences from
PyJWT are those listed in :mod:`sigmint.jwt` that apply to a JWS (HS256 only, strict
base64url, size and nesting limits for the header).
"""

from __future__ import annotations

from typing import Any, Iterable, List, Mapping, Optional, Union

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
from .jwt import DEFAULT_MAX_DEPTH, DEFAULT_MAX_TOKEN_LEN, Key, Token, get_unverified_header

__all__ = [
    "decode",
    "get_unverified_header",
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


def decode(
    jws: Token,
    key: Optional[Key] = "",
    algorithms: Optional[Union[List[str], str, Iterable[str]]] = None,
    options: Optional[Mapping[str, Any]] = None,
    *,
    max_token_len: int = DEFAULT_MAX_TOKEN_LEN,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> bytes:
    """Verifies a compact HS256 JWS and returns its payload bytes, as PyJWT's
    ``jwt.api_jws.decode`` does. ``algorithms`` is required unless
    ``options={"verify_signature": False}`` (then nothing is verified: never act on the
    result). ``options["enforce_minimum_key_length"]`` works as in :func:`sigmint.jwt.decode`,
    which reads its arguments the same way (in the compiled module: ``_sigmint.jws_decode``).
    ``max_depth`` bounds the header's JSON nesting."""
    limits = {"max_token_len": max_token_len, "max_depth": max_depth}
    payload: bytes = _sigmint.jws_decode(
        jws, key, algorithms, options, None, limits, None, True, False
    )
    return payload

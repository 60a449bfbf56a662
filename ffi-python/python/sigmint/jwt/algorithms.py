"""PyJWT's ``jwt.algorithms``, HMAC parts: :class:`HMACAlgorithm` with SHA-256 (HS256) signs,
verifies and converts keys with sigmint-core (``sigmint.hmac_sha256``, core's key policy).

As PyJWT without ``cryptography``: :data:`has_crypto` is false and the asymmetric algorithms
(:data:`requires_cryptography`) are absent. Unlike PyJWT, ``none``, HS384 and HS512 are absent
too: core signs and verifies HS256 only.
"""

from __future__ import annotations

import base64
import hashlib
import json
from abc import ABC, abstractmethod
from typing import Any, Callable, ClassVar, Dict, Union

from .. import _sigmint
from .._sigmint import hmac_sha256, hmac_sha256_verify
from .exceptions import InvalidKeyError

__all__ = [
    "Algorithm",
    "HMACAlgorithm",
    "get_default_algorithms",
    "has_crypto",
    "requires_cryptography",
]

#: Whether asymmetric algorithms are available: never (PyJWT's value without ``cryptography``).
has_crypto = False

#: The algorithms PyJWT offers only with ``cryptography`` installed.
requires_cryptography = {
    "RS256", "RS384", "RS512", "ES256", "ES256K", "ES384", "ES521", "ES512", "PS256", "PS384",
    "PS512", "EdDSA",
}

JWKDict = Dict[str, Any]


def get_default_algorithms() -> Dict[str, "Algorithm"]:
    """The algorithms sigmint implements: ``{"HS256": HMACAlgorithm(HMACAlgorithm.SHA256)}``."""
    return {"HS256": HMACAlgorithm(HMACAlgorithm.SHA256)}


def _force_bytes(value: Union[str, bytes]) -> bytes:
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, bytes):
        return value
    raise TypeError("Expected a string value")


def _base64url_encode(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).replace(b"=", b"")


def _base64url_decode(data: Union[str, bytes]) -> bytes:
    data = _force_bytes(data)
    return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))


class Algorithm(ABC):
    """PyJWT's interface of an algorithm that signs and verifies tokens."""

    def compute_hash_digest(self, bytestr: bytes) -> bytes:
        """The digest of ``bytestr`` with this algorithm's hash."""
        hash_alg = getattr(self, "hash_alg", None)
        if hash_alg is None:
            raise NotImplementedError
        return bytes(hash_alg(bytestr).digest())

    @abstractmethod
    def prepare_key(self, key: Any) -> Any:
        """The key, checked and converted for :meth:`sign` and :meth:`verify`."""

    @abstractmethod
    def sign(self, msg: bytes, key: Any) -> bytes:
        """The signature of ``msg``."""

    @abstractmethod
    def verify(self, msg: bytes, key: Any, sig: bytes) -> bool:
        """Whether ``sig`` is the signature of ``msg``."""

    @staticmethod
    @abstractmethod
    def to_jwk(key_obj: Any, as_dict: bool = False) -> Union[JWKDict, str]:
        """The key as a JWK."""

    @staticmethod
    @abstractmethod
    def from_jwk(jwk: Union[str, JWKDict]) -> Any:
        """The key of a JWK."""

    def check_key_length(self, key: Any) -> Union[str, None]:
        """A warning message when ``key`` is too short for the algorithm, else ``None``."""
        return None


class HMACAlgorithm(Algorithm):
    """HMAC with a hash; sigmint-core implements SHA-256 (HS256) only: an instance built with
    another hash raises ``NotImplementedError`` when it signs or verifies."""

    SHA256: ClassVar[Callable[..., Any]] = hashlib.sha256
    SHA384: ClassVar[Callable[..., Any]] = hashlib.sha384
    SHA512: ClassVar[Callable[..., Any]] = hashlib.sha512

    def __init__(self, hash_alg: Callable[..., Any]) -> None:
        self.hash_alg = hash_alg

    def _hs256(self) -> None:
        if self.hash_alg is not hashlib.sha256:
            raise NotImplementedError("Algorithm not supported")

    def prepare_key(self, key: Union[str, bytes]) -> bytes:
        """The key's bytes, held to core's key policy: ``TypeError`` unless str or bytes,
        ``sigmint.EmptyKeyError`` for an empty key, ``sigmint.InvalidKeyError`` for an
        asymmetric key or certificate (both :class:`InvalidKeyError`)."""
        key_bytes: bytes = _sigmint.jwt_prepare_key(_force_bytes(key))
        return key_bytes

    @staticmethod
    def to_jwk(key_obj: Union[str, bytes], as_dict: bool = False) -> Union[JWKDict, str]:
        jwk = {"k": _base64url_encode(_force_bytes(key_obj)).decode(), "kty": "oct"}
        return jwk if as_dict else json.dumps(jwk)

    @staticmethod
    def from_jwk(jwk: Union[str, JWKDict]) -> bytes:
        try:
            if isinstance(jwk, str):
                obj = json.loads(jwk)
            elif isinstance(jwk, dict):
                obj = jwk
            else:
                raise ValueError
        except ValueError:
            raise InvalidKeyError("Key is not valid JSON") from None
        if obj.get("kty") != "oct":
            raise InvalidKeyError("Not an HMAC key")
        key_bytes: bytes = _sigmint.jwt_prepare_key(_base64url_decode(obj["k"]))
        return key_bytes

    def check_key_length(self, key: bytes) -> Union[str, None]:
        """PyJWT's message when ``key`` is shorter than core's HS256 minimum (32 bytes)."""
        self._hs256()
        message: Union[str, None] = _sigmint.jwt_key_length_message(key)
        return message

    def sign(self, msg: bytes, key: bytes) -> bytes:
        self._hs256()
        return hmac_sha256(key, msg)

    def verify(self, msg: bytes, key: bytes, sig: bytes) -> bool:
        self._hs256()
        return hmac_sha256_verify(key, msg, sig)

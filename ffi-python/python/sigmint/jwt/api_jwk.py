"""PyJWT's ``jwt.api_jwk``: :class:`PyJWK` and :class:`PyJWKSet`, for ``oct`` (HMAC) keys.

A key's ``k`` is decoded (base64url, as PyJWT decodes it) and held to core's key policy; a
JWK Set picks a key by ``kid`` (``jwks[kid]``), as during key rotation. Asymmetric keys are
PyJWT's ``MissingCryptographyError`` (as PyJWT without ``cryptography``), ``oct`` keys for
HS384/HS512 its ``PyJWKError`` (sigmint has only HS256).
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Optional

from .algorithms import get_default_algorithms, has_crypto, requires_cryptography
from .exceptions import (
    InvalidKeyError,
    MissingCryptographyError,
    PyJWKError,
    PyJWKSetError,
    PyJWTError,
)

__all__ = ["PyJWK", "PyJWKSet"]

JWKDict = Dict[str, Any]


class PyJWK:
    """A JSON Web Key: ``key`` is the secret's bytes, ``algorithm_name`` ``"HS256"``. Given
    as the key of :func:`sigmint.jwt.decode` or ``encode``, it signs and verifies with its
    secret, and ``algorithms`` may be left out (the key's algorithm is then the one
    allowed)."""

    def __init__(self, jwk_data: JWKDict, algorithm: Optional[str] = None) -> None:
        self._jwk_data = jwk_data
        kty = self._jwk_data.get("kty", None)
        if not kty:
            raise InvalidKeyError(f"kty is not found: {self._jwk_data}")
        if not algorithm and isinstance(self._jwk_data, dict):
            algorithm = self._jwk_data.get("alg", None)
        if not algorithm:
            # PyJWT's algorithm for each key type (and curve).
            crv = self._jwk_data.get("crv", None)
            if kty == "EC":
                curves = {None: "ES256", "P-256": "ES256", "P-384": "ES384", "P-521": "ES512",
                          "secp256k1": "ES256K"}
                if (crv or None) not in curves:
                    raise InvalidKeyError(f"Unsupported crv: {crv}")
                algorithm = curves[crv or None]
            elif kty == "RSA":
                algorithm = "RS256"
            elif kty == "oct":
                algorithm = "HS256"
            elif kty == "OKP":
                if not crv:
                    raise InvalidKeyError(f"crv is not found: {self._jwk_data}")
                if crv != "Ed25519":
                    raise InvalidKeyError(f"Unsupported crv: {crv}")
                algorithm = "EdDSA"
            else:
                raise InvalidKeyError(f"Unsupported kty: {kty}")
        if not has_crypto and algorithm in requires_cryptography:
            raise MissingCryptographyError(f"{algorithm} requires 'cryptography' to be installed.")
        self.algorithm_name: str = algorithm
        try:
            self.Algorithm = get_default_algorithms()[algorithm]
        except KeyError:
            raise PyJWKError(f"Unable to find an algorithm for key: {self._jwk_data}") from None
        try:
            self.key: bytes = self.Algorithm.from_jwk(self._jwk_data)
        except (TypeError, ValueError) as error:
            raise InvalidKeyError(f"Unable to construct key from JWK: {error}") from error

    @staticmethod
    def from_dict(obj: JWKDict, algorithm: Optional[str] = None) -> "PyJWK":
        return PyJWK(obj, algorithm)

    @staticmethod
    def from_json(data: str, algorithm: Optional[str] = None) -> "PyJWK":
        return PyJWK.from_dict(json.loads(data), algorithm)

    @property
    def key_type(self) -> Optional[str]:
        return self._jwk_data.get("kty", None)

    @property
    def key_id(self) -> Optional[str]:
        return self._jwk_data.get("kid", None)

    @property
    def public_key_use(self) -> Optional[str]:
        return self._jwk_data.get("use", None)


class PyJWKSet:
    """A JWK Set: its usable keys, looked up by ``kid`` with ``jwks[kid]``."""

    def __init__(self, keys: List[JWKDict]) -> None:
        self.keys: List[PyJWK] = []
        if not keys:
            raise PyJWKSetError("The JWK Set did not contain any keys")
        if not isinstance(keys, list):
            raise PyJWKSetError("Invalid JWK Set value")
        for key in keys:
            if not isinstance(key, dict):
                continue
            try:
                self.keys.append(PyJWK(key))
            except PyJWTError as error:
                if isinstance(error, MissingCryptographyError):
                    raise error
                continue
        if len(self.keys) == 0:
            raise PyJWKSetError(
                "The JWK Set did not contain any usable keys. Perhaps 'cryptography' is not installed?"
            )

    @staticmethod
    def from_dict(obj: Dict[str, Any]) -> "PyJWKSet":
        return PyJWKSet(obj.get("keys", []))

    @staticmethod
    def from_json(data: str) -> "PyJWKSet":
        return PyJWKSet.from_dict(json.loads(data))

    def __getitem__(self, kid: str) -> PyJWK:
        for key in self.keys:
            if key.key_id == kid:
                return key
        raise KeyError(f"keyset has no key for kid: {kid}")

    def __iter__(self) -> Iterator[PyJWK]:
        return iter(self.keys)

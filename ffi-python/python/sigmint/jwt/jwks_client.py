"""PyJWT's ``jwt.jwks_client``: :class:`PyJWKClient`, which fetches a JWK Set over HTTP(S)
and picks a token's key by its ``kid``. With sigmint only ``oct`` (HS256) keys are usable, so
this serves JWK Sets of shared secrets (an internal key service); public endpoints serve
asymmetric keys, which are PyJWT's ``MissingCryptographyError`` here. The JWK Set is cached
for ``lifespan`` seconds; there is no per-key cache and no refresh cooldown.
"""

from __future__ import annotations

import json
import time
import urllib.request
from typing import Any, Dict, List, Optional
from urllib.error import URLError
from urllib.parse import urlparse

from .api_jwk import PyJWK, PyJWKSet
from .api_jws import get_unverified_header
from .exceptions import PyJWKClientConnectionError, PyJWKClientError

__all__ = ["PyJWKClient"]


class _NoRedirectHandler(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class PyJWKClient:
    """A client of a JWKS endpoint (PyJWT's constructor; ``cache_keys`` and
    ``max_cached_keys`` are accepted and have no effect)."""

    def __init__(
        self,
        uri: str,
        cache_keys: bool = False,
        max_cached_keys: int = 16,
        cache_jwk_set: bool = True,
        lifespan: float = 300,
        headers: Optional[Dict[str, Any]] = None,
        timeout: float = 30,
        ssl_context: Any = None,
        cooldown_duration: float = 30,
    ) -> None:
        scheme = urlparse(uri).scheme.lower()
        if scheme not in ("http", "https"):
            raise PyJWKClientError(
                f"Invalid JWKS URI scheme {scheme!r}: only 'http' and 'https' are supported."
            )
        if cache_jwk_set and lifespan <= 0:
            raise PyJWKClientError(f'Lifespan must be greater than 0, the input is "{lifespan}"')
        self.uri = uri
        self.headers = headers or {}
        self.timeout = timeout
        self.ssl_context = ssl_context
        self.lifespan = lifespan if cache_jwk_set else 0
        self._cached: Optional[PyJWKSet] = None
        self._fetched_at = 0.0

    def fetch_data(self) -> Any:
        """The endpoint's JSON (``PyJWKClientConnectionError`` when it cannot be fetched)."""
        request = urllib.request.Request(url=self.uri, headers=self.headers)
        handlers: List[Any] = [_NoRedirectHandler()]
        if self.ssl_context is not None:
            handlers.append(urllib.request.HTTPSHandler(context=self.ssl_context))
        try:
            with urllib.request.build_opener(*handlers).open(request, timeout=self.timeout) as r:
                return json.load(r)
        except (URLError, TimeoutError, OSError, ValueError) as e:
            raise PyJWKClientConnectionError(
                f'Fail to fetch data from the url, err: "{e}"'
            ) from e

    def get_jwk_set(self, refresh: bool = False) -> PyJWKSet:
        """The JWK Set, from the cache while it is fresh."""
        fresh = time.monotonic() - self._fetched_at < self.lifespan
        if self._cached is not None and fresh and not refresh:
            return self._cached
        data = self.fetch_data()
        if not isinstance(data, dict):
            raise PyJWKClientError("The JWKS endpoint did not return a JSON object")
        self._cached = PyJWKSet.from_dict(data)
        self._fetched_at = time.monotonic()
        return self._cached

    def get_signing_keys(self, refresh: bool = False) -> List[PyJWK]:
        """The set's signing keys (``use`` absent or ``"sig"``) that have a ``kid``."""
        keys = [
            key for key in self.get_jwk_set(refresh).keys
            if key.public_key_use in ("sig", None) and key.key_id
        ]
        if not keys:
            raise PyJWKClientError("The JWKS endpoint did not contain any signing keys")
        return keys

    def get_signing_key(self, kid: str) -> PyJWK:
        """The signing key whose ``kid`` is ``kid`` (the set is fetched again once if none)."""
        key = self.match_kid(self.get_signing_keys(), kid)
        if key is None:
            key = self.match_kid(self.get_signing_keys(refresh=True), kid)
        if key is None:
            raise PyJWKClientError(f'Unable to find a signing key that matches: "{kid}"')
        return key

    def get_signing_key_from_jwt(self, token: Any) -> PyJWK:
        """The signing key named by the token's (unverified) ``kid`` header."""
        # Whatever the header holds (None when there is none), passed on as PyJWT does.
        kid: Any = get_unverified_header(token).get("kid")
        return self.get_signing_key(kid)

    @staticmethod
    def match_kid(signing_keys: List[PyJWK], kid: str) -> Optional[PyJWK]:
        for key in signing_keys:
            if key.key_id == kid:
                return key
        return None

"""sFOX enterprise user tokens: ``POST /v1/enterprise/user-tokens/{user_id}`` with
``Authorization: Bearer <enterprise API key>``; the answer is ``{"data": {"token",
"partner_user_id", "expires"}}``, the token valid for 24 hours.

sFOX's advice: **do not store user tokens**; mint a new one whenever a user session needs
it. :meth:`UserToken.needs_refresh` tells when one held for a session is about to lapse.

>>> from sigmint import sfox
>>> sfox.user_token_path("client 7/a")
'/v1/enterprise/user-tokens/client%207%2Fa'
>>> body = '{"data":{"token":"bcf5ab","partner_user_id":"client_1","expires":"2024-05-14T19:22:09.901Z"}}'
>>> sfox.parse_user_token(body).expires_at_ms
1715714529901

:class:`Auth` works as ``auth=`` for requests and httpx; :class:`SfoxClient` (and
:class:`AsyncSfoxClient`) send the request with httpx. Paths, the ``Authorization`` value and
parsing are sigmint-core's.
"""

from __future__ import annotations

from typing import Any, MutableMapping, Union

from . import _http, _sigmint

__all__ = [
    "AsyncSfoxClient",
    "Auth",
    "BASE_URL",
    "SfoxClient",
    "UserToken",
    "authorization",
    "parse_user_token",
    "user_token_path",
]

#: The production API's base URL.
BASE_URL: str = _sigmint.SFOX_BASE_URL

#: The answer: ``token``, ``partner_user_id``, ``expires`` (as written), ``expires_at_ms``,
#: ``expired(now_ms)``, ``needs_refresh(now_ms, margin_ms)``.
UserToken = _sigmint.SfoxUserToken


def user_token_path(user_id: str) -> str:
    """``/v1/enterprise/user-tokens/{user_id}``, the id percent-encoded as one path segment.
    Raises :class:`~sigmint.InvalidFieldError` for an empty id."""
    return _sigmint.sfox_user_token_path(user_id)


def authorization(api_key: str) -> str:
    """``Bearer {api_key}``. Raises :class:`~sigmint.InvalidFieldError` for an empty key or
    one that is not all visible ASCII."""
    return _sigmint.sfox_authorization(api_key)


def parse_user_token(body: Union[str, bytes, bytearray, memoryview]) -> UserToken:
    """Reads the user-token answer (``str`` or bytes). Raises a :class:`sigmint.Error`
    subclass for a malformed one: :class:`~sigmint.InvalidDateError` for an ``expires`` that
    is not RFC 3339, :class:`~sigmint.ProviderError` for sFOX's own error body, ..."""
    return _sigmint.sfox_parse_user_token(body)


class Auth(_http.CredentialAuth):
    """``Authorization: Bearer <enterprise API key>`` as ``auth=`` for requests and httpx (a
    ``requests.auth.AuthBase`` and an ``httpx.Auth``). The key is checked when the object is
    made; ``repr`` does not show it.

    A redirect to another origin (scheme, host, port) never carries the key, nor any later
    hop of that chain; one on the same origin does. With httpx's ``follow_redirects=True``
    (which itself strips ``Authorization`` only for another origin) add :meth:`redirect_hook`
    to the client's request event hooks; see docs/python.md, "Signing requests"."""

    __slots__ = ("_authorization",)

    credential_headers = ("Authorization",)

    def __init__(self, api_key: str) -> None:
        self._authorization = authorization(api_key)

    def apply(self, headers: MutableMapping[str, str], path: str) -> None:
        headers["Authorization"] = self._authorization

    def carries(self, headers: MutableMapping[str, str]) -> bool:
        return headers.get("Authorization") == self._authorization

    def __repr__(self) -> str:
        return "sfox.Auth(api_key=...)"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle an sfox.Auth: it holds the API key")


def _call(user_id: str, auth: Auth) -> _http.Call[UserToken]:
    return _http.Call("POST", user_token_path(user_id), parse_user_token, auth=auth)


class SfoxClient(_http.SyncTransport):
    """Mints sFOX user tokens with httpx. ``base_url``: :data:`BASE_URL` by default (or
    ``sigmint sandbox``'s URL); ``timeout``: seconds or an ``httpx.Timeout``; ``client``: an
    ``httpx.Client`` to use instead of one of its own. A non-2xx answer raises
    :class:`sigmint.ProviderError` (``.status``, ``.message``)."""

    def __init__(
        self,
        api_key: str,
        base_url: str = BASE_URL,
        timeout: _http.Timeout = _http.DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        self._auth = Auth(api_key)
        _http.SyncTransport.__init__(self, base_url, timeout, client)

    def create_user_token(self, user_id: str) -> UserToken:
        """``POST /v1/enterprise/user-tokens/{user_id}``: a new token for that user (mint
        one per session rather than storing it)."""
        return self._send(_call(user_id, self._auth))

    def __repr__(self) -> str:
        return f"SfoxClient(base_url={self.base_url!r})"


class AsyncSfoxClient(_http.AsyncTransport):
    """:class:`SfoxClient` on ``httpx.AsyncClient``."""

    def __init__(
        self,
        api_key: str,
        base_url: str = BASE_URL,
        timeout: _http.Timeout = _http.DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        self._auth = Auth(api_key)
        _http.AsyncTransport.__init__(self, base_url, timeout, client)

    async def create_user_token(self, user_id: str) -> UserToken:
        """``POST /v1/enterprise/user-tokens/{user_id}``."""
        return await self._send(_call(user_id, self._auth))

    def __repr__(self) -> str:
        return f"AsyncSfoxClient(base_url={self.base_url!r})"

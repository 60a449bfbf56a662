"""Mygiro access tokens: ``GET /v1/users/{userId}/generateaccesstoken?accountId=...`` with
``Authorization: Bearer <JWT>`` and the caller's ``x-tag`` header; the answer is
``{"status": "success", "data": {"token", "resetToken", "type", "user", "_id", "createdAt"}}``.

>>> from sigmint import mygiro
>>> mygiro.access_token_path("5a981078f4442500195c7201", "acct 1")
'/v1/users/5a981078f4442500195c7201/generateaccesstoken?accountId=acct+1'

:class:`Auth` works as ``auth=`` for requests and httpx; :class:`MygiroClient` (and
:class:`AsyncMygiroClient`) send the request with httpx (core knows no Mygiro base URL: give
yours). Paths, header values and parsing are sigmint-core's.
"""

from __future__ import annotations

from typing import Any, MutableMapping, Union

from . import _http, _sigmint

__all__ = [
    "AccessToken",
    "AsyncMygiroClient",
    "Auth",
    "HEADER_TAG",
    "MygiroClient",
    "access_token_path",
    "authorization",
    "check_tag",
    "parse_access_token",
]

#: The header carrying the caller's tag: ``x-tag``.
HEADER_TAG: str = _sigmint.MYGIRO_HEADER_TAG

#: The answer's ``data``: ``token``, ``reset_token``, ``type``, ``user``, ``id``,
#: ``created_at`` (as written), ``created_at_ms``.
AccessToken = _sigmint.MygiroAccessToken


def access_token_path(user_id: str, account_id: str) -> str:
    """``/v1/users/{user_id}/generateaccesstoken?accountId={account_id}``. Raises
    :class:`~sigmint.InvalidFieldError` for an empty id."""
    return _sigmint.mygiro_access_token_path(user_id, account_id)


def authorization(token: str) -> str:
    """``Bearer {token}``. Raises :class:`~sigmint.InvalidFieldError` for an empty token or
    one that is not all visible ASCII."""
    return _sigmint.mygiro_authorization(token)


def check_tag(x_tag: str) -> None:
    """Raises :class:`~sigmint.InvalidFieldError` for an ``x-tag`` that is empty or not all
    visible ASCII."""
    _sigmint.mygiro_check_tag(x_tag)


def parse_access_token(body: Union[str, bytes, bytearray, memoryview]) -> AccessToken:
    """Reads the answer (``str`` or bytes). A ``status`` other than ``"success"`` raises
    :class:`~sigmint.ProviderError` with Mygiro's ``message``; a malformed body another
    :class:`sigmint.Error` subclass (:class:`~sigmint.InvalidDateError` for a bad
    ``createdAt``, ...)."""
    return _sigmint.mygiro_parse_access_token(body)


class Auth(_http.CredentialAuth):
    """``Authorization: Bearer <JWT>`` and ``x-tag`` as ``auth=`` for requests and httpx (a
    ``requests.auth.AuthBase`` and an ``httpx.Auth``). Both are checked when the object is
    made; ``repr`` shows neither.

    A redirect to another origin (scheme, host, port) carries neither header, nor does any
    later hop of that chain; one on the same origin carries both. With httpx's
    ``follow_redirects=True`` (which strips only ``Authorization``, and leaves ``x-tag``) add
    :meth:`redirect_hook` to the client's request event hooks; see docs/python.md, "Signing requests"."""

    __slots__ = ("_authorization", "_tag")

    credential_headers = ("Authorization", HEADER_TAG)

    def __init__(self, token: str, x_tag: str) -> None:
        self._authorization = authorization(token)
        check_tag(x_tag)
        self._tag = x_tag

    def apply(self, headers: MutableMapping[str, str], path: str) -> None:
        headers["Authorization"] = self._authorization
        headers[HEADER_TAG] = self._tag

    def carries(self, headers: MutableMapping[str, str]) -> bool:
        # x-tag, which no client strips: a same-origin hop keeps both headers.
        return headers.get(HEADER_TAG) == self._tag

    def __repr__(self) -> str:
        return "mygiro.Auth(token=..., x_tag=...)"

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle a mygiro.Auth: it holds a bearer token")


class MygiroClient(_http.SyncTransport):
    """Gets Mygiro access tokens with httpx. ``base_url`` is required; ``timeout``: seconds
    or an ``httpx.Timeout``; ``client``: an ``httpx.Client`` to use instead of one of its
    own. A non-2xx answer, or a ``status`` other than ``"success"``, raises
    :class:`sigmint.ProviderError` (``.status``, ``.message``)."""

    def __init__(
        self,
        token: str,
        x_tag: str,
        base_url: str,
        timeout: _http.Timeout = _http.DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        self._auth = Auth(token, x_tag)
        _http.SyncTransport.__init__(self, base_url, timeout, client)

    def generate_access_token(self, user_id: str, account_id: str) -> AccessToken:
        """``GET /v1/users/{user_id}/generateaccesstoken?accountId={account_id}``."""
        path = access_token_path(user_id, account_id)
        return self._send(_http.Call("GET", path, parse_access_token, auth=self._auth))

    def __repr__(self) -> str:
        return f"MygiroClient(base_url={self.base_url!r})"


class AsyncMygiroClient(_http.AsyncTransport):
    """:class:`MygiroClient` on ``httpx.AsyncClient``."""

    def __init__(
        self,
        token: str,
        x_tag: str,
        base_url: str,
        timeout: _http.Timeout = _http.DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        self._auth = Auth(token, x_tag)
        _http.AsyncTransport.__init__(self, base_url, timeout, client)

    async def generate_access_token(self, user_id: str, account_id: str) -> AccessToken:
        """``GET /v1/users/{user_id}/generateaccesstoken?accountId={account_id}``."""
        path = access_token_path(user_id, account_id)
        return await self._send(_http.Call("GET", path, parse_access_token, auth=self._auth))

    def __repr__(self) -> str:
        return f"AsyncMygiroClient(base_url={self.base_url!r})"

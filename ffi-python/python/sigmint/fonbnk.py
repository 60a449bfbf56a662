"""Fonbnk partner API: request signing, request bodies, answers, and a small client.

Every Fonbnk request carries three headers: ``x-client-id``, ``x-timestamp`` (Unix
milliseconds) and ``x-signature`` = base64(HMAC-SHA256(base64-decode(client secret),
"{timestamp}:{endpoint}")), where the endpoint is the path plus, when there are query
parameters, ``?`` and the query exactly as JavaScript's ``URLSearchParams.toString()`` writes
it. The body is not signed.

>>> from sigmint import fonbnk
>>> signer = fonbnk.Signer("my-client-id", "bXktY2xpZW50LXNlY3JldA==")
>>> ep = fonbnk.endpoint("/api/v2/orders", {"status": "pending", "limit": 10})
>>> ep
'/api/v2/orders?status=pending&limit=10'
>>> sorted(signer.headers(ep, 1_697_040_000_000))
['x-client-id', 'x-signature', 'x-timestamp']

Request bodies and answers, built and read by core:

>>> user_query_json("testuser+ng@fonbnk.com", "NG")
'{"email":"testuser+ng@fonbnk.com","countryIsoCode":"NG"}'
>>> Endpoint.USER_TOKENS_V2.value, Environment.SANDBOX.base_url
('/api/v2/user/tokens', 'https://sandbox-api.fonbnk.com')

:func:`parse_user_tokens`, :func:`parse_kyc_state` and :func:`parse_kyc_submit` take a body
(``str`` or bytes) and return small frozen objects; a malformed body raises a
:class:`sigmint.Error` subclass, the provider's own error body :class:`sigmint.ProviderError`.
:class:`FonbnkClient` (and :class:`AsyncFonbnkClient`) send the requests with httpx.
:meth:`Signer.verify` and :func:`check_timestamp` check inbound signatures, as a partner
receiving Fonbnk-style requests (or ``sigmint sandbox``) does.

Every rule (query encoding, what an endpoint may hold, secret decoding, bodies, parsing)
lives in sigmint-core; this module converts Python values and reads the system clock.
"""

from __future__ import annotations

import enum
import threading
import time
import weakref
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar, Union, overload

from . import _http, _sigmint

__all__ = [
    "AsyncFonbnkClient",
    "Auth",
    "Body",
    "DEFAULT_WINDOW_MS",
    "Endpoint",
    "Environment",
    "FonbnkClient",
    "HEADER_CLIENT_ID",
    "HEADER_SIGNATURE",
    "HEADER_TIMESTAMP",
    "KycDocument",
    "KycRule",
    "KycState",
    "Params",
    "Request",
    "Signer",
    "TokenLifetime",
    "UserTokens",
    "check_timestamp",
    "parse_timestamp",
    "endpoint",
    "kyc_submission_json",
    "now_ms",
    "parse_kyc_state",
    "parse_kyc_submit",
    "parse_user_tokens",
    "sign_request",
    "string_to_sign",
    "user_query_json",
]

HEADER_CLIENT_ID: str
HEADER_TIMESTAMP: str
HEADER_SIGNATURE: str
HEADER_CLIENT_ID, HEADER_TIMESTAMP, HEADER_SIGNATURE = _sigmint.FONBNK_HEADERS

#: A query name or value: text, or an int (written in decimal). Not ``bool``: JavaScript
#: would write ``true`` where Python writes ``True``, so the caller must choose.
Scalar = Union[str, int]
#: Query parameters: a mapping (in its iteration order) or an iterable of ``(name, value)``
#: pairs (in order; names may repeat). A mapping's key type is invariant, so each key type is
#: spelled out: ``dict[str, str]``, ``dict[str, int]``, ``dict[int, str]`` and
#: ``dict[str | int, str | int]`` are all accepted. (The functions taking ``Params`` are also
#: overloaded on each mapping type: mypy infers a dict display against one of them, not
#: against this union.)
Params = Union[
    Mapping[str, Scalar],
    Mapping[int, Scalar],
    Mapping[Scalar, Scalar],
    Iterable[Tuple[Scalar, Scalar]],
]


#: A response body: text, or its bytes.
Body = Union[str, bytes, bytearray, memoryview]

#: How far (either side, in ms) a request's ``x-timestamp`` may be from the verifier's clock:
#: the ±5 minutes the sandbox accepts (core's ``fonbnk::DEFAULT_WINDOW``).
DEFAULT_WINDOW_MS: int = _sigmint.FONBNK_DEFAULT_WINDOW_MS

_T = TypeVar("_T")

_ENVIRONMENTS = dict(_sigmint.FONBNK_ENVIRONMENTS)
_ENDPOINTS = {name: (path, method) for name, path, method in _sigmint.FONBNK_ENDPOINTS}


# The members' names are written out for type checkers; their values come from core's tables
# (with the names core gives them), and a test checks that the two agree one to one.


class Environment(str, enum.Enum):
    """A Fonbnk deployment; the value is its base URL (core's ``Environment``)."""

    SANDBOX = _ENVIRONMENTS["SANDBOX"]
    PRODUCTION = _ENVIRONMENTS["PRODUCTION"]

    @property
    def base_url(self) -> str:
        """The base URL, without a trailing ``/``."""
        return str(self.value)


class Endpoint(str, enum.Enum):
    """An endpoint core builds requests for; the value is its path (what is signed)."""

    USER_TOKENS_V2 = _ENDPOINTS["USER_TOKENS_V2"][0]
    USER_TOKENS = _ENDPOINTS["USER_TOKENS"][0]
    KYC_STATUS = _ENDPOINTS["KYC_STATUS"][0]
    KYC_SUBMIT = _ENDPOINTS["KYC_SUBMIT"][0]

    @property
    def path(self) -> str:
        return str(self.value)

    @property
    def method(self) -> str:
        """The HTTP method (``POST``)."""
        return _ENDPOINTS[self.name][1]


#: The answer of the user-token endpoints (``access_token``, ``refresh_token``,
#: ``access``/``refresh`` lifetimes, ``access_expires_at``, ``expired(now)``,
#: ``needs_refresh(now, margin)``, ...).
UserTokens = _sigmint.FonbnkUserTokens
#: A token's ``kind``, ``issued_at`` and ``expires_at`` (read unverified).
TokenLifetime = _sigmint.FonbnkTokenLifetime
#: The KYC status answer.
KycState = _sigmint.FonbnkKycState
#: A KYC document type (``id``, ``type``, ``title``, ``value``, ``required_fields``).
KycDocument = _sigmint.FonbnkKycDocument
#: A KYC rule (``type``, ``max``, ``json``).
KycRule = _sigmint.FonbnkKycRule


def user_query_json(email: str, country_iso_code: str) -> str:
    """The body of the user-token and KYC status requests, ``{"email", "countryIsoCode"}``.

    Raises :class:`~sigmint.InvalidFieldError` for an empty email or a country code that is
    not two upper-case letters (ISO 3166-1 alpha-2).
    """
    return _sigmint.fonbnk_user_query_json(email, country_iso_code)


@overload
def kyc_submission_json(email: str, document_id: str, user_fields: Mapping[str, Scalar]) -> str: ...
@overload
def kyc_submission_json(email: str, document_id: str, user_fields: Mapping[int, Scalar]) -> str: ...
@overload
def kyc_submission_json(
    email: str, document_id: str, user_fields: Mapping[Scalar, Scalar]
) -> str: ...
@overload
def kyc_submission_json(email: str, document_id: str, user_fields: Params) -> str: ...
def kyc_submission_json(email: str, document_id: str, user_fields: Params) -> str:
    """The body of the KYC submit request, ``{"email", "documentId", "userFields": {...}}``;
    ``user_fields`` is a mapping or ``(name, value)`` pairs (str or int), written in order.

    Raises :class:`~sigmint.InvalidFieldError` for an empty email or document id,
    :class:`~sigmint.DuplicateKeyError` for a field named twice.
    """
    return _sigmint.fonbnk_kyc_submission_json(email, document_id, _pairs(user_fields))


def parse_user_tokens(body: Body) -> UserTokens:
    """Reads ``{"accessToken", "refreshToken"}`` and each token's ``type``, ``iat``, ``exp``
    (unverified: Fonbnk signs them with its own key)."""
    return _sigmint.fonbnk_parse_user_tokens(body)


def parse_kyc_state(body: Body) -> KycState:
    """Reads the KYC status answer; an unknown ``kycStatus`` is ``status == "unknown"``,
    its text in ``status_text``."""
    return _sigmint.fonbnk_parse_kyc_state(body)


def parse_kyc_submit(body: Body) -> bool:
    """Reads ``{"success": bool}``."""
    return _sigmint.fonbnk_parse_kyc_submit(body)


def parse_timestamp(text: str) -> int:
    """An inbound ``x-timestamp`` as received (ASCII digits, leading zeros allowed) in Unix
    milliseconds. Raises :class:`~sigmint.InvalidFieldError` for anything else, however long:
    ``+1``, ``1_000``, non-ASCII digits and values past ``2**64 - 1`` included."""
    return _sigmint.fonbnk_parse_timestamp(text)


def check_timestamp(
    timestamp_ms: Union[int, str], now_ms: Optional[int] = None, window_ms: int = DEFAULT_WINDOW_MS
) -> None:
    """Raises :class:`~sigmint.TimestampOutOfWindowError` when an inbound ``x-timestamp`` is
    more than ``window_ms`` from ``now_ms`` (the system clock by default)."""
    _sigmint.fonbnk_check_timestamp(timestamp_ms, _now_ms() if now_ms is None else now_ms, window_ms)


@dataclass(frozen=True)
class Request:
    """A signed request, for any HTTP client: send ``body`` to ``base_url + path``."""

    method: str
    path: str
    #: ``x-client-id``, ``x-timestamp``, ``x-signature`` and ``content-type``.
    headers: Dict[str, str]
    body: str

    def __repr__(self) -> str:
        return f"Request(method={self.method!r}, path={self.path!r}, body={self.body!r})"


def now_ms() -> int:
    """The system clock in Unix milliseconds, as ``x-timestamp`` wants it."""
    return time.time_ns() // 1_000_000


def _scalar(value: Any, what: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # int.__repr__: an IntEnum member's str() is its name on Python < 3.11.
        return int.__repr__(value)
    if isinstance(value, bool):
        hint = " (write 'true'/'false' or 1/0 explicitly)"
    else:
        hint = ""
    raise TypeError(f"{what} must be str or int, not {type(value).__name__}{hint}")


def _pairs(params: Optional[Params]) -> List[Tuple[str, str]]:
    if params is None:
        return []
    if isinstance(params, Mapping):
        items: Iterable[Any] = params.items()
    elif isinstance(params, (str, bytes, bytearray, memoryview)):
        raise TypeError(
            "params must be a mapping or a sequence of (name, value) pairs, "
            f"not {type(params).__name__}"
        )
    else:
        try:
            items = iter(params)
        except TypeError:
            raise TypeError(
                "params must be a mapping or a sequence of (name, value) pairs, "
                f"not {type(params).__name__}"
            ) from None
    pairs = []
    for i, item in enumerate(items):
        if isinstance(item, (str, bytes, bytearray, memoryview)):
            size = None
        else:
            try:
                size = len(item)
            except TypeError:
                size = None
        if size != 2:
            raise TypeError(
                f"params[{i}] must be a (name, value) pair, not {type(item).__name__}"
                + ("" if size is None else f" of length {size}")
            )
        name, value = item
        pairs.append(
            (_scalar(name, f"params[{i}] name"), _scalar(value, f"params[{i}] value"))
        )
    return pairs


@overload
def endpoint(path: str, params: Mapping[str, Scalar]) -> str: ...
@overload
def endpoint(path: str, params: Mapping[int, Scalar]) -> str: ...
@overload
def endpoint(path: str, params: Mapping[Scalar, Scalar]) -> str: ...
@overload
def endpoint(path: str, params: Optional[Params] = None) -> str: ...
def endpoint(path: str, params: Optional[Params] = None) -> str:
    """The endpoint Fonbnk signs: ``path``, then ``?`` and the encoded ``params`` if any.

    ``params`` is ``None``, a mapping, or an iterable of ``(name, value)`` pairs, written in
    order exactly as ``URLSearchParams.toString()`` would (space as ``+``; ``A-Z a-z 0-9 * -
    . _`` kept; every other UTF-8 byte as ``%XX``). Names and values must be ``str`` or
    ``int``; anything else raises :class:`TypeError`.

    Raises :class:`~sigmint.EndpointNotAbsoluteError` when ``path`` does not start with
    ``/``, :class:`~sigmint.EndpointInvalidCharError` for a space, control, non-ASCII or
    ``#`` character in it, :class:`~sigmint.PathHasQueryError` when it already holds ``?``
    and params are given, :class:`~sigmint.InvalidUtf8Error` for a lone surrogate.
    """
    return _sigmint.fonbnk_endpoint(path, _pairs(params))


_now_ms = now_ms


def string_to_sign(endpoint: str, timestamp_ms: int) -> str:
    """``"{timestamp_ms}:{endpoint}"``: what the signature covers (a debugging aid)."""
    return _sigmint.fonbnk_string_to_sign(endpoint, timestamp_ms)


class Signer(_sigmint.FonbnkSigner):
    """Signs Fonbnk requests for one client id.

    ``client_secret`` is the base64 secret from the Fonbnk dashboard (standard or URL-safe
    alphabet, padding optional). It is decoded and precomputed once into a key held in Rust,
    wiped when the signer is freed, and never kept as a Python attribute; neither ``repr``
    nor pickling reveals it (pickling is refused). Signers are immutable and thread-safe.

    :meth:`sign`, :meth:`headers` (``headers(endpoint, timestamp_ms=None)``: now by the
    system clock when the timestamp is ``None``), :meth:`verify` and :attr:`client_id` are
    the compiled class's own, so that a signature is one call into Rust.

    Raises :class:`~sigmint.InvalidClientIdError` for a client id that is empty, longer than
    128 characters or not all visible ASCII; :class:`~sigmint.InvalidBase64Error` or
    :class:`~sigmint.EmptyKeyError` for a bad secret.
    """

    # Weak references only: the clock every Auth of this signer shares is kept beside it.
    __slots__ = ("__weakref__",)

    @property
    def _signer(self) -> Signer:
        """The compiled signer, which is this object itself."""
        return self

    def sign_request(
        self, endpoint: Endpoint, body: str, timestamp_ms: Optional[int] = None
    ) -> Request:
        """A signed request to ``endpoint`` carrying ``body`` (from :func:`user_query_json`
        or :func:`kyc_submission_json`), at ``timestamp_ms`` or now."""
        if timestamp_ms is None:
            timestamp_ms = now_ms()
        method, path, headers = self._sign_request(Endpoint(endpoint).path, timestamp_ms, body)
        return Request(method, path, headers, body)


class _Clock:
    """The ``x-timestamp`` values one signer hands out: the system clock's millisecond, or one
    past the last stamp for the same endpoint when that is not behind the clock (so two
    requests to one endpoint in one millisecond get different stamps and signatures).

    A stamp is never more than :data:`DEFAULT_WINDOW_MS` ahead of the clock: past that (the
    clock was set back), the clock's time is used again."""

    __slots__ = ("_lock", "_last", "_prune_at")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: endpoint -> the last stamp given for it (only those not behind the clock matter).
        self._last: Dict[str, int] = {}
        self._prune_at = 64

    def stamp(self, endpoint: str) -> int:
        now = now_ms()
        with self._lock:
            last = self._last.get(endpoint, -1)
            stamp = last + 1 if now <= last < now + DEFAULT_WINDOW_MS else now
            self._last[endpoint] = stamp
            if len(self._last) >= self._prune_at:
                self._last = {e: t for e, t in self._last.items() if t >= now}
                self._prune_at = max(64, 2 * len(self._last))
            return stamp


#: Each signer's clock, shared by every Auth that signs with it.
_CLOCKS: "weakref.WeakKeyDictionary[Signer, _Clock]" = weakref.WeakKeyDictionary()
_CLOCKS_LOCK = threading.Lock()


def _clock_for(signer: Signer) -> _Clock:
    with _CLOCKS_LOCK:
        try:
            clock = _CLOCKS.get(signer)
            if clock is None:
                clock = _CLOCKS[signer] = _Clock()
        except TypeError:  # a compiled FonbnkSigner, which takes no weak reference
            clock = _Clock()
        return clock


class Auth(_http.CredentialAuth):
    """Fonbnk request signing as ``auth=`` for requests and httpx: a ``requests.auth.AuthBase``
    and an ``httpx.Auth`` (sync and async clients).

    >>> import requests  # doctest: +SKIP
    >>> requests.post(url, json=body, auth=fonbnk.Auth(client_id, secret))  # doctest: +SKIP

    It signs the path and query exactly as they go on the wire (requests'
    ``PreparedRequest.path_url``, httpx's ``Request.url.raw_path``), at the system clock's
    time. Those clients write some characters their own way (both keep ``~`` where
    ``URLSearchParams`` writes ``%7E``); the signature covers what they actually send.

    **Redirects**: a redirect to another origin (scheme, host, port) carries none of
    ``x-client-id``, ``x-timestamp``, ``x-signature``; one on the same origin is signed anew
    for the path it goes to. requests: always. httpx: ``response.next_request`` always; a
    redirect httpx follows itself (``follow_redirects=True``) only with
    :meth:`redirect_hook` among the client's request event hooks.

    **Re-sends**: httpx signs every send. With requests, sending the same ``PreparedRequest``
    again through a session carries a new signature (written when the previous answer came).

    **Timestamps**: every ``Auth`` made from one :class:`Signer` (:meth:`from_signer`) shares
    its clock: no two requests to the same endpoint get the same ``x-timestamp`` (a request in
    a millisecond already used for that endpoint is stamped a millisecond later), so quick or
    concurrent requests never look like a replay. Two signers made from the same credentials
    do not know of each other: share one ``Auth`` or one ``Signer`` (between threads too).
    """

    __slots__ = ("signer", "_clock")

    credential_headers = (HEADER_CLIENT_ID, HEADER_TIMESTAMP, HEADER_SIGNATURE)

    signer: Signer
    _clock: _Clock

    def __init__(self, client_id: str, client_secret: str) -> None:
        self.signer = Signer(client_id, client_secret)
        self._clock = _clock_for(self.signer)

    @classmethod
    def from_signer(cls, signer: Signer) -> Auth:
        """An ``Auth`` that signs with an existing :class:`Signer` (and shares its clock)."""
        auth = cls.__new__(cls)
        auth.signer = signer
        auth._clock = _clock_for(signer)
        return auth

    def apply(self, headers: MutableMapping[str, str], path: str) -> None:
        headers.update(self.signer.headers(path, self._clock.stamp(path)))

    def carries(self, headers: MutableMapping[str, str]) -> bool:
        return (
            headers.get(HEADER_CLIENT_ID) == self.signer.client_id
            and HEADER_SIGNATURE in headers
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.signer.client_id!r})"

    def __reduce__(self) -> Any:
        return self.signer.__reduce__()


def sign_request(
    signer: Signer, endpoint: Endpoint, body: str, timestamp_ms: Optional[int] = None
) -> Request:
    """Core's ``sign_request``: see :meth:`Signer.sign_request`."""
    return signer.sign_request(endpoint, body, timestamp_ms)


class _Calls:
    """The requests both clients send (bodies by core, signed on the wire by :class:`Auth`)."""

    _auth: Auth

    def _post(
        self, endpoint: Endpoint, body: str, parse: Callable[[bytes], _T]
    ) -> _http.Call[_T]:
        return _http.Call(
            endpoint.method,
            endpoint.path,
            parse,
            headers={"content-type": _sigmint.FONBNK_CONTENT_TYPE},
            content=body.encode("utf-8"),
            auth=self._auth,
        )

    def _tokens(self, endpoint: Endpoint, email: str, country: str) -> _http.Call[UserTokens]:
        return self._post(endpoint, user_query_json(email, country), parse_user_tokens)

    def _kyc_status(self, email: str, country: str) -> _http.Call[KycState]:
        return self._post(Endpoint.KYC_STATUS, user_query_json(email, country), parse_kyc_state)

    def _kyc_submit(self, email: str, document_id: str, user_fields: Params) -> _http.Call[bool]:
        body = kyc_submission_json(email, document_id, user_fields)
        return self._post(Endpoint.KYC_SUBMIT, body, parse_kyc_submit)


def _base_url(base_url: Union[str, Environment]) -> str:
    return base_url.base_url if isinstance(base_url, Environment) else base_url


class FonbnkClient(_Calls, _http.SyncTransport):
    """A small Fonbnk client on httpx: every request signed, every answer parsed by core.

    ``base_url``: an :class:`Environment` (the sandbox by default) or a URL (such as
    ``sigmint sandbox``'s). ``timeout``: seconds, or an ``httpx.Timeout``. ``client``: an
    ``httpx.Client`` to use (and not close) instead of one of its own. A non-2xx answer
    raises :class:`sigmint.ProviderError` with ``.status`` and the provider's ``.message``;
    transport failures and timeouts raise httpx's exceptions. Use it as a context manager, or
    call :meth:`close`.

    >>> with FonbnkClient(client_id, secret, "http://127.0.0.1:8787") as fonbnk:  # doctest: +SKIP
    ...     tokens = fonbnk.generate_user_tokens("testuser+ng@fonbnk.com", "NG")
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        base_url: Union[str, Environment] = Environment.SANDBOX,
        timeout: _http.Timeout = _http.DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        self._auth = Auth(client_id, client_secret)
        _http.SyncTransport.__init__(self, _base_url(base_url), timeout, client)

    def generate_user_tokens(self, email: str, country: str) -> UserTokens:
        """``POST /api/v2/user/tokens``: access and refresh tokens (the user is created on
        first sight)."""
        return self._send(self._tokens(Endpoint.USER_TOKENS_V2, email, country))

    def user_tokens_v1(self, email: str, country: str) -> UserTokens:
        """``POST /api/user/tokens`` (API v1.5)."""
        return self._send(self._tokens(Endpoint.USER_TOKENS, email, country))

    def kyc_status(self, email: str, country: str) -> KycState:
        """``POST /api/user/kyc/status`` (API v1.5)."""
        return self._send(self._kyc_status(email, country))

    @overload
    def kyc_submit(
        self, email: str, document_id: str, user_fields: Mapping[str, Scalar]
    ) -> bool: ...
    @overload
    def kyc_submit(
        self, email: str, document_id: str, user_fields: Mapping[int, Scalar]
    ) -> bool: ...
    @overload
    def kyc_submit(
        self, email: str, document_id: str, user_fields: Mapping[Scalar, Scalar]
    ) -> bool: ...
    @overload
    def kyc_submit(self, email: str, document_id: str, user_fields: Params) -> bool: ...
    def kyc_submit(self, email: str, document_id: str, user_fields: Params) -> bool:
        """``POST /api/user/kyc/submit`` (API v1.5): the answer's ``success``."""
        return self._send(self._kyc_submit(email, document_id, user_fields))

    def __repr__(self) -> str:
        return f"FonbnkClient(client_id={self._auth.signer.client_id!r}, base_url={self.base_url!r})"


class AsyncFonbnkClient(_Calls, _http.AsyncTransport):
    """:class:`FonbnkClient` on ``httpx.AsyncClient``: the same methods, awaited; use it
    with ``async with``, or call :meth:`aclose`."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        base_url: Union[str, Environment] = Environment.SANDBOX,
        timeout: _http.Timeout = _http.DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        self._auth = Auth(client_id, client_secret)
        _http.AsyncTransport.__init__(self, _base_url(base_url), timeout, client)

    async def generate_user_tokens(self, email: str, country: str) -> UserTokens:
        """``POST /api/v2/user/tokens``."""
        return await self._send(self._tokens(Endpoint.USER_TOKENS_V2, email, country))

    async def user_tokens_v1(self, email: str, country: str) -> UserTokens:
        """``POST /api/user/tokens``."""
        return await self._send(self._tokens(Endpoint.USER_TOKENS, email, country))

    async def kyc_status(self, email: str, country: str) -> KycState:
        """``POST /api/user/kyc/status``."""
        return await self._send(self._kyc_status(email, country))

    @overload
    async def kyc_submit(
        self, email: str, document_id: str, user_fields: Mapping[str, Scalar]
    ) -> bool: ...
    @overload
    async def kyc_submit(
        self, email: str, document_id: str, user_fields: Mapping[int, Scalar]
    ) -> bool: ...
    @overload
    async def kyc_submit(
        self, email: str, document_id: str, user_fields: Mapping[Scalar, Scalar]
    ) -> bool: ...
    @overload
    async def kyc_submit(self, email: str, document_id: str, user_fields: Params) -> bool: ...
    async def kyc_submit(self, email: str, document_id: str, user_fields: Params) -> bool:
        """``POST /api/user/kyc/submit``."""
        return await self._send(self._kyc_submit(email, document_id, user_fields))

    def __repr__(self) -> str:
        return (
            f"AsyncFonbnkClient(client_id={self._auth.signer.client_id!r}, "
            f"base_url={self.base_url!r})"
        )

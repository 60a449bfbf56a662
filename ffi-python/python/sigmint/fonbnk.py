"""Fonbnk partner-API request signing.

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

Every rule (query encoding, what an endpoint may hold, secret decoding) lives in sigmint-core;
this module converts Python values and reads the system clock.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any, List, Optional, Tuple, Union

from . import _sigmint

__all__ = [
    "Auth",
    "HEADER_CLIENT_ID",
    "HEADER_SIGNATURE",
    "HEADER_TIMESTAMP",
    "Params",
    "Signer",
    "endpoint",
    "now_ms",
    "string_to_sign",
]

HEADER_CLIENT_ID: str
HEADER_TIMESTAMP: str
HEADER_SIGNATURE: str
HEADER_CLIENT_ID, HEADER_TIMESTAMP, HEADER_SIGNATURE = _sigmint.FONBNK_HEADERS

#: A query name or value: text, or an int (written in decimal). Not ``bool``: JavaScript
#: would write ``true`` where Python writes ``True``, so the caller must choose.
Scalar = Union[str, int]
#: Query parameters: a mapping (in its iteration order) or an iterable of ``(name, value)``
#: pairs (in order; names may repeat).
Params = Union[Mapping[Scalar, Scalar], Iterable[Tuple[Scalar, Scalar]]]


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


def string_to_sign(endpoint: str, timestamp_ms: int) -> str:
    """``"{timestamp_ms}:{endpoint}"``: what the signature covers (a debugging aid)."""
    return _sigmint.fonbnk_string_to_sign(endpoint, timestamp_ms)


class Signer:
    """Signs Fonbnk requests for one client id.

    ``client_secret`` is the base64 secret from the Fonbnk dashboard (standard or URL-safe
    alphabet, padding optional). It is decoded and precomputed once into a key held in Rust,
    wiped when the signer is freed, and never kept as a Python attribute; neither ``repr``
    nor pickling reveals it (pickling is refused). Signers are immutable and thread-safe.

    Raises :class:`~sigmint.InvalidClientIdError` for a client id that is empty, longer than
    128 characters or not all visible ASCII; :class:`~sigmint.InvalidBase64Error` or
    :class:`~sigmint.EmptyKeyError` for a bad secret.
    """

    __slots__ = ("_signer",)

    def __init__(self, client_id: str, client_secret: str) -> None:
        self._signer = _sigmint.FonbnkSigner(client_id, client_secret)

    @property
    def client_id(self) -> str:
        """The client id, sent as ``x-client-id``."""
        return self._signer.client_id

    def sign(self, endpoint: str, timestamp_ms: int) -> str:
        """The ``x-signature`` value for ``endpoint`` (as :func:`endpoint` builds it) at
        ``timestamp_ms`` (Unix milliseconds, ``0 <= timestamp_ms < 2**64``)."""
        return self._signer.sign(endpoint, timestamp_ms)

    def headers(self, endpoint: str, timestamp_ms: Optional[int] = None) -> dict[str, str]:
        """The ``x-client-id``, ``x-timestamp`` and ``x-signature`` headers for a request to
        ``endpoint`` at ``timestamp_ms``, or now by the system clock when it is ``None``."""
        if timestamp_ms is None:
            timestamp_ms = now_ms()
        return self._signer.headers(endpoint, timestamp_ms)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.client_id!r})"

    def __reduce__(self) -> Any:
        raise TypeError(
            "cannot pickle a Fonbnk Signer: it holds a secret key; "
            "create it again from the client id and the secret where it is needed"
        )

    def __copy__(self) -> Signer:
        return self

    def __deepcopy__(self, memo: Any) -> Signer:
        return self


class Auth:
    """Fonbnk request signing as ``auth=`` for requests and httpx.

    >>> import requests  # doctest: +SKIP
    >>> requests.post(url, json=body, auth=fonbnk.Auth(client_id, secret))  # doctest: +SKIP

    It signs the path and query exactly as they go on the wire (requests'
    ``PreparedRequest.path_url``, httpx's ``Request.url.raw_path``), at the system clock's
    time. Those clients write some characters their own way (both keep ``~`` where
    ``URLSearchParams`` writes ``%7E``); the signature covers what they actually send. For
    httpx it works as a plain callable, which httpx wraps as ``FunctionAuth``.
    """

    __slots__ = ("signer",)

    def __init__(self, client_id: str, client_secret: str) -> None:
        self.signer = Signer(client_id, client_secret)

    @classmethod
    def from_signer(cls, signer: Signer) -> Auth:
        """An ``Auth`` that signs with an existing :class:`Signer`."""
        auth = cls.__new__(cls)
        auth.signer = signer
        return auth

    def __call__(self, request: Any) -> Any:
        path_url = getattr(request, "path_url", None)  # requests.PreparedRequest
        if path_url is None:  # httpx.Request: the raw path and query, as sent
            path_url = request.url.raw_path.decode("ascii")
        request.headers.update(self.signer.headers(path_url))
        return request

    def __repr__(self) -> str:
        return f"{type(self).__name__}(client_id={self.signer.client_id!r})"

    def __reduce__(self) -> Any:
        return self.signer.__reduce__()

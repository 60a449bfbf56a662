""":class:`SchemeAuth`: any :class:`sigmint.Scheme` as ``auth=`` for requests and httpx, with
the redirect safety of the provider ``Auth`` classes (``_http.CredentialAuth``)."""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, Mapping, MutableMapping, Optional, Tuple, Union

from . import _http
from ._sigmint import Scheme

__all__ = ["SchemeAuth"]

#: A clock: the timestamp to sign, as an int (written in decimal) or the text to send.
Clock = Callable[[], Union[int, str]]


def unix_seconds() -> int:
    """The system clock in whole Unix seconds (``int(time.time())``)."""
    return int(time.time())


class SchemeAuth(_http.CredentialAuth):
    """Signs each request with a :class:`sigmint.Scheme`, as ``auth=`` for requests and httpx
    (a ``requests.auth.AuthBase`` and an ``httpx.Auth``, sync and async clients).

    For every request it reads the clock, signs the parts the scheme's template names
    (``{timestamp}``, ``{method}``, ``{path}`` with its query and ``{query}`` exactly as they
    go on the wire, ``{body}`` and ``{body_sha256}`` of the bytes sent) and writes
    ``signature_header``, ``timestamp_header`` (the timestamp signed, when given) and the
    fixed ``headers`` (an API key, a passphrase)::

        auth = sigmint.SchemeAuth(
            sigmint.Scheme.preset("coinbase"), secret,
            signature_header="CB-ACCESS-SIGN", timestamp_header="CB-ACCESS-TIMESTAMP",
            headers={"CB-ACCESS-KEY": api_key, "CB-ACCESS-PASSPHRASE": passphrase},
        )

    ``clock`` gives the timestamp: Unix seconds by default (:func:`unix_seconds`); an int is
    signed in decimal, a str as it is (``lambda: f"{time.time():.3f}"``).

    **Redirects**, as for ``fonbnk.Auth``: none of these headers go to another origin; on the
    same origin the request is signed anew for the method, path and body the redirect is sent
    with (a 301/302/303 that turns a POST into a GET without a body is signed as that GET).
    With httpx and ``follow_redirects=True``, add :meth:`redirect_hook` to the client's
    request event hooks. The body is read before the request is sent (``httpx.Auth``'s
    ``requires_request_body``); a streamed body (a file, a generator) cannot be signed with
    requests: a ``TypeError``.
    """

    __slots__ = ("scheme", "_secret", "_signature_header", "_timestamp_header", "_fixed", "_clock")

    requires_request_body = True

    scheme: Scheme
    _secret: Union[str, bytes]
    _signature_header: str
    _timestamp_header: Optional[str]
    _fixed: Dict[str, str]
    _clock: Clock

    def __init__(
        self,
        scheme: Union[Scheme, str],
        secret: Union[str, bytes],
        *,
        signature_header: str,
        timestamp_header: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        clock: Clock = unix_seconds,
    ) -> None:
        self.scheme = Scheme.preset(scheme) if isinstance(scheme, str) else scheme
        if not isinstance(self.scheme, Scheme):
            raise TypeError(f"scheme must be a sigmint.Scheme or a preset's name, not {type(scheme).__name__}")
        # The key is made by core on each signature (and wiped after it); refuse a secret
        # the scheme cannot use now rather than on the first request.
        self.scheme.sign(secret, **self._probe())
        self._secret = secret
        self._signature_header = signature_header
        self._timestamp_header = timestamp_header
        self._fixed = dict(headers or {})
        self._clock = clock

    def _probe(self) -> Dict[str, Any]:
        """Parts that the scheme accepts, to check a secret with."""
        fields = self.scheme.fields
        probe: Dict[str, Any] = {}
        if "timestamp" in fields:
            probe["timestamp"] = 0
        if "method" in fields:
            probe["method"] = "GET"
        if "path" in fields:
            probe["path"] = "/"
        if "query" in fields:
            probe["query"] = ""
        return probe

    @property
    def credential_headers(self) -> Tuple[str, ...]:  # type: ignore[override]
        """The headers it writes: removed from a request leaving the origin."""
        names = [self._signature_header, *self._fixed]
        if self._timestamp_header is not None:
            names.append(self._timestamp_header)
        return tuple(names)

    def apply(self, headers: MutableMapping[str, str], path: str) -> None:
        """Signs a ``GET`` without a body to ``path`` (see :meth:`apply_request`)."""
        self.apply_request(headers, "GET", path, lambda: b"")

    def apply_request(
        self, headers: MutableMapping[str, str], method: str, path: str, body: Callable[[], bytes]
    ) -> None:
        fields = self.scheme.fields
        parts: Dict[str, Any] = {}
        timestamp = self._clock() if "timestamp" in fields or self._timestamp_header else None
        if "timestamp" in fields:
            parts["timestamp"] = timestamp
        if "method" in fields:
            parts["method"] = method
        if "path" in fields:
            parts["path"] = path
        if "query" in fields:
            parts["query"] = path.partition("?")[2]
        if "body" in fields or "body_sha256" in fields:
            parts["body"] = body()
        signature = self.scheme.sign(self._secret, **parts)
        headers.update(self._fixed)
        if self._timestamp_header is not None:
            headers[self._timestamp_header] = str(timestamp)
        headers[self._signature_header] = signature

    def carries(self, headers: MutableMapping[str, str]) -> bool:
        return self._signature_header in headers and all(
            headers.get(name) == value for name, value in self._fixed.items()
        )

    def __repr__(self) -> str:
        # Never the secret, nor the fixed headers' values (an API key, a passphrase).
        return (
            f"SchemeAuth({self.scheme!r}, signature_header={self._signature_header!r}, "
            f"timestamp_header={self._timestamp_header!r}, headers={sorted(self._fixed)!r})"
        )

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle a SchemeAuth: it holds a secret")

"""What the provider clients share: sending one request with httpx, sync or async, reading
at most core's response limit, and turning a non-2xx answer into :class:`sigmint.ProviderError`;
and :class:`CredentialAuth`, the ``auth=`` base of ``fonbnk.Auth``, ``sfox.Auth`` and
``mygiro.Auth``, which keeps their credentials off redirects to other origins and signs a
redirect or a re-send afresh (docs/python.md, "Signing requests").

httpx (and requests) are imported when a client or an ``Auth`` is made, not when sigmint is:
the builders and parsers work without them.
"""

from __future__ import annotations

import importlib
import threading
import weakref
from dataclasses import dataclass, field
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Generator,
    Generic,
    Iterable,
    MutableMapping,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
)
from urllib.parse import urljoin, urlsplit

from . import _sigmint
from ._errors import ProviderError

if TYPE_CHECKING:  # pragma: no cover - only for type checkers
    import httpx
    import requests

#: Seconds; a float or an ``httpx.Timeout``.
DEFAULT_TIMEOUT = 10.0
#: Longest answer a client reads (core's limit): a longer one is a ``ResponseTooLargeError``.
MAX_RESPONSE_LEN: int = _sigmint.PROVIDER_MAX_RESPONSE_LEN

Timeout = Union[float, Any]

_T = TypeVar("_T")
# The transport a `with` / `async with` statement gives back: the client itself, as its type.
_Sync = TypeVar("_Sync", bound="SyncTransport")
_Async = TypeVar("_Async", bound="AsyncTransport")


def require_httpx() -> Any:
    try:
        import httpx
    except ImportError as err:  # pragma: no cover - httpx is in requirements-dev.txt
        raise ImportError(
            "sigmint's provider clients need httpx (pip install httpx); the builders, "
            "parsers and auth= adapters work without it"
        ) from err
    return httpx


@dataclass(frozen=True)
class Call(Generic[_T]):
    """One request a client sends and how to read its answer."""

    method: str
    #: The path and query as core builds them (appended to the client's base URL).
    path: str
    parse: Callable[[bytes], _T]
    headers: Dict[str, str] = field(default_factory=dict)
    content: Optional[bytes] = None
    #: An ``auth=`` callable (Fonbnk signs what goes on the wire).
    auth: Any = None


def read_bounded(chunks: Iterable[bytes]) -> bytes:
    """The body, stopping one chunk past the limit (the parser then refuses it as too large)."""
    parts = []
    size = 0
    for chunk in chunks:
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_RESPONSE_LEN:
            break
    return b"".join(parts)


def provider_error(status: int, body: bytes) -> ProviderError:
    """The :class:`ProviderError` for a non-2xx answer, with the provider's own text (core's
    ``providers::error_message``). A body too large to read gives ``message`` ``None``, the
    :class:`~sigmint.ResponseTooLargeError` as ``__cause__``."""
    error: ProviderError = _sigmint.provider_error(status, body)
    return error


def finish(call: Call[_T], status: int, body: bytes) -> _T:
    """Parses a 2xx answer; raises :class:`ProviderError` for any other."""
    if not 200 <= status < 300:
        raise provider_error(status, body)
    try:
        return call.parse(body)
    except ProviderError as err:
        err.status = status
        raise


def join(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


class SyncTransport:
    """An ``httpx.Client`` (the caller's, or one of its own that :meth:`close` closes)."""

    def __init__(self, base_url: str, timeout: Timeout, client: Any) -> None:
        httpx = require_httpx()
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http:// or https:// URL, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._owns_client = client is None
        self._client = httpx.Client(timeout=timeout) if client is None else client

    def _send(self, call: Call[_T]) -> _T:
        with self._client.stream(
            call.method,
            join(self.base_url, call.path),
            headers=call.headers,
            content=call.content,
            auth=call.auth,
            timeout=self.timeout,
            # Provider APIs do not redirect: a 3xx is a ProviderError, never followed with
            # the credentials on it (even on a caller's client made with follow_redirects).
            follow_redirects=False,
        ) as response:
            body = read_bounded(response.iter_bytes())
        return finish(call, response.status_code, body)

    def close(self) -> None:
        """Closes the HTTP client if this object made it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self: _Sync) -> _Sync:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class AsyncTransport:
    """An ``httpx.AsyncClient`` (the caller's, or one of its own that :meth:`aclose` closes)."""

    def __init__(self, base_url: str, timeout: Timeout, client: Any) -> None:
        httpx = require_httpx()
        if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http:// or https:// URL, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._owns_client = client is None
        self._client = httpx.AsyncClient(timeout=timeout) if client is None else client

    async def _send(self, call: Call[_T]) -> _T:
        async with self._client.stream(
            call.method,
            join(self.base_url, call.path),
            headers=call.headers,
            content=call.content,
            auth=call.auth,
            timeout=self.timeout,
            follow_redirects=False,
        ) as response:
            parts = []
            size = 0
            async for chunk in response.aiter_bytes():
                parts.append(chunk)
                size += len(chunk)
                if size > MAX_RESPONSE_LEN:
                    break
            body = b"".join(parts)
        return finish(call, response.status_code, body)

    async def aclose(self) -> None:
        """Closes the HTTP client if this object made it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self: _Async) -> _Async:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()


# --- auth= for requests and httpx ----------------------------------------------------------
#
# requests applies ``auth=`` once, when a request is prepared, and then follows redirects by
# copying the prepared request (stripping only ``Authorization``, and only for another host);
# nothing runs between a response and the next send but the response hooks. So the hook that
# ``__call__`` registers prepares the request it was given for whatever goes out next: the
# redirect's target (signed for that path on the same origin, without credentials on another)
# or, after any other answer, the same request again (signed anew, for a retry).
#
# httpx runs ``auth_flow`` around its redirect handling, which it does not show to auth: the
# flow signs every send, and fixes ``response.next_request`` (follow_redirects=False), but a
# redirect httpx follows itself is seen only by the client's request event hooks
# (:meth:`CredentialAuth.redirect_hook`). httpx strips only ``Authorization``, like requests.

#: An origin: scheme, host and port (the scheme's default when the URL gives none).
Origin = Tuple[str, str, Optional[int]]

_DEFAULT_PORTS = {"http": 80, "https": 443}
#: The key of ``httpx.Request.extensions`` that carries a signed request's redirect state
#: (httpx hands the same extensions to the requests a redirect makes).
_EXTENSION = "sigmint.auth"

_R = TypeVar("_R")
_A = TypeVar("_A", bound="CredentialAuth")


def origin(url: str) -> Optional[Origin]:
    """``(scheme, host, port)`` of ``url``, lower-cased, the port defaulted; ``None`` for a
    URL without a host or with a malformed port (never the same origin as anything)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if not host:
        return None
    return scheme, host, port if port is not None else _DEFAULT_PORTS.get(scheme)


def path_url(url: str) -> str:
    """The path and query requests sends for ``url`` (``PreparedRequest.path_url``)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def requests_redirect_url(response: requests.Response) -> Optional[str]:
    """The URL requests goes to next after ``response``, ``None`` when it is no redirect: the
    steps of ``Session.resolve_redirects`` (``Location`` read as UTF-8, a scheme-relative
    one given the response's scheme, a relative one joined to the response's URL)."""
    if not response.is_redirect:
        return None
    from requests.utils import requote_uri

    location = response.headers["location"].encode("latin1").decode("utf8")
    if location.startswith("//"):
        location = f"{urlsplit(response.url).scheme}:{location}"
    parts = urlsplit(location)
    if not parts.netloc:
        return urljoin(response.url, requote_uri(location))
    return requote_uri(location)


def requests_redirect_method(status: int, method: str) -> str:
    """The method requests sends a redirect with (``Session.rebuild_method``, which httpx's
    ``_redirect_method`` matches): 303 and 302 turn anything but HEAD into GET, 301 a POST."""
    if status in (302, 303) and method != "HEAD":
        return "GET"
    if status == 301 and method == "POST":
        return "GET"
    return method


def requests_body(request: Any) -> bytes:
    """The bytes a ``requests.PreparedRequest`` sends: its body, a ``str`` one as http.client
    encodes it (ISO-8859-1). A streamed body (a file, a generator) cannot be signed."""
    body = request.body
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("iso-8859-1")
    raise TypeError(
        "this auth signs the body, and a streamed body (a file, a generator) cannot be "
        "signed before it is sent: pass the body as bytes"
    )


def httpx_body(request: httpx.Request) -> bytes:
    """The bytes an ``httpx.Request`` sends (read into it first when it is a redirect's)."""
    httpx = require_httpx()
    try:
        content: bytes = request.content
    except httpx.RequestNotRead:  # a redirect's request, made from the signed one's stream
        content = request.read()
    return content


def request_body(request: Any) -> bytes:
    """The body of a ``requests.PreparedRequest`` or an ``httpx.Request``."""
    if hasattr(request, "path_url"):
        return requests_body(request)
    return httpx_body(request)


_CONCRETE: Dict[type, type] = {}
_CONCRETE_LOCK = threading.Lock()


def _library_bases() -> Tuple[type, ...]:
    """``httpx.Auth`` and ``requests.auth.AuthBase``, those of them that are installed."""
    bases = []
    for module, name in (("httpx", "Auth"), ("requests.auth", "AuthBase")):
        try:
            bases.append(getattr(importlib.import_module(module), name))
        except ImportError:
            pass
    return tuple(bases)


def _concrete(cls: type) -> type:
    """``cls`` with ``httpx.Auth`` and ``requests.auth.AuthBase`` as further bases (made on
    first use, so that importing sigmint imports neither library)."""
    if cls.__dict__.get("_concrete_class", False):
        return cls
    with _CONCRETE_LOCK:
        made = _CONCRETE.get(cls)
        if made is None:
            bases = _library_bases()
            namespace = {
                "__slots__": (),
                "__module__": cls.__module__,
                "__qualname__": cls.__qualname__,
                "__doc__": cls.__doc__,
                "_concrete_class": True,
            }
            made = type(cls.__name__, (cls, *bases), namespace) if bases else cls
            _CONCRETE[cls] = made
        return made


class CredentialAuth:
    """What ``fonbnk.Auth``, ``sfox.Auth`` and ``mygiro.Auth`` share: ``auth=`` for requests
    (a ``requests.auth.AuthBase``) and httpx (an ``httpx.Auth``, sync and async).

    A subclass says which headers are its credentials (:attr:`credential_headers`), how to
    recognise them on a request (:meth:`carries`) and how to write them for a path
    (:meth:`apply`). Credentials go to the origin (scheme, host, port) of the request they
    were first put on, and never to another: a redirect elsewhere carries none of them (nor
    does any later hop of that chain, even one back to the first origin); a redirect on the
    same origin gets them anew, for its own path. docs/python.md, "Signing requests", has the details.
    """

    __slots__ = ()

    #: The headers this auth writes, removed from a request leaving the origin.
    credential_headers: ClassVar[Tuple[str, ...]] = ()
    # httpx.Auth's: the flow reads neither body.
    requires_request_body: ClassVar[bool] = False
    requires_response_body: ClassVar[bool] = False

    def __new__(cls: Type[_A], *args: Any, **kwargs: Any) -> _A:
        instance: _A = object.__new__(_concrete(cls))
        return instance

    # -- what a subclass provides ------------------------------------------------------------

    def apply(self, headers: MutableMapping[str, str], path: str) -> None:
        """Writes the credentials for a request to ``path`` (path and query, as sent)."""
        raise NotImplementedError

    def apply_request(
        self, headers: MutableMapping[str, str], method: str, path: str, body: Callable[[], bytes]
    ) -> None:
        """Writes the credentials for a request with ``method`` to ``path`` (path and query,
        as sent) carrying ``body()`` (the bytes sent, read only when called). A subclass whose
        signature covers the method or body (:class:`sigmint.SchemeAuth`) overrides this; the
        others sign the path only (:meth:`apply`)."""
        self.apply(headers, path)

    def carries(self, headers: MutableMapping[str, str]) -> bool:
        """Whether ``headers`` hold this auth's credentials (a hop that lost them, on another
        origin, never gets them back)."""
        raise NotImplementedError

    def strip(self, headers: MutableMapping[str, str]) -> None:
        """Removes every credential header."""
        for name in self.credential_headers:
            headers.pop(name, None)

    # -- requests ----------------------------------------------------------------------------

    def __call__(self, request: _R) -> _R:
        """Signs ``request`` (a ``requests.PreparedRequest``; an ``httpx.Request`` works too)
        and, for requests, registers the response hook that handles redirects and re-sends."""
        target: Any = request
        path = getattr(target, "path_url", None)  # requests.PreparedRequest
        if path is None:  # httpx.Request: the raw path and query, as sent
            path = target.url.raw_path.decode("ascii")
        method = getattr(target, "method", None) or "GET"
        self.apply_request(target.headers, method, path, lambda: request_body(target))
        hooks = getattr(target, "hooks", None)
        url = getattr(target, "url", None)
        if isinstance(hooks, dict) and isinstance(url, str) and "response" in hooks:
            registered = hooks["response"]
            registered[:] = [
                h for h in registered if not (isinstance(h, _RequestsHook) and h.auth is self)
            ]
            registered.append(_RequestsHook(self, target, origin(url)))
        return request

    # -- httpx -------------------------------------------------------------------------------

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx's flow: signs ``request`` each time it is sent, marks it so that
        :meth:`redirect_hook` can tell its redirects, and fixes ``response.next_request``
        (what ``follow_redirects=False`` leaves for the caller to send)."""
        path = request.url.raw_path.decode("ascii")
        self.apply_request(request.headers, request.method, path, lambda: httpx_body(request))
        request.extensions[_EXTENSION] = _HttpxState(self, request)
        response = yield request
        if response.next_request is not None:
            guard_httpx_request(response.next_request)

    @staticmethod
    def redirect_hook(request: httpx.Request) -> None:
        """An ``httpx.Client`` request event hook that makes ``follow_redirects=True`` safe:
        a redirect of a request this auth signed loses the credentials on another origin and
        is signed anew on the same one. ``httpx.Client(auth=auth, follow_redirects=True,
        event_hooks={"request": [auth.redirect_hook]})``."""
        guard_httpx_request(request)

    @staticmethod
    async def async_redirect_hook(request: httpx.Request) -> None:
        """:meth:`redirect_hook` for ``httpx.AsyncClient`` (whose hooks are awaited)."""
        guard_httpx_request(request)


class _RequestsHook:
    """The response hook of one request signed for requests (shared, as its hooks are, by
    the copies requests makes to follow redirects). After each response it writes, on the
    request that was sent, the credentials for what requests sends from it next."""

    __slots__ = ("auth", "origin", "_root", "_root_elsewhere")

    def __init__(self, auth: CredentialAuth, root: Any, home: Optional[Origin]) -> None:
        self.auth = auth
        #: Where the credentials may go: the origin of the request first signed.
        self.origin = home
        #: That request (the caller's PreparedRequest, which they may send again).
        self._root: Callable[[], Any] = weakref.ref(root)
        #: Whether the root holds the credentials for a redirect's target, not its own URL.
        self._root_elsewhere = False

    def __call__(self, response: requests.Response, **kwargs: Any) -> None:
        sent: Any = response.request
        if sent is None:
            return
        # What went out stays on the response (requests' documented r.request.headers); the
        # request object itself, which requests copies for the redirect, is re-armed below.
        response.request = sent.copy()
        auth = self.auth
        root = self._root()
        if self._root_elsewhere and root is not None and root is not sent:
            # The redirect copy is made and sent: the caller's request is theirs again.
            auth.strip(root.headers)
            if origin(root.url) == self.origin:
                auth.apply_request(
                    root.headers, root.method, root.path_url, lambda: requests_body(root)
                )
            self._root_elsewhere = False
        target = requests_redirect_url(response)
        url = sent.url if target is None else target
        carried = auth.carries(sent.headers)
        auth.strip(sent.headers)
        home = self.origin
        if carried and home is not None and origin(sent.url) == home and origin(url) == home:
            if target is None:  # sent again as it is
                method, keeps_body = sent.method, True
            else:  # what requests' resolve_redirects sends next
                method = requests_redirect_method(response.status_code, sent.method)
                keeps_body = response.status_code in (307, 308)
            body = (lambda: requests_body(sent)) if keeps_body else (lambda: b"")
            auth.apply_request(sent.headers, method, path_url(url), body)
        if target is not None and sent is root:
            self._root_elsewhere = True

    def __repr__(self) -> str:
        return f"<sigmint redirect hook for {self.auth!r}>"


class _HttpxState:
    """Put in a signed ``httpx.Request``'s extensions (which its redirects share): the auth,
    the origin the credentials may go to, and the request last signed."""

    __slots__ = ("auth", "origin", "_signed")

    def __init__(self, auth: CredentialAuth, request: httpx.Request) -> None:
        self.auth = auth
        self.origin = origin(str(request.url))
        self._signed: Callable[[], Any] = weakref.ref(request)

    def signed(self, request: httpx.Request) -> bool:
        return self._signed() is request

    def mark(self, request: httpx.Request) -> None:
        self._signed = weakref.ref(request)

    def __repr__(self) -> str:
        return f"<sigmint auth state for {self.auth!r}>"


def guard_httpx_request(request: httpx.Request) -> None:
    """For a redirect (or ``next_request``) made from a request a :class:`CredentialAuth`
    signed for httpx: removes the credentials, and writes them anew for its own path when it
    stays on the signed request's origin and the request it came from still had them. Any
    other request is left alone."""
    state = request.extensions.get(_EXTENSION)
    if not isinstance(state, _HttpxState) or state.signed(request):
        return
    auth = state.auth
    carried = auth.carries(request.headers)
    auth.strip(request.headers)
    if carried and state.origin is not None and origin(str(request.url)) == state.origin:
        path = request.url.raw_path.decode("ascii")
        auth.apply_request(request.headers, request.method, path, lambda: httpx_body(request))
        state.mark(request)

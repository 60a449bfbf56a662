"""What the provider clients share: sending one request with httpx, sync or async, reading
at most core's response limit, and turning a non-2xx answer into :class:`sigmint.ProviderError`.

httpx is imported when a client is made, not when sigmint is: the builders, parsers and
``auth=`` adapters work without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Optional, Union

from . import _sigmint
from ._errors import ProviderError

#: Seconds; a float or an ``httpx.Timeout``.
DEFAULT_TIMEOUT = 10.0
#: Longest answer a client reads (core's limit): a longer one is a ``ResponseTooLargeError``.
MAX_RESPONSE_LEN: int = _sigmint.PROVIDER_MAX_RESPONSE_LEN

Timeout = Union[float, Any]


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
class Call:
    """One request a client sends and how to read its answer."""

    method: str
    #: The path and query as core builds them (appended to the client's base URL).
    path: str
    parse: Callable[[bytes], Any]
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


def finish(call: Call, status: int, body: bytes) -> Any:
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

    def _send(self, call: Call) -> Any:
        with self._client.stream(
            call.method,
            join(self.base_url, call.path),
            headers=call.headers,
            content=call.content,
            auth=call.auth,
            timeout=self.timeout,
        ) as response:
            body = read_bounded(response.iter_bytes())
        return finish(call, response.status_code, body)

    def close(self) -> None:
        """Closes the HTTP client if this object made it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Any:
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

    async def _send(self, call: Call) -> Any:
        async with self._client.stream(
            call.method,
            join(self.base_url, call.path),
            headers=call.headers,
            content=call.content,
            auth=call.auth,
            timeout=self.timeout,
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

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.aclose()

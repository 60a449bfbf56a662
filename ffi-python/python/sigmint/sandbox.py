"""A local stand-in for the Fonbnk, sFOX and Mygiro endpoints sigmint talks to, close enough to
integration-test a client (sigmint's, or your own in any language), with no network and no
account. Not a security boundary: bind it to localhost (the default).

On the command line: ``sigmint sandbox --port 8787`` (``--port 0`` picks a free port; the
first line printed is ``sigmint sandbox listening on http://HOST:PORT``). In-process, for tests::

    from sigmint import sandbox

    with sandbox.running() as base_url:        # a free port, stopped on exit
        ...

    with sandbox.Sandbox(client_id="me", client_secret=secret) as box:
        box.url, box.users                     # the server's state is there to inspect

**Demo credentials** (used when no others are given; they are public, never use them for
anything real):

- Fonbnk: client id :data:`DEMO_CLIENT_ID` (``demo-client-id``), client secret
  :data:`DEMO_CLIENT_SECRET` (``c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=``, the base64 of
  ``secret-key-of-32-bytes-long-----``, the same as ``make demo``'s).
- sFOX: enterprise API key :data:`DEMO_SFOX_API_KEY` (``sfox-sandbox-demo-api-key``).
- Mygiro: the Bearer token must be an HS256 JWT signed with :data:`DEMO_MYGIRO_SECRET`
  (``mygiro-sandbox-demo-secret-0123456789``; ``exp``/``nbf``/``iat`` are checked when present),
  such as :data:`DEMO_MYGIRO_TOKEN` (``{"sub": "sigmint-demo", "iat": 1765454073}``, no
  ``exp``); any ``x-tag`` of visible ASCII, such as :data:`DEMO_MYGIRO_TAG`.
- The Fonbnk user tokens it issues are HS256 JWTs signed with :data:`DEMO_TOKEN_SECRET`
  (``fonbnk-sandbox-token-signing-key-0123456789``), so tests can verify them.
- Webhooks: GitHub, Slack, Stripe and Shopify requests signed with :data:`DEMO_WEBHOOK_SECRET`
  (``sigmint-sandbox-demo-webhook-secret``), such as ``sigmint.webhooks.sign`` makes.

**What it answers** (JSON bodies; errors as ``{"message": ...}``, Mygiro's as ``{"status":
"error", "message": ...}``):

- Fonbnk, every request under ``/api/``: ``x-client-id``, ``x-timestamp`` and ``x-signature``
  are verified with sigmint-core (:func:`sigmint.fonbnk.check_timestamp`, then
  :meth:`sigmint.fonbnk.Signer.verify` over the path and query exactly as received). A
  missing header, an unknown client id, a timestamp more than 5 minutes off, a wrong
  signature, or a (timestamp, signature) pair seen before (a replay) is a 401.

  - ``POST /api/v2/user/tokens`` and ``POST /api/user/tokens`` ``{email, countryIsoCode}``:
    creates the user on first sight, answers ``{accessToken, refreshToken}``: HS256 JWTs
    shaped like Fonbnk's (``userData{username, _id, isDevUser, countryIsoCode, isAmbassador,
    email}``, ``type`` ``access``/``refresh``, ``uid``, ``iat``, ``exp``), valid 15 minutes /
    14 days.
  - ``POST /api/user/kyc/status`` ``{email, countryIsoCode}``: ``kycStatus`` (``initiated``
    for a new user), ``kycStatusDescription``, ``passedKycType``, ``reachedKycLimit``,
    ``basicDocuments``, ``advancedDocuments`` (with ``requiredFields``) and ``kycRules``.
  - ``POST /api/user/kyc/submit`` ``{email, documentId, userFields{...}}``: checks the
    document id and its required fields, answers ``{"success": true}``; the user's status
    becomes ``approved`` (``rejected`` when a field's value is ``"reject"``).
  - ``GET`` any other path under ``/api/``: ``{"verified": true, "endpoint": ...}``, to
    test signing of any path and query.
  - A body that is not JSON or lacks a field: 400.

- sFOX ``POST /v1/enterprise/user-tokens/{user_id}`` with ``Authorization: Bearer <key>``:
  ``{"data": {"token", "partner_user_id", "expires"}}``, ``expires`` 24 hours ahead
  (``2024-05-14T19:22:09.901Z`` form). Another or no key: 401.
- Mygiro ``GET /v1/users/{userId}/generateaccesstoken?accountId=...`` with ``Authorization:
  Bearer <JWT>`` and ``x-tag``: ``{"status": "success", "data": {"tags", "_id", "type",
  "user", "token", "resetToken", "createdAt", "__v"}}``. A JWT it does not accept: 401; no
  ``x-tag``, or no ``accountId``: 400 with ``status`` ``"error"``.
- Webhooks, ``POST /webhooks/{provider}`` for ``github``, ``slack``, ``stripe`` and
  ``shopify``: verified with :func:`sigmint.webhooks.verify` (the raw body, the headers as
  received, the sandbox's clock, the 5-minute window) and a :class:`sigmint.webhooks.ReplayGuard`
  per provider (:data:`WEBHOOK_REPLAY_CAPACITY` requests), so a request sent twice is refused.
  Accepted: 204, no body. Refused: ``{"error": CLASS, "message": ...}`` with the refusal's
  class name, 400 for ``MissingHeader`` and ``MalformedHeader``, 401 for
  ``SignatureMismatch``, ``TimestampOutOfWindow`` and ``Replayed``. Accepted webhooks are kept
  in :attr:`SandboxServer.webhooks` (the last :data:`MAX_WEBHOOKS`), for tests to inspect.
- A request body over 64 KiB: 413. Anything else: 404 (405 for a known path and another
  method).
- A malformed request is a 4xx with a JSON ``message``, never a 500: a header that is not
  what it should be (an ``x-timestamp`` or ``x-signature`` of any length or content: 401; a
  ``Content-Length`` that is not digits, or two that disagree: 400), and http.server's own
  refusals (a bad request line: 400, over 64 KiB: 414; a header line over 64 KiB or over 100
  headers: 431).

**Under load and abuse** (integrators run it in CI, beside other jobs): it listens with a
backlog of 128 and answers on sockets with ``TCP_NODELAY`` (so a kept-alive connection is not
held up by delayed ACKs). A client has ``header_timeout`` seconds (:data:`HEADER_TIMEOUT_S`,
5) from being accepted, or from its previous answer, to send a request line and headers, however
slowly it trickles them; past that it is dropped without an answer (an idle kept-alive
connection too). A body has 10 seconds to arrive (408 otherwise). At most
``max_connections`` (:data:`MAX_CONNECTIONS`, 256) connections are served at once, one thread
each; one more is answered 503 and closed at once. Request lines and everything else it logs
are written with non-printable characters escaped (``\\x1b``, ``\\r``), so a client cannot
forge a log line or drive the terminal.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import io
import json
import re
import secrets
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple
from urllib.parse import parse_qs, unquote

from . import _errors, fonbnk, jwt, mygiro, sfox, webhooks
from ._sigmint import __version__

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_MYGIRO_SECRET",
    "DEMO_MYGIRO_TAG",
    "DEMO_MYGIRO_TOKEN",
    "DEMO_SFOX_API_KEY",
    "DEMO_TOKEN_SECRET",
    "DEMO_WEBHOOK_SECRET",
    "HEADER_TIMEOUT_S",
    "MAX_BODY_LEN",
    "MAX_CONNECTIONS",
    "MAX_WEBHOOKS",
    "WEBHOOK_REPLAY_CAPACITY",
    "Webhook",
    "Config",
    "Sandbox",
    "SandboxServer",
    "running",
]

DEMO_CLIENT_ID = "demo-client-id"
DEMO_CLIENT_SECRET = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0="
DEMO_SFOX_API_KEY = "sfox-sandbox-demo-api-key"
DEMO_MYGIRO_SECRET = "mygiro-sandbox-demo-secret-0123456789"
DEMO_MYGIRO_TOKEN = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJzdWIiOiJzaWdtaW50LWRlbW8iLCJpYXQiOjE3NjU0NTQwNzN9."
    "vwl2OXNp9PnhmBaUIubgT-fD-fVUKPnmS0Bq7Tq8dVA"
)
DEMO_MYGIRO_TAG = "sigmint-demo"
DEMO_TOKEN_SECRET = "fonbnk-sandbox-token-signing-key-0123456789"
DEMO_WEBHOOK_SECRET = "sigmint-sandbox-demo-webhook-secret"

#: Longest request body accepted (64 KiB); a longer one is a 413.
MAX_BODY_LEN = 64 * 1024
#: Fonbnk's accepted clock difference, either side (5 minutes).
WINDOW_MS = fonbnk.DEFAULT_WINDOW_MS
ACCESS_TTL_S = 15 * 60
REFRESH_TTL_S = 14 * 24 * 60 * 60
SFOX_TTL_MS = 24 * 60 * 60 * 1000
#: Users remembered at most (the oldest are forgotten first).
MAX_USERS = 10_000
#: Bodies up to this size are read and dropped after a 413, so the client sees the answer.
_DRAIN_LIMIT = 1024 * 1024
#: Seconds a client has to send a request line and its headers, from being accepted or from
#: its previous answer; a slower one is dropped, so stalled clients cannot hold the threads.
HEADER_TIMEOUT_S = 5.0
#: Connections served at once, a thread each; one more is answered 503 and closed.
MAX_CONNECTIONS = 256
#: Webhooks each provider's replay guard remembers (a ReplayGuard's slots).
WEBHOOK_REPLAY_CAPACITY = webhooks.DEFAULT_REPLAY_CAPACITY
#: Accepted webhooks kept for inspection (the oldest are forgotten first).
MAX_WEBHOOKS = 1000
#: A webhook refusal's HTTP status: the request cannot be checked (400), or is refused (401).
_WEBHOOK_STATUS = {webhooks.MissingHeader: 400, webhooks.MalformedHeader: 400}

_SFOX_PATH = re.compile(r"/v1/enterprise/user-tokens/([^/]+)")
_WEBHOOK_PATH = re.compile(r"/webhooks/([^/]*)")
_MYGIRO_PATH = re.compile(r"/v1/users/([^/]+)/generateaccesstoken")
_FONBNK_TOKENS = {fonbnk.Endpoint.USER_TOKENS_V2.path, fonbnk.Endpoint.USER_TOKENS.path}
_FONBNK_POSTS = _FONBNK_TOKENS | {fonbnk.Endpoint.KYC_STATUS.path, fonbnk.Endpoint.KYC_SUBMIT.path}
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

#: The KYC documents every user can submit, as Fonbnk's KYC status answer lists them.
DOCUMENTS: Dict[str, Dict[str, Any]] = {
    "basicDocuments": {
        "_id": "67da909b739fc481aa525c43",
        "type": "basic",
        "title": "Voter ID",
        "value": "VOTER_ID",
        "requiredFields": {
            "first_name": {"type": "string", "label": "First Name", "required": True},
            "last_name": {"type": "string", "label": "Last Name", "required": True},
            "dob": {"type": "date", "label": "Date of Birth", "required": True},
            "number": {"type": "string", "label": "Voter ID Number", "required": True},
        },
    },
    "advancedDocuments": {
        "_id": "67da909b739fc481aa525c47",
        "type": "advanced",
        "title": "BVN",
        "value": "BVN",
        "requiredFields": {
            "bvn": {"type": "string", "label": "Bank Verification Number", "required": True},
        },
    },
}
RULES = [{"type": "basic", "max": 100}, {"type": "advanced", "max": "Infinity"}]


@dataclass(frozen=True)
class Config:
    """The credentials the sandbox accepts, and the key it signs user tokens with."""

    client_id: str = DEMO_CLIENT_ID
    client_secret: str = field(default=DEMO_CLIENT_SECRET, repr=False)
    sfox_api_key: str = field(default=DEMO_SFOX_API_KEY, repr=False)
    mygiro_secret: str = field(default=DEMO_MYGIRO_SECRET, repr=False)
    token_secret: str = field(default=DEMO_TOKEN_SECRET, repr=False)
    webhook_secret: str = field(default=DEMO_WEBHOOK_SECRET, repr=False)
    window_ms: int = WINDOW_MS


@dataclass(frozen=True)
class Webhook:
    """A webhook the sandbox accepted."""

    provider: str
    #: The signed timestamp (Slack, Stripe), else ``None``.
    timestamp: Optional[int]
    body: bytes


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _iso_ms(ms: int) -> str:
    """``2024-05-14T19:22:09.901Z``: ISO-8601 UTC with milliseconds, as sFOX and Mygiro write."""
    moment = datetime.fromtimestamp(ms // 1000, timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{ms % 1000:03d}Z"


def _ulid(ms: int) -> str:
    """A ULID (as Fonbnk's ``uid`` claims are): 48 bits of time, 80 random bits, Crockford."""
    value = (ms & ((1 << 48) - 1)) << 80 | secrets.randbits(80)
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def _object_id() -> str:
    return secrets.token_hex(12)


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8", "surrogatepass"), b.encode("utf-8", "surrogatepass"))


def _decimal(text: str, ceiling: int) -> Optional[int]:
    """``text``, ASCII digits (leading zeros allowed), as an int no greater than ``ceiling`` (a
    larger number is ``ceiling``), or None when it is not digits. A header's digits never reach
    int() unbounded: past 4,300 digits it raises ValueError (Python's guard against quadratic
    conversion), which must not turn a bad header into a 500."""
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0")
    if len(digits) > len(str(ceiling)):
        return ceiling
    return min(int(digits or "0"), ceiling)


def _printable(text: str) -> str:
    """``text`` with each non-printable character (and the backslash, so that an escape cannot
    be faked) written as Python writes it in a repr: ``\\x1b``, ``\\r``, ``\\x85``. A client's
    bytes reach the log this way only, so they cannot drive the terminal or start a fake line."""
    if text.isprintable() and "\\" not in text:
        return text
    return "".join(c if c.isprintable() and c != "\\" else repr(c)[1:-1] for c in text)


def _raw_answer(status: int, phrase: str, body: Dict[str, Any]) -> bytes:
    """A whole HTTP/1.1 answer that closes the connection and asks the client to retry after a
    second, for writing without a handler."""
    data = json.dumps(body, separators=(",", ":")).encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {phrase}\r\nContent-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(data)}\r\nConnection: close\r\nRetry-After: 1\r\n\r\n"
    )
    return head.encode("ascii") + data


_BUSY = _raw_answer(503, "Service Unavailable", {"message": "Too many connections; try again"})


class _Reject(Exception):
    """An answer other than 200, raised from deep in a handler."""

    def __init__(self, status: int, body: Dict[str, Any]) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body


def _fonbnk_error(status: int, message: str) -> _Reject:
    return _Reject(status, {"message": message})


def _mygiro_error(status: int, message: str) -> _Reject:
    return _Reject(status, {"status": "error", "message": message})


class SandboxServer(ThreadingHTTPServer):
    """The HTTP server: its state (users, replay cache) is guarded by ``lock``.

    ``header_timeout`` (seconds) and ``max_connections`` bound what slow or many clients can
    hold: see "Under load and abuse" in the module's documentation."""

    daemon_threads = True
    #: The listen backlog. socketserver's 5 overflows at a few dozen clients connecting at
    #: once: the kernel drops their SYNs, and they wait out a 1 s retransmit or are reset.
    request_queue_size = 128

    def __init__(
        self,
        address: Tuple[str, int],
        config: Config = Config(),
        *,
        quiet: bool = True,
        clock_ms: Callable[[], int] = _now_ms,
        log: Any = None,
        header_timeout: float = HEADER_TIMEOUT_S,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        if not header_timeout > 0:  # also refuses NaN
            raise ValueError("header_timeout must be a positive number of seconds")
        if max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        self.config = config
        self.quiet = quiet
        self.clock_ms = clock_ms
        self.log = log if log is not None else sys.stderr
        self.header_timeout = header_timeout
        self.max_connections = max_connections
        self._slots = threading.BoundedSemaphore(max_connections)
        # Built first, so a bad credential fails before the port is taken.
        self.signer = fonbnk.Signer(config.client_id, config.client_secret)
        sfox.authorization(config.sfox_api_key)  # core's rules for a Bearer credential
        if not config.mygiro_secret or not config.token_secret:
            raise ValueError("the Mygiro and token secrets must not be empty")
        webhooks.sign("github", config.webhook_secret, b"")  # core's rules for a webhook secret
        self.lock = threading.Lock()
        #: email -> user record
        self.users: Dict[str, Dict[str, Any]] = {}
        #: (x-timestamp, x-signature) -> timestamp, for refusing replays within the window
        self.seen: Dict[Tuple[int, str], int] = {}
        self._next_prune = 1024
        #: provider -> the guard that refuses a webhook accepted before
        self.replay = {name: webhooks.ReplayGuard(WEBHOOK_REPLAY_CAPACITY) for name in webhooks.PROVIDERS}
        #: The webhooks accepted, oldest first (at most MAX_WEBHOOKS).
        self.webhooks: List[Webhook] = []
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        host = host if ":" not in host else f"[{host}]"
        return f"http://{host}:{port}"

    # -- connections ------------------------------------------------------------------------

    def write_log(self, line: str) -> None:
        """Writes ``line`` to the log (unless quiet), escaped: it may hold a client's bytes."""
        if not self.quiet:
            self.log.write(_printable(line) + "\n")
            self.log.flush()

    def process_request(self, request: Any, client_address: Any) -> None:
        # Runs in the accepting thread: a thread per connection, up to the cap.
        if not self._slots.acquire(blocking=False):
            self._refuse(request, client_address)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse(self, request: socket.socket, client_address: Any) -> None:
        """Answers 503 and closes, without blocking the accepting thread on this client. What
        it has sent already is read first: closing on unread bytes would reset the connection,
        and the client could lose the answer."""
        with contextlib.suppress(OSError):
            request.setblocking(False)
            request.recv(65536)
        with contextlib.suppress(OSError):
            request.send(_BUSY)
        self.shutdown_request(request)
        cap = self.max_connections
        self.write_log(f"sandbox: {client_address[0]} refused: at the cap of {cap} connections")

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client gone mid-answer is one line in the log (socketserver would print a traceback
        to stderr, even when quiet); anything else is a bug, and keeps its traceback."""
        err = sys.exc_info()[1]
        if isinstance(err, OSError):
            self.write_log(f"sandbox: {client_address[0]} connection error: {err!r}")
        else:
            super().handle_error(request, client_address)

    # -- Fonbnk -------------------------------------------------------------------------

    def authenticate_fonbnk(self, headers: Any, endpoint: str) -> None:
        """Verifies the three headers for ``endpoint`` (the request target as received)."""
        names = (fonbnk.HEADER_CLIENT_ID, fonbnk.HEADER_TIMESTAMP, fonbnk.HEADER_SIGNATURE)
        values = [headers.get(name) for name in names]
        missing = [name for name, value in zip(names, values) if not value]
        if missing:
            raise _fonbnk_error(401, "Missing authentication header(s): " + ", ".join(missing))
        client_id, timestamp_text, signature = values
        if not _same(client_id, self.config.client_id):
            raise _fonbnk_error(401, "Unknown client id")
        try:
            timestamp_ms = fonbnk.parse_timestamp(timestamp_text)
        except _errors.Error:
            raise _fonbnk_error(401, "Invalid x-timestamp: Unix milliseconds expected") from None
        now_ms = self.clock_ms()
        try:
            fonbnk.check_timestamp(timestamp_ms, now_ms, self.config.window_ms)
        except _errors.Error:  # parse_timestamp has kept it within a u64
            raise _fonbnk_error(
                401, "Request timestamp is outside the allowed window (5 minutes either side)"
            ) from None
        try:
            self.signer.verify(endpoint, timestamp_ms, signature)
        except (_errors.Error, ValueError):
            # Whatever core says of a signature it could not check (not base64, too long for
            # a MAC, an endpoint it cannot sign), the request is not authenticated: a 401.
            raise _fonbnk_error(401, "Invalid signature") from None
        with self.lock:
            key = (timestamp_ms, signature)
            if key in self.seen:
                raise _fonbnk_error(401, "Replayed request: this signature was used before")
            self.seen[key] = timestamp_ms
            if len(self.seen) >= self._next_prune:
                oldest = now_ms - self.config.window_ms
                self.seen = {k: ts for k, ts in self.seen.items() if ts >= oldest}
                self._next_prune = 2 * len(self.seen) + 1024

    def user(self, email: str, country: str) -> Dict[str, Any]:
        """The user for ``email``, created on first sight (as Fonbnk does)."""
        with self.lock:
            user = self.users.get(email)
            if user is None:
                if len(self.users) >= MAX_USERS:
                    del self.users[next(iter(self.users))]
                user = {
                    "username": "user#-" + "".join(secrets.choice(_ALNUM) for _ in range(8)),
                    "_id": _object_id(),
                    "isDevUser": True,
                    "countryIsoCode": country,
                    "isAmbassador": False,
                    "email": email,
                    "kycStatus": "initiated",
                    "kycStatusDescription": "KYC not submitted yet",
                    "passedKycType": None,
                }
                self.users[email] = user
            return user

    def user_tokens(self, user: Dict[str, Any]) -> Dict[str, str]:
        now_ms = self.clock_ms()
        now_s = now_ms // 1000
        user_data = {
            k: user[k] for k in ("username", "_id", "isDevUser", "countryIsoCode", "isAmbassador", "email")
        }
        tokens = {}
        for name, kind, ttl in (("accessToken", "access", ACCESS_TTL_S), ("refreshToken", "refresh", REFRESH_TTL_S)):
            claims = {"userData": user_data, "type": kind, "uid": _ulid(now_ms), "iat": now_s, "exp": now_s + ttl}
            tokens[name] = jwt.encode(claims, self.config.token_secret)
        return tokens

    def kyc_state(self, user: Dict[str, Any]) -> Dict[str, Any]:
        with self.lock:
            state = {
                "passedKycType": user["passedKycType"],
                "reachedKycLimit": False,
                "kycStatus": user["kycStatus"],
                "kycStatusDescription": user["kycStatusDescription"],
            }
        for name, document in DOCUMENTS.items():
            state[name] = [document]
        state["kycRules"] = RULES
        return state

    def kyc_submit(self, email: str, document_id: str, fields: Dict[str, str]) -> None:
        document = next((d for d in DOCUMENTS.values() if d["_id"] == document_id), None)
        if document is None:
            raise _fonbnk_error(400, f"Unknown documentId: {document_id}")
        missing = [
            name
            for name, spec in document["requiredFields"].items()
            if spec.get("required") and not str(fields.get(name, "")).strip()
        ]
        if missing:
            raise _fonbnk_error(400, "Missing required field(s): " + ", ".join(missing))
        with self.lock:
            user = self.users.get(email)
            if user is None:
                raise _fonbnk_error(404, "User not found")
            if any(value == "reject" for value in fields.values()):
                user["kycStatus"] = "rejected"
                user["kycStatusDescription"] = "Document could not be verified"
            else:
                user["kycStatus"] = "approved"
                user["kycStatusDescription"] = "Verified"
                user["passedKycType"] = document["type"]

    # -- webhooks -----------------------------------------------------------------------

    def receive_webhook(self, provider: str, headers: Any, body: bytes) -> None:
        """Verifies a webhook (raising its :class:`sigmint.webhooks.WebhookError`) and keeps it."""
        verified = webhooks.verified(
            provider,
            self.config.webhook_secret,
            headers,
            body,
            now=self.clock_ms() // 1000,
            replay=self.replay[provider],
        )
        with self.lock:
            if len(self.webhooks) >= MAX_WEBHOOKS:
                del self.webhooks[0]
            self.webhooks.append(Webhook(provider, verified.timestamp, body))

    # -- sFOX and Mygiro ------------------------------------------------------------------

    def authenticate_bearer(self, headers: Any) -> Optional[str]:
        scheme, _, credential = (headers.get("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not credential.strip():
            return None
        return credential.strip()

    def sfox_user_token(self, user_id: str) -> Dict[str, Any]:
        expires_ms = self.clock_ms() + SFOX_TTL_MS
        return {
            "data": {
                "token": secrets.token_hex(32),
                "partner_user_id": user_id,
                "expires": _iso_ms(expires_ms),
            }
        }

    def mygiro_access_token(self, user_id: str) -> Dict[str, Any]:
        return {
            "status": "success",
            "data": {
                "tags": [],
                "_id": _object_id(),
                "type": "bearer",
                "user": user_id,
                "token": base64.b64encode(secrets.token_bytes(32)).decode("ascii"),
                "resetToken": secrets.token_urlsafe(8)[:10],
                "createdAt": _iso_ms(self.clock_ms()),
                "__v": 0,
            },
        }


def _json_body(body: bytes) -> Dict[str, Any]:
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _fonbnk_error(400, "Request body is not valid JSON") from None
    if not isinstance(value, dict):
        raise _fonbnk_error(400, "Request body must be a JSON object")
    return value


def _user_query(body: bytes) -> Tuple[str, str]:
    """``{email, countryIsoCode}``, checked by core's builder (the rules it writes with)."""
    value = _json_body(body)
    email, country = value.get("email"), value.get("countryIsoCode")
    if not isinstance(email, str) or not isinstance(country, str):
        raise _fonbnk_error(400, "email and countryIsoCode (strings) are required")
    try:
        fonbnk.user_query_json(email, country)
    except _errors.Error:
        raise _fonbnk_error(
            400, "email must not be empty; countryIsoCode must be ISO 3166-1 alpha-2 (NG)"
        ) from None
    return email, country


class _Connection(io.RawIOBase):
    """The client's socket as the handler reads it, with an optional deadline. A socket
    timeout alone bounds each wait, not the whole: a client trickling a byte every few
    seconds would never time out. Under a deadline each wait gets only the time left."""

    def __init__(self, sock: socket.socket, idle_s: float) -> None:
        super().__init__()
        self._sock = sock
        self._idle_s = idle_s
        #: time.monotonic() by which the current read must be done, or None.
        self.deadline: Optional[float] = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise socket.timeout("deadline passed")
            self._sock.settimeout(left)
        return self._sock.recv_into(buffer)

    def start(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds

    def end(self) -> None:
        """No deadline: back to the idle timeout (which writes use too)."""
        if self.deadline is not None:
            self.deadline = None
            self._sock.settimeout(self._idle_s)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = f"sigmint-sandbox/{__version__}"
    #: Seconds a body may take to arrive in all, and any one wait while answering.
    timeout = 10
    #: TCP_NODELAY: the status line and headers, then the body, are two writes; with Nagle's
    #: algorithm the second waits for the client's delayed ACK (~40 ms) on a kept-alive
    #: connection, 23 requests a second.
    disable_nagle_algorithm = True
    server: SandboxServer

    def setup(self) -> None:
        super().setup()
        self.rfile.close()  # replaced by one that keeps deadlines
        self._conn = _Connection(self.connection, self.timeout)
        self.rfile = io.BufferedReader(self._conn)

    def handle_one_request(self) -> None:
        # The request line and headers are due header_timeout from now (the connection's
        # accept, or the previous answer), however slowly they come; http.server drops the
        # connection when the deadline passes.
        self._conn.start(self.server.header_timeout)
        super().handle_one_request()

    def parse_request(self) -> bool:
        try:
            parsed = super().parse_request()
        finally:
            self._conn.end()
        if parsed and self.request_version == "HTTP/0.9":  # "GET /path": no client sends it
            self.send_error(505, "HTTP/0.9 is not supported")
            return False
        return parsed

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        """http.server's own refusals (a malformed request line, a header line too long, too
        many headers), in JSON like every other answer here rather than its HTML page."""
        self._conn.end()
        if self.request_version == "HTTP/0.9":
            # What a request line that did not parse leaves: answers to HTTP/0.9 have no status
            # line or headers, and the client would see a broken answer instead of the error.
            self.request_version = "HTTP/1.0"
        text = message or self.responses.get(code, ("Error",))[0]
        self.log_error("code %d, message %s", code, text)
        self.close_connection = True
        self._json(code, {"message": text})

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        try:
            body = self._read_body()
            path, _, query = self.path.partition("?")
            if path.startswith("/api/"):
                self._fonbnk(method, path, body)
            elif _SFOX_PATH.fullmatch(path):
                self._sfox(method, path, body)
            elif _MYGIRO_PATH.fullmatch(path):
                self._mygiro(method, path, query)
            elif _WEBHOOK_PATH.fullmatch(path):
                self._webhook(method, path, body)
            else:
                raise _fonbnk_error(404, "Not found")
        except _Reject as reject:
            self._json(reject.status, reject.body)
        except (ConnectionError, socket.timeout):
            self.close_connection = True  # the client is gone, or not reading: nothing to say
        except Exception as err:  # noqa: BLE001 - answer 500, keep serving
            self.log_message("internal error: %r", err)
            self._json(500, {"message": "Internal sandbox error"})

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise _fonbnk_error(411, "Content-Length required (chunked bodies are not accepted)")
        length = self._content_length()
        self._conn.start(self.timeout)
        try:
            if length > MAX_BODY_LEN:
                self.close_connection = True
                if length <= _DRAIN_LIMIT:
                    with contextlib.suppress(OSError):
                        self.rfile.read(length)
                raise _fonbnk_error(413, f"Request body too large (limit {MAX_BODY_LEN} bytes)")
            body = self.rfile.read(length) if length else b""
        except socket.timeout:
            self.close_connection = True
            raise _fonbnk_error(408, "Request body took too long to arrive") from None
        finally:
            self._conn.end()
        if len(body) != length:
            self.close_connection = True
            raise _fonbnk_error(400, "Request body shorter than its Content-Length")
        return body

    def _content_length(self) -> int:
        """The Content-Length, capped just past what is drained after a 413."""
        values = {v.strip() for v in self.headers.get_all("Content-Length") or ["0"]}
        length = _decimal(values.pop() or "0", _DRAIN_LIMIT + 1) if len(values) == 1 else None
        if length is None:  # not digits, or two that disagree (which one would frame the body?)
            self.close_connection = True
            raise _fonbnk_error(400, "Invalid Content-Length")
        return length

    def _fonbnk(self, method: str, path: str, body: bytes) -> None:
        self.server.authenticate_fonbnk(self.headers, self.path)
        server = self.server
        if path in _FONBNK_POSTS:
            if method != "POST":
                raise _fonbnk_error(405, "Method not allowed")
            if path in _FONBNK_TOKENS:
                self._json(200, server.user_tokens(server.user(*_user_query(body))))
            elif path == fonbnk.Endpoint.KYC_STATUS.path:
                self._json(200, server.kyc_state(server.user(*_user_query(body))))
            else:
                self._json(200, self._kyc_submit(body))
        elif method == "GET":
            self._json(200, {"verified": True, "endpoint": self.path, "clientId": server.config.client_id})
        else:
            raise _fonbnk_error(404, "Not found")

    def _kyc_submit(self, body: bytes) -> Dict[str, Any]:
        value = _json_body(body)
        email, document_id = value.get("email"), value.get("documentId")
        fields = value.get("userFields")
        if not isinstance(email, str) or not isinstance(document_id, str) or not isinstance(fields, dict):
            raise _fonbnk_error(400, "email, documentId (strings) and userFields (an object) are required")
        if not all(isinstance(v, str) for v in fields.values()):
            raise _fonbnk_error(400, "userFields values must be strings")
        try:
            fonbnk.kyc_submission_json(email, document_id, fields)
        except _errors.Error:
            raise _fonbnk_error(400, "email and documentId must not be empty") from None
        self.server.kyc_submit(email, document_id, fields)
        return {"success": True}

    def _sfox(self, method: str, path: str, body: bytes) -> None:
        credential = self.server.authenticate_bearer(self.headers)
        if credential is None or not _same(credential, self.server.config.sfox_api_key):
            raise _fonbnk_error(401, "Unauthorized: a valid Bearer API key is required")
        if method != "POST":
            raise _fonbnk_error(405, "Method not allowed")
        match = _SFOX_PATH.fullmatch(path)
        try:
            user_id = unquote(match.group(1) if match else "", errors="strict")
        except UnicodeDecodeError:
            raise _fonbnk_error(400, "user_id is not UTF-8") from None
        self._json(200, self.server.sfox_user_token(user_id))

    def _mygiro(self, method: str, path: str, query: str) -> None:
        credential = self.server.authenticate_bearer(self.headers)
        try:
            if credential is None:
                raise _errors.Error("no bearer token")
            jwt.decode(credential, self.server.config.mygiro_secret, algorithms=["HS256"])
        except (_errors.Error, jwt.PyJWTError):
            raise _mygiro_error(401, "Unauthorized: a valid Bearer JWT is required") from None
        tag = self.headers.get(mygiro.HEADER_TAG) or ""
        try:
            mygiro.check_tag(tag)
        except _errors.Error:
            raise _mygiro_error(400, "x-tag header is required (visible ASCII)") from None
        if method != "GET":
            raise _mygiro_error(405, "Method not allowed")
        account = parse_qs(query).get("accountId", [""])[0]
        if not account.strip():
            raise _mygiro_error(400, "accountId is required")
        match = _MYGIRO_PATH.fullmatch(path)
        user_id = unquote(match.group(1) if match else "")
        self._json(200, self.server.mygiro_access_token(user_id))

    def _webhook(self, method: str, path: str, body: bytes) -> None:
        match = _WEBHOOK_PATH.fullmatch(path)
        provider = match.group(1) if match else ""
        if provider not in webhooks.PROVIDERS:
            raise _fonbnk_error(404, "Unknown webhook provider (github, slack, stripe, shopify)")
        if method != "POST":
            raise _fonbnk_error(405, "Method not allowed")
        try:
            self.server.receive_webhook(provider, self.headers, body)
        except webhooks.WebhookError as err:
            status = _WEBHOOK_STATUS.get(type(err), 401)
            raise _Reject(status, {"error": type(err).__name__, "message": str(err)}) from None
        self.send_response(204)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()

    def _json(self, status: int, body: Dict[str, Any]) -> None:
        data = json.dumps(body, separators=(",", ":")).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        if not self.server.quiet:
            self.server.write_log(f"sandbox: {self.address_string()} {format % args}")


class Sandbox:
    """The sandbox in a background thread: ``start()``/``stop()``, or ``with``. ``port=0``
    (the default) takes a free port; ``url`` says which. ``header_timeout`` and
    ``max_connections`` are :class:`SandboxServer`'s; the other keywords are :class:`Config`'s."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        quiet: bool = True,
        clock_ms: Callable[[], int] = _now_ms,
        header_timeout: float = HEADER_TIMEOUT_S,
        max_connections: int = MAX_CONNECTIONS,
        **credentials: Any,
    ) -> None:
        self.config = Config(**credentials)
        self.server = SandboxServer(
            (host, port),
            self.config,
            quiet=quiet,
            clock_ms=clock_ms,
            header_timeout=header_timeout,
            max_connections=max_connections,
        )
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        """``http://HOST:PORT``."""
        return self.server.url

    @property
    def users(self) -> Dict[str, Dict[str, Any]]:
        """The users seen so far, by email."""
        return self.server.users

    def start(self) -> Sandbox:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self.server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="sigmint-sandbox",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join()
            self._thread = None
        self.server.server_close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


@contextlib.contextmanager
def running(**kwargs: Any) -> Iterator[str]:
    """Runs a :class:`Sandbox` (on a free port unless ``port`` is given) and yields its URL."""
    with Sandbox(**kwargs) as box:
        yield box.url

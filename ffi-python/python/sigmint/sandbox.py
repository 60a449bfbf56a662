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
- A request body over 64 KiB: 413. Anything else: 404 (405 for a known path and another
  method).
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import re
import secrets
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterator, Optional, Tuple
from urllib.parse import parse_qs, unquote

from . import _errors, fonbnk, jwt, mygiro, sfox
from ._sigmint import __version__

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "DEMO_MYGIRO_SECRET",
    "DEMO_MYGIRO_TAG",
    "DEMO_MYGIRO_TOKEN",
    "DEMO_SFOX_API_KEY",
    "DEMO_TOKEN_SECRET",
    "MAX_BODY_LEN",
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

_SFOX_PATH = re.compile(r"/v1/enterprise/user-tokens/([^/]+)")
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
    window_ms: int = WINDOW_MS


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
    """The HTTP server: its state (users, replay cache) is guarded by ``lock``."""

    daemon_threads = True

    def __init__(
        self,
        address: Tuple[str, int],
        config: Config = Config(),
        *,
        quiet: bool = True,
        clock_ms: Callable[[], int] = _now_ms,
        log: Any = None,
    ) -> None:
        self.config = config
        self.quiet = quiet
        self.clock_ms = clock_ms
        self.log = log if log is not None else sys.stderr
        # Built first, so a bad credential fails before the port is taken.
        self.signer = fonbnk.Signer(config.client_id, config.client_secret)
        sfox.authorization(config.sfox_api_key)  # core's rules for a Bearer credential
        if not config.mygiro_secret or not config.token_secret:
            raise ValueError("the Mygiro and token secrets must not be empty")
        self.lock = threading.Lock()
        #: email -> user record
        self.users: Dict[str, Dict[str, Any]] = {}
        #: (x-timestamp, x-signature) -> timestamp, for refusing replays within the window
        self.seen: Dict[Tuple[int, str], int] = {}
        self._next_prune = 1024
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host if ":" not in str(host) else f"[{host}]"
        return f"http://{host}:{port}"

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
        if not (timestamp_text.isascii() and timestamp_text.isdigit()):
            raise _fonbnk_error(401, "Invalid x-timestamp: Unix milliseconds expected")
        timestamp_ms = int(timestamp_text)
        now_ms = self.clock_ms()
        try:
            fonbnk.check_timestamp(timestamp_ms, now_ms, self.config.window_ms)
        except (_errors.TimestampOutOfWindowError, ValueError):
            raise _fonbnk_error(
                401, "Request timestamp is outside the allowed window (5 minutes either side)"
            ) from None
        try:
            self.signer.verify(endpoint, timestamp_ms, signature)
        except (_errors.InvalidSignatureError, _errors.InvalidUtf8Error, ValueError):
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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = f"sigmint-sandbox/{__version__}"
    #: Seconds a connection may sit idle (or a body take to arrive).
    timeout = 10
    server: SandboxServer

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
            else:
                raise _fonbnk_error(404, "Not found")
        except _Reject as reject:
            self._json(reject.status, reject.body)
        except Exception as err:  # noqa: BLE001 - answer 500, keep serving
            self.log_message("internal error: %r", err)
            self._json(500, {"message": "Internal sandbox error"})

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            raise _fonbnk_error(411, "Content-Length required (chunked bodies are not accepted)")
        length_text = self.headers.get("Content-Length", "0").strip() or "0"
        if not (length_text.isascii() and length_text.isdigit()):
            self.close_connection = True
            raise _fonbnk_error(400, "Invalid Content-Length")
        length = int(length_text)
        if length > MAX_BODY_LEN:
            self.close_connection = True
            if length <= _DRAIN_LIMIT:
                with contextlib.suppress(OSError):
                    self.rfile.read(length)
            raise _fonbnk_error(413, f"Request body too large (limit {MAX_BODY_LEN} bytes)")
        body = self.rfile.read(length) if length else b""
        if len(body) != length:
            self.close_connection = True
            raise _fonbnk_error(400, "Request body shorter than its Content-Length")
        return body

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
            self.server.log.write(f"sandbox: {self.address_string()} {format % args}\n")
            self.server.log.flush()


class Sandbox:
    """The sandbox in a background thread: ``start()``/``stop()``, or ``with``. ``port=0``
    (the default) takes a free port; ``url`` says which."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        quiet: bool = True,
        clock_ms: Callable[[], int] = _now_ms,
        **credentials: Any,
    ) -> None:
        self.config = Config(**credentials)
        self.server = SandboxServer((host, port), self.config, quiet=quiet, clock_ms=clock_ms)
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

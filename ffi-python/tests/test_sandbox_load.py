"""The sandbox under load and abuse: malformed headers are 4xx (never a 500), client bytes are
escaped in the log, slow clients are dropped at the header deadline, connections are capped,
and a bounded load of valid, forged and stalled clients, interleaved, sees no error at all."""

from __future__ import annotations

import contextlib
import http.client
import io
import json
import select
import socket
import threading
import time
from typing import Any, Dict, Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

import pytest

from sigmint import fonbnk, jwt, sandbox

SIGNER = fonbnk.Signer(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET)
SFOX_PATH = "/v1/enterprise/user-tokens/u"
MYGIRO_PATH = "/v1/users/u/generateaccesstoken?accountId=a"
MYGIRO_OK = "Bearer " + sandbox.DEMO_MYGIRO_TOKEN


@contextlib.contextmanager
def serving(**kwargs: Any) -> Iterator[sandbox.SandboxServer]:
    """A SandboxServer on a free port, served from a thread (so that its log can be given)."""
    server = sandbox.SandboxServer(("127.0.0.1", 0), **kwargs)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[sandbox.SandboxServer]:
    with serving() as running:
        yield running


def address(url: str) -> Tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def request_bytes(method: str, target: str, headers: Dict[str, Any], body: bytes = b"") -> bytes:
    """A request as sent on the wire; header values may be bytes, for bytes no client sends."""
    lines = [f"{method} {target} HTTP/1.1".encode("latin-1"), b"Host: sandbox"]
    for name, value in headers.items():
        raw = value if isinstance(value, bytes) else str(value).encode("latin-1")
        lines.append(name.encode("ascii") + b": " + raw)
    if body:
        lines.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def exchange(url: str, data: bytes, timeout: float = 5.0) -> Tuple[int, Dict[str, Any]]:
    """Sends ``data`` on a new connection; the answer's status and JSON body."""
    with socket.create_connection(address(url), timeout=timeout) as sock:
        sock.sendall(data)
        response = http.client.HTTPResponse(sock)
        response.begin()
        assert response.getheader("Content-Type", "").startswith("application/json")
        return response.status, json.loads(response.read())


def fonbnk_headers(path: str, base: Optional[Dict[str, str]] = None, **override: Any) -> Dict[str, Any]:
    """``base`` (by default, headers signed now for ``path``) with headers replaced (``x_timestamp``
    for ``x-timestamp``) or, given None, removed."""
    headers: Dict[str, Any] = dict(base or SIGNER.headers(path))
    headers.update({name.replace("_", "-"): value for name, value in override.items()})
    return {name: value for name, value in headers.items() if value is not None}


# -- one request at a time ---------------------------------------------------------------------


def test_backlog_and_nodelay(server: sandbox.SandboxServer) -> None:
    assert server.request_queue_size == 128
    # Nagle's algorithm against the client's delayed ACK holds each answer ~40 ms on a
    # kept-alive connection (100 requests: over 4 s); with TCP_NODELAY they take milliseconds.
    conn = http.client.HTTPConnection(*address(server.url), timeout=5)
    start = time.monotonic()
    for n in range(100):
        path = f"/api/nodelay/{n}"
        conn.request("GET", path, headers=SIGNER.headers(path))
        response = conn.getresponse()
        assert response.status == 200, response.read()
        response.read()
    elapsed = time.monotonic() - start
    conn.close()
    assert elapsed < 2.0, f"100 kept-alive requests took {elapsed:.2f} s"


LONG_DIGITS = "9" * 5000  # past Python's 4,300-digit int() limit
MALFORMED = [
    # (what, method, target, headers, expected status)
    ("x-timestamp of 5,000 digits", "GET", "/api/x", fonbnk_headers("/api/x", x_timestamp=LONG_DIGITS), 401),
    ("x-timestamp past a u64", "GET", "/api/x", fonbnk_headers("/api/x", x_timestamp="1" * 30), 401),
    ("x-timestamp negative", "GET", "/api/x", fonbnk_headers("/api/x", x_timestamp="-1"), 401),
    ("x-timestamp in exponent form", "GET", "/api/x", fonbnk_headers("/api/x", x_timestamp="1e12"), 401),
    ("x-timestamp a superscript digit", "GET", "/api/x", fonbnk_headers("/api/x", x_timestamp=b"\xb2"), 401),
    ("x-timestamp non-ASCII", "GET", "/api/x", fonbnk_headers("/api/x", x_timestamp="１２".encode()), 401),
    ("x-signature of 33 bytes", "GET", "/api/x", fonbnk_headers("/api/x", x_signature="A" * 44), 401),
    ("x-signature of 36 bytes", "GET", "/api/x", fonbnk_headers("/api/x", x_signature="A" * 48), 401),
    ("x-signature of 10,000 chars", "GET", "/api/x", fonbnk_headers("/api/x", x_signature="A" * 10000), 401),
    ("x-signature latin-1", "GET", "/api/x", fonbnk_headers("/api/x", x_signature=b"\xff" * 44), 401),
    ("x-signature not base64", "GET", "/api/x", fonbnk_headers("/api/x", x_signature="!!!!"), 401),
    ("x-signature padding only", "GET", "/api/x", fonbnk_headers("/api/x", x_signature="===="), 401),
    ("x-client-id latin-1", "GET", "/api/x", fonbnk_headers("/api/x", x_client_id=b"\xff\xfe"), 401),
    ("x-client-id of 10,000 chars", "GET", "/api/x", fonbnk_headers("/api/x", x_client_id="c" * 10000), 401),
    ("endpoint non-ASCII", "GET", "/api/\xe9", fonbnk_headers("/api/x"), 401),
    ("endpoint with an escape", "GET", "/api/\x1b[2J", fonbnk_headers("/api/x"), 401),
    ("Content-Length of 5,000 digits", "POST", "/api/x", {"Content-Length": LONG_DIGITS}, 413),
    ("Content-Length negative", "POST", "/api/x", {"Content-Length": "-1"}, 400),
    ("Content-Length a superscript digit", "POST", "/api/x", {"Content-Length": b"\xb2"}, 400),
    ("Content-Length hex", "POST", "/api/x", {"Content-Length": "0x10"}, 400),
    ("sFOX Bearer latin-1", "POST", SFOX_PATH, {"Authorization": b"Bearer \xff\xfe"}, 401),
    ("sFOX Bearer of 10,000 chars", "POST", SFOX_PATH, {"Authorization": "Bearer " + "k" * 10000}, 401),
    ("Mygiro Bearer not a JWT", "GET", MYGIRO_PATH, {"Authorization": "Bearer a.b.c", "x-tag": "t"}, 401),
    ("Mygiro Bearer latin-1", "GET", MYGIRO_PATH, {"Authorization": b"Bearer \xff.\xfe.\xfd", "x-tag": "t"}, 401),
    ("Mygiro Bearer of 10,000 chars", "GET", MYGIRO_PATH, {"Authorization": "Bearer " + "e" * 10000, "x-tag": "t"}, 401),
    ("Mygiro x-tag a control", "GET", MYGIRO_PATH, {"Authorization": MYGIRO_OK, "x-tag": b"\x7f"}, 400),
    ("Mygiro x-tag latin-1", "GET", MYGIRO_PATH, {"Authorization": MYGIRO_OK, "x-tag": b"\xff"}, 400),
]


@pytest.mark.parametrize("what, method, target, headers, status", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_headers_are_4xx_json(server, what: str, method: str, target: str, headers, status: int) -> None:
    got, body = exchange(server.url, request_bytes(method, target, headers))
    assert got == status and body["message"], (what, got, body)


@pytest.mark.parametrize(
    "data, status",
    [
        (request_bytes("GET", "/api/x", {"x-long": "v" * 70000}), 431),
        (request_bytes("GET", "/api/x", {f"x-h{i}": "v" for i in range(120)}), 431),
        (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", 414),
        (b"GARBAGE\r\n\r\n", 400),
        (b"GET / HTTP/1.1x\r\n\r\n", 400),
        (b"GET / HTTP/9.9\r\n\r\n", 505),
        (b"GET /api/x\r\n\r\n", 505),
        (b"POST /api/x HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
    ],
    ids=[
        "header line over 64 KiB",
        "120 headers",
        "request line over 64 KiB",
        "bad request line",
        "bad version",
        "HTTP/9.9",
        "HTTP/0.9",
        "two Content-Lengths",
    ],
)
def test_http_servers_own_refusals_are_json(server, data: bytes, status: int) -> None:
    got, body = exchange(server.url, data)
    assert got == status and body["message"]


def test_log_escapes_client_bytes() -> None:
    log = io.StringIO()
    with serving(quiet=False, log=log) as server:
        # A path that would clear the screen and forge a line; a request line with a bare CR.
        exchange(server.url, request_bytes("GET", "/api/\x1b[2J\x85x", {}))
        exchange(server.url, b"GET /\x1b[31m\rsandbox: 1.2.3.4 FORGED HTTP/1.1\r\n\r\n")
        exchange(server.url, request_bytes("GET", "/api/back\\x1b", {}))
    text = log.getvalue()
    assert "\\x1b[2J\\x85x" in text and "\\r" in text and "\\\\x1b" in text, text
    lines = text.split("\n")
    assert lines[-1] == "" and all(line.startswith("sandbox: 127.0.0.1 ") for line in lines[:-1]), text
    assert all(c.isprintable() for c in "".join(lines)), text


def test_a_body_has_a_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox._Handler, "timeout", 0.5)
    with serving() as server, socket.create_connection(address(server.url), timeout=5) as sock:
        sock.sendall(request_bytes("POST", "/api/x", {"Content-Length": "100"}) + b"{")
        start = time.monotonic()
        # A byte every 0.1 s, until the answer: each wait is short, the whole is not.
        while not select.select([sock], [], [], 0.1)[0] and time.monotonic() - start < 3:
            sock.sendall(b" ")
        response = http.client.HTTPResponse(sock)
        response.begin()
        assert response.status == 408 and json.loads(response.read())["message"]
        assert time.monotonic() - start < 3


# -- slow and many clients ---------------------------------------------------------------------


def stall(url: str, trickle: bool, limit: float = 10.0) -> Tuple[float, bytes]:
    """Sends part of a request's headers, then nothing (or a byte every 0.1 s), until the
    server drops the connection; how long that took, and what it answered (nothing)."""
    with socket.create_connection(address(url), timeout=limit) as sock:
        start = time.monotonic()
        sock.sendall(b"GET /api/slow HTTP/1.1\r\nHost: sandbox\r\nx-client-id: demo")
        sock.settimeout(0.1 if trickle else limit)
        received = b""
        while time.monotonic() - start < limit:
            try:
                chunk = sock.recv(4096)
            except socket.timeout:
                with contextlib.suppress(OSError):
                    sock.sendall(b"-")
                continue
            except ConnectionError:
                break
            if not chunk:
                break
            received += chunk
        return time.monotonic() - start, received


def valid_get(url: str, path: str = "/api/valid") -> int:
    conn = http.client.HTTPConnection(*address(url), timeout=5)
    try:
        conn.request("GET", path, headers=SIGNER.headers(path))
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def test_header_deadline_drops_slow_clients_and_serves_others() -> None:
    with serving(header_timeout=0.6) as server:
        results: List[Tuple[float, bytes]] = []
        threads = [
            threading.Thread(target=lambda t=trickle: results.append(stall(server.url, t)))
            for trickle in (False, True) * 5
        ]
        for t in threads:
            t.start()
        time.sleep(0.2)
        start = time.monotonic()
        assert valid_get(server.url) == 200  # while ten clients stall
        assert time.monotonic() - start < 0.5
        for t in threads:
            t.join()
    assert len(results) == 10
    for elapsed, received in results:
        assert 0.5 < elapsed < 2.5 and received == b"", (elapsed, received)


def test_connections_over_the_cap_are_answered_503() -> None:
    with serving(header_timeout=1.0, max_connections=3) as server:
        stalled = [socket.create_connection(address(server.url), timeout=5) for _ in range(3)]
        try:
            time.sleep(0.2)  # accepted, each holding a thread
            with socket.create_connection(address(server.url), timeout=5) as sock:
                start = time.monotonic()
                response = http.client.HTTPResponse(sock)
                response.begin()
                assert response.status == 503 and json.loads(response.read())["message"]
                assert time.monotonic() - start < 0.5
            time.sleep(1.2)  # the stalled ones are past the header deadline, and dropped
            assert valid_get(server.url) == 200
        finally:
            for sock in stalled:
                sock.close()
    with pytest.raises(ValueError):
        sandbox.SandboxServer(("127.0.0.1", 0), max_connections=0)
    with pytest.raises(ValueError):
        sandbox.SandboxServer(("127.0.0.1", 0), header_timeout=0)


# -- under load --------------------------------------------------------------------------------

VALID_CLIENTS, VALID_EACH = 40, 75  # half of them on a new connection per request
BAD_CLIENTS, BAD_EACH = 10, 100
SLOW_CLIENTS = 20
LOAD_HEADER_TIMEOUT = 2.0


def forgeries(path: str, n: int) -> Dict[str, Any]:
    """The headers of the n-th bad request for ``path``: never signed for what is sent."""
    good = SIGNER.headers(path)  # all derived from one timestamp, so none is valid by chance
    ts, sig = int(good["x-timestamp"]), good["x-signature"]
    kinds: List[Dict[str, Any]] = [
        {"x_signature": "A" * 48},  # decodes to 36 bytes: longer than a MAC
        {"x_signature": "A" * 44},  # 33 bytes
        {"x_signature": "A" * 88},  # 66 bytes
        {"x_signature": ("B" if sig[0] == "A" else "A") + sig[1:]},  # tampered
        {"x_signature": SIGNER.headers("/api/other", ts)["x-signature"]},  # another endpoint's
        {"x_signature": SIGNER.headers(path, ts + 1)["x-signature"]},  # another timestamp's
        {"x_timestamp": str(ts + 1)},
        {"x_signature": "!!!!"},
        {"x_client_id": "someone-else"},
        {"x_timestamp": LONG_DIGITS},
        {"x_signature": None},
    ]
    return fonbnk_headers(path, good, **kinds[n % len(kinds)])


class Outcomes:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.valid: List[Any] = []  # statuses, or exception names
        self.bad: List[Any] = []
        self.slow: List[Tuple[float, bytes]] = []

    def add(self, kind: str, outcome: Any) -> None:
        with self.lock:
            getattr(self, kind).append(outcome)


def send(
    conn: http.client.HTTPConnection, method: str, target: str, headers: Dict[str, Any], body: Optional[bytes] = None
) -> Any:
    """The answer's status (checking that any error has a JSON message), or the exception's name."""
    try:
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        if response.status != 200:
            assert json.loads(payload)["message"]
        return response.status
    except (OSError, http.client.HTTPException, ValueError, AssertionError) as err:
        conn.close()
        return type(err).__name__


def valid_client(url: str, i: int, outcomes: Outcomes) -> None:
    fresh = i % 2 == 1
    conn = http.client.HTTPConnection(*address(url), timeout=10)
    for n in range(VALID_EACH):
        if fresh:
            conn.close()
        if n % 10 == 0:  # a user-token request, on a query of its own (else a replay)
            target = f"{fonbnk.Endpoint.USER_TOKENS_V2.path}?load={i}.{n}"
            body = json.dumps({"email": f"load{i}@example.com", "countryIsoCode": "NG"}).encode()
            headers = {**SIGNER.headers(target), "Content-Type": "application/json"}
            outcomes.add("valid", send(conn, "POST", target, headers, body))
        else:
            target = f"/api/load/{i}/{n}?fresh={fresh}"
            outcomes.add("valid", send(conn, "GET", target, SIGNER.headers(target)))
    conn.close()


def bad_client(url: str, i: int, outcomes: Outcomes) -> None:
    conn = http.client.HTTPConnection(*address(url), timeout=10)
    for n in range(BAD_EACH):
        path = f"/api/forged/{i}/{n}"
        if n % 12 == 11:  # a replay: the first is valid, the second is not
            headers = SIGNER.headers(path)
            outcomes.add("valid", send(conn, "GET", path, headers))
            outcomes.add("bad", send(conn, "GET", path, headers))
        else:
            outcomes.add("bad", send(conn, "GET", path, forgeries(path, n)))
    conn.close()


def slow_client(url: str, i: int, done: threading.Event, outcomes: Outcomes) -> None:
    while not done.is_set():
        outcomes.add("slow", stall(url, trickle=i % 2 == 1))


def test_load_valid_forged_and_slow_clients_interleaved() -> None:
    """50 concurrent clients (40 valid, 10 forging) and 20 stalling ones: every valid request
    is a 200, every forged one a 401, none fails; every stalled client is dropped in time."""
    outcomes = Outcomes()
    done = threading.Event()
    start = time.monotonic()
    with serving(header_timeout=LOAD_HEADER_TIMEOUT) as server:
        def clients(target: Any, count: int, *args: Any) -> List[threading.Thread]:
            return [threading.Thread(target=target, args=(server.url, i, *args)) for i in range(count)]

        slow = clients(slow_client, SLOW_CLIENTS, done, outcomes)
        for t in slow:
            t.start()
        time.sleep(0.2)  # the stalled connections first: valid ones must be served beside them
        load = clients(valid_client, VALID_CLIENTS, outcomes) + clients(bad_client, BAD_CLIENTS, outcomes)
        for t in load:
            t.start()
        for t in load:
            t.join()
        done.set()
        for t in slow:
            t.join()
    elapsed = time.monotonic() - start
    replays = BAD_CLIENTS * (BAD_EACH // 12)
    assert len(outcomes.valid) == VALID_CLIENTS * VALID_EACH + replays
    assert len(outcomes.bad) == BAD_CLIENTS * BAD_EACH
    failed = [o for o in outcomes.valid if o != 200]
    assert not failed, f"{len(failed)} valid requests failed: {sorted(set(map(str, failed)))}"
    accepted = [o for o in outcomes.bad if isinstance(o, int) and 200 <= o < 300]
    assert not accepted, f"{len(accepted)} forgeries accepted"
    wrong = [o for o in outcomes.bad if o != 401]
    assert not wrong, f"{len(wrong)} forged requests not answered 401: {sorted(set(map(str, wrong)))}"
    assert len(outcomes.slow) >= SLOW_CLIENTS
    for dropped_after, received in outcomes.slow:
        assert received == b"" and dropped_after < LOAD_HEADER_TIMEOUT + 3, (dropped_after, received)
    assert elapsed < 30

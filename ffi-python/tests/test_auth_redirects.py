"""fonbnk.Auth, sfox.Auth and mygiro.Auth on redirects, re-sends and quick requests, against
local servers on loopback: "home" (http://127.0.0.1:PORT, which verifies Fonbnk signatures
with the sandbox's own check and replay cache) and "other" (http://localhost:PORT, another
origin, which only records what reaches it). docs/python.md, "Signing requests", describes the behaviour."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import httpx
import pytest
import requests
import requests.auth

import sigmint
from sigmint import fonbnk, mygiro, sandbox, sfox

CLIENT_ID = sandbox.DEMO_CLIENT_ID
SECRET = sandbox.DEMO_CLIENT_SECRET
#: Every header any of the three Auth classes writes (lower case).
CREDENTIALS = {"x-client-id", "x-timestamp", "x-signature", "x-tag", "authorization"}
SFOX_KEY = "sfox-test-api-key"
MYGIRO_TOKEN = "header.payload.signature"
MYGIRO_TAG = "tag-1"


@dataclass
class Seen:
    method: str
    path: str
    headers: Dict[str, str]


class Origin:
    """An http.server in a thread on 127.0.0.1, reached as ``http://{name}:{port}``. It
    records every request; under ``/api/`` it first verifies the Fonbnk headers (as the
    sandbox does, replays refused: 401); then it answers a redirect for a path in
    ``redirects`` (the path and query as received), or 200 with ``{"path": ...}``."""

    def __init__(self, name: str) -> None:
        self.seen: List[Seen] = []
        self.redirects: Dict[str, Tuple[int, str]] = {}
        # Never served: its signature check and replay cache are what "home" uses.
        self.verifier = sandbox.SandboxServer(("127.0.0.1", 0))
        origin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                origin.seen.append(Seen(self.command, self.path, headers))
                if self.path.startswith("/api/"):
                    try:
                        origin.verifier.authenticate_fonbnk(self.headers, self.path)
                    except Exception as err:  # noqa: BLE001 - the sandbox's refusal
                        return self._send(401, f'{{"message": "{getattr(err, "body", err)}"}}')
                redirect = origin.redirects.get(self.path)
                if redirect is not None:
                    status, location = redirect
                    return self._send(status, "{}", location)
                return self._send(200, f'{{"path": "{self.path}"}}')

            def _send(self, status: int, body: str, location: Optional[str] = None) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                if location is not None:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://{name}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def reset(self) -> None:
        self.seen.clear()
        self.redirects.clear()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.verifier.server_close()


@pytest.fixture(scope="module")
def servers() -> Iterator[Tuple[Origin, Origin]]:
    home, other = Origin("127.0.0.1"), Origin("localhost")
    try:
        yield home, other
    finally:
        home.stop()
        other.stop()


@pytest.fixture
def home(servers: Tuple[Origin, Origin]) -> Origin:
    servers[0].reset()
    return servers[0]


@pytest.fixture
def other(servers: Tuple[Origin, Origin]) -> Origin:
    servers[1].reset()
    return servers[1]


def fonbnk_auth() -> fonbnk.Auth:
    return fonbnk.Auth(CLIENT_ID, SECRET)


#: (name, a fresh Auth, the headers it must put on a request to home)
AUTHS: List[Tuple[str, Callable[[], Any], Tuple[str, ...]]] = [
    ("fonbnk", fonbnk_auth, ("x-client-id", "x-timestamp", "x-signature")),
    ("sfox", lambda: sfox.Auth(SFOX_KEY), ("authorization",)),
    ("mygiro", lambda: mygiro.Auth(MYGIRO_TOKEN, MYGIRO_TAG), ("authorization", "x-tag")),
]
AUTH_IDS = [name for name, _, _ in AUTHS]
#: Fonbnk requests go under /api/ (verified by home); the others anywhere.
PREFIX = {"fonbnk": "/api", "sfox": "/v1", "mygiro": "/v1"}


def no_credentials(seen: Seen) -> bool:
    return not CREDENTIALS & set(seen.headers)


def check_signed(seen: Seen) -> None:
    """The Fonbnk headers verify for the path this request was sent to."""
    signer = fonbnk.Signer(CLIENT_ID, SECRET)
    signer.verify(seen.path, int(seen.headers["x-timestamp"]), seen.headers["x-signature"])


# --- requests: redirects -----------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_requests_cross_host_redirect_carries_no_credentials(
    home: Origin, other: Origin, name: str, make: Callable[[], Any], headers: Tuple[str, ...], status: int
) -> None:
    path = PREFIX[name] + "/start"
    home.redirects[path] = (status, other.url + "/landing?x=1")
    r = requests.post(home.url + path, data=b"{}", auth=make(), timeout=5)
    assert r.status_code == 200 and r.json()["path"] == "/landing?x=1"
    assert [s.path for s in other.seen] == ["/landing?x=1"]
    assert no_credentials(other.seen[0]), other.seen[0].headers
    # The first hop was authenticated, and the history records what it sent.
    assert set(headers) <= set(home.seen[0].headers)
    sent = {k.lower() for k in r.history[0].request.headers}
    assert set(headers) <= sent


@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_requests_cross_host_redirect_scheme_relative_and_port(
    home: Origin, other: Origin, name: str, make: Callable[[], Any], headers: Tuple[str, ...]
) -> None:
    """``//host:port/path`` and the same IP on another port are other origins too."""
    port = other.url.rsplit(":", 1)[1]
    for location in (f"//localhost:{port}/a", f"http://127.0.0.1:{port}/b"):
        other.reset()
        home.redirects[PREFIX[name] + "/go"] = (307, location)
        r = requests.get(home.url + PREFIX[name] + "/go", auth=make(), timeout=5)
        assert r.status_code == 200 and len(other.seen) == 1
        assert no_credentials(other.seen[0]), (location, other.seen[0].headers)


@pytest.mark.parametrize("status", [302, 307])
def test_requests_fonbnk_same_host_redirect_is_signed_for_the_new_path(home: Origin, status: int) -> None:
    home.redirects["/api/old?a=1"] = (status, "/api/new?b=2")
    r = requests.post(home.url + "/api/old", params={"a": "1"}, data=b"{}", auth=fonbnk_auth(), timeout=5)
    assert r.status_code == 200, r.text
    assert r.json()["path"] == "/api/new?b=2"
    first, second = home.seen
    check_signed(first)
    check_signed(second)
    assert first.headers["x-signature"] != second.headers["x-signature"]
    # r.request is what went out on the last hop.
    assert r.request.headers["x-signature"] == second.headers["x-signature"]


def test_requests_fonbnk_absolute_same_origin_redirect_chain(home: Origin) -> None:
    home.redirects["/api/1"] = (301, home.url + "/api/2")
    home.redirects["/api/2"] = (308, "/api/3")
    r = requests.get(home.url + "/api/1", auth=fonbnk_auth(), timeout=5)
    assert r.status_code == 200 and [s.path for s in home.seen] == ["/api/1", "/api/2", "/api/3"]
    for seen in home.seen:
        check_signed(seen)


@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_requests_same_host_redirect_keeps_static_credentials(
    home: Origin, name: str, make: Callable[[], Any], headers: Tuple[str, ...]
) -> None:
    home.redirects[PREFIX[name] + "/x"] = (307, PREFIX[name] + "/y")
    r = requests.get(home.url + PREFIX[name] + "/x", auth=make(), timeout=5)
    assert r.status_code == 200
    assert [s.path for s in home.seen] == [PREFIX[name] + "/x", PREFIX[name] + "/y"]
    for seen in home.seen:
        assert set(headers) <= set(seen.headers)
    if name == "mygiro":
        assert home.seen[1].headers["x-tag"] == MYGIRO_TAG
        assert home.seen[1].headers["authorization"] == "Bearer " + MYGIRO_TOKEN
    if name == "sfox":
        assert home.seen[1].headers["authorization"] == "Bearer " + SFOX_KEY


@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_requests_credentials_do_not_come_back_after_leaving(
    home: Origin, other: Origin, name: str, make: Callable[[], Any], headers: Tuple[str, ...]
) -> None:
    """home -> other -> home: the other origin chose where to send us; nothing is signed."""
    home.redirects[PREFIX[name] + "/out"] = (307, other.url + "/bounce")
    other.redirects["/bounce"] = (307, home.url + "/back")
    r = requests.get(home.url + PREFIX[name] + "/out", auth=make(), timeout=5)
    assert r.status_code == 200
    assert no_credentials(other.seen[0])
    assert home.seen[-1].path == "/back" and no_credentials(home.seen[-1])


def test_requests_session_auth_and_allow_redirects_false(home: Origin, other: Origin) -> None:
    """With allow_redirects=False, ``response.next`` is fit for its target; a session's own
    ``auth`` behaves like a request's."""
    with requests.Session() as session:
        session.auth = fonbnk_auth()
        home.redirects["/api/a"] = (307, "/api/b")
        home.redirects["/api/c"] = (307, other.url + "/d")
        r = session.get(home.url + "/api/a", allow_redirects=False, timeout=5)
        assert r.status_code == 307 and r.next is not None
        assert r.next.path_url == "/api/b"
        assert fonbnk.Signer(CLIENT_ID, SECRET).verify(
            "/api/b", int(r.next.headers["x-timestamp"]), r.next.headers["x-signature"]
        ) is None
        assert session.send(r.next, timeout=5).status_code == 200
        r = session.get(home.url + "/api/c", allow_redirects=False, timeout=5)
        assert r.next is not None and not CREDENTIALS & {k.lower() for k in r.next.headers}
        assert session.get(home.url + "/api/c", timeout=5).status_code == 200
    assert all(no_credentials(s) for s in other.seen) and len(other.seen) == 1


# --- requests: re-sends ------------------------------------------------------------------


def test_requests_resending_a_prepared_request_signs_anew(home: Origin) -> None:
    with requests.Session() as session:
        prepared = session.prepare_request(
            requests.Request("GET", home.url + "/api/again", auth=fonbnk_auth())
        )
        answers = [session.send(prepared, timeout=5) for _ in range(5)]
    assert [a.status_code for a in answers] == [200] * 5  # no replay refused
    signatures = {s.headers["x-signature"] for s in home.seen}
    stamps = {s.headers["x-timestamp"] for s in home.seen}
    assert len(signatures) == 5 and len(stamps) == 5
    # Each response records the headers that went out with it.
    assert [a.request.headers["x-signature"] for a in answers] == [s.headers["x-signature"] for s in home.seen]


def test_requests_resending_after_a_followed_redirect(home: Origin, other: Origin) -> None:
    """The caller's PreparedRequest is signed for its own URL again once the redirect is sent."""
    home.redirects["/api/moved"] = (307, "/api/here")
    with requests.Session() as session:
        prepared = session.prepare_request(requests.Request("GET", home.url + "/api/moved", auth=fonbnk_auth()))
        for _ in range(3):
            assert session.send(prepared, timeout=5).status_code == 200
    assert [s.path for s in home.seen] == ["/api/moved", "/api/here"] * 3
    for seen in home.seen:
        check_signed(seen)
    home.reset()
    home.redirects["/api/away"] = (307, other.url + "/gone")
    with requests.Session() as session:
        prepared = session.prepare_request(requests.Request("GET", home.url + "/api/away", auth=fonbnk_auth()))
        for _ in range(2):
            assert session.send(prepared, timeout=5).status_code == 200
    assert [s.path for s in home.seen] == ["/api/away"] * 2
    for seen in home.seen:
        check_signed(seen)
    assert all(no_credentials(s) for s in other.seen) and len(other.seen) == 2


def test_applying_an_auth_twice_registers_one_hook() -> None:
    auth = fonbnk_auth()
    prepared = requests.Request("GET", "http://127.0.0.1:1/api/x", auth=auth).prepare()
    prepared.prepare_auth(auth)
    assert len(prepared.hooks["response"]) == 1


# --- httpx ---------------------------------------------------------------------------------


def test_httpx_alone_forwards_custom_headers_on_redirects(home: Origin, other: Origin) -> None:
    """Why the hook exists: httpx (follow_redirects=True) strips only Authorization on its way
    to another origin, and does not show the redirect to auth=."""
    home.redirects["/api/leak"] = (307, other.url + "/sink")
    with httpx.Client(follow_redirects=True, timeout=5) as client:
        assert client.get(home.url + "/api/leak", auth=fonbnk_auth()).status_code == 200
        home.redirects["/v1/leak"] = (307, other.url + "/sink")
        client.get(home.url + "/v1/leak", auth=mygiro.Auth(MYGIRO_TOKEN, MYGIRO_TAG))
    assert {"x-client-id", "x-timestamp", "x-signature"} <= set(other.seen[0].headers)
    assert "x-tag" in other.seen[1].headers and "authorization" not in other.seen[1].headers


def sync_client() -> httpx.Client:
    return httpx.Client(
        follow_redirects=True, timeout=5, event_hooks={"request": [fonbnk.Auth.redirect_hook]}
    )


def async_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        follow_redirects=True, timeout=5, event_hooks={"request": [fonbnk.Auth.async_redirect_hook]}
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_httpx_with_the_hook_cross_host_redirect_carries_no_credentials(
    home: Origin, other: Origin, name: str, make: Callable[[], Any], headers: Tuple[str, ...], mode: str
) -> None:
    home.redirects[PREFIX[name] + "/start"] = (302, other.url + "/landing")
    url = home.url + PREFIX[name] + "/start"
    if mode == "sync":
        with sync_client() as client:
            r = client.get(url, auth=make())
    else:

        async def go() -> httpx.Response:
            async with async_client() as client:
                return await client.get(url, auth=make())

        r = asyncio.run(go())
    assert r.status_code == 200 and [s.path for s in other.seen] == ["/landing"]
    assert no_credentials(other.seen[0]), other.seen[0].headers
    assert set(headers) <= set(home.seen[0].headers)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_httpx_with_the_hook_same_host_redirect_is_signed_anew(home: Origin, mode: str) -> None:
    home.redirects["/api/old"] = (307, "/api/new?b=2")
    home.redirects["/api/new?b=2"] = (303, home.url + "/api/last")
    url = home.url + "/api/old"
    if mode == "sync":
        with sync_client() as client:
            r = client.post(url, content=b"{}", auth=fonbnk_auth())
    else:

        async def go() -> httpx.Response:
            async with async_client() as client:
                return await client.post(url, content=b"{}", auth=fonbnk_auth())

        r = asyncio.run(go())
    assert r.status_code == 200, r.text
    assert [s.path for s in home.seen] == ["/api/old", "/api/new?b=2", "/api/last"]
    for seen in home.seen:
        check_signed(seen)


@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_httpx_next_request_is_fit_for_its_target(
    home: Origin, other: Origin, name: str, make: Callable[[], Any], headers: Tuple[str, ...]
) -> None:
    """follow_redirects=False (httpx's default): the auth flow fixes response.next_request."""
    prefix = PREFIX[name]
    home.redirects[prefix + "/here"] = (307, prefix + "/there")
    home.redirects[prefix + "/away"] = (307, other.url + "/gone")
    with httpx.Client(timeout=5) as client:
        r = client.get(home.url + prefix + "/here", auth=make())
        assert r.status_code == 307 and r.next_request is not None
        assert set(headers) <= {k.lower() for k in r.next_request.headers}
        assert client.send(r.next_request).status_code == 200
        r = client.get(home.url + prefix + "/away", auth=make())
        assert r.next_request is not None
        assert not CREDENTIALS & {k.lower() for k in r.next_request.headers}
        assert client.send(r.next_request).status_code == 200
    if name == "fonbnk":
        check_signed(home.seen[1])
    assert no_credentials(other.seen[0])


def test_httpx_resending_a_request_signs_anew(home: Origin) -> None:
    auth = fonbnk_auth()
    with httpx.Client(timeout=5) as client:
        request = client.build_request("GET", home.url + "/api/again")
        answers = [client.send(request, auth=auth) for _ in range(4)]
    assert [a.status_code for a in answers] == [200] * 4
    assert len({s.headers["x-signature"] for s in home.seen}) == 4


def test_sigmint_clients_never_follow_redirects(home: Origin, other: Origin) -> None:
    """Even on a caller's client made with follow_redirects=True, a 3xx is a ProviderError."""
    home.redirects[fonbnk.Endpoint.USER_TOKENS_V2.path] = (307, other.url + fonbnk.Endpoint.USER_TOKENS_V2.path)
    with httpx.Client(follow_redirects=True) as mine:
        with fonbnk.FonbnkClient(CLIENT_ID, SECRET, home.url, client=mine) as client:
            with pytest.raises(sigmint.ProviderError) as info:
                client.generate_user_tokens("a@example.com", "NG")
    assert info.value.status == 307
    assert other.seen == []

    async def go() -> None:
        async with httpx.AsyncClient(follow_redirects=True) as mine:
            async with sfox.AsyncSfoxClient(SFOX_KEY, home.url, client=mine) as client:
                with pytest.raises(sigmint.ProviderError):
                    await client.create_user_token("u1")

    home.redirects["/v1/enterprise/user-tokens/u1"] = (308, other.url + "/v1/enterprise/user-tokens/u1")
    asyncio.run(go())
    assert other.seen == []


# --- timestamps ----------------------------------------------------------------------------


def test_a_tight_loop_gets_distinct_timestamps(home: Origin) -> None:
    """Two Auths of one signer, signing one endpoint as fast as they can: no stamp repeats,
    and the server (which refuses replays) accepts every request."""
    signer = fonbnk.Signer(CLIENT_ID, SECRET)
    first, second = fonbnk.Auth.from_signer(signer), fonbnk.Auth.from_signer(signer)
    stamps = []
    for i in range(2000):
        request = requests.Request("GET", "http://127.0.0.1/api/loop", auth=(first, second)[i % 2]).prepare()
        stamps.append(int(request.headers["x-timestamp"]))
    assert len(set(stamps)) == len(stamps)
    assert max(stamps) - fonbnk.now_ms() < fonbnk.DEFAULT_WINDOW_MS
    with requests.Session() as session:
        for i in range(40):
            auth = (first, second)[i % 2]
            assert session.get(home.url + "/api/loop", auth=auth, timeout=5).status_code == 200


def test_threads_sharing_a_signer_get_distinct_timestamps() -> None:
    signer = fonbnk.Signer(CLIENT_ID, SECRET)
    auths = [fonbnk.Auth.from_signer(signer) for _ in range(4)]
    stamps: List[str] = []
    lock = threading.Lock()

    def work(auth: fonbnk.Auth) -> None:
        mine = [auth(requests.Request("GET", "http://h/api/t").prepare()).headers["x-timestamp"] for _ in range(500)]
        with lock:
            stamps.extend(mine)

    threads = [threading.Thread(target=work, args=(auths[n % 4],)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(stamps) == 4000 and len(set(stamps)) == 4000


def test_stamps_per_endpoint_and_within_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1_765_454_073_000]
    monkeypatch.setattr(time, "time_ns", lambda: clock[0] * 1_000_000)
    signer = fonbnk.Signer(CLIENT_ID, SECRET)
    auth, other = fonbnk.Auth.from_signer(signer), fonbnk.Auth.from_signer(signer)

    def stamp(a: fonbnk.Auth, path: str) -> int:
        headers: Dict[str, str] = {}
        a.apply(headers, path)
        return int(headers["x-timestamp"])

    assert [stamp(auth, "/e"), stamp(other, "/e"), stamp(auth, "/e")] == [clock[0], clock[0] + 1, clock[0] + 2]
    # Another endpoint's signature differs anyway: it keeps the clock's time.
    assert stamp(other, "/f") == clock[0]
    clock[0] += 10  # the clock passed the bumped stamps: back to it
    assert stamp(auth, "/e") == clock[0]
    # A clock set back further than the window: the clock's time again, not a stale future.
    monkeypatch.setattr(fonbnk, "DEFAULT_WINDOW_MS", 5)
    for _ in range(5):
        stamp(auth, "/g")
    clock[0] -= 100
    assert stamp(auth, "/g") == clock[0]
    # A separately made signer has a clock of its own (it cannot know of the others).
    assert stamp(fonbnk.Auth(CLIENT_ID, SECRET), "/e") == clock[0]


def test_the_clock_forgets_endpoints_behind_it(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [10**12]
    monkeypatch.setattr(time, "time_ns", lambda: clock[0] * 1_000_000)
    auth = fonbnk_auth()
    for i in range(5000):
        auth.apply({}, f"/api/{i}")
        clock[0] += 1
    assert len(auth._clock._last) < 200


# --- the classes -----------------------------------------------------------------------------


@pytest.mark.parametrize("name, make, headers", AUTHS, ids=AUTH_IDS)
def test_auths_are_httpx_and_requests_auths(name: str, make: Callable[[], Any], headers: Tuple[str, ...]) -> None:
    auth = make()
    assert isinstance(auth, httpx.Auth) and isinstance(auth, requests.auth.AuthBase)
    assert isinstance(auth, {"fonbnk": fonbnk.Auth, "sfox": sfox.Auth, "mygiro": mygiro.Auth}[name])
    assert type(auth).__name__ == "Auth" and type(auth).__module__ == f"sigmint.{name}"
    assert not any(secret in repr(auth) for secret in (SECRET, SFOX_KEY, MYGIRO_TOKEN, MYGIRO_TAG))
    shared = fonbnk.Auth.from_signer(fonbnk.Signer(CLIENT_ID, SECRET))
    assert isinstance(shared, httpx.Auth)


def test_importing_sigmint_imports_no_http_library() -> None:
    code = "import sys, sigmint; print(sorted(m for m in ('httpx', 'requests') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

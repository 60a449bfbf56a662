"""sigmint.SchemeAuth: a Scheme (here Coinbase's, which signs the method, the path with its
query and the body) as ``auth=`` for requests and httpx, against local servers on loopback:
"home" (http://127.0.0.1:PORT), which verifies each request's CB-ACCESS-* headers with
``Scheme.verify`` over what it received, and "other" (http://localhost:PORT, another origin),
which records what reaches it. Redirects keep the credentials on the origin and are signed
for the method and body they are sent with."""

from __future__ import annotations

import asyncio
import base64
import json
import pickle
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Optional, Tuple

import httpx
import pytest
import requests
import requests.auth

import sigmint
from sigmint import Scheme, SchemeAuth

COINBASE = Scheme.preset("coinbase")
SECRET = base64.b64encode(b"coinbase-exchange-api-secret-bytes").decode()
API_KEY = "cb-api-key-1"
PASSPHRASE = "cb-passphrase-do-not-log"
CREDENTIALS = {"cb-access-key", "cb-access-sign", "cb-access-timestamp", "cb-access-passphrase"}


def coinbase_auth(**kwargs: Any) -> SchemeAuth:
    return SchemeAuth(
        COINBASE,
        SECRET,
        signature_header="CB-ACCESS-SIGN",
        timestamp_header="CB-ACCESS-TIMESTAMP",
        headers={"CB-ACCESS-KEY": API_KEY, "CB-ACCESS-PASSPHRASE": PASSPHRASE},
        **kwargs,
    )


@dataclass
class Seen:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes
    #: Whether the CB-ACCESS-* headers verified for what arrived (None: none were sent).
    verified: Optional[bool]


class Origin:
    """An http.server on 127.0.0.1, reached as ``http://{name}:{port}``: records each request,
    verifies the Coinbase signature when one is sent (401 when it does not verify), then
    answers a redirect for a path in ``redirects``, or 200 with the path and body seen."""

    def __init__(self, name: str) -> None:
        self.seen: List[Seen] = []
        self.redirects: Dict[str, Tuple[int, str]] = {}
        origin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                verified: Optional[bool] = None
                if "cb-access-sign" in headers:
                    try:
                        COINBASE.verify(
                            SECRET,
                            headers["cb-access-sign"],
                            timestamp=headers.get("cb-access-timestamp", ""),
                            method=self.command,
                            path=self.path,
                            body=body,
                        )
                        verified = headers.get("cb-access-key") == API_KEY
                    except sigmint.Error:
                        verified = False
                origin.seen.append(Seen(self.command, self.path, headers, body, verified))
                if verified is False:
                    return self._send(401, {"message": "invalid signature"})
                redirect = origin.redirects.get(self.path)
                if redirect is not None:
                    status, location = redirect
                    return self._send(status, {}, location)
                return self._send(200, {"path": self.path, "body": body.decode("latin-1")})

            def _send(self, status: int, body: Dict[str, Any], location: Optional[str] = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                if location is not None:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://{name}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self) -> None:
        self.seen.clear()
        self.redirects.clear()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


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


def no_credentials(seen: Seen) -> bool:
    return not CREDENTIALS & set(seen.headers)


# --- the object -------------------------------------------------------------------------------


def test_is_an_auth_for_both_libraries_and_hides_its_secrets() -> None:
    auth = coinbase_auth()
    assert isinstance(auth, httpx.Auth) and isinstance(auth, requests.auth.AuthBase)
    assert isinstance(auth, SchemeAuth) and type(auth).__name__ == "SchemeAuth"
    assert auth.scheme == COINBASE
    text = repr(auth)
    assert SECRET not in text and PASSPHRASE not in text and API_KEY not in text
    assert "CB-ACCESS-SIGN" in text and "CB-ACCESS-KEY" in text
    assert set(auth.credential_headers) == {"CB-ACCESS-SIGN", "CB-ACCESS-TIMESTAMP", "CB-ACCESS-KEY", "CB-ACCESS-PASSPHRASE"}
    with pytest.raises(TypeError):
        pickle.dumps(auth)


def test_a_preset_by_name_and_the_secret_checked_at_once() -> None:
    assert SchemeAuth("coinbase", SECRET, signature_header="S").scheme == COINBASE
    with pytest.raises(sigmint.InvalidBase64Error):
        SchemeAuth("coinbase", "not base64!", signature_header="S")
    with pytest.raises(sigmint.EmptyKeyError):
        SchemeAuth(Scheme("{body}"), b"", signature_header="S")
    with pytest.raises(sigmint.UnknownSchemeError):
        SchemeAuth("coinbase-pro", SECRET, signature_header="S")
    with pytest.raises(TypeError):
        SchemeAuth(5, SECRET, signature_header="S")  # type: ignore[arg-type]


def test_headers_written() -> None:
    vector_secret = "Y29pbmJhc2UtYXBpLXNlY3JldC1ieXRlcw=="  # tests/vectors/schemes.json's
    fixed = {"CB-ACCESS-KEY": API_KEY, "CB-ACCESS-PASSPHRASE": PASSPHRASE}

    def vector_auth(clock: Any) -> SchemeAuth:
        return SchemeAuth(
            "coinbase", vector_secret, signature_header="CB-ACCESS-SIGN",
            timestamp_header="CB-ACCESS-TIMESTAMP", headers=fixed, clock=clock,
        )

    auth = vector_auth(lambda: 1_700_000_000)
    headers: Dict[str, str] = {}
    auth.apply_request(headers, "POST", "/orders", lambda: b'{"size":"1.0","side":"buy"}')
    assert headers == {
        "CB-ACCESS-KEY": API_KEY,
        "CB-ACCESS-PASSPHRASE": PASSPHRASE,
        "CB-ACCESS-TIMESTAMP": "1700000000",
        "CB-ACCESS-SIGN": "U44e56/Y5bWkiWpM+p0fiOSYqwYLGrPSnjJoMg0bfQs=",  # tests/vectors/schemes.json
    }
    # A clock may give the text to send (a fractional timestamp, signed as sent).
    auth = vector_auth(lambda: "1700000000.123")
    auth.apply(headers, "/accounts?limit=5")
    assert headers["CB-ACCESS-SIGN"] == "SDfqssMdywKuvX/i7yXAErT+iOfdvGC8+Sz7QqJuFEA="
    assert headers["CB-ACCESS-TIMESTAMP"] == "1700000000.123"


def test_the_body_is_read_only_when_signed() -> None:
    def no_body() -> bytes:
        raise AssertionError("read")

    auth = SchemeAuth(Scheme.preset("fonbnk"), base64.b64encode(b"k").decode(), signature_header="x-signature", timestamp_header="x-timestamp")
    headers: Dict[str, str] = {}
    auth.apply_request(headers, "POST", "/api/x?a=1", no_body)
    Scheme.preset("fonbnk").verify(base64.b64encode(b"k").decode(), headers["x-signature"], timestamp=headers["x-timestamp"], path="/api/x?a=1")


def test_query_and_body_digest_fields() -> None:
    scheme = Scheme("{method}\n{query}\n{body_sha256}", key="raw", encoding="hex")
    auth = SchemeAuth(scheme, "k", signature_header="X-Sig")
    headers: Dict[str, str] = {}
    auth.apply_request(headers, "PUT", "/p?a=1&b=2", lambda: b"data")
    scheme.verify("k", headers["X-Sig"], method="PUT", query="a=1&b=2", body=b"data")
    assert set(headers) == {"X-Sig"}


# --- requests ---------------------------------------------------------------------------------


def test_requests_signs_method_path_query_and_body(home: Origin) -> None:
    auth = coinbase_auth()
    r = requests.post(home.url + "/orders", params={"x": "1 2"}, json={"size": "1.0"}, auth=auth, timeout=5)
    assert r.status_code == 200, r.text
    r = requests.get(home.url + "/accounts", auth=auth, timeout=5)
    assert r.status_code == 200
    r = requests.put(home.url + "/form", data={"a": "b c"}, auth=auth, timeout=5)  # a str body
    assert r.status_code == 200
    r = requests.delete(home.url + "/orders/1", auth=auth, timeout=5)
    assert r.status_code == 200
    assert [s.verified for s in home.seen] == [True] * 4
    assert [s.method for s in home.seen] == ["POST", "GET", "PUT", "DELETE"]


def test_requests_a_streamed_body_cannot_be_signed(home: Origin) -> None:
    with pytest.raises(TypeError, match="streamed body"):
        requests.post(home.url + "/orders", data=iter([b"a", b"b"]), auth=coinbase_auth(), timeout=5)
    assert home.seen == []


@pytest.mark.parametrize("status, method", [(301, "GET"), (302, "GET"), (303, "GET"), (307, "POST"), (308, "POST")])
def test_requests_same_origin_redirect_is_signed_as_it_is_sent(home: Origin, status: int, method: str) -> None:
    home.redirects["/old?a=1"] = (status, "/new?b=2")
    r = requests.post(home.url + "/old?a=1", data=b'{"n":1}', auth=coinbase_auth(), timeout=5)
    assert r.status_code == 200, r.text
    first, second = home.seen
    assert (first.method, first.verified) == ("POST", True)
    assert (second.method, second.path, second.verified) == (method, "/new?b=2", True)
    assert second.body == (b'{"n":1}' if method == "POST" else b"")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_requests_cross_origin_redirect_carries_no_credentials(home: Origin, other: Origin, status: int) -> None:
    home.redirects["/start"] = (status, other.url + "/landing")
    r = requests.post(home.url + "/start", data=b"{}", auth=coinbase_auth(), timeout=5)
    assert r.status_code == 200
    assert home.seen[0].verified is True
    assert len(other.seen) == 1 and no_credentials(other.seen[0]), other.seen[0].headers


def test_requests_resending_a_prepared_request_signs_anew(home: Origin) -> None:
    stamps = iter(range(1_700_000_000, 1_700_000_010))
    auth = coinbase_auth(clock=lambda: next(stamps))
    with requests.Session() as session:
        prepared = session.prepare_request(requests.Request("POST", home.url + "/orders", data=b"{}", auth=auth))
        for _ in range(2):
            assert session.send(prepared, timeout=5).status_code == 200
    assert [s.verified for s in home.seen] == [True, True]
    assert home.seen[0].headers["cb-access-timestamp"] != home.seen[1].headers["cb-access-timestamp"]


# --- httpx ------------------------------------------------------------------------------------


def test_httpx_signs_every_send(home: Origin) -> None:
    auth = coinbase_auth()
    with httpx.Client(auth=auth) as client:
        assert client.post(home.url + "/orders?x=%20", json={"size": "1"}).status_code == 200
        assert client.get(home.url + "/accounts").status_code == 200
        assert client.post(home.url + "/upload", content=b"\x00\xff" * 100).status_code == 200
    assert [s.verified for s in home.seen] == [True, True, True]


def test_httpx_async(home: Origin) -> None:
    async def run() -> int:
        async with httpx.AsyncClient(auth=coinbase_auth()) as client:
            r = await client.post(home.url + "/orders", content=b'{"a":1}')
            return r.status_code

    assert asyncio.run(run()) == 200 and home.seen[0].verified is True


@pytest.mark.parametrize("status, method", [(302, "GET"), (303, "GET"), (307, "POST"), (308, "POST")])
def test_httpx_follow_redirects_with_the_hook(home: Origin, other: Origin, status: int, method: str) -> None:
    home.redirects["/a"] = (status, "/b")
    home.redirects["/c"] = (status, other.url + "/d")
    client = httpx.Client(auth=coinbase_auth(), follow_redirects=True, event_hooks={"request": [SchemeAuth.redirect_hook]})
    with client:
        assert client.post(home.url + "/a", content=b'{"n":1}').status_code == 200
        assert client.post(home.url + "/c", content=b'{"n":2}').status_code == 200
    assert [(s.path, s.method, s.verified) for s in home.seen] == [("/a", "POST", True), ("/b", method, True), ("/c", "POST", True)]
    assert len(other.seen) == 1 and no_credentials(other.seen[0])


def test_httpx_next_request_is_fit_for_its_target(home: Origin, other: Origin) -> None:
    home.redirects["/a"] = (307, "/b")
    home.redirects["/c"] = (307, other.url + "/d")
    with httpx.Client(auth=coinbase_auth()) as client:
        r = client.post(home.url + "/a", content=b"x")
        assert r.status_code == 307 and r.next_request is not None
        assert client.send(r.next_request).status_code == 200
        r = client.post(home.url + "/c", content=b"y")
        assert r.next_request is not None
        assert not CREDENTIALS & {k.lower() for k in r.next_request.headers}
    assert [s.verified for s in home.seen] == [True, True, True]

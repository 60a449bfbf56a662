"""HTTP round trips against the in-process sandbox: `auth=` adapters with requests and httpx
(sync and async), the sandbox's 401s, and the provider clients (answers and error paths)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any, Dict, List, Tuple

import httpx
import pytest
import requests

import sigmint
from sigmint import fonbnk, jwt, mygiro, sandbox, sfox

CLIENT_ID = sandbox.DEMO_CLIENT_ID
SECRET = sandbox.DEMO_CLIENT_SECRET
OTHER_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
EMAIL = "testuser+ng@fonbnk.com"

#: Query parameters each client must encode: space, +, ~, /, &, =, non-ASCII, an empty value.
PARAMS: List[Tuple[str, str]] = [
    ("q", "a b+c~d"),
    ("path", "1/2&x=y"),
    ("name", "Adé ✓"),
    ("ü", "*-._!'()"),
    ("empty", ""),
]
#: A path that needs encoding too (a space and a non-ASCII letter).
ECHO_PATH = "/api/v2/échos de test"


@pytest.fixture(scope="module")
def box():
    with sandbox.Sandbox() as running:
        yield running


def auth() -> fonbnk.Auth:
    return fonbnk.Auth(CLIENT_ID, SECRET)


def echo_check(response: Any, sent_path: str) -> None:
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["verified"] is True
    # What was signed and verified is exactly what the client put on the wire.
    assert answer["endpoint"] == sent_path
    assert "%C3%A9" in sent_path and "~" in sent_path


# -- auth= with requests and httpx ----------------------------------------------------------


def test_requests_auth_round_trip(box) -> None:
    r = requests.get(box.url + ECHO_PATH, params=PARAMS, auth=auth(), timeout=5)
    echo_check(r, r.request.path_url)
    assert "q=a+b%2Bc~d" in r.request.path_url  # requests: space as +, ~ kept
    r = requests.post(
        box.url + fonbnk.Endpoint.USER_TOKENS_V2.path,
        data=fonbnk.user_query_json(EMAIL, "NG"),
        headers={"content-type": "application/json"},
        auth=auth(),
        timeout=5,
    )
    assert r.status_code == 200, r.text
    tokens = fonbnk.parse_user_tokens(r.content)
    assert tokens.access_kind == "access" and not tokens.expired()


def test_httpx_auth_round_trip(box) -> None:
    with httpx.Client(auth=auth(), timeout=5) as client:
        r = client.get(box.url + ECHO_PATH, params=PARAMS)
        echo_check(r, r.request.url.raw_path.decode("ascii"))
        r = client.post(
            box.url + fonbnk.Endpoint.USER_TOKENS.path,
            content=fonbnk.user_query_json(EMAIL, "NG"),
            headers={"content-type": "application/json"},
        )
        assert fonbnk.parse_user_tokens(r.text).refresh_kind == "refresh"
    # auth= per request, too
    r = httpx.get(box.url + "/api/v2/orders", params={"status": "a b"}, auth=auth(), timeout=5)
    echo_check_plain = r.json()
    assert r.status_code == 200 and echo_check_plain["endpoint"] == r.request.url.raw_path.decode()


def test_httpx_async_auth_round_trip(box) -> None:
    async def run() -> List[httpx.Response]:
        async with httpx.AsyncClient(auth=auth(), timeout=5) as client:
            return list(
                await asyncio.gather(
                    *(client.get(box.url + ECHO_PATH, params=PARAMS + [("n", str(i))]) for i in range(5))
                )
            )

    for r in asyncio.run(run()):
        echo_check(r, r.request.url.raw_path.decode("ascii"))


def test_clients_write_the_query_their_own_way(box) -> None:
    """Neither client writes URLSearchParams' form exactly; the signature still verifies
    because it covers the bytes sent."""
    ours = fonbnk.endpoint("/api/v2/echo", PARAMS)
    sent_requests = requests.get(box.url + "/api/v2/echo", params=PARAMS, auth=auth(), timeout=5)
    sent_httpx = httpx.get(box.url + "/api/v2/echo", params=PARAMS, auth=auth(), timeout=5)
    for r, path in [
        (sent_requests, sent_requests.request.path_url),
        (sent_httpx, sent_httpx.request.url.raw_path.decode()),
    ]:
        assert r.status_code == 200 and r.json()["endpoint"] == path
    assert "%7E" in ours and "~" in sent_requests.request.path_url


# -- the sandbox's 401s ---------------------------------------------------------------------


def signed(endpoint: str, timestamp_ms: int, secret: str = SECRET, client_id: str = CLIENT_ID) -> Dict[str, str]:
    return fonbnk.Signer(client_id, secret).headers(endpoint, timestamp_ms)


def get(box, endpoint: str, headers: Dict[str, str]) -> requests.Response:
    return requests.get(box.url + endpoint, headers=headers, timeout=5)


def assert_401(r: requests.Response, words: str) -> None:
    assert r.status_code == 401, r.text
    assert words in r.json()["message"]


@pytest.mark.parametrize("missing", ["x-client-id", "x-timestamp", "x-signature"])
def test_missing_header_is_401(box, missing: str) -> None:
    headers = signed("/api/v2/check", fonbnk.now_ms())
    del headers[missing]
    assert_401(get(box, "/api/v2/check", headers), missing)


def test_wrong_signature_is_401(box) -> None:
    now = fonbnk.now_ms()
    assert_401(get(box, "/api/v2/check", signed("/api/v2/check", now, OTHER_SECRET)), "Invalid signature")
    # Signed for another endpoint, another time, or garbled.
    assert_401(get(box, "/api/v2/check", signed("/api/v2/other", now)), "Invalid signature")
    headers = signed("/api/v2/check", now)
    headers["x-timestamp"] = str(now + 1)
    assert_401(get(box, "/api/v2/check", headers), "Invalid signature")
    headers = signed("/api/v2/check", now + 2)
    headers["x-signature"] = "not base64!"
    assert_401(get(box, "/api/v2/check", headers), "Invalid signature")
    # A query the signer did not sign.
    assert_401(get(box, "/api/v2/check?x=1", signed("/api/v2/check", now + 3)), "Invalid signature")


def test_unknown_client_and_bad_timestamp_are_401(box) -> None:
    now = fonbnk.now_ms()
    assert_401(get(box, "/api/v2/check", signed("/api/v2/check", now, client_id="someone-else")), "client id")
    headers = signed("/api/v2/check", now)
    headers["x-timestamp"] = "1.7e12"
    assert_401(get(box, "/api/v2/check", headers), "x-timestamp")
    headers["x-timestamp"] = "9" * 30  # beyond 64 bits: not a timestamp at all
    assert_401(get(box, "/api/v2/check", headers), "x-timestamp")


@pytest.mark.parametrize("offset_ms", [-6 * 60 * 1000, 6 * 60 * 1000, -10**12])
def test_timestamp_outside_five_minutes_is_401(box, offset_ms: int) -> None:
    ts = fonbnk.now_ms() + offset_ms
    assert_401(get(box, "/api/v2/check", signed("/api/v2/check", ts)), "window")


def test_timestamp_within_five_minutes_is_accepted(box) -> None:
    ts = fonbnk.now_ms() - 4 * 60 * 1000
    assert get(box, "/api/v2/check", signed("/api/v2/check", ts)).status_code == 200


def test_replay_is_401(box) -> None:
    headers = signed("/api/v2/once", fonbnk.now_ms())
    assert get(box, "/api/v2/once", headers).status_code == 200
    assert_401(get(box, "/api/v2/once", headers), "Replayed")
    assert_401(get(box, "/api/v2/once", headers), "Replayed")
    # A POST replayed with another body is refused too: the body is not signed.
    headers = signed(fonbnk.Endpoint.USER_TOKENS_V2.path, fonbnk.now_ms())
    url = box.url + fonbnk.Endpoint.USER_TOKENS_V2.path
    first = requests.post(url, data=fonbnk.user_query_json(EMAIL, "NG"), headers=headers, timeout=5)
    assert first.status_code == 200
    again = requests.post(url, data=fonbnk.user_query_json("x@y.z", "NG"), headers=headers, timeout=5)
    assert_401(again, "Replayed")


def test_verification_comes_before_the_route(box) -> None:
    for method in ("GET", "POST", "DELETE"):
        r = requests.request(method, box.url + "/api/user/kyc/status", timeout=5)
        assert r.status_code == 401 and r.headers["content-type"].startswith("application/json")


# -- request bodies --------------------------------------------------------------------------


def post_signed(box, endpoint: str, body: bytes) -> requests.Response:
    return requests.post(box.url + endpoint, data=body, auth=auth(), timeout=5)


@pytest.mark.parametrize(
    "body, words",
    [
        (b'{"email":"a@b"', "not valid JSON"),
        (b"[1,2]", "JSON object"),
        (b"\xff", "not valid JSON"),
        (b"", "not valid JSON"),
        (b'{"email":1,"countryIsoCode":"NG"}', "required"),
        (b'{"email":"a@b"}', "required"),
        (b'{"email":"a@b","countryIsoCode":"nga"}', "ISO 3166"),
        (b'{"email":"","countryIsoCode":"NG"}', "empty"),
    ],
)
def test_bad_body_is_400(box, body: bytes, words: str) -> None:
    r = post_signed(box, fonbnk.Endpoint.USER_TOKENS_V2.path, body)
    assert r.status_code == 400 and words in r.json()["message"]


def test_body_size_limit(box) -> None:
    endpoint = fonbnk.Endpoint.USER_TOKENS_V2.path
    r = post_signed(box, endpoint, b" " * (sandbox.MAX_BODY_LEN + 1))
    assert r.status_code == 413 and "too large" in r.json()["message"]
    big = post_signed(box, endpoint, b" " * (1024 * 1024))
    assert big.status_code == 413
    # At the limit it is read (and here refused as JSON that lacks the fields).
    padded = fonbnk.user_query_json(EMAIL, "NG").encode()
    padded += b" " * (sandbox.MAX_BODY_LEN - len(padded))
    assert post_signed(box, endpoint, padded).status_code == 200


def test_a_megabyte_body_without_auth_is_refused_quickly(box) -> None:
    r = requests.post(box.url + "/v1/enterprise/user-tokens/x", data=b"x" * (1024 * 1024), timeout=5)
    assert r.status_code == 413


# -- the clients ------------------------------------------------------------------------------


def test_fonbnk_client_round_trip(box) -> None:
    with fonbnk.FonbnkClient(CLIENT_ID, SECRET, box.url, timeout=5) as client:
        assert "client_id='demo-client-id'" in repr(client) and SECRET not in repr(client)
        tokens = client.generate_user_tokens("client@example.com", "KE")
        claims = jwt.decode(tokens.access_token, sandbox.DEMO_TOKEN_SECRET, algorithms=["HS256"], token_type="access")
        assert claims["userData"]["email"] == "client@example.com"
        assert claims["userData"]["countryIsoCode"] == "KE"
        assert tokens.access_expires_at == claims["exp"]
        v1 = client.user_tokens_v1("client@example.com", "KE")
        assert v1.refresh_expires_at - v1.refresh_issued_at == 14 * 86400
        state = client.kyc_status("client@example.com", "KE")
        assert state.status == "initiated" and state.passed_kyc_type is None
        document = state.documents[0]
        fields = {name: "x" for name in document.required_fields}
        assert client.kyc_submit("client@example.com", document.id, fields) is True
        after = client.kyc_status("client@example.com", "KE")
        assert (after.status, after.passed_kyc_type) == ("approved", document.type)


def test_sfox_and_mygiro_clients_round_trip(box) -> None:
    with sfox.SfoxClient(sandbox.DEMO_SFOX_API_KEY, box.url, timeout=5) as client:
        token = client.create_user_token("client 7/é")
        assert token.partner_user_id == "client 7/é"
        assert not token.expired() and not token.needs_refresh()
        assert abs(token.expires_at_ms - (fonbnk.now_ms() + 24 * 3600 * 1000)) < 60_000
        assert sandbox.DEMO_SFOX_API_KEY not in repr(client)
    with mygiro.MygiroClient(sandbox.DEMO_MYGIRO_TOKEN, sandbox.DEMO_MYGIRO_TAG, box.url, timeout=5) as client:
        giro = client.generate_access_token("5a981078f4442500195c7201", "acct 1")
        assert (giro.user, giro.type) == ("5a981078f4442500195c7201", "bearer")
        assert abs(giro.created_at_ms - fonbnk.now_ms()) < 60_000


def test_async_clients_round_trip(box) -> None:
    async def run() -> Tuple[Any, Any, Any, Any]:
        async with fonbnk.AsyncFonbnkClient(CLIENT_ID, SECRET, box.url, timeout=5) as f, sfox.AsyncSfoxClient(
            sandbox.DEMO_SFOX_API_KEY, box.url, timeout=5
        ) as s, mygiro.AsyncMygiroClient(
            sandbox.DEMO_MYGIRO_TOKEN, sandbox.DEMO_MYGIRO_TAG, box.url, timeout=5
        ) as m:
            return await asyncio.gather(
                f.generate_user_tokens("async@example.com", "NG"),
                f.kyc_status("async@example.com", "NG"),
                s.create_user_token("client_async"),
                m.generate_access_token("u1", "a1"),
            )

    tokens, state, token, giro = asyncio.run(run())
    assert tokens.access_kind == "access" and state.status == "initiated"
    assert token.partner_user_id == "client_async" and giro.user == "u1"


def test_clients_error_path(box) -> None:
    with pytest.raises(sigmint.ProviderError) as info, fonbnk.FonbnkClient(
        CLIENT_ID, OTHER_SECRET, box.url, timeout=5
    ) as client:
        client.generate_user_tokens(EMAIL, "NG")
    assert (info.value.status, info.value.message) == (401, "Invalid signature")
    assert str(info.value) == "the provider answered HTTP 401: Invalid signature"
    with fonbnk.FonbnkClient(CLIENT_ID, SECRET, box.url, timeout=5) as client:
        with pytest.raises(sigmint.ProviderError) as info:
            client.kyc_submit(EMAIL, "no-such-document", {"a": "b"})
        assert info.value.status == 400 and "Unknown documentId" in info.value.message
        with pytest.raises(sigmint.ProviderError) as info:
            client.kyc_submit("nobody@example.com", "67da909b739fc481aa525c47", {"bvn": "1"})
        assert info.value.status == 404
        # Refused by core before anything is sent.
        with pytest.raises(sigmint.InvalidFieldError):
            client.generate_user_tokens(EMAIL, "nigeria")
    with pytest.raises(sigmint.ProviderError) as info, sfox.SfoxClient("wrong-key", box.url, timeout=5) as s:
        s.create_user_token("u")
    assert info.value.status == 401 and "Bearer" in info.value.message
    other = jwt.encode({"sub": "x"}, "another-secret-that-is-32-bytes-long!")
    with pytest.raises(sigmint.ProviderError) as info, mygiro.MygiroClient(other, "tag", box.url, timeout=5) as m:
        m.generate_access_token("u", "a")
    assert info.value.status == 401
    expired = jwt.encode({"exp": 1}, sandbox.DEMO_MYGIRO_SECRET)
    with pytest.raises(sigmint.ProviderError) as info, mygiro.MygiroClient(expired, "tag", box.url, timeout=5) as m:
        m.generate_access_token("u", "a")
    assert info.value.status == 401


def test_mygiro_missing_account_and_tag(box) -> None:
    bearer = mygiro.authorization(sandbox.DEMO_MYGIRO_TOKEN)
    url = box.url + "/v1/users/u1/generateaccesstoken"
    r = httpx.get(url, headers={"Authorization": bearer, "x-tag": "t"}, timeout=5)
    assert r.status_code == 400 and r.json() == {"status": "error", "message": "accountId is required"}
    with pytest.raises(sigmint.ProviderError) as info:
        mygiro.parse_access_token(r.content)
    assert info.value.message == "accountId is required"
    r = httpx.get(url, params={"accountId": "a"}, headers={"Authorization": bearer}, timeout=5)
    assert r.status_code == 400 and r.json()["status"] == "error" and "x-tag" in r.json()["message"]
    r = httpx.get(url, params={"accountId": "a"}, auth=mygiro.Auth(sandbox.DEMO_MYGIRO_TOKEN, "t"), timeout=5)
    assert mygiro.parse_access_token(r.content).user == "u1"
    r = requests.get(url, params={"accountId": "a"}, auth=mygiro.Auth(sandbox.DEMO_MYGIRO_TOKEN, "t"), timeout=5)
    assert r.status_code == 200
    for headers in ({}, {"Authorization": "Basic abc", "x-tag": "t"}, {"Authorization": "Bearer x.y.z", "x-tag": "t"}):
        r = httpx.get(url, params={"accountId": "a"}, headers=headers, timeout=5)
        assert r.status_code == 401 and r.json()["status"] == "error"


def test_sfox_auth_with_requests_and_httpx(box) -> None:
    url = box.url + sfox.user_token_path("client 1")
    r = requests.post(url, auth=sfox.Auth(sandbox.DEMO_SFOX_API_KEY), timeout=5)
    assert sfox.parse_user_token(r.content).partner_user_id == "client 1"
    r = httpx.post(url, auth=sfox.Auth(sandbox.DEMO_SFOX_API_KEY), timeout=5)
    assert sfox.parse_user_token(r.text).partner_user_id == "client 1"
    assert requests.post(url, timeout=5).status_code == 401
    assert requests.get(url, auth=sfox.Auth(sandbox.DEMO_SFOX_API_KEY), timeout=5).status_code == 405
    assert "sfox-sandbox" not in repr(sfox.Auth(sandbox.DEMO_SFOX_API_KEY))
    with pytest.raises(sigmint.InvalidFieldError):
        sfox.Auth("bad key")
    with pytest.raises(sigmint.InvalidFieldError):
        mygiro.Auth(sandbox.DEMO_MYGIRO_TOKEN, "bad tag")


# -- the clients against answers the sandbox never gives (httpx.MockTransport) ---------------


def mock_client(status: int, body: bytes, headers: Any = None) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers=headers or {})

    return httpx.Client(transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    "status, body, error, message",
    [
        (500, b"<html>Internal Server Error</html>\n", sigmint.ProviderError, "<html>Internal Server Error</html>"),
        (502, b"", sigmint.ProviderError, None),
        (429, b'{"message":"Too many requests"}', sigmint.ProviderError, "Too many requests"),
        (503, b"x" * (2 * 1024 * 1024), sigmint.ProviderError, None),
        (200, b'{"message":"Forbidden"}', sigmint.ProviderError, "Forbidden"),
        (200, b'{"data":{"token":"t","partner_user_id":"u","expires":"soon"}}', sigmint.InvalidDateError, None),
        (200, b'{"data":{"token":"t"', sigmint.InvalidJsonError, None),
        (200, b'{"data":{"token":1,"partner_user_id":"u","expires":"2024-05-14T19:22:09.901Z"}}', sigmint.InvalidFieldError, None),
        (200, b'{"data":{"partner_user_id":"u","expires":"2024-05-14T19:22:09.901Z"}}', sigmint.MissingFieldError, None),
        (200, b'{"data":' + b" " * (1024 * 1024) + b"{}}", sigmint.ResponseTooLargeError, None),
    ],
    ids=["500-html", "502-empty", "429-json", "503-huge", "200-error", "bad-date", "truncated", "wrong-type", "missing", "1MB"],
)
def test_client_answers(status: int, body: bytes, error: type, message: Any) -> None:
    with mock_client(status, body) as http:
        client = sfox.SfoxClient("key", "https://sfox.invalid", client=http)
        with pytest.raises(error) as info:
            client.create_user_token("u")
        client.close()  # the caller's client stays open
        assert not http.is_closed
    if error is sigmint.ProviderError:
        assert (info.value.status, info.value.message) == (status, message)
        # A body too large to read has no text: core's refusal to read it is the cause.
        too_large = len(body) > sigmint.providers.MAX_RESPONSE_LEN
        assert isinstance(info.value.__cause__, sigmint.ResponseTooLargeError) == too_large


def test_client_timeout() -> None:
    """A server that accepts and never answers: httpx's timeout fires."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: List[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
    thread.start()
    url = "http://127.0.0.1:%d" % listener.getsockname()[1]
    started = time.monotonic()
    try:
        with sfox.SfoxClient("key", url, timeout=0.3) as client:
            with pytest.raises(httpx.TimeoutException):
                client.create_user_token("u")
        assert time.monotonic() - started < 5
    finally:
        for conn in accepted:
            conn.close()
        listener.close()


def test_client_arguments() -> None:
    client = fonbnk.FonbnkClient(CLIENT_ID, SECRET)
    assert client.base_url == "https://sandbox-api.fonbnk.com" and client.timeout == 10.0
    client.close()
    client = fonbnk.FonbnkClient(CLIENT_ID, SECRET, fonbnk.Environment.PRODUCTION, timeout=3)
    assert (client.base_url, client.timeout) == ("https://api.fonbnk.com", 3)
    client.close()
    with sfox.SfoxClient("k") as sfox_client:
        assert sfox_client.base_url == sfox.BASE_URL
    with pytest.raises(ValueError):
        mygiro.MygiroClient("t", "tag", "ftp://example.com")
    with pytest.raises(sigmint.InvalidBase64Error):
        fonbnk.FonbnkClient(CLIENT_ID, "not base64!")

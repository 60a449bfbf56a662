"""The sandbox itself: tokens shaped like Fonbnk's, the KYC flow, sFOX and Mygiro answers,
routing, the replay cache's bounds, and its documented demo credentials."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any, Dict, List

import pytest
import requests
from _support import load_vectors

import sigmint
from sigmint import fonbnk, jwt, mygiro, sandbox, sfox

ROOT = Path(__file__).resolve().parents[2]
ULID = re.compile(r"[0-9A-HJKMNP-TV-Z]{26}")
ISO_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


@pytest.fixture(scope="module")
def box():
    with sandbox.Sandbox() as running:
        yield running


@pytest.fixture()
def client(box):
    with fonbnk.FonbnkClient(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET, box.url, timeout=5) as c:
        yield c


def test_user_tokens_are_shaped_like_fonbnks(client, box) -> None:
    before = fonbnk.now_ms() // 1000
    tokens = client.generate_user_tokens("shape@example.com", "NG")
    after = fonbnk.now_ms() // 1000
    access = jwt.decode(tokens.access_token, sandbox.DEMO_TOKEN_SECRET, algorithms=["HS256"], token_type="access")
    refresh = jwt.decode(tokens.refresh_token, sandbox.DEMO_TOKEN_SECRET, algorithms=["HS256"], token_type="refresh")
    assert jwt.get_unverified_header(tokens.access_token) == {"alg": "HS256", "typ": "JWT"}
    # The vector token's claims, in its order.
    vector_body = load_vectors("provider_responses.json")["fonbnk_user_tokens"]["body"]
    vector = jwt.decode(fonbnk.parse_user_tokens(vector_body).access_token, options={"verify_signature": False})
    assert list(access) == list(vector) == ["userData", "type", "uid", "iat", "exp"]
    assert list(access["userData"]) == list(vector["userData"])
    user = access["userData"]
    assert user["email"] == "shape@example.com" and user["countryIsoCode"] == "NG"
    assert user["username"].startswith("user#-") and re.fullmatch(r"[0-9a-f]{24}", user["_id"])
    assert user["isDevUser"] is True and user["isAmbassador"] is False
    assert refresh["userData"] == user
    assert ULID.fullmatch(access["uid"]) and ULID.fullmatch(refresh["uid"]) and access["uid"] != refresh["uid"]
    assert before <= access["iat"] <= after
    assert access["exp"] - access["iat"] == 15 * 60
    assert refresh["exp"] - refresh["iat"] == 14 * 24 * 3600
    # Created on first sight, the same user afterwards.
    again = client.user_tokens_v1("shape@example.com", "NG")
    assert jwt.decode(again.access_token, options={"verify_signature": False})["userData"] == user
    assert box.users["shape@example.com"]["_id"] == user["_id"]


def test_kyc_flow(client) -> None:
    email = "kyc@example.com"
    state = client.kyc_status(email, "NG")
    assert (state.status, state.passed_kyc_type, state.reached_kyc_limit) == ("initiated", None, False)
    assert [d.type for d in state.documents] == ["basic", "advanced"]
    assert [(r.type, r.max) for r in state.rules] == [("basic", 100), ("advanced", "Infinity")]
    basic, advanced = state.documents
    with pytest.raises(sigmint.ProviderError) as info:
        client.kyc_submit(email, basic.id, {"first_name": "Ada"})
    assert info.value.status == 400 and "last_name" in info.value.message
    fields = {name: "1990-01-01" if name == "dob" else "Ada" for name in basic.required_fields}
    assert client.kyc_submit(email, basic.id, fields) is True
    state = client.kyc_status(email, "NG")
    assert (state.status, state.passed_kyc_type, state.description) == ("approved", "basic", "Verified")
    assert client.kyc_submit(email, advanced.id, {"bvn": "reject"}) is True
    assert client.kyc_status(email, "NG").status == "rejected"


@pytest.mark.parametrize(
    "body, words",
    [
        ({"email": "a@b"}, "required"),
        ({"email": "a@b", "documentId": "d", "userFields": []}, "required"),
        ({"email": "a@b", "documentId": "d", "userFields": {"x": 1}}, "strings"),
        ({"email": "", "documentId": "d", "userFields": {}}, "empty"),
    ],
)
def test_kyc_submit_bad_bodies(box, body: Dict[str, Any], words: str) -> None:
    r = requests.post(
        box.url + fonbnk.Endpoint.KYC_SUBMIT.path,
        json=body,
        auth=fonbnk.Auth(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET),
        timeout=5,
    )
    assert r.status_code == 400 and words in r.json()["message"]


def test_sfox_answer(box) -> None:
    before = fonbnk.now_ms()
    r = requests.post(
        box.url + sfox.user_token_path("client_db29326e-5df6"),
        headers={"Authorization": sfox.authorization(sandbox.DEMO_SFOX_API_KEY)},
        timeout=5,
    )
    assert r.status_code == 200
    data = r.json()["data"]
    assert list(data) == ["token", "partner_user_id", "expires"]
    assert re.fullmatch(r"[0-9a-f]{64}", data["token"]) and data["partner_user_id"] == "client_db29326e-5df6"
    assert ISO_MS.fullmatch(data["expires"])
    token = sfox.parse_user_token(r.text)
    assert before + 24 * 3600 * 1000 <= token.expires_at_ms <= fonbnk.now_ms() + 24 * 3600 * 1000
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": sandbox.DEMO_SFOX_API_KEY}):
        r = requests.post(box.url + "/v1/enterprise/user-tokens/u", headers=headers, timeout=5)
        assert r.status_code == 401 and "message" in r.json()


def test_mygiro_answer(box) -> None:
    r = requests.get(
        box.url + mygiro.access_token_path("5a981078f4442500195c7201", "5a981078f4442500195c7205"),
        auth=mygiro.Auth(sandbox.DEMO_MYGIRO_TOKEN, sandbox.DEMO_MYGIRO_TAG),
        timeout=5,
    )
    assert r.status_code == 200
    answer = r.json()
    assert answer["status"] == "success"
    assert list(answer["data"]) == ["tags", "_id", "type", "user", "token", "resetToken", "createdAt", "__v"]
    assert answer["data"]["user"] == "5a981078f4442500195c7201" and ISO_MS.fullmatch(answer["data"]["createdAt"])
    assert len(answer["data"]["resetToken"]) == 10
    token = mygiro.parse_access_token(r.content)
    assert token.token == answer["data"]["token"] and token.id == answer["data"]["_id"]
    r = requests.post(
        box.url + "/v1/users/u/generateaccesstoken?accountId=a",
        auth=mygiro.Auth(sandbox.DEMO_MYGIRO_TOKEN, "t"),
        timeout=5,
    )
    assert r.status_code == 405


def test_routes(box) -> None:
    for method, path, status in [
        ("GET", "/", 404),
        ("GET", "/v1/other", 404),
        ("POST", "/v1/enterprise/user-tokens/", 404),
        ("GET", "/v1/users/a/b/generateaccesstoken", 404),
    ]:
        r = requests.request(method, box.url + path, timeout=5)
        assert r.status_code == status and r.json()["message"]
    auth = fonbnk.Auth(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET)
    assert requests.get(box.url + fonbnk.Endpoint.KYC_STATUS.path, auth=auth, timeout=5).status_code == 405
    assert requests.post(box.url + "/api/v2/unknown", auth=auth, timeout=5).status_code == 404
    r = requests.post(box.url + "/api/v2/user/tokens", data=b"{}", headers={"Transfer-Encoding": "chunked"}, timeout=5)
    assert r.status_code in (400, 411)


def test_concurrent_requests(box) -> None:
    """One client shared by threads: its Auth never reuses a timestamp, so no request looks
    like a replay. (Separate signers for one client id, signing the same endpoint in the same
    millisecond, would send identical signatures: the protocol cannot tell those apart.)"""
    results: List[Any] = []
    errors: List[BaseException] = []

    with fonbnk.FonbnkClient(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET, box.url, timeout=5) as shared:

        def work(n: int) -> None:
            try:
                for _ in range(4):
                    results.append(shared.generate_user_tokens(f"user{n}@example.com", "NG"))
            except BaseException as err:  # noqa: BLE001 - reported below
                errors.append(err)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors and len(results) == 24


def test_replay_cache_is_bounded() -> None:
    clock = [10**12]
    server = sandbox.SandboxServer(("127.0.0.1", 0), clock_ms=lambda: clock[0])
    signer = fonbnk.Signer(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET)
    try:
        for i in range(3000):
            server.authenticate_fonbnk(signer.headers("/api/x", clock[0]), "/api/x")
            clock[0] += 1
        assert len(server.seen) <= 3000
        clock[0] += 10 * 60 * 1000  # everything seen is now outside the window
        for _ in range(3000):
            server.authenticate_fonbnk(signer.headers("/api/x", clock[0]), "/api/x")
            clock[0] += 1
        assert len(server.seen) < 4000
    finally:
        server.server_close()


def test_custom_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    with sandbox.Sandbox(client_id="me", client_secret=secret, sfox_api_key="k2", mygiro_secret="m" * 32) as box:
        with fonbnk.FonbnkClient("me", secret, box.url, timeout=5) as c:
            assert c.generate_user_tokens("a@b.c", "NG").access_kind == "access"
        with pytest.raises(sigmint.ProviderError), fonbnk.FonbnkClient(
            sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET, box.url, timeout=5
        ) as c:
            c.generate_user_tokens("a@b.c", "NG")
        with sfox.SfoxClient("k2", box.url, timeout=5) as s:
            s.create_user_token("u")
        with mygiro.MygiroClient(jwt.encode({"sub": "x"}, "m" * 32), "t", box.url, timeout=5) as m:
            m.generate_access_token("u", "a")
        with pytest.raises(sigmint.ProviderError), mygiro.MygiroClient(
            sandbox.DEMO_MYGIRO_TOKEN, "t", box.url, timeout=5
        ) as m:
            m.generate_access_token("u", "a")
    assert "k2" not in repr(sandbox.Config(sfox_api_key="k2"))
    with pytest.raises(sigmint.InvalidBase64Error):
        sandbox.Sandbox(client_secret="not base64!")
    with pytest.raises(sigmint.InvalidFieldError):
        sandbox.Sandbox(sfox_api_key="two words")


def test_running_yields_the_url() -> None:
    with sandbox.running() as url:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        assert requests.get(url + "/", timeout=5).status_code == 404
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/", timeout=2)


def test_demo_credentials() -> None:
    assert sandbox.DEMO_MYGIRO_TOKEN == jwt.encode(
        {"sub": "sigmint-demo", "iat": 1765454073}, sandbox.DEMO_MYGIRO_SECRET
    )
    # The Fonbnk demo secret is make demo's (and the signing vectors').
    assert sandbox.DEMO_CLIENT_SECRET in (ROOT / "Makefile").read_text()
    # The module documents each demo credential's value.
    for name in ("DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "DEMO_SFOX_API_KEY", "DEMO_MYGIRO_SECRET", "DEMO_TOKEN_SECRET"):
        assert getattr(sandbox, name) in sandbox.__doc__, name


def test_makefile_credentials_are_the_sandbox_demo_ones() -> None:
    text = (ROOT / "Makefile").read_text()
    block = text.split("SANDBOX_CREDENTIALS :=", 1)[1].split("\n\n", 1)[0]
    pairs = dict(re.findall(r"([A-Z_]+)=(\S+)", block))
    assert pairs == {
        "FONBNK_CLIENT_ID": sandbox.DEMO_CLIENT_ID,
        "FONBNK_CLIENT_SECRET": sandbox.DEMO_CLIENT_SECRET,
        "SFOX_API_KEY": sandbox.DEMO_SFOX_API_KEY,
        "MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN,
        "MYGIRO_TAG": sandbox.DEMO_MYGIRO_TAG,
    }

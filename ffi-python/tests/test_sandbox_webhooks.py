"""The sandbox's webhook receiver, ``POST /webhooks/{provider}``: verified with
sigmint.webhooks (its clock, the window, a replay guard per provider), 204 when accepted, 400 or
401 with the refusal's class name otherwise; within the server's limits."""

from __future__ import annotations

import http.client
import json
from typing import Any, Iterator

import pytest
import requests

import sigmint
from sigmint import sandbox, webhooks

SECRET = sandbox.DEMO_WEBHOOK_SECRET
NOW_S = 1_765_454_073


@pytest.fixture(scope="module")
def box() -> Iterator[sandbox.Sandbox]:
    clock = [NOW_S * 1000]
    with sandbox.Sandbox(clock_ms=lambda: clock[0]) as running:
        running.clock = clock  # type: ignore[attr-defined]
        yield running


def post(box: sandbox.Sandbox, provider: str, headers: Any, body: bytes) -> requests.Response:
    return requests.post(f"{box.url}/webhooks/{provider}", headers=headers, data=body, timeout=5)


def body_of(n: int) -> bytes:
    return json.dumps({"id": f"evt_{n}", "object": "event", "n": n}).encode()


@pytest.mark.parametrize("provider", webhooks.PROVIDERS)
def test_accepted_then_replayed(box: sandbox.Sandbox, provider: str) -> None:
    body = body_of(hash(provider) % 1000 + 1)
    headers = webhooks.sign(provider, SECRET, body, NOW_S - 10)
    r = post(box, provider, headers, body)
    assert r.status_code == 204 and r.content == b""
    kept = box.server.webhooks[-1]
    assert (kept.provider, kept.body) == (provider, body)
    assert kept.timestamp == (NOW_S - 10 if provider in ("slack", "stripe") else None)
    again = post(box, provider, headers, body)
    assert again.status_code == 401
    assert again.json() == {"error": "Replayed", "message": "request was already accepted once (replay)"}


@pytest.mark.parametrize(
    "provider, make, status, error",
    [
        ("github", lambda b: webhooks.sign("github", "not-the-secret", b), 401, "SignatureMismatch"),
        ("slack", lambda b: webhooks.sign("slack", SECRET, b + b" ", NOW_S), 401, "SignatureMismatch"),
        ("stripe", lambda b: webhooks.sign("stripe", SECRET, b, NOW_S - 301), 401, "TimestampOutOfWindow"),
        ("slack", lambda b: webhooks.sign("slack", SECRET, b, NOW_S + 301), 401, "TimestampOutOfWindow"),
        ("shopify", lambda b: {}, 400, "MissingHeader"),
        ("slack", lambda b: {"X-Slack-Signature": webhooks.sign("slack", SECRET, b, NOW_S)["X-Slack-Signature"]}, 400, "MissingHeader"),
        ("stripe", lambda b: {"Stripe-Signature": "v1=" + "0" * 64}, 400, "MalformedHeader"),
        ("github", lambda b: {"X-Hub-Signature-256": "0" * 64}, 400, "MalformedHeader"),
        ("slack", lambda b: {**webhooks.sign("slack", SECRET, b, NOW_S), "X-Slack-Request-Timestamp": "soon"}, 400, "MalformedHeader"),
    ],
)
def test_refusals(box: sandbox.Sandbox, provider: str, make: Any, status: int, error: str) -> None:
    body = body_of(7)
    before = len(box.server.webhooks)
    r = post(box, provider, make(body), body)
    assert r.status_code == status, r.text
    answer = r.json()
    assert answer["error"] == error and isinstance(getattr(webhooks, error), type)
    assert SECRET not in r.text
    if error in ("MissingHeader", "MalformedHeader"):
        assert answer["message"].split(": ")[-1] in {h for pair in webhooks.HEADERS.values() for h in pair if h}
    assert len(box.server.webhooks) == before


def test_headers_any_case_and_repeated(box: sandbox.Sandbox) -> None:
    body = body_of(11)
    sent = webhooks.sign("stripe", SECRET, body, NOW_S)
    r = post(box, "stripe", {k.lower(): v for k, v in sent.items()}, body)
    assert r.status_code == 204
    # The same header twice (which one was signed?) is malformed.
    host, port = box.url.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        conn.putrequest("POST", "/webhooks/github")
        value = webhooks.sign("github", SECRET, body)["X-Hub-Signature-256"]
        conn.putheader("X-Hub-Signature-256", value)
        conn.putheader("x-hub-signature-256", value)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        answer = conn.getresponse()
        assert answer.status == 400 and json.loads(answer.read())["error"] == "MalformedHeader"
    finally:
        conn.close()


def test_keep_alive_after_204(box: sandbox.Sandbox) -> None:
    with requests.Session() as session:
        for n in range(20, 24):
            body = body_of(n)
            r = session.post(box.url + "/webhooks/slack", headers=webhooks.sign("slack", SECRET, body, NOW_S), data=body, timeout=5)
            assert r.status_code == 204
        assert session.get(box.url + "/webhooks/slack", timeout=5).status_code == 405


def test_the_clock_is_the_sandboxs(box: sandbox.Sandbox) -> None:
    body = body_of(30)
    headers = webhooks.sign("slack", SECRET, body, NOW_S + 1000)
    assert post(box, "slack", headers, body).json()["error"] == "TimestampOutOfWindow"
    box.clock[0] += 1000 * 1000  # type: ignore[attr-defined]
    try:
        assert post(box, "slack", headers, body).status_code == 204
    finally:
        box.clock[0] -= 1000 * 1000  # type: ignore[attr-defined]


def test_routes_and_limits(box: sandbox.Sandbox) -> None:
    for path in ("/webhooks/coinbase", "/webhooks/", "/webhooks/GitHub"):
        r = requests.post(box.url + path, data=b"{}", timeout=5)
        assert r.status_code == 404 and "message" in r.json()
    assert requests.put(box.url + "/webhooks/github", data=b"{}", timeout=5).status_code == 405
    big = b"x" * (sandbox.MAX_BODY_LEN + 1)
    r = post(box, "github", webhooks.sign("github", SECRET, big), big)
    assert r.status_code == 413
    r = requests.post(
        box.url + "/webhooks/github", headers={"Transfer-Encoding": "chunked"}, data=iter([b"{}"]), timeout=5
    )
    assert r.status_code == 411


def test_the_official_sdks_signatures_are_accepted(box: sandbox.Sandbox) -> None:
    signature = pytest.importorskip("slack_sdk.signature")
    stripe = pytest.importorskip("stripe")

    class Clock(signature.Clock):  # type: ignore[misc]
        def now(self) -> float:
            return float(NOW_S)

    body = body_of(40)
    slack_sig = signature.SignatureVerifier(SECRET, clock=Clock()).generate_signature(timestamp=str(NOW_S), body=body)
    r = post(box, "slack", {"X-Slack-Request-Timestamp": str(NOW_S), "X-Slack-Signature": slack_sig}, body)
    assert r.status_code == 204
    header = stripe.WebhookSignature.generate_signature_header(body.decode(), SECRET, timestamp=NOW_S)
    assert post(box, "stripe", {"Stripe-Signature": header}, body).status_code == 204


def test_own_secret_and_bad_secrets() -> None:
    with sandbox.Sandbox(webhook_secret="my-own-secret", clock_ms=lambda: NOW_S * 1000) as own:
        body = body_of(50)
        assert post(own, "github", webhooks.sign("github", "my-own-secret", body), body).status_code == 204
        assert post(own, "github", webhooks.sign("github", SECRET, body), body).status_code == 401
    with pytest.raises(sigmint.EmptyKeyError):
        sandbox.Sandbox(webhook_secret="")
    assert "webhook_secret" not in repr(sandbox.Config()) and SECRET not in repr(sandbox.Config())


def test_replay_guards_are_per_provider_and_bounded() -> None:
    with sandbox.Sandbox(clock_ms=lambda: NOW_S * 1000) as box:
        server = box.server
        assert set(server.replay) == set(webhooks.PROVIDERS)
        assert {g.capacity for g in server.replay.values()} == {sandbox.WEBHOOK_REPLAY_CAPACITY}
        # One body under one secret is one tag for GitHub and Shopify: separate guards.
        body = body_of(60)
        for provider in ("github", "shopify"):
            assert post(box, provider, webhooks.sign(provider, SECRET, body), body).status_code == 204
        for n in range(sandbox.MAX_WEBHOOKS + 5):
            server.receive_webhook("github", webhooks.sign("github", SECRET, body_of(1000 + n)), body_of(1000 + n))
        assert len(server.webhooks) == sandbox.MAX_WEBHOOKS
        assert server.webhooks[-1].body == body_of(1000 + sandbox.MAX_WEBHOOKS + 4)


def test_demo_secret_is_documented() -> None:
    assert SECRET in (sandbox.__doc__ or "")
    assert "/webhooks/" in (sandbox.__doc__ or "")
    assert "DEMO_WEBHOOK_SECRET" in sandbox.__all__


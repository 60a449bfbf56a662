"""docs/python.md's webhook and SchemeAuth examples, run as written: each ```python block after
an ``<!-- example: NAME -->`` line is executed (with its environment variables set), then its
app is driven with Starlette's or Flask's test client, or its auth sends requests to a local
server that verifies Coinbase signatures (test_scheme_auth.Origin)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest

from sigmint import webhooks

DOCS = Path(__file__).resolve().parents[2] / "docs" / "python.md"


def example(name: str) -> str:
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"<!-- example: %s -->\n```python\n(.*?)\n```" % re.escape(name), text, re.DOTALL)
    assert match is not None, f"docs/python.md has no example {name!r}"
    return match.group(1)


def run(code: str, env: Dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Dict[str, Any]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace: Dict[str, Any] = {"__name__": "docs_example"}
    exec(compile(code, str(DOCS), "exec"), namespace)
    return namespace


def test_every_example_is_run() -> None:
    names = re.findall(r"<!-- example: ([\w-]+) -->", DOCS.read_text(encoding="utf-8"))
    assert sorted(names) == ["coinbase-auth", "flask-stripe", "starlette-slack"]


# --- Starlette, Slack -------------------------------------------------------------------------


@pytest.fixture
def slack_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    testclient = pytest.importorskip("starlette.testclient")
    ns = run(example("starlette-slack"), {"SLACK_SIGNING_SECRET": "new-secret,old-secret"}, monkeypatch)
    with testclient.TestClient(ns["app"]) as client:
        yield client


def test_starlette_slack(slack_app: Any) -> None:
    challenge = b'{"type":"url_verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}'
    headers = webhooks.sign("slack", "old-secret", challenge)
    r = slack_app.post("/slack/events", content=challenge, headers=headers)
    assert r.status_code == 200 and r.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    # The same request again is a replay.
    r = slack_app.post("/slack/events", content=challenge, headers=headers)
    assert r.status_code == 401 and r.json() == {"error": "Replayed"}
    event = b'{"type":"event_callback","event":{"type":"app_mention","text":"hi"}}'
    assert slack_app.post("/slack/events", content=event, headers=webhooks.sign("slack", "new-secret", event)).status_code == 200
    for headers, error in [
        (webhooks.sign("slack", "another", event), "SignatureMismatch"),
        (webhooks.sign("slack", "new-secret", event, timestamp=1531420618), "TimestampOutOfWindow"),
        ({}, "MissingHeader"),
    ]:
        r = slack_app.post("/slack/events", content=event, headers=headers)
        assert r.status_code == 401 and r.json() == {"error": error}


def test_starlette_slack_sdk_signature(slack_app: Any) -> None:
    signature = pytest.importorskip("slack_sdk.signature")
    import time

    body = b'{"type":"event_callback","event_id":"Ev1"}'
    ts = str(int(time.time()))
    sig = signature.SignatureVerifier("new-secret").generate_signature(timestamp=ts, body=body)
    r = slack_app.post("/slack/events", content=body, headers={"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
    assert r.status_code == 200


# --- Flask, Stripe ----------------------------------------------------------------------------


@pytest.fixture
def stripe_client(monkeypatch: pytest.MonkeyPatch) -> Any:
    pytest.importorskip("flask")
    ns = run(example("flask-stripe"), {"STRIPE_WEBHOOK_SECRET": "whsec_docs_example"}, monkeypatch)
    return ns["app"].test_client()


def test_flask_stripe(stripe_client: Any) -> None:
    stripe = pytest.importorskip("stripe")
    body = b'{"id":"evt_1","object":"event","type":"payment_intent.succeeded","data":{"object":{}}}'
    header = stripe.WebhookSignature.generate_signature_header(body.decode(), "whsec_docs_example")
    r = stripe_client.post("/stripe/webhook", data=body, headers={"Stripe-Signature": header, "Content-Type": "application/json"})
    assert r.status_code == 204 and r.data == b""
    r = stripe_client.post("/stripe/webhook", data=body, headers={"Stripe-Signature": header})
    assert r.status_code == 401 and r.get_json() == {"error": "Replayed"}
    other = b'{"id":"evt_2","object":"event","type":"charge.refunded","data":{"object":{}}}'
    signed = webhooks.sign("stripe", "whsec_docs_example", other)
    assert stripe_client.post("/stripe/webhook", data=other, headers=signed).status_code == 204
    r = stripe_client.post("/stripe/webhook", data=other)
    assert r.status_code == 400 and r.get_json() == {"error": "MissingHeader", "header": "Stripe-Signature"}
    r = stripe_client.post("/stripe/webhook", data=other, headers={"Stripe-Signature": "v1=00"})
    assert r.status_code == 400 and r.get_json()["error"] == "MalformedHeader"
    r = stripe_client.post("/stripe/webhook", data=other + b" ", headers=signed)
    assert r.status_code == 401 and r.get_json() == {"error": "SignatureMismatch"}


# --- SchemeAuth, Coinbase ---------------------------------------------------------------------


def test_coinbase_auth(monkeypatch: pytest.MonkeyPatch) -> None:
    from test_scheme_auth import API_KEY, PASSPHRASE, SECRET, Origin

    server = Origin("127.0.0.1")
    try:
        code = example("coinbase-auth")
        documented = 'API = "https://api.exchange.coinbase.com"'
        assert documented in code
        env = {"CB_ACCESS_SECRET": SECRET, "CB_ACCESS_KEY": API_KEY, "CB_ACCESS_PASSPHRASE": PASSPHRASE}
        ns = run(code.replace(documented, f'API = "{server.url}"'), env, monkeypatch)
        assert ns["r"].status_code == 200 and ns["accounts"].status_code == 200
        assert ns["fills"].status_code == 200
        assert [(s.method, s.path, s.verified) for s in server.seen] == [
            ("POST", "/orders", True),
            ("GET", "/accounts?limit=5", True),
            ("GET", "/fills?product_id=BTC-USD", True),
        ]
        assert server.seen[0].headers["cb-access-passphrase"] == PASSPHRASE
    finally:
        server.stop()

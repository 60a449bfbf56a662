"""sigmint.webhooks against the providers' own SDKs, both ways: slack_sdk's SignatureVerifier
and stripe's Webhook/WebhookSignature accept what sigmint signs, and sigmint accepts what
they sign; both refuse the same tampering. Property tests run the two over random bodies,
secrets and timestamps."""

from __future__ import annotations

import time
from typing import Any, Dict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sigmint import webhooks

slack_sdk_signature = pytest.importorskip("slack_sdk.signature")
stripe = pytest.importorskip("stripe")

SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
STRIPE_SECRET = "whsec_test_5f6e7d8c9b0a1f2e3d4c5b6a"
TS = 1_531_420_618


class FixedClock(slack_sdk_signature.Clock):  # type: ignore[misc]
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def slack_verifier(secret: str = SLACK_SECRET, now: float = TS) -> Any:
    return slack_sdk_signature.SignatureVerifier(secret, clock=FixedClock(now))


# Both SDKs sign the body as text (slack_sdk decodes bytes as UTF-8, stripe too), so the
# bodies are UTF-8; the secrets are what their dashboards hand out: visible text.
bodies = st.text(max_size=400).map(lambda t: t.encode("utf-8"))
secrets = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=64)
timestamps = st.integers(min_value=1, max_value=4_000_000_000)


# --- Slack ------------------------------------------------------------------------------------


def test_slack_published_example_both_ways() -> None:
    from _support import load_vectors

    case = next(c for c in load_vectors("schemes.json")["cases"] if c["provider"] == "slack" and not c["derived"])
    body, headers = case["body"].encode(), case["headers"]
    assert slack_verifier().is_valid_request(body, headers)
    webhooks.verify("slack", case["secret"], headers, body, now=case["timestamp"])
    assert webhooks.sign("slack", case["secret"], body, case["timestamp"]) == headers


@settings(max_examples=200, deadline=None)
@given(body=bodies, secret=secrets, ts=timestamps)
def test_slack_sdk_accepts_sigmint(body: bytes, secret: str, ts: int) -> None:
    headers = webhooks.sign("slack", secret, body, ts)
    verifier = slack_verifier(secret, now=ts + 30)
    assert verifier.is_valid_request(body, headers)
    assert verifier.is_valid(body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"])
    assert headers["X-Slack-Signature"] == verifier.generate_signature(timestamp=str(ts), body=body)


@settings(max_examples=200, deadline=None)
@given(body=bodies, secret=secrets, ts=timestamps)
def test_sigmint_accepts_slack_sdk(body: bytes, secret: str, ts: int) -> None:
    signature = slack_verifier(secret).generate_signature(timestamp=str(ts), body=body)
    headers = {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": signature}
    webhooks.verify("slack", secret, headers, body, now=ts - 30)
    with pytest.raises(webhooks.SignatureMismatch):
        webhooks.verify("slack", secret + "x", headers, body, now=ts)


def test_slack_both_refuse_the_same() -> None:
    body = b"token=xyz&team_id=T1&text=hello"
    headers = webhooks.sign("slack", SLACK_SECRET, body, TS)
    cases: Dict[str, Any] = {
        "tampered body": (body + b"&x=1", headers, TS, webhooks.SignatureMismatch),
        "other secret": (body, webhooks.sign("slack", "another-secret", body, TS), TS, webhooks.SignatureMismatch),
        "six minutes late": (body, headers, TS + 360, webhooks.TimestampOutOfWindow),
        "six minutes early": (body, headers, TS - 360, webhooks.TimestampOutOfWindow),
        "no signature": (body, {"X-Slack-Request-Timestamp": str(TS)}, TS, webhooks.MissingHeader),
    }
    for name, (sent_body, sent, now, error) in cases.items():
        assert not slack_verifier(now=now).is_valid_request(sent_body, sent), name
        with pytest.raises(error):
            webhooks.verify("slack", SLACK_SECRET, sent, sent_body, now=now)
    # Both accept the edge of the window (5 minutes either side).
    for now in (TS - 300, TS + 300):
        assert slack_verifier(now=now).is_valid_request(body, headers)
        webhooks.verify("slack", SLACK_SECRET, headers, body, now=now)


# --- Stripe -----------------------------------------------------------------------------------


def stripe_event(event_id: str = "evt_1") -> bytes:
    return ('{"id":"%s","object":"event","type":"payment_intent.succeeded","data":{"object":{}}}' % event_id).encode()


def test_stripe_construct_event_accepts_sigmint() -> None:
    payload = stripe_event()
    header = webhooks.sign("stripe", STRIPE_SECRET, payload)["Stripe-Signature"]  # now
    event = stripe.Webhook.construct_event(payload, header, STRIPE_SECRET)
    assert event.id == "evt_1" and event.type == "payment_intent.succeeded"
    assert stripe.WebhookSignature.verify_header(payload, header, STRIPE_SECRET, tolerance=300)


@settings(max_examples=200, deadline=None)
@given(body=bodies, secret=secrets, ts=timestamps)
def test_stripe_verify_header_accepts_sigmint(body: bytes, secret: str, ts: int) -> None:
    header = webhooks.sign("stripe", secret, body, ts)["Stripe-Signature"]
    # tolerance=None: stripe then skips its own clock (sigmint's window is tested below).
    assert stripe.WebhookSignature.verify_header(body, header, secret, tolerance=None)
    assert header == stripe.WebhookSignature.generate_signature_header(body.decode(), secret, timestamp=ts)


@settings(max_examples=200, deadline=None)
@given(body=bodies, secret=secrets, ts=timestamps)
def test_sigmint_accepts_stripe(body: bytes, secret: str, ts: int) -> None:
    header = stripe.WebhookSignature.generate_signature_header(body.decode(), secret, timestamp=ts)
    webhooks.verify("stripe", secret, {"Stripe-Signature": header}, body, now=ts)
    signature = stripe.WebhookSignature._compute_signature(f"{ts}.{body.decode()}", secret)
    webhooks.verify("stripe", secret, {"stripe-signature": f"t={ts},v1={signature}"}, body, now=ts)


def test_stripe_several_secrets_both_ways() -> None:
    # While a secret is rolled, Stripe sends a v1 entry for each: built here with stripe's code.
    payload, now = stripe_event("evt_2"), int(time.time())
    old, new = "whsec_old_0123456789", "whsec_new_0123456789"
    text = payload.decode()
    header = "t=%d,v1=%s,v1=%s,v0=ignored" % (
        now,
        stripe.WebhookSignature._compute_signature(f"{now}.{text}", old),
        stripe.WebhookSignature._compute_signature(f"{now}.{text}", new),
    )
    for secret in (old, new):
        stripe.WebhookSignature.verify_header(payload, header, secret, tolerance=300)
        webhooks.verify("stripe", secret, {"Stripe-Signature": header}, payload)
    assert webhooks.verified("stripe", ["whsec_unknown", new], {"Stripe-Signature": header}, payload).key_index == 1
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.WebhookSignature.verify_header(payload, header, "whsec_unknown", tolerance=300)
    with pytest.raises(webhooks.SignatureMismatch):
        webhooks.verify("stripe", "whsec_unknown", {"Stripe-Signature": header}, payload)


def test_stripe_both_refuse_the_same() -> None:
    payload, now = stripe_event(), int(time.time())
    header = webhooks.sign("stripe", STRIPE_SECRET, payload, now)["Stripe-Signature"]
    late = webhooks.sign("stripe", STRIPE_SECRET, payload, now - 400)["Stripe-Signature"]
    cases = {
        "tampered body": (payload.replace(b"evt_1", b"evt_9"), header, webhooks.SignatureMismatch),
        "other secret": (payload, webhooks.sign("stripe", "whsec_other", payload, now)["Stripe-Signature"], webhooks.SignatureMismatch),
        "too old": (payload, late, webhooks.TimestampOutOfWindow),
        "no v1": (payload, f"t={now},v0=abc", webhooks.MalformedHeader),
        "no t": (payload, header.split(",", 1)[1], webhooks.MalformedHeader),
    }
    for name, (body, sent, error) in cases.items():
        with pytest.raises(stripe.SignatureVerificationError):
            stripe.WebhookSignature.verify_header(body, sent, STRIPE_SECRET, tolerance=300)
        with pytest.raises(error):
            webhooks.verify("stripe", STRIPE_SECRET, {"Stripe-Signature": sent}, body, now=now)
    assert issubclass(webhooks.SignatureMismatch, webhooks.WebhookError)

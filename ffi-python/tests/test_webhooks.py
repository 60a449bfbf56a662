"""sigmint.webhooks: GitHub, Slack, Stripe and Shopify webhooks signed and verified by core,
every refusal as its class (each also the core class it stands for), the headers in every
form Python servers hold them, rotated secrets, the window and the replay guard."""

from __future__ import annotations

import base64
import doctest
import email
import hashlib
import hmac
import inspect
import pickle
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Iterator, List, Mapping, Tuple

import pytest

import sigmint
from sigmint import _sigmint, webhooks
from sigmint.webhooks import (
    MalformedHeader,
    MissingHeader,
    Replayed,
    ReplayGuard,
    SignatureMismatch,
    TimestampOutOfWindow,
    WebhookError,
)

from _support import load_vectors

SECRET = "whsec_5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c"
BODY = b'{"id":"evt_1","object":"event","data":{"amount":1000}}'
TS = 1_765_454_073


def reference(provider: str, secret: bytes, body: bytes, ts: int) -> Dict[str, str]:
    """The headers each provider documents, with hmac."""

    def mac(msg: bytes) -> bytes:
        return hmac.new(secret, msg, hashlib.sha256).digest()

    if provider == "github":
        return {"X-Hub-Signature-256": "sha256=" + mac(body).hex()}
    if provider == "slack":
        return {
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": "v0=" + mac(b"v0:%d:" % ts + body).hex(),
        }
    if provider == "stripe":
        return {"Stripe-Signature": f"t={ts},v1=" + mac(b"%d." % ts + body).hex()}
    return {"X-Shopify-Hmac-SHA256": base64.b64encode(mac(body)).decode()}


def test_providers_headers_and_defaults_are_cores() -> None:
    assert webhooks.PROVIDERS == ("github", "slack", "stripe", "shopify")
    assert dict(webhooks.HEADERS) == {
        "github": ("X-Hub-Signature-256", None),
        "slack": ("X-Slack-Signature", "X-Slack-Request-Timestamp"),
        "stripe": ("Stripe-Signature", None),
        "shopify": ("X-Shopify-Hmac-SHA256", None),
    }
    assert webhooks.DEFAULT_TOLERANCE == _sigmint.WEBHOOK_DEFAULT_TOLERANCE == 300
    for fn in (webhooks.verify, webhooks.verified):
        assert inspect.signature(fn).parameters["tolerance"].default == webhooks.DEFAULT_TOLERANCE
    assert ReplayGuard().capacity == webhooks.DEFAULT_REPLAY_CAPACITY == _sigmint.WEBHOOK_DEFAULT_REPLAY_CAPACITY
    assert str(inspect.signature(ReplayGuard)) == f"(capacity={webhooks.DEFAULT_REPLAY_CAPACITY})"


@pytest.mark.parametrize("provider", webhooks.PROVIDERS)
def test_sign_is_the_providers_rule(provider: str) -> None:
    headers = webhooks.sign(provider, SECRET, BODY, TS)
    assert headers == reference(provider, SECRET.encode(), BODY, TS)
    assert list(headers) == list(reference(provider, SECRET.encode(), BODY, TS))
    assert webhooks.sign(provider, SECRET.encode(), BODY, TS) == headers
    assert webhooks.sign(provider, bytearray(SECRET.encode()), memoryview(BODY), float(TS) + 0.9) == headers
    assert webhooks.sign(provider, SECRET, BODY, datetime.fromtimestamp(TS, timezone.utc)) == headers


def test_sign_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: TS + 0.5)
    assert webhooks.sign("slack", SECRET, BODY)["X-Slack-Request-Timestamp"] == str(TS)
    assert webhooks.sign("stripe", SECRET, BODY) == webhooks.sign("stripe", SECRET, BODY, TS)
    webhooks.verify("slack", SECRET, webhooks.sign("slack", SECRET, BODY), BODY)


def test_sign_refuses_a_negative_timestamp_where_one_is_signed() -> None:
    with pytest.raises(sigmint.InvalidPartError):
        webhooks.sign("stripe", SECRET, BODY, -1)
    assert webhooks.sign("github", SECRET, BODY, -1) == webhooks.sign("github", SECRET, BODY, 0)


@pytest.mark.parametrize("provider", webhooks.PROVIDERS)
def test_round_trip_and_result(provider: str) -> None:
    headers = webhooks.sign(provider, SECRET, BODY, TS)
    assert webhooks.verify(provider, SECRET, headers, BODY, now=TS + 60) is None
    result = webhooks.verified(provider, ["old-secret", SECRET], headers, BODY, now=TS)
    assert result == webhooks.Verified(1, TS if provider in ("slack", "stripe") else None)
    assert (result.key_index, result.timestamp) == tuple(result)


# --- headers, as servers hold them ------------------------------------------------------------


class Headers(Mapping[str, str]):
    """A read-only mapping of its own (as frameworks have), with case-insensitive lookup."""

    def __init__(self, items: List[Tuple[str, str]]) -> None:
        self._items = items

    def __getitem__(self, key: str) -> str:
        for name, value in self._items:
            if name.lower() == key.lower():
                return value
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)


def header_forms(headers: Dict[str, str]) -> List[Any]:
    pairs = list(headers.items()) + [("Content-Type", "application/json"), ("User-Agent", "x")]
    message = email.message_from_string("".join(f"{n}: {v}\r\n" for n, v in pairs) + "\r\n")
    return [
        dict(pairs),
        {n.lower(): v for n, v in pairs},
        {n.upper(): v for n, v in pairs},
        pairs,
        tuple(pairs),
        iter(pairs),
        [(n.encode(), v.encode()) for n, v in pairs],
        [(n.lower().encode(), v) for n, v in pairs],
        {n.encode(): v.encode() for n, v in pairs},
        Headers(pairs),
        message,  # http.server's and http.client's headers
        [(n, f"  {v}\t") for n, v in pairs],  # values trimmed, as servers receive them
    ]


@pytest.mark.parametrize("provider", webhooks.PROVIDERS)
def test_headers_in_every_form(provider: str) -> None:
    for form in header_forms(webhooks.sign(provider, SECRET, BODY, TS)):
        webhooks.verify(provider, SECRET, form, BODY, now=TS)


def test_framework_headers() -> None:
    werkzeug = pytest.importorskip("werkzeug.datastructures")
    starlette = pytest.importorskip("starlette.datastructures")
    sent = webhooks.sign("slack", SECRET, BODY, TS)
    webhooks.verify("slack", SECRET, werkzeug.Headers(list(sent.items())), BODY, now=TS)
    raw = [(n.lower().encode("latin-1"), v.encode("latin-1")) for n, v in sent.items()]
    webhooks.verify("slack", SECRET, starlette.Headers(raw=raw), BODY, now=TS)
    webhooks.verify("slack", SECRET, starlette.Headers(raw=raw).raw, BODY, now=TS)
    # A header repeated is seen as the framework lists it: twice.
    twice = werkzeug.Headers(list(sent.items()) + [("x-slack-signature", sent["X-Slack-Signature"])])
    with pytest.raises(MalformedHeader):
        webhooks.verify("slack", SECRET, twice, BODY, now=TS)


@pytest.mark.parametrize(
    "headers",
    [
        "X-Hub-Signature-256: x",
        b"X-Hub-Signature-256: x",
        5,
        [("only-a-name",)],
        [("a", "b", "c")],
        ["ab"],
        [(1, "x")],
        [("X-Hub-Signature-256", 1)],
    ],
)
def test_headers_of_other_types(headers: Any) -> None:
    with pytest.raises(TypeError) as info:
        webhooks.verify("github", SECRET, headers, BODY)
    assert not isinstance(info.value, sigmint.Error)


# --- refusals ---------------------------------------------------------------------------------


REFUSALS = [SignatureMismatch, TimestampOutOfWindow, MissingHeader, MalformedHeader, Replayed]


def test_refusal_classes() -> None:
    bases = {
        SignatureMismatch: sigmint.InvalidSignatureError,
        TimestampOutOfWindow: sigmint.TimestampOutOfWindowError,
        MissingHeader: sigmint.MissingHeaderError,
        MalformedHeader: sigmint.MalformedHeaderError,
        Replayed: sigmint.ReplayedError,
    }
    assert issubclass(WebhookError, sigmint.Error)
    for cls, core in bases.items():
        assert issubclass(cls, WebhookError) and issubclass(cls, core)
        assert (cls.code, cls.name) == (core.code, core.name)
        assert webhooks._BY_CODE[cls.code] is cls
        assert cls.__module__ == "sigmint.webhooks"
        assert not issubclass(cls, ValueError)
    assert issubclass(SignatureMismatch, sigmint.jwt.InvalidSignatureError)


def refused(provider: str, headers: Any, body: bytes = BODY, **kwargs: Any) -> WebhookError:
    with pytest.raises(WebhookError) as info:
        webhooks.verify(provider, kwargs.pop("secrets", SECRET), headers, body, **{"now": TS, **kwargs})
    err = info.value
    table = {code: message for code, _, message in _sigmint.ERRORS}
    assert str(err).startswith(table[err.code])
    assert SECRET not in str(err)
    return err


@pytest.mark.parametrize("provider", webhooks.PROVIDERS)
def test_signature_mismatch(provider: str) -> None:
    headers = webhooks.sign(provider, SECRET, BODY, TS)
    assert type(refused(provider, headers, BODY + b" ")) is SignatureMismatch
    assert type(refused(provider, headers, secrets="another")) is SignatureMismatch
    assert type(refused(provider, headers, secrets=["a", "b", "c"])) is SignatureMismatch
    assert type(refused(provider, webhooks.sign(provider, "other", BODY, TS))) is SignatureMismatch
    if provider in ("slack", "stripe"):
        # The timestamp is signed: another one in the header is a mismatch, not a window.
        forged = webhooks.sign(provider, SECRET, BODY, TS + 1)
        mixed = dict(headers)
        if provider == "slack":
            mixed["X-Slack-Request-Timestamp"] = forged["X-Slack-Request-Timestamp"]
        else:
            mixed["Stripe-Signature"] = "t=%d,%s" % (TS + 1, headers["Stripe-Signature"].split(",")[1])
        assert type(refused(provider, mixed)) is SignatureMismatch


@pytest.mark.parametrize("provider", ["slack", "stripe"])
def test_timestamp_window(provider: str) -> None:
    headers = webhooks.sign(provider, SECRET, BODY, TS)
    for now in [TS - 300, TS + 300, TS]:
        webhooks.verify(provider, SECRET, headers, BODY, now=now)
    for now in [TS - 301, TS + 301, 0, 2**40]:
        assert type(refused(provider, headers, now=now)) is TimestampOutOfWindow
    webhooks.verify(provider, SECRET, headers, BODY, now=TS + 3600, tolerance=3600)
    webhooks.verify(provider, SECRET, headers, BODY, now=TS + 3600, tolerance=timedelta(hours=1))
    webhooks.verify(provider, SECRET, headers, BODY, now=TS, tolerance=0)
    assert type(refused(provider, headers, now=TS + 1, tolerance=0)) is TimestampOutOfWindow
    # Fractions of a second are rounded down: the receiver's clock and the tolerance alike.
    webhooks.verify(provider, SECRET, headers, BODY, now=TS + 300.9)
    webhooks.verify(provider, SECRET, headers, BODY, now=TS + 10, tolerance=10.7)
    assert type(refused(provider, headers, now=TS + 11, tolerance=10.7)) is TimestampOutOfWindow
    moment = datetime.fromtimestamp(TS + 299, timezone.utc)
    webhooks.verify(provider, SECRET, headers, BODY, now=moment)
    # Checked after the signature: a forged request is a mismatch, whatever its timestamp.
    assert type(refused(provider, headers, secrets="x", now=0)) is SignatureMismatch


def test_timestamps_have_no_window_where_none_is_signed() -> None:
    for provider in ("github", "shopify"):
        headers = webhooks.sign(provider, SECRET, BODY, TS)
        webhooks.verify(provider, SECRET, headers, BODY, now=0)


def test_the_clock_is_read_when_now_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    headers = webhooks.sign("slack", SECRET, BODY, TS)
    monkeypatch.setattr(time, "time", lambda: TS + 299.0)
    webhooks.verify("slack", SECRET, headers, BODY)
    monkeypatch.setattr(time, "time", lambda: TS + 301.0)
    with pytest.raises(TimestampOutOfWindow):
        webhooks.verify("slack", SECRET, headers, BODY)


@pytest.mark.parametrize(
    "provider, drop, header",
    [
        ("github", "X-Hub-Signature-256", "X-Hub-Signature-256"),
        ("slack", "X-Slack-Signature", "X-Slack-Signature"),
        ("slack", "X-Slack-Request-Timestamp", "X-Slack-Request-Timestamp"),
        ("stripe", "Stripe-Signature", "Stripe-Signature"),
        ("shopify", "X-Shopify-Hmac-SHA256", "X-Shopify-Hmac-SHA256"),
    ],
)
def test_missing_header_names_it(provider: str, drop: str, header: str) -> None:
    headers = {n: v for n, v in webhooks.sign(provider, SECRET, BODY, TS).items() if n != drop}
    err = refused(provider, headers)
    assert type(err) is MissingHeader and isinstance(err, sigmint.MissingHeaderError)
    assert err.header == header and str(err).endswith(f": {header}")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is MissingHeader and again.header == header and str(again) == str(err)


SLACK = webhooks.sign("slack", SECRET, BODY, TS)
STRIPE_V1 = webhooks.sign("stripe", SECRET, BODY, TS)["Stripe-Signature"].split(",")[1]


@pytest.mark.parametrize(
    "provider, headers, header",
    [
        ("github", {"X-Hub-Signature-256": "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"}, "X-Hub-Signature-256"),
        ("github", {"X-Hub-Signature-256": "sha256=xyz"}, "X-Hub-Signature-256"),
        ("github", {"X-Hub-Signature-256": "sha1=" + "0" * 40}, "X-Hub-Signature-256"),
        ("github", [("X-Hub-Signature-256", "sha256=" + "0" * 64)] * 2, "X-Hub-Signature-256"),
        ("slack", {**SLACK, "X-Slack-Signature": SLACK["X-Slack-Signature"][3:]}, "X-Slack-Signature"),
        ("slack", {**SLACK, "X-Slack-Signature": "v0=" + "0" * 63}, "X-Slack-Signature"),
        ("slack", {**SLACK, "X-Slack-Request-Timestamp": "1e9"}, "X-Slack-Request-Timestamp"),
        ("slack", {**SLACK, "X-Slack-Request-Timestamp": "-1"}, "X-Slack-Request-Timestamp"),
        ("slack", {**SLACK, "X-Slack-Request-Timestamp": "9" * 30}, "X-Slack-Request-Timestamp"),
        ("stripe", {"Stripe-Signature": STRIPE_V1}, "Stripe-Signature"),
        ("stripe", {"Stripe-Signature": f"t={TS}"}, "Stripe-Signature"),
        ("stripe", {"Stripe-Signature": f"t={TS},t={TS},{STRIPE_V1}"}, "Stripe-Signature"),
        ("stripe", {"Stripe-Signature": f"t={TS},{STRIPE_V1},garbage"}, "Stripe-Signature"),
        ("stripe", {"Stripe-Signature": f"t=now,{STRIPE_V1}"}, "Stripe-Signature"),
        ("shopify", {"X-Shopify-Hmac-SHA256": "not base64!"}, "X-Shopify-Hmac-SHA256"),
        ("shopify", {"X-Shopify-Hmac-SHA256": base64.b64encode(b"x" * 31).decode()}, "X-Shopify-Hmac-SHA256"),
    ],
)
def test_malformed_header_names_it(provider: str, headers: Any, header: str) -> None:
    err = refused(provider, headers)
    assert type(err) is MalformedHeader and isinstance(err, sigmint.MalformedHeaderError)
    assert err.header == header and str(err).endswith(f": {header}")


def test_stripe_several_signatures_and_schemes() -> None:
    mine = webhooks.sign("stripe", SECRET, BODY, TS)["Stripe-Signature"]
    theirs = webhooks.sign("stripe", "whsec_other", BODY, TS)["Stripe-Signature"].split(",")[1]
    for value in [
        f"{mine},{theirs}",
        f"t={TS},{theirs},{mine.split(',')[1]}",
        f"t={TS}, v0=abc , {mine.split(',')[1]} ,v1=short",
        f"{mine},scheme=whatever",
    ]:
        webhooks.verify("stripe", SECRET, {"Stripe-Signature": value}, BODY, now=TS)
    result = webhooks.verified("stripe", ["whsec_none", "whsec_other"], {"Stripe-Signature": f"{mine},{theirs}"}, BODY, now=TS)
    assert result.key_index == 1


def test_rotated_secrets() -> None:
    headers = webhooks.sign("github", "new", BODY, TS)
    for secrets in (["old", "new"], ("old", "new"), iter(["old", b"new"]), [b"old", bytearray(b"new")]):
        assert webhooks.verified("github", secrets, headers, BODY).key_index == 1
    assert webhooks.verified("github", ["new", "new"], headers, BODY).key_index == 0
    assert webhooks.verified("github", b"new", headers, BODY).key_index == 0


# --- the caller's mistakes are not refusals ---------------------------------------------------


def test_usage_errors() -> None:
    headers = webhooks.sign("github", SECRET, BODY, TS)
    with pytest.raises(sigmint.UnknownSchemeError):
        webhooks.verify("GitHub", SECRET, headers, BODY)
    with pytest.raises(sigmint.UnknownSchemeError):
        webhooks.sign("coinbase", SECRET, BODY)
    for secrets in ([], "", [b""], ["ok", ""]):
        with pytest.raises(sigmint.EmptyKeyError):
            webhooks.verify("github", secrets, headers, BODY)
    with pytest.raises(TypeError, match="raw body"):
        webhooks.verify("github", SECRET, headers, BODY.decode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="raw body"):
        webhooks.sign("github", SECRET, BODY.decode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="secrets"):
        webhooks.verify("github", 5, headers, BODY)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="secret must be str or bytes"):
        webhooks.verify("github", [5], headers, BODY)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="ReplayGuard"):
        webhooks.verify("github", SECRET, headers, BODY, replay=set())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tolerance must not be negative"):
        webhooks.verify("slack", SECRET, SLACK, BODY, tolerance=-1)
    with pytest.raises(TypeError, match="tolerance must be"):
        webhooks.verify("slack", SECRET, SLACK, BODY, tolerance="300")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="now must be"):
        webhooks.verify("slack", SECRET, SLACK, BODY, now="1765454073")  # type: ignore[arg-type]
    for err in (sigmint.UnknownSchemeError, sigmint.EmptyKeyError):
        assert not issubclass(err, WebhookError)


def test_keyword_only_options() -> None:
    with pytest.raises(TypeError):
        webhooks.verify("github", SECRET, {}, BODY, TS)  # type: ignore[misc]


# --- replays ----------------------------------------------------------------------------------


def test_replay_guard_basics() -> None:
    guard = ReplayGuard(capacity=8)
    assert (guard.capacity, len(guard), guard.floor) == (8, 0, None)
    assert repr(guard) == "ReplayGuard(capacity=8) <0 remembered>"
    for provider in webhooks.PROVIDERS:
        own = ReplayGuard(capacity=8)
        headers = webhooks.sign(provider, SECRET, BODY, TS)
        webhooks.verify(provider, SECRET, headers, BODY, now=TS, replay=own)
        assert type(refused(provider, headers, replay=own)) is Replayed
        if provider != "shopify":
            webhooks.verify(provider, SECRET, headers, BODY, now=TS, replay=guard)
    assert len(guard) == 3
    # Requests are told apart by their tag: GitHub's and Shopify's of one body under one
    # secret are the same MAC, so keep a guard per endpoint (core's advice).
    with pytest.raises(Replayed):
        webhooks.verify("shopify", SECRET, webhooks.sign("shopify", SECRET, BODY), BODY, replay=guard)
    assert len(guard) == 3
    # A refused request is not remembered; a new timestamp is a new request.
    refused("slack", SLACK, secrets="wrong", replay=guard)
    assert len(guard) == 3
    webhooks.verify("slack", SECRET, webhooks.sign("slack", SECRET, BODY, TS + 1), BODY, now=TS, replay=guard)
    assert len(guard) == 4
    # GitHub and Shopify sign no timestamp: the same body under one secret is the same request.
    with pytest.raises(Replayed):
        webhooks.verify("github", SECRET, webhooks.sign("github", SECRET, BODY, TS + 99), BODY, now=TS, replay=guard)


def test_replay_guard_fails_closed_when_full() -> None:
    guard = ReplayGuard(capacity=2)
    sent = [webhooks.sign("stripe", SECRET, BODY, TS + i) for i in range(3)]
    for headers in sent:
        webhooks.verify("stripe", SECRET, headers, BODY, now=TS + 2, replay=guard)
    # The oldest was forgotten within the window: it, and anything signed no later, is
    # refused rather than accepted twice.
    assert guard.floor == TS and len(guard) == 2
    with pytest.raises(Replayed):
        webhooks.verify("stripe", SECRET, sent[0], BODY, now=TS + 2, replay=guard)
    with pytest.raises(Replayed):
        webhooks.verify("stripe", SECRET, webhooks.sign("stripe", SECRET, b"{}", TS), b"{}", now=TS + 2, replay=guard)
    # Past the window, slots are reused.
    later = webhooks.sign("stripe", SECRET, BODY, TS + 1000)
    webhooks.verify("stripe", SECRET, later, BODY, now=TS + 1000, replay=guard)


@pytest.mark.parametrize("capacity, error", [(0, ValueError), (-1, ValueError), (True, TypeError), (1.5, TypeError), ("8", TypeError), (2**80, ValueError)])
def test_replay_guard_capacity(capacity: Any, error: type) -> None:
    with pytest.raises(error):
        ReplayGuard(capacity)


def test_replay_guard_huge_capacity_is_a_memory_error() -> None:
    with pytest.raises(MemoryError):
        ReplayGuard(2**62)


def test_replay_guard_between_threads() -> None:
    guard = ReplayGuard()
    requests = [webhooks.sign("slack", SECRET, BODY, TS + i) for i in range(50)]
    outcomes: List[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        for headers in requests:
            try:
                webhooks.verify("slack", SECRET, headers, BODY, now=TS, replay=guard)
                outcome = "ok"
            except Replayed:
                outcome = "replayed"
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 50 and outcomes.count("replayed") == 7 * 50
    assert len(guard) == 50


def test_replay_guard_is_not_copied_by_pickle() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(ReplayGuard())


# --- the shared vectors and the module's examples --------------------------------------------


def test_vectors_verify() -> None:
    cases = [c for c in load_vectors("schemes.json")["cases"] if "headers" in c and c["provider"] in webhooks.PROVIDERS]
    assert len(cases) >= 7
    for case in cases:
        body = case["body"].encode("utf-8")
        now = case.get("timestamp") or 0
        webhooks.verify(case["provider"], case["secret"], case["headers"], body, now=now)
        if case["provider"] != "stripe":  # Stripe's header holds only what sign writes, too
            assert webhooks.sign(case["provider"], case["secret"], body, now) == case["headers"]
        with pytest.raises(SignatureMismatch):
            webhooks.verify(case["provider"], case["secret"] + "x", case["headers"], body, now=now)


def test_doctests() -> None:
    result = doctest.testmod(webhooks, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 4

#!/usr/bin/env python3
"""Writes tests/vectors/schemes.json: the providers' published examples (copied from
../shared/vectors/schemes.json, unchanged) and cases derived here, each with the provider's
documented rule it follows. Derived signatures are computed with the standard library only
(hmac, hashlib, base64), so no sigmint code decides a case.
Run: python3 tests/vectors/gen/schemes.py"""

import base64
import hashlib
import hmac
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
SHARED = HERE.parents[2].parent / "shared" / "vectors" / "schemes.json"
OUT = HERE.parent / "schemes.json"

RULES = {
    "fonbnk": "x-signature: base64 of HMAC-SHA256(base64-decode(client secret), timestamp_ms + ':' + endpoint)",
    "coinbase": "CB-ACCESS-SIGN: base64 of HMAC-SHA256(base64-decode(secret), timestamp + METHOD + requestPath + body)",
    "binance": "signature parameter: hex of HMAC-SHA256(secret, query string + request body)",
    "github": "X-Hub-Signature-256: 'sha256=' + lower-case hex of HMAC-SHA256(secret, raw body)",
    "slack": "X-Slack-Signature: 'v0=' + hex of HMAC-SHA256(signing secret, 'v0:' + X-Slack-Request-Timestamp + ':' + raw body); requests older than 5 minutes are refused",
    "stripe": "Stripe-Signature: 't=' + timestamp + ',v1=' + hex of HMAC-SHA256(endpoint secret, timestamp + '.' + raw body); several v1 entries while secrets roll; 5-minute tolerance",
    "shopify": "X-Shopify-Hmac-SHA256: base64 of HMAC-SHA256(app client secret, raw body)",
}


def tag(key: bytes, message: bytes) -> bytes:
    return hmac.new(key, message, hashlib.sha256).digest()


def derived(provider, secret, body, timestamp=None, method=None, path=None, query=None, note=""):
    """A case: the parts, the string to sign and the signature the provider's rule gives."""
    ts = None if timestamp is None else str(timestamp)
    b = body.encode()
    if provider == "fonbnk":
        message, key = f"{ts}:{path}".encode(), base64.b64decode(secret)
        signature = base64.b64encode(tag(key, message)).decode()
    elif provider == "coinbase":
        message, key = f"{ts}{method}{path}".encode() + b, base64.b64decode(secret)
        signature = base64.b64encode(tag(key, message)).decode()
    elif provider == "binance":
        message = query.encode() + b
        signature = tag(secret.encode(), message).hex()
    elif provider == "github":
        message = b
        signature = "sha256=" + tag(secret.encode(), message).hex()
    elif provider == "slack":
        message = f"v0:{ts}:".encode() + b
        signature = "v0=" + tag(secret.encode(), message).hex()
    elif provider == "stripe":
        message = f"{ts}.".encode() + b
        signature = tag(secret.encode(), message).hex()
    elif provider == "shopify":
        message = b
        signature = base64.b64encode(tag(secret.encode(), message)).decode()
    else:
        raise ValueError(provider)
    parts = {k: v for k, v in {"timestamp": ts, "method": method, "path": path, "query": query}.items() if v is not None}
    headers = {
        "github": lambda: {"X-Hub-Signature-256": signature},
        "slack": lambda: {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature},
        "stripe": lambda: {"Stripe-Signature": f"t={ts},v1={signature}"},
        "shopify": lambda: {"X-Shopify-Hmac-SHA256": signature},
    }.get(provider)
    case = {
        "provider": provider,
        "rule": RULES[provider],
        "derived": True,
        "secret": secret,
        "body": body,
        "parts": parts,
        "stringToSign": message.decode(),
        "signature": signature,
    }
    if ts is not None:
        case["timestamp"] = int(ts.split(".")[0])
    if headers:
        case["headers"] = headers()
    if note:
        case["note"] = note
    return case


def main():
    shared = json.loads(SHARED.read_text())
    published = [dict(c, derived=False) for c in shared["cases"]]
    cases = [
        derived("fonbnk", "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=", "", 1697040000000,
                path="/api/v2/user/tokens", note="the body is not signed"),
        derived("fonbnk", "bXktY2xpZW50LXNlY3JldA==", "", 1765454073000,
                path="/api/v2/orders?status=pending&limit=5"),
        derived("coinbase", base64.b64encode(b"coinbase-api-secret-bytes").decode(), '{"size":"1.0","side":"buy"}',
                "1700000000", method="POST", path="/orders"),
        derived("coinbase", base64.b64encode(b"coinbase-api-secret-bytes").decode(), "", "1700000000.123",
                method="GET", path="/accounts?limit=5", note="a fractional timestamp, signed as sent; no body"),
        derived("binance", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", "",
                query="symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
                note="Binance's documented key and query string (its example signature is c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71)"),
        derived("binance", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
                "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
                query="symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
                note="Binance's documented mixed example: query then body, no separator (its signature is 0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77)"),
        derived("github", "It's a Secret to Everybody", '{"action":"opened","number":1}'),
        derived("slack", "8f742231b10e8888abcd99yyyzzz85a5", '{"type":"url_verification","challenge":"x"}', 1531420618),
        derived("stripe", "whsec_test_secret", '{"id":"evt_1","object":"event"}', 1492774577,
                note="the secret is used as given, whsec_ prefix included"),
        derived("shopify", "hush", '{"id":820982911946154508,"email":"jon@doe.ca"}'),
        derived("shopify", "hush", "", note="an empty body"),
    ]
    doc = {
        "note": "HMAC-SHA256 signing schemes: the providers' published examples (derived: false, from "
        "../shared/vectors/schemes.json, values exactly as documented) and cases derived from each "
        "provider's documented rule with Python's hmac (derived: true). secret and body are UTF-8 "
        "text (Fonbnk's and Coinbase's secrets are base64). parts holds what the scheme's template "
        "signs besides the body; stringToSign and signature are what the rule gives.",
        "cases": published + cases,
    }
    OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

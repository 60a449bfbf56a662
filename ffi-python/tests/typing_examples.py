"""The README's Python examples (README.md's Python section, ffi-python/README.md), typed;
and how docs/python.md's webhook receivers and SchemeAuth are called, against the frameworks'
own types (test_docs_examples.py runs those examples).

Checked by ``mypy --strict`` (``make test-typing``), not run: pytest does not collect this file
(its name does not start with ``test_``), and importing it only defines functions, since the
examples need credentials, a network or a sandbox. Each function's body is the README's code;
what the README leaves undefined (``token``, ``key``, ``client_id``, ...) are its parameters.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Tuple

import httpx
import requests

import sigmint
import sigmint.fonbnk
from sigmint import fonbnk, jws, jwt, mygiro, sandbox, sfox


def readme_signing() -> Dict[str, str]:
    signer = sigmint.fonbnk.Signer("my-client-id", "bXktY2xpZW50LXNlY3JldA==")
    endpoint = sigmint.fonbnk.endpoint("/api/v2/orders", {"status": "pending"})
    headers = signer.headers(endpoint)  # x-client-id, x-timestamp (system clock, ms), x-signature
    return headers


def readme_tokens(token: str, key: str) -> str:
    claims: Dict[str, Any] = jwt.decode(token, key, algorithms=["HS256"], audience="pos", leeway=10)
    claims = jwt.decode(token, key, algorithms=["HS256"], now=1765454133, token_type="access")
    token = jwt.encode({"sub": "user-1", "exp": 1900000000}, key)
    return token


def readme_sandbox() -> None:
    with sandbox.running() as url:  # in-process, on a free port
        with fonbnk.FonbnkClient(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET, url, timeout=5) as client:
            tokens = client.generate_user_tokens("testuser+ng@fonbnk.com", "NG")
            print(tokens.access_expires_at, tokens.needs_refresh(margin=60))
            print(client.kyc_status("testuser+ng@fonbnk.com", "NG").status)  # "initiated"
        with sfox.SfoxClient(sandbox.DEMO_SFOX_API_KEY, url) as sfox_client:
            print(sfox_client.create_user_token("client_1").expires)


def readme_parsers(body: str | bytes) -> None:
    fonbnk.parse_user_tokens(body)
    sfox.parse_user_token(body)
    mygiro.parse_access_token(body)


def python_readme_example() -> None:
    base_url = os.environ["FONBNK_BASE_URL"]  # the sandbox or production API
    signer = fonbnk.Signer(os.environ["FONBNK_CLIENT_ID"], os.environ["FONBNK_CLIENT_SECRET"])

    endpoint = fonbnk.endpoint("/api/v2/order-limits", {"depositCountryIsoCode": "NG", "amount": 10})
    # '/api/v2/order-limits?depositCountryIsoCode=NG&amount=10'

    headers = signer.headers(endpoint)  # system clock; or signer.headers(endpoint, ts_ms)
    headers = signer.headers(endpoint, 1765454073000)
    requests.get(base_url + endpoint, headers=headers)
    httpx.get(base_url + endpoint, headers=headers)

    # or let the request sign itself (path and query exactly as the client sends them):
    requests.post(
        base_url + "/api/v2/user/tokens",
        json={"email": "user@example.com", "countryIsoCode": "NG"},
        auth=fonbnk.Auth(os.environ["FONBNK_CLIENT_ID"], os.environ["FONBNK_CLIENT_SECRET"]),
    )
    httpx.post(
        base_url + "/api/v2/user/tokens",
        json={"email": "user@example.com", "countryIsoCode": "NG"},
        auth=fonbnk.Auth(os.environ["FONBNK_CLIENT_ID"], os.environ["FONBNK_CLIENT_SECRET"]),
    )
    requests.get(base_url, auth=sfox.Auth("api-key"))
    httpx.get(base_url, auth=mygiro.Auth("token", "x-tag"))


def params_of_every_shape() -> List[str]:
    """``Params``: dicts whose values are all str, all int or mixed; int keys; pairs."""
    strings: dict[str, str] = {"depositCountryIsoCode": "NG", "currency": "NGN"}
    numbers: dict[str, int] = {"amount": 10, "limit": 5}
    mixed: dict[str, str | int] = {"depositCountryIsoCode": "NG", "amount": 10}
    int_keys: dict[int, str] = {1: "one"}
    pairs: List[Tuple[str, int]] = [("amount", 10), ("amount", 20)]
    return [
        fonbnk.endpoint("/api/v2/order-limits", {"depositCountryIsoCode": "NG", "amount": 10}),
        fonbnk.endpoint("/api/v2/order-limits", strings),
        fonbnk.endpoint("/api/v2/order-limits", numbers),
        fonbnk.endpoint("/api/v2/order-limits", mixed),
        fonbnk.endpoint("/api/v2/order-limits", int_keys),
        fonbnk.endpoint("/api/v2/order-limits", pairs),
        fonbnk.endpoint("/api/v2/order-limits", (("status", "pending"),)),
        fonbnk.endpoint("/api/v2/order-limits"),
        fonbnk.kyc_submission_json("user@example.com", "doc-1", strings),
        fonbnk.kyc_submission_json("user@example.com", "doc-1", numbers),
    ]


def providers_example(
    client_id: str,
    client_secret: str,
    api_key: str,
    jwt_token: str,
    x_tag: str,
    base_url: str,
    user_id: str,
    account_id: str,
) -> None:
    with fonbnk.FonbnkClient(client_id, client_secret) as client:  # Environment.SANDBOX by default
        tokens = client.generate_user_tokens("user@example.com", "NG")  # POST /api/v2/user/tokens
        access: Tuple[str, int, int] = (tokens.access_token, tokens.access_expires_at, tokens.refresh_expires_at)
        refresh: bool = tokens.needs_refresh(margin=60)
        refresh = tokens.needs_refresh(1765454073, 60)
        state = client.kyc_status("user@example.com", "NG")
        doc = state.documents[0]  # .id, .type, .title, .value, .required_fields (dict)
        fields: Dict[str, Any] = doc.required_fields
        submitted: bool = client.kyc_submit("user@example.com", doc.id, {"first_name": "Ada"})

    with sfox.SfoxClient(api_key) as sfox_client:  # sFOX: mint a token per session, never store it
        token = sfox_client.create_user_token("client_1")
        expires_at_ms: int = token.expires_at_ms
    with mygiro.MygiroClient(jwt_token, x_tag, base_url) as mygiro_client:
        giro = mygiro_client.generate_access_token(user_id, account_id)
        reset: str | None = giro.reset_token
        created_at_ms: int = giro.created_at_ms
    del access, refresh, fields, submitted, expires_at_ms, reset, created_at_ms


async def async_clients(client_id: str, client_secret: str, api_key: str) -> bool:
    async with fonbnk.AsyncFonbnkClient(client_id, client_secret, fonbnk.Environment.SANDBOX) as client:
        tokens = await client.generate_user_tokens("user@example.com", "NG")
    async with sfox.AsyncSfoxClient(api_key, timeout=httpx.Timeout(5.0)) as sfox_client:
        await sfox_client.create_user_token("client_1")
    return tokens.expired()


def provider_error(client: fonbnk.FonbnkClient) -> str | None:
    try:
        client.generate_user_tokens("user@example.com", "NG")
    except sigmint.ProviderError as err:
        return err.message
    return None


def verify_inbound(signer: fonbnk.Signer, endpoint: str, ts: int, signature: str) -> None:
    fonbnk.check_timestamp(ts)
    signer.verify(endpoint, ts, signature)


def jwt_example(exp: int, key: str) -> bytes:
    token = jwt.encode({"sub": "user-1", "exp": exp}, key)  # same bytes as PyJWT's
    claims = jwt.decode(token, key, algorithms=["HS256"], audience="pos")
    header: Dict[str, Any] = jwt.get_unverified_header(token)  # {'alg': 'HS256', 'typ': 'JWT'}

    try:
        jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp", "uid"]})
    except jwt.ExpiredSignatureError:  # PyJWT's names: InvalidTokenError > DecodeError > ...
        ...
    except jwt.MissingRequiredClaimError as err:
        print(err.claim)

    del claims, header
    return jws.decode(token, key, algorithms=["HS256"])  # the payload bytes (any payload, not only JSON)


def hmac_example() -> bool:
    tag: bytes = sigmint.hmac_sha256(b"key", b"The quick brown fox jumps over the lazy dog")
    return sigmint.hmac_sha256_verify(b"key", b"The quick brown fox jumps over the lazy dog", tag)


def webhook_receivers(handler: Any, body: bytes) -> int:
    from http.server import BaseHTTPRequestHandler

    from flask import request as flask_request
    from starlette.requests import Request

    from sigmint import webhooks

    async def starlette_view(request: Request) -> None:
        raw = await request.body()
        webhooks.verify("slack", ["new", "old"], request.headers, raw, replay=webhooks.ReplayGuard())
        webhooks.verify("slack", "secret", request.headers.raw, raw, tolerance=600)

    def flask_view() -> None:
        webhooks.verify("stripe", "whsec_...", flask_request.headers, flask_request.get_data())

    def http_server_view(h: BaseHTTPRequestHandler) -> None:
        webhooks.verify("github", b"secret", h.headers, body, now=1765454073.5)

    del starlette_view, flask_view, http_server_view
    signed: Dict[str, str] = webhooks.sign("shopify", "secret", body)
    try:
        result = webhooks.verified("shopify", "secret", list(signed.items()), body)
    except (webhooks.MissingHeader, webhooks.MalformedHeader) as err:
        return len(err.header)
    except webhooks.WebhookError:
        return -1
    return result.key_index


def scheme_auth(secret: str, key: str, passphrase: str) -> str:
    auth = sigmint.SchemeAuth(
        sigmint.Scheme.preset("coinbase"),
        secret,
        signature_header="CB-ACCESS-SIGN",
        timestamp_header="CB-ACCESS-TIMESTAMP",
        headers={"CB-ACCESS-KEY": key, "CB-ACCESS-PASSPHRASE": passphrase},
    )
    requests.get("https://api.exchange.coinbase.com/accounts", auth=auth, timeout=10)
    httpx.get("https://api.exchange.coinbase.com/accounts", auth=auth)
    scheme = sigmint.Scheme("{method}\n{path}\n{body_sha256}", key="hex", encoding="base64url", prefix="v1:")
    shown: bytes = scheme.string_to_sign(method="POST", path="/orders", body=b"{}")
    scheme.verify("00ff", scheme.sign("00ff", method="POST", path="/orders", body=shown), method="POST", path="/orders", body=shown)
    return scheme.sign(b"\x00\xff", timestamp=1, method="GET", path="/", body="text")

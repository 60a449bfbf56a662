"""Helpers shared by the tests: the cross-language vectors and a reference query encoder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Tuple

#: The repository's tests/vectors/, which the Rust and C tests read too.
VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load_vectors(name: str) -> Any:
    with open(VECTORS / name, encoding="utf-8") as f:
        return json.load(f)


FONBNK_CASES = load_vectors("fonbnk_signing.json")
RFC4231_CASES = load_vectors("rfc4231.json")["cases"]

# WHATWG URL Standard, "application/x-www-form-urlencoded serializing": each name and value
# is UTF-8 encoded; 0x2A (*), 0x2D (-), 0x2E (.), 0x30-0x39, 0x41-0x5A, 0x5F (_), 0x61-0x7A
# are kept, 0x20 (space) becomes "+", and every other byte becomes "%XX" (upper-case hex).
# Pairs are joined by "&", with "=" between name and value.
_KEPT = frozenset(b"*-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def form_urlencode_component(text: str) -> str:
    out = []
    for byte in text.encode("utf-8"):
        if byte in _KEPT:
            out.append(chr(byte))
        elif byte == 0x20:
            out.append("+")
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def form_urlencode(pairs: Iterable[Tuple[str, str]]) -> str:
    return "&".join(
        f"{form_urlencode_component(name)}={form_urlencode_component(value)}"
        for name, value in pairs
    )


# A JWS minted independently of sigmint (hmac + base64), for tokens sigmint must refuse.
def b64url(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mint(header, payload, key: bytes, *, sign_text: "str | None" = None) -> str:
    """An HS256-signed compact JWS of `header` and `payload` (dicts are written with json.dumps,
    bytes and str taken as is); `sign_text` replaces the signing input's header.payload text."""
    import hashlib
    import hmac

    def segment(part) -> str:
        if isinstance(part, dict):
            part = json.dumps(part, separators=(",", ":")).encode()
        if isinstance(part, str):
            part = part.encode()
        return b64url(part)

    text = sign_text if sign_text is not None else f"{segment(header)}.{segment(payload)}"
    tag = hmac.new(key, text.encode(), hashlib.sha256).digest()
    return f"{text}.{b64url(tag)}"

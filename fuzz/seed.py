#!/usr/bin/env python3
"""Seeds each fuzz target's corpus (fuzz/corpus/TARGET/, not committed) from the shared vectors
in tests/vectors: every string in them goes to the targets whose input it looks like (tokens,
JSON texts, dates, secrets), and the decoded parts of every token to the minting and
validating targets; and from schemes.json, each scheme case as a scheme_template input (its preset, and
its template written out) and each webhook case as webhook_headers requests (the published headers, and
ones webhooks::sign makes in the target, rotated, mixed-case, padded, listed among others, late), in the
byte layouts the two targets' docs give. Run from anywhere: python3 fuzz/seed.py"""

import base64
import hashlib
import json
import pathlib
import re
import struct

ROOT = pathlib.Path(__file__).resolve().parent
VECTORS = ROOT.parent / "tests" / "vectors"


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def unb64url(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return text.lstrip()[:1] in ("{", "[")


seeds = {name: set() for name in [
    "jwt_decode", "jwt_mint", "json_reader", "provider_responses", "rfc3339", "base64_secret",
    "scheme_template", "webhook_headers",
]}
for path in sorted(VECTORS.glob("*.json")):
    for text in strings(json.loads(path.read_text())):
        data = text.encode()
        if re.fullmatch(r"[\w-]+\.[\w-]*\.[\w-]*", text):
            seeds["jwt_decode"].add(data)
            header, payload = text.split(".")[:2]
            try:
                for part in (unb64url(header), unb64url(payload)):
                    seeds["json_reader"].add(part)
                    seeds["jwt_mint"].add(part)
            except ValueError:
                pass
        if is_json(text):
            seeds["json_reader"].add(data)
            seeds["provider_responses"].add(data)
            seeds["jwt_mint"].add(data)
        if re.match(r"\d{4}-\d\d-\d\dT", text):
            seeds["rfc3339"].add(data)
        if re.fullmatch(r"[A-Za-z0-9+/_-]{8,}={0,2}", text) and len(text) % 4 in (0, 2, 3):
            seeds["base64_secret"].add(data)

# scheme_template: each case's scheme as (template, secret encoding, tag encoding, prefix), in
# Preset::ALL's order; encodings as the target's flags number them.
PRESETS = {
    "fonbnk": ("{timestamp}:{path}", 1, 0, ""),
    "coinbase": ("{timestamp}{method}{path}{body}", 1, 0, ""),
    "binance": ("{query}{body}", 0, 2, ""),
    "github": ("{body}", 0, 2, "sha256="),
    "slack": ("v0:{timestamp}:{body}", 0, 2, "v0="),
    "stripe": ("{timestamp}.{body}", 0, 2, ""),
    "shopify": ("{body}", 0, 0, ""),
}
PART_NAMES = ["timestamp", "method", "path", "query"]
# Other templates over every part, and ones a scheme must refuse.
TEMPLATES = [
    "{method}\n{path}\n{query}\n{timestamp}\n{body_sha256}",
    "{{literal}} {timestamp}.{body}",
    "POST&{path}&{body_sha256}",
    "{timestamp", "}", "{time}", "a{b{c}", "{}", "{{", "x}}y{body}}",
]


def scheme_input(flags, preset, template, prefix, secret, parts, body,
                 tamper=(0, 0), slack=0):
    given = sum(1 << i for i, name in enumerate(PART_NAMES) if name in parts)
    head = bytes([flags, preset, tamper[0], tamper[1], given, slack & 0xFF])
    fields = [template.encode(), prefix.encode(), secret]
    fields += [parts.get(name, "").encode() for name in PART_NAMES]
    return head + b"\0".join(fields + [body])


# webhook_headers: Provider::ALL's order.
PROVIDERS = ["github", "slack", "stripe", "shopify"]


def webhook_input(provider, now, lines, body, style=0, tolerance=300):
    head = bytes([PROVIDERS.index(provider), style]) + struct.pack("<qQ", now, tolerance)
    return head + b"".join(line + b"\n" for line in lines) + b"B\n" + body


schemes = json.loads((VECTORS / "schemes.json").read_text())
for case in schemes["cases"]:
    provider = case["provider"]
    if provider not in PRESETS:
        continue
    template, secret_encoding, tag_encoding, prefix = PRESETS[provider]
    secret = case["secret"].encode()
    if secret_encoding == 1:
        secret = base64.b64decode(secret)
    body = case["body"].encode()
    parts = dict(case.get("parts", {}))
    if "{timestamp}" in template and "timestamp" not in parts and "timestamp" in case:
        parts["timestamp"] = str(case["timestamp"])
    index = list(PRESETS).index(provider)
    flags = secret_encoding | tag_encoding << 2
    found = seeds["scheme_template"]
    found.add(scheme_input(0x10, index, "", "", secret, parts, body))
    found.add(scheme_input(flags, index, template, prefix, secret, parts, body))
    found.add(scheme_input(flags, index, template, prefix, secret, parts, body, (3, 1), -1))
    for i, other in enumerate(TEMPLATES):
        full = dict(parts, method="POST", path="/orders?limit=5", query="limit=5",
                    timestamp=parts.get("timestamp", "1700000000"))
        found.add(scheme_input(i % 16, index, other, prefix, secret, full, body))
    if provider in ("github", "slack", "stripe", "shopify") and "headers" in case:
        at = case.get("timestamp", 1_531_420_618)
        secret = case["secret"].encode()
        found = seeds["webhook_headers"]
        published = [b"H" + f"{n}:{v}".encode() for n, v in case["headers"].items()]
        found.add(webhook_input(provider, at, [b"K" + secret] + published, body))
        # Mixed case, a duplicate, a late clock, the wrong key.
        found.add(webhook_input(provider, at, [b"K" + secret] + [
            b"H" + f"{n.lower()}: {v} ".encode() for n, v in case["headers"].items()], body))
        found.add(webhook_input(provider, at, [b"K" + secret] + published + published[-1:], body))
        found.add(webhook_input(provider, at + 301, [b"K" + secret] + published, body))
        found.add(webhook_input(provider, at, [b"Kother"] + published, body))
        # Signed in the target: rotated keys, styles of names and values, around others.
        sign = f"S1|{at}||".encode()
        for style in range(8):
            found.add(webhook_input(provider, at, [b"Kold", b"K" + secret, sign], body, style))
        found.add(webhook_input(provider, at + 299, [b"K" + secret, b"S0|" + str(at).encode() +
                                b"|v0=abc, |,v1=" + b"0" * 64, b"Hcontent-type:text/plain"], body))
        found.add(webhook_input(provider, at, [b"K" + secret, b"Kold", b"S1|" + str(at).encode() +
                                b"||,v1=" + b"ab" * 32, b"S0|" + str(at).encode() + b"||"], body))

for target, found in seeds.items():
    out = ROOT / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    for data in found:
        (out / ("seed-" + hashlib.sha1(data).hexdigest())).write_bytes(data)
    print(f"{target}: {len(found)} seeds")

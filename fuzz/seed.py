#!/usr/bin/env python3
"""Seeds each fuzz target's corpus (fuzz/corpus/TARGET/, not committed) from the shared vectors
in tests/vectors: every string in them goes to the targets whose input it looks like (tokens,
JSON texts, dates, secrets), and the decoded parts of every token to the minting and
validating targets. Run from anywhere: python3 fuzz/seed.py"""

import base64
import hashlib
import json
import pathlib
import re

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

for target, found in seeds.items():
    out = ROOT / "corpus" / target
    out.mkdir(parents=True, exist_ok=True)
    for data in found:
        (out / ("seed-" + hashlib.sha1(data).hexdigest())).write_bytes(data)
    print(f"{target}: {len(found)} seeds")

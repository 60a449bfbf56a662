"""Every case of the shared vectors: tests/vectors/fonbnk_signing.json and rfc4231.json."""

from __future__ import annotations

import hashlib
import hmac

import pytest

import sigmint
from sigmint import fonbnk

from _support import FONBNK_CASES, RFC4231_CASES

CLIENT_ID = "vector-client-id"


def test_vectors_are_there() -> None:
    assert len(FONBNK_CASES) >= 9
    assert len(RFC4231_CASES) == 7


@pytest.mark.parametrize("case", FONBNK_CASES, ids=[c["name"] for c in FONBNK_CASES])
class TestFonbnkVectors:
    def test_endpoint(self, case: dict) -> None:
        params = case["params"]
        assert fonbnk.endpoint(case["path"], params) == case["endpoint"]
        # The same pairs as tuples, and (when names are unique) as a dict.
        if params is not None:
            pairs = [tuple(p) for p in params]
            assert fonbnk.endpoint(case["path"], pairs) == case["endpoint"]
            assert fonbnk.endpoint(case["path"], iter(pairs)) == case["endpoint"]
            if len({name for name, _ in pairs}) == len(pairs):
                assert fonbnk.endpoint(case["path"], dict(pairs)) == case["endpoint"]

    def test_string_to_sign(self, case: dict) -> None:
        ts = int(case["timestamp"])
        assert fonbnk.string_to_sign(case["endpoint"], ts) == case["stringToSign"]

    def test_signature(self, case: dict) -> None:
        signer = fonbnk.Signer(CLIENT_ID, case["clientSecret"])
        assert signer.sign(case["endpoint"], int(case["timestamp"])) == case["signature"]

    def test_headers(self, case: dict) -> None:
        signer = fonbnk.Signer(CLIENT_ID, case["clientSecret"])
        headers = signer.headers(case["endpoint"], int(case["timestamp"]))
        assert headers == {
            "x-client-id": CLIENT_ID,
            "x-timestamp": case["timestamp"],
            "x-signature": case["signature"],
        }
        assert list(headers) == ["x-client-id", "x-timestamp", "x-signature"]

    def test_url_safe_unpadded_secret_is_the_same_key(self, case: dict) -> None:
        secret = case["clientSecret"].replace("+", "-").replace("/", "_").rstrip("=")
        signer = fonbnk.Signer(CLIENT_ID, secret)
        assert signer.sign(case["endpoint"], int(case["timestamp"])) == case["signature"]


@pytest.mark.parametrize("case", RFC4231_CASES, ids=[c["name"] for c in RFC4231_CASES])
def test_rfc4231(case: dict) -> None:
    key = bytes.fromhex(case["key_hex"])
    data = bytes.fromhex(case["data_hex"])
    tag = bytes.fromhex(case["tag_hex"])
    assert sigmint.hmac_sha256(key, data) == tag
    assert sigmint.hmac_sha256_verify(key, data, tag) is True
    # Cross-check against the standard library, too.
    assert hmac.new(key, data, hashlib.sha256).digest() == tag
    if "truncated_tag_hex" in case:
        truncated = bytes.fromhex(case["truncated_tag_hex"])
        assert tag.startswith(truncated)
        # Only a full 32-byte tag can match: the RFC's 128-bit truncation is refused.
        assert sigmint.hmac_sha256_verify(key, data, truncated) is False

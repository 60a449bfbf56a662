"""Property tests: the query writer against the WHATWG serializer, signatures against hmac."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sigmint
from sigmint import fonbnk

from _support import FONBNK_CASES, form_urlencode, form_urlencode_component

property_test = settings(max_examples=300, deadline=None)

# Arbitrary Unicode text, minus lone surrogates (which have no UTF-8 form).
any_text = st.text(st.characters(exclude_categories=("Cs",)))
# Paths a client could send as-is: '/' and visible ASCII, no '?' or '#'.
paths = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="?#"), max_size=40
).map(lambda rest: "/" + rest)
pairs = st.lists(st.tuples(any_text, any_text), max_size=8)


def test_oracle_matches_the_vectors() -> None:
    for case in FONBNK_CASES:
        if case["params"]:
            query = form_urlencode(tuple(p) for p in case["params"])
            assert case["path"] + "?" + query == case["endpoint"]
    assert form_urlencode_component(" ~*-._é") == "+%7E*-._%C3%A9"


@property_test
@given(paths, pairs)
def test_endpoint_is_the_whatwg_serialization(path: str, params: list) -> None:
    expected = path + ("?" + form_urlencode(params) if params else "")
    assert fonbnk.endpoint(path, params) == expected


@property_test
@given(paths, st.dictionaries(any_text, st.one_of(any_text, st.integers()), max_size=8))
def test_mapping_equals_its_items(path: str, params: dict) -> None:
    as_pairs = [(name, str(value)) for name, value in params.items()]
    assert fonbnk.endpoint(path, params) == fonbnk.endpoint(path, as_pairs)


@property_test
@given(pairs, st.text(st.characters(categories=("Cs",)), min_size=1))
def test_lone_surrogates_are_refused(params: list, surrogate: str) -> None:
    with pytest.raises(sigmint.InvalidUtf8Error):
        fonbnk.endpoint("/p", params + [("x", "a" + surrogate)])


@property_test
@given(
    secret=st.binary(min_size=1, max_size=200),
    encoder=st.sampled_from([base64.b64encode, base64.urlsafe_b64encode]),
    strip=st.booleans(),
    ts=st.integers(min_value=0, max_value=2**64 - 1),
    path=paths,
    params=pairs,
)
def test_signature_matches_stdlib_hmac(secret, encoder, strip, ts, path, params) -> None:
    encoded = encoder(secret).decode("ascii")
    if strip:
        encoded = encoded.rstrip("=")
    endpoint = fonbnk.endpoint(path, params)
    expected = base64.b64encode(
        hmac.new(secret, f"{ts}:{endpoint}".encode("ascii"), hashlib.sha256).digest()
    ).decode("ascii")
    signer = fonbnk.Signer("client", encoded)
    assert signer.sign(endpoint, ts) == expected
    assert fonbnk.string_to_sign(endpoint, ts) == f"{ts}:{endpoint}"
    assert signer.headers(endpoint, ts) == {
        "x-client-id": "client",
        "x-timestamp": str(ts),
        "x-signature": expected,
    }


@property_test
@given(st.binary(min_size=1, max_size=300), st.binary(max_size=300))
def test_hmac_matches_stdlib(key: bytes, msg: bytes) -> None:
    tag = hmac.new(key, msg, hashlib.sha256).digest()
    assert sigmint.hmac_sha256(key, msg) == tag
    assert sigmint.hmac_sha256_verify(key, msg, tag)
    assert not sigmint.hmac_sha256_verify(key, msg, tag[:-1])

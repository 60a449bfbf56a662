"""Interoperability with PyJWT on randomized claims and headers: tokens minted by either
library decode in the other to equal claims, and sigmint mints PyJWT's exact bytes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sigmint import jwt

from _support import mint

pyjwt = pytest.importorskip("jwt")

property_test = settings(max_examples=200, deadline=None)

# Full Unicode without lone surrogates (which have no UTF-8 form).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
# Registered claims have type rules of their own (tested elsewhere); plain claims are free.
REGISTERED = {"exp", "nbf", "iat", "aud", "iss", "sub", "jti"}
claim_names = texts.filter(lambda name: name not in REGISTERED)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()  # any size: beyond 64 bits too
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(texts, children, max_size=5),
    max_leaves=30,
)
registered = st.fixed_dictionaries(
    {},
    optional={
        "exp": st.integers(min_value=2**32, max_value=2**62),
        "nbf": st.integers(min_value=0, max_value=1_600_000_000),
        "iat": st.integers(min_value=0, max_value=1_600_000_000),
        "iss": texts,
        "sub": texts,
        "jti": texts,
    },
)
claim_sets = st.builds(lambda reg, rest: {**rest, **reg}, registered, st.dictionaries(claim_names, values, max_size=8))
# At least 32 bytes, so that PyJWT does not warn about the key length.
keys = st.binary(min_size=32, max_size=80) | st.text(
    st.characters(exclude_categories=("Cs",)), min_size=32, max_size=40
).filter(lambda k: not k.startswith(("ssh-", "ecdsa-")) and "-----" not in k)
extra_headers = st.dictionaries(
    texts.filter(lambda name: name not in {"alg", "typ", "crit", "b64", "kid"}), texts | st.integers(), max_size=3
)


def same(a, b) -> bool:
    """Equal, with the same types all the way down (1 == 1.0 == True in Python)."""
    return json.dumps(a, sort_keys=False) == json.dumps(b, sort_keys=False) and a == b


@property_test
@given(claim_sets, keys)
def test_sigmint_mints_pyjwt_bytes_and_pyjwt_reads_them(claims: dict, key) -> None:
    token = jwt.encode(claims, key)
    assert token == pyjwt.encode(claims, key)
    assert same(pyjwt.decode(token, key, algorithms=["HS256"]), claims)


@property_test
@given(claim_sets, keys)
def test_sigmint_reads_pyjwt_tokens(claims: dict, key) -> None:
    token = pyjwt.encode(claims, key)
    decoded = jwt.decode(token, key, algorithms=["HS256"])
    assert same(decoded, claims)
    assert list(decoded) == list(claims)
    assert same(jwt.decode(token, options={"verify_signature": False}), claims)


@property_test
@given(claim_sets, keys, st.one_of(st.none(), texts), extra_headers)
def test_headers_agree(claims: dict, key, kid, extra: dict) -> None:
    headers = {**extra, **({"kid": kid} if kid is not None else {})}
    ours = jwt.encode(claims, key, headers=headers)
    theirs = pyjwt.encode(claims, key, headers=headers)
    assert ours == theirs
    assert jwt.get_unverified_header(ours) == pyjwt.get_unverified_header(ours)
    assert jwt.get_unverified_header(ours) == {"alg": "HS256", "typ": "JWT", **headers}


@property_test
@given(claim_sets, keys, keys)
def test_other_keys_fail_in_both(claims: dict, key, other) -> None:
    if (key.encode() if isinstance(key, str) else key) == (other.encode() if isinstance(other, str) else other):
        return
    token = pyjwt.encode(claims, key)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, other, algorithms=["HS256"])
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(jwt.encode(claims, key), other, algorithms=["HS256"])


@property_test
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=20))
def test_floats_read_as_json_loads_reads_them(floats: list) -> None:
    key = b"k" * 32
    for text in [json.dumps(f) for f in floats] + ["1E400", "-1e-400", "0.1e1", "123456789012345678901234567890.5"]:
        payload = ('{"f":' + text + "}").encode()
        token = mint({"alg": "HS256"}, payload, key)
        decoded = jwt.decode(token, key, algorithms=["HS256"])["f"]
        expected = json.loads(payload)["f"]
        assert type(decoded) is float and (decoded == expected) and str(decoded) == str(expected)


# Characters json.dumps escapes, next to ones it does not, and some beyond ASCII and the BMP.
ESCAPE_EDGES = [chr(c) for c in range(0x80)] + [
    "\x80", "\xff", "\u07ff", "\u0800", "\u2028", "\ufffd", "\uffff", "\U00010000", "\U0001f600",
    "\U0010ffff",
]


def test_every_character_at_every_place_of_a_word_is_written_as_json_dumps_does() -> None:
    # sigmint tests strings eight bytes at a time: put each character at each place of a
    # group, with plain text before and after it.
    key = b"a-32-byte-secret-for-the-tests!!"
    for char in ESCAPE_EDGES:
        for before in range(9):
            for after in (0, 1, 8):
                claims = {"v": "x" * before + char + "y" * after, "k" + char: 1}
                assert jwt.encode(claims, key) == pyjwt.encode(claims, key), (char, before, after)

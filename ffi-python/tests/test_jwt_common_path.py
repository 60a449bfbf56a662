"""sigmint.jwt.decode and encode take the arguments most calls pass through one compiled call
(``_sigmint.jwt_decode_common``, ``jwt_encode_common``) and everything else through their
general Python path (``jwt._decode``, ``jwt._encode``). Both must give the same answer, or
raise the same exception with the same message, for every argument."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List

import pytest

from sigmint import _sigmint, jwt

from _support import load_vectors, mint

KEY = b"a-32-byte-secret-for-the-tests!!"
NOW = 1_700_000_000
HS256 = {"alg": "HS256", "typ": "JWT"}
FONBNK = load_vectors("jwt_hs256.json")["valid"][0]


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return ("ok", call())
    except Exception as err:  # noqa: BLE001 - the exception is the outcome compared
        return ("raised", type(err), str(err))


class Str(str):
    """A str subclass (its comparisons could differ from str's)."""


TOKENS = {
    "plain": mint(HS256, {"sub": "u", "iat": NOW - 10, "exp": NOW + 60}, KEY),
    "aud_iss": mint(HS256, {"aud": ["a", "b"], "iss": "me", "exp": NOW + 60}, KEY),
    "aud_str": mint(HS256, {"aud": "a", "sub": "s"}, KEY),
    "expired": mint(HS256, {"exp": NOW - 1}, KEY),
    "future": mint(HS256, {"nbf": NOW + 100, "iat": NOW + 100}, KEY),
    "typed": mint({"alg": "HS256", "typ": "at+jwt"}, {"type": "access", "uid": "x"}, KEY),
    "other_key": mint(HS256, {"sub": "u"}, b"another key, 32 bytes long......"),
    "rs256": mint({"alg": "RS256", "typ": "JWT"}, {"sub": "u"}, KEY),
    "not_json": "e30.bm90IGpzb24.c2ln",
    "malformed": "abc",
    "fonbnk": FONBNK["token"],
}

DECODE_ARGS: Dict[str, List[Any]] = {
    "token": [*TOKENS, "bytes", "int", "surrogate"],
    "key": [KEY, KEY.decode(), bytearray(KEY), b"", None, 5, b"short",
            "-----BEGIN PUBLIC KEY-----\nMII", b"ssh-rsa AAAA", "\udc80 key"],
    "algorithms": [["HS256"], ("HS256", "RS256"), "HS256", Str("HS256"), ["RS256"], [], None, 5,
                   {"HS256"}, "fresh iterator"],
    "options": [None, {}, {"verify_signature": False}, {"verify_exp": False},
                {"require": ["exp", "iat"]}, {"require": ("sub",)}, {"require": "exp"},
                {"require": [1]}, {"strict_aud": True}, {"enforce_minimum_key_length": True},
                {"verify_aud": 0, "verify_iss": None, "verify_sub": []}],
    "leeway": [0, 5, -1, 1.5, timedelta(seconds=3), True, "1"],
    "audience": [None, "a", "c", ["a"], Str("a"), b"a", ""],
    "issuer": [None, "me", "you", ["me"], 5],
    "now": [NOW, None, NOW + 0.5, datetime.fromtimestamp(NOW, tz=timezone.utc), 2**70, "x"],
    "subject": [None, "u", "s"],
    "typ": [None, "AT+JWT", "JWT", 5],
    "token_type": [None, "access", "refresh"],
}


def token_of(name: str) -> Any:
    if name == "bytes":
        return TOKENS["plain"].encode()
    if name == "int":
        return 123
    if name == "surrogate":
        return TOKENS["plain"] + "\udc80"
    return TOKENS[name]


def decode_both(args: Dict[str, Any]) -> None:
    def positional() -> List[Any]:
        # An iterator is consumed by `in`: each call gets its own.
        algorithms = args["algorithms"]
        if algorithms == "fresh iterator":
            algorithms = iter(["RS256", "HS256"])
        return [token_of(args["token"]), args["key"], algorithms, args["options"],
                args["leeway"], args["audience"], args["issuer"], args["now"]]

    keywords = {"subject": args["subject"], "typ": args["typ"], "token_type": args["token_type"]}
    common = outcome(lambda: jwt.decode(*positional(), **keywords))
    general = outcome(lambda: jwt._decode(
        *positional(), args["subject"], args["typ"], args["token_type"],
        jwt.DEFAULT_MAX_TOKEN_LEN, jwt.DEFAULT_MAX_DEPTH,
    ))
    assert common == general, args


BASE = {name: values[0] for name, values in DECODE_ARGS.items()}


@pytest.mark.parametrize("name", list(DECODE_ARGS))
def test_decode_each_argument_alone(name: str) -> None:
    for value in DECODE_ARGS[name]:
        for token in TOKENS if name != "token" else [BASE["token"]]:
            decode_both({**BASE, "token": token, name: value})


def test_decode_argument_pairs() -> None:
    names = list(DECODE_ARGS)
    for first, second in itertools.combinations(names, 2):
        for a, b in itertools.product(DECODE_ARGS[first], DECODE_ARGS[second]):
            decode_both({**BASE, first: a, second: b})


def test_decode_bytes_key_and_now_are_taken_in_one_call() -> None:
    token = FONBNK["token"]
    key = bytes.fromhex(FONBNK["key_hex"])
    claims = _sigmint.jwt_decode_common(
        token, key, ["HS256"], None, 0, None, None, FONBNK["claims"]["iat"], None, None, None,
        jwt.DEFAULT_MAX_TOKEN_LEN, jwt.DEFAULT_MAX_DEPTH,
    )
    assert claims == FONBNK["claims"]
    # PyJWT's usual calls: the system clock, an options dict, one audience.
    token = mint(HS256, {"aud": ["a", "b"], "iss": "me", "exp": 4_102_444_800}, KEY)
    for options in (None, {"verify_exp": False, "require": ["exp"]}):
        assert _sigmint.jwt_decode_common(
            token, KEY, ["HS256"], options, 0, "a", "me", None, None, None, None,
            jwt.DEFAULT_MAX_TOKEN_LEN, jwt.DEFAULT_MAX_DEPTH,
        ) == jwt._decode(token, KEY, ["HS256"], options, 0, "a", "me", None, None, None, None,
                         jwt.DEFAULT_MAX_TOKEN_LEN, jwt.DEFAULT_MAX_DEPTH)


def test_decode_clock_is_read_when_now_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    token = TOKENS["plain"]
    monkeypatch.setattr(time, "time", lambda: NOW + 61.9)
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt.decode(token, KEY, algorithms=["HS256"])
    monkeypatch.setattr(time, "time", lambda: NOW + 59.9)
    assert jwt.decode(token, KEY, algorithms=["HS256"])["sub"] == "u"


ENCODE_PAYLOADS: List[Any] = [
    {"sub": "u", "exp": NOW},
    FONBNK["claims"],
    {"exp": 1.5, "iat": True, "nbf": None},
    {"exp": datetime.fromtimestamp(NOW, tz=timezone.utc)},
    {"exp": "soon"},
    {"iss": 5},
    {"iss": Str("me")},
    {"é": "\u2603 \U0001f600 \"q\" \\ \n\t\x01\x7f", 1: 2, 2.5: None, None: [1, (2, 3)], True: {}},
    {"big": 2**80, "neg": -(2**63), "min": -(2**63) - 1, "f": 1e16, "g": 1e-7},
    {"nan": float("nan")},
    {"obj": object()},
    {"dup": 1, 1: "dup?"},
    {1: "a", "1": "b"},
    {"lone": "\udc80"},
    {},
    [("not", "a dict")],
    None,
]


def test_encode_matches_the_general_path() -> None:
    keys = [KEY, KEY.decode(), bytearray(KEY), b"", None, 5, "-----BEGIN PUBLIC KEY-----",
            b"ssh-ed25519 AAAA", "\udc80"]
    algorithms = ["HS256", Str("HS256"), None, "HS512", 5]
    headers = [None, {}, {"kid": "k"}, {"typ": None}, {"alg": "HS256"}, []]
    for payload, key, algorithm, header, sort in itertools.product(
        ENCODE_PAYLOADS, keys, algorithms, headers, [True, False]
    ):
        common = outcome(lambda: jwt.encode(payload, key, algorithm, header, sort))
        general = outcome(lambda: jwt._encode(payload, key, algorithm, header, sort))
        assert common == general, (payload, key, algorithm, header, sort)


def test_encode_common_arguments_are_taken_in_one_call() -> None:
    for payload in (FONBNK["claims"], {"sub": "u", "exp": NOW}, {"exp": 1.5, "iss": "me"}):
        for key in (KEY, KEY.decode()):
            token = _sigmint.jwt_encode_common(payload, key, "HS256", None)
            assert token == jwt._encode(payload, key, "HS256", None, True)

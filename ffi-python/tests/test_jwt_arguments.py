"""sigmint.jwt.decode, sigmint.jws.decode and sigmint.jwt.encode hand PyJWT's arguments, as
they get them, to one compiled call (``_sigmint.jwt_decode``, ``jws_decode``, ``jwt_encode``),
the one home of their handling. This checks that handling against PyJWT's rules, written out
below step by step as a reference: for every form of every argument, alone and in pairs,
a call gives what the same call with every argument in its plainest form gives (a ``str`` or
``bytes`` token, a ``bytes`` key, ``["HS256"]``, an options dict of bools, whole seconds, a
list of names), or raises what the rules raise, with the same message, in the same order."""

from __future__ import annotations

import itertools
import math
import time
from calendar import timegm
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional

import pytest

import sigmint
from sigmint import _sigmint, jws, jwt

from _support import load_vectors, mint

KEY = b"a-32-byte-secret-for-the-tests!!"
NOW = 1_700_000_000
HS256 = {"alg": "HS256", "typ": "JWT"}
FONBNK = load_vectors("jwt_hs256.json")["valid"][0]
CORE_MESSAGE = {name: message for _, name, message in _sigmint.ERRORS}


# Short keys (b"short") are PyJWT's InsecureKeyLengthWarning (test_pyjwt_surface tests it);
# this module compares refusals.
pytestmark = pytest.mark.filterwarnings("ignore::sigmint.jwt.InsecureKeyLengthWarning")


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return ("ok", call())
    except Exception as err:  # noqa: BLE001 - the exception is the outcome compared
        return ("raised", type(err), str(err))


class Str(str):
    """A str subclass (its comparisons could differ from str's)."""


# -- the reference: PyJWT's rules for the arguments, in the order they are applied ------------

ALGORITHMS_REQUIRED = (
    'It is required that you pass in a value for the "algorithms" argument when calling decode().'
)
#: A token any acceptable 32-byte-or-longer key fails to verify: for asking core's key policy.
POLICY_TOKEN = mint(HS256, {}, b"the policy token's own key, 32 bytes")
#: A key core accepts, standing in for one that does not convert, to see what fails first.
STAND_IN_KEY = b"a stand-in key of thirty-two b!!"


def utf8_error() -> Exception:
    return sigmint.InvalidUtf8Error(CORE_MESSAGE["invalid_utf8"])


def key_bytes(key: Any) -> Any:
    """The key as bytes, or the exception its conversion raises (when the key is used)."""
    if key is None:
        return TypeError("Expected a string value")  # PyJWT's force_bytes
    if isinstance(key, str):
        try:
            return key.encode("utf-8")
        except UnicodeEncodeError:
            return utf8_error()
    try:
        return bytes(memoryview(key))
    except TypeError:
        return TypeError(
            "key must be a bytes-like object (bytes, bytearray, memoryview), "
            f"not {type(key).__name__}"
        )


def key_policy(key: bytes, enforce_minimum_length: bool) -> None:
    """Core's key policy (asymmetric keys; the minimum length when asked), asked with a plain
    call: raises its refusal, checked before any other argument is read."""
    try:
        jwt.decode(POLICY_TOKEN, key, ["HS256"], {"enforce_minimum_key_length": enforce_minimum_length})
    except (sigmint.InvalidKeyError, sigmint.KeyTooShortError):
        raise
    except sigmint.Error:
        pass


def whole_seconds(value: Any, what: str) -> int:
    if type(value) is int:
        seconds = value
    elif isinstance(value, bool):
        raise TypeError(f"{what} must be a number of seconds, not bool")
    elif isinstance(value, int):
        seconds = int(value)
    else:
        if isinstance(value, timedelta):
            value = value.total_seconds()
        elif isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=timezone.utc)
            value = value.timestamp()
        if not isinstance(value, float):
            kinds = "timedelta" if what == "leeway" else "datetime"
            raise TypeError(
                f"{what} must be an int, a float or a {kinds}, not {type(value).__name__}"
            )
        if not math.isfinite(value):
            raise ValueError(f"{what} must be finite")
        if not -(2**63) <= math.floor(value) < 2**63:
            raise OverflowError(f"{what} is out of range")
        return math.floor(value)
    if not -(2**63) <= seconds < 2**63:
        raise OverflowError("Python int too large to convert to C long")
    return seconds


def names(value: Any, what: str) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    refused = TypeError(f"{what} must be a string, an iterable of strings or None")
    if isinstance(value, (bytes, bytearray)):
        raise refused
    try:
        items = list(iter(value))
    except TypeError:
        raise refused from None
    if not all(isinstance(item, str) for item in items):
        raise refused
    return items


def must_be_str(value: Any, what: str) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{what} must be str, not {type(value).__name__}")


def check_token_type(token: Any) -> None:
    if not isinstance(token, (str, bytes)):
        raise jwt.DecodeError("Invalid token type. Token must be a <class 'bytes'>")


def plain_token(token: Any) -> Any:
    check_token_type(token)
    if isinstance(token, str):
        try:
            token.encode("utf-8")
        except UnicodeEncodeError:
            raise utf8_error() from None
        return str(token)
    return bytes(token)


def option(options: Any, name: str, default: bool) -> bool:
    return default if options is None else bool(options.get(name, default))


def verifying(algorithms: Any, key: Any, enforce: bool) -> tuple:
    """PyJWT's algorithms rule and the key, checked by core's policy: (hs256, key or error)."""
    if not algorithms:
        raise jwt.DecodeError(ALGORITHMS_REQUIRED)
    hs256 = algorithms == "HS256" if isinstance(algorithms, str) else "HS256" in algorithms
    plain_key = key_bytes(key)
    if isinstance(plain_key, bytes):
        key_policy(plain_key, enforce)
    return hs256, plain_key


def reference_decode(
    token: Any, key: Any, algorithms: Any, options: Any, leeway: Any, audience: Any,
    issuer: Any, now: Any, subject: Any, typ: Any, token_type: Any,
) -> Dict[str, Any]:
    """``jwt.decode`` by PyJWT's rules, ending in a call with the plainest arguments."""
    check_token_type(token)
    verify_signature = option(options, "verify_signature", True)
    flags = {
        name: option(options, name, verify_signature)
        for name in ["verify_exp", "verify_nbf", "verify_iat", "verify_aud", "verify_iss", "verify_sub"]
    }
    require = [] if options is None else list(options.get("require") or ())
    strict_aud = option(options, "strict_aud", False)
    enforce = option(options, "enforce_minimum_key_length", False)
    hs256, plain_key = verifying(algorithms, key, enforce) if verify_signature else (False, None)
    now_s = int(time.time()) if now is None else whole_seconds(now, "now")
    leeway_s = whole_seconds(leeway, "leeway")
    if leeway_s < 0:
        raise ValueError("leeway must not be negative")
    audiences: Any = names(audience, "audience")
    if strict_aud and audiences is not None:
        # PyJWT's strict audience is a string; any other matches no token.
        audiences = str(audience) if isinstance(audience, str) else []
    issuers = names(issuer, "issuer")
    for name in require:
        must_be_str(name, "a required claim")
    for value, what in [(subject, "subject"), (typ, "typ"), (token_type, "token_type")]:
        must_be_str(value, what)
    token = plain_token(token)
    if isinstance(plain_key, Exception):
        raise plain_key
    plain_options = {
        "verify_signature": verify_signature, **flags, "require": [str(n) for n in require],
        "strict_aud": strict_aud, "enforce_minimum_key_length": enforce,
    }
    return jwt.decode(
        token, plain_key, (["HS256"] if hs256 else ["RS256"]) if verify_signature else None,
        plain_options, leeway=leeway_s, audience=audiences, issuer=issuers, now=now_s,
        subject=subject, typ=typ, token_type=token_type,
    )


def reference_jws_decode(token: Any, key: Any, algorithms: Any, options: Any) -> bytes:
    """``jws.decode`` by PyJWT's rules: the token is decoded before the key is used."""
    check_token_type(token)
    verify_signature = option(options, "verify_signature", True)
    hs256, plain_key = False, None
    if verify_signature:
        enforce = option(options, "enforce_minimum_key_length", False)
        hs256, plain_key = verifying(algorithms, key, enforce)
    token = plain_token(token)
    if isinstance(plain_key, Exception):
        jws.decode(token, options={"verify_signature": False})
        raise plain_key
    if not verify_signature:
        return jws.decode(token, options={"verify_signature": False})
    return jws.decode(token, plain_key, ["HS256"] if hs256 else ["RS256"])


def reference_encode(payload: Any, key: Any, algorithm: Any, headers: Any, sort_headers: Any) -> str:
    """``jwt.encode`` by PyJWT's rules, ending in a call with the plainest arguments (the
    JSON is written before the key is used, and core checks it after)."""
    if not isinstance(payload, dict):
        raise TypeError("Expecting a dict object, as JWT only supports JSON objects as payloads.")
    for claim in ("exp", "iat", "nbf"):
        value = payload.get(claim)
        if isinstance(value, datetime):
            payload = {**payload, claim: timegm(value.utctimetuple())}
    if "iss" in payload and not isinstance(payload["iss"], str):
        raise TypeError("Issuer (iss) must be a string.")
    alg = "none" if algorithm is None else algorithm
    header = None
    if headers:
        if headers.get("alg"):
            alg = headers["alg"]
        if headers.get("b64") is False:
            raise NotImplementedError("sigmint does not support detached payloads (b64: false)")
        if "kid" in headers and not isinstance(headers["kid"], str):
            raise jwt.InvalidTokenError("Key ID header parameter must be a string")
        header = {"typ": "JWT", "alg": alg, **headers}
        header.pop("b64", None)
        if not header["typ"]:
            header["typ"] = None  # removed again by the plain call
    if alg == "none":
        # PyJWT's NoneAlgorithm refuses a key; sigmint mints no unsecured token.
        if key is None or key == "":
            raise NotImplementedError(
                'Algorithm not supported: sigmint does not mint unsecured (alg "none") tokens'
            )
        raise jwt.InvalidKeyError('When alg = "none", key value must be None.')
    if alg != "HS256":
        raise NotImplementedError("Algorithm not supported")
    plain_key = key_bytes(key)
    if isinstance(plain_key, bytes):
        key_policy(plain_key, False)
    else:
        try:
            jwt.encode(dict(payload), STAND_IN_KEY, "HS256", header, sort_headers=bool(sort_headers))
        except (sigmint.InvalidUtf8Error, sigmint.JsonTooDeepError):
            raise  # writing the JSON (as do TypeError and ValueError)
        except sigmint.Error:
            pass  # core's checks of the JSON it signs: after the key
        raise plain_key
    return jwt.encode(dict(payload), plain_key, "HS256", header, sort_headers=bool(sort_headers))


# -- the arguments ----------------------------------------------------------------------------

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
    "token": [*TOKENS, "bytes", "str subclass", "int", "surrogate", "not utf-8"],
    "key": [KEY, KEY.decode(), bytearray(KEY), memoryview(KEY), b"", None, 5, b"short",
            "-----BEGIN PUBLIC KEY-----\nMII", b"ssh-rsa AAAA", "\udc80 key"],
    "algorithms": [["HS256"], ("HS256", "RS256"), "HS256", Str("HS256"), ["RS256"], [], None, 5,
                   {"HS256"}, "fresh iterator"],
    "options": [None, {}, {"verify_signature": False}, {"verify_exp": False},
                {"require": ["exp", "iat"]}, {"require": ("sub",)}, {"require": "exp"},
                {"require": [1]}, {"strict_aud": True}, {"enforce_minimum_key_length": True},
                {"verify_aud": 0, "verify_iss": None, "verify_sub": []}],
    "leeway": [0, 5, -1, 1.5, timedelta(seconds=3), True, "1", math.nan],
    "audience": [None, "a", "c", ["a"], ("a", "b"), Str("a"), b"a", "", [1]],
    "issuer": [None, "me", "you", ["me"], 5],
    "now": [NOW, None, NOW + 0.5, datetime.fromtimestamp(NOW, tz=timezone.utc),
            datetime.fromtimestamp(NOW, tz=timezone.utc).replace(tzinfo=None), 2**70, "x", 1e300],
    "subject": [None, "u", "s", 5],
    "typ": [None, "AT+JWT", "JWT", 5],
    "token_type": [None, "access", "refresh"],
}


def token_of(name: str) -> Any:
    if name == "bytes":
        return TOKENS["plain"].encode()
    if name == "str subclass":
        return Str(TOKENS["aud_str"])
    if name == "int":
        return 123
    if name == "surrogate":
        return TOKENS["plain"] + "\udc80"
    if name == "not utf-8":
        return b"\xff" + TOKENS["plain"].encode()
    return TOKENS[name]


def positional(args: Dict[str, Any]) -> List[Any]:
    # An iterator is consumed by `in`: each call gets its own.
    algorithms = args["algorithms"]
    if algorithms == "fresh iterator":
        algorithms = iter(["RS256", "HS256"])
    return [token_of(args["token"]), args["key"], algorithms, args["options"],
            args["leeway"], args["audience"], args["issuer"], args["now"]]


def decode_both(args: Dict[str, Any]) -> None:
    keywords = {"subject": args["subject"], "typ": args["typ"], "token_type": args["token_type"]}
    ours = outcome(lambda: jwt.decode(*positional(args)[:4], **dict(
        zip(["leeway", "audience", "issuer", "now"], positional(args)[4:])), **keywords))
    rules = outcome(lambda: reference_decode(*positional(args), *keywords.values()))
    assert ours == rules, args
    token, key, algorithms, options = positional(args)[:4]
    ours = outcome(lambda: jws.decode(token, key, algorithms, options))
    token, key, algorithms, options = positional(args)[:4]
    rules = outcome(lambda: reference_jws_decode(token, key, algorithms, options))
    assert ours == rules, ("jws", args)


BASE = {name: values[0] for name, values in DECODE_ARGS.items()}


@pytest.mark.parametrize("name", list(DECODE_ARGS))
def test_decode_each_argument_alone(name: str) -> None:
    for value in DECODE_ARGS[name]:
        for token in TOKENS if name != "token" else [BASE["token"]]:
            decode_both({**BASE, "token": token, name: value})


def test_decode_argument_pairs() -> None:
    names_ = list(DECODE_ARGS)
    for first, second in itertools.combinations(names_, 2):
        for a, b in itertools.product(DECODE_ARGS[first], DECODE_ARGS[second]):
            decode_both({**BASE, first: a, second: b})


def test_the_reference_agrees_with_pyjwt_on_plain_calls() -> None:
    """The reference's plainest calls mean what PyJWT's do (where both libraries run)."""
    pyjwt = pytest.importorskip("jwt")
    token = mint(HS256, {"aud": ["a", "b"], "iss": "me", "sub": "s", "exp": 4_102_444_800}, KEY)
    calls: List[Dict[str, Any]] = [
        {}, {"audience": "a"}, {"audience": ["c", "b"]}, {"audience": "a", "issuer": "me"},
        {"audience": "a", "issuer": "you"}, {"audience": "a", "subject": "t"},
        {"options": {"verify_aud": False}}, {"options": {"require": ["jti"]}, "audience": "a"},
        {"audience": "a", "options": {"strict_aud": True}},
    ]
    for kwargs in calls:
        ours = outcome(lambda: jwt.decode(token, KEY, ["HS256"], **kwargs))
        theirs = outcome(lambda: pyjwt.decode(token, KEY, ["HS256"], **kwargs))
        assert ours[0] == theirs[0], kwargs
        if ours[0] == "raised":
            assert issubclass(ours[1], getattr(jwt, theirs[1].__name__)), kwargs


def test_decode_arguments_go_to_rust_unchanged() -> None:
    """jwt.decode forwards PyJWT's arguments, in their forms, to the compiled module."""
    token = mint(HS256, {"aud": ["a", "b"], "iss": "me", "exp": 4_102_444_800}, KEY)
    for options in (None, {"verify_exp": False, "require": ["exp"]}):
        assert _sigmint.jwt_decode(
            token, KEY.decode(), ("HS256",), options, None, None, "a", None, ["me"],
            timedelta(seconds=1), None, {}, None, True, False,
        ) == jwt.decode(token, KEY, ["HS256"], options, leeway=1, audience=["a"], issuer="me")


def test_decode_clock_is_read_when_now_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
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
    {"exp": datetime.fromtimestamp(NOW, tz=timezone.utc), "iat": datetime(2020, 1, 1, 12, 0, 1)},
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


def test_encode_follows_the_rules() -> None:
    keys = [KEY, KEY.decode(), bytearray(KEY), b"", None, 5, "-----BEGIN PUBLIC KEY-----",
            b"ssh-ed25519 AAAA", "\udc80", b"short"]
    algorithms = ["HS256", Str("HS256"), None, "HS512", 5]
    headers: List[Any] = [None, {}, {"kid": "k"}, {"typ": None}, {"alg": "HS256"}, {"kid": 1},
               {"b64": False}, {"b64": True, "zz": 1, "a": 2}, {"alg": "none"}, []]
    for payload, key, algorithm, header, sort in itertools.product(
        ENCODE_PAYLOADS, keys, algorithms, headers, [True, False]
    ):
        ours = outcome(lambda: jwt.encode(payload, key, algorithm, header, sort_headers=sort))
        rules = outcome(lambda: reference_encode(payload, key, algorithm, header, sort))
        assert ours == rules, (payload, key, algorithm, header, sort)

"""sigmint.jwt's arguments, options and defaults behave as PyJWT's (the installed PyJWT is the
reference where both libraries can run), plus sigmint's extras (now=, typ=, token_type=)."""

from __future__ import annotations

import doctest
import math
import time
from datetime import datetime, timedelta, timezone

import pytest

import sigmint
from sigmint import jws, jwt

from _support import load_vectors, mint

pyjwt = pytest.importorskip("jwt")

KEY = b"a-32-byte-secret-for-the-tests!!"
HS256 = {"alg": "HS256", "typ": "JWT"}
NOW = 1_700_000_000
FONBNK = load_vectors("jwt_hs256.json")["valid"][0]


def tok(claims: dict, header: dict = HS256, key: bytes = KEY) -> str:
    return mint(header, claims, key)


def test_doctests() -> None:
    for module in (jwt, jws):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0 and result.attempted >= 3, module.__name__


def test_public_names() -> None:
    for module in (jwt, jws):
        for name in module.__all__:
            assert hasattr(module, name), (module.__name__, name)
    for name in ["decode", "encode", "get_unverified_header"]:
        assert name in jwt.__all__
    assert jws.get_unverified_header is jwt.get_unverified_header


# -- algorithms -------------------------------------------------------------------------------

@pytest.mark.parametrize("algorithms", [None, [], ()])
def test_algorithms_are_required_to_verify(algorithms) -> None:
    token = tok({"sub": "u"})
    with pytest.raises(jwt.DecodeError) as ours:
        jwt.decode(token, KEY, algorithms=algorithms)
    with pytest.raises(pyjwt.DecodeError) as theirs:
        pyjwt.decode(token, KEY, algorithms=algorithms)
    assert str(ours.value) == str(theirs.value)
    assert type(ours.value) is jwt.DecodeError
    # Not needed when the signature is not verified.
    assert jwt.decode(token, options={"verify_signature": False}) == {"sub": "u"}


@pytest.mark.parametrize("algorithms", [["RS256"], ["HS384", "HS512"], "HS512"])
def test_hs256_not_among_the_algorithms(algorithms) -> None:
    with pytest.raises(jwt.InvalidAlgorithmError) as info:
        jwt.decode(tok({}), KEY, algorithms=algorithms)
    assert isinstance(info.value, sigmint.AlgorithmNotAllowedError)
    with pytest.raises(pyjwt.InvalidAlgorithmError):
        pyjwt.decode(tok({}), KEY, algorithms=algorithms)


def test_algorithms_as_a_string_or_any_iterable() -> None:
    for algorithms in ["HS256", ("HS256",), {"HS256", "RS256"}, ["RS256", "HS256"]]:
        assert jwt.decode(tok({"n": 1}), KEY, algorithms=algorithms) == {"n": 1}


# -- verify_signature and the verify_* options ------------------------------------------------

def test_verify_signature_false_disables_the_other_checks() -> None:
    claims = {"exp": 1, "nbf": 2**40, "iat": 2**40, "aud": "x", "iss": "y"}
    token = tok(claims, key=b"unknown key")
    options = {"verify_signature": False}
    assert jwt.decode(token, options=options, audience="other", issuer="other") == claims
    assert pyjwt.decode(token, options=options, audience="other", issuer="other") == claims
    # ... unless turned on again one by one.
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt.decode(token, options={**options, "verify_exp": True})
    with pytest.raises(jwt.ImmatureSignatureError):
        jwt.decode(token, options={**options, "verify_nbf": True})
    with pytest.raises(jwt.InvalidAudienceError):
        jwt.decode(token, options={**options, "verify_aud": True}, audience="other")
    with pytest.raises(jwt.InvalidIssuerError):
        jwt.decode(token, options={**options, "verify_iss": True}, issuer="other")


def test_alg_none_reads_only_without_verification() -> None:
    token = mint({"alg": "none"}, {"sub": "u"}, KEY).rsplit(".", 1)[0] + "."
    assert jwt.decode(token, options={"verify_signature": False}) == {"sub": "u"}
    assert pyjwt.decode(token, options={"verify_signature": False}) == {"sub": "u"}
    with pytest.raises(jwt.InvalidAlgorithmError):
        jwt.decode(token, KEY, algorithms=["HS256"])


@pytest.mark.parametrize("option", ["verify_exp", "verify_nbf", "verify_iat"])
def test_each_time_check_can_be_turned_off(option: str) -> None:
    claim = option[len("verify_"):]
    value = 1 if claim == "exp" else 2**40
    token = tok({claim: value})
    with pytest.raises(jwt.InvalidTokenError):
        jwt.decode(token, KEY, algorithms=["HS256"])
    assert jwt.decode(token, KEY, algorithms=["HS256"], options={option: False}) == {claim: value}
    assert pyjwt.decode(token, KEY, algorithms=["HS256"], options={option: False}) == {claim: value}


def test_verify_aud_and_iss_off() -> None:
    token = tok({"aud": "pos", "iss": "me"})
    options = {"verify_aud": False, "verify_iss": False}
    assert jwt.decode(token, KEY, algorithms=["HS256"], options=options, issuer="you")
    assert pyjwt.decode(token, KEY, algorithms=["HS256"], options=options, issuer="you")


# -- require and MissingRequiredClaimError ----------------------------------------------------

@pytest.mark.parametrize(
    "claims, require, missing",
    [
        ({}, ["exp"], "exp"),
        ({"exp": 2**40}, ["exp", "iat", "nbf"], "iat"),
        ({"exp": 2**40, "uid": None}, ["exp", "uid"], "uid"),
        ({"sub": "s"}, ["sub", "userData"], "userData"),
    ],
)
def test_require(claims: dict, require: list, missing: str) -> None:
    token = tok(claims)
    with pytest.raises(jwt.MissingRequiredClaimError) as ours:
        jwt.decode(token, KEY, algorithms=["HS256"], options={"require": require})
    with pytest.raises(pyjwt.MissingRequiredClaimError) as theirs:
        pyjwt.decode(token, KEY, algorithms=["HS256"], options={"require": require})
    assert isinstance(ours.value, sigmint.MissingClaimError)
    assert ours.value.claim == theirs.value.claim == missing
    assert str(ours.value) == str(theirs.value)
    # Also without verifying the signature.
    with pytest.raises(jwt.MissingRequiredClaimError) as unverified:
        jwt.decode(token, options={"verify_signature": False, "require": require})
    assert unverified.value.claim == missing


def test_expected_audience_or_issuer_missing_from_the_token() -> None:
    token = tok({"sub": "s"})
    for kwargs, claim in [({"audience": "pos"}, "aud"), ({"issuer": "me"}, "iss")]:
        with pytest.raises(jwt.MissingRequiredClaimError) as ours:
            jwt.decode(token, KEY, algorithms=["HS256"], **kwargs)
        with pytest.raises(pyjwt.MissingRequiredClaimError) as theirs:
            pyjwt.decode(token, KEY, algorithms=["HS256"], **kwargs)
        assert ours.value.claim == theirs.value.claim == claim


# -- audience and issuer ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "aud, audience, ok",
    [
        ("pos", "pos", True),
        ("pos", ["mobile", "pos"], True),
        (["web", "pos"], ["pos"], True),
        (["web", "pos"], ("mobile", "web"), True),
        (["web"], {"pos", "mobile"}, False),
        ("pos", "po", False),
        ("po", "pos", False),
        ("pos", [], False),
    ],
)
def test_audience_any_of(aud, audience, ok: bool) -> None:
    token = tok({"aud": aud})
    for decode, error in [(jwt.decode, jwt.InvalidAudienceError), (pyjwt.decode, pyjwt.InvalidAudienceError)]:
        if ok:
            assert decode(token, KEY, algorithms=["HS256"], audience=audience) == {"aud": aud}
        else:
            with pytest.raises(error):
                decode(token, KEY, algorithms=["HS256"], audience=audience)
    assert jwt.decode(token, KEY, algorithms=["HS256"], audience=iter([aud] if isinstance(aud, str) else aud))


def test_audience_and_issuer_types() -> None:
    token = tok({"aud": "pos", "iss": "me"})
    for bad in [1, b"pos", [b"pos"], ["pos", 1]]:
        with pytest.raises(TypeError):
            jwt.decode(token, KEY, algorithms=["HS256"], audience=bad, issuer="me")
        with pytest.raises(TypeError):
            jwt.decode(token, KEY, algorithms=["HS256"], audience="pos", issuer=bad)


def test_strict_aud() -> None:
    options = {"strict_aud": True}
    for aud, audience, error in [
        ("pos", "pos", None),
        (["pos"], "pos", jwt.InvalidAudienceError),
        ("pos", ["pos"], jwt.InvalidAudienceError),
        ("web", "pos", jwt.InvalidAudienceError),
    ]:
        token = tok({"aud": aud})
        if error is None:
            assert jwt.decode(token, KEY, algorithms=["HS256"], audience=audience, options=options)
            assert pyjwt.decode(token, KEY, algorithms=["HS256"], audience=audience, options=options)
            continue
        with pytest.raises(error):
            jwt.decode(token, KEY, algorithms=["HS256"], audience=audience, options=options)
        with pytest.raises(pyjwt.InvalidAudienceError):
            pyjwt.decode(token, KEY, algorithms=["HS256"], audience=audience, options=options)


def test_subject() -> None:
    token = tok({"sub": "user-1"})
    assert jwt.decode(token, KEY, algorithms=["HS256"], subject="user-1")
    with pytest.raises(jwt.InvalidSubjectError):
        jwt.decode(token, KEY, algorithms=["HS256"], subject="user-2")
    with pytest.raises(pyjwt.exceptions.InvalidSubjectError):
        pyjwt.decode(token, KEY, algorithms=["HS256"], subject="user-2")
    assert jwt.decode(token, KEY, algorithms=["HS256"], subject="user-2", options={"verify_sub": False})


# -- leeway and the clock ---------------------------------------------------------------------

def test_leeway_forms() -> None:
    token = tok({"exp": NOW - 10})
    for leeway in [11, 11.0, 11.9, timedelta(seconds=11), timedelta(seconds=11, microseconds=5)]:
        assert jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=leeway)
    for leeway in [0, 10, 10.9, timedelta(seconds=10.5)]:
        # Rounded down to whole seconds: 10.9 s of leeway is 10, and exp == now - 10 has expired.
        with pytest.raises(jwt.ExpiredSignatureError):
            jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=leeway)
    with pytest.raises(ValueError):
        jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=-1)
    for bad in ["1", None, True]:
        with pytest.raises(TypeError):
            jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=bad)
    with pytest.raises(ValueError):
        jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=math.inf)


def test_leeway_applies_to_nbf_and_iat() -> None:
    for claim in ["nbf", "iat"]:
        token = tok({claim: NOW + 5})
        with pytest.raises(jwt.ImmatureSignatureError):
            jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=4.99)
        assert jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, leeway=timedelta(seconds=5))


def test_now_forms() -> None:
    token = tok({"exp": NOW + 1, "nbf": NOW})
    moments = [
        NOW,
        NOW + 0.999,
        datetime.fromtimestamp(NOW, tz=timezone.utc),
        datetime.fromtimestamp(NOW, tz=timezone(timedelta(hours=5))),
        datetime.fromtimestamp(NOW, tz=timezone.utc).replace(tzinfo=None),  # naive = UTC
    ]
    for now in moments:
        assert jwt.decode(token, KEY, algorithms=["HS256"], now=now)
    for now in [NOW + 1, NOW - 1, NOW - 0.5, datetime.fromtimestamp(NOW + 1, tz=timezone.utc)]:
        with pytest.raises(jwt.InvalidTokenError):
            jwt.decode(token, KEY, algorithms=["HS256"], now=now)
    for bad in ["now", True, [NOW]]:
        with pytest.raises(TypeError):
            jwt.decode(token, KEY, algorithms=["HS256"], now=bad)
    with pytest.raises(OverflowError):
        jwt.decode(token, KEY, algorithms=["HS256"], now=2**64)


def test_system_clock_by_default() -> None:
    now = int(time.time())
    assert jwt.decode(tok({"exp": now + 100}), KEY, algorithms=["HS256"]) == {"exp": now + 100}
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt.decode(tok({"exp": now - 100}), KEY, algorithms=["HS256"])
    with pytest.raises(jwt.ImmatureSignatureError):
        jwt.decode(tok({"nbf": now + 100}), KEY, algorithms=["HS256"])


# -- token and key types ----------------------------------------------------------------------

def test_token_and_key_types() -> None:
    token = tok({"n": 1})
    for t in [token, token.encode()]:
        for key in [KEY, KEY.decode(), bytearray(KEY), memoryview(KEY)]:
            assert jwt.decode(t, key, algorithms=["HS256"]) == {"n": 1}
            assert jws.decode(t, key, algorithms=["HS256"]) == b'{"n":1}'
    for bad in [None, 1, bytearray(token.encode()), ["a.b.c"]]:
        with pytest.raises(jwt.DecodeError, match="Invalid token type"):
            jwt.decode(bad, KEY, algorithms=["HS256"])
        with pytest.raises(jwt.DecodeError):
            jwt.get_unverified_header(bad)
    with pytest.raises(TypeError):
        jwt.decode(token, 1234, algorithms=["HS256"])


def test_unicode_key() -> None:
    key = "clé secrète partagée, assez longue ✓"
    token = pyjwt.encode({"n": 1}, key)
    assert jwt.decode(token, key, algorithms=["HS256"]) == {"n": 1}
    assert jwt.decode(token, key.encode(), algorithms=["HS256"]) == {"n": 1}
    with pytest.raises(sigmint.InvalidUtf8Error):
        jwt.decode(token, "\udc80", algorithms=["HS256"])


# -- sigmint extras: typ and token_type (Fonbnk access/refresh) -------------------------------

def test_token_type() -> None:
    key = bytes.fromhex(FONBNK["key_hex"])
    kwargs = {"algorithms": ["HS256"], "now": 1765454133}
    assert jwt.decode(FONBNK["token"], key, token_type="access", **kwargs) == FONBNK["claims"]
    with pytest.raises(jwt.InvalidTokenError) as info:
        jwt.decode(FONBNK["token"], key, token_type="refresh", **kwargs)
    assert isinstance(info.value, sigmint.WrongTokenTypeError)
    assert jwt.decode(FONBNK["token"], key, typ="jwt", **kwargs)
    with pytest.raises(sigmint.WrongTokenTypeError):
        jwt.decode(FONBNK["token"], key, typ="at+jwt", **kwargs)


# -- encode -----------------------------------------------------------------------------------

def test_encode_matches_pyjwt() -> None:
    payload = {
        "sub": "user-1",
        "exp": datetime(2100, 1, 1, tzinfo=timezone.utc),
        "iat": datetime(2020, 1, 1, 12, 30, 15, 999_999),  # naive = UTC, microseconds dropped
        "nbf": 1,
        "n": [1, -2, 2**70, -(2**70), 0.1, -0.0, 1e16, 1e-7, 5e-324, 1.7976931348623157e308],
        "t": ("tuple", True, False, None),
        "s": "quote \" backslash \\ ctrl \x00\x1f\x7f é ☃ 😀 \u2028",
        "nested": {"a": {"b": {"c": []}}, "": {}},
        2: "int key",
        2.5: "float key",
        True: "bool key",
        None: "None key",
    }
    for headers in [None, {"kid": "k1"}, {"kid": "k1", "typ": None}, {"zz": [1, {"b": 1, "a": 2}], "alg": "HS256"}]:
        ours = jwt.encode(payload, KEY, headers=headers)
        theirs = pyjwt.encode(payload, KEY, headers=headers)
        assert ours == theirs, headers
        assert jwt.get_unverified_header(ours) == pyjwt.get_unverified_header(theirs)
    assert jwt.encode(payload, KEY, headers={"kid": "k", "a": 1}, sort_headers=False) == pyjwt.encode(
        payload, KEY, headers={"kid": "k", "a": 1}, sort_headers=False
    )
    decoded = jwt.decode(jwt.encode(payload, KEY), KEY, algorithms=["HS256"], now=NOW)
    assert decoded["exp"] == 4102444800 and decoded["iat"] == 1577881815
    assert decoded["2"] == "int key" and decoded["true"] == "bool key" and decoded["null"] == "None key"


@pytest.mark.parametrize("algorithm", ["HS384", "HS512", "RS256", "ES256", "none", None, "hs256"])
def test_encode_other_algorithms(algorithm) -> None:
    # alg "none" with a key is PyJWT's InvalidKeyError (its NoneAlgorithm refuses keys); without
    # one, sigmint mints no unsecured token (NotImplementedError) where PyJWT would.
    refused = jwt.InvalidKeyError if algorithm in ("none", None) else NotImplementedError
    with pytest.raises(refused):
        jwt.encode({}, KEY, algorithm=algorithm)
    with pytest.raises(refused):
        jwt.encode({}, KEY, headers={"alg": algorithm or "none"})
    if algorithm in ("none", None):
        with pytest.raises(NotImplementedError):
            jwt.encode({}, None, algorithm=algorithm)
    # An alg in headers wins, as in PyJWT.
    assert jwt.encode({}, KEY, algorithm="RS256", headers={"alg": "HS256"}) == pyjwt.encode({}, KEY)


def test_encode_refusals() -> None:
    with pytest.raises(TypeError, match="Expecting a dict object"):
        jwt.encode([("a", 1)], KEY)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Issuer"):
        jwt.encode({"iss": 1}, KEY)
    with pytest.raises(jwt.InvalidTokenError, match="Key ID"):
        jwt.encode({}, KEY, headers={"kid": 1})
    with pytest.raises(sigmint.UnknownCriticalError):
        jwt.encode({}, KEY, headers={"crit": ["x"], "x": 1})
    for value in [math.nan, math.inf, -math.inf]:
        with pytest.raises(ValueError, match="Out of range float"):
            jwt.encode({"f": value}, KEY)
        with pytest.raises(ValueError):
            pyjwt.encode({"f": value}, KEY, json_encoder=_StrictEncoder)
    for value in [{1, 2}, b"bytes", object(), datetime(2020, 1, 1), 1j]:
        with pytest.raises(TypeError, match="is not JSON serializable"):
            jwt.encode({"v": value}, KEY)
    with pytest.raises(TypeError, match="keys must be"):
        jwt.encode({(1, 2): "tuple key"}, KEY)
    with pytest.raises(sigmint.InvalidUtf8Error):
        jwt.encode({"s": "\ud800"}, KEY)
    with pytest.raises(sigmint.InvalidUtf8Error):
        jwt.encode({"\udfff": 1}, KEY)
    with pytest.raises(sigmint.DuplicateKeyError):
        jwt.encode({1: "a", "1": "b"}, KEY)


class _StrictEncoder(__import__("json").JSONEncoder):
    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "allow_nan": False})


def test_encode_nesting_bound() -> None:
    def nested(depth: int) -> dict:
        obj: dict = {}
        for _ in range(depth - 1):
            obj = {"a": obj}
        return obj

    token = jwt.encode(nested(64), KEY)
    assert jwt.decode(token, KEY, algorithms=["HS256"], max_depth=64) == nested(64)
    with pytest.raises(sigmint.JsonTooDeepError):
        jwt.encode(nested(65), KEY)

"""PyJWT's public surface in sigmint.jwt: every name of PyJWT 2.x's ``jwt.__all__``, decode's
signature, PyJWT's HS256 usage examples (docs/usage.rst) run unchanged against both libraries
with the same results, and PyJWT's exception class for each refusal."""

from __future__ import annotations

import inspect
import pickle
import warnings
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List

import pytest

import sigmint
from sigmint import jwt

pyjwt = pytest.importorskip("jwt")

KEY = "a secret of at least 32 bytes!!!"
NOW = int(datetime.now(tz=timezone.utc).timestamp())


def test_every_pyjwt_public_name_exists() -> None:
    missing = [name for name in pyjwt.__all__ if not hasattr(jwt, name)]
    assert missing == [], f"{len(pyjwt.__all__) - len(missing)} of {len(pyjwt.__all__)}"
    assert set(pyjwt.__all__) <= set(jwt.__all__)


def test_pyjwt_modules_exist() -> None:
    import sigmint.jwt.algorithms
    import sigmint.jwt.api_jwk
    import sigmint.jwt.api_jws
    import sigmint.jwt.api_jwt
    import sigmint.jwt.exceptions

    for module in ("exceptions", "algorithms", "api_jwt", "api_jws", "api_jwk", "warnings"):
        assert hasattr(jwt, module), module
    for name in dir(pyjwt.exceptions):
        if name.endswith("Error"):
            assert hasattr(jwt.exceptions, name), name
    assert jwt.exceptions.DecodeError is jwt.DecodeError
    assert not jwt.algorithms.has_crypto
    assert set(jwt.algorithms.get_default_algorithms()) == {"HS256"}
    assert jwt.api_jwt.decode is jwt.decode and jwt.api_jws.PyJWS is jwt.PyJWS


def params(function: Callable[..., Any]) -> List[Any]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def test_decode_signature_is_pyjwts_plus_keyword_only_now() -> None:
    theirs = params(pyjwt.decode)
    now = ("now", inspect.Parameter.KEYWORD_ONLY, None)
    assert params(jwt.decode) == theirs[:-1] + [now] + theirs[-1:]
    theirs = params(pyjwt.decode_complete)
    assert params(jwt.decode_complete) == theirs[:-1] + [now] + theirs[-1:]
    assert params(jwt.PyJWT().decode) == params(jwt.decode)
    assert [p[0] for p in params(jwt.encode)] == [p[0] for p in params(pyjwt.encode)]


def test_classes_pickle_and_show_as_sigmint_jwt() -> None:
    for cls in (jwt.PyJWT, jwt.PyJWS, jwt.PyJWK, jwt.PyJWKSet, jwt.PyJWKClient):
        assert cls.__module__ == "sigmint.jwt"
        assert pickle.loads(pickle.dumps(cls)) is cls


# -- PyJWT's usage examples (docs/usage.rst), HS256 ------------------------------------------
# Each takes the library as its ``jwt`` and returns what the example shows; PyJWKClient's
# examples (RS256 keys from a JWKS endpoint) and the RS/ES/PS/EdDSA examples are not HS256.


def ex_encode_decode(jwt: Any) -> Any:
    encoded = jwt.encode({"some": "payload"}, KEY, algorithm="HS256")
    return encoded, jwt.decode(encoded, KEY, algorithms=["HS256"])


def ex_bytes_token(jwt: Any) -> Any:
    encoded = jwt.encode({"some": "payload"}, KEY, algorithm="HS256").encode()
    return jwt.decode(encoded, KEY.encode(), algorithms=["HS256"])


def ex_headers(jwt: Any) -> Any:
    token = jwt.encode({"some": "payload"}, KEY, algorithm="HS256", headers={"kid": "230498151c214b788dd97f22b85410a5"})
    return token, jwt.get_unverified_header(token)


def ex_typ_removed(jwt: Any) -> Any:
    return jwt.encode({"some": "payload"}, KEY, headers={"typ": None})


def ex_sort_headers(jwt: Any) -> Any:
    return jwt.encode({"a": 1}, KEY, headers={"kid": "k", "cty": "x"}, sort_headers=False)


def ex_unverified(jwt: Any) -> Any:
    token = jwt.encode({"some": "payload"}, KEY)
    return jwt.decode(token, options={"verify_signature": False})


def ex_decode_complete(jwt: Any) -> Any:
    token = jwt.encode({"some": "payload"}, KEY, headers={"kid": "k1"})
    return jwt.decode_complete(token, KEY, algorithms=["HS256"])


def ex_exp(jwt: Any) -> Any:
    token = jwt.encode({"exp": NOW + 30}, KEY)
    ok = jwt.decode(token, KEY, algorithms=["HS256"])
    expired = jwt.encode({"exp": NOW - 30}, KEY)
    try:
        jwt.decode(expired, KEY, algorithms=["HS256"])
    except jwt.ExpiredSignatureError:
        return ok, "expired"


def ex_exp_datetime(jwt: Any) -> Any:
    token = jwt.encode({"exp": datetime.now(tz=timezone.utc) + timedelta(seconds=30)}, KEY)
    return sorted(jwt.decode(token, KEY, algorithms=["HS256"]))


def ex_leeway(jwt: Any) -> Any:
    token = jwt.encode({"exp": NOW - 5}, KEY)
    a = jwt.decode(token, KEY, leeway=10, algorithms=["HS256"])
    b = jwt.decode(token, KEY, leeway=timedelta(seconds=10), algorithms=["HS256"])
    return a, b


def ex_nbf(jwt: Any) -> Any:
    token = jwt.encode({"nbf": NOW + 60}, KEY)
    try:
        jwt.decode(token, KEY, algorithms=["HS256"])
    except jwt.ImmatureSignatureError:
        return "immature"


def ex_iss(jwt: Any) -> Any:
    token = jwt.encode({"some": "payload", "iss": "urn:foo"}, KEY)
    ok = jwt.decode(token, KEY, issuer="urn:foo", algorithms=["HS256"])
    many = jwt.decode(token, KEY, issuer=["urn:foo", "urn:bar"], algorithms=["HS256"])
    try:
        jwt.decode(token, KEY, issuer="urn:other", algorithms=["HS256"])
    except jwt.InvalidIssuerError:
        return ok, many, "invalid issuer"


def ex_aud(jwt: Any) -> Any:
    token = jwt.encode({"some": "payload", "aud": ["urn:foo", "urn:bar"]}, KEY)
    a = jwt.decode(token, KEY, audience="urn:foo", algorithms=["HS256"])
    b = jwt.decode(token, KEY, audience=["urn:foo", "urn:other"], algorithms=["HS256"])
    try:
        jwt.decode(token, KEY, algorithms=["HS256"])
    except jwt.InvalidAudienceError:
        return a, b, "no audience expected"


def ex_strict_aud(jwt: Any) -> Any:
    token = jwt.encode({"aud": "urn:foo"}, KEY)
    return jwt.decode(token, KEY, audience="urn:foo", options={"strict_aud": True}, algorithms=["HS256"])


def ex_sub_jti(jwt: Any) -> Any:
    token = jwt.encode({"sub": "1234567890", "jti": "abc"}, KEY)
    ok = jwt.decode(token, KEY, algorithms=["HS256"], subject="1234567890")
    try:
        jwt.decode(token, KEY, algorithms=["HS256"], subject="other")
    except jwt.exceptions.InvalidSubjectError:  # PyJWT's top level lacks it
        return ok, "invalid subject"


def ex_iat(jwt: Any) -> Any:
    token = jwt.encode({"iat": NOW - 10}, KEY)
    return jwt.decode(token, KEY, algorithms=["HS256"])


def ex_require(jwt: Any) -> Any:
    token = jwt.encode({"some": "payload"}, KEY)
    try:
        jwt.decode(token, KEY, options={"require": ["exp", "iss", "sub"]}, algorithms=["HS256"])
    except jwt.MissingRequiredClaimError as e:
        return str(e), e.claim


def ex_verify_exp_off(jwt: Any) -> Any:
    token = jwt.encode({"exp": NOW - 30}, KEY)
    return jwt.decode(token, KEY, algorithms=["HS256"], options={"verify_exp": False})


def ex_pyjwt_instance(jwt: Any) -> Any:
    instance = jwt.PyJWT(options={"verify_exp": False})
    token = instance.encode({"exp": NOW - 30}, KEY)
    return instance.decode(token, KEY, algorithms=["HS256"])


def ex_pyjws(jwt: Any) -> Any:
    jws = jwt.PyJWS()
    token = jws.encode(b'{"a":1}', KEY)
    # Any bytes, not only JSON: a JWS payload is opaque.
    other = jws.encode(b"\x00 not json \xff", KEY, headers={"kid": "k1"})
    return (
        jws.decode(token, KEY, algorithms=["HS256"]),
        jws.decode_complete(token, KEY, algorithms=["HS256"]),
        other,
        jws.decode(other, KEY, algorithms=["HS256"]),
    )


def ex_pyjwk(jwt: Any) -> Any:
    jwk = jwt.PyJWK({"kty": "oct", "kid": "k1", "k": "YS1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXMhISE"})
    token = jwt.encode({"some": "payload"}, jwk, headers={"kid": "k1"})
    return jwk.key, jwk.algorithm_name, jwt.decode(token, jwk)


def ex_jwk_set_rotation(jwt: Any) -> Any:
    jwks = jwt.PyJWKSet.from_dict({"keys": [
        {"kty": "oct", "kid": "old", "k": "b2xkLXNlY3JldC1vZi1hdC1sZWFzdC0zMi1ieXRlcyEhIQ"},
        {"kty": "oct", "kid": "new", "k": "bmV3LXNlY3JldC1vZi1hdC1sZWFzdC0zMi1ieXRlcyEhIQ"},
    ]})
    token = jwt.encode({"v": 2}, jwks["new"].key, headers={"kid": "new"})
    kid = jwt.get_unverified_header(token)["kid"]
    return jwt.decode(token, jwks[kid], algorithms=["HS256"])


def ex_hmac_algorithm(jwt: Any) -> Any:
    alg = jwt.get_algorithm_by_name("HS256")
    key = alg.prepare_key(KEY)
    sig = alg.sign(b"msg", key)
    return sig, alg.verify(b"msg", key, sig), alg.to_jwk(key, as_dict=True), alg.from_jwk(alg.to_jwk(key))


EXAMPLES = {name[3:]: f for name, f in dict(globals()).items() if name.startswith("ex_")}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_usage_example_runs_unchanged_with_pyjwts_result(name: str) -> None:
    global NOW  # the examples' clock: fresh for each, the same for both libraries
    NOW = int(datetime.now(tz=timezone.utc).timestamp())
    example = EXAMPLES[name]
    theirs = example(pyjwt)
    ours = example(jwt)
    assert ours == theirs and ours is not None


# -- PyJWT's class for each refusal -----------------------------------------------------------


def outcome(call: Callable[[], Any]) -> Any:
    try:
        return ("ok", call())
    except Exception as err:  # noqa: BLE001 - the class is the result
        return ("raised", err)


def token_of(claims: Dict[str, Any]) -> str:
    return pyjwt.encode(claims, KEY)


@pytest.mark.parametrize(
    ("claims", "pyjwt_class"),
    [
        ({"iat": "soon"}, "InvalidIssuedAtError"),
        ({"iat": [1]}, "InvalidIssuedAtError"),
        ({"sub": 5}, "InvalidSubjectError"),
        ({"jti": 5}, "InvalidJTIError"),
        ({"aud": 5}, "InvalidAudienceError"),
        ({"exp": "soon"}, "DecodeError"),
        ({"nbf": "soon"}, "DecodeError"),
    ],
)
def test_mistyped_claims_raise_pyjwts_class(claims: Dict[str, Any], pyjwt_class: str) -> None:
    token = token_of(claims)
    audience = "a" if "aud" in claims else None
    with pytest.raises(getattr(pyjwt.exceptions, pyjwt_class)):
        pyjwt.decode(token, KEY, algorithms=["HS256"], audience=audience)
    with pytest.raises(getattr(jwt.exceptions, pyjwt_class)) as info:
        jwt.decode(token, KEY, algorithms=["HS256"], audience=audience)
    assert isinstance(info.value, sigmint.InvalidClaimTypeError)  # sigmint's class too


def test_mistyped_iss_with_an_issuer_is_invalid_issuer() -> None:
    token = token_of({"some": 1})
    token = jwt.encode({"some": 1}, KEY)
    raw = pyjwt.api_jws.encode(b'{"iss":5}', KEY)
    with pytest.raises(pyjwt.InvalidIssuerError):
        pyjwt.decode(raw, KEY, algorithms=["HS256"], issuer="me")
    with pytest.raises(jwt.InvalidIssuerError):
        jwt.decode(raw, KEY, algorithms=["HS256"], issuer="me")
    assert jwt.decode(token, KEY, algorithms=["HS256"]) == {"some": 1}


@pytest.mark.parametrize(
    "call",
    [
        lambda lib: lib.encode({"a": 1}, KEY, algorithm=None),
        lambda lib: lib.encode({"a": 1}, KEY, headers={"alg": "none"}),
        lambda lib: lib.encode({"a": 1}, None),
        lambda lib: lib.encode({"a": 1}, ""),
        lambda lib: lib.encode({"a": 1}, KEY, algorithm="RS256"),
        lambda lib: lib.encode({"a": 1}, KEY, algorithm="HS512x"),
        lambda lib: lib.decode(token_of({"a": 1}), None, algorithms=["HS256"]),
        lambda lib: lib.decode(token_of({"a": 1}), KEY),
        lambda lib: lib.decode(token_of({"a": 1}), "", algorithms=["HS256"]),
        lambda lib: lib.decode(token_of({"a": 1}), KEY, algorithms=["RS256"]),
        lambda lib: lib.decode(pyjwt.encode({"a": 1}, KEY, algorithm="HS512"), KEY, algorithms=["HS256"]),
        lambda lib: lib.decode(token_of({"a": 1}), "x" * 40, algorithms=["HS256"]),
        lambda lib: lib.decode(token_of({"a": 1}), KEY, algorithms=["HS256"], detached_payload=b"x"),
        lambda lib: lib.decode(123, KEY, algorithms=["HS256"]),
        lambda lib: lib.decode("abc", KEY, algorithms=["HS256"]),
        lambda lib: lib.PyJWK({"kty": "RSA", "n": "x", "e": "AQAB"}),
        lambda lib: lib.PyJWK({"k": "eA"}),
        lambda lib: lib.PyJWKSet([]),
        lambda lib: lib.PyJWKSet.from_dict({"keys": [{"kty": "oct", "kid": "a", "k": "eA"}]})["b"],
        lambda lib: lib.get_algorithm_by_name("RS256"),
        lambda lib: lib.decode(token_of({"a": 1}), KEY, algorithms=["HS256"], options={"require": ["exp"]}),
    ],
)
def test_refusals_raise_pyjwts_class(call: Callable[[Any], Any]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs, ours = outcome(lambda: call(pyjwt)), outcome(lambda: call(jwt))
    assert theirs[0] == "raised" and ours[0] == "raised", (theirs, ours)
    theirs_class = type(theirs[1])
    # sigmint's class has PyJWT's name (or derives from PyJWT's name-sake class).
    names = {c.__name__ for c in type(ours[1]).__mro__}
    assert theirs_class.__name__ in names, (theirs, ours)


def test_unsecured_token_is_not_minted() -> None:
    # PyJWT mints an alg "none" token without a key; sigmint refuses (migration table).
    assert pyjwt.encode({"a": 1}, None, algorithm=None).endswith(".")
    with pytest.raises(NotImplementedError):
        jwt.encode({"a": 1}, None, algorithm=None)


def test_insecure_key_length_warning() -> None:
    token = pyjwt.encode({"a": 1}, KEY)
    for lib in (pyjwt, jwt):
        with pytest.warns(lib.InsecureKeyLengthWarning, match="5 bytes long"):
            lib.encode({"a": 1}, "short")
        with pytest.warns(lib.InsecureKeyLengthWarning):
            with pytest.raises(lib.InvalidSignatureError):
                lib.decode(token, "short", algorithms=["HS256"])
        with pytest.raises(lib.InvalidKeyError):
            lib.decode(token, "short", algorithms=["HS256"], options={"enforce_minimum_key_length": True})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert jwt.decode(token, KEY, algorithms=["HS256"]) == {"a": 1}
    message = jwt.algorithms.HMACAlgorithm(jwt.algorithms.HMACAlgorithm.SHA256).check_key_length(b"short")
    assert message == pyjwt.algorithms.HMACAlgorithm(pyjwt.algorithms.HMACAlgorithm.SHA256).check_key_length(b"short")


def test_unknown_kwargs_and_verify_warn_as_pyjwt() -> None:
    token = pyjwt.encode({"a": 1}, KEY)
    for lib in (pyjwt, jwt):
        with pytest.warns(DeprecationWarning, match="Unsupported kwargs"):
            lib.decode(token, KEY, algorithms=["HS256"], foo=1)
        with pytest.warns(DeprecationWarning, match="`verify` argument"):
            lib.decode(token, KEY, algorithms=["HS256"], verify=False)
    # sigmint's extras are keywords of **kwargs, without a warning.
    assert jwt.decode(token, KEY, algorithms=["HS256"], now=NOW, max_token_len=2048) == {"a": 1}


def test_pyjwt_instance_options_merge_as_pyjwt() -> None:
    for options in ({"verify_exp": False}, {"verify_signature": False}, {"require": ["exp"]}):
        assert jwt.PyJWT(options).options == pyjwt.PyJWT(options).options
    expired = pyjwt.encode({"exp": NOW - 30}, KEY)
    for lib in (pyjwt, jwt):
        instance = lib.PyJWT({"verify_exp": False})
        assert instance.decode(expired, KEY, algorithms=["HS256"]) == {"exp": NOW - 30}
        with pytest.raises(lib.ExpiredSignatureError):
            instance.decode(expired, KEY, algorithms=["HS256"], options={"verify_exp": True})


def test_unregistered_hs256_refuses_tokens() -> None:
    token = pyjwt.encode({"a": 1}, KEY)
    for lib in (pyjwt, jwt):
        jws = lib.PyJWS(algorithms=["HS512"])
        with pytest.raises(lib.InvalidAlgorithmError):
            jws.decode(token, KEY, algorithms=["HS256"])
        with pytest.raises(NotImplementedError):
            jws.encode(b"{}", KEY)


def test_pyjwk_oct_key_round_trip_matches_pyjwt() -> None:
    data = {"kty": "oct", "kid": "k", "use": "sig", "k": "YS1zZWNyZXQtb2YtYXQtbGVhc3QtMzItYnl0ZXMhISE"}
    ours, theirs = jwt.PyJWK.from_json(pyjwt.algorithms.json.dumps(data)), pyjwt.PyJWK(data)
    assert (ours.key, ours.key_id, ours.key_type, ours.public_key_use, ours.algorithm_name) == (
        theirs.key, theirs.key_id, theirs.key_type, theirs.public_key_use, theirs.algorithm_name)
    token = jwt.encode({"a": 1}, ours)
    assert token == pyjwt.encode({"a": 1}, theirs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        hs384 = pyjwt.encode({"a": 1}, KEY, algorithm="HS384")
    with pytest.raises(jwt.InvalidAlgorithmError):
        jwt.decode(hs384, ours)
    # HS384/HS512 oct keys: PyJWT has them, sigmint-core does not.
    with pytest.raises(jwt.PyJWKError):
        jwt.PyJWK({"kty": "oct", "alg": "HS512", "k": "eA"})


def test_pyjwk_client_refuses_other_schemes() -> None:
    with pytest.raises(jwt.PyJWKClientError):
        jwt.PyJWKClient("file:///etc/passwd")

"""The JWT inputs that broke other libraries (DESIGN.md, "Known pitfalls") and hostile inputs:
each is refused with the PyJWT-equivalent exception, a sigmint.Error too, never a crash or a
RecursionError."""

from __future__ import annotations

import pytest

import sigmint
from sigmint import jws, jwt

from _support import b64url, mint

KEY = b"a-32-byte-secret-for-the-tests!!"
HS256 = {"alg": "HS256", "typ": "JWT"}
NOW = 1_700_000_000


def decode(token, **kwargs):
    kwargs.setdefault("algorithms", ["HS256"])
    kwargs.setdefault("now", NOW)
    return jwt.decode(token, kwargs.pop("key", KEY), **kwargs)


def refused(exc_type, token, **kwargs):
    with pytest.raises(exc_type) as info:
        decode(token, **kwargs)
    assert isinstance(info.value, sigmint.Error), type(info.value)
    return info.value


def test_a_good_token_decodes() -> None:
    assert decode(mint(HS256, {"sub": "u"}, KEY)) == {"sub": "u"}


# -- alg none ---------------------------------------------------------------------------------

@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE", ""])
def test_alg_none_with_trailing_dot(alg: str) -> None:
    token = b64url(b'{"alg":"%s"}' % alg.encode()) + "." + b64url(b'{"sub":"admin"}') + "."
    err = refused(jwt.InvalidAlgorithmError, token)
    assert isinstance(err, sigmint.UnsupportedAlgorithmError)
    # Allowing "none" does not make sigmint accept it.
    refused(jwt.InvalidAlgorithmError, token, algorithms=["none", "HS256"])


def test_alg_none_without_trailing_dot() -> None:
    token = b64url(b'{"alg":"none"}') + "." + b64url(b'{"sub":"admin"}')
    err = refused(jwt.DecodeError, token)
    assert isinstance(err, sigmint.MalformedTokenError)


def test_alg_none_with_an_hmac_signature() -> None:
    refused(jwt.InvalidAlgorithmError, mint({"alg": "none"}, {"sub": "admin"}, KEY))


# -- RS/ES headers against an HMAC key ---------------------------------------------------------

PUBLIC_PEM = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n"
    "q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n"
    "-----END PUBLIC KEY-----\n"
)


@pytest.mark.parametrize("alg", ["RS256", "ES256", "PS256", "EdDSA", "hs256"])
def test_asymmetric_alg_signed_with_the_hmac_key(alg: str) -> None:
    token = mint({"alg": alg, "typ": "JWT"}, {"sub": "admin"}, KEY)
    err = refused(jwt.InvalidAlgorithmError, token, algorithms=["HS256", "RS256", "ES256"])
    assert isinstance(err, sigmint.UnsupportedAlgorithmError)


@pytest.mark.parametrize("key", [PUBLIC_PEM, PUBLIC_PEM.encode(), "ssh-rsa AAAAB3NzaC1yc2E user"])
def test_public_key_as_hmac_secret_is_refused(key) -> None:
    # The RS256 -> HS256 confusion: a token HMAC-signed with the server's public key.
    raw = key.encode() if isinstance(key, str) else key
    token = mint(HS256, {"sub": "admin"}, raw)
    with pytest.raises(jwt.InvalidKeyError) as info:
        decode(token, key=key)
    assert isinstance(info.value, sigmint.InvalidKeyError)
    with pytest.raises(sigmint.InvalidKeyError):
        jws.decode(token, key, algorithms=["HS256"])
    with pytest.raises(sigmint.InvalidKeyError):
        jwt.encode({"sub": "admin"}, key)


def test_hs384_hs512_are_not_allowed() -> None:
    for alg in ["HS384", "HS512"]:
        token = mint({"alg": alg}, {}, KEY)
        err = refused(jwt.InvalidAlgorithmError, token, algorithms=["HS256", alg])
        assert isinstance(err, sigmint.AlgorithmNotAllowedError)


# -- keys -------------------------------------------------------------------------------------

def test_none_key_is_pyjwts_type_error() -> None:
    # PyJWT's force_bytes: a None key is a TypeError (sigmint read it as empty before).
    token = mint(HS256, {}, KEY)
    for call in (lambda: decode(token, key=None), lambda: jws.decode(token, None, ["HS256"]),
                 lambda: jwt.encode({}, None)):
        with pytest.raises(TypeError, match="Expected a string value"):
            call()


@pytest.mark.parametrize("key", [b"", "", bytearray(), memoryview(b"")])
def test_empty_key(key) -> None:
    token = mint(HS256, {}, KEY)
    with pytest.raises(jwt.InvalidKeyError) as info:
        decode(token, key=key)
    assert isinstance(info.value, sigmint.EmptyKeyError)
    with pytest.raises(sigmint.EmptyKeyError):
        jws.decode(token, key, algorithms=["HS256"])
    with pytest.raises(jwt.InvalidKeyError):
        jwt.encode({}, key)


def test_short_key_refused_only_when_asked() -> None:
    token = mint(HS256, {"n": 1}, b"short")
    with pytest.warns(jwt.InsecureKeyLengthWarning):
        assert decode(token, key=b"short") == {"n": 1}
    with pytest.raises(jwt.InvalidKeyError) as info:
        decode(token, key=b"short", options={"enforce_minimum_key_length": True})
    assert isinstance(info.value, sigmint.KeyTooShortError)
    with pytest.raises(sigmint.KeyTooShortError):
        jws.decode(token, b"short", ["HS256"], {"enforce_minimum_key_length": True})
    long_enough = b"k" * 32
    token = mint(HS256, {"n": 1}, long_enough)
    assert decode(token, key=long_enough, options={"enforce_minimum_key_length": True}) == {"n": 1}


# -- time claims ------------------------------------------------------------------------------

@pytest.mark.parametrize("claim", ["exp", "nbf", "iat"])
@pytest.mark.parametrize(
    "value, error",
    [
        (str(NOW + 100), sigmint.InvalidClaimTypeError),
        (NOW + 100.5, sigmint.InvalidClaimTypeError),
        (1e12, sigmint.InvalidClaimTypeError),
        (-1, sigmint.InvalidClaimTypeError),
        (True, sigmint.InvalidClaimTypeError),
        ([NOW], sigmint.InvalidClaimTypeError),
        (2**63, sigmint.IntegerOverflowError),
        (10**30, sigmint.IntegerOverflowError),
    ],
    ids=["string", "float", "exponent", "negative", "bool", "array", "2**63", "10**30"],
)
def test_time_claim_of_the_wrong_type(claim: str, value, error) -> None:
    token = mint(HS256, {claim: value}, KEY)
    err = refused(jwt.DecodeError, token)
    assert isinstance(err, error)
    # A malformed registered claim is refused even with its check (or every check) off.
    refused(jwt.DecodeError, token, options={f"verify_{claim}": False})
    refused(jwt.DecodeError, token, options={"verify_signature": False})


def test_time_claim_extremes() -> None:
    assert decode(mint(HS256, {"exp": 2**63 - 1}, KEY)) == {"exp": 2**63 - 1}
    refused(jwt.ExpiredSignatureError, mint(HS256, {"exp": 0}, KEY))
    refused(jwt.ImmatureSignatureError, mint(HS256, {"nbf": 2**63 - 1}, KEY))
    refused(jwt.ImmatureSignatureError, mint(HS256, {"iat": 2**63 - 1}, KEY))
    # null is not a NumericDate (RFC 7519 §2): refused, never read as "does not expire".
    for claim in ["exp", "nbf", "iat"]:
        err = refused(jwt.DecodeError, mint(HS256, {claim: None}, KEY))
        assert isinstance(err, sigmint.InvalidClaimTypeError), claim
        refused(jwt.DecodeError, mint(HS256, {claim: None}, KEY), options={f"verify_{claim}": False})


def test_iat_in_the_future() -> None:
    err = refused(jwt.ImmatureSignatureError, mint(HS256, {"iat": NOW + 10}, KEY))
    assert isinstance(err, sigmint.IssuedInFutureError)
    assert decode(mint(HS256, {"iat": NOW + 10}, KEY), leeway=10) == {"iat": NOW + 10}


# -- issuer and audience ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "iss",
    ["https://api.example.test.evil", "api.example.test", "https://api.example", "", "HTTPS://API.EXAMPLE.TEST"],
)
def test_issuer_is_never_a_substring_match(iss: str) -> None:
    token = mint(HS256, {"iss": iss}, KEY)
    refused(jwt.InvalidIssuerError, token, issuer="https://api.example.test")
    refused(jwt.InvalidIssuerError, token, issuer=["https://api.example.test", "other"])


def test_issuer_exact() -> None:
    token = mint(HS256, {"iss": "https://api.example.test"}, KEY)
    assert decode(token, issuer="https://api.example.test")
    assert decode(token, issuer=("x", "https://api.example.test"))
    assert decode(token, issuer={"https://api.example.test"})


def test_aud_present_when_none_expected() -> None:
    for aud in ["pos", ["pos"], ["pos", "mobile"]]:
        err = refused(jwt.InvalidAudienceError, mint(HS256, {"aud": aud}, KEY))
        assert isinstance(err, sigmint.InvalidAudienceError)


def test_aud_of_the_wrong_shape() -> None:
    for aud in [1, [1], {"a": "pos"}, ["pos", None]]:
        refused(jwt.DecodeError, mint(HS256, {"aud": aud}, KEY), audience="pos")


# -- crit -------------------------------------------------------------------------------------

def test_unknown_crit() -> None:
    header = {"alg": "HS256", "crit": ["exp"], "exp": 1}
    err = refused(jwt.InvalidTokenError, mint(header, {}, KEY))
    assert isinstance(err, sigmint.UnknownCriticalError)
    for bad in [[], "exp", [1]]:
        refused(jwt.DecodeError, mint({"alg": "HS256", "crit": bad}, {}, KEY))


# -- size and shape ---------------------------------------------------------------------------

def test_oversized_token() -> None:
    big = mint(HS256, {"pad": "x" * 20_000}, KEY)
    err = refused(jwt.DecodeError, big)
    assert isinstance(err, sigmint.TokenTooLargeError)
    # A caller may raise the limit.
    assert decode(big, max_token_len=len(big))["pad"] == "x" * 20_000
    refused(jwt.DecodeError, big, max_token_len=len(big) - 1)


def test_size_is_checked_before_the_bytes() -> None:
    # One byte over the limit is too large whatever it holds; at the limit, bytes that are not
    # UTF-8 are a malformed token.
    limit = jwt.DEFAULT_MAX_TOKEN_LEN
    over = b"\xc3" + b"e" * (limit - 1) + b"\xff"
    refused(sigmint.TokenTooLargeError, over)
    refused(sigmint.MalformedTokenError, over[:limit])
    with pytest.raises(sigmint.TokenTooLargeError):
        jwt.get_unverified_header(over)


def test_one_megabyte_token() -> None:
    token = mint(HS256, {"pad": "y" * 1_000_000}, KEY)
    assert len(token) > 1_000_000
    refused(sigmint.TokenTooLargeError, token)
    with pytest.raises(jwt.DecodeError):
        jwt.get_unverified_header(token)
    with pytest.raises(jwt.DecodeError):
        jws.decode(token, KEY, algorithms=["HS256"])
    # Accepted when the caller allows its size.
    assert len(decode(token, max_token_len=2_000_000)["pad"]) == 1_000_000


@pytest.mark.parametrize("token", ["." * 10_000, "a." * 5_000 + "a", "..", ".", "", "a.b.c.d"])
def test_many_dots_and_wrong_segment_counts(token: str) -> None:
    err = refused(jwt.DecodeError, token)
    assert isinstance(err, (sigmint.MalformedTokenError, sigmint.InvalidJsonError))
    with pytest.raises(jwt.DecodeError):
        jwt.get_unverified_header(token)


def _segments(token: str) -> list:
    return token.split(".")


@pytest.mark.parametrize("where", [0, 1, 2])
@pytest.mark.parametrize("change", ["padding", "plus", "slash", "space", "bang", "newline"])
def test_non_canonical_base64url(where: int, change: str) -> None:
    token = mint(HS256, {"sub": "user"}, KEY)
    parts = _segments(token)
    mutate = {
        "padding": lambda s: s + "=" * (-len(s) % 4 or 2),
        "plus": lambda s: s[:-1] + "+",
        "slash": lambda s: "/" + s[1:],
        "space": lambda s: s[:2] + " " + s[2:],
        "bang": lambda s: s + "!",
        "newline": lambda s: s + "\n",
    }[change]
    parts[where] = mutate(parts[where])
    if where < 2:
        # Re-sign the altered text, so that only its encoding is wrong.
        token = mint(None, None, KEY, sign_text=".".join(parts[:2]))
    else:
        token = ".".join(parts)
    err = refused(jwt.DecodeError, token)
    assert not isinstance(err, jwt.InvalidSignatureError)
    assert isinstance(err, sigmint.MalformedTokenError)


@pytest.mark.parametrize("where", [0, 1, 2])
def test_non_zero_trailing_bits(where: int) -> None:
    # Segment lengths of 2 or 3 mod 4 leave unused bits in the last character; set them.
    header = b'{"alg":"HS256" }'  # 16 bytes: 22 characters, 4 unused bits
    payload = b'{"sub":"u"}'  # 11 bytes: 15 characters, 2 unused bits (the tag: 43, 2 bits)
    parts = [b64url(header), b64url(payload)]
    token = mint(None, None, KEY, sign_text=".".join(parts))
    parts = _segments(token)
    assert all(len(p) % 4 in (2, 3) for p in parts), [len(p) % 4 for p in parts]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = parts[where][-1]
    parts[where] = parts[where][:-1] + alphabet[alphabet.index(last) | 1]
    assert parts[where][-1] != last
    if where < 2:
        token = mint(None, None, KEY, sign_text=".".join(parts[:2]))
    else:
        token = ".".join(parts)
    err = refused(jwt.DecodeError, token)
    assert isinstance(err, sigmint.MalformedTokenError)


# -- duplicate keys ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "payload",
    [
        b'{"sub":"user","sub":"admin"}',
        b'{"exp":1,"\\u0065xp":4102444800}',
        b'{"a":{"b":1,"b":2}}',
        b'{"a":[{"x":1,"x":1}]}',
    ],
)
def test_duplicate_claims(payload: bytes) -> None:
    err = refused(jwt.DecodeError, mint(HS256, payload, KEY))
    assert isinstance(err, sigmint.DuplicateKeyError)
    refused(jwt.DecodeError, mint(HS256, payload, KEY), options={"verify_signature": False})


def test_duplicate_header_keys() -> None:
    token = mint(b'{"alg":"HS256","alg":"none"}', {}, KEY)
    refused(sigmint.DuplicateKeyError, token)
    with pytest.raises(sigmint.DuplicateKeyError):
        jwt.get_unverified_header(token)


# -- hostile payloads -------------------------------------------------------------------------

def test_twenty_thousand_nested_arrays() -> None:
    for payload in [b"[" * 20_000 + b"]" * 20_000, b'{"a":' + b"[" * 20_000 + b"]" * 20_000 + b"}"]:
        token = mint(HS256, payload, KEY)
        refused(jwt.DecodeError, token)  # too large first
        err = refused(jwt.DecodeError, token, max_token_len=10**6)
        assert isinstance(err, sigmint.JsonTooDeepError)
        with pytest.raises(sigmint.JsonTooDeepError):
            jwt.decode(token, options={"verify_signature": False}, max_token_len=10**6)
        # jws.decode does not parse the payload: the bytes come back as they are.
        assert jws.decode(token, KEY, algorithms=["HS256"], max_token_len=10**6) == payload


def test_nesting_limit() -> None:
    def nested(depth: int) -> bytes:
        return b'{"a":' * depth + b"1" + b"}" * depth  # `depth` objects, one in another

    assert decode(mint(HS256, nested(32), KEY))
    refused(sigmint.JsonTooDeepError, mint(HS256, nested(33), KEY))
    assert decode(mint(HS256, nested(33), KEY), max_depth=33)
    assert decode(mint(HS256, nested(64), KEY), max_depth=1000)
    refused(sigmint.JsonTooDeepError, mint(HS256, nested(65), KEY), max_depth=1000)
    deep_header = {"alg": "HS256", "x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}
    with pytest.raises(sigmint.JsonTooDeepError):
        jwt.get_unverified_header(mint(deep_header, {}, KEY))


@pytest.mark.parametrize(
    "payload", [b'{"s":"\xff"}', b'{"s":"\xc3"}', b'{"\xed\xa0\x80":1}', b"\xef\xbb\xbf{}"]
)
def test_invalid_utf8_in_the_payload(payload: bytes) -> None:
    token = mint(HS256, payload, KEY)
    err = refused(jwt.DecodeError, token)
    assert isinstance(err, (sigmint.InvalidUtf8Error, sigmint.InvalidJsonError))
    if payload.startswith(b"{"):
        assert isinstance(err, sigmint.InvalidUtf8Error)


def test_invalid_utf8_token_bytes() -> None:
    err = refused(jwt.DecodeError, b"\xff.\xfe.\xfd")
    assert isinstance(err, sigmint.MalformedTokenError)
    refused(sigmint.InvalidUtf8Error, "\udc80.a.b")


@pytest.mark.parametrize("payload", [b"[1]", b'"s"', b"1", b"null", b"", b"{", b'{"a":01}', b'{"s":"\\ud800"}'])
def test_payload_must_be_a_json_object(payload: bytes) -> None:
    err = refused(jwt.DecodeError, mint(HS256, payload, KEY))
    assert isinstance(err, sigmint.InvalidJsonError)


def test_no_recursion_error_on_hostile_encode_input() -> None:
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(sigmint.JsonTooDeepError):
        jwt.encode({"a": deep}, KEY)
    loop: dict = {}
    loop["self"] = loop
    with pytest.raises(ValueError):
        jwt.encode(loop, KEY)

"""sigmint.jwt and sigmint.jws against the shared vectors: tests/vectors/jwt_hs256.json and
jws_rfc.json."""

from __future__ import annotations

import base64

import pytest

import sigmint
from sigmint import jws, jwt

from _support import load_vectors

# Some vectors use keys shorter than 32 bytes (providers' documented examples): PyJWT and
# sigmint warn of them (InsecureKeyLengthWarning, tested in test_pyjwt_surface.py).
pytestmark = pytest.mark.filterwarnings("ignore::sigmint.jwt.InsecureKeyLengthWarning")

JWT = load_vectors("jwt_hs256.json")
RFC = load_vectors("jws_rfc.json")
#: A fixed clock for the vectors (2025-12-11, a minute after the Fonbnk tokens were issued).
NOW = 1765454133

#: The PyJWT exception each `expected_error` of jwt_hs256.json stands for.
EXPECTED = {
    "malformed": jwt.DecodeError,
    "invalid_signature": jwt.InvalidSignatureError,
    "unsupported_algorithm": jwt.InvalidAlgorithmError,
    "expired": jwt.ExpiredSignatureError,
    "not_yet_valid": jwt.ImmatureSignatureError,
}


def b64url_key(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def audience_of(claims: dict):
    aud = claims.get("aud")
    return aud[0] if isinstance(aud, list) else aud


def test_vectors_are_there() -> None:
    assert len(JWT["valid"]) >= 3 and len(JWT["invalid"]) >= 10
    assert len(JWT["from_provider_docs"]) == 3
    assert {c["expected_error"] for c in JWT["invalid"]} == set(EXPECTED)


@pytest.mark.parametrize("case", JWT["valid"], ids=[c["name"] for c in JWT["valid"]])
class TestValid:
    def test_decodes_to_the_vector_claims(self, case: dict) -> None:
        key = bytes.fromhex(case["key_hex"])
        claims = jwt.decode(
            case["token"], key, algorithms=["HS256"], now=NOW, audience=audience_of(case["claims"])
        )
        assert claims == case["claims"]
        assert list(claims) == list(case["claims"])  # document order
        assert type(claims) is dict

    def test_str_key_bytes_token_and_any_listed_audience(self, case: dict) -> None:
        key = bytes.fromhex(case["key_hex"])
        aud = case["claims"].get("aud")
        claims = jwt.decode(
            case["token"].encode(), key.decode(), algorithms=("HS256",), now=NOW,
            audience=["someone-else", *(aud or [])] if aud else None,
        )
        assert claims == case["claims"]

    def test_header(self, case: dict) -> None:
        header = case.get("header", {"alg": "HS256", "typ": "JWT"})
        assert jwt.get_unverified_header(case["token"]) == header
        assert jws.get_unverified_header(case["token"].encode()) == header

    def test_wrong_key_is_an_invalid_signature(self, case: dict) -> None:
        with pytest.raises(jwt.InvalidSignatureError):
            jwt.decode(case["token"], b"another key", algorithms=["HS256"], now=NOW,
                       audience=audience_of(case["claims"]))

    def test_reminted_by_sigmint_is_the_same_token(self, case: dict) -> None:
        # The vectors were minted as PyJWT mints (claims by json.dumps(separators=(",", ":")),
        # header keys sorted); sigmint writes the same bytes.
        key = bytes.fromhex(case["key_hex"])
        header = case.get("header", {"alg": "HS256", "typ": "JWT"})
        extra = {k: v for k, v in header.items() if k not in ("alg", "typ")}
        assert jwt.encode(case["claims"], key, headers=extra or None) == case["token"]


@pytest.mark.parametrize("case", JWT["invalid"], ids=[c["name"] for c in JWT["invalid"]])
def test_invalid(case: dict) -> None:
    key = bytes.fromhex(case["key_hex"])
    expected = EXPECTED[case["expected_error"]]
    with pytest.raises(expected) as info:
        jwt.decode(case["token"], key, algorithms=["HS256"], now=NOW)
    assert isinstance(info.value, sigmint.Error)
    if case["expected_error"] == "malformed":
        assert not isinstance(info.value, jwt.InvalidSignatureError)


@pytest.mark.parametrize(
    "case", JWT["from_provider_docs"], ids=[c["name"] for c in JWT["from_provider_docs"]]
)
class TestProviderDocs:
    def test_payload_reads_without_verification(self, case: dict) -> None:
        claims = jwt.decode(case["token"], options={"verify_signature": False})
        assert claims == case["claims"]
        # Checks that are off by default stay off, whatever the clock says.
        assert jwt.decode(case["token"], options={"verify_signature": False}, now=2**40) == claims

    @pytest.mark.parametrize("key", [b"k", b"\x00" * 32, "secret", "x" * 100])
    def test_no_key_verifies_it(self, case: dict, key) -> None:
        with pytest.raises(jwt.InvalidSignatureError):
            jwt.decode(case["token"], key, algorithms=["HS256"], now=NOW)


class TestRfc7515A1:
    case = RFC["rfc7515_a1"]

    def test_decodes_with_its_clock(self) -> None:
        key = b64url_key(self.case["key_b64url"])
        claims = jwt.decode(self.case["token"], key, algorithms=["HS256"], now=self.case["now"])
        assert claims == self.case["claims"]
        assert jwt.get_unverified_header(self.case["token"]) == self.case["header"]

    def test_expired_one_second_later(self) -> None:
        key = b64url_key(self.case["key_b64url"])
        with pytest.raises(jwt.ExpiredSignatureError):
            jwt.decode(self.case["token"], key, algorithms=["HS256"], now=self.case["now"] + 1)
        # ... unless the leeway covers it.
        claims = jwt.decode(self.case["token"], key, algorithms=["HS256"],
                            now=self.case["now"] + 1, leeway=1)
        assert claims == self.case["claims"]

    def test_jws_decode_gives_the_payload_bytes(self) -> None:
        key = b64url_key(self.case["key_b64url"])
        payload = jws.decode(self.case["token"], key, algorithms=["HS256"])
        assert payload.startswith(b'{"iss":"joe",\r\n "exp":1300819380,')


class TestRfc7520Section44:
    case = RFC["rfc7520_4_4"]

    def test_jws_decode_returns_the_plain_text(self) -> None:
        key = b64url_key(self.case["key_b64url"])
        payload = jws.decode(self.case["token"], key, algorithms=["HS256"])
        assert type(payload) is bytes
        assert payload == self.case["payload_utf8"].encode("utf-8")
        assert jws.decode(self.case["token"], options={"verify_signature": False}) == payload
        assert jws.get_unverified_header(self.case["token"]) == self.case["header"]

    def test_jwt_decode_refuses_a_payload_that_is_not_json(self) -> None:
        key = b64url_key(self.case["key_b64url"])
        with pytest.raises(jwt.DecodeError) as info:
            jwt.decode(self.case["token"], key, algorithms=["HS256"])
        assert isinstance(info.value, sigmint.InvalidJsonError)
        assert not isinstance(info.value, jwt.InvalidSignatureError)

    def test_jws_wrong_key(self) -> None:
        with pytest.raises(jws.InvalidSignatureError):
            jws.decode(self.case["token"], b"wrong", algorithms=["HS256"])

    def test_jws_algorithms_required(self) -> None:
        key = b64url_key(self.case["key_b64url"])
        with pytest.raises(jws.DecodeError, match='"algorithms" argument'):
            jws.decode(self.case["token"], key)
        with pytest.raises(jws.InvalidAlgorithmError):
            jws.decode(self.case["token"], key, algorithms=["HS512"])

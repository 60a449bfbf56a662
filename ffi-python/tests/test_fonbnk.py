"""sigmint.fonbnk: bad input (one test each), timestamps, the clock, and secret hygiene."""

from __future__ import annotations

import copy
import enum
import pickle
import time
from collections import OrderedDict
from types import SimpleNamespace

import pytest

import sigmint
from sigmint import fonbnk

from _support import FONBNK_CASES

CASE = FONBNK_CASES[0]  # "user tokens v2 (no query)"
SECRET = CASE["clientSecret"]
TS = int(CASE["timestamp"])
EP = CASE["endpoint"]
U64_MAX = 2**64 - 1


@pytest.fixture
def signer() -> fonbnk.Signer:
    return fonbnk.Signer("demo-client-id", SECRET)


# --- secrets -------------------------------------------------------------------------------


def test_empty_secret() -> None:
    with pytest.raises(sigmint.EmptyKeyError):
        fonbnk.Signer("id", "")


@pytest.mark.parametrize("secret", ["====", "==", "="])
def test_secret_of_only_padding(secret: str) -> None:
    with pytest.raises(sigmint.InvalidBase64Error):
        fonbnk.Signer("id", secret)


@pytest.mark.parametrize(
    "secret",
    ["c2Vj cmV0", "c2VjcmV0\n", "c2Vj.mV0", "c2VjcmV0!", "c2VjcmV0\x00", "c2VjcmV0é"],
    ids=["space", "newline", "dot", "bang", "nul", "non-ascii"],
)
def test_secret_with_characters_outside_both_alphabets(secret: str) -> None:
    with pytest.raises(sigmint.InvalidBase64Error) as info:
        fonbnk.Signer("id", secret)
    assert secret not in str(info.value)


@pytest.mark.parametrize("secret", ["Y", "YWJjZ", "YQ=", "YQ===", "=YWI", "YW=I"])
def test_secret_of_impossible_length_or_misplaced_padding(secret: str) -> None:
    with pytest.raises(sigmint.InvalidBase64Error):
        fonbnk.Signer("id", secret)


def test_secret_must_be_str() -> None:
    with pytest.raises(TypeError, match="client_secret must be str, not bytes"):
        fonbnk.Signer("id", SECRET.encode())  # type: ignore[arg-type]


def test_secret_with_lone_surrogate() -> None:
    with pytest.raises(sigmint.InvalidUtf8Error):
        fonbnk.Signer("id", "c2Vj\ud800")


# --- client ids ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "client_id",
    ["", "a b", "a\r\nx-evil: 1", "tab\t", "café", "\x7f", "a" * 129],
    ids=["empty", "space", "crlf", "tab", "non-ascii", "del", "too-long"],
)
def test_bad_client_id(client_id: str) -> None:
    with pytest.raises(sigmint.InvalidClientIdError):
        fonbnk.Signer(client_id, SECRET)


def test_client_id_limits() -> None:
    longest = "a" * 128
    assert fonbnk.Signer(longest, SECRET).client_id == longest
    visible = "".join(chr(c) for c in range(0x21, 0x7F))
    assert fonbnk.Signer(visible, SECRET).client_id == visible


def test_client_id_must_be_str() -> None:
    with pytest.raises(TypeError, match="client_id must be str, not int"):
        fonbnk.Signer(42, SECRET)  # type: ignore[arg-type]


# --- endpoints -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["api/v2/user/tokens", "", "https://x/api", " /api"])
def test_endpoint_without_leading_slash(path: str, signer: fonbnk.Signer) -> None:
    with pytest.raises(sigmint.EndpointNotAbsoluteError):
        fonbnk.endpoint(path)
    with pytest.raises(sigmint.EndpointNotAbsoluteError):
        fonbnk.endpoint(path, {"a": "b"})
    with pytest.raises(sigmint.EndpointNotAbsoluteError):
        signer.sign(path, TS)
    with pytest.raises(sigmint.EndpointNotAbsoluteError):
        fonbnk.string_to_sign(path, TS)


def test_path_with_query_and_params() -> None:
    assert fonbnk.endpoint("/api?x=1") == "/api?x=1"
    assert fonbnk.endpoint("/api?x=1", []) == "/api?x=1"
    assert fonbnk.endpoint("/api?x=1", {}) == "/api?x=1"
    with pytest.raises(sigmint.PathHasQueryError):
        fonbnk.endpoint("/api?x=1", [("y", "2")])
    with pytest.raises(sigmint.PathHasQueryError):
        fonbnk.endpoint("/api?", {"y": 2})


def test_path_with_fragment() -> None:
    with pytest.raises(sigmint.EndpointInvalidCharError):
        fonbnk.endpoint("/api#frag", [("y", "2")])
    with pytest.raises(sigmint.EndpointInvalidCharError):
        fonbnk.endpoint("/api#frag")


@pytest.mark.parametrize("path", ["/a b", "/a\tb", "/a\nb", "/é", "/a\x7f"])
def test_path_with_characters_not_sent_as_is(path: str, signer: fonbnk.Signer) -> None:
    with pytest.raises(sigmint.EndpointInvalidCharError):
        fonbnk.endpoint(path)
    with pytest.raises(sigmint.EndpointInvalidCharError):
        signer.sign(path, TS)
    with pytest.raises(sigmint.EndpointInvalidCharError):
        signer.headers(path, TS)


def test_endpoint_path_must_be_str(signer: fonbnk.Signer) -> None:
    with pytest.raises(TypeError, match="path must be str, not bytes"):
        fonbnk.endpoint(b"/api")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="endpoint must be str, not NoneType"):
        signer.sign(None, TS)  # type: ignore[arg-type]


# --- params --------------------------------------------------------------------------------


def test_params_forms_keep_order() -> None:
    expected = "/p?b=2&a=1&b=3"
    assert fonbnk.endpoint("/p", [("b", "2"), ("a", "1"), ("b", "3")]) == expected
    assert fonbnk.endpoint("/p", (["b", "2"], ["a", "1"], ["b", "3"])) == expected
    assert fonbnk.endpoint("/p", (p for p in [("b", 2), ("a", 1), ("b", 3)])) == expected
    assert fonbnk.endpoint("/p", OrderedDict([("z", "1"), ("a", "2")])) == "/p?z=1&a=2"
    assert fonbnk.endpoint("/p", {"z": "1", "a": "2"}) == "/p?z=1&a=2"
    assert fonbnk.endpoint("/p", None) == "/p"
    assert fonbnk.endpoint("/p", []) == "/p"


def test_int_params_in_decimal() -> None:
    class Color(enum.IntEnum):
        RED = 1

    assert fonbnk.endpoint("/p", {"n": 10, 7: -5, "c": Color.RED}) == "/p?n=10&7=-5&c=1"
    assert fonbnk.endpoint("/p", [("big", 2**80)]) == f"/p?big={2**80}"


@pytest.mark.parametrize(
    "params, message",
    [
        ([("a", True)], r"params\[0\] value must be str or int, not bool"),
        ({"a": False}, r"params\[0\] value must be str or int, not bool"),
        ([(None, "x")], r"params\[0\] name must be str or int, not NoneType"),
        ([("a", 1.5)], r"params\[0\] value must be str or int, not float"),
        ([("a", "1"), ("b", b"x")], r"params\[1\] value must be str or int, not bytes"),
        ([("a", ["1", "2"])], r"params\[0\] value must be str or int, not list"),
        ({"a": None}, r"params\[0\] value must be str or int, not NoneType"),
        ([("a",)], r"params\[0\] must be a \(name, value\) pair, not tuple of length 1"),
        ([("a", "b", "c")], r"params\[0\] must be a \(name, value\) pair, not tuple of length 3"),
        (["ab"], r"params\[0\] must be a \(name, value\) pair, not str"),
        ([1], r"params\[0\] must be a \(name, value\) pair, not int"),
        ("a=b", r"params must be a mapping or a sequence of \(name, value\) pairs, not str"),
        (b"a=b", r"params must be a mapping or a sequence of \(name, value\) pairs, not bytes"),
        (42, r"params must be a mapping or a sequence of \(name, value\) pairs, not int"),
    ],
)
def test_non_str_params(params: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        fonbnk.endpoint("/p", params)  # type: ignore[arg-type]


def test_params_with_lone_surrogate() -> None:
    with pytest.raises(sigmint.InvalidUtf8Error):
        fonbnk.endpoint("/p", [("a", "x\ud800y")])


def test_low_level_endpoint_takes_only_str_pairs() -> None:
    from sigmint import _sigmint

    assert _sigmint.fonbnk_endpoint("/p", [("a", "b")]) == "/p?a=b"
    with pytest.raises(TypeError, match="param value must be str, not int"):
        _sigmint.fonbnk_endpoint("/p", [("a", 1)])


# --- timestamps ----------------------------------------------------------------------------


@pytest.mark.parametrize("ts, text", [(0, "0"), (U64_MAX, "18446744073709551615")])
def test_timestamp_extremes(ts: int, text: str, signer: fonbnk.Signer) -> None:
    assert fonbnk.string_to_sign(EP, ts) == f"{text}:{EP}"
    assert signer.headers(EP, ts)["x-timestamp"] == text
    assert len(signer.sign(EP, ts)) == 44


@pytest.mark.parametrize("ts", [-1, 2**64, -(2**70), 2**200])
def test_timestamp_out_of_range(ts: int, signer: fonbnk.Signer) -> None:
    for call in (
        lambda: signer.sign(EP, ts),
        lambda: signer.headers(EP, ts),
        lambda: fonbnk.string_to_sign(EP, ts),
    ):
        with pytest.raises(ValueError, match=r"timestamp_ms must be between 0 and 2\*\*64-1"):
            call()


@pytest.mark.parametrize("ts", [True, 1.0, "1765454073000", 1.7e12])
def test_timestamp_of_wrong_type(ts: object, signer: fonbnk.Signer) -> None:
    with pytest.raises(TypeError, match="timestamp_ms must be an int"):
        signer.sign(EP, ts)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="timestamp_ms must be an int"):
        fonbnk.string_to_sign(EP, ts)  # type: ignore[arg-type]


def test_headers_without_timestamp_read_the_clock(
    signer: fonbnk.Signer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(time, "time_ns", lambda: TS * 1_000_000 + 999_999)
    assert signer.headers(EP) == {
        "x-client-id": "demo-client-id",
        "x-timestamp": CASE["timestamp"],
        "x-signature": CASE["signature"],
    }
    assert signer.headers(EP, None)["x-timestamp"] == CASE["timestamp"]
    assert fonbnk.now_ms() == TS


def test_headers_with_the_real_clock(signer: fonbnk.Signer) -> None:
    before = time.time_ns() // 1_000_000
    ts = int(signer.headers(EP)["x-timestamp"])
    after = time.time_ns() // 1_000_000
    assert before <= ts <= after


# --- secret hygiene ------------------------------------------------------------------------


def secret_fragments() -> list:
    import base64

    raw = base64.b64decode(SECRET)
    return [SECRET, SECRET.rstrip("="), raw.decode("latin-1"), raw.hex(), "secret-key"]


def test_repr_hides_the_secret(signer: fonbnk.Signer) -> None:
    for text in (repr(signer), str(signer), repr(signer._signer), str(signer._signer)):
        assert "demo-client-id" in text
        for fragment in secret_fragments():
            assert fragment not in text
    assert repr(signer) == "Signer(client_id='demo-client-id')"


def test_secret_is_not_kept_in_python(signer: fonbnk.Signer) -> None:
    assert not hasattr(signer, "__dict__")
    assert not hasattr(signer._signer, "__dict__")
    for obj in (signer, signer._signer):
        for name in dir(obj):
            value = getattr(obj, name, None)
            if isinstance(value, (str, bytes)):
                assert value not in secret_fragments() and SECRET not in str(value), name


def test_signer_is_immutable(signer: fonbnk.Signer) -> None:
    with pytest.raises(AttributeError):
        signer.secret = SECRET  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        signer._signer.client_id = "other"  # type: ignore[misc]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_signer_cannot_be_pickled(signer: fonbnk.Signer, protocol: int) -> None:
    for obj in (signer, signer._signer, fonbnk.Auth("id", SECRET)):
        with pytest.raises(TypeError, match="cannot pickle") as info:
            pickle.dumps(obj, protocol)
        assert SECRET not in str(info.value)


def test_copy_returns_the_same_immutable_signer(signer: fonbnk.Signer) -> None:
    assert copy.copy(signer) is signer
    assert copy.deepcopy(signer) is signer
    assert copy.deepcopy(signer._signer) is signer._signer


def test_errors_never_show_the_secret() -> None:
    secret = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0=="  # one '=' too many
    with pytest.raises(sigmint.InvalidBase64Error) as info:
        fonbnk.Signer("id", secret)
    assert "c2Vj" not in str(info.value) and "c2Vj" not in repr(info.value)


# --- Auth ----------------------------------------------------------------------------------


class FakePreparedRequest:
    """What requests hands an auth callable: path_url (path and query) and headers."""

    def __init__(self, path_url: str) -> None:
        self.path_url = path_url
        self.headers: dict = {"Content-Type": "application/json"}


class FakeHttpxRequest:
    """What httpx hands a function auth: url.raw_path (bytes, path and query) and headers."""

    def __init__(self, raw_path: bytes) -> None:
        self.url = SimpleNamespace(raw_path=raw_path)
        self.headers: dict = {}


@pytest.mark.parametrize("case", FONBNK_CASES[3:6], ids=lambda c: c["name"])
def test_auth_signs_the_path_and_query_as_sent(case: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time_ns", lambda: int(case["timestamp"]) * 1_000_000)
    for request in (
        FakePreparedRequest(case["endpoint"]),
        FakeHttpxRequest(case["endpoint"].encode("ascii")),
    ):
        # A fresh Auth each time: one Auth never signs two requests with the same timestamp.
        auth = fonbnk.Auth("demo-client-id", case["clientSecret"])
        assert auth(request) is request
        assert request.headers["x-client-id"] == "demo-client-id"
        assert request.headers["x-timestamp"] == case["timestamp"]
        assert request.headers["x-signature"] == case["signature"]
    assert repr(auth) == "Auth(client_id='demo-client-id')"
    shared = fonbnk.Auth.from_signer(auth.signer)
    assert shared.signer is auth.signer


def test_auth_never_repeats_a_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time_ns", lambda: 1_765_454_073_000 * 1_000_000)
    auth = fonbnk.Auth("demo-client-id", SECRET)
    stamps = [auth(FakePreparedRequest("/api/v2/user/tokens")).headers["x-timestamp"] for _ in range(3)]
    assert stamps == ["1765454073000", "1765454073001", "1765454073002"]
    shared = fonbnk.Auth.from_signer(auth.signer)
    assert shared(FakeHttpxRequest(b"/p")).headers["x-timestamp"] == "1765454073000"


def test_verify_takes_the_timestamp_header_as_headers_gives_it(signer: fonbnk.Signer) -> None:
    headers = signer.headers(EP, 1_765_454_073_000)
    signer.verify(EP, headers["x-timestamp"], headers["x-signature"])
    signer.verify(EP, int(headers["x-timestamp"]), headers["x-signature"])
    fonbnk.check_timestamp(headers["x-timestamp"], 1_765_454_073_000)


@pytest.mark.parametrize("text", ["", "+1", "-1", " 1", "1 ", "1_000", "\u0661", "1.0", "1" + "9" * 30])
def test_parse_timestamp_takes_ascii_digits_within_64_bits(text: str, signer: fonbnk.Signer) -> None:
    with pytest.raises(sigmint.InvalidFieldError):
        fonbnk.parse_timestamp(text)
    with pytest.raises(sigmint.InvalidFieldError):
        signer.verify(EP, text, "A" * 44)
    assert fonbnk.parse_timestamp("0" * 5000 + "17") == 17
    assert fonbnk.parse_timestamp(str(2**64 - 1)) == 2**64 - 1

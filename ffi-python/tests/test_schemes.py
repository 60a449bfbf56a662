"""sigmint.Scheme: core's canonical-string engine from Python. The presets and any template
against a reference written with hmac, hashlib and base64 (property tests), the cases of
tests/vectors/schemes.json (which the Rust tests read too), and each error core reports for
a scheme, with its context (the offset in a template, the part at fault)."""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import pickle
from typing import Any, Callable, Dict, List, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sigmint
from sigmint import Scheme, _sigmint

from _support import load_vectors

SCHEMES = load_vectors("schemes.json")

PRESETS = {
    "fonbnk": ("{timestamp}:{path}", "base64", "base64", ""),
    "coinbase": ("{timestamp}{method}{path}{body}", "base64", "base64", ""),
    "binance": ("{query}{body}", "raw", "hex", ""),
    "github": ("{body}", "raw", "hex", "sha256="),
    "slack": ("v0:{timestamp}:{body}", "raw", "hex", "v0="),
    "stripe": ("{timestamp}.{body}", "raw", "hex", ""),
    "shopify": ("{body}", "raw", "base64", ""),
}


# --- a reference, with the standard library --------------------------------------------------


def ref_key(secret: bytes, encoding: str) -> bytes:
    if encoding == "raw":
        return secret
    if encoding == "base64":
        return base64.b64decode(secret, validate=True)
    return bytes.fromhex(secret.decode("ascii"))


def ref_tag(tag: bytes, encoding: str) -> str:
    if encoding == "base64":
        return base64.b64encode(tag).decode()
    if encoding == "base64url":
        return base64.urlsafe_b64encode(tag).rstrip(b"=").decode()
    return tag.hex()


def ref_part(field: str, parts: Dict[str, Any]) -> bytes:
    if field == "body_sha256":
        return hashlib.sha256(parts.get("body", b"")).hexdigest().encode()
    value = parts.get(field, b"")
    if isinstance(value, int):
        return str(value).encode()
    return value if isinstance(value, bytes) else value.encode()


def ref_sign(segments: List[Tuple[str, str]], key: bytes, tag: str, prefix: str, parts: Dict[str, Any]) -> Tuple[bytes, str]:
    """(string to sign, signature) of a template given as (kind, text) segments."""
    text = b"".join(t.encode() if kind == "literal" else ref_part(t, parts) for kind, t in segments)
    mac = hmac.new(key, text, hashlib.sha256).digest()
    return text, prefix + ref_tag(mac, tag)


def segments_of(template: str) -> List[Tuple[str, str]]:
    """A preset's template (no literal braces) as segments."""
    out: List[Tuple[str, str]] = []
    rest = template
    while rest:
        if rest.startswith("{"):
            name, _, rest = rest[1:].partition("}")
            out.append(("field", name))
        else:
            literal, brace, tail = rest.partition("{")
            out.append(("literal", literal))
            rest = brace + tail
    return out


# --- strategies -------------------------------------------------------------------------------

#: Visible ASCII but '#': what a path, query or textual timestamp may be (core's rule).
SENDABLE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) != "#")
timestamps = st.one_of(
    st.integers(min_value=0, max_value=2**64 - 1),
    st.text(alphabet=SENDABLE, min_size=1, max_size=24),
)
methods = st.from_regex(r"[A-Z]{1,8}", fullmatch=True)
paths = st.text(alphabet=SENDABLE, max_size=60).map(lambda p: "/" + p)
queries = st.text(alphabet=SENDABLE, max_size=60).filter(lambda q: not q.startswith("?"))
bodies = st.binary(max_size=300)
raw_secrets = st.binary(min_size=1, max_size=100)


def secrets_for(encoding: str) -> st.SearchStrategy[bytes]:
    if encoding == "raw":
        return raw_secrets
    if encoding == "base64":
        return raw_secrets.map(base64.b64encode)
    return raw_secrets.map(lambda b: b.hex().encode())


all_parts = st.fixed_dictionaries(
    {"timestamp": timestamps, "method": methods, "path": paths, "query": queries, "body": bodies}
)


# --- presets ----------------------------------------------------------------------------------


def test_presets_are_cores() -> None:
    assert _sigmint.SCHEME_PRESETS == tuple(PRESETS)
    for name, (template, key, encoding, prefix) in PRESETS.items():
        scheme = Scheme.preset(name)
        assert (scheme.template, scheme.key, scheme.encoding, scheme.prefix) == (template, key, encoding, prefix)
        assert scheme.name == name
        assert scheme == Scheme(template, key=key, encoding=encoding, prefix=prefix)
        assert Scheme(template, key=key, encoding=encoding, prefix=prefix).name == name


def test_preset_names_are_exact() -> None:
    for bad in ["Slack", "slack ", "", "fonbnk2"]:
        with pytest.raises(sigmint.UnknownSchemeError):
            Scheme.preset(bad)
    with pytest.raises(TypeError):
        Scheme.preset(b"slack")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(PRESETS))
@settings(max_examples=60, deadline=None)
@given(data=st.data(), parts=all_parts)
def test_every_preset_matches_the_reference(name: str, data: st.DataObject, parts: Dict[str, Any]) -> None:
    template, key_encoding, tag_encoding, prefix = PRESETS[name]
    scheme = Scheme.preset(name)
    secret = data.draw(secrets_for(key_encoding))
    used = {f: parts[f] for f in scheme.fields if f in parts}
    if "body" not in used:
        used["body"] = parts["body"]
    text, expected = ref_sign(segments_of(template), ref_key(secret, key_encoding), tag_encoding, prefix, used)
    assert scheme.sign(secret, **used) == expected
    assert scheme.string_to_sign(**used) == text
    scheme.verify(secret, expected, **used)
    scheme.verify(secret.decode("latin-1") if key_encoding != "raw" else secret, expected.encode(), **used)
    assert len(expected) == scheme.signature_len
    # Any other body (for the schemes that sign it) or secret is refused.
    if "body" in scheme.fields:
        with pytest.raises(sigmint.InvalidSignatureError):
            scheme.verify(secret, expected, **{**used, "body": used["body"] + b"x"})


#: Field names a random template may use.
FIELDS = ["timestamp", "method", "path", "query", "body", "body_sha256"]
segments = st.lists(
    st.one_of(
        st.sampled_from(FIELDS).map(lambda f: ("field", f)),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8).map(lambda t: ("literal", t)),
    ),
    min_size=1,
    max_size=8,
)


def template_of(segs: List[Tuple[str, str]]) -> str:
    return "".join(
        t.replace("{", "{{").replace("}", "}}") if kind == "literal" else "{" + t + "}" for kind, t in segs
    )


@settings(max_examples=300, deadline=None)
@given(
    segs=segments,
    key_encoding=st.sampled_from(["raw", "base64", "hex"]),
    tag_encoding=st.sampled_from(["base64", "base64url", "hex"]),
    prefix=st.text(alphabet="".join(chr(c) for c in range(0x21, 0x7F)), max_size=32),
    parts=all_parts,
    data=st.data(),
)
def test_any_template_matches_the_reference(
    segs: List[Tuple[str, str]], key_encoding: str, tag_encoding: str, prefix: str, parts: Dict[str, Any], data: st.DataObject
) -> None:
    template = template_of(segs)
    scheme = Scheme(template, key=key_encoding, encoding=tag_encoding, prefix=prefix)
    assert (scheme.template, scheme.key, scheme.encoding, scheme.prefix) == (template, key_encoding, tag_encoding, prefix)
    used_fields = {t for kind, t in segs if kind == "field"}
    assert set(scheme.fields) == used_fields
    assert list(scheme.fields) == [f for f in FIELDS if f in used_fields]
    secret = data.draw(secrets_for(key_encoding))
    text, expected = ref_sign(segs, ref_key(secret, key_encoding), tag_encoding, prefix, parts)
    assert scheme.string_to_sign(**parts) == text
    assert scheme.sign(secret, **parts) == expected
    scheme.verify(secret, expected, **parts)
    # Hex tags are read in either case; nothing else but the exact text matches.
    if tag_encoding == "hex":
        scheme.verify(secret, prefix + expected[len(prefix):].upper(), **parts)
    with pytest.raises(sigmint.InvalidSignatureError):
        scheme.verify(secret, expected[:-1], **parts)
    with pytest.raises(sigmint.InvalidSignatureError):
        scheme.verify(secret, "x" + expected, **parts)


# --- the shared vectors -----------------------------------------------------------------------


def vector_parts(case: Dict[str, Any]) -> Dict[str, Any]:
    parts: Dict[str, Any] = dict(case.get("parts", {}))
    parts["body"] = case["body"].encode("utf-8")
    return parts


@pytest.mark.parametrize(
    "case",
    [c for c in SCHEMES["cases"] if "signature" in c],
    ids=[f"{c['provider']}-{i}" for i, c in enumerate(SCHEMES["cases"]) if "signature" in c],
)
def test_vectors_sign_verify_and_show(case: Dict[str, Any]) -> None:
    scheme = Scheme.preset(case["provider"])
    parts = vector_parts(case)
    assert scheme.sign(case["secret"], **parts) == case["signature"]
    assert scheme.sign(case["secret"].encode(), **parts) == case["signature"]
    scheme.verify(case["secret"], case["signature"], **parts)
    assert scheme.string_to_sign(**parts) == case["stringToSign"].encode("utf-8")
    # The body as text is its UTF-8 bytes.
    assert scheme.sign(case["secret"], **{**parts, "body": case["body"]}) == case["signature"]


def test_vectors_are_all_used() -> None:
    signed = [c for c in SCHEMES["cases"] if "signature" in c]
    assert len(signed) >= 11
    assert {c["provider"] for c in signed} == set(PRESETS)


def test_timestamp_int_is_its_decimal_text() -> None:
    stripe = Scheme.preset("stripe")
    assert stripe.sign("k", timestamp=1492774577, body=b"{}") == stripe.sign("k", timestamp="1492774577", body=b"{}")
    assert stripe.string_to_sign(timestamp=2**64 - 1, body=b"") == b"18446744073709551615."
    assert stripe.string_to_sign(timestamp=0, body=b"") == b"0."
    # Text is signed as sent: leading zeros and fractions stay.
    assert stripe.string_to_sign(timestamp="007.5", body=b"") == b"007.5."


# --- arguments --------------------------------------------------------------------------------


def test_defaults_and_attributes() -> None:
    scheme = Scheme("x{body}")  # "{body}" with the defaults is Shopify's preset
    # core's defaults: a raw secret, a base64 tag (as C's and Kotlin's)
    assert (scheme.key, scheme.encoding, scheme.prefix, scheme.name) == ("raw", "base64", "", None)
    assert scheme.fields == ("body",)
    assert Scheme("{body}").name == "shopify"
    assert scheme.signature_len == 44
    assert Scheme("{body}", key="hex", encoding="base64url", prefix="t=").signature_len == 45
    assert scheme.sign(b"k") == base64.b64encode(hmac.new(b"k", b"x", hashlib.sha256).digest()).decode()
    assert scheme.sign(b"k", body=None) == scheme.sign(b"k", body=b"")
    assert scheme.sign(bytearray(b"k"), body=memoryview(b"ab")) == scheme.sign("k", body="ab")


def test_repr_equality_hash_copy_pickle() -> None:
    scheme = Scheme("v0:{timestamp}:{body}", key="raw", encoding="hex", prefix="v0=")
    assert repr(scheme) == "Scheme('v0:{timestamp}:{body}', key='raw', encoding='hex', prefix='v0=')"
    assert eval(repr(scheme), {"Scheme": Scheme}) == scheme
    assert scheme == Scheme.preset("slack") and hash(scheme) == hash(Scheme.preset("slack"))
    assert scheme != Scheme("v0:{timestamp}:{body}", prefix="v1=")
    assert scheme != Scheme("v0:{timestamp}:{body}", key="hex", prefix="v0=")
    assert scheme != "v0:{timestamp}:{body}"
    assert len({Scheme.preset(n) for n in PRESETS} | {scheme}) == len(PRESETS)
    assert copy.copy(scheme) is scheme and copy.deepcopy(scheme) is scheme
    again = pickle.loads(pickle.dumps(Scheme.preset("coinbase")))
    assert again == Scheme.preset("coinbase") and again.name == "coinbase"
    assert type(again) is Scheme and Scheme.__module__ == "sigmint"
    with pytest.raises(AttributeError):
        scheme.template = "{body}"  # type: ignore[misc]


def test_no_secret_in_errors() -> None:
    secret = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw=="
    for call in [
        lambda: Scheme.preset("coinbase").sign(secret + "!", timestamp=1, method="GET", path="/"),
        lambda: Scheme("{body}", key="hex").sign(secret),
        lambda: Scheme.preset("coinbase").verify(secret, "AAAA", timestamp=1, method="GET", path="/"),
    ]:
        with pytest.raises(sigmint.Error) as info:
            call()
        assert secret not in str(info.value) and secret not in repr(info.value.args)


@pytest.mark.parametrize(
    "call, expected",
    [
        (lambda: Scheme(b"{body}"), "template must be str"),  # type: ignore[arg-type]
        (lambda: Scheme("{body}", key="rot13"), "key must be one of 'raw', 'base64', 'hex'"),
        (lambda: Scheme("{body}", encoding="b64"), "encoding must be one of 'base64', 'base64url', 'hex'"),
        (lambda: Scheme("{body}", key=1), "key must be one of"),  # type: ignore[arg-type]
        (lambda: Scheme("{body}").sign(1), "secret must be str or bytes"),  # type: ignore[arg-type]
        (lambda: Scheme("{body}").sign("k", body=1), "body must be str or bytes"),  # type: ignore[arg-type]
        (lambda: Scheme("{timestamp}").sign("k", timestamp=1.5), "timestamp must be an int"),  # type: ignore[arg-type]
        (lambda: Scheme("{timestamp}").sign("k", timestamp=True), "timestamp must be an int"),
        (lambda: Scheme("{method}").sign("k", method=b"GET"), "method must be str"),  # type: ignore[arg-type]
        (lambda: Scheme("{body}").verify("k", 5), "signature must be str or bytes"),  # type: ignore[arg-type]
    ],
)
def test_argument_types(call: Callable[[], Any], expected: str) -> None:
    with pytest.raises((TypeError, ValueError)) as info:
        call()
    assert not isinstance(info.value, sigmint.Error)
    assert expected in str(info.value)


def test_a_secret_given_as_the_key_encoding_is_not_shown() -> None:
    secret = "sk-live-0123456789abcdef"
    for call in (lambda: Scheme("{body}", key=secret), lambda: Scheme("{body}", encoding=secret)):
        with pytest.raises(ValueError) as info:
            call()
        assert secret not in str(info.value) and secret not in repr(info.value.args)


def test_timestamp_range() -> None:
    for bad in [-1, 2**64]:
        with pytest.raises(ValueError, match="between 0 and 2\\*\\*64-1"):
            Scheme("{timestamp}").sign("k", timestamp=bad)


def test_lone_surrogates_are_invalid_utf8() -> None:
    with pytest.raises(sigmint.InvalidUtf8Error):
        Scheme("{path}").sign("k", path="/\udc80")
    with pytest.raises(sigmint.InvalidUtf8Error):
        Scheme("{body}").sign("k\udc80")


# --- core's errors, with their context --------------------------------------------------------


@pytest.mark.parametrize(
    "template, offset",
    [("", 0), ("{", 0), ("ab}", 2), ("{body", 0), ("{bo{dy}", 3), ("a{body", 1)],
)
def test_malformed_template_names_the_offset(template: str, offset: int) -> None:
    with pytest.raises(sigmint.MalformedTemplateError) as info:
        Scheme(template)
    assert info.value.offset == offset  # type: ignore[attr-defined]
    assert str(info.value).endswith(f"(at offset {offset})")
    assert str(info.value).startswith(_sigmint.ERRORS[sigmint.MalformedTemplateError.code - 1][2])


@pytest.mark.parametrize(
    "template, offset",
    [("x{}", 1), ("{Body}", 0), ("{body} {path }", 7), ("{time}", 0), ("v0:{timestamp}:{bodysha256}", 15)],
)
def test_unknown_field_names_the_offset(template: str, offset: int) -> None:
    with pytest.raises(sigmint.UnknownTemplateFieldError) as info:
        Scheme(template)
    assert info.value.offset == offset  # type: ignore[attr-defined]
    assert f"(at offset {offset})" in str(info.value)


@pytest.mark.parametrize(
    "missing", ["timestamp", "method", "path", "query"],
)
def test_missing_part_names_it(missing: str) -> None:
    scheme = Scheme("{timestamp}{method}{path}{query}{body}")
    parts: Dict[str, Any] = {"timestamp": 1, "method": "GET", "path": "/", "query": ""}
    scheme.sign("k", **parts)
    del parts[missing]
    with pytest.raises(sigmint.MissingPartError) as info:
        scheme.sign("k", **parts)
    assert info.value.part == missing  # type: ignore[attr-defined]
    assert str(info.value).endswith(f": {missing}")
    with pytest.raises(sigmint.MissingPartError):
        scheme.string_to_sign(**parts)
    with pytest.raises(sigmint.MissingPartError):
        scheme.verify("k", "00" * 32, **parts)


@pytest.mark.parametrize(
    "part, value",
    [
        ("timestamp", ""),
        ("timestamp", "1 2"),
        ("timestamp", "1#2"),
        ("timestamp", "1é"),
        ("method", "get"),
        ("method", ""),
        ("method", "GE T"),
        ("query", "?a=1"),
        ("query", "a=1#f"),
        ("query", "a b"),
    ],
)
def test_invalid_part_names_it(part: str, value: str) -> None:
    scheme = Scheme("{timestamp}{method}{path}{query}{body}")
    parts: Dict[str, Any] = {"timestamp": 1, "method": "GET", "path": "/", "query": "", part: value}
    with pytest.raises(sigmint.InvalidPartError) as info:
        scheme.sign("k", **parts)
    assert info.value.part == part  # type: ignore[attr-defined]
    assert isinstance(info.value, ValueError)
    assert str(info.value).endswith(f": {part}")


def test_invalid_path_is_the_endpoint_errors() -> None:
    scheme = Scheme("{path}")
    with pytest.raises(sigmint.EndpointNotAbsoluteError):
        scheme.sign("k", path="orders")
    with pytest.raises(sigmint.EndpointInvalidCharError):
        scheme.sign("k", path="/a b")


@pytest.mark.parametrize("prefix", ["a b", "x" * 33, "é", "\t"])
def test_invalid_prefix(prefix: str) -> None:
    with pytest.raises(sigmint.InvalidPartError) as info:
        Scheme("{body}", prefix=prefix)
    assert info.value.part == "prefix"  # type: ignore[attr-defined]


@pytest.mark.parametrize("secret", ["abc", "zz", "0g", "12 4"])
def test_invalid_hex_secret(secret: str) -> None:
    with pytest.raises(sigmint.InvalidHexError) as info:
        Scheme("{body}", key="hex").sign(secret)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == _sigmint.ERRORS[sigmint.InvalidHexError.code - 1][2]


def test_hex_secret_either_case() -> None:
    lower = Scheme("{body}", key="hex").sign("0aff", body=b"x")
    assert lower == Scheme("{body}", key="hex").sign("0AFF", body=b"x") == Scheme("{body}").sign(b"\x0a\xff", body=b"x")


def test_other_secret_errors() -> None:
    with pytest.raises(sigmint.EmptyKeyError):
        Scheme("{body}").sign("")
    with pytest.raises(sigmint.EmptyKeyError):
        Scheme("{body}", key="hex").sign(b"")
    with pytest.raises(sigmint.InvalidBase64Error):
        Scheme.preset("coinbase").sign("!!!!", timestamp=1, method="GET", path="/")


def test_signatures_of_other_shapes_do_not_match() -> None:
    scheme = Scheme.preset("github")
    good = scheme.sign("s", body=b"x")
    for bad in [good[len("sha256="):], good + "0", "sha256=" + "0" * 64, "sha1=" + good[7:], "", good.replace("sha256=", "SHA256=")]:
        with pytest.raises(sigmint.InvalidSignatureError):
            scheme.verify("s", bad, body=b"x")
    scheme.verify("s", good.encode(), body=b"x")
    scheme.verify("s", "sha256=" + good[7:].upper(), body=b"x")


def test_string_to_sign_of_a_large_body() -> None:
    body = bytes(range(256)) * 400
    assert Scheme("a{body}b{body_sha256}").string_to_sign(body=body) == b"a" + body + b"b" + hashlib.sha256(body).hexdigest().encode()


def test_literal_braces() -> None:
    scheme = Scheme("{{{body}}}")
    assert scheme.string_to_sign(body=b"x") == b"{x}"
    assert scheme.fields == ("body",)


def test_optional_parts_not_signed_are_ignored() -> None:
    # A part the template does not sign may be given, and is not checked.
    body_only = Scheme("{body}")
    assert body_only.sign("k", body=b"x", method="not a method", query="?#") == body_only.sign("k", body=b"x")


def test_fonbnk_preset_is_the_fonbnk_signer() -> None:
    from _support import FONBNK_CASES

    for case in FONBNK_CASES:
        signer = sigmint.fonbnk.Signer("id", case["clientSecret"])
        expected = signer.sign(case["endpoint"], int(case["timestamp"]))
        scheme = Scheme.preset("fonbnk")
        assert scheme.sign(case["clientSecret"], timestamp=int(case["timestamp"]), path=case["endpoint"]) == expected
        assert scheme.string_to_sign(timestamp=case["timestamp"], path=case["endpoint"]) == case["stringToSign"].encode()


def test_optional_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Scheme("{body}").sign("k", b"body")  # type: ignore[misc]


#!/usr/bin/env python3
"""Writes tests/vectors/parity.json: cases every binding (Rust, C, Python) must give the same
verdict for. Tokens are minted here with the standard library (hmac, base64, json), so no
binding's own minting decides a case. Run: python3 tests/vectors/gen/parity.py"""

import base64
import hashlib
import hmac
import json
import pathlib

SECRET = "parity-secret-of-thirty-two-b!!!"
PAST, FUTURE = 1000, 4102444800  # 1970 and 2100: any clock today is between them


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(claims_json: str, header=None, secret=SECRET) -> str:
    header = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = b64(json.dumps(header, separators=(",", ":")).encode()) + "." + b64(claims_json.encode())
    tag = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(tag)


def case(name, claims, expect, **validation):
    claims_json = claims if isinstance(claims, str) else json.dumps(claims, separators=(",", ":"))
    return {"name": name, "token": token(claims_json), "validation": validation, "expect": expect}


jwt = [
    case("no_claims", {}, "ok"),
    case("exp_future", {"exp": FUTURE}, "ok"),
    case("exp_past", {"exp": PAST}, "expired"),
    case("exp_past_skipped", {"exp": PAST}, "ok", skip=["exp"]),
    case("exp_past_within_leeway", {"exp": PAST}, "ok", leeway=FUTURE),
    case("nbf_future", {"nbf": FUTURE}, "not_yet_valid"),
    case("nbf_future_skipped", {"nbf": FUTURE}, "ok", skip=["nbf"]),
    case("iat_future", {"iat": FUTURE}, "issued_in_future"),
    case("pyjwt_order_iat_first", {"exp": PAST, "nbf": FUTURE, "iat": FUTURE}, "issued_in_future"),
    case("pyjwt_order_nbf_before_exp", {"exp": PAST, "nbf": FUTURE}, "not_yet_valid"),
    case("exp_string", '{"exp":"4102444800"}', "invalid_claim_type"),
    case("exp_float", '{"exp":4102444800.5}', "invalid_claim_type"),
    case("exp_negative", '{"exp":-1}', "invalid_claim_type"),
    case("exp_skipped_still_typed", '{"exp":"x"}', "invalid_claim_type", skip=["exp"]),
    case("exp_overflow", '{"exp":9223372036854775808}', "integer_overflow"),
    # null is not a NumericDate nor a string (RFC 7519 §2, §4.1): refused, never "absent".
    case("exp_null", '{"exp":null}', "invalid_claim_type"),
    case("exp_null_skipped", '{"exp":null}', "invalid_claim_type", skip=["exp"]),
    case("nbf_null", '{"nbf":null}', "invalid_claim_type"),
    case("iat_null", '{"iat":null}', "invalid_claim_type"),
    case("sub_null", '{"sub":null}', "invalid_claim_type"),
    case("jti_null", '{"jti":null}', "invalid_claim_type"),
    case("iss_null", '{"iss":null}', "invalid_claim_type"),
    case("aud_unexpected", {"aud": "pos"}, "invalid_audience"),
    case("aud_unexpected_skipped", {"aud": "pos"}, "ok", skip=["aud"]),
    case("aud_empty_is_absent", {"aud": ""}, "ok"),
    case("aud_one_of", {"aud": ["web", "pos"]}, "ok", audience=["mobile", "pos"]),
    case("aud_none_of", {"aud": ["web"]}, "invalid_audience", audience=["mobile", "pos"]),
    case("aud_prefix_is_not_a_match", {"aud": "po"}, "invalid_audience", audience=["pos"]),
    case("aud_missing", {}, "missing_claim", audience=["pos"]),
    case("aud_not_strings", '{"aud":[1]}', "invalid_claim_type", audience=["pos"]),
    case("strict_aud_string", {"aud": "pos"}, "ok", audience=["pos"], strict_aud=True),
    case("strict_aud_array", {"aud": ["pos"]}, "invalid_audience", audience=["pos"], strict_aud=True),
    case("strict_aud_two_expected", {"aud": "pos"}, "invalid_audience", audience=["pos", "web"], strict_aud=True),
    case("iss_exact", {"iss": "https://issuer.test"}, "ok", issuer=["https://issuer.test"]),
    case("iss_suffix", {"iss": "https://issuer.test.evil"}, "invalid_issuer", issuer=["https://issuer.test"]),
    case("iss_missing", {}, "missing_claim", issuer=["https://issuer.test"]),
    case("iss_skipped", {"iss": "other"}, "ok", issuer=["https://issuer.test"], skip=["iss"]),
    case("sub_match", {"sub": "user-1"}, "ok", subject="user-1"),
    case("sub_mismatch", {"sub": "user-2"}, "invalid_subject", subject="user-1"),
    case("sub_absent", {}, "ok", subject="user-1"),
    case("sub_required_absent", {}, "missing_claim", subject="user-1", require=["sub"]),
    case("sub_skipped", {"sub": "user-2"}, "ok", subject="user-1", skip=["sub"]),
    case("sub_not_a_string", '{"sub":1}', "invalid_claim_type"),
    case("sub_after_aud", {"aud": "web", "sub": "user-2"}, "invalid_audience", audience=["pos"], subject="user-1"),
    case("required_present", {"uid": "u"}, "ok", require=["uid"]),
    case("required_absent", {"exp": FUTURE}, "missing_claim", require=["exp", "uid"]),
    case("required_null", {"uid": None}, "missing_claim", require=["uid"]),
    case("required_list_too_long", {}, "list_too_long", require=[f"c{i}" for i in range(17)]),
    case("jti_not_a_string", '{"jti":7}', "invalid_claim_type"),
    case("payload_not_an_object", "[1]", "invalid_json"),
    case("duplicate_claim", '{"exp":1,"exp":2}', "duplicate_key"),
]

header_json = b64(b'{"alg":"HS256","typ":"JWT"}')
raw = [
    {"name": "not_utf8", "token_hex": (b"\xff\xfe." + header_json.encode()).hex(), "expect": "malformed_token"},
    {"name": "two_segments", "token_hex": "e30.e30".encode().hex(), "expect": "malformed_token"},
    {"name": "padded_segment", "token_hex": (token("{}").split(".")[0] + "=.e30.x").encode().hex(), "expect": "malformed_token"},
    {"name": "alg_none", "token_hex": (b64(b'{"alg":"none"}') + "." + b64(b"{}") + ".").encode().hex(), "expect": "unsupported_algorithm"},
    {"name": "alg_rs256", "token_hex": token("{}", {"alg": "RS256"}).encode().hex(), "expect": "unsupported_algorithm"},
    {"name": "other_key", "token_hex": token("{}", secret="another-secret").encode().hex(), "expect": "invalid_signature"},
    {"name": "crit", "token_hex": token("{}", {"alg": "HS256", "crit": ["x"], "x": 1}).encode().hex(), "expect": "unknown_critical"},
    # RFC 7797 §6: b64 must be listed in crit; without it a false b64 is refused, not read as base64url.
    {"name": "b64_false_without_crit", "token_hex": token("{}", {"alg": "HS256", "b64": False}).encode().hex(), "expect": "invalid_header"},
    {"name": "b64_false_in_crit", "token_hex": token("{}", {"alg": "HS256", "b64": False, "crit": ["b64"]}).encode().hex(), "expect": "unknown_critical"},
    {"name": "b64_not_a_boolean", "token_hex": token("{}", {"alg": "HS256", "b64": "false"}).encode().hex(), "expect": "invalid_header"},
    {"name": "b64_true", "token_hex": token("{}", {"alg": "HS256", "b64": True}).encode().hex(), "expect": "ok"},
]

# Fonbnk's inbound check: x-signature is base64(HMAC-SHA256(base64-decode(secret), "{ts}:{endpoint}")).
FONBNK_SECRET = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0="
FONBNK_TS, FONBNK_ENDPOINT = 1765454073000, "/api/v2/user/tokens"


def fonbnk_signature(ts: int, endpoint: str) -> str:
    tag = hmac.new(base64.b64decode(FONBNK_SECRET), f"{ts}:{endpoint}".encode(), hashlib.sha256).digest()
    return base64.b64encode(tag).decode()


good = fonbnk_signature(FONBNK_TS, FONBNK_ENDPOINT)
flipped = ("B" if good[0] == "A" else "A") + good[1:]


def verify_case(name, signature, expect, endpoint=FONBNK_ENDPOINT):
    return {"name": name, "timestamp_ms": FONBNK_TS, "endpoint": endpoint, "signature": signature, "expect": expect}


fonbnk_verify = [
    verify_case("matches", good, "ok"),
    verify_case("one_character_changed", flipped, "invalid_signature"),
    verify_case("other_endpoint", good, "invalid_signature", endpoint="/api/v2/user/tokens?x=1"),
    # Longer than a tag: 48 and 64 characters decode to 36 and 48 bytes, never a buffer error.
    verify_case("decodes_to_36_bytes", "A" * 48, "invalid_signature"),
    verify_case("decodes_to_48_bytes", good + good[:20], "invalid_signature"),
    verify_case("truncated", good[:40], "invalid_signature"),
    verify_case("empty", "", "invalid_signature"),
    verify_case("not_base64", "!" * 44, "invalid_signature"),
    verify_case("url_safe_alphabet", good.replace("+", "-").replace("/", "_") if ("+" in good or "/" in good) else "-" + good[1:], "invalid_signature"),
    verify_case("relative_endpoint", good, "endpoint_not_absolute", endpoint="api/v2/user/tokens"),
]

error_messages = [
    {"name": "json_message", "body": '{"message":"Invalid signature"}', "text": "Invalid signature"},
    {"name": "escaped_message", "body": '{"message":"caf\\u00e9 \\"x\\""}', "text": 'café "x"'},
    {"name": "mygiro_error", "body": '{"status":"error","message":"Account not found"}', "text": "Account not found"},
    {"name": "html_page", "body": "  <html>502 Bad Gateway</html>\n", "text": "<html>502 Bad Gateway</html>"},
    {"name": "json_without_message", "body": '{"error":"x"}', "text": '{"error":"x"}'},
    {"name": "only_whitespace", "body": " \r\n", "text": None},
    {"name": "empty_message", "body": '{"message":""}', "text": None},
    {"name": "not_utf8", "body_hex": "fffe", "text": None},
    {"name": "too_large", "body": " ", "repeat": 64 * 1024 + 1, "expect": "response_too_large"},
]

endpoints = [
    {"name": "path_only", "path": "/api/v2/user/tokens", "params": [], "endpoint": "/api/v2/user/tokens"},
    {"name": "params_in_order", "path": "/api/orders", "params": [["b", "2"], ["a", "x y+z"]], "endpoint": "/api/orders?b=2&a=x+y%2Bz"},
    {"name": "not_absolute", "path": "api/orders", "params": [], "expect": "endpoint_not_absolute"},
    {"name": "space", "path": "/a b", "params": [], "expect": "endpoint_invalid_char"},
    {"name": "fragment", "path": "/a#f", "params": [], "expect": "endpoint_invalid_char"},
    {"name": "query_and_params", "path": "/a?x=1", "params": [["y", "2"]], "expect": "path_has_query"},
]

doc = {
    "description": "Cases every binding must decide alike (tests/vectors/gen/parity.py writes this file).",
    "secret": SECRET,
    "jwt": jwt,
    "raw_tokens": raw,
    "error_messages": error_messages,
    "endpoints": endpoints,
    "fonbnk_secret": FONBNK_SECRET,
    "fonbnk_verify": fonbnk_verify,
}
out = pathlib.Path(__file__).resolve().parent.parent / "parity.json"
out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
print(
    f"wrote {out}: {len(jwt)} jwt, {len(raw)} raw tokens, {len(error_messages)} error bodies, "
    f"{len(endpoints)} endpoints, {len(fonbnk_verify)} Fonbnk signatures"
)

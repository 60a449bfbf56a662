"""Provider builders and parsers: the shared response vectors, and every kind of bad input.

The parsers are core's (`sigmint_core::providers`); these tests check that the binding hands
each field through (unescaped, typed) and that every bad body is a `sigmint.Error` subclass.
"""

from __future__ import annotations

import doctest
import json
import pickle

import pytest
from _support import FONBNK_CASES, load_vectors

import sigmint
from sigmint import fonbnk, mygiro, providers, sfox

VECTORS = load_vectors("provider_responses.json")
TOKENS = VECTORS["fonbnk_user_tokens"]
SFOX = VECTORS["sfox_user_token"]
MYGIRO = VECTORS["mygiro_generate_access_token"]

#: Core's KYC example (core/src/providers/fonbnk/responses.rs), with escapes and a float.
KYC = """{
  "passedKycType": "advanced", "reachedKycLimit": false, "kycStatus": "approved",
  "kycStatusDescription": "Partial \\u004datch",
  "basicDocuments": [{"_id": "67da909b739fc481aa525c43", "type": "basic", "title": "Voter ID",
    "value": "VOTER_ID", "requiredFields": {"first_name": {"type": "string", "label": "First Name", "required": true}}}],
  "advancedDocuments": [{"_id": "67da909b739fc481aa525c47", "type": "advanced", "title": "BVN", "value": "BVN"}],
  "kycRules": [{"type": "basic", "max": 100}, {"type": "advanced", "max": "Infinity"}, {"type": "x", "max": 2.5}, {"type": "y"}]
}"""


def both(body: str):
    """The body as str and as bytes (both accepted everywhere)."""
    return [body, body.encode("utf-8")]


# -- the shared vectors ---------------------------------------------------------------------


@pytest.mark.parametrize("body", both(TOKENS["body"]), ids=["str", "bytes"])
def test_fonbnk_user_tokens_vector(body) -> None:
    expected = TOKENS["expected"]
    tokens = fonbnk.parse_user_tokens(body)
    assert isinstance(tokens, fonbnk.UserTokens)
    assert tokens.access_token == expected["accessToken"]
    assert tokens.refresh_token == expected["refreshToken"]
    assert tokens.access_expires_at == expected["access_exp"]
    assert tokens.refresh_expires_at == expected["refresh_exp"]
    assert tokens.access_kind == expected["access_type"] == tokens.access.kind
    assert tokens.refresh_kind == expected["refresh_type"] == tokens.refresh.kind
    assert tokens.access_issued_at == tokens.refresh_issued_at == 1765454073
    assert isinstance(tokens.access, fonbnk.TokenLifetime)
    assert (tokens.access.issued_at, tokens.access.expires_at) == (1765454073, expected["access_exp"])
    assert tokens.access.expires_at - tokens.access.issued_at == 15 * 60
    assert tokens.refresh.expires_at - tokens.refresh.issued_at == 14 * 24 * 3600


def test_fonbnk_token_lifecycle() -> None:
    tokens = fonbnk.parse_user_tokens(TOKENS["body"])
    exp = tokens.access_expires_at
    assert not tokens.expired(exp - 1) and tokens.expired(exp)
    assert not tokens.needs_refresh(exp - 61) and tokens.needs_refresh(exp - 60)
    assert not tokens.needs_refresh(exp - 11, margin=10) and tokens.needs_refresh(exp - 10, margin=10)
    assert tokens.access.expired(exp) and not tokens.refresh.expired(exp)
    assert tokens.refresh.needs_refresh(tokens.refresh_expires_at - 5, 5)
    # The system clock by default: these example tokens expired in 2025.
    assert tokens.expired() and tokens.needs_refresh() and tokens.refresh.expired()
    with pytest.raises(ValueError):
        tokens.needs_refresh(exp, margin=-1)


@pytest.mark.parametrize("body", both(SFOX["body"]), ids=["str", "bytes"])
def test_sfox_user_token_vector(body) -> None:
    expected = SFOX["expected"]
    token = sfox.parse_user_token(body)
    assert isinstance(token, sfox.UserToken)
    assert token.token == expected["token"]
    assert token.partner_user_id == expected["partner_user_id"]
    assert token.expires == expected["expires"]
    assert token.expires_at_ms == expected["expires_unix_ms"]
    ms = token.expires_at_ms
    assert not token.expired(ms - 1) and token.expired(ms)
    assert token.needs_refresh(ms - 60_000) and not token.needs_refresh(ms - 60_001)
    assert token.needs_refresh(ms - 5, margin_ms=5) and not token.needs_refresh(ms - 6, margin_ms=5)
    assert token.expired()  # 2024


@pytest.mark.parametrize("body", both(MYGIRO["body"]), ids=["str", "bytes"])
def test_mygiro_access_token_vector(body) -> None:
    expected = MYGIRO["expected"]
    token = mygiro.parse_access_token(body)
    assert isinstance(token, mygiro.AccessToken)
    assert token.token == expected["token"]
    assert token.reset_token == expected["resetToken"]
    assert token.type == expected["type"]
    assert token.user == expected["user"]
    assert token.id == expected["_id"]
    assert token.created_at == expected["createdAt"]
    assert token.created_at_ms == expected["createdAt_unix_ms"]


def test_other_bytes_like_bodies() -> None:
    body = SFOX["body"].encode()
    for kind in (bytearray, memoryview):
        assert sfox.parse_user_token(kind(body)).token == SFOX["expected"]["token"]
    with pytest.raises(TypeError):
        sfox.parse_user_token(12)  # type: ignore[arg-type]
    with pytest.raises(sigmint.InvalidUtf8Error):
        sfox.parse_user_token('{"data":"\udc80"}')


def test_results_are_frozen_and_reprs_hide_tokens() -> None:
    tokens = fonbnk.parse_user_tokens(TOKENS["body"])
    sfox_token = sfox.parse_user_token(SFOX["body"])
    giro = mygiro.parse_access_token(MYGIRO["body"])
    for obj, secrets in [
        (tokens, [tokens.access_token, tokens.refresh_token, tokens.access_token.split(".")[2]]),
        (sfox_token, [sfox_token.token, sfox_token.token[:12]]),
        (giro, [giro.token, giro.token[:12], giro.reset_token]),
    ]:
        text = repr(obj)
        for secret in secrets:
            assert secret not in text, (text, secret)
        with pytest.raises(AttributeError):
            obj.token = "x"  # type: ignore[misc]
        with pytest.raises(TypeError):
            type(obj)()
    assert "expires_at=1765454973" in repr(tokens.access)
    assert "partner_user_id='client_db29326e" in repr(sfox_token)
    assert repr(tokens).startswith("UserTokens(access_token='eyJhbG…' (419 chars)")


# -- KYC -------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", both(KYC), ids=["str", "bytes"])
def test_kyc_state(body) -> None:
    state = fonbnk.parse_kyc_state(body)
    assert isinstance(state, fonbnk.KycState)
    assert (state.status, state.status_text) == ("approved", "approved")
    assert state.passed_kyc_type == "advanced"
    assert state.description == "Partial Match"  # \u004d unescaped
    assert state.reached_kyc_limit is False
    basic, advanced = state.documents
    assert isinstance(basic, fonbnk.KycDocument)
    assert (basic.id, basic.type, basic.title, basic.value) == (
        "67da909b739fc481aa525c43",
        "basic",
        "Voter ID",
        "VOTER_ID",
    )
    assert basic.required_fields == {
        "first_name": {"type": "string", "label": "First Name", "required": True}
    }
    assert advanced.required_fields == {} and advanced.title == "BVN"
    rules = state.rules
    assert all(isinstance(r, fonbnk.KycRule) for r in rules)
    assert [(r.type, r.max) for r in rules] == [
        ("basic", 100),
        ("advanced", "Infinity"),
        ("x", 2.5),
        ("y", None),
    ]
    assert type(rules[0].max) is int and type(rules[2].max) is float
    assert rules[0].json == {"type": "basic", "max": 100}
    assert state.json == json.loads(KYC)
    assert "status='approved'" in repr(state) and "Voter ID" in repr(basic)


def test_kyc_state_minimal_and_unknown_status() -> None:
    state = fonbnk.parse_kyc_state('{"kycStatus":"pending"}')
    assert (state.status, state.status_text) == ("unknown", "pending")
    assert state.passed_kyc_type is None and state.description is None
    assert state.reached_kyc_limit is None
    assert state.documents == () and state.rules == ()
    for known in ("initiated", "approved", "rejected", "invalid"):
        assert fonbnk.parse_kyc_state(json.dumps({"kycStatus": known})).status == known
    # Matching is exact: another case is another (unknown) value.
    assert fonbnk.parse_kyc_state('{"kycStatus":"Approved"}').status == "unknown"


def test_kyc_submit() -> None:
    assert fonbnk.parse_kyc_submit('{"success":true}') is True
    assert fonbnk.parse_kyc_submit(b'{"success":false}') is False


# -- bad input: each a clear sigmint.Error subclass ------------------------------------------

PARSERS = {
    "fonbnk_user_tokens": fonbnk.parse_user_tokens,
    "fonbnk_kyc_state": fonbnk.parse_kyc_state,
    "fonbnk_kyc_submit": fonbnk.parse_kyc_submit,
    "sfox_user_token": sfox.parse_user_token,
    "mygiro_access_token": mygiro.parse_access_token,
}
GOOD = {
    "fonbnk_user_tokens": TOKENS["body"],
    "fonbnk_kyc_state": KYC,
    "fonbnk_kyc_submit": '{"success":true}',
    "sfox_user_token": SFOX["body"],
    "mygiro_access_token": MYGIRO["body"],
}


@pytest.mark.parametrize("name", PARSERS)
def test_truncated_json(name: str) -> None:
    body = GOOD[name]
    for cut in sorted({1, len(body) // 3, len(body) // 2, len(body) - 2, len(body) - 1}):
        with pytest.raises(sigmint.InvalidJsonError):
            PARSERS[name](body[:cut])


@pytest.mark.parametrize("name", PARSERS)
@pytest.mark.parametrize(
    "body, error",
    [
        ("", sigmint.InvalidJsonError),
        ("   ", sigmint.InvalidJsonError),
        ("null", sigmint.InvalidJsonError),
        ("[]", sigmint.InvalidJsonError),
        ('"text"', sigmint.InvalidJsonError),
        ("<html>502 Bad Gateway</html>", sigmint.InvalidJsonError),
        ('{"a":1,"a":2}', sigmint.DuplicateKeyError),
        ("[" * 5000 + "]" * 5000, sigmint.JsonTooDeepError),
        (b"\xff\xfe", sigmint.InvalidUtf8Error),
    ],
    ids=["empty", "blank", "null", "array", "string", "html", "duplicate", "deep", "not-utf8"],
)
def test_not_an_answer(name: str, body, error) -> None:
    with pytest.raises(error):
        PARSERS[name](body)


@pytest.mark.parametrize("name", PARSERS)
def test_a_megabyte_body(name: str) -> None:
    body = GOOD[name]
    padded = body[:-1] + " " * (1024 * 1024) + body[-1]
    with pytest.raises(sigmint.ResponseTooLargeError):
        PARSERS[name](padded)
    with pytest.raises(sigmint.ResponseTooLargeError):
        PARSERS[name](b"x" * (1024 * 1024))
    # Exactly at the limit is still read.
    at_limit = body[:-1] + " " * (providers.MAX_RESPONSE_LEN - len(body.encode())) + body[-1]
    assert len(at_limit.encode()) == providers.MAX_RESPONSE_LEN
    PARSERS[name](at_limit)


def token_body(**changes) -> str:
    value = json.loads(TOKENS["body"])
    value.update(changes)
    return json.dumps({k: v for k, v in value.items() if v is not None})


@pytest.mark.parametrize(
    "body, error",
    [
        (token_body(refreshToken=None), sigmint.MissingFieldError),
        ('{"accessToken":null,"refreshToken":"x"}', sigmint.MissingFieldError),
        (token_body(accessToken=12), sigmint.InvalidFieldError),
        (token_body(refreshToken=["x"]), sigmint.InvalidFieldError),
        (token_body(accessToken="not-a-jwt"), sigmint.MalformedTokenError),
        # The two tokens swapped: the access token's type is "refresh".
        (
            token_body(accessToken=TOKENS["expected"]["refreshToken"], refreshToken=TOKENS["expected"]["accessToken"]),
            sigmint.WrongTokenTypeError,
        ),
        ('{"message":"Invalid signature"}', sigmint.ProviderError),
    ],
    ids=["missing", "null", "number", "array", "not-jwt", "swapped", "provider"],
)
def test_fonbnk_tokens_bad_fields(body: str, error) -> None:
    with pytest.raises(error):
        fonbnk.parse_user_tokens(body)


@pytest.mark.parametrize(
    "body, error",
    [
        ("{}", sigmint.MissingFieldError),
        ('{"kycStatus":null}', sigmint.MissingFieldError),
        ('{"kycStatus":1}', sigmint.InvalidFieldError),
        ('{"kycStatus":"approved","reachedKycLimit":"no"}', sigmint.InvalidFieldError),
        ('{"kycStatus":"approved","passedKycType":3}', sigmint.InvalidFieldError),
        ('{"kycStatus":"approved","basicDocuments":[{"title":"x"}]}', sigmint.MissingFieldError),
        ('{"kycStatus":"approved","basicDocuments":[7]}', sigmint.InvalidFieldError),
        ('{"kycStatus":"approved","basicDocuments":{}}', sigmint.InvalidFieldError),
        ('{"kycStatus":"approved","kycRules":[{"max":[1]}]}', sigmint.InvalidFieldError),
        ('{"message":"Forbidden"}', sigmint.ProviderError),
    ],
)
def test_kyc_bad_fields(body: str, error) -> None:
    with pytest.raises(error):
        fonbnk.parse_kyc_state(body)


@pytest.mark.parametrize(
    "body, error",
    [("{}", sigmint.MissingFieldError), ('{"success":"yes"}', sigmint.InvalidFieldError)],
)
def test_kyc_submit_bad_fields(body: str, error) -> None:
    with pytest.raises(error):
        fonbnk.parse_kyc_submit(body)


def sfox_body(**changes) -> str:
    value = json.loads(SFOX["body"])
    value["data"].update(changes)
    value["data"] = {k: v for k, v in value["data"].items() if v is not None}
    return json.dumps(value)


@pytest.mark.parametrize(
    "body, error",
    [
        ('{"data":null}', sigmint.MissingFieldError),  # null counts as missing (core's rule)
        ('{"data":"x"}', sigmint.InvalidFieldError),
        (sfox_body(token=None), sigmint.MissingFieldError),
        (sfox_body(partner_user_id=None), sigmint.MissingFieldError),
        (sfox_body(token=5), sigmint.InvalidFieldError),
        (sfox_body(expires=1715714529901), sigmint.InvalidFieldError),
        (sfox_body(expires="2024-05-14"), sigmint.InvalidDateError),
        (sfox_body(expires="2024-02-30T00:00:00Z"), sigmint.InvalidDateError),
        (sfox_body(expires="2024-05-14T24:00:00.000Z"), sigmint.InvalidDateError),
        (sfox_body(expires="yesterday"), sigmint.InvalidDateError),
        ('{"message":"invalid api key"}', sigmint.ProviderError),
    ],
)
def test_sfox_bad_fields(body: str, error) -> None:
    with pytest.raises(error):
        sfox.parse_user_token(body)


def mygiro_body(status="success", **changes) -> str:
    value = json.loads(MYGIRO["body"])
    value["status"] = status
    value["data"].update(changes)
    value["data"] = {k: v for k, v in value["data"].items() if v is not None}
    return json.dumps(value)


@pytest.mark.parametrize(
    "body, error",
    [
        (mygiro_body(token=None), sigmint.MissingFieldError),
        (mygiro_body(createdAt=None), sigmint.MissingFieldError),
        (mygiro_body(token=True), sigmint.InvalidFieldError),
        (mygiro_body(resetToken=1), sigmint.InvalidFieldError),
        (mygiro_body(createdAt="2019-13-07T01:12:02.315Z"), sigmint.InvalidDateError),
        (mygiro_body(createdAt="07/12/2019"), sigmint.InvalidDateError),
        ('{"status":"success"}', sigmint.MissingFieldError),
        ('{"status":"success","data":[]}', sigmint.InvalidFieldError),
        ('{"status":1,"data":{}}', sigmint.InvalidFieldError),
        ('{"status":"error","message":"Account not found"}', sigmint.ProviderError),
        (mygiro_body(status="error"), sigmint.ProviderError),
    ],
)
def test_mygiro_bad_fields(body: str, error) -> None:
    with pytest.raises(error):
        mygiro.parse_access_token(body)


@pytest.mark.parametrize(
    "parse, body, message",
    [
        (fonbnk.parse_user_tokens, '{"message":"Invalid signature"}', "Invalid signature"),
        (fonbnk.parse_kyc_state, b'{"statusCode":403,"message":"Forbidden \\"x\\""}', 'Forbidden "x"'),
        (mygiro.parse_access_token, '{"status":"error","message":"Account not found"}', "Account not found"),
        (mygiro.parse_access_token, '{"status":"error"}', '{"status":"error"}'),
    ],
)
def test_provider_error_carries_the_provider_text(parse, body, message: str) -> None:
    with pytest.raises(sigmint.ProviderError) as info:
        parse(body)
    err = info.value
    assert err.message == message and err.status is None
    assert message in str(err)
    assert isinstance(err, sigmint.Error) and not isinstance(err, ValueError)
    again = pickle.loads(pickle.dumps(err))
    assert (type(again), again.status, again.message, str(again)) == (type(err), None, message, str(err))


def test_provider_error_class() -> None:
    core_message = {name: text for _, name, text in sigmint._sigmint.ERRORS}["provider_error"]
    assert str(sigmint.ProviderError()) == core_message
    err = sigmint.ProviderError(None, 401, "Invalid signature")
    assert (err.status, err.message, err.description) == (401, "Invalid signature", core_message)
    assert str(err) == "the provider answered HTTP 401: Invalid signature"
    assert str(sigmint.ProviderError(None, 502)) == "the provider answered HTTP 502"


def test_error_message() -> None:
    assert providers.error_message('{"message":"Invalid signature"}') == "Invalid signature"
    assert providers.error_message(b"  <html>502</html>\n") == "<html>502</html>"
    assert providers.error_message('{"error":"x"}') == '{"error":"x"}'
    assert providers.error_message(b"   ") is None
    assert providers.error_message(b"\xff") is None
    assert providers.error_message('{"message":"caf\\u00e9 \\"x\\""}') == 'café "x"'
    at_limit = b" " * (providers.MAX_RESPONSE_LEN - 1) + b"x"
    assert providers.error_message(at_limit) == "x"
    with pytest.raises(sigmint.ResponseTooLargeError):
        providers.error_message(at_limit + b" ")


def test_parse_rfc3339_ms() -> None:
    assert providers.parse_rfc3339_ms("2024-05-14T19:22:09.901Z") == 1715714529901
    assert providers.parse_rfc3339_ms("2024-05-14T21:22:09.901+02:00") == 1715714529901
    for bad in ["", "2024-05-14", "2023-02-29T00:00:00Z", "2024-05-14T19:22:09"]:
        with pytest.raises(sigmint.InvalidDateError):
            providers.parse_rfc3339_ms(bad)


# -- builders ----------------------------------------------------------------------------------


def test_fonbnk_bodies() -> None:
    assert (
        fonbnk.user_query_json("testuser+ng@fonbnk.com", "NG")
        == '{"email":"testuser+ng@fonbnk.com","countryIsoCode":"NG"}'
    )
    assert fonbnk.user_query_json('a"b\\é@x', "NG") == '{"email":"a\\"b\\\\é@x","countryIsoCode":"NG"}'
    for email, country in [("", "NG"), (" ", "NG"), ("a@b", "ng"), ("a@b", "NGA"), ("a@b", "")]:
        with pytest.raises(sigmint.InvalidFieldError):
            fonbnk.user_query_json(email, country)
    body = fonbnk.kyc_submission_json("a@b", "67da909b739fc481aa525c43", {"first_name": "Adé", "n": 3})
    assert body == '{"email":"a@b","documentId":"67da909b739fc481aa525c43","userFields":{"first_name":"Adé","n":"3"}}'
    assert json.loads(fonbnk.kyc_submission_json("a@b", "d", [])) == {
        "email": "a@b",
        "documentId": "d",
        "userFields": {},
    }
    with pytest.raises(sigmint.DuplicateKeyError):
        fonbnk.kyc_submission_json("a@b", "d", [("a", "1"), ("a", "2")])
    with pytest.raises(sigmint.InvalidFieldError):
        fonbnk.kyc_submission_json("a@b", "", {})
    with pytest.raises(TypeError):
        fonbnk.kyc_submission_json("a@b", "d", {"x": 1.5})  # type: ignore[dict-item]


def test_fonbnk_endpoints_and_environments() -> None:
    assert [(e.name, e.path, e.method) for e in fonbnk.Endpoint] == [
        ("USER_TOKENS_V2", "/api/v2/user/tokens", "POST"),
        ("USER_TOKENS", "/api/user/tokens", "POST"),
        ("KYC_STATUS", "/api/user/kyc/status", "POST"),
        ("KYC_SUBMIT", "/api/user/kyc/submit", "POST"),
    ]
    assert fonbnk.Endpoint.KYC_STATUS == "/api/user/kyc/status"
    assert fonbnk.Environment.SANDBOX.base_url == "https://sandbox-api.fonbnk.com"
    assert fonbnk.Environment.PRODUCTION.base_url == "https://api.fonbnk.com"
    # The enums are core's tables one to one, with core's names, in core's order.
    assert [(e.name, e.path, e.method) for e in fonbnk.Endpoint] == list(sigmint._sigmint.FONBNK_ENDPOINTS)
    assert [(e.name, e.base_url) for e in fonbnk.Environment] == list(
        sigmint._sigmint.FONBNK_ENVIRONMENTS
    )
    assert fonbnk.DEFAULT_WINDOW_MS == 5 * 60 * 1000 == sigmint._sigmint.FONBNK_DEFAULT_WINDOW_MS


@pytest.mark.parametrize("case", FONBNK_CASES[:3], ids=lambda c: c["name"])
def test_sign_request_matches_the_vectors(case) -> None:
    signer = fonbnk.Signer("demo-client-id", case["clientSecret"])
    endpoint = fonbnk.Endpoint(case["path"])
    body = fonbnk.user_query_json("testuser+ng@fonbnk.com", "NG")
    request = fonbnk.sign_request(signer, endpoint, body, int(case["timestamp"]))
    assert (request.method, request.path, request.body) == ("POST", case["path"], body)
    assert request.headers == {
        "x-client-id": "demo-client-id",
        "x-timestamp": case["timestamp"],
        "x-signature": case["signature"],
        "content-type": "application/json",
    }
    assert case["signature"] not in repr(request)
    with pytest.raises(ValueError):
        signer.sign_request("/api/v2/orders", body)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", FONBNK_CASES, ids=lambda c: c["name"])
def test_verify_accepts_the_vectors(case) -> None:
    signer = fonbnk.Signer("demo-client-id", case["clientSecret"])
    ts = int(case["timestamp"])
    signer.verify(case["endpoint"], ts, case["signature"])
    for endpoint, timestamp, signature in [
        (case["endpoint"], ts + 1, case["signature"]),
        (case["endpoint"] + "x", ts, case["signature"]),
        (case["endpoint"], ts, case["signature"][:-4] + "AAA="),
        (case["endpoint"], ts, "not base64!"),
        (case["endpoint"], ts, ""),
    ]:
        with pytest.raises(sigmint.InvalidSignatureError):
            signer.verify(endpoint, timestamp, signature)


def test_check_timestamp() -> None:
    fonbnk.check_timestamp(1_000_000, 1_000_000 + fonbnk.DEFAULT_WINDOW_MS)
    fonbnk.check_timestamp(1_000_000 + fonbnk.DEFAULT_WINDOW_MS, 1_000_000)
    with pytest.raises(sigmint.TimestampOutOfWindowError):
        fonbnk.check_timestamp(1_000_000, 1_000_001 + fonbnk.DEFAULT_WINDOW_MS)
    with pytest.raises(sigmint.TimestampOutOfWindowError):
        fonbnk.check_timestamp(0, 10, window_ms=9)
    fonbnk.check_timestamp(fonbnk.now_ms())
    with pytest.raises(sigmint.TimestampOutOfWindowError):
        fonbnk.check_timestamp(fonbnk.now_ms() - 6 * 60 * 1000)


def test_sfox_builders() -> None:
    assert sfox.user_token_path("client_db29326e") == "/v1/enterprise/user-tokens/client_db29326e"
    assert sfox.user_token_path("a b/c?é~") == "/v1/enterprise/user-tokens/a%20b%2Fc%3F%C3%A9~"
    assert sfox.authorization("k3y") == "Bearer k3y"
    assert sfox.BASE_URL == "https://api.sfox.com"
    for bad in ["", "a b", "k\n"]:
        with pytest.raises(sigmint.InvalidFieldError):
            sfox.authorization(bad)
    with pytest.raises(sigmint.InvalidFieldError):
        sfox.user_token_path("")


def test_mygiro_builders() -> None:
    assert (
        mygiro.access_token_path("5a981078f4442500195c7201", "5a981078f4442500195c7205")
        == "/v1/users/5a981078f4442500195c7201/generateaccesstoken?accountId=5a981078f4442500195c7205"
    )
    assert mygiro.access_token_path("u/1", "a b&c") == "/v1/users/u%2F1/generateaccesstoken?accountId=a+b%26c"
    assert mygiro.authorization("eyJ.x.y") == "Bearer eyJ.x.y"
    assert mygiro.HEADER_TAG == "x-tag"
    mygiro.check_tag("Bkg-KeqSuf")
    for bad in ["", "tag 1", "é"]:
        with pytest.raises(sigmint.InvalidFieldError):
            mygiro.check_tag(bad)
    for user, account in [("", "a"), ("u", "")]:
        with pytest.raises(sigmint.InvalidFieldError):
            mygiro.access_token_path(user, account)


@pytest.mark.parametrize("module", [sigmint.sfox, sigmint.mygiro, sigmint.providers, sigmint.fonbnk])
def test_docstring_examples(module) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 1


def test_sfox_docstring_gives_the_advice() -> None:
    assert "do not store user tokens" in sfox.__doc__

"""The exception classes map one to one onto core's error table (``_sigmint.ERRORS``).

``sigmint/_errors.py`` is generated from that table (``cargo run -p sigmint-codegen``, whose
own test checks it for drift); this checks the installed package against the compiled
module: a core error without its Python class fails here, as does a class without a core
error, a class outside PyJWT's hierarchy, or a base that is not what the error is about.
"""

from __future__ import annotations

import pickle

import pytest

import sigmint
from sigmint import _claim_errors, _errors, _sigmint

#: Core errors that do not come from bad input, hence not ValueError: a buffer the binding
#: sized or a validation list too long (how a check was asked for), and verification
#: refusing well-formed input (a wrong MAC, a token that is expired, for another audience or
#: subject, of a refused algorithm...). Malformed tokens and JSON, and unusable keys, are
#: ValueError.
NOT_INPUT_ERRORS = {
    "buffer_too_small",
    "list_too_long",
    "invalid_signature",
    "unsupported_algorithm",
    "algorithm_not_allowed",
    "unknown_critical",
    "expired",
    "not_yet_valid",
    "issued_in_future",
    "invalid_audience",
    "invalid_issuer",
    "invalid_subject",
    "missing_claim",
    "wrong_token_type",
    "provider_error",
    "timestamp_out_of_window",
    # A scheme asked for wrongly (a template, a missing part, a preset's name), and inbound
    # requests refused (a header missing or malformed, a replay).
    "malformed_template",
    "unknown_template_field",
    "missing_part",
    "unknown_scheme",
    "missing_header",
    "malformed_header",
    "replayed",
}

#: Errors about how a call was made (not about a token, a key or JSON): no PyJWT class.
USAGE_ERRORS = {
    "buffer_too_small",
    "list_too_long",
    "malformed_template",
    "unknown_template_field",
    "missing_part",
    "unknown_scheme",
}

#: Errors about signing schemes' parts and secrets and inbound requests (sigmint.Scheme,
#: sigmint.webhooks), not tokens: no PyJWT class.
REQUEST_ERRORS = {"invalid_part", "invalid_hex", "missing_header", "malformed_header", "replayed"}

#: Errors about provider answers and requests, not tokens: no PyJWT class.
PROVIDER_ERRORS = {
    "response_too_large",
    "missing_field",
    "invalid_field",
    "invalid_date",
    "provider_error",
    "timestamp_out_of_window",
}


def class_name(core_name: str) -> str:
    """``empty_key`` -> ``EmptyKeyError``; ``provider_error`` -> ``ProviderError``."""
    base = "".join(part.capitalize() for part in core_name.split("_"))
    return base if base.endswith("Error") else base + "Error"


def all_subclasses(cls: type) -> set:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub} | all_subclasses(sub)
    return found


def test_not_input_errors_are_core_errors() -> None:
    assert NOT_INPUT_ERRORS <= {name for _, name, _ in _sigmint.ERRORS}


def test_table_is_core_error_all() -> None:
    codes = [code for code, _, _ in _sigmint.ERRORS]
    assert codes == list(range(1, len(codes) + 1)), "codes are dense, in Error::ALL order"
    names = [name for _, name, _ in _sigmint.ERRORS]
    assert len(set(names)) == len(names)
    for code, name, message in _sigmint.ERRORS:
        assert isinstance(code, int) and isinstance(name, str) and isinstance(message, str)
        assert message and "\n" not in message


@pytest.mark.parametrize("code, name, message", _sigmint.ERRORS, ids=[e[1] for e in _sigmint.ERRORS])
def test_each_core_error_has_its_class(code: int, name: str, message: str) -> None:
    cls = getattr(sigmint, class_name(name), None)
    assert cls is not None, f"core error {name!r} has no sigmint.{class_name(name)}"
    assert cls in vars(sigmint).values() and class_name(name) in sigmint.__all__
    assert issubclass(cls, sigmint.Error) and cls is not sigmint.Error
    assert cls.code == code
    assert cls.name == name
    assert _errors._BY_CODE[code] is cls
    assert issubclass(cls, ValueError) == (name not in NOT_INPUT_ERRORS)
    assert cls.__module__ == "sigmint"


def test_no_class_without_core_error() -> None:
    table = {(code, name) for code, name, _ in _sigmint.ERRORS}
    # sigmint._claim_errors refines InvalidClaimTypeError per claim (PyJWT's classes for a
    # mistyped iat/sub/jti/aud/iss), and sigmint.webhooks the refusals of a webhook
    # (SignatureMismatch is an InvalidSignatureError): same codes, not classes of their own.
    classes = {
        c
        for c in all_subclasses(sigmint.Error)
        if c.__name__ not in _claim_errors.__all__ and c.__module__ != "sigmint.webhooks"
    }
    assert {(cls.code, cls.name) for cls in classes} == table
    assert len(classes) == len(table)
    assert set(_errors._BY_CODE) == {code for code, _ in table}


def test_base_class() -> None:
    assert issubclass(sigmint.Error, Exception)
    assert not issubclass(sigmint.Error, ValueError)


@pytest.mark.parametrize(
    "raise_it, cls",
    [
        (lambda: sigmint.hmac_sha256(b"", b"m"), sigmint.EmptyKeyError),
        (lambda: sigmint.fonbnk.Signer("id", "!!!!"), sigmint.InvalidBase64Error),
        (lambda: sigmint.fonbnk.endpoint("x"), sigmint.EndpointNotAbsoluteError),
        (lambda: sigmint.fonbnk.endpoint("/a b"), sigmint.EndpointInvalidCharError),
        (lambda: sigmint.fonbnk.endpoint("/a?b=1", {"c": "d"}), sigmint.PathHasQueryError),
        (lambda: sigmint.fonbnk.endpoint("/a", {"\udc80": "d"}), sigmint.InvalidUtf8Error),
        (lambda: sigmint.fonbnk.Signer("", "c2VjcmV0"), sigmint.InvalidClientIdError),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_raised_errors_carry_core_code_name_and_message(raise_it, cls) -> None:
    with pytest.raises(cls) as info:
        raise_it()
    err = info.value
    assert type(err) is cls
    table = {code: (name, message) for code, name, message in _sigmint.ERRORS}
    assert (err.name, str(err)) == table[err.code]
    assert isinstance(err, ValueError)
    # Raised from Rust without a chained codec or lookup error.
    assert err.__cause__ is None and err.__context__ is None


def test_errors_pickle_by_public_name() -> None:
    err = sigmint.EmptyKeyError("key is empty or decodes to no bytes")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is sigmint.EmptyKeyError and again.args == err.args


#: Each core error's PyJWT-style class in sigmint.jwt; errors not listed are not PyJWTErrors.
PYJWT_CLASS = {
    "empty_key": "InvalidKeyError",
    "invalid_key": "InvalidKeyError",
    "key_too_short": "InvalidKeyError",
    "invalid_signature": "InvalidSignatureError",
    "invalid_utf8": "DecodeError",
    "token_too_large": "DecodeError",
    "malformed_token": "DecodeError",
    "invalid_json": "DecodeError",
    "json_too_deep": "DecodeError",
    "duplicate_key": "DecodeError",
    "invalid_header": "DecodeError",
    "unsupported_algorithm": "InvalidAlgorithmError",
    "algorithm_not_allowed": "InvalidAlgorithmError",
    "unknown_critical": "InvalidTokenError",
    "expired": "ExpiredSignatureError",
    "not_yet_valid": "ImmatureSignatureError",
    "issued_in_future": "ImmatureSignatureError",
    "invalid_audience": "InvalidAudienceError",
    "invalid_issuer": "InvalidIssuerError",
    "invalid_subject": "InvalidSubjectError",
    "missing_claim": "MissingRequiredClaimError",
    "invalid_claim_type": "DecodeError",
    "integer_overflow": "DecodeError",
    "wrong_token_type": "InvalidTokenError",
}


def test_pyjwt_mapping_names_core_errors() -> None:
    assert set(PYJWT_CLASS) <= {name for _, name, _ in _sigmint.ERRORS}
    # Every key, token and JSON error (codes 10 and up but the providers' and the usage ones,
    # and the key errors) has its PyJWT class.
    names = {name for _, name, _ in _sigmint.ERRORS}
    assert PROVIDER_ERRORS <= names and USAGE_ERRORS <= names and REQUEST_ERRORS <= names
    assert not (PROVIDER_ERRORS | USAGE_ERRORS | REQUEST_ERRORS) & set(PYJWT_CLASS)
    token_errors = {name for code, name, _ in _sigmint.ERRORS if code >= 10}
    token_errors -= PROVIDER_ERRORS | USAGE_ERRORS | REQUEST_ERRORS
    assert token_errors <= set(PYJWT_CLASS)
    assert {name for name in names if "key" in name and name != "duplicate_key"} <= set(PYJWT_CLASS)


@pytest.mark.parametrize("code, name, message", _sigmint.ERRORS, ids=[e[1] for e in _sigmint.ERRORS])
def test_core_error_is_also_its_pyjwt_class(code: int, name: str, message: str) -> None:
    cls = _errors._BY_CODE[code]
    if name not in PYJWT_CLASS:
        assert not issubclass(cls, sigmint.jwt.PyJWTError)
        return
    pyjwt_cls = getattr(sigmint.jwt, PYJWT_CLASS[name])
    assert issubclass(cls, pyjwt_cls)
    # The most specific PyJWT class: no other PyJWT class below it is a base too.
    for other in vars(sigmint.jwt).values():
        if isinstance(other, type) and issubclass(other, sigmint.jwt.PyJWTError):
            if issubclass(cls, other):
                assert issubclass(pyjwt_cls, other), (name, other)
    assert getattr(sigmint.jws, PYJWT_CLASS[name]) is pyjwt_cls


def test_pyjwt_hierarchy() -> None:
    from sigmint import jwt

    assert issubclass(jwt.PyJWTError, Exception) and not issubclass(jwt.PyJWTError, sigmint.Error)
    for name in [
        "DecodeError",
        "ExpiredSignatureError",
        "InvalidAudienceError",
        "InvalidIssuerError",
        "InvalidIssuedAtError",
        "ImmatureSignatureError",
        "InvalidAlgorithmError",
        "MissingRequiredClaimError",
        "InvalidSubjectError",
        "InvalidJTIError",
    ]:
        assert getattr(jwt, name).__bases__ == (jwt.InvalidTokenError,), name
    assert jwt.InvalidTokenError.__bases__ == (jwt.PyJWTError,)
    assert jwt.InvalidKeyError.__bases__ == (jwt.PyJWTError,)
    assert jwt.InvalidSignatureError.__bases__ == (jwt.DecodeError,)
    for name in jwt.__all__:
        obj = getattr(jwt, name)
        if isinstance(obj, type):
            assert obj.__module__ == "sigmint.jwt"
            assert pickle.loads(pickle.dumps(obj)) is obj


def test_pyjwt_class_names_are_pyjwts() -> None:
    jwt_pkg = pytest.importorskip("jwt")
    ours = {n for n in sigmint.jwt.__all__ if n.endswith("Error")}
    theirs = {n for n in dir(jwt_pkg.exceptions) if n.endswith("Error")}
    # MissingCryptographyError is in PyJWT's jwt.exceptions only (sigmint.jwt.exceptions too).
    assert ours == {n for n in theirs if n != "MissingCryptographyError"}
    assert theirs <= set(dir(sigmint.jwt.exceptions))
    for name in ours:
        ours_cls, theirs_cls = getattr(sigmint.jwt, name), getattr(jwt_pkg.exceptions, name)
        assert [c.__name__ for c in ours_cls.__mro__] == [c.__name__ for c in theirs_cls.__mro__]


def test_missing_claim_error_names_the_claim_and_pickles() -> None:
    err = sigmint.MissingClaimError("uid")
    assert isinstance(err, sigmint.jwt.MissingRequiredClaimError)
    assert err.claim == "uid" and str(err) == 'Token is missing the "uid" claim'
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is sigmint.MissingClaimError and again.claim == "uid"

"""The cases of tests/vectors/parity.json, which the Rust and C tests run too, through sigmint's
public Python API: every binding must reach core's verdict, ``"ok"`` or core's error name
(the raised exception's ``.name``). See tests/vectors/README.md for the file's format."""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest

import sigmint
from sigmint import fonbnk, jwt, providers

from _support import load_vectors

PARITY = load_vectors("parity.json")
SECRET: str = PARITY["secret"]

#: The checks a case's ``skip`` can turn off, as PyJWT's options name them.
CHECKS = {"exp", "nbf", "iat", "aud", "iss", "sub"}


def verdict(call: Callable[[], Any]) -> Any:
    """``("ok", result)``, or the name core gives the error raised."""
    try:
        return ("ok", call())
    except sigmint.Error as err:
        return err.name


def ids(section: str) -> Any:
    return pytest.mark.parametrize("case", PARITY[section], ids=[c["name"] for c in PARITY[section]])


def test_every_section_has_cases() -> None:
    for section in ["jwt", "raw_tokens", "error_messages", "endpoints", "fonbnk_verify"]:
        assert PARITY[section], section
        names = [case["name"] for case in PARITY[section]]
        assert len(set(names)) == len(names), section


def decode_arguments(validation: Dict[str, Any]) -> Dict[str, Any]:
    """A case's ``validation`` as ``sigmint.jwt.decode``'s (PyJWT's) arguments."""
    assert set(validation) <= {"leeway", "audience", "issuer", "subject", "strict_aud", "require", "skip"}
    skip = set(validation.get("skip", []))
    assert skip <= CHECKS
    options: Dict[str, Any] = {f"verify_{check}": False for check in sorted(skip)}
    if "require" in validation:
        options["require"] = validation["require"]
    audience = validation.get("audience")
    if validation.get("strict_aud"):
        options["strict_aud"] = True
        # PyJWT's strict audience is a string: a one-entry audience is passed as its string.
        if audience is not None and len(audience) == 1:
            audience = audience[0]
    return {
        "audience": audience,
        "issuer": validation.get("issuer"),
        "subject": validation.get("subject"),
        "leeway": validation.get("leeway", 0),
        "options": options,
    }


@ids("jwt")
def test_jwt(case: Dict[str, Any]) -> None:
    kwargs = decode_arguments(case["validation"])
    got = verdict(lambda: jwt.decode(case["token"], SECRET, algorithms=["HS256"], **kwargs))
    assert (got if isinstance(got, str) else got[0]) == case["expect"]


@ids("raw_tokens")
def test_raw_token(case: Dict[str, Any]) -> None:
    token = bytes.fromhex(case["token_hex"])
    got = verdict(lambda: jwt.decode(token, SECRET, algorithms=["HS256"]))
    assert (got if isinstance(got, str) else got[0]) == case["expect"]


@ids("error_messages")
def test_error_message(case: Dict[str, Any]) -> None:
    body: Any = case["body"] if "body" in case else bytes.fromhex(case["body_hex"])
    body = body * case.get("repeat", 1)
    got = verdict(lambda: providers.error_message(body))
    if "expect" in case:
        assert got == case["expect"]
    else:
        assert got == ("ok", case["text"])


@ids("endpoints")
def test_endpoint(case: Dict[str, Any]) -> None:
    params = [tuple(pair) for pair in case["params"]]
    got = verdict(lambda: fonbnk.endpoint(case["path"], params))
    if "expect" in case:
        assert got == case["expect"]
    else:
        assert got == ("ok", case["endpoint"])


@ids("fonbnk_verify")
def test_fonbnk_verify(case: Dict[str, Any]) -> None:
    signer = fonbnk.Signer("parity-client", PARITY["fonbnk_secret"])
    got = verdict(lambda: signer.verify(case["endpoint"], case["timestamp_ms"], case["signature"]))
    assert (got if isinstance(got, str) else got[0]) == case["expect"]

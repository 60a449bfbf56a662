"""The `sigmint` command: `fonbnk sign`/`verify`, `jwt decode`/`encode`, `sfox token`, `mygiro
token`, `sandbox` (in-process and as its own process), and hostile input: every error is one
line on stderr with a documented exit status, never a traceback."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest
from _support import FONBNK_CASES

from sigmint import cli, fonbnk, jwt, mygiro, sandbox, sfox

CASE = FONBNK_CASES[0]
KEY = "a secret of at least 32 bytes!!!"
TOKEN = jwt.encode({"sub": "user-1", "type": "access", "exp": 4102444800}, KEY)


def run(argv: List[str], capsys: pytest.CaptureFixture, env: Optional[Dict[str, str]] = None, monkeypatch=None):
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    try:
        status = cli.main(argv)
    except SystemExit as exit:
        status = exit.code
    out, err = capsys.readouterr()
    return status, out, err


def test_fonbnk_sign_prints_the_vector_headers(capsys, monkeypatch) -> None:
    monkeypatch.delenv("FONBNK_CLIENT_ID", raising=False)
    status, out, err = run(
        ["fonbnk", "sign", CASE["endpoint"], "--client-id", "demo-client-id", "--timestamp-ms", CASE["timestamp"]],
        capsys,
        {"FONBNK_CLIENT_SECRET": CASE["clientSecret"]},
        monkeypatch,
    )
    assert status == 0, err
    assert out.splitlines() == [
        "x-client-id: demo-client-id",
        f"x-timestamp: {CASE['timestamp']}",
        f"x-signature: {CASE['signature']}",
    ]


@pytest.mark.parametrize("case", [c for c in FONBNK_CASES if c["params"]][:3], ids=lambda c: c["name"])
def test_fonbnk_sign_with_params(case, capsys, monkeypatch) -> None:
    argv = ["fonbnk", "sign", case["path"], "--secret-env", "MY_SECRET", "--timestamp-ms", case["timestamp"]]
    for name, value in case["params"]:
        argv += ["--param", f"{name}={value}"]
    status, out, err = run(argv, capsys, {"MY_SECRET": case["clientSecret"], "FONBNK_CLIENT_ID": "cid"}, monkeypatch)
    assert status == 0, err
    assert out.splitlines()[2] == f"x-signature: {case['signature']}"


def test_fonbnk_sign_takes_no_secret_from_argv(capsys, monkeypatch) -> None:
    monkeypatch.delenv("FONBNK_CLIENT_SECRET", raising=False)
    status, out, err = run(["fonbnk", "sign", "/p", "--client-id", "x"], capsys)
    assert status == 2 and "FONBNK_CLIENT_SECRET" in err and out == ""
    # No --secret option (nor an abbreviation of --secret-env), and the value is not echoed.
    for argv in (["--secret", CASE["clientSecret"]], ["--secret=" + CASE["clientSecret"]], [CASE["clientSecret"]]):
        status, _, err = run(["fonbnk", "sign", "/p", "--client-id", "x", *argv], capsys)
        assert status == 2 and CASE["clientSecret"] not in err and "c2Vj" not in err, err
    # A secret given where the variable's name belongs is not echoed either.
    status, _, err = run(["fonbnk", "sign", "/p", "--client-id", "x", "--secret-env", CASE["clientSecret"]], capsys)
    assert status == 2 and "c2Vj" not in err and "name of an environment variable" in err
    monkeypatch.delenv("FONBNK_CLIENT_ID", raising=False)
    status, _, err = run(["fonbnk", "sign", "/p"], capsys, {"FONBNK_CLIENT_SECRET": "c2VjcmV0"}, monkeypatch)
    assert status == 2 and "--client-id" in err
    status, _, err = run(["fonbnk", "sign", "/p", "--client-id", "x"], capsys, {"FONBNK_CLIENT_SECRET": "!!"}, monkeypatch)
    assert status == 1 and "!!" not in err and "base64" in err
    status, _, err = run(["fonbnk", "sign", "no-slash", "--client-id", "x"], capsys, {"FONBNK_CLIENT_SECRET": "c2VjcmV0"}, monkeypatch)
    assert status == 1 and "/" in err


def test_jwt_decode_verified(capsys, monkeypatch) -> None:
    status, out, err = run(
        ["jwt", "decode", TOKEN, "--key-env", "K", "--token-type", "access"], capsys, {"K": KEY}, monkeypatch
    )
    assert status == 0, err
    assert json.loads(out) == {
        "verified": True,
        "header": {"alg": "HS256", "typ": "JWT"},
        "claims": {"sub": "user-1", "type": "access", "exp": 4102444800},
    }
    assert KEY not in out + err


@pytest.mark.parametrize(
    "argv, env, words",
    [
        (["--key-env", "K"], {"K": "another key of at least 32 bytes!"}, "signature"),
        (["--key-env", "K", "--now", "4102444800"], {"K": KEY}, "expired"),
        (["--key-env", "K", "--token-type", "refresh"], {"K": KEY}, "type"),
        (["--key-env", "K", "--audience", "pos"], {"K": KEY}, "aud"),
    ],
)
def test_jwt_decode_refusals(argv, env, words: str, capsys, monkeypatch) -> None:
    status, out, err = run(["jwt", "decode", TOKEN, *argv], capsys, env, monkeypatch)
    assert status == 1 and out == "" and words in err


def test_jwt_decode_unverified_and_stdin(capsys, monkeypatch) -> None:
    status, out, err = run(["jwt", "decode", TOKEN], capsys)
    assert status == 0 and json.loads(out)["verified"] is False and "not verified" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO(TOKEN + "\n"))
    status, out, err = run(["jwt", "decode", "-", "--key-env", "K"], capsys, {"K": KEY}, monkeypatch)
    assert status == 0 and json.loads(out)["claims"]["sub"] == "user-1"
    status, out, err = run(["jwt", "decode", "not.a.token"], capsys)
    assert status == 1 and "base64url" in err
    monkeypatch.delenv("UNSET_KEY", raising=False)
    status, out, err = run(["jwt", "decode", TOKEN, "--key-env", "UNSET_KEY"], capsys)
    assert status == 2 and "--key-env" in err and "UNSET_KEY" not in err


def test_usage(capsys) -> None:
    status, out, err = run([], capsys)
    assert status == 2 and "COMMAND" in err
    status, out, _ = run(["--version"], capsys)
    assert status == 0 and re.fullmatch(r"sigmint \d+\.\d+\.\d+\S*\n", out)
    status, out, _ = run(["sandbox", "--help"], capsys)
    assert status == 0 and "--client-secret-env" in out and "--sfox-key-env" in out
    # The limits' defaults, written out in the help, are the sandbox's.
    help_text = " ".join(out.split())
    assert f"(default: {sandbox.HEADER_TIMEOUT_S:g})" in help_text.split("--header-timeout", 1)[1]
    assert f"(default: {sandbox.MAX_CONNECTIONS})" in help_text.split("--max-connections", 1)[1]


# A secret typed where the variable's name belongs, which has a name's form (base64 of "mySecret").
SECRET_AS_NAME = "bXlTZWNyZXQ"


@pytest.mark.parametrize(
    "argv, option",
    [
        (["fonbnk", "sign", "/p", "--client-id", "x", "--secret-env"], "--secret-env"),
        (["jwt", "decode", TOKEN, "--key-env"], "--key-env"),
        (["sandbox", "--port", "0", "--client-secret-env"], "--client-secret-env"),
        (["sandbox", "--port", "0", "--sfox-key-env"], "--sfox-key-env"),
        (["sandbox", "--port", "0", "--mygiro-secret-env"], "--mygiro-secret-env"),
        (["sandbox", "--port", "0", "--token-secret-env"], "--token-secret-env"),
    ],
)
@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_env_options_never_echo_their_argument(argv, option, value, capsys, monkeypatch) -> None:
    """The error names the option, never the variable: the name may be the secret itself."""
    if value is None:
        monkeypatch.delenv(SECRET_AS_NAME, raising=False)
    else:
        monkeypatch.setenv(SECRET_AS_NAME, value)
    status, out, err = run([*argv, SECRET_AS_NAME], capsys)
    assert status == 2 and out == "", err
    assert SECRET_AS_NAME not in err and "bXlT" not in err, err
    assert option in err and "not set" in err, err


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--port", "99999"], "65535"),
        (["--port", "-1"], "65535"),
        (["--port", "http"], "65535"),
        (["--header-timeout", "0"], "positive"),
        (["--header-timeout", "nan"], "positive"),
        (["--header-timeout", "inf"], "positive"),
        (["--max-connections", "0"], "at least 1"),
        (["--max-connections", "many"], "at least 1"),
    ],
)
def test_sandbox_limits_are_usage_errors(argv, words: str, capsys) -> None:
    status, out, err = run(["sandbox", *argv], capsys)
    assert status == 2 and out == "" and words in err and "Traceback" not in err, err


# -- one line, documented statuses -------------------------------------------------------------


def assert_one_line_error(status, out: str, err: str, expected=(1, 2)) -> None:
    """A failure: an expected status, nothing on stdout, one line on stderr, no traceback."""
    assert status in expected, (status, out, err)
    assert out == "", out
    assert "Traceback" not in err, err
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert "error:" in err, err
    assert len(err) < 1000, len(err)


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


DEMO_ENV = {"FONBNK_CLIENT_SECRET": sandbox.DEMO_CLIENT_SECRET, "FONBNK_CLIENT_ID": "cid"}


# -- fonbnk sign: --verbose, --json, strict timestamps ------------------------------------------


def test_fonbnk_sign_verbose_shows_the_endpoint_and_the_string_signed(capsys, monkeypatch) -> None:
    case = [c for c in FONBNK_CASES if c["params"]][0]
    argv = ["fonbnk", "sign", case["path"], "--secret-env", "MY_SECRET", "--timestamp-ms", case["timestamp"]]
    for name, value in case["params"]:
        argv += ["-p", f"{name}={value}"]
    env = {"MY_SECRET": case["clientSecret"], "FONBNK_CLIENT_ID": "cid"}
    status, out, err = run([*argv, "--verbose"], capsys, env, monkeypatch)
    assert status == 0, err
    # stdout stays the three headers (for curl -H @-); the endpoint and the string go to stderr.
    assert out.splitlines() == ["x-client-id: cid", f"x-timestamp: {case['timestamp']}", f"x-signature: {case['signature']}"]
    assert err.splitlines() == [f"endpoint: {case['endpoint']}", f"signed: {case['stringToSign']}"]
    assert case["clientSecret"] not in out + err
    status, quiet_out, quiet_err = run(argv, capsys, env, monkeypatch)
    assert status == 0 and quiet_out == out and quiet_err == ""


@pytest.mark.parametrize("where", ["after", "before"])
def test_fonbnk_sign_json(where: str, capsys, monkeypatch) -> None:
    argv = ["fonbnk", "sign", "/api/x", "-p", "k=v w", "--timestamp-ms", "1700000000000"]
    argv = [*argv, "--json"] if where == "after" else ["--json", *argv]
    status, out, err = run(argv, capsys, DEMO_ENV, monkeypatch)
    assert status == 0 and err == "", err
    assert len(out.splitlines()) == 1 and out.isascii()
    doc = json.loads(out)
    assert doc["endpoint"] == "/api/x?k=v+w"
    assert doc["string_to_sign"] == "1700000000000:/api/x?k=v+w"
    signer = fonbnk.Signer("cid", sandbox.DEMO_CLIENT_SECRET)
    assert doc["headers"] == signer.headers("/api/x?k=v+w", 1700000000000)


@pytest.mark.parametrize(
    "timestamp",
    ["017", "+17", "-1", "1_000", " 17", "17 ", "1e3", "١٧", "", "18446744073709551616", "9" * 10_000],
    ids=["leading-zero", "plus", "negative", "underscore", "space-before", "space-after", "exponent",
         "arabic-digits", "empty", "u64-plus-one", "10000-digits"],
)
def test_fonbnk_sign_timestamp_is_strict(timestamp: str, capsys, monkeypatch) -> None:
    status, out, err = run(["fonbnk", "sign", "/p", "--timestamp-ms", timestamp], capsys, DEMO_ENV, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "--timestamp-ms" in err and "--help" in err


def test_fonbnk_sign_timestamp_limits(capsys, monkeypatch) -> None:
    for timestamp in ("0", str(2**64 - 1)):
        status, out, err = run(["fonbnk", "sign", "/p", "--timestamp-ms", timestamp], capsys, DEMO_ENV, monkeypatch)
        assert status == 0 and f"x-timestamp: {timestamp}" in out, err


# -- fonbnk verify --------------------------------------------------------------------------------


def verify_argv(endpoint: str, timestamp: str, signature: str, *extra: str) -> List[str]:
    return ["fonbnk", "verify", endpoint, "--timestamp-ms", timestamp, "--signature", signature, *extra]


@pytest.mark.parametrize("case", FONBNK_CASES, ids=lambda c: c["name"])
def test_fonbnk_verify_the_vectors(case, capsys, monkeypatch) -> None:
    argv = verify_argv(case["endpoint"], case["timestamp"], case["signature"], "--now-ms", case["timestamp"])
    status, out, err = run(argv, capsys, {"FONBNK_CLIENT_SECRET": case["clientSecret"]}, monkeypatch)
    assert status == 0 and out.startswith("valid: ") and err == "", (out, err)
    # The same signature for another endpoint, or a millisecond later, does not match.
    status, out, _ = run(
        verify_argv(case["endpoint"] + "x", case["timestamp"], case["signature"], "--now-ms", case["timestamp"]),
        capsys, {"FONBNK_CLIENT_SECRET": case["clientSecret"]}, monkeypatch,
    )
    assert status == 1 and out.startswith("invalid: ") and "does not match" in out
    later = str(int(case["timestamp"]) + 1)
    status, out, _ = run(
        verify_argv(case["endpoint"], later, case["signature"], "--now-ms", later),
        capsys, {"FONBNK_CLIENT_SECRET": case["clientSecret"]}, monkeypatch,
    )
    assert status == 1 and "does not match" in out


def test_fonbnk_verify_takes_the_headers_as_sign_prints_them(capsys, monkeypatch) -> None:
    """`headers()` gives x-timestamp as text, `Signer.verify` wants an int: the CLI takes the
    text, at the clock's time (no --now-ms), with the params as sign took them."""
    status, out, err = run(["fonbnk", "sign", "/api/x", "-p", "a=b c", "--json"], capsys, DEMO_ENV, monkeypatch)
    assert status == 0, err
    headers = json.loads(out)["headers"]
    assert isinstance(headers["x-timestamp"], str)
    argv = verify_argv("/api/x", headers["x-timestamp"], headers["x-signature"], "-p", "a=b c", "--json")
    status, out, err = run(argv, capsys, DEMO_ENV, monkeypatch)
    assert status == 0 and err == "", err
    assert json.loads(out) == {"valid": True, "endpoint": "/api/x?a=b+c", "timestamp_ms": int(headers["x-timestamp"])}
    status, out, err = run(verify_argv("/api/x?a=b+c", headers["x-timestamp"], headers["x-signature"], "-v"), capsys)
    assert status == 0 and err.splitlines() == ["endpoint: /api/x?a=b+c", f"signed: {headers['x-timestamp']}:/api/x?a=b+c"]


def test_fonbnk_verify_checks_the_window(capsys, monkeypatch) -> None:
    signer = fonbnk.Signer("cid", sandbox.DEMO_CLIENT_SECRET)
    ts = 1_700_000_000_000
    signature = signer.sign("/p", ts)
    window = fonbnk.DEFAULT_WINDOW_MS
    for now, expected in ((ts + window, 0), (ts - window, 0), (ts + window + 1, 1), (ts - window - 1, 1)):
        status, out, err = run(verify_argv("/p", str(ts), signature, "--now-ms", str(now), "--json"), capsys, DEMO_ENV, monkeypatch)
        assert status == expected, (now, out, err)
        assert json.loads(out)["valid"] is (expected == 0)
        if expected:
            assert "ms from the clock" in json.loads(out)["reason"]
    # Without --now-ms, the system clock: a request of 2023 is far outside.
    status, out, _ = run(verify_argv("/p", str(ts), signature), capsys, DEMO_ENV, monkeypatch)
    assert status == 1 and "from the clock" in out
    status, out, _ = run(verify_argv("/p", str(ts), signature, "--now-ms", str(ts + 10_000), "--window-ms", "9999"), capsys, DEMO_ENV, monkeypatch)
    assert status == 1
    # The x-timestamp as the sandbox reads it: ASCII digits, leading zeros allowed.
    status, out, _ = run(verify_argv("/p", "000" + str(ts), signature, "--now-ms", str(ts)), capsys, DEMO_ENV, monkeypatch)
    assert status == 0, out


@pytest.mark.parametrize(
    "endpoint, timestamp, signature",
    [
        ("/p", "9" * 10_000, "AAAA"),
        ("/p", "18446744073709551616", "AAAA"),
        ("/p", "-1", "AAAA"),
        ("/p", "1_700_000_000_000", "AAAA"),
        ("/p", "١٧٠٠", "AAAA"),
        ("/p", "", "AAAA"),
        ("/p", "1700000000000", ""),
        ("/p", "1700000000000", "not base64!"),
        ("/p", "1700000000000", "A" * 100_000),
        ("/p", "1700000000000", os.fsdecode(b"\xff\xfe")),
        ("no-slash", "1700000000000", "AAAA"),
        ("/p q", "1700000000000", "AAAA"),
        (os.fsdecode(b"/p\xff"), "1700000000000", "AAAA"),
        ("/p#frag", "1700000000000", "AAAA"),
    ],
)
def test_fonbnk_verify_hostile_requests_do_not_verify(endpoint: str, timestamp: str, signature: str, capsys, monkeypatch) -> None:
    """Whatever is wrong with the request's endpoint, x-timestamp or x-signature: exit 1, one
    line, never a traceback (and never 2: those are the verifier's own mistakes)."""
    argv = verify_argv(endpoint, timestamp, signature, "--now-ms", "1700000000000")
    status, out, err = run(argv, capsys, DEMO_ENV, monkeypatch)
    assert status == 1 and err == "", err
    assert len(out.splitlines()) == 1 and out.startswith("invalid: ") and len(out) < 1000, out
    status, out, err = run([*argv, "--json"], capsys, DEMO_ENV, monkeypatch)
    assert status == 1 and err == "" and out.isascii()
    doc = json.loads(out)
    assert doc["valid"] is False and doc["reason"]


@pytest.mark.parametrize(
    "extra, env, words",
    [
        ([], {}, "FONBNK_CLIENT_SECRET"),
        (["--secret-env", "UNSET_VAR_FOR_CLI"], {}, "--secret-env"),
        (["--now-ms", "9" * 10_000], DEMO_ENV, "--now-ms"),
        (["--now-ms", "soon"], DEMO_ENV, "--now-ms"),
        (["--window-ms", "-5"], DEMO_ENV, "--window-ms"),
        (["--window-ms", "9" * 10_000], DEMO_ENV, "--window-ms"),
        (["--param", "no-equals"], DEMO_ENV, "NAME=VALUE"),
    ],
)
def test_fonbnk_verify_usage_errors(extra, env, words: str, capsys, monkeypatch) -> None:
    monkeypatch.delenv("FONBNK_CLIENT_SECRET", raising=False)
    monkeypatch.delenv("UNSET_VAR_FOR_CLI", raising=False)
    status, out, err = run(verify_argv("/p", "1700000000000", "AAAA", *extra), capsys, env, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert words in err


def test_fonbnk_verify_requires_the_headers(capsys, monkeypatch) -> None:
    for argv in (["fonbnk", "verify", "/p", "--signature", "AAAA"], ["fonbnk", "verify", "/p", "--timestamp-ms", "1"]):
        status, out, err = run(argv, capsys, DEMO_ENV, monkeypatch)
        assert_one_line_error(status, out, err, expected=(2,))
        assert "required" in err


def test_fonbnk_verify_a_bad_secret_is_an_error_not_a_verdict(capsys, monkeypatch) -> None:
    status, out, err = run(verify_argv("/p", "1", "AAAA"), capsys, {"FONBNK_CLIENT_SECRET": "!!"}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "base64" in err and "!!" not in err


# -- jwt encode -----------------------------------------------------------------------------------


def test_jwt_encode_from_a_file_and_from_stdin(tmp_path: Path, capsys, monkeypatch) -> None:
    claims = {"sub": "user-1", "type": "access", "exp": 4102444800, "name": "Zoë"}
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(claims), encoding="utf-8")
    status, out, err = run(["jwt", "encode", str(path), "--key-env", "K"], capsys, {"K": KEY}, monkeypatch)
    assert status == 0 and err == "", err
    token = out.strip()
    assert out == token + "\n" and token == jwt.encode(claims, KEY)
    assert jwt.decode(token, KEY, algorithms=["HS256"]) == claims
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(claims)))
    status, out, err = run(["jwt", "encode", "-", "--key-env", "K", "--json"], capsys)
    assert status == 0 and err == "" and out.isascii()
    assert json.loads(out) == {"token": token, "claims": claims}
    assert KEY not in out + err
    # And back through `jwt decode`.
    status, out, err = run(["jwt", "decode", token, "--key-env", "K", "--json"], capsys)
    assert status == 0 and json.loads(out)["claims"] == claims


def test_jwt_encode_warns_of_a_short_key(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"sub": "u"}'))
    status, out, err = run(["jwt", "encode", "-", "--key-env", "K"], capsys, {"K": "k3y-k3y"}, monkeypatch)
    assert status == 0 and out.count(".") == 2
    # One line, whether or not sigmint.jwt warns as well (InsecureKeyLengthWarning).
    assert err.startswith("sigmint: warning: ") and "32 bytes" in err and "k3y" not in err
    assert len(err.splitlines()) == 1, err


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"{'sub': 'u'}", "not valid JSON"),
        (b"[1, 2]", "not an array"),
        (b'"claims"', "not a string"),
        (b"42", "not a number"),
        (b"null", "not null"),
        (b"true", "not a boolean"),
        (b'{"a": 1, "a": 2}', "twice"),
        (b'{"a": NaN}', "NaN"),
        (b'{"a": -Infinity}', "Infinity"),
        (b'{"a": "\xff"}', "UTF-8"),
        (b'{"a": ' + b"1" * 10_000 + b"}", "not valid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
    ids=["empty", "truncated", "single-quotes", "array", "string", "number", "null", "boolean",
         "duplicate", "nan", "infinity", "invalid-utf8", "10000-digits", "deep"],
)
def test_jwt_encode_refuses_what_is_not_one_json_object(content: bytes, words: str, tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "claims.json"
    path.write_bytes(content)
    status, out, err = run(["jwt", "encode", str(path), "--key-env", "K"], capsys, {"K": KEY}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert words in err and "claims.json" in err


@pytest.mark.parametrize(
    "text, words",
    [
        ('{"exp": "tomorrow"}', "wrong JSON type"),
        ('{"exp": 1.5}', "wrong JSON type"),
        ('{"iat": -1}', "wrong JSON type"),
        ('{"sub": 7}', "wrong JSON type"),
        ('{"aud": [1]}', "wrong JSON type"),
        ('{"a": 1e400}', "refused"),
        ('{"a": ' + "[" * 100 + "]" * 100 + "}", "refused"),
    ],
    ids=["exp-text", "exp-float", "iat-negative", "sub-number", "aud-numbers", "infinite", "deep"],
)
def test_jwt_encode_refuses_claims_decode_would_refuse(text: str, words: str, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    status, out, err = run(["jwt", "encode", "-", "--key-env", "K"], capsys, {"K": KEY}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert words in err


@pytest.mark.parametrize(
    "claims_path, words",
    [
        ("MISSING", "No such file"),
        ("DIRECTORY", "directory"),
        ("with\x00nul", "null"),
        (os.fsdecode(b"caf\xe9-missing.json"), "No such file"),
    ],
    ids=["missing", "directory", "nul", "invalid-utf8-name"],
)
def test_jwt_encode_unreadable_claims(claims_path: str, words: str, tmp_path: Path, capsys, monkeypatch) -> None:
    path = {"MISSING": str(tmp_path / "missing.json"), "DIRECTORY": str(tmp_path)}.get(claims_path, claims_path)
    monkeypatch.chdir(tmp_path)
    status, out, err = run(["jwt", "encode", path, "--key-env", "K"], capsys, {"K": KEY}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "cannot read the claims" in err and words in err


def test_jwt_encode_bounds_its_input(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b'{"a": "' + b"x" * (1 << 20) + b'"}')
    status, out, err = run(["jwt", "encode", str(path), "--key-env", "K"], capsys, {"K": KEY}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "bytes" in err


def test_jwt_encode_key_only_from_the_environment(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("{}"))
    status, out, err = run(["jwt", "encode", "-"], capsys)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "--key-env" in err
    monkeypatch.delenv(SECRET_AS_NAME, raising=False)
    status, out, err = run(["jwt", "encode", "-", "--key-env", SECRET_AS_NAME], capsys)
    assert_one_line_error(status, out, err, expected=(2,))
    assert SECRET_AS_NAME not in err and "--key-env" in err
    for argv in (["--key", KEY], ["--key=" + KEY]):
        status, out, err = run(["jwt", "encode", "-", *argv], capsys)
        assert_one_line_error(status, out, err, expected=(2,))
        assert KEY not in err


@pytest.mark.parametrize("option", ["--now", "--leeway"])
@pytest.mark.parametrize("value", ["9" * 10_000, "-1", "1.5", "soon", os.fsdecode(b"\xff")])
def test_jwt_decode_numbers_are_strict(option: str, value: str, capsys, monkeypatch) -> None:
    status, out, err = run(["jwt", "decode", TOKEN, "--key-env", "K", option, value], capsys, {"K": KEY}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert option in err


# -- sfox token, mygiro token (against the sandbox, in-process) -----------------------------------


@pytest.fixture(scope="module")
def box_url() -> Iterator[str]:
    with sandbox.running() as url:
        yield url


def test_sfox_token(box_url: str, capsys, monkeypatch) -> None:
    env = {"SFOX_API_KEY": sandbox.DEMO_SFOX_API_KEY}
    status, out, err = run(["sfox", "token", "user 7/a", "--base-url", box_url], capsys, env, monkeypatch)
    assert status == 0 and err == "", err
    token = out.strip()
    assert token and out == token + "\n" and " " not in token
    status, out, err = run(["sfox", "token", "u-1", "--base-url", box_url + "/", "--json"], capsys, env, monkeypatch)
    assert status == 0 and err == "", err
    doc = json.loads(out)
    assert doc["partner_user_id"] == "u-1" and doc["token"]
    assert sfox.parse_user_token(json.dumps({"data": {k: doc[k] for k in ("token", "partner_user_id", "expires")}})).expires_at_ms == doc["expires_at_ms"]
    assert sandbox.DEMO_SFOX_API_KEY not in out
    # Another variable, named by --api-key-env.
    monkeypatch.delenv("SFOX_API_KEY")
    status, out, err = run(["sfox", "token", "u", "--base-url", box_url, "--api-key-env", "MY_KEY"], capsys, {"MY_KEY": sandbox.DEMO_SFOX_API_KEY}, monkeypatch)
    assert status == 0, err


def test_sfox_token_failures(box_url: str, capsys, monkeypatch) -> None:
    monkeypatch.delenv("SFOX_API_KEY", raising=False)
    status, out, err = run(["sfox", "token", "u", "--base-url", box_url], capsys)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "SFOX_API_KEY" in err
    status, out, err = run(["sfox", "token", "u", "--base-url", box_url], capsys, {"SFOX_API_KEY": "wrong-key"}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "401" in err and "wrong-key" not in err
    status, out, err = run(["sfox", "token", "", "--base-url", box_url], capsys, {"SFOX_API_KEY": "k"}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    status, out, err = run(["sfox", "token", "u", "--base-url", box_url], capsys, {"SFOX_API_KEY": "key with spaces"}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "key with spaces" not in err


def test_mygiro_token(box_url: str, capsys, monkeypatch) -> None:
    env = {"MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}
    argv = ["mygiro", "token", "5a981078f4442500195c7201", "--account-id", "acct 1", "--base-url", box_url]
    status, out, err = run([*argv, "--tag", sandbox.DEMO_MYGIRO_TAG], capsys, env, monkeypatch)
    assert status == 0 and err == "", err
    token = out.strip()
    assert token and out == token + "\n"
    status, out, err = run([*argv, "--json"], capsys, {**env, "MYGIRO_TAG": "from-env"}, monkeypatch)
    assert status == 0 and err == "", err
    doc = json.loads(out)
    assert doc["user"] == "5a981078f4442500195c7201" and doc["token"]
    assert set(doc) == {"token", "reset_token", "type", "user", "id", "created_at", "created_at_ms"}
    assert sandbox.DEMO_MYGIRO_TOKEN not in out


def test_mygiro_token_failures(box_url: str, capsys, monkeypatch) -> None:
    monkeypatch.delenv("MYGIRO_TOKEN", raising=False)
    monkeypatch.delenv("MYGIRO_TAG", raising=False)
    argv = ["mygiro", "token", "u", "--account-id", "a", "--base-url", box_url]
    status, out, err = run([*argv, "--tag", "t"], capsys)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "MYGIRO_TOKEN" in err
    status, out, err = run(argv, capsys, {"MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "--tag" in err
    bad = jwt.encode({"sub": "x"}, "not the sandbox's mygiro secret, 32+ bytes")
    status, out, err = run([*argv, "--tag", "t"], capsys, {"MYGIRO_TOKEN": bad}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "401" in err and bad not in err
    status, out, err = run([*argv, "--tag", "bad tag\x1b"], capsys, {"MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "\x1b" not in err
    for missing in (["--account-id", "a"], ["--base-url", box_url]):
        status, out, err = run(["mygiro", "token", "u", "--tag", "t", *missing], capsys)
        assert_one_line_error(status, out, err, expected=(2,))


@pytest.mark.parametrize(
    "argv",
    [
        ["sfox", "token", "u", "--timeout", "5"],
        ["mygiro", "token", "u", "--account-id", "a", "--tag", "t", "--timeout", "5"],
    ],
    ids=["sfox", "mygiro"],
)
def test_token_commands_against_a_closed_port(argv: List[str], capsys, monkeypatch) -> None:
    env = {"SFOX_API_KEY": "k", "MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}
    url = f"http://127.0.0.1:{closed_port()}"
    status, out, err = run([*argv, "--base-url", url], capsys, env, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "request failed" in err and "ConnectError" in err


@pytest.mark.parametrize(
    "url",
    ["127.0.0.1:8787", "ftp://127.0.0.1", "http://", "http://[::1", "http://h:99999", "http://h:port",
     "http://h/?q=1", "http://h/#f", "http://h\x00/", "http://h /", os.fsdecode(b"http://\xff/"),
     "http://user:hunter2@", "x" * 10_000],
)
@pytest.mark.parametrize("command", ["sfox", "mygiro"])
def test_token_commands_refuse_a_bad_base_url(url: str, command: str, capsys, monkeypatch) -> None:
    argv = ["sfox", "token", "u"] if command == "sfox" else ["mygiro", "token", "u", "--account-id", "a", "--tag", "t"]
    env = {"SFOX_API_KEY": "k", "MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}
    status, out, err = run([*argv, "--base-url", url], capsys, env, monkeypatch)
    assert_one_line_error(status, out, err, expected=(2,))
    assert "--base-url" in err and "hunter2" not in err


class _HostileProvider(BaseHTTPRequestHandler):
    """Answers every request 401 with a message holding line breaks and terminal escapes."""

    def _answer(self) -> None:
        body = json.dumps({"message": "bad key\r\nsigmint: error: forged\x1b[2J" + "x" * 5000}).encode()
        self.send_response(401)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


def test_provider_messages_are_one_escaped_line(capsys, monkeypatch) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostileProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        env = {"SFOX_API_KEY": "k", "MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}
        for argv in (["sfox", "token", "u"], ["mygiro", "token", "u", "--account-id", "a", "--tag", "t"]):
            status, out, err = run([*argv, "--base-url", url], capsys, env, monkeypatch)
            assert_one_line_error(status, out, err, expected=(1,))
            assert "401" in err and "\x1b" not in err and "\r" not in err and "\\x0d\\x0a" in err
    finally:
        server.shutdown()
        server.server_close()


# -- hostile argv ---------------------------------------------------------------------------------

HOSTILE = os.fsdecode(b"\xff\xfe\x80")  # invalid UTF-8, as Python decodes argv (surrogateescape)


@pytest.mark.parametrize(
    "argv",
    [
        ["fonbnk", "sign", HOSTILE],
        ["fonbnk", "sign", "/p", "--client-id", HOSTILE],
        ["fonbnk", "sign", "/p", "-p", f"{HOSTILE}={HOSTILE}"],
        ["fonbnk", "sign", "/p", "-p", HOSTILE],
        ["fonbnk", "sign", "/p", "--timestamp-ms", HOSTILE],
        ["fonbnk", "sign", "/p", "--secret-env", HOSTILE],
        ["fonbnk", "sign", "/p\x00"],
        ["fonbnk", "sign", "/p", "--client-id", "x" * 100_000],
        ["fonbnk", "verify", HOSTILE, "--timestamp-ms", HOSTILE, "--signature", HOSTILE],
        ["fonbnk", "verify", "/p", "--timestamp-ms", "1", "--signature", "A", "--now-ms", HOSTILE],
        ["fonbnk", HOSTILE],
        [HOSTILE],
        ["--" + HOSTILE],
        ["jwt", "decode", HOSTILE],
        ["jwt", "decode", "a.b.c"],
        ["jwt", "decode", "x" * 1_000_000],
        ["jwt", "decode", TOKEN, "--key-env", "K", "--audience", HOSTILE],
        ["jwt", "decode", TOKEN, "--key-env", "K", "--token-type", HOSTILE],
        ["jwt", "encode", HOSTILE, "--key-env", "K"],
        ["jwt", "encode", "-", "--key-env", HOSTILE],
        ["sfox", "token", HOSTILE, "--base-url", "http://127.0.0.1:9"],
        ["sfox", "token", "u", "--timeout", "0"],
        ["sfox", "token", "u", "--timeout", "nan"],
        ["sfox", "token", "u", "--timeout", "9" * 10_000],
        ["mygiro", "token", HOSTILE, "--account-id", HOSTILE, "--tag", HOSTILE, "--base-url", "http://127.0.0.1:9"],
        ["sandbox", "--port", "9" * 10_000],
        ["sandbox", "--port", HOSTILE],
        ["sandbox", "--host", HOSTILE, "--port", "0"],
        ["sandbox", "--host", "no-such-host.invalid", "--port", "0"],
        ["sandbox", "--host", "a\x00b", "--port", "0"],
        ["sandbox", "--port", "0", "--client-id", HOSTILE],
        ["sandbox", "--port", "0", "--client-id", ""],
        ["sandbox", "--max-connections", "9" * 10_000],
        ["sandbox", "--header-timeout", "9" * 10_000],
    ],
)
def test_hostile_argv_is_one_line_and_a_documented_status(argv: List[str], capsys, monkeypatch) -> None:
    env = {**DEMO_ENV, "K": KEY, "SFOX_API_KEY": "k", "MYGIRO_TOKEN": sandbox.DEMO_MYGIRO_TOKEN}
    monkeypatch.setattr(sys, "stdin", io.StringIO("{}"))
    status, out, err = run(argv, capsys, env, monkeypatch)
    if argv[:2] == ["fonbnk", "verify"] and status == 1:  # a verdict, on stdout
        assert err == "" and out.startswith("invalid: ") and len(out.splitlines()) == 1
        return
    assert_one_line_error(status, out, err)
    assert "\udcff" not in err and "\x00" not in err


def test_interrupt_and_unexpected_errors_are_one_line(capsys, monkeypatch) -> None:
    def interrupt() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(fonbnk, "now_ms", interrupt)
    status, out, err = run(["fonbnk", "sign", "/p"], capsys, DEMO_ENV, monkeypatch)
    assert status == 130 and out == "" and err == "sigmint: interrupted\n"

    def broken() -> int:
        raise RuntimeError("a bug\nwith two lines")

    monkeypatch.setattr(fonbnk, "now_ms", broken)
    status, out, err = run(["fonbnk", "sign", "/p"], capsys, DEMO_ENV, monkeypatch)
    assert_one_line_error(status, out, err, expected=(1,))
    assert "RuntimeError" in err


# -- --help and exit statuses ---------------------------------------------------------------------


def all_commands() -> List[List[str]]:
    """Every command path of the parser: [], ["fonbnk"], ["fonbnk", "sign"], ..."""
    import argparse

    found: List[List[str]] = []

    def walk(parser: argparse.ArgumentParser, path: List[str]) -> None:
        found.append(path)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])

    walk(cli._parser(), [])
    return found


def test_every_command_is_known() -> None:
    leaves = {" ".join(p) for p in all_commands()}
    assert {"fonbnk sign", "fonbnk verify", "jwt decode", "jwt encode", "sfox token", "mygiro token", "sandbox"} <= leaves


@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p) or "sigmint")
def test_help_lists_the_exit_statuses(path: List[str], capsys) -> None:
    status, out, err = run([*path, "--help"], capsys)
    assert status == 0 and err == ""
    assert "exit status:" in out
    statuses = re.findall(r"^  (\d+) ", out.split("exit status:", 1)[1], re.MULTILINE)
    assert {"0", "1", "2"} <= set(statuses) or (len(path) < 2 and path != ["sandbox"] and {"0", "2"} <= set(statuses)), out
    assert "one line" in out
    if path and path[-1] in ("sign", "verify", "decode", "encode", "token", "sandbox"):
        assert "--json" in out


def test_exit_statuses_in_help_match_the_constants() -> None:
    assert (cli.EXIT_OK, cli.EXIT_FAILED, cli.EXIT_USAGE, cli.EXIT_INTERRUPTED) == (0, 1, 2, 130)


def test_usage_errors_are_one_line(capsys) -> None:
    for argv in ([], ["fonbnk"], ["fonbnk", "nope"], ["jwt", "encode"], ["sandbox", "--port"], ["--json"]):
        status, out, err = run(argv, capsys)
        assert_one_line_error(status, out, err, expected=(2,))
        assert "--help" in err


# -- sandbox: beyond loopback ---------------------------------------------------------------------


def test_is_loopback() -> None:
    for host in ("127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"):
        assert cli._is_loopback(host), host
    for host in ("0.0.0.0", "::", "192.168.1.2", "10.0.0.1", "localhost", ""):
        assert not cli._is_loopback(host), host


# -- as processes ------------------------------------------------------------------------------


def sigmint_command() -> List[str]:
    """The console script next to this interpreter, as installed by pip."""
    script = Path(sys.executable).with_name("sigmint")
    assert script.is_file(), "the sigmint console script is not installed"
    return [str(script)]


def test_console_script_and_python_m() -> None:
    for command in (sigmint_command(), [sys.executable, "-m", "sigmint"]):
        done = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0 and done.stdout.startswith("sigmint ")


def test_sandbox_process(tmp_path: Path) -> None:
    secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    env = {**os.environ, "MY_FONBNK_SECRET": secret, "MY_SFOX_KEY": "sfox-key-from-env"}
    process = subprocess.Popen(
        [
            *sigmint_command(),
            "sandbox",
            "--port",
            "0",
            "--client-id",
            "cli-client",
            "--client-secret-env",
            "MY_FONBNK_SECRET",
            "--sfox-key-env",
            "MY_SFOX_KEY",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.fullmatch(r"sigmint sandbox listening on (http://127\.0\.0\.1:\d+)\n", first)
        assert match, first
        url = match.group(1)
        banner = [process.stdout.readline() for _ in range(5)]
        text = first + "".join(banner)
        assert "cli-client" in text and "--client-secret-env" in text and "--sfox-key-env" in text
        assert secret not in text and "sfox-key-from-env" not in text
        # Nor the variables' names: a *-env option's argument is never printed.
        assert "MY_FONBNK_SECRET" not in text and "MY_SFOX_KEY" not in text
        assert "DEMO_MYGIRO_SECRET" in text
        with fonbnk.FonbnkClient("cli-client", secret, url, timeout=5) as client:
            assert client.generate_user_tokens("cli@example.com", "NG").access_kind == "access"
        with sfox.SfoxClient("sfox-key-from-env", url, timeout=5) as client:
            assert client.create_user_token("u").partner_user_id == "u"
        with mygiro.MygiroClient(sandbox.DEMO_MYGIRO_TOKEN, sandbox.DEMO_MYGIRO_TAG, url, timeout=5) as client:
            assert client.generate_access_token("u", "a").user == "u"
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    # Requests are logged (to stderr), secrets never.
    assert "POST /api/v2/user/tokens" in err and secret not in out + err


def test_sandbox_process_refuses_unset_secret_env() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NOT_SET_ANYWHERE"}
    done = subprocess.run(
        [*sigmint_command(), "sandbox", "--port", "0", "--client-secret-env", "NOT_SET_ANYWHERE"],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "--client-secret-env" in done.stderr and "NOT_SET_ANYWHERE" not in done.stderr


def test_sandbox_process_reports_a_port_in_use() -> None:
    with sandbox.Sandbox() as box:
        port = box.url.rsplit(":", 1)[1]
        done = subprocess.run(
            [*sigmint_command(), "sandbox", "--port", port],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert done.returncode == 1 and "sigmint: error:" in done.stderr


def start_sandbox(*args: str, env: Optional[Dict[str, str]] = None):
    process = subprocess.Popen(
        [*sigmint_command(), "sandbox", "--port", "0", "--quiet", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    return process, first


def stop_sandbox(process) -> str:
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    return err


def test_sandbox_warns_beyond_loopback_with_demo_credentials() -> None:
    process, first = start_sandbox("--host", "0.0.0.0")
    try:
        assert first.startswith("sigmint sandbox listening on http://0.0.0.0:"), first
    finally:
        err = stop_sandbox(process)
    warning = [line for line in err.splitlines() if "warning" in line]
    assert len(warning) == 1 and "beyond loopback" in warning[0] and "DEMO_CLIENT_SECRET" in warning[0]
    assert sandbox.DEMO_CLIENT_SECRET not in err and sandbox.DEMO_SFOX_API_KEY not in err


def test_sandbox_names_only_the_demo_credentials_still_in_use() -> None:
    env = {"S1": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "S2": "own-sfox-key", "S3": "own mygiro secret", "S4": "own token secret", "S5": "own webhook secret"}
    process, _ = start_sandbox("--host", "0.0.0.0", "--client-secret-env", "S1", "--sfox-key-env", "S2", env=env)
    err = stop_sandbox(process)
    assert "DEMO_MYGIRO_SECRET" in err and "DEMO_TOKEN_SECRET" in err and "DEMO_WEBHOOK_SECRET" in err
    assert "DEMO_CLIENT_SECRET" not in err and "DEMO_SFOX_API_KEY" not in err
    # Every credential its own: no warning.
    process, _ = start_sandbox(
        "--host", "0.0.0.0", "--client-secret-env", "S1", "--sfox-key-env", "S2",
        "--mygiro-secret-env", "S3", "--token-secret-env", "S4", "--webhook-secret-env", "S5", env=env,
    )
    err = stop_sandbox(process)
    assert "warning" not in err


def test_sandbox_on_loopback_does_not_warn_and_speaks_json() -> None:
    process, first = start_sandbox("--json")
    try:
        doc = json.loads(first)
        assert doc["loopback"] is True and doc["url"].startswith("http://127.0.0.1:")
        assert doc["client_id"] == sandbox.DEMO_CLIENT_ID
        assert doc["demo_credentials"] == [
            "DEMO_CLIENT_SECRET", "DEMO_SFOX_API_KEY", "DEMO_MYGIRO_SECRET", "DEMO_TOKEN_SECRET", "DEMO_WEBHOOK_SECRET"
        ]
        with sfox.SfoxClient(sandbox.DEMO_SFOX_API_KEY, doc["url"], timeout=5) as client:
            assert client.create_user_token("u").partner_user_id == "u"
    finally:
        err = stop_sandbox(process)
    assert "warning" not in err and sandbox.DEMO_CLIENT_SECRET not in first + err


def test_broken_pipe_is_quiet() -> None:
    """`sigmint ... | head -0`: no traceback, no "Exception ignored" from the last flush."""
    env = {**os.environ, **DEMO_ENV}
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [*sigmint_command(), "fonbnk", "sign", "/p"], stdout=writer, stderr=subprocess.PIPE, text=True, env=env, timeout=30
        )
    finally:
        os.close(writer)
    assert done.returncode == 1 and done.stderr == "", done.stderr

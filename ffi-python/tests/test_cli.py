"""The `sigmint` command: `fonbnk sign`, `jwt decode`, and `sandbox` as its own process."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional

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

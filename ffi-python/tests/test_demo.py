"""examples/fonbnk_demo.py prints exactly the three header lines `make demo` compares."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from _support import FONBNK_CASES

DEMO = Path(__file__).resolve().parents[1] / "examples" / "fonbnk_demo.py"
CASE = FONBNK_CASES[0]  # POST /api/v2/user/tokens


def run_demo(**env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FONBNK_")}
    return subprocess.run(
        [sys.executable, str(DEMO)],
        env={**environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_demo_prints_the_vector_headers() -> None:
    assert CASE["endpoint"] == "/api/v2/user/tokens"
    done = run_demo(
        FONBNK_CLIENT_ID="demo-client-id",
        FONBNK_CLIENT_SECRET=CASE["clientSecret"],
        FONBNK_TIMESTAMP_MS=CASE["timestamp"],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "[python] x-client-id: demo-client-id",
        f"[python] x-timestamp: {CASE['timestamp']}",
        f"[python] x-signature: {CASE['signature']}",
    ]
    assert done.stderr == ""


def test_demo_reports_missing_and_bad_input() -> None:
    missing = run_demo(FONBNK_CLIENT_ID="demo-client-id")
    assert missing.returncode == 2 and "FONBNK_CLIENT_SECRET" in missing.stderr
    bad = run_demo(FONBNK_CLIENT_ID="demo-client-id", FONBNK_CLIENT_SECRET="not base64!")
    assert bad.returncode == 1 and "not base64!" not in bad.stderr and bad.stdout == ""

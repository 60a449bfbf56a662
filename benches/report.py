"""Turns a `make bench` run into benches/RESULTS.md: criterion's estimates (one run, one
machine, peers side by side), the Python race and the C timing, with each target checked.

Usage: report.py CRITERION_DIR PYTHON_JSON C_JSON OUT_MD
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from pathlib import Path


def estimate(root: Path, group: str, function: str) -> float:
    """Criterion's mean estimate in ns for group/function."""
    path = root / group / function / "new" / "estimates.json"
    return json.loads(path.read_text())["mean"]["point_estimate"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {platform.system()} {platform.machine()}, {rustc}, Python {platform.python_version()}"


def main() -> int:
    root, py_json, c_json, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    # The sandbox under load (benches/python/load.py), when given.
    load = json.loads(Path(sys.argv[5]).read_text()) if len(sys.argv) > 5 else {}
    rows = []

    def check(name: str, value: float, target: str, ok: bool | None) -> None:
        verdict = "" if ok is None else ("met" if ok else "**missed**")
        rows.append(f"| {name} | {value:.2f} | {target} | {verdict} |")

    sign = estimate(root, "fonbnk_sign", "sigmint")
    raw = estimate(root, "fonbnk_sign", "hmac_raw")
    check("fonbnk_sign: sigmint / hmac_raw", sign / raw, "≤ 1.10", sign / raw <= 1.10)
    dec = estimate(root, "jwt_verify_decode", "sigmint")
    jwtlib = estimate(root, "jwt_verify_decode", "jsonwebtoken")
    floor = estimate(root, "jwt_verify_decode", "hmac_raw")
    check("jwt_verify_decode: jsonwebtoken / sigmint (speed-up)", jwtlib / dec, "≥ 3", jwtlib / dec >= 3)
    check("jwt_verify_decode: sigmint / hmac_raw", dec / floor, "≤ 1.5", dec / floor <= 1.5)
    enc = estimate(root, "jwt_encode", "sigmint")
    enc_peer = estimate(root, "jwt_encode", "jsonwebtoken")
    check("jwt_encode: jsonwebtoken / sigmint (speed-up)", enc_peer / enc, "(no target)", None)
    big = 16 * 1024
    mac16 = estimate(root, "sign_scaling", f"sigmint/{big}")
    sha16 = estimate(root, "sign_scaling", f"sha2/{big}")
    check("sign_scaling 16 KiB: sigmint throughput / sha2", sha16 / mac16, "≥ 0.90", sha16 / mac16 >= 0.90)
    core_sign = estimate(root, "c_api_sign", "core")
    c_sign = estimate(root, "c_api_sign", "c_api")
    check("c_api_sign: C API / core", c_sign / core_sign, "≤ 1.05", c_sign / core_sign <= 1.05)

    slack = estimate(root, "canonical_engine", "slack_verify_1k")
    slack_raw = estimate(root, "canonical_engine", "slack_hmac_raw_1k")
    check("canonical_engine slack_verify_1k: sigmint / hmac_raw", slack / slack_raw, "(no target)", None)

    python = json.loads(py_json.read_text())
    for bench, r in python.items():
        check(f"python {bench}: {r['peer']} / sigmint (speed-up)", r["speedup"], f"≥ {r['target']:.0f}", r["speedup"] >= r["target"])

    times = [
        ("fonbnk_sign/sigmint", sign), ("fonbnk_sign/hmac_raw", raw),
        ("fonbnk_sign/hmac_raw_keyed", estimate(root, "fonbnk_sign", "hmac_raw_keyed")),
        ("jwt_verify_decode/sigmint", dec), ("jwt_verify_decode/jsonwebtoken", jwtlib),
        ("jwt_verify_decode/hmac_raw", floor), ("jwt_encode/sigmint", enc), ("jwt_encode/jsonwebtoken", enc_peer),
        ("query_encode/sigmint", estimate(root, "query_encode", "sigmint")),
        ("query_encode/form_urlencoded", estimate(root, "query_encode", "form_urlencoded")),
        ("json_body/sigmint", estimate(root, "json_body", "sigmint")),
        ("json_body/serde_json", estimate(root, "json_body", "serde_json")),
        ("c_api_sign/core", core_sign), ("c_api_sign/c_api", c_sign),
        *[
            (f"canonical_engine/{f}", estimate(root, "canonical_engine", f))
            for f in ("fonbnk_preset", "fonbnk_sign", "slack_verify_1k", "slack_hmac_raw_1k", "stripe_verify_two_v1_1k")
        ],
    ]
    c_side = json.loads(c_json.read_text())
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}. Written by `make bench` (criterion means; Python: medians of "
        "interleaved rounds). Ratios compare contestants of one run on one machine.",
        "",
        "| check | value | target | |",
        "|---|---|---|---|",
        *rows,
        "",
        "| bench | time (ns) |",
        "|---|---|",
        *[f"| {name} | {t:.0f} |" for name, t in times],
        *[f"| python {b}/sigmint | {r['sigmint_ns']:.0f} |" for b, r in python.items()],
        *[f"| python {b}/{r['peer']} | {r['peer_ns']:.0f} |" for b, r in python.items()],
        f"| C program: sigmint_fonbnk_sign | {c_side['c_fonbnk_sign_ns']:.0f} |",
        "",
        *(
            [
                "The sandbox under load (`benches/python/load.py`: valid signed requests, loopback):",
                "",
                "| mode | clients | requests/s | p50 (ms) | p99 (ms) | errors |",
                "|---|---:|---:|---:|---:|---:|",
                *[
                    f"| {mode} | {r['clients']} | {r['requests_per_s']:.0f} | {r['p50_ms']:.1f} "
                    f"| {r['p99_ms']:.1f} | {r['errors']} |"
                    for mode, r in load.items()
                ],
                "",
            ]
            if load
            else []
        ),
    ]
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

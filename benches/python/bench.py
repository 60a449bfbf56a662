"""sigmint's Python API against the idioms it replaces: interleaved runs, medians, ratios.

Run by `make bench` (after `make setup-python`); writes a JSON summary for the report.
Each round times every contestant once (so drift hits all alike); the figure is the median
over rounds of the per-call time. The webhook race (webhooks.py beside this file: a Slack
request verified by sigmint, the standard library and slack_sdk) adds its entries, each the
best of its interleaved rounds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

import jwt as pyjwt

import sigmint.fonbnk
from sigmint import jwt as sigjwt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import webhooks as webhook_race  # noqa: E402 - benches/python/webhooks.py

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
ROUNDS = 15
NOW = 1765454133


def per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter_ns()
    for _ in range(calls):
        fn()
    return (time.perf_counter_ns() - start) / calls


def race(contestants: Dict[str, Callable[[], object]], calls: int) -> Dict[str, float]:
    samples: Dict[str, List[float]] = {name: [] for name in contestants}
    for fn in contestants.values():  # warm-up
        per_call(fn, calls // 10 or 1)
    for _ in range(ROUNDS):
        for name, fn in contestants.items():
            samples[name].append(per_call(fn, calls))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    cases = json.loads((VECTORS / "fonbnk_signing.json").read_text())
    case = next(c for c in cases if c["name"].startswith("order limits"))
    secret, endpoint, ts = case["clientSecret"], case["endpoint"], int(case["timestamp"])
    signer = sigmint.fonbnk.Signer("client-id", secret)
    raw_key = base64.b64decode(secret)

    def stdlib_headers() -> dict:
        digest = hmac.new(raw_key, f"{ts}:{endpoint}".encode(), hashlib.sha256).digest()
        return {
            "x-client-id": "client-id",
            "x-timestamp": str(ts),
            "x-signature": base64.b64encode(digest).decode(),
        }

    assert stdlib_headers() == signer.headers(endpoint, ts)

    vector = json.loads((VECTORS / "jwt_hs256.json").read_text())["valid"][0]
    token, key = vector["token"], bytes.fromhex(vector["key_hex"])
    claims = vector["claims"]
    assert sigjwt.decode(token, key, algorithms=["HS256"], now=NOW) == pyjwt.decode(
        token, key, algorithms=["HS256"], options={"verify_exp": False}
    )

    results = {
        "headers": race(
            {
                "sigmint": lambda: signer.headers(endpoint, ts),
                "stdlib": stdlib_headers,
            },
            20000,
        ),
        "jwt_decode": race(
            {
                "sigmint": lambda: sigjwt.decode(token, key, algorithms=["HS256"], now=NOW),
                "pyjwt": lambda: pyjwt.decode(token, key, algorithms=["HS256"]),
            },
            5000,
        ),
        "jwt_encode": race(
            {
                "sigmint": lambda: sigjwt.encode(claims, key),
                "pyjwt": lambda: pyjwt.encode(claims, key, algorithm="HS256"),
            },
            5000,
        ),
    }
    targets = {"headers": ("stdlib", 6.0), "jwt_decode": ("pyjwt", 10.0), "jwt_encode": ("pyjwt", 8.0)}
    print(f"{'bench':<12} {'sigmint':>12} {'peer':>12} {'speed-up':>9} {'target':>7}")
    summary = {}
    for bench, times in results.items():
        peer, target = targets[bench]
        ratio = times[peer] / times["sigmint"]
        summary[bench] = {"sigmint_ns": times["sigmint"], "peer": peer, "peer_ns": times[peer], "speedup": ratio, "target": target}
        mark = "ok" if ratio >= target else "MISSED"
        print(f"{bench:<12} {times['sigmint']:>10.0f}ns {times[peer]:>10.0f}ns {ratio:>8.1f}x {target:>5.0f}x {mark}")
    for bench, r in webhook_race.run().items():
        summary[bench] = r
        mark = "ok" if r["speedup"] >= r["target"] else "MISSED"
        print(f"{bench:<12} {r['sigmint_ns']:>10.0f}ns {r['peer_ns']:>10.0f}ns {r['speedup']:>8.2f}x {r['target']:>5.0f}x {mark}")
    if out:
        out.write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

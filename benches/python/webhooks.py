"""Verifying a Slack request (1 KiB body) in one process: sigmint.webhooks.verify against the
standard-library idiom (hmac.new(...).hexdigest(), hmac.compare_digest and the timestamp
check) and against slack_sdk's SignatureVerifier.is_valid. Every contestant reads the system
clock, as a server does.

Rounds are interleaved (each round times every contestant once, so drift hits all alike), the
order of the contestants rotates each round, and each contestant's figure is its best round:
the least disturbed one on a shared machine.

Run on its own (``python benches/python/webhooks.py [OUT.json]``) or from bench.py, which puts
its two entries in the summary benches/report.py reads.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

from slack_sdk.signature import SignatureVerifier

from sigmint import webhooks

ROUNDS = 25
CALLS = 20_000
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
#: A Slack interaction payload's size.
BODY = (b"payload=" + b"%7B%22type%22%3A%22block_actions%22" * 40)[:1024]
#: speed-up sigmint must reach over each peer (it must not be slower)
TARGETS = {"stdlib": 1.0, "slack_sdk": 1.0}


def per_call(fn: Callable[[], object], calls: int) -> float:
    start = time.perf_counter_ns()
    for _ in range(calls):
        fn()
    return (time.perf_counter_ns() - start) / calls


def race_best(contestants: Dict[str, Callable[[], object]], calls: int, rounds: int = ROUNDS) -> Dict[str, float]:
    """Each contestant's best per-call time over interleaved rounds."""
    names = list(contestants)
    samples: Dict[str, List[float]] = {name: [] for name in names}
    for fn in contestants.values():  # warm-up
        per_call(fn, calls // 10 or 1)
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            samples[name].append(per_call(contestants[name], calls))
    return {name: min(values) for name, values in samples.items()}


def contestants() -> Dict[str, Callable[[], object]]:
    assert len(BODY) == 1024
    ts = str(int(time.time()))
    signature = "v0=" + hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + BODY, hashlib.sha256).hexdigest()
    # What a framework hands over: the request's headers, Slack's two among them.
    headers = {
        "Host": "example.com",
        "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        "Accept": "application/json,*/*",
        "Accept-Encoding": "gzip,deflate",
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": str(len(BODY)),
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
    }
    key = SECRET.encode()
    verifier = SignatureVerifier(SECRET)

    def sigmint_verify() -> None:
        webhooks.verify("slack", SECRET, headers, BODY)

    def stdlib_verify() -> None:
        timestamp = headers["X-Slack-Request-Timestamp"]
        if abs(time.time() - int(timestamp)) > 300:
            raise ValueError("stale")
        mac = hmac.new(key, b"v0:" + timestamp.encode() + b":" + BODY, hashlib.sha256)
        if not hmac.compare_digest("v0=" + mac.hexdigest(), headers["X-Slack-Signature"]):
            raise ValueError("mismatch")

    def slack_sdk_verify() -> None:
        if not verifier.is_valid(BODY, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]):
            raise ValueError("mismatch")

    for fn in (sigmint_verify, stdlib_verify, slack_sdk_verify):
        fn()  # each accepts the request
    return {"sigmint": sigmint_verify, "stdlib": stdlib_verify, "slack_sdk": slack_sdk_verify}


def run() -> Dict[str, Dict[str, object]]:
    """The summary entries, in bench.py's format (one per peer)."""
    times = race_best(contestants(), CALLS)
    summary: Dict[str, Dict[str, object]] = {}
    for peer, target in TARGETS.items():
        summary[f"webhook_slack_vs_{peer}"] = {
            "sigmint_ns": times["sigmint"],
            "peer": peer,
            "peer_ns": times[peer],
            "speedup": times[peer] / times["sigmint"],
            "target": target,
            "figure": f"best of {ROUNDS} interleaved rounds of {CALLS} calls",
        }
    return summary


def main() -> int:
    summary = run()
    print(f"{'bench':<26} {'sigmint':>10} {'peer':>10} {'speed-up':>9}")
    for bench, r in summary.items():
        print(f"{bench:<26} {r['sigmint_ns']:>8.0f}ns {r['peer_ns']:>8.0f}ns {r['speedup']:>8.2f}x")
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

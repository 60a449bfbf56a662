"""The sandbox under load: requests/s, p50 and p99 latency, and errors, at 50 concurrent clients.

Run by `make bench` (after `make setup-python`); writes a JSON summary. The sandbox runs as
its own process (``python -m sigmint sandbox --port 0 --quiet``), so that the clients' threads
do not share its interpreter lock, and is driven for a fixed time in each mode:

- ``connect``: a new connection per request (``Connection: close``), which is what fills the
  listen backlog;
- ``keepalive``: one kept-alive connection per client;
- ``single``: one client on one kept-alive connection, where a delayed ACK meeting Nagle's
  algorithm shows as ~40 ms a request.

Every request is a valid signed Fonbnk ``GET`` on a path of its own (so none is a replay). An
error is anything but a 200: a reset, a timeout, a refused connection, another status.

Usage: load.py [OUT_JSON] [--seconds S] [--clients N] [--url URL]
(``--url`` drives a sandbox already running instead of starting one.)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Optional
from urllib.parse import urlsplit

from sigmint import fonbnk, sandbox

MODES = ("connect", "keepalive", "single")


class Tally:
    """Latencies and errors from every client thread (list.append is atomic; the Counter is
    behind a lock)."""

    def __init__(self) -> None:
        self.latencies: List[float] = []
        self.errors: Counter = Counter()
        self.lock = threading.Lock()

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] += 1


def client(host: str, port: int, mode: str, ident: int, stop_at: float, tally: Tally) -> None:
    signer = fonbnk.Signer(sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET)
    conn: Optional[http.client.HTTPConnection] = None
    n = 0
    while time.monotonic() < stop_at:
        endpoint = f"/api/load/{ident}/{n}"
        n += 1
        headers = signer.headers(endpoint)
        if mode == "connect":
            headers["Connection"] = "close"
        start = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, port, timeout=10)
            conn.request("GET", endpoint, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                tally.error(f"status {response.status}")
            if mode == "connect" or response.will_close:
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as err:
            tally.error(type(err).__name__)
            if conn is not None:
                conn.close()
            conn = None
        tally.latencies.append(time.perf_counter() - start)
    if conn is not None:
        conn.close()


def percentile(sorted_values: List[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def run_mode(url: str, mode: str, clients: int, seconds: float) -> Dict[str, object]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    count = 1 if mode == "single" else clients
    tally = Tally()
    start = time.monotonic()
    stop_at = start + seconds
    threads = [
        threading.Thread(target=client, args=(host, port, mode, i, stop_at, tally), daemon=True)
        for i in range(count)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    latencies = sorted(tally.latencies)
    return {
        "clients": count,
        "requests": len(latencies),
        "requests_per_s": len(latencies) / elapsed,
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p99_ms": 1000 * percentile(latencies, 0.99),
        "max_ms": 1000 * (latencies[-1] if latencies else float("nan")),
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
    }


@contextmanager
def sandbox_process() -> Iterator[str]:
    """A sandbox in its own process, on a free port; yields its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sigmint", "sandbox", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        prefix = "sigmint sandbox listening on "
        if not first.startswith(prefix):
            raise RuntimeError(f"the sandbox did not start: {first!r}")
        yield first[len(prefix) :].strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def parse_args(argv: List[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Load the sigmint sandbox.")
    parser.add_argument("out", nargs="?", type=Path, help="write the JSON summary here")
    parser.add_argument("--seconds", type=float, default=5.0, help="per mode (default: %(default)s)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default: %(default)s)")
    parser.add_argument("--url", help="a running sandbox (default: start one)")
    return parser.parse_args(argv)


def report(results: Dict[str, Dict[str, object]]) -> None:
    columns = ("clients", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors")
    print(f"{'mode':<10} " + " ".join(f"{c:>9}" for c in columns))
    for mode, r in results.items():
        print(
            f"{mode:<10} {r['clients']:>9} {r['requests']:>9} {r['requests_per_s']:>9.0f} "
            f"{r['p50_ms']:>9.1f} {r['p99_ms']:>9.1f} {r['max_ms']:>9.1f} {r['errors']:>9}"
            + (f"  {r['error_kinds']}" if r["errors"] else "")
        )


def main(argv: List[str]) -> int:
    args = parse_args(argv)

    def measure(url: str) -> Dict[str, Dict[str, object]]:
        return {mode: run_mode(url, mode, args.clients, args.seconds) for mode in MODES}

    if args.url:
        results = measure(args.url)
    else:
        with sandbox_process() as url:
            results = measure(url)
    report(results)
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

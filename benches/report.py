"""Turns a `make bench` run into benches/RESULTS.md: criterion's estimates (one run, one
machine, peers side by side), the Python race and the C timing, with each target checked.

Usage: report.py CRITERION_DIR PYTHON_JSON C_JSON OUT_MD [LOAD_JSON] [--interleaved JSON --readme README]

With --interleaved, the side-by-side table (`benches/benches/interleaved.rs`: contestants raced
in one process, round by round, best batch each) heads the results, with the project's speed
targets as ratios, and --readme replaces the table between the README's bench markers with it,
the machine and the version of every peer.
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


#: The ratios the project's speed targets are stated in (issue 17): race, numerator,
#: denominator, the target's text, and whether a value meets it.
TARGETS = [
    ("fonbnk headers, 218-byte endpoint", "sigmint", "hmac_raw", "≤ 1.15", lambda r: r <= 1.15),
    ("fonbnk headers, 218-byte endpoint", "allocating_idiom", "sigmint", "> 1", lambda r: r > 1),
    ("verify + validate + read the Fonbnk access token", "jsonwebtoken", "sigmint_all_claims", "≥ 3", lambda r: r >= 3),
    ("verify + validate + read the Fonbnk access token", "sigmint_all_claims", "hmac_raw", "≤ 2.5", lambda r: r <= 2.5),
    ("slack webhook verify, 1 KiB body", "hmac_idiom", "sigmint", "(no target)", None),
    ("slack webhook verify, 1 KiB body", "sigmint", "hmac_raw", "(no target)", None),
]

#: The Rust peers whose versions the README's table names (from Cargo.lock).
RUST_PEERS = ["jsonwebtoken", "hmac", "sha2", "base64"]

README_START = "<!-- bench:start (written by make bench) -->"
README_END = "<!-- bench:end -->"


def locked_versions(names: list[str]) -> dict[str, str]:
    """The versions Cargo.lock pins for `names` (the newest, if several)."""
    lock = (Path(__file__).resolve().parent.parent / "Cargo.lock").read_text()
    found: dict[str, str] = {}
    for block in lock.split("[[package]]"):
        fields = dict(
            line.split(" = ", 1) for line in block.strip().splitlines() if " = " in line
        )
        name = fields.get("name", "").strip('"')
        if name in names:
            version = fields.get("version", "").strip('"')
            if name not in found or tuple(map(int, version.split("."))) > tuple(map(int, found[name].split("."))):
                found[name] = version
    return found


def interleaved_table(races: list[dict], python: dict) -> list[str]:
    """The side-by-side table: each race's contestants, then the target ratios, Rust and Python."""
    by_work = {race["work"]: race["ns"] for race in races}
    lines = ["| work | contestant | best (ns) |", "|---|---|---:|"]
    for race in races:
        for name, ns in race["ns"].items():
            lines.append(f"| {race['work']} | {name} | {ns:.0f} |")
    lines += ["", "| ratio | value | target | |", "|---|---:|---|---|"]
    for work, a, b, target, ok in TARGETS:
        ns = by_work.get(work, {})
        if a in ns and b in ns:
            ratio = ns[a] / ns[b]
            verdict = "" if ok is None else ("met" if ok(ratio) else "**missed**")
            lines.append(f"| {work}: {a} / {b} | {ratio:.2f} | {target} | {verdict} |")
    for bench, r in python.items():
        verdict = "met" if r["speedup"] >= r["target"] else "**missed**"
        lines.append(
            f"| python {bench}: {r['peer']} / sigmint | {r['speedup']:.2f} | ≥ {r['target']:.0f} | {verdict} |"
        )
    return lines


def peers_line(python: dict) -> str:
    rust = ", ".join(f"{n} {v}" for n, v in sorted(locked_versions(RUST_PEERS).items()))
    py = sorted({f"{r['peer']} {r['peer_version']}" for r in python.values() if r.get("peer_version")})
    return f"Peers: Rust {rust}" + (f"; Python {', '.join(py)}" if py else "") + "."


def write_readme(readme: Path, table: list[str], python: dict) -> None:
    text = readme.read_text()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise SystemExit(f"{readme}: no {README_START} ... {README_END} markers")
    block = [README_START, "", f"Machine: {machine()}. {peers_line(python)}", "", *table, "", README_END]
    readme.write_text(text[:start] + "\n".join(block) + text[end + len(README_END):])


def main() -> int:
    args = sys.argv[1:]
    options: dict[str, Path] = {}
    for flag in ("--interleaved", "--readme"):
        if flag in args:
            at = args.index(flag)
            options[flag] = Path(args[at + 1])
            del args[at : at + 2]
    root, py_json, c_json, out = Path(args[0]), Path(args[1]), Path(args[2]), Path(args[3])
    # The sandbox under load (benches/python/load.py), when given.
    load = json.loads(Path(args[4]).read_text()) if len(args) > 4 else {}
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
    races = json.loads(options["--interleaved"].read_text()) if "--interleaved" in options else []
    side_by_side = interleaved_table(races, python) if races else []
    if side_by_side and "--readme" in options:
        write_readme(options["--readme"], side_by_side, python)
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}. {peers_line(python)} Written by `make bench` (criterion means; "
        "Python: interleaved rounds). Ratios compare contestants of one run on one machine.",
        "",
        *(
            ["## Side by side (one process, interleaved rounds, best round each)", "", *side_by_side, "",
             "## Criterion", ""]
            if side_by_side
            else []
        ),
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

"""sigmint's Python API against the idioms it replaces: interleaved runs, medians, ratios.

Run by `make bench` (after `make setup-python`); writes a JSON summary for the report.
All contestants run in this one process; each round times every contestant once (so drift
hits all alike), and a contestant's figure is its best round's per-call time. The webhook
race (webhooks.py beside this file: a Slack request verified by sigmint, the standard library
and slack_sdk) adds its entries, each the best of its interleaved rounds.

The JWT races: the Fonbnk-shaped access token of tests/vectors/jwt_hs256.json and its HS256
key, decoded with PyJWT's default checks (the system clock, ``algorithms=["HS256"]``) and its
claims encoded, by sigmint.jwt and each PyJWT-compatible peer: the dev venv's PyJWT (2.15.1,
the compatibility tests' reference) and, when installed under target/bench/peers/NAME (`make
bench` installs them from requirements.txt beside this file), oxyjwt, pyjwt-rs (its
``jwt_rs`` module) and PyJWT 2.10.1 (loaded as ``pyjwt_2_10``, beside the venv's ``jwt``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Dict, List, Optional, Tuple

import jwt as pyjwt

import sigmint.fonbnk
from sigmint import jwt as sigjwt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import webhooks as webhook_race  # noqa: E402 - benches/python/webhooks.py

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"
PEERS = Path(__file__).resolve().parents[2] / "target" / "bench" / "peers"
ROUNDS = 15


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
    return {name: min(values) for name, values in samples.items()}


def load_peer(directory: str, package: str, alias: Optional[str] = None) -> Optional[ModuleType]:
    """``package`` from ``PEERS/directory`` (a ``pip install --target`` directory), as
    ``alias`` when given (so that it can sit beside a module of the same name), or None when
    it is not installed."""
    root = PEERS / directory
    init = root / package / "__init__.py"
    if not init.exists():
        print(f"peer {directory}: not installed in {root}, skipped")
        return None
    if str(root) not in sys.path:
        sys.path.append(str(root))  # its dependencies (orjson, cryptography), after the venv's
    if alias is None:
        return importlib.import_module(package)
    spec = importlib.util.spec_from_file_location(alias, init, submodule_search_locations=[str(root / package)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def version_of(directory: str, distribution: str) -> str:
    """The version of ``distribution`` installed in ``PEERS/directory``."""
    import importlib.metadata

    found = importlib.metadata.distributions(name=distribution, path=[str(PEERS / directory)])
    return next((d.version for d in found), "?")


def jwt_peers() -> List[Tuple[str, str, str, Any]]:
    """(entry suffix, peer name, version, module) of each PyJWT-compatible peer present."""
    import importlib.metadata

    peers = [("", "pyjwt", importlib.metadata.version("PyJWT"), pyjwt)]
    for suffix, name, directory, package, alias, distribution in (
        ("_oxyjwt", "oxyjwt", "oxyjwt", "oxyjwt", None, "oxyjwt"),
        ("_pyjwt_rs", "pyjwt-rs", "pyjwt-rs", "jwt_rs", None, "pyjwt_rs"),
        ("_pyjwt_2_10", "pyjwt", "PyJWT", "jwt", "pyjwt_2_10", "PyJWT"),
    ):
        module = load_peer(directory, package, alias)
        if module is not None:
            peers.append((suffix, name, version_of(directory, distribution), module))
    return peers


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
    assert vector["name"] == "fonbnk-shaped access token"
    token, key = vector["token"], bytes.fromhex(vector["key_hex"])
    claims = vector["claims"]
    algorithms = ["HS256"]
    peers = jwt_peers()
    for _, name, version, peer in peers:
        assert sigjwt.decode(token, key, algorithms=algorithms) == peer.decode(token, key, algorithms=algorithms), name
        # Each mints a token PyJWT accepts with these claims (oxyjwt orders the header's keys
        # its own way, so its token is not PyJWT's byte for byte; sigmint's is).
        assert pyjwt.decode(peer.encode(claims, key, algorithm="HS256"), key, algorithms=algorithms) == claims, name
    assert sigjwt.encode(claims, key) == pyjwt.encode(claims, key, algorithm="HS256") == token

    def decoder(lib: Any) -> Callable[[], object]:
        return lambda: lib.decode(token, key, algorithms=algorithms)

    def encoder(lib: Any) -> Callable[[], object]:
        return lambda: lib.encode(claims, key, algorithm="HS256")

    results = {
        "headers": race(
            {
                "sigmint": lambda: signer.headers(endpoint, ts),
                "stdlib": stdlib_headers,
            },
            20000,
        ),
        "jwt_decode": race({"sigmint": decoder(sigjwt), **{s: decoder(m) for s, _, _, m in peers}}, 5000),
        # sigmint's encode as its callers write it (HS256 is the default algorithm).
        "jwt_encode": race({"sigmint": lambda: sigjwt.encode(claims, key), **{s: encoder(m) for s, _, _, m in peers}}, 5000),
    }
    # bench -> (race, contestant, peer, version, target): against the fastest peers, 2x
    # (issue 17); against the dev venv's PyJWT 2.15.1 the older targets.
    targets: Dict[str, Tuple[str, str, str, str, float]] = {"headers": ("headers", "stdlib", "stdlib", "", 6.0)}
    for suffix, name, version, _ in peers:
        for group, older in (("jwt_decode", 10.0), ("jwt_encode", 8.0)):
            targets[group + suffix] = (group, suffix, name, version, older if suffix == "" else 2.0)
    print(f"{'bench':<26} {'sigmint':>12} {'peer':>12} {'speed-up':>9} {'target':>7}  peer")
    summary = {}
    for bench, (group, key_of, peer, version, target) in targets.items():
        times = results[group]
        ratio = times[key_of] / times["sigmint"]
        entry = {"sigmint_ns": times["sigmint"], "peer": peer, "peer_ns": times[key_of], "speedup": ratio, "target": target}
        if version:
            entry["peer_version"] = version
        summary[bench] = entry
        mark = "ok" if ratio >= target else "MISSED"
        print(f"{bench:<26} {times['sigmint']:>10.0f}ns {times[key_of]:>10.0f}ns {ratio:>8.2f}x {target:>5.0f}x {mark:<6}  {peer} {version}")
    for bench, r in webhook_race.run().items():
        summary[bench] = r
        mark = "ok" if r["speedup"] >= r["target"] else "MISSED"
        print(f"{bench:<26} {r['sigmint_ns']:>10.0f}ns {r['peer_ns']:>10.0f}ns {r['speedup']:>8.2f}x {r['target']:>5.0f}x {mark}")
    if out:
        out.write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Signers, keys and the token functions shared by 16 threads at once: every result is the one
the same call gives alone (sigmint holds no per-call state in a shared object)."""

from __future__ import annotations

import threading
from typing import Callable, List, Tuple

from sigmint import fonbnk, jwt

THREADS = 16
ROUNDS = 300
SECRET = "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0="
TOKEN_KEY = b"a-32-byte-token-key-for-threads!"
NOW = 1_765_454_133


def work(n: int) -> Tuple[str, int, str]:
    """Thread `n`'s round inputs: an endpoint, a timestamp and a subject of their own."""
    return f"/api/v2/orders?thread={n}", 1_765_454_073_000 + n, f"user-{n}"


def run_all(task: Callable[[int], List[object]]) -> List[List[object]]:
    """Runs `task(n)` for every thread at once, behind a barrier; returns what each gave."""
    barrier = threading.Barrier(THREADS)
    results: List[List[object]] = [[] for _ in range(THREADS)]
    errors: List[BaseException] = []

    def body(n: int) -> None:
        try:
            barrier.wait()
            results[n] = task(n)
        except BaseException as err:  # noqa: BLE001 - reported below, with its thread
            errors.append(err)

    threads = [threading.Thread(target=body, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def test_one_signer_signs_and_verifies_from_16_threads() -> None:
    signer = fonbnk.Signer("client-id", SECRET)
    alone = {n: signer.sign(*work(n)[:2]) for n in range(THREADS)}

    def task(n: int) -> List[object]:
        endpoint, ts, _ = work(n)
        out: List[object] = []
        for _ in range(ROUNDS):
            signature = signer.sign(endpoint, ts)
            signer.verify(endpoint, ts, signature)
            headers = signer.headers(endpoint, ts)
            out.append((signature, headers["x-signature"], headers["x-timestamp"]))
        return out

    for n, rounds in enumerate(run_all(task)):
        assert rounds == [(alone[n], alone[n], str(work(n)[1]))] * ROUNDS, n


def test_tokens_minted_and_decoded_from_16_threads() -> None:
    alone = {n: jwt.encode({"sub": work(n)[2], "exp": NOW + 60}, TOKEN_KEY) for n in range(THREADS)}

    def task(n: int) -> List[object]:
        out: List[object] = []
        for _ in range(ROUNDS):
            token = jwt.encode({"sub": work(n)[2], "exp": NOW + 60}, TOKEN_KEY)
            claims = jwt.decode(token, TOKEN_KEY, algorithms=["HS256"], now=NOW, subject=work(n)[2])
            out.append((token, claims["sub"]))
        return out

    for n, rounds in enumerate(run_all(task)):
        assert rounds == [(alone[n], work(n)[2])] * ROUNDS, n

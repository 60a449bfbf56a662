"""Prints the Fonbnk request headers for POST /api/v2/user/tokens, as the Rust and C demos do.

Reads FONBNK_CLIENT_ID, FONBNK_CLIENT_SECRET (base64) and FONBNK_TIMESTAMP_MS (Unix ms; the
system clock when unset) from the environment, so the secret never appears in argv:

    FONBNK_CLIENT_ID=demo-client-id \\
    FONBNK_CLIENT_SECRET=c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLS0tLS0= \\
    FONBNK_TIMESTAMP_MS=1765454073000 python ffi-python/examples/fonbnk_demo.py
"""

import os
import sys

import sigmint
from sigmint import fonbnk

ENDPOINT = "/api/v2/user/tokens"


def main() -> int:
    try:
        client_id = os.environ["FONBNK_CLIENT_ID"]
        secret = os.environ["FONBNK_CLIENT_SECRET"]
    except KeyError as missing:
        print(f"fonbnk_demo: set {missing.args[0]} in the environment", file=sys.stderr)
        return 2
    ts_text = os.environ.get("FONBNK_TIMESTAMP_MS")
    try:
        timestamp_ms = None if ts_text is None else int(ts_text)
        signer = fonbnk.Signer(client_id, secret)
        headers = signer.headers(ENDPOINT, timestamp_ms)
    except (ValueError, sigmint.Error) as err:
        print(f"fonbnk_demo: {err}", file=sys.stderr)
        return 1
    for name, value in headers.items():
        print(f"[python] {name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A round trip through sigmint's Python clients against a running ``sigmint sandbox``.

    sigmint sandbox --port 8787 &
    python ffi-python/examples/sandbox_demo.py http://127.0.0.1:8787

Credentials come from FONBNK_CLIENT_ID, FONBNK_CLIENT_SECRET, SFOX_API_KEY, MYGIRO_TOKEN and
MYGIRO_TAG when set, else the sandbox's documented demo ones (sigmint.sandbox.DEMO_*).
Prints one short line per step; exits 1 on the first failure.
"""

import os
import sys
import time

from sigmint import fonbnk, mygiro, sandbox, sfox

EMAIL = "testuser+ng@fonbnk.com"


def show(token: str) -> str:
    return f"{token[:10]}… ({len(token)} chars)"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: sandbox_demo.py SANDBOX_URL", file=sys.stderr)
        return 2
    url = argv[1]
    env = os.environ.get
    client_id = env("FONBNK_CLIENT_ID", sandbox.DEMO_CLIENT_ID)
    secret = env("FONBNK_CLIENT_SECRET", sandbox.DEMO_CLIENT_SECRET)
    now = int(time.time())
    try:
        with fonbnk.FonbnkClient(client_id, secret, url, timeout=5) as client:
            tokens = client.generate_user_tokens(EMAIL, "NG")
            access, refresh = tokens.access, tokens.refresh
            print(
                f"[python] fonbnk POST /api/v2/user/tokens: access {show(tokens.access_token)}"
                f" lives {(access.expires_at - access.issued_at) // 60} min,"
                f" refresh lives {(refresh.expires_at - refresh.issued_at) // 86400} days;"
                f" needs refresh now: {tokens.needs_refresh(now)}"
            )
            state = client.kyc_status(EMAIL, "NG")
            document = state.documents[0]
            fields = {name: "1990-01-01" if name == "dob" else "Ada" for name in document.required_fields}
            client.kyc_submit(EMAIL, document.id, fields)
            after = client.kyc_status(EMAIL, "NG")
            print(
                f"[python] fonbnk KYC: {state.status} -> submitted {document.title!r}"
                f" ({len(fields)} fields) -> {after.status} ({after.passed_kyc_type})"
            )
        with sfox.SfoxClient(env("SFOX_API_KEY", sandbox.DEMO_SFOX_API_KEY), url, timeout=5) as client:
            user = client.create_user_token("client_db29326e")
            hours = (user.expires_at_ms - now * 1000) / 3_600_000
            print(
                f"[python] sfox user token for {user.partner_user_id}: {show(user.token)},"
                f" expires {user.expires} (in {hours:.0f} h)"
            )
        token = env("MYGIRO_TOKEN", sandbox.DEMO_MYGIRO_TOKEN)
        tag = env("MYGIRO_TAG", sandbox.DEMO_MYGIRO_TAG)
        with mygiro.MygiroClient(token, tag, url, timeout=5) as client:
            giro = client.generate_access_token("5a981078f4442500195c7201", "5a981078f4442500195c7205")
            print(
                f"[python] mygiro access token for user {giro.user}: {show(giro.token)},"
                f" type {giro.type}, created {giro.created_at}"
            )
    except Exception as err:  # sigmint.Error (ProviderError, ...) or httpx's transport errors
        print(f"[python] sandbox demo failed: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

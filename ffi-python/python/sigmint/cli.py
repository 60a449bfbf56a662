"""The ``sigmint`` command (also ``python -m sigmint``).

- ``sigmint fonbnk sign ENDPOINT --client-id ID [--secret-env VAR] [--timestamp-ms N]
  [--param NAME=VALUE ...]``: prints the three Fonbnk request headers. The secret is read from
  the environment variable ``VAR`` (``FONBNK_CLIENT_SECRET`` by default), never from argv;
  the client id defaults to ``$FONBNK_CLIENT_ID``.
- ``sigmint jwt decode TOKEN [--key-env VAR] [--leeway S] [--audience A] [--issuer I]
  [--token-type T] [--now S]``: prints ``{"verified", "header", "claims"}`` as JSON. With
  ``--key-env`` the HS256 signature and the claims are verified (a failure exits 1);
  without it nothing is verified. ``TOKEN`` ``-`` reads it from standard input.
- ``sigmint sandbox [--host H] [--port N] [--client-id ID] [--client-secret-env VAR]
  [--sfox-key-env VAR] [--mygiro-secret-env VAR] [--token-secret-env VAR]
  [--header-timeout S] [--max-connections N] [--quiet]``: runs the local provider sandbox
  (:mod:`sigmint.sandbox`) until interrupted. ``--port 0`` takes a free port; the first line
  printed names the URL. Omitted credentials are the documented demo ones; secrets come from
  environment variables only and are never printed. ``--header-timeout`` (default 5 s) and
  ``--max-connections`` (default 256) bound what slow or many clients can hold.

The argument of a ``*-env`` option is never printed, not even in an error: it may be the
secret itself, typed where its variable's name belongs (and a base64 secret such as
``bXlTZWNyZXQ`` looks like a name). Errors say which option named the variable instead.

Exit status: 0 on success, 1 when the operation fails (a bad signature, a refused token, a
port in use), 2 for a usage error (including a named environment variable that is unset or
empty).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from typing import Any, Dict, List, NoReturn, Optional, Sequence, Tuple

from . import __version__, fonbnk, jwt
from ._errors import Error

__all__ = ["main"]


class _UsageError(Exception):
    pass


_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Where ``fonbnk sign`` reads the secret without --secret-env (ours to print: not an argument).
_DEFAULT_SECRET_ENV = "FONBNK_CLIENT_SECRET"


class _Parser(argparse.ArgumentParser):
    """argparse, but without abbreviated options (``--secret`` is not ``--secret-env``) and
    without echoing unrecognized arguments (which could be a secret typed by mistake)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        if message.startswith("unrecognized arguments"):
            message = "unrecognized arguments (not shown, in case one is a secret)"
        super().error(message)


def _secret_from_env(var: str, option: str) -> str:
    """The value of the environment variable ``var``, which ``option`` named. ``var`` is not
    shown in any error: it may be the secret itself, given where its variable's name belongs,
    and checking its form cannot tell (a base64 secret can look like a name)."""
    if not _ENV_NAME.fullmatch(var):
        raise _UsageError(f"{option} takes the name of an environment variable")
    value = os.environ.get(var)
    if not value:
        raise _UsageError(f"the environment variable named by {option} is not set, or empty")
    return value


def _param(text: str) -> Tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def _port(text: str) -> int:
    """A TCP port, 0 to 65535 (0: a free one), refused as a usage error rather than later
    by the socket with a traceback."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port number from 0 to 65535 expected")
    return port


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < float("inf"):  # NaN fails too
        raise argparse.ArgumentTypeError("a positive number of seconds expected")
    return seconds


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError("a whole number of at least 1 expected")
    return count


def _fonbnk_sign(args: argparse.Namespace) -> int:
    client_id = args.client_id or os.environ.get("FONBNK_CLIENT_ID")
    if not client_id:
        raise _UsageError("give --client-id (or set FONBNK_CLIENT_ID)")
    if args.secret_env is not None:
        secret = _secret_from_env(args.secret_env, "--secret-env")
    else:
        secret = os.environ.get(_DEFAULT_SECRET_ENV, "")
        if not secret:
            raise _UsageError(f"set {_DEFAULT_SECRET_ENV} (or name another variable with --secret-env)")
    endpoint = fonbnk.endpoint(args.endpoint, args.param or None)
    headers = fonbnk.Signer(client_id, secret).headers(endpoint, args.timestamp_ms)
    for name, value in headers.items():
        print(f"{name}: {value}")
    return 0


def _jwt_decode(args: argparse.Namespace) -> int:
    token = sys.stdin.read().strip() if args.token == "-" else args.token
    header = jwt.get_unverified_header(token)
    if args.key_env is None:
        claims = jwt.decode(token, options={"verify_signature": False})
        verified = False
    else:
        key = _secret_from_env(args.key_env, "--key-env")
        claims = jwt.decode(
            token,
            key,
            algorithms=["HS256"],
            leeway=args.leeway,
            audience=args.audience,
            issuer=args.issuer,
            now=args.now,
            token_type=args.token_type,
        )
        verified = True
    out = {"verified": verified, "header": header, "claims": claims}
    print(json.dumps(out, indent=2, ensure_ascii=False))
    if not verified:
        print("sigmint: not verified (no --key-env): never trust these claims", file=sys.stderr)
    return 0


def _sandbox(args: argparse.Namespace) -> int:
    from . import sandbox

    credentials: Dict[str, Any] = {}
    described: List[str] = []
    if args.client_id is not None:
        credentials["client_id"] = args.client_id
    for option, var, field, demo in (
        ("--client-secret-env", args.client_secret_env, "client_secret", "DEMO_CLIENT_SECRET"),
        ("--sfox-key-env", args.sfox_key_env, "sfox_api_key", "DEMO_SFOX_API_KEY"),
        ("--mygiro-secret-env", args.mygiro_secret_env, "mygiro_secret", "DEMO_MYGIRO_SECRET"),
        ("--token-secret-env", args.token_secret_env, "token_secret", "DEMO_TOKEN_SECRET"),
    ):
        if var is not None:
            credentials[field] = _secret_from_env(var, option)
            described.append(f"the one in the variable named by {option}")
        else:
            described.append(f"the demo one (sigmint.sandbox.{demo})")
    config = sandbox.Config(**credentials)
    limits: Dict[str, Any] = {}
    if args.header_timeout is not None:
        limits["header_timeout"] = args.header_timeout
    if args.max_connections is not None:
        limits["max_connections"] = args.max_connections
    server = sandbox.SandboxServer((args.host, args.port), config, quiet=args.quiet, **limits)
    secret, sfox_key, mygiro_secret, token_secret = described
    print(f"sigmint sandbox listening on {server.url}", flush=True)
    print(f"  Fonbnk: client id {config.client_id!r}, client secret: {secret}")
    print(f"  sFOX:   Bearer API key: {sfox_key}")
    print(f"  Mygiro: Bearer: an HS256 JWT signed with {mygiro_secret}, any x-tag")
    print(f"  Fonbnk user tokens are signed with {token_secret}")
    print("  Stop it with Ctrl-C (or SIGTERM).", flush=True)

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sigmint",
        description="Partner-API request signing, tokens, and a local provider sandbox.",
    )
    parser.add_argument("--version", action="version", version=f"sigmint {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )

    fonbnk_parser = commands.add_parser("fonbnk", help="Fonbnk request signing")
    fonbnk_commands = fonbnk_parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    sign = fonbnk_commands.add_parser(
        "sign",
        help="print the x-client-id, x-timestamp and x-signature headers for an endpoint",
        description="Prints the Fonbnk headers for ENDPOINT (the path and query as sent).",
    )
    sign.add_argument("endpoint", metavar="ENDPOINT", help="path and query, such as /api/v2/user/tokens")
    sign.add_argument("--client-id", metavar="ID", help="default: $FONBNK_CLIENT_ID")
    sign.add_argument(
        "--secret-env",
        metavar="VAR",
        help=f"environment variable holding the base64 client secret (default: {_DEFAULT_SECRET_ENV})",
    )
    sign.add_argument("--timestamp-ms", metavar="N", type=int, help="Unix ms (default: now)")
    sign.add_argument(
        "--param",
        "-p",
        metavar="NAME=VALUE",
        type=_param,
        action="append",
        help="a query parameter, encoded as URLSearchParams does (repeatable)",
    )
    sign.set_defaults(run=_fonbnk_sign)

    jwt_parser = commands.add_parser("jwt", help="JSON Web Tokens")
    jwt_commands = jwt_parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser
    )
    decode = jwt_commands.add_parser(
        "decode",
        help="print a token's header and claims (verified with --key-env)",
        description="Prints a JWT's header and claims as JSON; verifies HS256 with --key-env.",
    )
    decode.add_argument("token", metavar="TOKEN", help="the token, or - to read it from stdin")
    decode.add_argument("--key-env", metavar="VAR", help="environment variable holding the HMAC key")
    decode.add_argument("--leeway", type=int, default=0, metavar="S", help="seconds of clock leeway")
    decode.add_argument("--audience", metavar="AUD", help="the expected aud")
    decode.add_argument("--issuer", metavar="ISS", help="the expected iss")
    decode.add_argument("--token-type", metavar="T", help="the expected type claim (Fonbnk: access)")
    decode.add_argument("--now", type=int, metavar="S", help="the current time, Unix s (default: now)")
    decode.set_defaults(run=_jwt_decode)

    box = commands.add_parser(
        "sandbox",
        help="run a local Fonbnk/sFOX/Mygiro sandbox",
        description="Runs the local provider sandbox (see `pydoc sigmint.sandbox`).",
    )
    box.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    box.add_argument("--port", type=_port, default=8787, help="port; 0 for a free one (default: %(default)s)")
    box.add_argument("--client-id", metavar="ID", help="the Fonbnk client id (default: the demo one)")
    box.add_argument("--client-secret-env", metavar="VAR", help="env var holding the Fonbnk client secret")
    box.add_argument("--sfox-key-env", metavar="VAR", help="env var holding the sFOX API key")
    box.add_argument("--mygiro-secret-env", metavar="VAR", help="env var holding the Mygiro JWT secret")
    box.add_argument("--token-secret-env", metavar="VAR", help="env var holding the user-token signing key")
    # The defaults are sigmint.sandbox's (HEADER_TIMEOUT_S, MAX_CONNECTIONS), written out here
    # so that the other commands do not import http.server; test_cli compares them.
    box.add_argument(
        "--header-timeout",
        type=_seconds,
        metavar="S",
        help="seconds a client has to send its request line and headers (default: 5)",
    )
    box.add_argument(
        "--max-connections",
        type=_count,
        metavar="N",
        help="connections served at once; one more is answered 503 (default: 256)",
    )
    box.add_argument("--quiet", action="store_true", help="do not log requests")
    box.set_defaults(run=_sandbox)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except _UsageError as err:
        parser.exit(2, f"sigmint: error: {err}\n")
    except (Error, jwt.PyJWTError, ValueError, TypeError, OSError) as err:
        print(f"sigmint: error: {err}", file=sys.stderr)
        return 1
    return 0  # pragma: no cover - parser.exit raises


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

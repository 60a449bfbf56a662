"""The ``sigmint`` command (also ``python -m sigmint``). The command line section of ``docs/python.md`` describes every
command; ``sigmint COMMAND ACTION --help`` lists each one's options and exit statuses.

- ``sigmint fonbnk sign ENDPOINT``: prints the three Fonbnk request headers (``--verbose``: also
  the endpoint and the string signed, on stderr).
- ``sigmint fonbnk verify ENDPOINT --timestamp-ms X_TIMESTAMP --signature X_SIGNATURE``: checks
  an inbound request's signature (and its timestamp against the clock); exit 0 if it matches,
  1 if not.
- ``sigmint jwt decode TOKEN``: prints ``{"verified", "header", "claims"}`` (verified with
  ``--key-env``).
- ``sigmint jwt encode CLAIMS --key-env VAR``: mints an HS256 token of the JSON object in the
  file ``CLAIMS`` (``-``: standard input).
- ``sigmint sfox token USER_ID`` and ``sigmint mygiro token USER_ID --account-id A``: ask the
  provider (``--base-url``, such as ``sigmint sandbox``'s) for a user token.
- ``sigmint sandbox``: runs the local provider sandbox (:mod:`sigmint.sandbox`) until
  interrupted; it warns (on stderr) when it listens beyond loopback with demo credentials.

Every command takes ``--json``: one line of JSON (ASCII only) on stdout instead of text.

Secrets come from environment variables only (never from argv). The argument of a ``*-env``
option is never printed, not even in an error: it may be the secret itself, typed where its
variable's name belongs (and a base64 secret such as ``bXlTZWNyZXQ`` looks like a name). Errors
say which option named the variable instead.

Exit status: 0 on success; 1 when the operation fails (core refuses an input, a signature does
not match, a token is refused, the provider answers an error or cannot be reached, the port is
in use); 2 for a usage error (an unknown option, a malformed value, an environment variable
that is unset or empty, a claims file that cannot be read or is not a JSON object); 130 when
interrupted. Every error is one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import re
import signal
import sys
import textwrap
import warnings
from typing import Any, Callable, Dict, List, NoReturn, Optional, Sequence, Tuple, Type

from . import __version__, fonbnk, jwt, sfox
from ._errors import Error

__all__ = ["main"]

#: The exit statuses (documented in every command's --help and in docs/python.md, "The command line").
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class _UsageError(Exception):
    """A usage error (exit 2); ``prog`` is the (sub)command whose usage it is."""

    def __init__(self, message: str, prog: str = "sigmint", hint: bool = False) -> None:
        super().__init__(message)
        self.prog = prog
        #: Whether to point at the command's --help (for argparse's errors).
        self.hint = hint


class _Failure(Exception):
    """The operation failed (exit 1), with a message that is safe to print."""


_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Where ``fonbnk sign``/``verify`` read the secret without --secret-env (ours to print: not an
#: argument).
_DEFAULT_SECRET_ENV = "FONBNK_CLIENT_SECRET"
_DEFAULT_SFOX_KEY_ENV = "SFOX_API_KEY"
_DEFAULT_MYGIRO_TOKEN_ENV = "MYGIRO_TOKEN"
#: Largest Unix-millisecond timestamp core signs (a u64).
_U64_MAX = (1 << 64) - 1
#: Most bytes read from a claims file or standard input (a token is at most 16 KiB).
_MAX_INPUT = 1 << 20
#: Longest error message printed (the rest is cut: an error stays one readable line).
_MAX_MESSAGE = 400
#: The client id of the signer ``fonbnk verify`` uses: x-client-id is not signed.
_VERIFY_CLIENT_ID = "sigmint-cli-verify"
#: HS256 keys shorter than this are weak (RFC 7518, section 3.2).
_MIN_HS256_KEY = 32

_NON_PRINTABLE = re.compile(r"[^\x20-\x7e\u00a0-\ud7ff\ue000-\uffff\U00010000-\U0010ffff]")


def _printable(text: str) -> str:
    """``text`` with each control character and lone surrogate (an undecodable byte of argv or
    of the environment) escaped, so that it prints as one line on any terminal."""

    def escape(match: "re.Match[str]") -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _NON_PRINTABLE.sub(escape, text)


def _one_line(text: str, limit: int = _MAX_MESSAGE) -> str:
    text = _printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _shown(text: str, limit: int = 40) -> str:
    """An argument quoted for an error message, cut short and escaped (by repr)."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _message(err: BaseException) -> str:
    text = str(err)
    return text if text else type(err).__name__


def _write(text: str, stream: Any = None) -> None:
    """Writes ``text`` and a newline; a character the stream cannot encode is escaped rather
    than raising in the middle of the output."""
    stream = sys.stdout if stream is None else stream
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        stream.write(_printable(text) + "\n")
    stream.flush()


def _emit_json(value: Any) -> None:
    """One line of JSON, ASCII only (control characters and lone surrogates escaped)."""
    _write(json.dumps(value, ensure_ascii=True, separators=(",", ":")))


def _warn(text: str) -> None:
    _write(f"sigmint: warning: {text}", sys.stderr)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's lines (the exit statuses) as written."""


class _Parser(argparse.ArgumentParser):
    """argparse, but without abbreviated options (``--secret`` is not ``--secret-env``),
    without echoing unrecognized arguments (which could be a secret typed by mistake), and with
    every error one line, raised to :func:`main` rather than exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            message = "unrecognized arguments (not shown, in case one is a secret)"
        raise _UsageError(message, self.prog, hint=True)


def _exits(*lines: Tuple[int, str], interruptible: bool = True) -> str:
    """The ``exit status:`` section of a command's --help: ``lines`` (0 "success" unless one is
    given), then the usage errors every command shares, then those ``lines`` add to them."""
    rows = [row for row in lines if row[0] == EXIT_OK] or [(EXIT_OK, "success")]
    rows += [row for row in lines if row[0] == EXIT_FAILED]
    rows.append(
        (EXIT_USAGE, "usage error: an unknown or missing option, a malformed value, or an "
         "environment variable that is unset or empty")
    )
    rows += [row for row in lines if row[0] == EXIT_USAGE]
    if interruptible:
        rows.append((EXIT_INTERRUPTED, "interrupted (Ctrl-C)"))
    out = ["exit status:"]
    for code, text in rows:
        out.append(textwrap.fill(text, 88, initial_indent=f"  {code:<4}", subsequent_indent=" " * 6))
    out.append("Errors are one line on stderr, never a traceback.")
    return "\n".join(out)


# -- values ------------------------------------------------------------------------------------


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


def _secret(var: Optional[str], option: str, default_var: str) -> str:
    """The secret in the variable ``option`` named, or in ``default_var`` without it."""
    if var is not None:
        return _secret_from_env(var, option)
    value = os.environ.get(default_var, "")
    if not value:
        raise _UsageError(f"set {default_var} (or name another variable with {option})")
    return value


def _digits(text: str, maximum: int) -> Optional[int]:
    """``text`` as an int when it is ASCII digits (leading zeros allowed) no greater than
    ``maximum``, else None. The digits never reach int() unbounded (past 4,300 digits it raises),
    and int()'s other forms (``+1``, ``1_000``, `` 1``, non-ASCII digits) are refused."""
    if not (text.isascii() and text.isdigit()):
        return None
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(maximum)):
        return None
    value = int(digits)
    return value if value <= maximum else None


def _whole(maximum: int, what: str, canonical: bool = False) -> Callable[[str], int]:
    """An argparse type: a whole number from 0 to ``maximum``, in decimal ASCII digits (without
    leading zeros when ``canonical``, so that what is printed is what was given)."""

    def parse(text: str) -> int:
        value = _digits(text, maximum)
        if value is None or (canonical and len(text) > 1 and text[0] == "0"):
            zeros = ", without leading zeros" if canonical else ""
            raise argparse.ArgumentTypeError(
                f"{what} from 0 to {maximum} expected (decimal digits{zeros}), got {_shown(text)}"
            )
        return value

    parse.__name__ = what
    return parse


_timestamp_ms = _whole(_U64_MAX, "Unix milliseconds", canonical=True)
_unix_s = _whole(_U64_MAX, "Unix seconds")
_leeway_s = _whole(10**12, "seconds")
_window_ms = _whole(_U64_MAX, "milliseconds")


def _param(text: str) -> Tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {_shown(text)}")
    return name, value


def _port(text: str) -> int:
    """A TCP port, 0 to 65535 (0: a free one), refused as a usage error rather than later
    by the socket with a traceback."""
    port = _digits(text, 65535)
    if port is None:
        raise argparse.ArgumentTypeError("a port number from 0 to 65535 expected")
    return port


def _seconds(text: str) -> float:
    try:
        seconds = float(text) if len(text) < 100 else float("nan")
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds < float("inf"):  # NaN fails too
        raise argparse.ArgumentTypeError("a positive number of seconds expected")
    return seconds


def _count(text: str) -> int:
    count = _digits(text, 1 << 31)
    if count is None or count < 1:
        raise argparse.ArgumentTypeError("a whole number of at least 1 expected")
    return count


def _url(text: str) -> str:
    """A base URL, ``http://`` or ``https://`` and a host. It is not echoed in the error: it may
    hold a user name and password."""
    error = argparse.ArgumentTypeError("an http:// or https:// URL with a host expected")
    if not text.startswith(("http://", "https://")) or _printable(text) != text or " " in text:
        raise error
    try:
        from urllib.parse import urlsplit

        parts = urlsplit(text)
        parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        raise error from None
    if not parts.hostname or parts.query or parts.fragment:
        raise error
    return text


# -- inputs ------------------------------------------------------------------------------------


def _read_stdin(what: str) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is not None:
            data: bytes = stream.read(_MAX_INPUT + 1)
        else:  # a text stream (such as io.StringIO in tests)
            text = sys.stdin.read(_MAX_INPUT + 1)
            data = text.encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as err:
        raise _UsageError(f"cannot read {what} from standard input: {_message(err)}") from None
    if len(data) > _MAX_INPUT:
        raise _UsageError(f"{what} on standard input: more than {_MAX_INPUT} bytes")
    return data


def _read_file(path: str, what: str) -> bytes:
    """The bytes of the file ``path`` (``-``: standard input), at most :data:`_MAX_INPUT`."""
    if path == "-":
        return _read_stdin(what)
    shown = _shown(path, 80)
    try:
        with open(path, "rb") as f:
            data = f.read(_MAX_INPUT + 1)
    except OSError as err:
        reason = err.strerror or _message(err)
        raise _UsageError(f"cannot read {what} from {shown}: {reason}") from None
    except ValueError as err:  # a NUL in the path
        raise _UsageError(f"cannot read {what} from {shown}: {_message(err)}") from None
    if len(data) > _MAX_INPUT:
        raise _UsageError(f"{what} in {shown}: more than {_MAX_INPUT} bytes")
    return data


def _json_object(data: bytes, what: str) -> Dict[str, Any]:
    """A JSON object, strictly: UTF-8, no duplicate names, no NaN or infinities."""

    def pairs(items: List[Tuple[str, Any]]) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        for name, value in items:
            if name in out:
                raise ValueError(f"the name {_shown(name)} appears twice in one object")
            out[name] = value
        return out

    def constant(name: str) -> NoReturn:
        raise ValueError(f"{name} is not JSON")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _UsageError(f"{what} is not UTF-8 text") from None
    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except RecursionError:
        raise _UsageError(f"{what} is nested too deeply") from None
    except ValueError as err:  # JSONDecodeError, a duplicate name, too many digits
        raise _UsageError(f"{what} is not valid JSON: {_message(err)}") from None
    if not isinstance(value, dict):
        kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
            type(value), "a number"
        )
        raise _UsageError(f"{what} must be a JSON object, not {kind}")
    return value


# -- commands ----------------------------------------------------------------------------------


def _signer(client_id: str, secret: str) -> fonbnk.Signer:
    try:
        return fonbnk.Signer(client_id, secret)
    except (Error, ValueError, TypeError) as err:  # never shows the secret: core's text does not
        raise _Failure(f"the client id or secret is refused: {_message(err)}") from None


def _fonbnk_sign(args: argparse.Namespace) -> int:
    client_id = args.client_id or os.environ.get("FONBNK_CLIENT_ID")
    if not client_id:
        raise _UsageError("give --client-id (or set FONBNK_CLIENT_ID)")
    secret = _secret(args.secret_env, "--secret-env", _DEFAULT_SECRET_ENV)
    signer = _signer(client_id, secret)
    try:
        endpoint = fonbnk.endpoint(args.endpoint, args.param or None)
    except (Error, ValueError, TypeError) as err:
        raise _Failure(f"the endpoint is refused: {_message(err)}") from None
    timestamp_ms = fonbnk.now_ms() if args.timestamp_ms is None else args.timestamp_ms
    headers = signer.headers(endpoint, timestamp_ms)
    signed = fonbnk.string_to_sign(endpoint, timestamp_ms)
    if args.json:
        _emit_json({"endpoint": endpoint, "string_to_sign": signed, "headers": headers})
        return EXIT_OK
    if args.verbose:
        _write(f"endpoint: {endpoint}", sys.stderr)
        _write(f"signed: {signed}", sys.stderr)
    for name, value in headers.items():
        _write(f"{name}: {value}")
    return EXIT_OK


def _fonbnk_verify(args: argparse.Namespace) -> int:
    # The verifier's own settings first: a problem with them is a usage error (2), or core's
    # refusal of the secret (1), never a verdict on the request.
    secret = _secret(args.secret_env, "--secret-env", _DEFAULT_SECRET_ENV)
    signer = _signer(_VERIFY_CLIENT_ID, secret)
    now_ms = fonbnk.now_ms() if args.now_ms is None else args.now_ms
    # Then the request: whatever is wrong with its endpoint, x-timestamp or x-signature, it
    # does not verify (1). The x-timestamp is the header's text, read as the sandbox reads it.
    result: Dict[str, Any] = {"valid": False, "endpoint": None, "timestamp_ms": None}
    reason = None
    try:
        endpoint = fonbnk.endpoint(args.endpoint, args.param or None)
        result["endpoint"] = endpoint
    except (Error, ValueError, TypeError) as err:
        reason = f"the endpoint is refused: {_message(err)}"
    timestamp_ms: Optional[int] = None
    try:
        timestamp_ms = fonbnk.parse_timestamp(args.timestamp_ms)
    except Error:
        if reason is None:
            reason = "the x-timestamp is not Unix milliseconds (decimal digits, at most 2**64-1)"
    if reason is None:
        assert timestamp_ms is not None
        result["timestamp_ms"] = timestamp_ms
        if args.verbose:
            _write(f"endpoint: {endpoint}", sys.stderr)
            _write(f"signed: {fonbnk.string_to_sign(endpoint, timestamp_ms)}", sys.stderr)
        try:
            fonbnk.check_timestamp(timestamp_ms, now_ms, args.window_ms)
        except (Error, ValueError, OverflowError):
            reason = f"the x-timestamp is more than {args.window_ms} ms from the clock"
    if reason is None:
        assert timestamp_ms is not None
        try:
            signer.verify(endpoint, timestamp_ms, args.signature)
        except (Error, ValueError, TypeError) as err:
            reason = f"the signature does not match: {_message(err)}"
    result["valid"] = reason is None
    if reason is not None:
        result["reason"] = reason
    if args.json:
        _emit_json(result)
    elif reason is None:
        _write(f"valid: the signature matches {_printable(endpoint)} at {timestamp_ms}")
    else:
        _write(f"invalid: {_one_line(reason)}")
    return EXIT_OK if reason is None else EXIT_FAILED


def _jwt_decode(args: argparse.Namespace) -> int:
    if args.token == "-":
        token = _read_stdin("the token").decode("utf-8", "surrogateescape").strip()
    else:
        token = args.token
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
    if args.json:
        _emit_json(out)
    else:
        _write(json.dumps(out, indent=2, ensure_ascii=False))
    if not verified:
        _write("sigmint: not verified (no --key-env): never trust these claims", sys.stderr)
    return EXIT_OK


def _jwt_encode(args: argparse.Namespace) -> int:
    key = _secret_from_env(args.key_env, "--key-env")
    if args.claims == "-":
        source = "the JSON on standard input"
    else:
        source = f"the claims file {_shown(args.claims, 80)}"
    claims = _json_object(_read_file(args.claims, "the claims"), source)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            token = jwt.encode(claims, key)
            # sigmint's own decode type-checks the registered claims (exp an integer, ...) and
            # the limits: a token it would refuse is not minted. Only the signature is checked.
            jwt.decode(
                token,
                key,
                algorithms=["HS256"],
                options={"verify_exp": False, "verify_nbf": False, "verify_iat": False,
                         "verify_aud": False, "verify_iss": False, "verify_sub": False},
            )
        except (Error, jwt.PyJWTError, ValueError, TypeError, NotImplementedError) as err:
            raise _Failure(f"the claims are refused: {_message(err)}") from None
    # One line for a short key, whether or not this version of sigmint.jwt warns of it.
    messages = [str(w.message) for w in caught if w.category.__name__ != "InsecureKeyLengthWarning"]
    if len(key.encode("utf-8", "surrogateescape")) < _MIN_HS256_KEY:
        messages.insert(0, f"the key is shorter than {_MIN_HS256_KEY} bytes, too short for HS256 (RFC 7518)")
    for message in dict.fromkeys(messages):
        _warn(_one_line(message))
    if args.json:
        _emit_json({"token": token, "claims": claims})
    else:
        _write(token)
    return EXIT_OK


def _network_errors() -> Tuple[Type[BaseException], ...]:
    """What a provider client raises when the provider cannot be reached or answers oddly."""
    from . import _http

    httpx = _http.require_httpx()
    return (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError)


def _request(provider: str, call: Callable[[], Any]) -> Any:
    try:
        errors = _network_errors()
    except ImportError as err:
        raise _Failure(_message(err)) from None
    try:
        return call()
    except errors as err:
        raise _Failure(f"{provider}: the request failed ({type(err).__name__}: {_message(err)})") from None


def _sfox_token(args: argparse.Namespace) -> int:
    key = _secret(args.api_key_env, "--api-key-env", _DEFAULT_SFOX_KEY_ENV)

    def call() -> Any:
        with sfox.SfoxClient(key, args.base_url, timeout=args.timeout) as client:
            return client.create_user_token(args.user_id)

    token = _request("sFOX", call)
    if args.json:
        _emit_json(
            {
                "token": token.token,
                "partner_user_id": token.partner_user_id,
                "expires": token.expires,
                "expires_at_ms": token.expires_at_ms,
            }
        )
    else:
        _write(_printable(token.token))
    return EXIT_OK


def _mygiro_token(args: argparse.Namespace) -> int:
    from . import mygiro

    bearer = _secret(args.token_env, "--token-env", _DEFAULT_MYGIRO_TOKEN_ENV)
    tag = args.tag if args.tag is not None else os.environ.get("MYGIRO_TAG", "")
    if not tag:
        raise _UsageError("give --tag (or set MYGIRO_TAG)")

    def call() -> Any:
        with mygiro.MygiroClient(bearer, tag, args.base_url, timeout=args.timeout) as client:
            return client.generate_access_token(args.user_id, args.account_id)

    token = _request("Mygiro", call)
    if args.json:
        _emit_json(
            {
                "token": token.token,
                "reset_token": token.reset_token,
                "type": token.type,
                "user": token.user,
                "id": token.id,
                "created_at": token.created_at,
                "created_at_ms": token.created_at_ms,
            }
        )
    else:
        _write(_printable(token.token))
    return EXIT_OK


def _is_loopback(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def _sandbox(args: argparse.Namespace) -> int:
    from . import sandbox

    credentials: Dict[str, Any] = {}
    described: List[str] = []
    demo: List[str] = []
    sources: Dict[str, str] = {}
    if args.client_id is not None:
        credentials["client_id"] = args.client_id
    for option, var, field, demo_name in (
        ("--client-secret-env", args.client_secret_env, "client_secret", "DEMO_CLIENT_SECRET"),
        ("--sfox-key-env", args.sfox_key_env, "sfox_api_key", "DEMO_SFOX_API_KEY"),
        ("--mygiro-secret-env", args.mygiro_secret_env, "mygiro_secret", "DEMO_MYGIRO_SECRET"),
        ("--token-secret-env", args.token_secret_env, "token_secret", "DEMO_TOKEN_SECRET"),
        ("--webhook-secret-env", args.webhook_secret_env, "webhook_secret", "DEMO_WEBHOOK_SECRET"),
    ):
        if var is not None:
            credentials[field] = _secret_from_env(var, option)
            described.append(f"the one in the variable named by {option}")
            sources[field] = option
        else:
            described.append(f"the demo one (sigmint.sandbox.{demo_name})")
            demo.append(demo_name)
            sources[field] = f"sigmint.sandbox.{demo_name}"
    config = sandbox.Config(**credentials)
    limits: Dict[str, Any] = {}
    if args.header_timeout is not None:
        limits["header_timeout"] = args.header_timeout
    if args.max_connections is not None:
        limits["max_connections"] = args.max_connections
    try:
        server = sandbox.SandboxServer((args.host, args.port), config, quiet=args.quiet, **limits)
    except (OSError, UnicodeError, OverflowError, TypeError) as err:  # TypeError: an unencodable host
        raise _Failure(f"cannot listen on {_shown(args.host, 80)} port {args.port}: {_message(err)}") from None
    bound = str(server.server_address[0])
    loopback = _is_loopback(bound)
    if not loopback and demo:
        _warn(
            f"the sandbox listens on {bound}, beyond loopback, and accepts the public demo "
            f"credentials ({', '.join(demo)}): anyone who can reach this address can use them; "
            "bind to 127.0.0.1, or give your own with the *-env options"
        )

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(EXIT_OK)

    # Before the first line: a supervisor may send SIGTERM as soon as it has read the URL.
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        if args.json:
            _emit_json(
                {
                    "url": server.url,
                    "loopback": loopback,
                    "client_id": config.client_id,
                    "credentials": sources,
                    "demo_credentials": demo,
                }
            )
        else:
            secret, sfox_key, mygiro_secret, token_secret, webhook_secret = described
            _write(f"sigmint sandbox listening on {server.url}")
            _write(f"  Fonbnk: client id {config.client_id!r}, client secret: {secret}")
            _write(f"  sFOX:   Bearer API key: {sfox_key}")
            _write(f"  Mygiro: Bearer: an HS256 JWT signed with {mygiro_secret}, any x-tag")
            _write(f"  Fonbnk user tokens are signed with {token_secret}")
            _write(f"  Webhooks: POST /webhooks/github|slack|stripe|shopify, signed with {webhook_secret}")
            _write("  Stop it with Ctrl-C (or SIGTERM).")
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return EXIT_OK


# -- the parser --------------------------------------------------------------------------------

_JSON_HELP = "print one line of JSON (ASCII only) instead of text"


def _leaf(
    commands: Any,
    name: str,
    help: str,
    description: str,
    *exits: Tuple[int, str],
    interruptible: bool = True,
) -> _Parser:
    parser: _Parser = commands.add_parser(
        name,
        help=help,
        description=textwrap.fill(description, 88),
        epilog=_exits(*exits, interruptible=interruptible),
    )
    parser.add_argument("--json", action="store_true", help=_JSON_HELP)
    return parser


def _group(commands: Any, name: str, help: str) -> Any:
    parser = commands.add_parser(
        name, help=help, description=help[:1].upper() + help[1:] + ".", epilog=_exits()
    )
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)


_CORE_REFUSES = (EXIT_FAILED, "core refuses an input (the endpoint, the secret, ...)")
_REQUEST_FAILS = (
    EXIT_FAILED,
    "the request fails: the provider answers an error (HTTP status and its message), cannot be "
    "reached, or times out; or core refuses an input (an empty user id, a key that is not "
    "visible ASCII, ...)",
)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sigmint",
        description="Partner-API request signing, tokens, and a local provider sandbox.",
        epilog=_exits(
            (EXIT_FAILED, "the operation fails (see each command's --help)"),
        ),
    )
    parser.add_argument("--version", action="version", version=f"sigmint {__version__}")
    parser.add_argument("--json", dest="json_first", action="store_true", help=_JSON_HELP)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, parser_class=_Parser
    )

    fonbnk_commands = _group(commands, "fonbnk", "Fonbnk request signing and verification")
    sign = _leaf(
        fonbnk_commands,
        "sign",
        "print the x-client-id, x-timestamp and x-signature headers for an endpoint",
        "Prints the Fonbnk headers for ENDPOINT (the path and query as sent), one 'name: value' "
        "line each. The secret is read from an environment variable, never from argv.",
        _CORE_REFUSES,
    )
    sign.add_argument("endpoint", metavar="ENDPOINT", help="path and query, such as /api/v2/user/tokens")
    sign.add_argument("--client-id", metavar="ID", help="default: $FONBNK_CLIENT_ID")
    sign.add_argument(
        "--secret-env",
        metavar="VAR",
        help=f"environment variable holding the base64 client secret (default: {_DEFAULT_SECRET_ENV})",
    )
    sign.add_argument("--timestamp-ms", metavar="N", type=_timestamp_ms, help="Unix ms (default: now)")
    sign.add_argument(
        "--param",
        "-p",
        metavar="NAME=VALUE",
        type=_param,
        action="append",
        help="a query parameter, encoded as URLSearchParams does (repeatable)",
    )
    sign.add_argument(
        "--verbose", "-v", action="store_true", help="also print the endpoint and the string signed (to stderr)"
    )
    sign.set_defaults(run=_fonbnk_sign)

    verify = _leaf(
        fonbnk_commands,
        "verify",
        "check an inbound request's x-signature for its endpoint and x-timestamp",
        "Checks the x-signature of a request received for ENDPOINT (the path and query exactly "
        "as received) at X_TIMESTAMP (the x-timestamp header's text), and that the timestamp is "
        "within --window-ms of the clock, as the sandbox does. Prints 'valid: ...' or "
        "'invalid: REASON'. The x-client-id is not signed: compare it yourself. Replays are not "
        "detected: refuse a (timestamp, signature) pair seen before yourself.",
        (EXIT_OK, "the signature matches and the timestamp is within the window"),
        (
            EXIT_FAILED,
            "the request does not verify: the signature does not match, the timestamp is outside "
            "the window or not Unix milliseconds, or the endpoint is refused; or core refuses the "
            "secret",
        ),
    )
    verify.add_argument("endpoint", metavar="ENDPOINT", help="path and query, as received")
    verify.add_argument(
        "--timestamp-ms", metavar="X_TIMESTAMP", required=True, help="the x-timestamp header, as received"
    )
    verify.add_argument(
        "--signature", metavar="X_SIGNATURE", required=True, help="the x-signature header, as received"
    )
    verify.add_argument(
        "--secret-env",
        metavar="VAR",
        help=f"environment variable holding the base64 client secret (default: {_DEFAULT_SECRET_ENV})",
    )
    verify.add_argument(
        "--param", "-p", metavar="NAME=VALUE", type=_param, action="append",
        help="a query parameter appended to ENDPOINT, encoded as URLSearchParams does (repeatable)",
    )
    verify.add_argument("--now-ms", metavar="N", type=_timestamp_ms, help="the clock, Unix ms (default: now)")
    verify.add_argument(
        "--window-ms",
        metavar="N",
        type=_window_ms,
        default=fonbnk.DEFAULT_WINDOW_MS,
        help="how far the timestamp may be from the clock, either side (default: %(default)s)",
    )
    verify.add_argument(
        "--verbose", "-v", action="store_true", help="also print the endpoint and the string signed (to stderr)"
    )
    verify.set_defaults(run=_fonbnk_verify)

    jwt_commands = _group(commands, "jwt", "HS256 JSON Web Tokens")
    decode = _leaf(
        jwt_commands,
        "decode",
        "print a token's header and claims (verified with --key-env)",
        "Prints a JWT's header and claims as JSON; verifies HS256 with --key-env (without it, "
        "nothing is verified, and stderr says so).",
        (EXIT_FAILED, "the token is refused: malformed, a bad signature, expired, a wrong aud, iss or type"),
    )
    decode.add_argument("token", metavar="TOKEN", help="the token, or - to read it from stdin")
    decode.add_argument("--key-env", metavar="VAR", help="environment variable holding the HMAC key")
    decode.add_argument("--leeway", type=_leeway_s, default=0, metavar="S", help="seconds of clock leeway")
    decode.add_argument("--audience", metavar="AUD", help="the expected aud")
    decode.add_argument("--issuer", metavar="ISS", help="the expected iss")
    decode.add_argument("--token-type", metavar="T", help="the expected type claim (Fonbnk: access)")
    decode.add_argument("--now", type=_unix_s, metavar="S", help="the current time, Unix s (default: now)")
    decode.set_defaults(run=_jwt_decode)

    encode = _leaf(
        jwt_commands,
        "encode",
        "mint an HS256 token of the claims in a JSON file (or stdin)",
        "Prints an HS256 JWT of CLAIMS, a file holding one JSON object (- reads it from stdin). "
        "The key comes from the environment variable named by --key-env. Registered claims must "
        "have their types (exp, nbf, iat integers; iss, sub, jti strings; aud a string or a list "
        "of strings): a token that 'sigmint jwt decode' would refuse is not minted.",
        (EXIT_FAILED, "the claims are refused (a registered claim of the wrong type, too deep, ...)"),
        (
            EXIT_USAGE,
            "also: CLAIMS cannot be read (missing, a directory, over 1 MiB) or is not one JSON "
            "object (invalid JSON, an array, a duplicate name, NaN)",
        ),
    )
    encode.add_argument("claims", metavar="CLAIMS", help="a JSON file of claims, or - for stdin")
    encode.add_argument("--key-env", metavar="VAR", required=True, help="environment variable holding the HMAC key")
    encode.set_defaults(run=_jwt_encode)

    sfox_commands = _group(commands, "sfox", "sFOX enterprise user tokens")

    sfox_token = _leaf(
        sfox_commands,
        "token",
        "mint a user token (POST /v1/enterprise/user-tokens/USER_ID)",
        "Asks sFOX (or the sandbox, with --base-url) for a user token for USER_ID and prints "
        "it. The enterprise API key comes from an environment variable.",
        _REQUEST_FAILS,
    )
    sfox_token.add_argument("user_id", metavar="USER_ID", help="your id for the user (partner_user_id)")
    sfox_token.add_argument(
        "--base-url", type=_url, default=sfox.BASE_URL, metavar="URL", help="the API (default: %(default)s)"
    )
    sfox_token.add_argument(
        "--api-key-env",
        metavar="VAR",
        help=f"environment variable holding the enterprise API key (default: {_DEFAULT_SFOX_KEY_ENV})",
    )
    sfox_token.add_argument("--timeout", type=_seconds, default=10.0, metavar="S", help="seconds (default: %(default)g)")
    sfox_token.set_defaults(run=_sfox_token)

    mygiro_commands = _group(commands, "mygiro", "Mygiro access tokens")
    mygiro_token = _leaf(
        mygiro_commands,
        "token",
        "get an access token (GET /v1/users/USER_ID/generateaccesstoken)",
        "Asks Mygiro (at --base-url, such as the sandbox's) for an access token for USER_ID and "
        "--account-id, and prints it. The Bearer JWT comes from an environment variable; the "
        "x-tag is not a secret.",
        _REQUEST_FAILS,
    )
    mygiro_token.add_argument("user_id", metavar="USER_ID", help="the Mygiro user id")
    mygiro_token.add_argument("--account-id", metavar="ID", required=True, help="the accountId")
    mygiro_token.add_argument("--base-url", type=_url, required=True, metavar="URL", help="the API")
    mygiro_token.add_argument(
        "--token-env",
        metavar="VAR",
        help=f"environment variable holding the Bearer JWT (default: {_DEFAULT_MYGIRO_TOKEN_ENV})",
    )
    mygiro_token.add_argument("--tag", metavar="TAG", help="the x-tag header (default: $MYGIRO_TAG)")
    mygiro_token.add_argument("--timeout", type=_seconds, default=10.0, metavar="S", help="seconds (default: %(default)g)")
    mygiro_token.set_defaults(run=_mygiro_token)

    box = _leaf(
        commands,
        "sandbox",
        "run a local Fonbnk/sFOX/Mygiro sandbox",
        "Runs the local provider sandbox (see `pydoc sigmint.sandbox`) until Ctrl-C or SIGTERM. "
        "The first line printed names the URL. Omitted credentials are the public demo ones: "
        "listening beyond loopback with any of them prints a warning on stderr.",
        (EXIT_OK, "stopped by Ctrl-C or SIGTERM"),
        (EXIT_FAILED, "it cannot listen (the port is in use, the host is not an address here) or "
         "core refuses a credential"),
        interruptible=False,
    )
    box.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    box.add_argument("--port", type=_port, default=8787, help="port; 0 for a free one (default: %(default)s)")
    box.add_argument("--client-id", metavar="ID", help="the Fonbnk client id (default: the demo one)")
    box.add_argument("--client-secret-env", metavar="VAR", help="env var holding the Fonbnk client secret")
    box.add_argument("--sfox-key-env", metavar="VAR", help="env var holding the sFOX API key")
    box.add_argument("--mygiro-secret-env", metavar="VAR", help="env var holding the Mygiro JWT secret")
    box.add_argument("--token-secret-env", metavar="VAR", help="env var holding the user-token signing key")
    box.add_argument(
        "--webhook-secret-env", metavar="VAR", help="env var holding the webhooks' signing secret"
    )
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


def _silence_stdout() -> None:
    """Points stdout at /dev/null, so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (captured in tests)
        pass


def _error(prog: str, message: str) -> None:
    _write(f"{prog}: error: {_one_line(message)}", sys.stderr)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line; returns the exit status (``--help`` and ``--version`` raise
    ``SystemExit(0)``, as argparse does)."""
    try:
        parser = _parser()
        args = parser.parse_args(argv)
        args.json = args.json or args.json_first
        if args.run is _sandbox:  # a server, with threads: its warnings are not gathered
            status: int = args.run(args)
            return status
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                status = args.run(args)
            finally:
                # A library's warning, as one line (Python's own display takes two).
                for message in dict.fromkeys(str(w.message) for w in caught):
                    _warn(_one_line(message))
        return status
    except _UsageError as err:
        _error(err.prog, f"{err} (see: {err.prog} --help)" if err.hint else str(err))
        return EXIT_USAGE
    except _Failure as err:
        _error("sigmint", str(err))
        return EXIT_FAILED
    except BrokenPipeError:  # stdout closed early (| head): stop quietly
        _silence_stdout()
        return EXIT_FAILED
    except (Error, jwt.PyJWTError, ValueError, TypeError, OverflowError, OSError) as err:
        _error("sigmint", _message(err))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _write("sigmint: interrupted", sys.stderr)
        return EXIT_INTERRUPTED
    except RecursionError:
        _error("sigmint", "input nested too deeply")
        return EXIT_FAILED
    except Exception as err:  # the last resort: one line, never a traceback
        _error("sigmint", f"unexpected {type(err).__name__}: {_message(err)}")
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

# Hand-written stub of the compiled module `sigmint._sigmint` (ffi-python/src/lib.rs).
# tests/test_stubs.py checks that it names exactly what the module exports, with the same
# parameters. Use the `sigmint`, `sigmint.fonbnk`, `sigmint.jwt` and `sigmint.jws` modules
# rather than this one.

from collections.abc import Iterable, Sequence
from typing import Any, Final, final

from _typeshed import ReadableBuffer

__version__: Final[str]
#: core's error table, in code order: (code, name, message)
ERRORS: Final[tuple[tuple[int, str, str], ...]]
FONBNK_SIGNATURE_LEN: Final[int]
FONBNK_CLIENT_ID_MAX_LEN: Final[int]
#: ("x-client-id", "x-timestamp", "x-signature")
FONBNK_HEADERS: Final[tuple[str, str, str]]

def hmac_sha256(key: ReadableBuffer, msg: ReadableBuffer) -> bytes: ...
def hmac_sha256_verify(key: ReadableBuffer, msg: ReadableBuffer, tag: ReadableBuffer) -> bool: ...
def fonbnk_endpoint(path: str, params: Iterable[tuple[str, str]]) -> str: ...
def fonbnk_string_to_sign(endpoint: str, timestamp_ms: int) -> str: ...
@final
class FonbnkSigner:
    def __new__(cls, client_id: str, client_secret: str) -> FonbnkSigner: ...
    @property
    def client_id(self) -> str: ...
    def sign(self, endpoint: str, timestamp_ms: int) -> str: ...
    def headers(self, endpoint: str, timestamp_ms: int) -> dict[str, str]: ...

# JWT/JWS (ffi-python/src/token.rs); use sigmint.jwt and sigmint.jws, which compute these
# arguments from PyJWT's.
JWT_DEFAULT_MAX_TOKEN_LEN: Final[int]
JSON_DEFAULT_MAX_DEPTH: Final[int]
JSON_MAX_DEPTH: Final[int]

def jwt_decode(
    token: str | bytes,
    key: str | ReadableBuffer | None,
    verify_signature: bool,
    hs256: bool,
    now: int,
    leeway: int,
    verify_exp: bool,
    verify_nbf: bool,
    verify_iat: bool,
    verify_aud: bool,
    verify_iss: bool,
    required: Sequence[str],
    audience: Sequence[str] | None,
    issuer: Sequence[str] | None,
    typ: str | None,
    token_type: str | None,
    max_token_len: int,
    max_depth: int,
) -> dict[str, Any]: ...
def jwt_encode(
    header: dict[str, Any], payload: dict[str, Any], key: str | ReadableBuffer | None, sort_header_keys: bool
) -> str: ...
def jws_decode(
    token: str | bytes,
    key: str | ReadableBuffer | None,
    verify_signature: bool,
    hs256: bool,
    max_token_len: int,
    max_depth: int,
) -> bytes: ...
def jws_header(token: str | bytes, max_token_len: int, max_depth: int) -> dict[str, Any]: ...

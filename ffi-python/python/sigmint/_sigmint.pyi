# Hand-written stub of the compiled module `sigmint._sigmint` (ffi-python/src/lib.rs).
# tests/test_stubs.py checks that it names exactly what the module exports, with the same
# parameters. Use the `sigmint` and `sigmint.fonbnk` modules rather than this one.

from collections.abc import Iterable
from typing import Final, final

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

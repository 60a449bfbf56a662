# Hand-written stub of the compiled module `sigmint._sigmint` (ffi-python/src/lib.rs).
# tests/test_stubs.py checks that it names exactly what the module exports, with the same
# parameters, and `python -m mypy.stubtest sigmint` (make test-typing) checks it against the
# module too (ffi-python/stubtest-allowlist.txt lists what it may not compare, and why).
# Use the `sigmint`, `sigmint.fonbnk`, `sigmint.jwt` and `sigmint.jws` modules rather than
# this one.

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, Final, final

from typing_extensions import Self, disjoint_base

from _typeshed import ReadableBuffer

from ._errors import ProviderError

# The module's own __all__ (PyO3 lists every name it adds), checked by stubtest.
__all__ = [
    "__version__",
    "ERRORS",
    "FONBNK_SIGNATURE_LEN",
    "FONBNK_CLIENT_ID_MAX_LEN",
    "FONBNK_HEADERS",
    "JWT_DEFAULT_MAX_TOKEN_LEN",
    "JSON_DEFAULT_MAX_DEPTH",
    "JSON_MAX_DEPTH",
    "hmac_sha256",
    "hmac_sha256_verify",
    "fonbnk_endpoint",
    "fonbnk_string_to_sign",
    "FonbnkSigner",
    "jwt_decode",
    "jwt_encode",
    "jws_decode",
    "jws_header",
    "jws_encode",
    "jwt_prepare_key",
    "jwt_key_length_message",
    "jwt_default_options",
    "jwt_merge_options",
    "FONBNK_ENDPOINTS",
    "FONBNK_ENVIRONMENTS",
    "FONBNK_DEFAULT_WINDOW_MS",
    "FONBNK_CONTENT_TYPE",
    "PROVIDER_MAX_RESPONSE_LEN",
    "SFOX_BASE_URL",
    "MYGIRO_HEADER_TAG",
    "fonbnk_user_query_json",
    "fonbnk_kyc_submission_json",
    "fonbnk_check_timestamp",
    "fonbnk_parse_timestamp",
    "fonbnk_parse_user_tokens",
    "fonbnk_parse_kyc_state",
    "fonbnk_parse_kyc_submit",
    "sfox_user_token_path",
    "sfox_authorization",
    "sfox_parse_user_token",
    "mygiro_access_token_path",
    "mygiro_authorization",
    "mygiro_check_tag",
    "mygiro_parse_access_token",
    "provider_error_message",
    "provider_error",
    "parse_rfc3339_ms",
    "FonbnkTokenLifetime",
    "FonbnkUserTokens",
    "FonbnkKycDocument",
    "FonbnkKycRule",
    "FonbnkKycState",
    "SfoxUserToken",
    "MygiroAccessToken",
    "SCHEME_PRESETS",
    "WEBHOOK_PROVIDERS",
    "WEBHOOK_DEFAULT_TOLERANCE",
    "WEBHOOK_DEFAULT_REPLAY_CAPACITY",
    "Scheme",
    "ReplayGuard",
    "webhook_sign",
    "webhook_verify",
]

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
# sigmint.fonbnk.Signer subclasses it. A PyO3 class has its own instance layout, so it cannot
# be a base beside another such class (a disjoint base).
@disjoint_base
class FonbnkSigner:
    def __new__(cls, client_id: str, client_secret: str) -> Self: ...
    @property
    def client_id(self) -> str: ...
    def sign(self, endpoint: str, timestamp_ms: int) -> str: ...
    def headers(self, endpoint: str, timestamp_ms: int | None = None) -> dict[str, str]: ...
    def verify(self, endpoint: str, timestamp_ms: int | str, signature: str) -> None: ...
    def _sign_request(
        self, path: str, timestamp_ms: int, body: str
    ) -> tuple[str, str, dict[str, str]]: ...
    # Immutable: a copy (shallow or deep) is the signer itself.
    def __copy__(self) -> Self: ...
    def __deepcopy__(self, _memo: object) -> Self: ...

# JWT/JWS (ffi-python/src/token.rs): sigmint.jwt and sigmint.jws forward PyJWT's arguments
# to these functions, which read them as PyJWT does; use those modules.
JWT_DEFAULT_MAX_TOKEN_LEN: Final[int]
JSON_DEFAULT_MAX_DEPTH: Final[int]
JSON_MAX_DEPTH: Final[int]

def jwt_decode(
    jwt: str | bytes,
    key: Any,
    algorithms: str | Iterable[str] | None,
    options: Mapping[str, Any] | None,
    verify: bool | None,
    detached_payload: bytes | None,
    audience: str | Iterable[str] | None,
    subject: str | None,
    issuer: str | Iterable[str] | None,
    leeway: int | float | timedelta,
    now: int | float | datetime | None,
    kwargs: dict[str, Any] | None,
    defaults: Mapping[str, Any] | None,
    enabled: bool,
    complete: bool,
) -> dict[str, Any]: ...
def jwt_encode(
    payload: dict[str, Any],
    key: Any,
    algorithm: str | None,
    headers: dict[str, Any] | None,
    json_encoder: type | None,
    sort_headers: bool,
    options: Mapping[str, Any] | None,
    enabled: bool,
) -> str: ...
def jws_encode(
    payload: ReadableBuffer,
    key: Any,
    algorithm: str | None,
    headers: dict[str, Any] | None,
    json_encoder: type | None,
    is_payload_detached: bool,
    sort_headers: bool,
    options: Mapping[str, Any] | None,
    enabled: bool,
) -> str: ...
def jws_decode(
    jws: str | bytes,
    key: Any,
    algorithms: str | Iterable[str] | None,
    options: Mapping[str, Any] | None,
    detached_payload: bytes | None,
    kwargs: dict[str, Any] | None,
    defaults: Mapping[str, Any] | None,
    enabled: bool,
    complete: bool,
) -> Any: ...
def jwt_prepare_key(key: str | ReadableBuffer) -> bytes: ...
def jwt_key_length_message(key: str | ReadableBuffer) -> str | None: ...
def jwt_default_options() -> dict[str, Any]: ...
def jwt_merge_options(base: Mapping[str, Any], options: Mapping[str, Any] | None) -> dict[str, Any]: ...
def jws_header(token: str | bytes, max_token_len: int, max_depth: int) -> dict[str, Any]: ...

# Providers (ffi-python/src/providers.rs); use sigmint.fonbnk, sigmint.sfox, sigmint.mygiro
# and sigmint.providers.
# A response body (private: the module has no such name; sigmint.fonbnk.Body is the public one).
_Body = str | ReadableBuffer

#: (name, path, method) of each Fonbnk endpoint core builds requests for
FONBNK_ENDPOINTS: Final[tuple[tuple[str, str, str], ...]]
#: (name, base URL) of each Fonbnk deployment
FONBNK_ENVIRONMENTS: Final[tuple[tuple[str, str], ...]]
FONBNK_CONTENT_TYPE: Final[str]
#: core's fonbnk::DEFAULT_WINDOW, in milliseconds
FONBNK_DEFAULT_WINDOW_MS: Final[int]
PROVIDER_MAX_RESPONSE_LEN: Final[int]
SFOX_BASE_URL: Final[str]
MYGIRO_HEADER_TAG: Final[str]

def fonbnk_user_query_json(email: str, country_iso_code: str) -> str: ...
def fonbnk_kyc_submission_json(
    email: str, document_id: str, user_fields: Iterable[tuple[str, str]]
) -> str: ...
def fonbnk_check_timestamp(timestamp_ms: int | str, now_ms: int, window_ms: int) -> None: ...
def fonbnk_parse_timestamp(text: str) -> int: ...
def fonbnk_parse_user_tokens(body: _Body) -> FonbnkUserTokens: ...
def fonbnk_parse_kyc_state(body: _Body) -> FonbnkKycState: ...
def fonbnk_parse_kyc_submit(body: _Body) -> bool: ...
def sfox_user_token_path(user_id: str) -> str: ...
def sfox_authorization(api_key: str) -> str: ...
def sfox_parse_user_token(body: _Body) -> SfoxUserToken: ...
def mygiro_access_token_path(user_id: str, account_id: str) -> str: ...
def mygiro_authorization(token: str) -> str: ...
def mygiro_check_tag(tag: str) -> None: ...
def mygiro_parse_access_token(body: _Body) -> MygiroAccessToken: ...
def provider_error_message(body: _Body) -> str | None: ...
# The ProviderError for a non-2xx answer (returned, not raised).
def provider_error(status: int, body: _Body) -> ProviderError: ...
def parse_rfc3339_ms(text: str) -> int: ...
@final
class FonbnkTokenLifetime:
    @property
    def kind(self) -> str: ...
    @property
    def issued_at(self) -> int: ...
    @property
    def expires_at(self) -> int: ...
    def expired(self, now: int | None = None) -> bool: ...
    def needs_refresh(self, now: int | None = None, margin: int = 60) -> bool: ...

@final
class FonbnkUserTokens:
    @property
    def access_token(self) -> str: ...
    @property
    def refresh_token(self) -> str: ...
    @property
    def access(self) -> FonbnkTokenLifetime: ...
    @property
    def refresh(self) -> FonbnkTokenLifetime: ...
    @property
    def access_kind(self) -> str: ...
    @property
    def refresh_kind(self) -> str: ...
    @property
    def access_issued_at(self) -> int: ...
    @property
    def access_expires_at(self) -> int: ...
    @property
    def refresh_issued_at(self) -> int: ...
    @property
    def refresh_expires_at(self) -> int: ...
    def expired(self, now: int | None = None) -> bool: ...
    def needs_refresh(self, now: int | None = None, margin: int = 60) -> bool: ...

@final
class FonbnkKycDocument:
    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def value(self) -> str | None: ...
    @property
    def required_fields(self) -> dict[str, Any]: ...

@final
class FonbnkKycRule:
    @property
    def type(self) -> str | None: ...
    @property
    def max(self) -> int | float | str | None: ...
    @property
    def json(self) -> dict[str, Any]: ...

@final
class FonbnkKycState:
    @property
    def status(self) -> str: ...
    @property
    def status_text(self) -> str: ...
    @property
    def passed_kyc_type(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def reached_kyc_limit(self) -> bool | None: ...
    @property
    def documents(self) -> tuple[FonbnkKycDocument, ...]: ...
    @property
    def rules(self) -> tuple[FonbnkKycRule, ...]: ...
    @property
    def json(self) -> dict[str, Any]: ...

@final
class SfoxUserToken:
    @property
    def token(self) -> str: ...
    @property
    def partner_user_id(self) -> str: ...
    @property
    def expires(self) -> str: ...
    @property
    def expires_at_ms(self) -> int: ...
    def expired(self, now_ms: int | None = None) -> bool: ...
    def needs_refresh(self, now_ms: int | None = None, margin_ms: int = 60000) -> bool: ...

@final
class MygiroAccessToken:
    @property
    def token(self) -> str: ...
    @property
    def reset_token(self) -> str | None: ...
    @property
    def type(self) -> str | None: ...
    @property
    def user(self) -> str | None: ...
    @property
    def id(self) -> str | None: ...
    @property
    def created_at(self) -> str: ...
    @property
    def created_at_ms(self) -> int: ...

# Schemes and webhooks (ffi-python/src/schemes.rs); use sigmint.Scheme, sigmint.SchemeAuth and
# sigmint.webhooks.
#: core's Preset names, in core's order
SCHEME_PRESETS: Final[tuple[str, ...]]
#: (provider, signature header, timestamp header or None) of each webhook provider
WEBHOOK_PROVIDERS: Final[tuple[tuple[str, str, str | None], ...]]
#: core's webhooks::DEFAULT_TOLERANCE, in seconds
WEBHOOK_DEFAULT_TOLERANCE: Final[int]
WEBHOOK_DEFAULT_REPLAY_CAPACITY: Final[int]

# A secret, a part's bytes (private: the module has no such names).
_Secret = str | ReadableBuffer
_Stamp = int | str

@final
class Scheme:
    def __new__(cls, template: str, key: str = "raw", encoding: str = "base64", prefix: str = "") -> Self: ...
    @staticmethod
    def preset(name: str) -> Scheme: ...
    @property
    def template(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def encoding(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def fields(self) -> tuple[str, ...]: ...
    @property
    def signature_len(self) -> int: ...
    def sign(
        self,
        secret: _Secret,
        *,
        timestamp: _Stamp | None = None,
        method: str | None = None,
        path: str | None = None,
        query: str | None = None,
        body: _Body | None = None,
    ) -> str: ...
    def verify(
        self,
        secret: _Secret,
        signature: str | ReadableBuffer,
        *,
        timestamp: _Stamp | None = None,
        method: str | None = None,
        path: str | None = None,
        query: str | None = None,
        body: _Body | None = None,
    ) -> None: ...
    def string_to_sign(
        self,
        *,
        timestamp: _Stamp | None = None,
        method: str | None = None,
        path: str | None = None,
        query: str | None = None,
        body: _Body | None = None,
    ) -> bytes: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Self: ...
    def __deepcopy__(self, _memo: object) -> Self: ...

@final
class ReplayGuard:
    def __new__(cls, capacity: int = 4096) -> Self: ...
    @property
    def capacity(self) -> int: ...
    @property
    def floor(self) -> int | None: ...
    def __len__(self) -> int: ...

def webhook_sign(
    provider: str,
    secret: _Secret,
    body: ReadableBuffer,
    timestamp: int | float | datetime | None = None,
) -> dict[str, str]: ...
def webhook_verify(
    provider: str,
    secrets: _Secret | Iterable[_Secret],
    # A mapping, anything with items(), or (name, value) pairs: sigmint.webhooks.Headers.
    headers: Any,
    body: ReadableBuffer,
    now: int | float | datetime | None = None,
    tolerance: int | float | timedelta | None = None,
    replay: ReplayGuard | None = None,
) -> tuple[int, int | None]: ...

"""PyJWT's ``jwt.api_jwt``: :class:`PyJWT` and the module's ``encode``, ``decode`` and
``decode_complete``, on sigmint-core.

Each forwards its arguments (and an instance's ``options``) to one compiled call
(``_sigmint.jwt_decode``, ``jwt_encode``): PyJWT's argument handling is in the compiled module,
every decision about a token in core.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict, Iterable, List, Optional, Union

from .. import _sigmint
from .api_jws import PyJWS, _jws_global_obj

__all__ = ["PyJWT", "encode", "decode", "decode_complete"]

Key = Any
Token = Union[str, bytes]
Now = Optional[Union[int, float, datetime]]


class PyJWT:
    """PyJWT's ``PyJWT``: ``options`` (PyJWT's: ``verify_signature``, ``verify_exp``,
    ``verify_nbf``, ``verify_iat``, ``verify_aud``, ``verify_iss``, ``verify_sub``,
    ``verify_jti``, ``require``, ``strict_aud``, ``enforce_minimum_key_length``) are the
    defaults of every call, under the call's ``options`` (PyJWT's merge)."""

    def __init__(self, options: Optional[Dict[str, Any]] = None) -> None:
        self.options: Dict[str, Any] = self._get_default_options()
        if options is not None:
            self.options = self._merge_options(options)
        self._jws = PyJWS(options=self._get_sig_options())

    @staticmethod
    def _get_default_options() -> Dict[str, Any]:
        options: Dict[str, Any] = _sigmint.jwt_default_options()
        return options

    def _get_sig_options(self) -> Dict[str, Any]:
        return {
            "verify_signature": self.options["verify_signature"],
            "enforce_minimum_key_length": self.options.get("enforce_minimum_key_length", False),
        }

    def _merge_options(self, options: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        merged: Dict[str, Any] = _sigmint.jwt_merge_options(self.options, options)
        return merged

    def encode(
        self,
        payload: Dict[str, Any],
        key: Key,
        algorithm: Optional[str] = "HS256",
        headers: Optional[Dict[str, Any]] = None,
        json_encoder: Optional[type] = None,
        sort_headers: bool = True,
    ) -> str:
        """As :func:`sigmint.jwt.encode`, with this instance's ``enforce_minimum_key_length``."""
        token: str = _sigmint.jwt_encode(
            payload, key, algorithm, headers, json_encoder, sort_headers, self._jws.options,
            "HS256" in self._jws._algorithms,
        )
        return token

    def decode_complete(
        self,
        jwt: Token,
        key: Key = "",
        algorithms: Optional[Union[List[str], str, Iterable[str]]] = None,
        options: Optional[Dict[str, Any]] = None,
        verify: Optional[bool] = None,
        detached_payload: Optional[bytes] = None,
        audience: Optional[Union[str, Iterable[str]]] = None,
        issuer: Optional[Union[str, Iterable[str]]] = None,
        subject: Optional[str] = None,
        leeway: Union[int, float, timedelta] = 0,
        *,
        now: Now = None,
        **kwargs: Any,
    ) -> Dict[str, Any]:
        """As :func:`sigmint.jwt.decode_complete`, with this instance's options."""
        decoded: Dict[str, Any] = _sigmint.jwt_decode(
            jwt, key, algorithms, options, verify, detached_payload, audience, subject, issuer,
            leeway, now, kwargs, self.options, "HS256" in self._jws._algorithms, True,
        )
        return decoded

    def decode(
        self,
        jwt: Token,
        key: Key = "",
        algorithms: Optional[Union[List[str], str, Iterable[str]]] = None,
        options: Optional[Dict[str, Any]] = None,
        verify: Optional[bool] = None,
        detached_payload: Optional[bytes] = None,
        audience: Optional[Union[str, Iterable[str]]] = None,
        subject: Optional[str] = None,
        issuer: Optional[Union[str, Iterable[str]]] = None,
        leeway: Union[int, float, timedelta] = 0,
        *,
        now: Now = None,
        **kwargs: Any,
    ) -> Dict[str, Any]:
        """As :func:`sigmint.jwt.decode`, with this instance's options."""
        claims: Dict[str, Any] = _sigmint.jwt_decode(
            jwt, key, algorithms, options, verify, detached_payload, audience, subject, issuer,
            leeway, now, kwargs, self.options, "HS256" in self._jws._algorithms, False,
        )
        return claims


_jwt_global_obj = PyJWT()
_jwt_global_obj._jws = _jws_global_obj
#: The module-level functions' algorithms: ``jwt.unregister_algorithm("HS256")`` empties it.
_GLOBAL_ALGORITHMS = _jws_global_obj._algorithms


def encode(
    payload: Dict[str, Any],
    key: Key,
    algorithm: Optional[str] = "HS256",
    headers: Optional[Dict[str, Any]] = None,
    json_encoder: Optional[type] = None,
    sort_headers: bool = True,
) -> str:
    """Mints an HS256 JWT of ``payload``, as PyJWT's ``jwt.encode`` does.

    The token is byte for byte PyJWT's: the payload is written as ``json.dumps(payload,
    separators=(",", ":"), cls=json_encoder)`` writes it (without ``json_encoder``: str keys,
    or int/float/bool/None keys converted; str, int of any size, finite float, bool, None,
    list, tuple, dict values; ``datetime`` values of ``exp``, ``iat`` and ``nbf`` become Unix
    seconds), the header is ``{"alg": "HS256", "typ": "JWT"}`` updated with ``headers`` (a
    falsy ``typ`` removes it), keys sorted unless ``sort_headers`` is False. Other value types
    raise ``TypeError``, NaN and infinities ``ValueError``. ``key``: str, bytes-like or a
    :class:`PyJWK` (``None`` is PyJWT's ``TypeError``); a key below 32 bytes emits
    :class:`InsecureKeyLengthWarning`. An algorithm other than HS256 (``algorithm`` or
    ``headers["alg"]``) raises ``NotImplementedError``; ``algorithm=None`` (``"none"``) with a
    key PyJWT's :class:`InvalidKeyError`, without one ``NotImplementedError`` (sigmint mints no
    unsecured token). Nesting deeper than 64 levels raises ``sigmint.JsonTooDeepError``. One
    compiled call (``_sigmint.jwt_encode``) reads the arguments, writes the JSON and signs.
    """
    token: str = _sigmint.jwt_encode(
        payload, key, algorithm, headers, json_encoder, sort_headers, None,
        "HS256" in _GLOBAL_ALGORITHMS,
    )
    return token


def decode_complete(
    jwt: Token,
    key: Key = "",
    algorithms: Optional[Union[List[str], str, Iterable[str]]] = None,
    options: Optional[Dict[str, Any]] = None,
    verify: Optional[bool] = None,
    detached_payload: Optional[bytes] = None,
    audience: Optional[Union[str, Iterable[str]]] = None,
    issuer: Optional[Union[str, Iterable[str]]] = None,
    subject: Optional[str] = None,
    leeway: Union[int, float, timedelta] = 0,
    *,
    now: Now = None,
    **kwargs: Any,
) -> Dict[str, Any]:
    """As :func:`decode` (PyJWT's parameter order for ``decode_complete``: ``issuer`` before
    ``subject``), returning ``{"payload": claims, "header": header, "signature": bytes}``."""
    decoded: Dict[str, Any] = _sigmint.jwt_decode(
        jwt, key, algorithms, options, verify, detached_payload, audience, subject, issuer,
        leeway, now, kwargs, None, "HS256" in _GLOBAL_ALGORITHMS, True,
    )
    return decoded


def decode(
    jwt: Token,
    key: Key = "",
    algorithms: Optional[Union[List[str], str, Iterable[str]]] = None,
    options: Optional[Dict[str, Any]] = None,
    verify: Optional[bool] = None,
    detached_payload: Optional[bytes] = None,
    audience: Optional[Union[str, Iterable[str]]] = None,
    subject: Optional[str] = None,
    issuer: Optional[Union[str, Iterable[str]]] = None,
    leeway: Union[int, float, timedelta] = 0,
    *,
    now: Now = None,
    **kwargs: Any,
) -> Dict[str, Any]:
    """Verifies an HS256 JWT and returns its claims, as PyJWT's ``jwt.decode`` does.

    PyJWT's parameters, in PyJWT's order. ``jwt``: str or bytes. ``key``: str (UTF-8),
    bytes-like or a :class:`PyJWK` (then ``algorithms`` may be left out). ``algorithms``: the
    allowed ``alg`` names, required when the signature is verified (only ``"HS256"`` can
    match). ``options``: PyJWT's ``verify_signature`` (default True; when False, every other
    ``verify_*`` defaults to False), ``verify_exp``, ``verify_nbf``, ``verify_iat``,
    ``verify_aud``, ``verify_iss``, ``verify_sub``, ``verify_jti``, ``require`` (claim names
    that must be present and not null), ``strict_aud``, ``enforce_minimum_key_length``.
    ``verify``: deprecated, as in PyJWT (a ``DeprecationWarning`` when it contradicts
    ``verify_signature``). ``detached_payload``: refused (:class:`DecodeError`): sigmint reads
    no ``b64: false`` token. ``audience``: str or iterable, any one must be in ``aud``.
    ``subject``: ``sub`` (when present) must equal it. ``issuer``: str or iterable, ``iss``
    must equal one exactly. ``leeway``: seconds (int, float or timedelta; rounded down).

    Keyword-only: ``now``, the current time (Unix seconds or datetime; rounded down), the
    system clock by default; and in ``**kwargs`` sigmint's extras ``typ``, ``token_type``,
    ``max_token_len``, ``max_depth`` (see the package documentation). Any other keyword is
    PyJWT's ``RemovedInPyjwt3Warning``, and ignored.

    The arguments are read (PyJWT's rules) and the token decided in one compiled call
    (``_sigmint.jwt_decode``). The claims dict is built in Rust from the verified JSON:
    objects in their order, integers of any size, floats as ``json.loads`` reads them.
    """
    claims: Dict[str, Any] = _sigmint.jwt_decode(
        jwt, key, algorithms, options, verify, detached_payload, audience, subject, issuer,
        leeway, now, kwargs, None, "HS256" in _GLOBAL_ALGORITHMS, False,
    )
    return claims

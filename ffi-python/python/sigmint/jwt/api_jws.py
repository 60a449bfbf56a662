"""PyJWT's ``jwt.api_jws``: :class:`PyJWS` and its module-level functions, on sigmint-core.

Every method forwards its arguments, the instance's ``options`` and whether the instance has
HS256 to one compiled call (``_sigmint.jws_decode``, ``jws_encode``, ``jws_header``), where
PyJWT's argument handling lives. Signing and verifying are core's, HS256 only.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Set

from .. import _sigmint
from .algorithms import Algorithm, get_default_algorithms, has_crypto, requires_cryptography

__all__ = [
    "PyJWS",
    "encode",
    "decode",
    "decode_complete",
    "get_unverified_header",
    "register_algorithm",
    "unregister_algorithm",
    "get_algorithm_by_name",
]

#: Longest token accepted by default, in bytes (core's limit).
DEFAULT_MAX_TOKEN_LEN: int = _sigmint.JWT_DEFAULT_MAX_TOKEN_LEN
#: Deepest JSON nesting accepted by default (core's limit; at most ``_sigmint.JSON_MAX_DEPTH``).
DEFAULT_MAX_DEPTH: int = _sigmint.JSON_DEFAULT_MAX_DEPTH


class PyJWS:
    """PyJWT's ``PyJWS``: compact JWS with a byte payload. ``algorithms`` narrows the
    algorithms the instance has (HS256 only can be had); ``options``: ``verify_signature``,
    ``enforce_minimum_key_length``, under each call's."""

    header_typ = "JWT"

    def __init__(
        self,
        algorithms: Optional[List[str]] = None,
        options: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._algorithms: Dict[str, Algorithm] = get_default_algorithms()
        self._valid_algs: Set[str] = (
            set(algorithms) if algorithms is not None else set(self._algorithms)
        )
        for name in list(self._algorithms):
            if name not in self._valid_algs:
                del self._algorithms[name]
        self.options: Dict[str, Any] = {"verify_signature": True, "enforce_minimum_key_length": False}
        if options is not None:
            self.options = {**self.options, **options}

    def register_algorithm(self, alg_id: str, alg_obj: Algorithm) -> None:
        """PyJWT's checks (``ValueError`` for a registered name, ``TypeError`` for an object
        that is not an :class:`Algorithm`); then ``NotImplementedError``: core decides every
        token, and runs no algorithm of the caller's."""
        if alg_id in self._algorithms:
            raise ValueError("Algorithm already has a handler.")
        if not isinstance(alg_obj, Algorithm):
            raise TypeError("Object is not of type `Algorithm`")
        raise NotImplementedError(
            "sigmint does not support custom algorithms: sigmint-core signs and verifies HS256 only"
        )

    def unregister_algorithm(self, alg_id: str) -> None:
        """Removes an algorithm (HS256: this instance then refuses every token)."""
        if alg_id not in self._algorithms:
            raise KeyError(
                "The specified algorithm could not be removed because it is not registered."
            )
        del self._algorithms[alg_id]
        self._valid_algs.remove(alg_id)

    def get_algorithms(self) -> List[str]:
        """The names of the algorithms this instance has."""
        return list(self._valid_algs)

    def get_algorithm_by_name(self, alg_name: str) -> Algorithm:
        """The :class:`~sigmint.jwt.algorithms.Algorithm` named ``alg_name``, or PyJWT's
        ``NotImplementedError`` (as without ``cryptography`` for the asymmetric ones)."""
        try:
            return self._algorithms[alg_name]
        except KeyError as e:
            if not has_crypto and alg_name in requires_cryptography:
                raise NotImplementedError(
                    f"Algorithm '{alg_name}' could not be found. Do you have cryptography installed?"
                ) from e
            raise NotImplementedError("Algorithm not supported") from e

    def encode(
        self,
        payload: bytes,
        key: Any,
        algorithm: Optional[str] = "HS256",
        headers: Optional[Dict[str, Any]] = None,
        json_encoder: Optional[type] = None,
        is_payload_detached: bool = False,
        sort_headers: bool = True,
    ) -> str:
        """A compact HS256 JWS of ``payload`` (any bytes); PyJWT's arguments, read by
        ``_sigmint.jws_encode``."""
        token: str = _sigmint.jws_encode(
            payload, key, algorithm, headers, json_encoder, is_payload_detached, sort_headers,
            self.options, "HS256" in self._algorithms,
        )
        return token

    def decode_complete(
        self,
        jwt: Any,
        key: Any = "",
        algorithms: Optional[List[str]] = None,
        options: Optional[Dict[str, Any]] = None,
        detached_payload: Optional[bytes] = None,
        **kwargs: Any,
    ) -> Dict[str, Any]:
        """``{"payload": bytes, "header": dict, "signature": bytes}`` of a verified JWS
        (``kwargs``: sigmint's ``max_token_len``, ``max_depth``)."""
        decoded: Dict[str, Any] = _sigmint.jws_decode(
            jwt, key, algorithms, options, detached_payload, kwargs, self.options,
            "HS256" in self._algorithms, True,
        )
        return decoded

    def decode(
        self,
        jwt: Any,
        key: Any = "",
        algorithms: Optional[List[str]] = None,
        options: Optional[Dict[str, Any]] = None,
        detached_payload: Optional[bytes] = None,
        **kwargs: Any,
    ) -> Any:
        """The payload bytes of a verified JWS (as :meth:`decode_complete`)."""
        return _sigmint.jws_decode(
            jwt, key, algorithms, options, detached_payload, kwargs, self.options,
            "HS256" in self._algorithms, False,
        )

    def get_unverified_header(self, jwt: Any) -> Dict[str, Any]:
        """A token's header, **not** verified (see :func:`sigmint.jwt.get_unverified_header`)."""
        header: Dict[str, Any] = _sigmint.jws_header(jwt, DEFAULT_MAX_TOKEN_LEN, DEFAULT_MAX_DEPTH)
        return header


_jws_global_obj = PyJWS()
encode = _jws_global_obj.encode
decode_complete = _jws_global_obj.decode_complete
decode = _jws_global_obj.decode
register_algorithm = _jws_global_obj.register_algorithm
unregister_algorithm = _jws_global_obj.unregister_algorithm
get_algorithm_by_name = _jws_global_obj.get_algorithm_by_name
get_unverified_header = _jws_global_obj.get_unverified_header

"""What every provider module shares: the response size limit, the provider's own text from an
error body, and RFC 3339 dates (all sigmint-core's).

>>> from sigmint import providers
>>> providers.error_message('{"message":"Invalid signature"}')
'Invalid signature'
>>> providers.parse_rfc3339_ms("2024-05-14T19:22:09.901Z")
1715714529901
"""

from __future__ import annotations

from typing import Optional, Union

from . import _sigmint

__all__ = ["MAX_RESPONSE_LEN", "error_message", "parse_rfc3339_ms"]

#: The longest response body the parsers read (64 KiB).
MAX_RESPONSE_LEN: int = _sigmint.PROVIDER_MAX_RESPONSE_LEN


def error_message(body: Union[str, bytes, bytearray, memoryview]) -> Optional[str]:
    """The provider's text in an error body: the ``message`` string of a JSON object, else
    the whole body, trimmed, when it is UTF-8 text; ``None`` when there is none. Raises
    :class:`~sigmint.ResponseTooLargeError` for a body over :data:`MAX_RESPONSE_LEN`."""
    return _sigmint.provider_error_message(body)


def parse_rfc3339_ms(text: str) -> int:
    """An RFC 3339 timestamp (``2024-05-14T19:22:09.901Z``, ``+02:00`` offsets) in Unix
    milliseconds. Raises :class:`~sigmint.InvalidDateError`."""
    return _sigmint.parse_rfc3339_ms(text)

"""Behaviour of the exception classes that no error table holds (``_errors.py`` is generated
from core's table and takes these as bases)."""

from __future__ import annotations

from typing import Any, Optional


class ProviderAnswer(Exception):
    """``ProviderError``'s fields: the HTTP status when known (``None`` when only a body was
    parsed) and the provider's own text (core's ``providers::error_message``: the body's
    ``message``, else the body itself, trimmed; ``None`` when it gave none)."""

    code: int

    def __init__(
        self,
        description: Optional[str] = None,
        status: Optional[int] = None,
        message: Optional[str] = None,
    ) -> None:
        if description is None:
            from ._sigmint import ERRORS

            description = ERRORS[self.code - 1][2]
        super().__init__(description, status, message)
        self.description = description
        self.status = status
        self.message = message

    def __str__(self) -> str:
        if self.status is None and self.message is None:
            return self.description
        head = "the provider answered" + ("" if self.status is None else f" HTTP {self.status}")
        return f"{head}: {self.message}" if self.message is not None else head

    def __reduce__(self) -> Any:
        return (type(self), (self.description, self.status, self.message))

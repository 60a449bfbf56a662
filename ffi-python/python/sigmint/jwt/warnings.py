"""PyJWT's ``jwt.warnings``."""

from __future__ import annotations

from .._jwt_errors import InsecureKeyLengthWarning, RemovedInPyjwt3Warning

__all__ = ["InsecureKeyLengthWarning", "RemovedInPyjwt3Warning"]

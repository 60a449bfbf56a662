"""Package metadata: the version is the crate's, and the installed package is the one tested."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import sigmint
from sigmint import _sigmint

CARGO_TOML = Path(__file__).resolve().parents[2] / "Cargo.toml"


def test_version_is_the_workspace_version() -> None:
    text = CARGO_TOML.read_text(encoding="utf-8")
    section = text.split("[workspace.package]", 1)[1]
    match = re.search(r'^version\s*=\s*"([^"]+)"', section, re.MULTILINE)
    assert match is not None
    assert sigmint.__version__ == _sigmint.__version__ == match.group(1)
    assert importlib.metadata.version("sigmint") == sigmint.__version__


def test_compiled_module_lives_in_the_package() -> None:
    assert _sigmint.__name__ == "sigmint._sigmint"
    assert Path(_sigmint.__file__).resolve().parent == Path(sigmint.__file__).resolve().parent


def test_docstring_examples() -> None:
    import doctest

    from sigmint import fonbnk

    for module in (sigmint, fonbnk):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
    assert doctest.testmod(fonbnk).attempted >= 3

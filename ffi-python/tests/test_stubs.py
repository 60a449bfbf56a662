"""The hand-written stub python/sigmint/_sigmint.pyi matches the compiled module."""

from __future__ import annotations

import ast
import importlib
import importlib.resources
import inspect
import sys
from pathlib import Path

import pytest

import sigmint
from sigmint import _sigmint

PACKAGE = Path(sigmint.__file__).resolve().parent
STUB = PACKAGE / "_sigmint.pyi"


def stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"), filename=str(STUB))


def top_level(tree: ast.Module) -> dict:
    names = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
    return names


#: Type aliases the stub defines for itself (not exported by the module).
STUB_ALIASES = {"_Body", "_Secret", "_Stamp"}


def exported(obj: object) -> set:
    return {n for n in dir(obj) if not n.startswith("_")}


def params(node: ast.FunctionDef) -> list:
    args = node.args
    return [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]


def test_package_ships_stub_and_marker() -> None:
    assert STUB.is_file()
    assert (PACKAGE / "py.typed").is_file()
    assert importlib.resources.files("sigmint").joinpath("py.typed").is_file()


def test_stub_names_match_the_module() -> None:
    names = top_level(stub_tree())
    assert set(names) == exported(_sigmint) | {"__version__"}
    for alias in STUB_ALIASES:
        assert not hasattr(_sigmint, alias)


def test_stub_all_is_the_module_all() -> None:
    # stubtest (make test-typing) compares the two as sets; here also their order.
    (node,) = [
        n
        for n in stub_tree().body
        if isinstance(n, ast.Assign) and [ast.unparse(t) for t in n.targets] == ["__all__"]
    ]
    assert ast.literal_eval(node.value) == list(_sigmint.__all__)


def test_stub_functions_have_the_module_parameters() -> None:
    for name, node in top_level(stub_tree()).items():
        if isinstance(node, ast.FunctionDef):
            sig = inspect.signature(getattr(_sigmint, name))
            assert params(node) == list(sig.parameters), name


#: The compiled module's classes; FonbnkSigner, Scheme and ReplayGuard are made from Python
#: (the others are parsers' results).
CLASSES = [
    "FonbnkSigner",
    "Scheme",
    "ReplayGuard",
    "FonbnkTokenLifetime",
    "FonbnkUserTokens",
    "FonbnkKycDocument",
    "FonbnkKycRule",
    "FonbnkKycState",
    "SfoxUserToken",
    "MygiroAccessToken",
]


def test_every_class_is_checked() -> None:
    assert {n for n in exported(_sigmint) if isinstance(getattr(_sigmint, n), type)} == set(CLASSES)


@pytest.mark.parametrize("cls_name", CLASSES)
def test_stub_classes_match(cls_name: str) -> None:
    node = top_level(stub_tree())[cls_name]
    assert isinstance(node, ast.ClassDef)
    cls = getattr(_sigmint, cls_name)
    members = {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}
    public = {n for n in members if not n.startswith("_")}
    assert public == exported(cls)
    for name in public:
        attr = inspect.getattr_static(cls, name)
        # PyO3 makes a `#[pyo3(get)]` field a getset descriptor, or a member descriptor when
        # the field is a Python object.
        if isinstance(attr, property) or type(attr).__name__ in ("getset_descriptor", "member_descriptor"):
            assert any(
                isinstance(d, ast.Name) and d.id == "property" for d in members[name].decorator_list
            ), name
        else:
            assert params(members[name]) == list(inspect.signature(getattr(cls, name)).parameters)
    if "__new__" not in members:
        with pytest.raises(TypeError):
            cls()
        return
    if cls.__text_signature__ is None:
        # PyO3 can give a class a text signature only on Python >= 3.10 under abi3.
        assert sys.version_info < (3, 10)
        return
    new = params(members["__new__"])[1:]
    assert new == list(inspect.signature(cls).parameters)


def test_stub_constants_have_the_module_types() -> None:
    for name, node in top_level(stub_tree()).items():
        if isinstance(node, ast.AnnAssign):
            annotation = ast.unparse(node.annotation)
            value = getattr(_sigmint, name)
            if "str" == annotation.removeprefix("Final[").removesuffix("]"):
                assert isinstance(value, str), name
            elif "int" == annotation.removeprefix("Final[").removesuffix("]"):
                assert isinstance(value, int), name
            else:
                assert isinstance(value, tuple), name


def test_public_names() -> None:
    # sigmint.sandbox and sigmint.cli are imported on demand (the sandbox pulls in http.server).
    on_demand = {"sandbox", "cli"}
    assert sorted(sigmint.__all__) == sorted(
        n
        for n in vars(sigmint)
        if (not n.startswith("_") or n == "__version__") and n not in on_demand
    )
    for name in sigmint.__all__ + sigmint.fonbnk.__all__:
        assert hasattr(sigmint, name) or hasattr(sigmint.fonbnk, name), name
    modules = [importlib.import_module(f"sigmint.{name}") for name in sorted(on_demand)]
    for module in [sigmint.fonbnk, sigmint.sfox, sigmint.mygiro, sigmint.providers, *modules]:
        for name in module.__all__:
            assert hasattr(module, name), (module.__name__, name)

"""The core must stay usable without Qt: no module under readiness/ may import it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import readiness

CORE_DIR = Path(readiness.__file__).parent
FORBIDDEN_ROOTS = {"PySide6", "shiboken6", "ui"}


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_core_source_file_imports_qt_or_the_ui() -> None:
    offenders = {
        str(path.relative_to(CORE_DIR)): sorted(_imported_roots(path) & FORBIDDEN_ROOTS)
        for path in CORE_DIR.rglob("*.py")
        if "_data" not in path.parts
    }
    assert {name: roots for name, roots in offenders.items() if roots} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    script = (
        "import pkgutil, importlib, sys, readiness\n"
        "for info in pkgutil.walk_packages(readiness.__path__, 'readiness.'):\n"
        "    if info.name != 'readiness.__main__' and '.migrations' not in info.name:\n"
        "        importlib.import_module(info.name)\n"
        "roots = {'PySide6', 'shiboken6', 'ui'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in roots))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _names_the_ui(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.split(".")[0] in {"ui", "PySide6", "shiboken6"}
        and node.value.replace(".", "").replace("_", "").isalnum()
    )


def test_the_core_names_no_ui_module_even_as_a_string() -> None:
    # A module name in a string (import_module("ui.app")) is an import that no
    # linter sees: the app is reached only through its installed entry point.
    offenders = {
        str(path.relative_to(CORE_DIR)): [
            node.value
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if _names_the_ui(node) and isinstance(node, ast.Constant)
        ]
        for path in CORE_DIR.rglob("*.py")
        if "_data" not in path.parts
    }
    assert {name: found for name, found in offenders.items() if found} == {}

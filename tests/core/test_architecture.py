"""The architecture holds: no import cycles, no borrowed private names, small modules.

The layers themselves (who may import whom) are import-linter contracts in
``pyproject.toml``, checked by ``lint-imports`` in ``make test``; these tests
check what a layers contract cannot see. The wall around Qt is in test_qt_wall.py.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT_PACKAGES = ("readiness", "ui")


def _sources(package: str) -> Iterator[Path]:
    for path in sorted((ROOT / package).rglob("*.py")):
        if "_data" not in path.parts:
            yield path


def _cycles(package: str) -> list[list[str]]:
    """Groups of modules that import each other, directly or in a loop (Tarjan)."""
    graph = grimp.build_graph(package, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph.find_modules_directly_imported_by(module):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


@pytest.mark.parametrize("package", PRODUCT_PACKAGES)
def test_no_import_cycles_counting_imports_inside_functions(package: str) -> None:
    # grimp reads every import statement, also those inside functions, so a
    # cycle cannot hide behind a late import.
    assert _cycles(package) == []


def _private_imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] in PRODUCT_PACKAGES
        ):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    yield f"{node.module}.{alias.name}"


def test_no_module_imports_another_modules_private_name() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_private_imports(path))
        for package in PRODUCT_PACKAGES
        for path in _sources(package)
    }
    assert {name: found for name, found in offenders.items() if found} == {}


@pytest.mark.parametrize("package", PRODUCT_PACKAGES)
def test_every_product_module_stays_small_enough_to_read(package: str) -> None:
    limit = 500
    long_files = {
        str(path.relative_to(ROOT)): lines
        for path in _sources(package)
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > limit
    }
    assert long_files == {}

"""Hostile exchange files: whatever a file holds, the import gives a result or one clear
message, and a refused file leaves the database exactly as it was.

Three kinds of hostile input: the sample assessment with one value anywhere
replaced, removed or added (any JSON value, any text, huge numbers, deep
nesting); its bytes mutated; and arbitrary bytes. A file that is accepted must
also export, read back and become a spreadsheet: what gets in can get out.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.content.catalog import load_catalog
from readiness.exchange.document import (
    ExchangeError,
    document_json,
    export_document,
    import_document,
    read_document,
)
from readiness.exchange.spreadsheet import write_workbook
from readiness.services.results import load_result
from readiness.services.sample import create_demo
from readiness.storage.errors import StoreError
from readiness.storage.opening import open_store
from tests.fuzzing import fuzz_settings

pytestmark = pytest.mark.fuzz


class Sandbox:
    """One database with the sample in it, its exchange file, and a folder for inputs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "fuzz.sqlite3"
        self.store = open_store(str(self.path), backup_on_open=False)
        self.catalog = load_catalog()
        demo = create_demo(self.store, self.catalog)
        self.document: dict[str, Any] = json.loads(document_json(export_document(self.store, demo)))

    def dump(self) -> list[str]:
        """Every row of the database, to compare before and after."""
        with sqlite3.connect(self.path) as connection:
            return list(connection.iterdump())

    def attempt(self, raw: bytes) -> None:
        """Read and import ``raw``; assert the rules every outcome must keep."""
        source = self.folder / "in.json"
        source.write_bytes(raw)
        try:
            document = read_document(source)  # reads the file only, never the database
        except ExchangeError as error:
            _assert_one_clear_line(error)
            return
        before = self.dump()
        try:
            new_id = import_document(self.store, document, catalog=self.catalog)
        except (ExchangeError, StoreError) as error:
            _assert_one_clear_line(error)
            assert self.dump() == before, "a refused file changed the database"
            return
        # Accepted: it exports, reads back the same, and fits in a spreadsheet.
        again = self.folder / "again.json"
        again.write_text(document_json(export_document(self.store, new_id)), encoding="utf-8")

        def rows(answers: list[Any]) -> list[Any]:
            return sorted(answers, key=lambda a: (a.item_id, a.market or ""))

        assert rows(read_document(again).answers) == rows(document.answers)
        result = load_result(self.store, self.catalog, new_id)
        write_workbook(result, self.catalog, self.folder / "out.xlsx")


def _assert_one_clear_line(error: Exception) -> None:
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    box = Sandbox(tmp_path_factory.mktemp("import-fuzz"))
    yield box
    box.store.close()


TEXTS = st.text(max_size=30) | st.sampled_from(
    ["x/../../../../../", "..", "\x00", "\ud800", "=HYPERLINK(1)", "a" * 501, "NUL", "\r\n"]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**40, max_value=10**60)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXTS
    | st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-11-22T09:00:00Z"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
    max_leaves=8,
)


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):  # the first rows stand for all
            yield from _places(value, (*path, index))


def _mutated(document: dict[str, Any], data: st.DataObject) -> Any:
    copy = json.loads(json.dumps(document))
    places = list(_places(copy))
    path = data.draw(st.sampled_from(places[1:]))
    parent: Any = copy
    for part in path[:-1]:
        parent = parent[part]
    action = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "replace":
        parent[path[-1]] = data.draw(VALUES)
    elif action == "remove":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[data.draw(TEXTS)] = data.draw(VALUES)
    else:
        parent.append(data.draw(VALUES))
    return copy


@fuzz_settings(200)
@given(data=st.data())
def test_a_file_with_any_value_changed_is_imported_or_refused_cleanly(
    sandbox: Sandbox, data: st.DataObject
) -> None:
    changed = _mutated(sandbox.document, data)
    text = json.dumps(changed, ensure_ascii=data.draw(st.booleans()))
    sandbox.attempt(text.encode("utf-8", "surrogatepass"))  # a lone surrogate: not UTF-8


@fuzz_settings(200)
@given(data=st.data())
def test_a_file_with_its_bytes_mutated_is_imported_or_refused_cleanly(
    sandbox: Sandbox, data: st.DataObject
) -> None:
    raw = bytearray(json.dumps(sandbox.document).encode())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        kind = data.draw(st.sampled_from(["flip", "insert", "delete"]))
        if kind == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif kind == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        else:
            del raw[at : at + data.draw(st.integers(1, 16))]
    sandbox.attempt(bytes(raw))


def _surrogates_kept(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


DEEP = st.integers(900, 4000).map(lambda n: ("[" * n + "]" * n).encode())
DIGITS = st.integers(4000, 6000).map(
    lambda n: (
        '{"format": "market-entry-readiness/assessment", "format_version": ' + "7" * n + "}"
    ).encode()
)


@fuzz_settings(500)
@given(
    raw=st.binary(max_size=200)
    | DEEP
    | DIGITS
    | st.text().map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_arbitrary_bytes_are_refused_cleanly(sandbox: Sandbox, raw: bytes) -> None:
    sandbox.attempt(raw)


def test_the_sandbox_starts_from_an_importable_document(sandbox: Sandbox) -> None:
    sandbox.attempt(json.dumps(sandbox.document).encode())


def test_the_workbook_check_writes_a_real_file(sandbox: Sandbox) -> None:
    assert io.BytesIO((sandbox.folder / "out.xlsx").read_bytes()).read(2) == b"PK"

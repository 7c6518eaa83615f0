"""Hostile command lines: whatever the arguments, a command succeeds or says why in one
line (exit code 1 or 2), never with a traceback, and a refused command leaves the
database exactly as it was.

The arguments are drawn from every command's options with values chosen to
hurt: ids past SQLite's range, codes that climb out of a folder, control
characters, bytes that are not UTF-8, texts past the exchange limits, file names
too long for a file system, devices, unsupported database addresses. Commands
that open a window, a keyring or a PDF renderer are left out.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.cli import main
from readiness.content.catalog import load_catalog
from readiness.exchange.document import document_json, export_document
from readiness.services.sample import create_demo
from readiness.storage.location import DB_ENV
from readiness.storage.opening import open_store
from tests.fuzzing import fuzz_settings

pytestmark = pytest.mark.fuzz

DB = "fuzz.sqlite3"
POSITIONAL = ""
OPTIONS: dict[str, list[str]] = {
    "new": ["--company", "--markets", "--custom-market", "--title", "--industry", "--products"],
    "answer": ["--assessment", "--item", "--market", "--value", "--note"],
    "list": [],
    "check": [],
    "demo": [],
    "backup": [],
    "restore": [POSITIONAL],
    "export": ["--assessment", "--out", "--lang"],
    "import": [POSITIONAL, "--on-existing"],
    "assign": ["--assessment", "--dimension", "--item", "--to"],
    "copy": ["--from", "--to", "--assessment", "--replace"],
    "rename": ["--assessment", "--title"],
    "duplicate": ["--assessment", "--title"],
    "archive": ["--assessment", "--undo"],
    "delete": ["--assessment"],
    "milestones": ["--assessment", "--changes", "--rename", "--delete", "--name"],
    "score": ["--assessment", "--json", "--lang"],
    "compare": ["--assessment", "--json", "--lang"],
    "portfolio": ["--market", "--json", "--lang"],
    "markets": ["--assessment", "--json", "--lang"],
    "weights": ["--assessment", "--set", "--reset", "--json"],
    "validate": [POSITIONAL],
    "catalog": ["--json"],
}
SHARED = ["--db", "--as"]

HOSTILE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x1bb",
        "\x7f",
        "\u0085",
        "\ufffe",
        "line\nbreak",
        "tab\there",
        '=HYPERLINK("http://x")',
        os.fsdecode(b"Acme \xff\xfe"),  # undecodable bytes, as the shell passes them
        "a" * 201,
        "a" * 501,
        "a" * 100_001,
        "x/../../../../../",
        "--",
        "-1",
    ]
)
NUMBERS = st.sampled_from(
    ["1", "2", "3", "0", "-1", "9" * 20, "9223372036854775807", "9223372036854775808"]
) | st.integers().map(str)
CODES = st.sampled_from(
    [
        *("IT", "MA", "LA", "ES-CT", "it", "XX", "CERT-001", "TALE-001", "compliance", "IT,MA"),
        *(
            "PH:Philippines:asean",
            "PH:Phil\x01ippines:asean",
            "x/../..:a:asean",
            "NUL",
            "IT,IT",
            ":::",
        ),
    ]
)
VALUES = st.sampled_from(["0", "4", "yes", "no", "na", "unknown", "5", "maybe"])
FILES = st.sampled_from(
    [
        *("out.json", "out.xlsx", "out.txt", "in.json", "missing.json", "sub/out.json", "pipe"),
        *("a" * 300 + ".json", "/dev/zero", "folder", DB, "backups", "line\nbreak"),
    ]
)
DATABASES = st.sampled_from(
    [
        *(DB, "other.sqlite3", "mysql://u@h/d", "postgresql+psycopg2://u@h/d", "foo://x"),
        *("a" * 300 + ".sqlite3", "folder", "/dev/zero", "in.json", "sqlite:///" + DB, "~0"),
    ]
)
ANY = HOSTILE_TEXT | NUMBERS | CODES | VALUES | FILES | st.text(max_size=12)


def _value_for(option: str) -> st.SearchStrategy[str]:
    specific = {
        "--assessment": NUMBERS,
        "--db": DATABASES,
        "--from": DATABASES,
        "--out": FILES,
        POSITIONAL: FILES,
        "--value": VALUES,
        "--changes": NUMBERS,
        "--rename": NUMBERS,
        "--delete": NUMBERS,
        "--on-existing": st.sampled_from(["replace", "keep-both", "cancel", "both"]),
        "--lang": st.sampled_from(["en", "zh", "fr"]),
    }.get(option)
    if specific is None and option in ("--markets", "--custom-market", "--item", "--market"):
        specific = CODES
    if specific is None and option == "--dimension":
        specific = CODES
    base = specific if specific is not None else HOSTILE_TEXT | st.text(max_size=12)
    return base | ANY if specific is not None else base


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    arguments = [command]
    options = OPTIONS[command] + SHARED
    for option in draw(st.lists(st.sampled_from(options), max_size=6)):
        if option in ("--json", "--reset", "--undo", "--replace"):
            arguments.append(option)
            continue
        value = draw(_value_for(option))
        arguments.extend([value] if option == POSITIONAL else [option, value])
    if draw(st.booleans()) and "--db" not in arguments:
        arguments.extend(["--db", DB])
    if draw(st.integers(0, 9)) == 0:  # now and then, a stray word anywhere
        arguments.insert(draw(st.integers(0, len(arguments))), draw(ANY))
    return arguments


class Sandbox:
    """A working folder with the sample database, an exchange file, a pipe and a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / DB
        catalog = load_catalog()
        with open_store(str(self.db)) as store:
            demo = create_demo(store, catalog)
            (folder / "in.json").write_text(document_json(export_document(store, demo)))
        (folder / "folder").mkdir()
        if hasattr(os, "mkfifo"):
            os.mkfifo(folder / "pipe")

    def dump(self) -> list[str]:
        with sqlite3.connect(self.db) as connection:
            return list(connection.iterdump())


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    folder = tmp_path_factory.mktemp("cli-fuzz")
    with pytest.MonkeyPatch.context() as patch:
        # Nothing may reach the user's own database or files.
        patch.chdir(folder)
        patch.setenv(DB_ENV, str(folder / DB))
        patch.setenv("HOME", str(folder))
        yield Sandbox(folder)


def _run(arguments: list[str]) -> tuple[int, str]:
    errors = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(errors):
        try:
            code = main(arguments)
        except SystemExit as exit_:  # argparse's own refusals
            code = exit_.code if isinstance(exit_.code, int) else 2
    return code, errors.getvalue()


def test_the_sandbox_database_answers(sandbox: Sandbox) -> None:
    code, err = _run(["score", "--db", DB, "--assessment", "1", "--json"])
    assert code == 0, err
    with contextlib.redirect_stdout(io.StringIO()) as out:
        main(["list", "--db", DB])
    assert "1" in out.getvalue()
    json.loads((sandbox.folder / "in.json").read_text())


@fuzz_settings(400)
@given(arguments=command_lines())
def test_any_command_line_succeeds_or_is_refused_in_one_line(
    sandbox: Sandbox, arguments: list[str]
) -> None:
    before = sandbox.dump()
    code, err = _run(arguments)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    if code != 0:
        lines = err.strip().split("\n")
        assert lines, "a refusal must say why"
        assert (
            lines[-1].startswith("readiness")
            or lines[-1].endswith("problems found")
            or (lines[-1].endswith("problem found"))
        ), err
        if arguments[0] not in ("restore", "check", "validate"):
            assert sandbox.dump() == before, f"refused, yet the database changed: {err}"

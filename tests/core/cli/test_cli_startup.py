"""A command imports only what it uses: the help and the parser load no heavy library.

Building the parser (which every command does before it runs) must not load the
database, report, spreadsheet or keyring libraries: each costs a user waiting
for ``readiness --help`` a noticeable part of a second, and a command that does
not use them should not wait for them at all.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator

import pytest

from readiness.cli import build_parser
from readiness.cli.parsers import Deferred

# The libraries a parser, the help or an unrelated command must not load.
HEAVY = {"sqlalchemy", "sqlmodel", "alembic", "weasyprint", "openpyxl", "keyring", "psycopg"}


def _loaded_by(*python_args: str) -> set[str]:
    """The top-level packages a fresh ``python`` process imported, read from its
    ``-X importtime`` report (whatever way the process ended)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *python_args],
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in done.stderr, done.stderr
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "readiness" in names, done.stderr[-2000:]
    return names


def test_readiness_help_imports_no_heavy_library() -> None:
    loaded = _loaded_by("-m", "readiness", "--help")
    assert loaded & HEAVY == set()


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[list[str], argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield [name], action
                for path, inner in _subcommands(sub):
                    yield [name, *path], inner


def test_every_commands_help_imports_no_heavy_library() -> None:
    # One process asks every subcommand for its help, as `readiness CMD --help` does.
    script = (
        "import contextlib, io, sys\n"
        "from readiness.cli import main\n"
        f"for command in {[path for path, _ in _subcommands(build_parser())]!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "        main([*command, '--help'])\n"
    )
    assert _loaded_by("-c", script) & HEAVY == set()


def _handlers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, object]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                handler = sub.get_default("handler")
                if handler is not None:
                    yield name, handler
                yield from _handlers(sub)


HANDLERS = dict(_handlers(build_parser()))


@pytest.mark.parametrize("command", sorted(HANDLERS))
def test_every_command_names_a_handler_its_module_defines(command: str) -> None:
    handler = HANDLERS[command]
    assert isinstance(handler, Deferred)
    assert handler.module.startswith("readiness.cli.")
    assert callable(handler.resolve())


def test_a_command_that_opens_no_report_loads_no_report_library(tmp_path: object) -> None:
    # `readiness list` reads the store: the database library, never the PDF renderer,
    # the spreadsheet library or the keyring.
    db = str(tmp_path) + "/list.sqlite3"
    loaded = _loaded_by("-m", "readiness", "list", "--db", db)
    assert "sqlalchemy" in loaded
    assert loaded & {"weasyprint", "openpyxl"} == set()


def test_import_offers_exactly_the_choices_the_import_service_knows() -> None:
    # The parser names them without importing the service (which loads the store).
    from readiness.services.importing import OnExisting

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    importing = commands.choices["import"]
    on_existing = next(a for a in importing._actions if a.dest == "on_existing")
    assert tuple(on_existing.choices or ()) == tuple(choice.value for choice in OnExisting)

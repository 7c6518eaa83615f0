"""``readiness import FILE...``: several exchange files or archives in one command.

Each file is imported on its own, in the order given, exactly as a single
``readiness import FILE`` would (each in its own transaction, after its backup).
A file that cannot be imported stops the batch: the message says which file,
which files before it were imported and that it and the ones after were not, so
the user can fix it and go on from there.
"""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from readiness.cli.common import CommandError
from readiness.cli.progress import Progress, counted


def import_each(args: argparse.Namespace, one: Callable[[argparse.Namespace], int]) -> int:
    """Import ``args.files`` one by one with ``one`` (the one-file import), showing progress."""
    files: list[Path] = args.files
    progress = Progress()
    done: list[Path] = []
    for number, path in enumerate(files, start=1):
        printed = io.StringIO()
        try:
            # What the import prints waits until the progress line is cleared.
            with (
                progress.stage(counted(number, len(files), f"Importing {path.name}")),
                contextlib.redirect_stdout(printed),
            ):
                one(argparse.Namespace(**{**vars(args), "file": path}))
        except CommandError as error:
            if len(files) == 1:
                raise
            before = ", ".join(str(p) for p in done) if done else "none"
            raise CommandError(
                f"{error} (file {number} of {len(files)}; imported before it: {before}; "
                f"it and the {len(files) - number} after it were not imported)"
            ) from None
        finally:
            print(printed.getvalue(), end="", flush=True)
        done.append(path)
    return 0

"""Writing the files a user asked for, atomically and with normal permissions.

An exported assessment, a report or a spreadsheet is first written under a
temporary name beside its destination and renamed only once complete, so a
reader never sees half a file. Temporary files are created private; the
finished file gets the permissions any file the user creates would get.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def shared_file_mode() -> int:
    """The permissions a normally created file gets (temporary files are private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, fill: Callable[[BinaryIO], object], *, suffix: str = "") -> None:
    """Let ``fill`` write a file under a temporary name, then rename it to ``path``.

    The folder is created if needed; on any failure the temporary file is removed
    and the error propagates, so ``path`` is either the old file or the complete
    new one. ``suffix`` ends the temporary name (some writers look at it).

    Raises:
        OSError: the folder or the file could not be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            fill(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, shared_file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 text under a temporary name, then rename: never a half-written file."""

    def fill(stream: BinaryIO) -> None:
        # Text mode as open() gives it, so line endings follow the platform as before.
        wrapper = io.TextIOWrapper(stream, encoding="utf-8")
        wrapper.write(text)
        wrapper.flush()
        wrapper.detach()  # the stream stays open for the fsync

    write_atomically(path, fill)

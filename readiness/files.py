"""Reading a user's file with a bound, and writing the files a user asked for,
atomically and with normal permissions.

A file the user names (an exchange file, content to validate, a logo) is read
only when it is a regular file, and at most up to a stated size, so a device
such as ``/dev/zero`` or a pipe is refused instead of filling the memory.

An exported assessment, a report or a spreadsheet is first written under a
temporary name beside its destination and renamed only once complete, so a
reader never sees half a file. Temporary files are created private; the
finished file gets the permissions any file the user creates would get.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

MEGABYTE = 1024 * 1024


class FileRefused(OSError):
    """A user's file that is not read: not a regular file, or larger than allowed.

    ``strerror`` says why in words for the user, like any :class:`OSError`.
    """


def read_user_file(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refused when longer than ``limit``.

    A device, a pipe or a socket is refused without waiting for it: it is opened
    without blocking and checked before a byte is read. At most ``limit + 1``
    bytes are ever read, whatever the file claims to hold.

    Raises:
        FileRefused: not a regular file, or larger than ``limit`` bytes.
        OSError: the file cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags | getattr(os, "O_NOCTTY", 0))
    try:
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        os.close(descriptor)
        raise
    if not regular:
        os.close(descriptor)
        raise FileRefused(errno.EINVAL, "a device, pipe or folder, not a regular file")
    with os.fdopen(descriptor, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(errno.EFBIG, f"larger than the {_size(limit)} this file may have")
    return data


def _size(limit: int) -> str:
    return f"{limit // MEGABYTE} MB" if limit >= MEGABYTE else f"{limit:,} bytes"


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

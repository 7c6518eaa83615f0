"""Files the user asked for appear whole or not at all, with the permissions of any new file."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness.files import (
    FileRefused,
    read_user_file,
    shared_file_mode,
    write_atomically,
    write_text_atomically,
)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_text_is_written_as_utf8_into_a_new_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "export.json"
    write_text_atomically(path, "Changchun 长春 ✓\n")
    assert path.read_text(encoding="utf-8") == "Changchun 长春 ✓\n"


@given(st.text())
def test_any_text_reads_back_as_written(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.txt"
        write_text_atomically(path, text)
        # Line endings follow the platform, as any file written in text mode.
        with open(path, encoding="utf-8", newline="") as stream:
            assert stream.read() == text.replace("\n", os.linesep)


def test_an_existing_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old")
    write_text_atomically(path, "new")
    assert path.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.usefixtures("umask_022")
def test_the_finished_file_gets_normal_permissions(tmp_path: Path) -> None:
    assert shared_file_mode() == 0o644
    path = tmp_path / "report.pdf"
    write_atomically(path, lambda stream: stream.write(b"%PDF"), suffix=".pdf")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert path.read_bytes() == b"%PDF"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"old")

    def fail(stream: BinaryIO) -> None:
        stream.write(b"half")
        raise RuntimeError("renderer broke")

    with pytest.raises(RuntimeError, match="renderer broke"):
        write_atomically(path, fail, suffix=".pdf")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_an_unwritable_folder_is_an_os_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        write_text_atomically(blocker / "sub" / "export.json", "{}")


def test_a_user_file_is_read_up_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(b"x" * 10)
    assert read_user_file(path, limit=10) == b"x" * 10
    with pytest.raises(FileRefused, match="larger than the 9 bytes"):
        read_user_file(path, limit=9)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_before_a_byte_is_read() -> None:
    """Issue 14, item 10: ``/dev/zero`` grew to 24 GB before."""
    with pytest.raises(FileRefused, match="device, pipe or folder"):
        read_user_file(Path("/dev/zero"), limit=1024)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(FileRefused, match="device, pipe or folder"):
        read_user_file(pipe, limit=1024)


@pytest.mark.skipif(sys.platform == "win32", reason="folders cannot be opened as files there")
def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileRefused, match="device, pipe or folder"):
        read_user_file(tmp_path, limit=1024)

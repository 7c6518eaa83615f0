"""What the desktop and the package managers read: launcher, AppStream data, icons."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
APP_ID = "org.marketentryreadiness.MarketEntryReadiness"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (make test installs it)")
    return found


def test_the_desktop_file_is_valid() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(PACKAGING / "linux" / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_appstream_metadata_is_valid() -> None:
    result = subprocess.run(
        [
            _tool("appstreamcli"),
            "validate",
            "--no-net",
            str(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_launcher_starts_the_installed_command() -> None:
    text = (PACKAGING / "linux" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Exec=readiness-app" in text
    assert f"Icon={APP_ID}" in text


@pytest.mark.parametrize("size", [16, 32, 48, 64, 128, 256])
def test_every_icon_size_is_a_png_of_that_size(size: int) -> None:
    data = (PACKAGING / "icons" / f"market-entry-readiness-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (size, size)

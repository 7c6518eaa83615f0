"""The Chinese interface is complete and its compiled catalogue is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS = Path(__file__).resolve().parents[2] / "ui" / "translations" / "readiness_zh_CN.ts"
QM = TS.with_suffix(".qm")


def test_every_message_is_translated() -> None:
    root = ET.parse(TS).getroot()
    missing = [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (message.findtext("translation") or "").strip()
    ]
    assert missing == []


def test_placeholders_survive_translation() -> None:
    root = ET.parse(TS).getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        target = message.findtext("translation") or ""
        for marker in ("%1", "%2", "%p%"):
            assert source.count(marker) == target.count(marker), source


def test_the_compiled_catalogue_matches_the_source(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_every_translatable_string_in_the_source_is_in_the_catalogue(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in TS.parents[1].rglob("*.py"))
    output = subprocess.run(
        [lupdate, *sources, "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "0 new" in output or "(0 new" in output, output

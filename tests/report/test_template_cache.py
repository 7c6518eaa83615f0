"""Report templates are compiled once and kept; a damaged or unwritable cache only means
compiling again, never a failed report."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from readiness.assets import asset_dir
from readiness.report.rendering import TemplateCache


def _environment(folder: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(asset_dir("reports"))),
        bytecode_cache=TemplateCache(str(folder)),
        autoescape=True,
    )


def test_a_compiled_template_is_kept_and_used_by_the_next_run(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    first = _environment(folder).get_template("report.html.j2")
    (kept,) = folder.iterdir()
    assert kept.stat().st_size > 0
    second = _environment(folder).get_template("report.html.j2")
    assert second.render.__code__.co_code == first.render.__code__.co_code


@pytest.mark.parametrize("damage", [b"", b"j2\x00garbage", b"\x80\x04not a pickle at all"])
def test_a_damaged_entry_is_compiled_again(tmp_path: Path, damage: bytes) -> None:
    folder = tmp_path / "templates"
    _environment(folder).get_template("report.html.j2")
    (kept,) = folder.iterdir()
    kept.write_bytes(damage)
    assert _environment(folder).get_template("report.html.j2") is not None
    assert kept.stat().st_size > len(damage)  # written again, whole


def test_a_folder_that_cannot_be_written_is_done_without(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _environment(blocker / "templates").get_template("report.html.j2") is not None


@pytest.mark.parametrize("keep", ["magic", "half"])
def test_an_entry_cut_short_is_compiled_again(tmp_path: Path, keep: str) -> None:
    from jinja2.bccache import bc_magic

    folder = tmp_path / "templates"
    _environment(folder).get_template("report.html.j2")
    (kept,) = folder.iterdir()
    whole = kept.read_bytes()
    cut = whole[: len(bc_magic)] + b"\x80" if keep == "magic" else whole[: len(whole) // 2]
    kept.write_bytes(cut)
    assert _environment(folder).get_template("report.html.j2") is not None
    assert kept.read_bytes() == whole

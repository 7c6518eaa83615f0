"""Bundled content and templates are found wherever the app is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness import assets


@pytest.mark.parametrize("kind", ["checklists", "reports"])
def test_asset_folders_exist(kind: assets.AssetKind) -> None:
    assert assets.asset_dir(kind).is_dir()


def test_installed_copy_wins_over_the_source_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site" / "readiness"
    (package / "_data" / "checklists").mkdir(parents=True)
    monkeypatch.setattr(assets, "_PACKAGE_DIR", package)
    assert assets.asset_dir("checklists") == package / "_data" / "checklists"


def test_missing_folder_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assets, "_PACKAGE_DIR", tmp_path / "readiness")
    with pytest.raises(assets.MissingAssetError, match="Reinstall"):
        assets.asset_dir("reports")

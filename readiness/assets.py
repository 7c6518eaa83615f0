"""One way to find the bundled content and report files.

The source tree keeps ``checklists/`` and ``reports/`` at the repository top;
a wheel or a frozen bundle carries them inside the package as ``_data/``.
Every caller goes through :func:`asset_dir`, so all three layouts behave alike.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Literal

AssetKind = Literal["checklists", "reports", "docs"]

_PACKAGE_DIR = Path(str(files("readiness")))


class MissingAssetError(FileNotFoundError):
    """A bundled folder the app needs is not where the installation should have put it."""


def asset_dir(kind: AssetKind) -> Path:
    """Return the folder holding the bundled ``checklists``, ``reports`` or ``docs`` files.

    Raises:
        MissingAssetError: neither the installed nor the source-tree copy exists.
    """
    installed = _PACKAGE_DIR / "_data" / kind
    if installed.is_dir():
        return installed
    source_tree = _PACKAGE_DIR.parent / kind
    if source_tree.is_dir():
        return source_tree
    raise MissingAssetError(
        f"The bundled '{kind}' folder is missing: looked in {installed} and {source_tree}. "
        "Reinstall the application."
    )

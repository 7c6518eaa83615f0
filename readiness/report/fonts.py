"""The fonts a report prints with: a Simplified-Chinese face is required.

Chinese text in a PDF needs a Simplified-Chinese font; without one it prints
as empty boxes, so the report checks before anything is rendered.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from readiness.report.errors import ReportError

# Preferred Simplified-Chinese families, best first (fontconfig names).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)
LATIN_FAMILIES = ("Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")
# Where Windows and macOS keep their Simplified-Chinese system fonts, for machines
# without fontconfig's fc-list on PATH (a frozen app started from the desktop).
SYSTEM_CJK_FILES = (
    ("Microsoft YaHei", Path("C:/Windows/Fonts/msyh.ttc")),
    ("SimHei", Path("C:/Windows/Fonts/simhei.ttf")),
    ("PingFang SC", Path("/System/Library/Fonts/PingFang.ttc")),
    ("PingFang SC", Path("/System/Library/AssetsV2/com_apple_MobileAsset_Font7/PingFang.ttc")),
)


class MissingCJKFontError(ReportError):
    """No Simplified-Chinese font is installed, so Chinese would print as boxes."""


@lru_cache(maxsize=1)
def installed_font_families() -> frozenset[str]:
    """Font families fontconfig knows (empty where fontconfig is not available)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    try:
        output = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    families: set[str] = set()
    for line in output.splitlines():
        families.update(name.strip() for name in line.split(","))
    return frozenset(families)


def find_cjk_font(families: Iterable[str] | None = None) -> str | None:
    """The best installed Simplified-Chinese font family, or None."""
    if families is None:
        known = installed_font_families()
        if not known:
            return next((name for name, path in SYSTEM_CJK_FILES if path.exists()), None)
    else:
        known = frozenset(families)
    return next((family for family in CJK_FAMILIES if family in known), None)


def require_cjk_font(families: Iterable[str] | None = None) -> str:
    """The CJK font to use, or a clear error before anything is rendered.

    Raises:
        MissingCJKFontError: with what to install.
    """
    font = find_cjk_font(families)
    if font is None:
        raise MissingCJKFontError(
            "No Simplified-Chinese font is installed, so Chinese text would print as empty "
            "boxes. Install one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; "
            "Windows and macOS include one) and try again."
        )
    return font


def font_stack(cjk: str, language: str) -> str:
    """The CSS font-family list for a report in ``language`` with the CJK face ``cjk``."""
    # Chinese reports put the CJK face first, so Latin text in them matches it.
    families = [cjk, *LATIN_FAMILIES] if language == "zh" else [*LATIN_FAMILIES, cjk]
    return ", ".join(f'"{family}"' for family in families) + ", sans-serif"

"""What every report document shares: language, styles, fonts, page footer, version and date.

Both the assessment report and the portfolio report start their template
context from :func:`document_frame` and add their own chapters to it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from readiness import __version__
from readiness.assets import asset_dir
from readiness.domain.rounding import points
from readiness.domain.scoring import LEVEL_THRESHOLDS, ReadinessLevel
from readiness.report.fonts import font_stack
from readiness.report.labels import format_date, labels, report_language


def document_frame(language: str, *, font: str, title: str, today: dt.date) -> dict[str, Any]:
    """The template values every report document needs, worded in ``language``."""
    lang = report_language(language)
    words = labels(lang)
    # The footer is "page X of Y" with the numbers filled in by CSS counters.
    page_before, _, rest = str(words.page_of).partition("{page}")
    page_between, _, page_after = rest.partition("{pages}")
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "L": words,
        "css": (asset_dir("reports") / "report.css").read_text(encoding="utf-8"),
        "font_stack": font_stack(font, lang),
        "page_before": page_before,
        "page_between": page_between,
        "page_after": page_after,
        "document_title": title,
        "app_version": __version__,
        "today": format_date(today, lang),
        "today_iso": today.isoformat(),
        "level_bands": _level_bands(lang),
    }


def _level_bands(language: str) -> list[dict[str, str]]:
    bands = []
    upper = 100.0
    for bound, level in LEVEL_THRESHOLDS:
        top = "100" if upper == 100.0 else f"<{points(upper)}"
        bands.append({"level": level.label.get(language), "range": f"{points(bound)}-{top}"})
        upper = bound
    blocked = ReadinessLevel.BLOCKED.label.get(language)
    rule = "关键题目低于 2" if language == "zh" else "a critical question below 2"
    bands.append({"level": blocked, "range": rule})
    return bands

"""The default (user-agent) styles a report is laid out with: WeasyPrint's own, made leaner.

WeasyPrint's default stylesheet gives ``::marker`` and the footnote and note
pseudo-elements a style on *every* element, so it computes six extra styles per
element of the document. For the sample report that is most of the style work:
about a sixth of the CPU time and 35 MiB of peak memory. The reports use no
footnotes or notes and have markers only on list items, so those defaults are
kept for list items and dropped elsewhere; the pages come out pixel-identical
(tests/report/test_user_agent.py checks both).

WeasyPrint is imported only when a PDF is made.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Any

# A rule whose selector is a bare pseudo-element (``::name { ... }``): it matches
# every element of the document.
_UNIVERSAL_PSEUDO_RULE = re.compile(r"^::(?P<name>[a-z-]+)\s*\{[^}]*\}", re.MULTILINE)


def lean_default_styles(stylesheet: str) -> str:
    """``stylesheet`` with its every-element pseudo-element rules narrowed to what reports use.

    ``::marker`` applies to list items only; footnote and note pseudo-elements
    (``::footnote-call``, ``::note-marker`` ...) are dropped, as reports have none.
    Every other rule is kept as it is.
    """

    def narrowed(rule: re.Match[str]) -> str:
        if rule["name"] == "marker":
            return "li" + rule[0]
        return ""

    return _UNIVERSAL_PSEUDO_RULE.sub(narrowed, stylesheet)


@lru_cache(maxsize=1)
def _lean_stylesheet() -> Any:
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle

    source = (files("weasyprint.css") / "html5_ua.css").read_text("utf-8")
    # Counter styles in the defaults are registered by WeasyPrint itself already;
    # parsing them again goes into a set of its own, not into WeasyPrint's.
    return CSS(string=lean_default_styles(source), counter_style=CounterStyle())


@lru_cache(maxsize=1)
def report_html_class() -> type[Any]:
    """WeasyPrint's ``HTML`` laid out with the lean default styles."""
    import weasyprint

    class ReportHTML(weasyprint.HTML):  # type: ignore[misc]
        """An HTML document whose default styles skip per-element work reports do not need."""

        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            # Reports have no forms; WeasyPrint's own choice is kept should one appear.
            if forms:
                return list(super()._ua_stylesheets(forms))
            return [_lean_stylesheet()]

    return ReportHTML

"""A readiness score as every view writes it: with its confidence, never bare when low.

A score built mostly on "don't know" answers carries "≈" and "Low confidence"
beside it, so it is not read as solid (``readiness.domain.scoring.confidence_band``).
"""

from __future__ import annotations

from readiness.domain.rounding import points
from readiness.domain.scoring import ConfidenceBand, MarketReadiness


def band_label(band: ConfidenceBand, language: str) -> str:
    """The confidence band's name ("Medium confidence") in ``language``."""
    return band.label.get(language)


def score_text(market: MarketReadiness, language: str) -> str:
    """The overall score, with "≈" when its confidence is low ("≈44" or "44")."""
    approximate = "≈" if market.confidence_band is ConfidenceBand.LOW else ""
    return f"{approximate}{points(market.overall)}"


def score_with_band(market: MarketReadiness, language: str) -> str:
    """The score and its band on one line ("≈44 · Low confidence", "57 · High confidence")."""
    return f"{score_text(market, language)} · {band_label(market.confidence_band, language)}"

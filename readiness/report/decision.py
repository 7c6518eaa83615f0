"""Where to go first, in the assessment report: the verdict, confidence, and the matrix.

The verdict is worded by :func:`readiness.domain.verdict_text.explain`, the
one place its sentences are made, so the report says what the app and the
command line say. A readiness score resting mostly on "don't know" answers
is never shown bare: it carries "≈" and "low confidence" beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from readiness.domain.comparison import score_assessment
from readiness.domain.rounding import points
from readiness.domain.scoring import ConfidenceBand, MarketInput, MarketReadiness
from readiness.domain.verdict import Verdict, decide
from readiness.domain.verdict_text import explain
from readiness.report.charts import MatrixPoint, matrix
from readiness.report.context import ReportContext
from readiness.report.labels import labels, percent
from readiness.report.market_facts import attractiveness_text

APPROXIMATE = "≈"


def score_text(readiness: MarketReadiness) -> str:
    """A readiness score in whole points, marked "≈" when its confidence is low."""
    mark = APPROXIMATE if readiness.confidence_band is ConfidenceBand.LOW else ""
    return f"{mark}{points(readiness.overall)}"


def confidence(readiness: MarketReadiness, language: str) -> dict[str, Any]:
    """How far a score can be relied on, as the report writes it beside the score."""
    words = labels(language)
    band = readiness.confidence_band
    return {
        "score": score_text(readiness),
        "low": band is ConfidenceBand.LOW,
        "text": str(words.confidence_format).format(
            band=words[f"confidence_{band.value}"], share=percent(readiness.confidence)
        ),
        # what follows a low-confidence score wherever it is shown
        "marker": str(words.low_confidence) if band is ConfidenceBand.LOW else "",
        # the same, in brackets, beside a score in a heading
        "bracketed": str(words.bracketed).format(text=words.low_confidence)
        if band is ConfidenceBand.LOW
        else "",
    }


def report_verdict(context: ReportContext, chosen: Sequence[MarketInput]) -> Verdict | None:
    """The verdict on the markets in this report: the assessment's own when all are in it."""
    result = context.result
    if len(chosen) == len(result.markets):
        return result.verdict
    answers = result.scored_values
    score = score_assessment(context.catalog, chosen, answers)
    return decide(context.catalog, score, chosen, answers, result.attractiveness)


def verdict_block(
    context: ReportContext, chosen: Sequence[MarketInput], names: Mapping[str, str]
) -> dict[str, Any]:
    """The verdict as the cover and the summary show it."""
    verdict = report_verdict(context, chosen)
    if verdict is None:
        return {"headline": "", "decision": "", "facts": "", "to_decide": [], "decisive": True}
    text = explain(verdict, context.catalog, names, context.result.attractiveness, context.lang)
    return {
        "headline": text.headline,
        "decision": text.decision,
        "facts": text.facts,
        "to_decide": list(text.to_decide),
        "decisive": verdict.decisive,
    }


def comparison_rows(
    context: ReportContext, chosen: Sequence[MarketInput], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One row a market: readiness with its confidence, attractiveness, earliest entry."""
    result = context.result
    rows = []
    for market in chosen:
        readiness = result.score.markets[market.code]
        attractive = result.attractiveness.get(market.code)
        schedule = result.plan.markets.get(market.code)
        rows.append(
            {
                "name": names[market.code],
                "confidence": confidence(readiness, context.lang),
                "level": readiness.level.label.get(context.lang),
                "level_key": readiness.level.value,
                "attractiveness": attractiveness_text(attractive, context.lang),
                "has_attractiveness": attractive is not None and attractive.score is not None,
                "earliest": schedule.earliest_entry.isoformat() if schedule else "-",
                "late": bool(schedule and schedule.late_days),
            }
        )
    return rows


def matrix_chart(
    context: ReportContext, chosen: Sequence[MarketInput], names: Mapping[str, str]
) -> dict[str, Any]:
    """The readiness x attractiveness matrix, and the markets it cannot place."""
    words = labels(context.lang)
    result = context.result
    points = []
    unplaced = []
    for market in chosen:
        readiness = result.score.markets[market.code]
        attractive = result.attractiveness.get(market.code)
        if attractive is None or attractive.score is None:
            shown = confidence(readiness, context.lang)
            score = " ".join(filter(None, (shown["score"], shown["marker"])))
            unplaced.append(
                str(words.unplaced_format).format(
                    name=names[market.code],
                    score=score,
                    why=attractiveness_text(attractive, context.lang),
                )
            )
            continue
        points.append(
            MatrixPoint(
                label=names[market.code],
                readiness=readiness.overall,
                attractiveness=attractive.score,
                readiness_text=score_text(readiness),
            )
        )
    svg = matrix(
        points,
        font=context.font,
        title=str(words.matrix_title),
        x_label=str(words.matrix_x),
        y_label=str(words.matrix_y),
        quadrants=list(words.matrix_quadrants),
    )
    return {"matrix": svg, "matrix_unplaced": unplaced}

"""Subcommands that report readiness: ``score`` and ``compare``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import Any

from readiness.cli.columns import table
from readiness.cli.common import bundled_catalog, command_store, market_json
from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.domain.rounding import decimals, percent, points, round_half_up
from readiness.domain.verdict_text import explain
from readiness.services.results import load_result


def _result(args: argparse.Namespace) -> tuple[Catalog, AssessmentResult]:
    catalog = bundled_catalog()
    with command_store(args, reading=True) as store:
        return catalog, load_result(store, catalog, args.assessment)


def run_score(args: argparse.Namespace) -> int:
    """Print readiness per market, as JSON or a table."""
    catalog, result = _result(args)
    markets = result.score.markets
    if args.json:
        document = {
            "assessment": args.assessment,
            "markets": {code: market_json(m) for code, m in markets.items()},
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    names = result.market_names(catalog, args.lang)
    print(f"{result.company.name}: {result.assessment.title}")
    zh = args.lang == "zh"
    header = (
        ["市场", "得分", "可信度", "等级", "已作答", "阻碍项"]
        if zh
        else ["MARKET", "SCORE", "CONFIDENCE", "LEVEL", "ANSWERED", "BLOCKERS"]
    )
    rows = [header]
    for code, market in markets.items():
        flag = ("（暂定）" if zh else " (provisional)") if market.provisional else ""
        # A score resting on don't-knows is never shown without its band beside it.
        rows.append(
            [
                names[code],
                decimals(market.overall, 1),
                market.confidence_band.label.get(args.lang),
                market.level.label.get(args.lang),
                percent(market.completeness),
                f"{', '.join(market.blockers) or '-'}{flag}",
            ]
        )
    for line in table(rows, right=(1, 4)):
        print(line)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """Print the markets x dimensions matrix, as JSON or a table."""
    catalog, result = _result(args)
    comparison = result.score.comparison
    names = result.market_names(catalog, args.lang)
    dimensions = list(catalog.dimensions)
    if args.json:
        verdict = verdict_json(result, catalog, names, args.lang)
        document = {
            "assessment": args.assessment,
            "dimensions": dimensions,
            "markets": [
                {
                    "code": m.code,
                    "name": names[m.code],
                    **market_json(m),
                    **_appeal_and_entry(result, m.code),
                }
                for m in comparison.markets
            ],
            "best": comparison.best,
            # Kept for scripts written against earlier versions: the verdict's reason.
            "reason": verdict["reason"] if verdict else None,
            "verdict": verdict,
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    zh = args.lang == "zh"
    markets = comparison.markets
    rows = [[("维度" if zh else "DIMENSION"), *(names[m.code] for m in markets)]]
    for dimension in dimensions:
        scores = (m.dimensions[dimension].score for m in markets)
        rows.append(
            [
                catalog.dimensions[dimension].name.get(args.lang),
                *("-" if score is None else points(score) for score in scores),
            ]
        )
    rows += [
        ["总分" if zh else "OVERALL", *(decimals(m.overall, 1) for m in markets)],
        ["等级" if zh else "LEVEL", *(m.level.label.get(args.lang) for m in markets)],
        [
            "可信度" if zh else "CONFIDENCE",
            *(_band_word(m.confidence_band.value, args.lang) for m in markets),
        ],
        [
            "吸引力" if zh else "ATTRACTIVENESS",
            *(_appeal(result, m.code, args.lang) for m in markets),
        ],
        ["最早进入" if zh else "EARLIEST ENTRY", *(_entry(result, m.code) or "-" for m in markets)],
    ]
    # Columns as wide as their widest cell, by display width: no name is ever cut.
    for line in table(rows, right=range(1, len(markets) + 1)):
        print(line)
    print()
    if result.verdict is not None:
        words = explain(result.verdict, catalog, names, result.attractiveness, args.lang)
        print(words.headline)
        if words.decision:
            print(words.decision)
        if words.facts:
            print(words.facts)
        if words.to_decide:
            print(
                "要做出判断，请回答或解决：" if args.lang == "zh" else "To decide, answer or fix:"
            )
            for line in words.to_decide:
                print(f"  - {line}")
    return 0


def _band_word(band: str, language: str) -> str:
    """A confidence band in one short word for a table cell (high, medium, low)."""
    words = {"high": "高", "medium": "中", "low": "低"} if language == "zh" else {}
    return words.get(band, band)


def _appeal(result: AssessmentResult, code: str, language: str) -> str:
    found = result.attractiveness.get(code)
    if found is None or found.score is None:
        return "无数据" if language == "zh" else "no data"
    return points(found.score)


def _entry(result: AssessmentResult, code: str) -> str | None:
    schedule = result.plan.markets.get(code)
    return schedule.earliest_entry.isoformat() if schedule else None


def _appeal_and_entry(result: AssessmentResult, code: str) -> dict[str, Any]:
    """What ``compare --json`` adds to a market row: attractiveness and earliest entry."""
    found = result.attractiveness.get(code)
    return {
        "attractiveness": None
        if found is None or found.score is None
        else round_half_up(found.score, 1),
        "attractiveness_coverage": None if found is None else round_half_up(found.coverage, 3),
        "earliest_entry": _entry(result, code),
    }


def verdict_json(
    result: AssessmentResult, catalog: Catalog, names: Mapping[str, str], language: str
) -> dict[str, Any] | None:
    """The verdict as plain data, its words from the one place they are made."""
    verdict = result.verdict
    if verdict is None:
        return None
    words = explain(verdict, catalog, names, result.attractiveness, language)
    texts = words.to_decide
    return {
        "recommended": verdict.recommended,
        "runner_up": verdict.runner_up,
        "margin": _rounded(verdict.margin),
        "worst_margin": _rounded(verdict.worst_margin),
        "swing": round_half_up(verdict.swing, 2),
        "decisive": verdict.decisive,
        "undecided": verdict.undecided.value if verdict.undecided else None,
        "reason": words.headline,
        "decision": words.decision,
        "facts": words.facts,
        "to_decide": [
            {
                "item": question.item_id,
                "market": question.market,
                "critical": question.critical,
                "text": text,
            }
            for question, text in zip(verdict.to_decide, texts, strict=False)
        ],
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round_half_up(value, 2)

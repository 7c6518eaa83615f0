"""Subcommands that report readiness: ``score`` and ``compare``."""

from __future__ import annotations

import argparse
import json
import unicodedata
from typing import Any

from readiness.cli.store import _catalog, _db_option, _store
from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.domain.scoring import MarketReadiness
from readiness.services.results import load_result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the scoring subcommands to the command line."""
    db = _db_option()
    score = sub.add_parser("score", parents=[db], help="readiness per market and dimension")
    score.add_argument("--assessment", type=int, required=True)
    score.add_argument("--json", action="store_true", help="as JSON for scripts")
    score.add_argument("--lang", choices=("en", "zh"), default="en")
    score.set_defaults(handler=run_score)

    compare = sub.add_parser("compare", parents=[db], help="markets side by side")
    compare.add_argument("--assessment", type=int, required=True)
    compare.add_argument("--json", action="store_true", help="as JSON for scripts")
    compare.add_argument("--lang", choices=("en", "zh"), default="en")
    compare.set_defaults(handler=run_compare)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to a display width, counting Chinese characters as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    while shown > width:
        shown -= 2 if unicodedata.east_asian_width(text[-1]) in "WF" else 1
        text = text[:-1]
    space = " " * (width - shown)
    return space + text if right else text + space


def _result(args: argparse.Namespace) -> tuple[Catalog, AssessmentResult]:
    catalog = _catalog()
    with _store(args, reading=True) as store:
        return catalog, load_result(store, catalog, args.assessment)


def market_json(market: MarketReadiness) -> dict[str, Any]:
    """One market's scores as plain data."""
    return {
        "overall": round(market.overall, 2),
        "level": market.level.value,
        "dimensions": {
            dimension: None if d.score is None else round(d.score, 2)
            for dimension, d in market.dimensions.items()
        },
        "blockers": list(market.blockers),
        "completeness": round(market.completeness, 4),
        "provisional": market.provisional,
    }


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
    print(f"{'MARKET':22} {'SCORE':>5}  {'LEVEL':12} {'ANSWERED':>8}  BLOCKERS")
    for code, market in markets.items():
        flag = " (provisional)" if market.provisional else ""
        print(
            f"{_pad(names[code], 22)} {market.overall:5.1f}  "
            f"{_pad(market.level.label.get(args.lang), 12)} {market.completeness:8.0%}  "
            f"{', '.join(market.blockers) or '-'}{flag}"
        )
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """Print the markets x dimensions matrix, as JSON or a table."""
    catalog, result = _result(args)
    comparison = result.score.comparison
    names = result.market_names(catalog, args.lang)
    dimensions = list(catalog.dimensions)
    if args.json:
        document = {
            "assessment": args.assessment,
            "dimensions": dimensions,
            "markets": [
                {"code": m.code, "name": names[m.code], **market_json(m)}
                for m in comparison.markets
            ],
            "best": comparison.best,
            "reason": comparison.reason(args.lang, names),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    head = "维度" if args.lang == "zh" else "DIMENSION"
    print(_pad(head, 24) + "".join(_pad(names[m.code], 12, right=True) for m in comparison.markets))
    for dimension in dimensions:
        cells = []
        for market in comparison.markets:
            score = market.dimensions[dimension].score
            cells.append(_pad("-" if score is None else f"{score:.0f}", 12, right=True))
        print(_pad(catalog.dimensions[dimension].name.get(args.lang), 24) + "".join(cells))
    overall = "总分" if args.lang == "zh" else "OVERALL"
    level = "等级" if args.lang == "zh" else "LEVEL"
    print(
        _pad(overall, 24)
        + "".join(_pad(f"{m.overall:.1f}", 12, right=True) for m in comparison.markets)
    )
    print(
        _pad(level, 24)
        + "".join(_pad(m.level.label.get(args.lang), 12, right=True) for m in comparison.markets)
    )
    print()
    print(comparison.reason(args.lang, names))
    return 0

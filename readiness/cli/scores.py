"""Subcommands that report readiness: ``score`` and ``compare``."""

from __future__ import annotations

import argparse
import json

from readiness.cli.arguments import assessment_id
from readiness.cli.common import bundled_catalog, command_store, db_option, market_json, pad
from readiness.content.catalog import Catalog
from readiness.domain.results import AssessmentResult
from readiness.services.results import load_result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the scoring subcommands to the command line."""
    db = db_option()
    score = sub.add_parser("score", parents=[db], help="readiness per market and dimension")
    score.add_argument("--assessment", type=assessment_id, required=True)
    score.add_argument("--json", action="store_true", help="as JSON for scripts")
    score.add_argument("--lang", choices=("en", "zh"), default="en")
    score.set_defaults(handler=run_score)

    compare = sub.add_parser("compare", parents=[db], help="markets side by side")
    compare.add_argument("--assessment", type=assessment_id, required=True)
    compare.add_argument("--json", action="store_true", help="as JSON for scripts")
    compare.add_argument("--lang", choices=("en", "zh"), default="en")
    compare.set_defaults(handler=run_compare)


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
    print(f"{'MARKET':22} {'SCORE':>5}  {'LEVEL':12} {'ANSWERED':>8}  BLOCKERS")
    for code, market in markets.items():
        flag = " (provisional)" if market.provisional else ""
        print(
            f"{pad(names[code], 22)} {market.overall:5.1f}  "
            f"{pad(market.level.label.get(args.lang), 12)} {market.completeness:8.0%}  "
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
    print(pad(head, 24) + "".join(pad(names[m.code], 12, right=True) for m in comparison.markets))
    for dimension in dimensions:
        cells = []
        for market in comparison.markets:
            score = market.dimensions[dimension].score
            cells.append(pad("-" if score is None else f"{score:.0f}", 12, right=True))
        print(pad(catalog.dimensions[dimension].name.get(args.lang), 24) + "".join(cells))
    overall = "总分" if args.lang == "zh" else "OVERALL"
    level = "等级" if args.lang == "zh" else "LEVEL"
    print(
        pad(overall, 24)
        + "".join(pad(f"{m.overall:.1f}", 12, right=True) for m in comparison.markets)
    )
    print(
        pad(level, 24)
        + "".join(pad(m.level.label.get(args.lang), 12, right=True) for m in comparison.markets)
    )
    print()
    print(comparison.reason(args.lang, names))
    return 0

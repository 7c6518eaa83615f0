"""Subcommands about markets and their facts: ``markets``, ``weights`` and ``market-data``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from readiness.cli.arguments import printable
from readiness.cli.columns import table
from readiness.cli.common import (
    CommandError,
    bundled_catalog,
    command_store,
    pad,
    warn,
)
from readiness.content.documents import ContentError
from readiness.content.facts import MarketFact, write_facts
from readiness.domain.attractiveness import (
    DEFAULT_WEIGHTS,
    MIN_COVERAGE,
    Factor,
    MarketAttractiveness,
)
from readiness.domain.results import assessment_weights
from readiness.domain.rounding import percent, points, round_half_up
from readiness.domain.text import check_market_code
from readiness.files import write_text_atomically
from readiness.services.market_data import (
    MarketOverview,
    facts_in_force,
    forget_market_data,
    import_market_data,
    markets_overview,
)

# --- readiness markets -----------------------------------------------------------------


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round_half_up(value, digits)


def fact_json(fact: MarketFact, language: str) -> dict[str, Any]:
    """One fact as plain data: what, value and unit, its source, date and whether imported."""
    return {
        "fact": fact.fact.value,
        "label": fact.definition.label.get(language),
        "qualifier": fact.qualifier,
        "qualifier_zh": fact.qualifier_zh,
        "value": fact.value,
        "unit": fact.unit,
        "source": fact.source.text(),
        "source_title": fact.source.title,
        "source_publisher": fact.source.publisher,
        "source_reference": fact.source.reference,
        "as_of": fact.as_of.isoformat(),
        "imported": fact.imported,
        "note": fact.note,
    }


def no_score_reason(appeal: MarketAttractiveness, language: str) -> str | None:
    """Why a market has no attractiveness score, in words; None when it has one."""
    if appeal.score is not None:
        return None
    zh = language == "zh"
    if not appeal.facts:
        return "暂无市场数据" if zh else "no market facts"
    share, least = percent(appeal.coverage), percent(MIN_COVERAGE)
    return (
        f"市场数据仅覆盖{share}的权重（至少需要{least}）"
        if zh
        else f"facts cover {share} of the weight (at least {least} needed)"
    )


def _market_json(market: MarketOverview, language: str) -> dict[str, Any]:
    appeal = market.attractiveness
    oldest = appeal.oldest
    return {
        "code": market.code,
        "name": {"en": market.name.en, "zh": market.name.zh},
        "regions": list(market.regions),
        "custom": market.custom,
        "attractiveness": _round(appeal.score),
        "no_score_reason": no_score_reason(appeal, language),
        "coverage": round_half_up(appeal.coverage, 3),
        "factors": {
            factor.value: {
                "label": factor.label.get(language),
                "weight": score.weight,
                "score": _round(score.score),
            }
            for factor, score in appeal.factors.items()
        },
        "duties": [
            {
                "product": duty.product.value,
                "duty": duty.duty,
                "mfn": duty.mfn,
                "preference": duty.preference.qualifier if duty.preference else None,
                "trade_defence": duty.trade_defence.qualifier if duty.trade_defence else None,
            }
            for duty in appeal.duties
        ],
        "facts": [fact_json(fact, language) for fact in appeal.facts],
        "gaps": [
            {"factor": factor.value, "label": factor.label.get(language)}
            for factor in appeal.missing
        ],
        "oldest_as_of": oldest.isoformat() if oldest else None,
    }


def run_markets(args: argparse.Namespace) -> int:
    """List every market's attractiveness, as JSON or a table."""
    catalog = bundled_catalog()
    with command_store(args, reading=True) as store:
        overview = markets_overview(store, catalog, args.assessment)
    language = args.lang
    if args.json:
        document = {
            "assessment": overview.assessment_id,
            "weights": {factor.value: weight for factor, weight in overview.weights.items()},
            "products": [product.value for product in overview.products],
            "markets": [_market_json(market, language) for market in overview.markets],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    zh = language == "zh"
    heads = (
        ("代码", "市场", "吸引力", "覆盖", "数据", "最早日期")
        if zh
        else (
            "CODE",
            "MARKET",
            "ATTRACT.",
            "COVERAGE",
            "FACTS",
            "OLDEST AS OF",
        )
    )
    no_data = "无数据" if zh else "no data"
    rows = [list(heads)]
    for market in overview.markets:
        appeal = market.attractiveness
        rows.append(
            [
                market.code,
                market.name.get(language),
                no_data if appeal.score is None else points(appeal.score),
                percent(appeal.coverage),
                str(len(appeal.facts)),
                appeal.oldest.isoformat() if appeal.oldest else "-",
            ]
        )
    # By display width, and no market name cut (a user's own can be long).
    for line in table(rows, right=(2, 3, 4)):
        print(line)
    return 0


# --- readiness weights -----------------------------------------------------------------


def _parse_weights(pairs: list[str]) -> dict[str, float]:
    known = [factor.value for factor in Factor]
    weights: dict[str, float] = {}
    for pair in pairs:
        factor, _, points = pair.partition("=")
        factor = factor.strip().lower()
        if factor not in known:
            raise CommandError(
                f"--set {printable(pair[:40])}: unknown factor; give one of {', '.join(known)}"
            )
        try:
            weights[factor] = float(points)
        except ValueError:
            raise CommandError(
                f"--set {printable(pair[:40])}: give the points as a number, e.g. {factor}=30"
            ) from None
    return weights


def run_weights(args: argparse.Namespace) -> int:
    """Show the assessment's weights, after changing them when asked."""
    writing = bool(args.set) or args.reset
    with command_store(args, reading=not writing) as store:
        header = store.assessment(args.assessment)
        if args.reset:
            header = store.set_attractiveness_weights(args.assessment, None)
        elif args.set:
            current = {f.value: w for f, w in assessment_weights(header).items()}
            current.update(_parse_weights(args.set))
            header = store.set_attractiveness_weights(args.assessment, current)
    weights = assessment_weights(header)
    if args.json:
        document = {
            "assessment": args.assessment,
            "default": not header.attractiveness_weights,
            "weights": {factor.value: weight for factor, weight in weights.items()},
            "defaults": {factor.value: weight for factor, weight in DEFAULT_WEIGHTS.items()},
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    total = sum(weights.values())
    state = "default weights" if not header.attractiveness_weights else "the assessment's weights"
    print(f"assessment {args.assessment}: {state}")
    print(f"{'FACTOR':26} {'WEIGHT':>6} {'SHARE':>6} {'DEFAULT':>8}")
    for factor, weight in weights.items():
        share = weight / total if total else 0.0
        print(
            f"{pad(factor.label.en, 26)} {weight:6g} {percent(share):>6} "
            f"{DEFAULT_WEIGHTS[factor]:8g}"
        )
    return 0


# --- readiness market-data --------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    """Import a facts table; on any bad row print every problem and save nothing."""
    catalog = bundled_catalog()
    with command_store(args) as store:
        try:
            result = import_market_data(store, args.file, catalog=catalog)
        except ContentError as error:
            for problem in error.problems:
                print(printable(str(problem)), file=sys.stderr)
            where = printable(str(args.file))
            print(
                f"readiness: error: {len(error.problems)} problem(s) in {where}; nothing was saved",
                file=sys.stderr,
            )
            return 1
    print(
        f"saved {result.rows} facts for {len(result.markets)} markets "
        f"({', '.join(result.markets) or '-'}); {result.replaced} replaced facts imported before"
    )
    if result.unknown_markets:
        warn(
            f"{', '.join(result.unknown_markets)}: neither a catalog market nor a custom market "
            "of an assessment; the facts were saved and apply once such a market is added"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the facts in force as CSV, to a file or standard output."""
    catalog = bundled_catalog()
    with command_store(args, reading=True) as store:
        facts = [fact for rows in facts_in_force(store, catalog).values() for fact in rows]
    table = write_facts(facts)
    if args.out is None:
        sys.stdout.write(table)
        return 0
    write_text_atomically(args.out, table)
    print(f"wrote {len(facts)} facts to {args.out}")
    return 0


def run_forget(args: argparse.Namespace) -> int:
    """Delete imported facts, of one market or all."""
    market = None
    if args.market:
        try:
            market = check_market_code(args.market.strip().upper())
        except ValueError as error:
            raise CommandError(f"--market: the code {error}") from None
    with command_store(args) as store:
        count = forget_market_data(store, market)
    where = f" of {market}" if market else ""
    print(f"forgot {count} imported facts{where}; the bundled facts apply again")
    return 0

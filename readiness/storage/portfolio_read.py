"""Many assessments read at once for the portfolio: a few queries, not a few per firm.

A platform's portfolio scores every firm's newest assessment of a market. Read
one by one, 5,000 firms cost 5,000 round trips of several queries each; here
the companies, target markets and answers of all the requested assessments are
read in a handful of queries (in batches, within the parameter limits of SQLite
and PostgreSQL), only the columns scoring needs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select as sql_select
from sqlmodel import col, select

from readiness.domain.records import COMPANY_SCOPE, SavedAssessment, SavedCompany, SavedMarket
from readiness.storage.store import Store
from readiness.storage.tables import Answer, Assessment, Company, TargetMarket

BATCH = 900  # ids per query: under SQLite's oldest limit of 999 bound parameters


@dataclass(frozen=True)
class ScoringInput:
    """What an assessment's scores are computed from: profile, markets and answers."""

    company: SavedCompany
    assessment: SavedAssessment
    markets: tuple[SavedMarket, ...]
    answers: tuple[tuple[str, str, str], ...]  # (item id, market code, value)


def read_scoring_inputs(
    store: Store, assessment_ids: Sequence[int], markets: Collection[str] | None = None
) -> dict[int, ScoringInput]:
    """The scoring inputs of these assessments (those that exist), read in a few queries.

    With ``markets``, only the answers of those markets and the company-wide
    ones are read: all that those markets' readiness depends on.
    """
    table = Answer.__table__  # type: ignore[attr-defined]
    scopes = None if markets is None else [*markets, COMPANY_SCOPE]
    ids = list(dict.fromkeys(assessment_ids))
    found: dict[int, ScoringInput] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        # One connection per batch: a colleague's save waits for a batch at most.
        with store.database.reading() as session:
            pairs = session.exec(
                select(Assessment, Company)
                .join(Company, col(Company.id) == col(Assessment.company_id))
                .where(col(Assessment.id).in_(batch))
            ).all()
            targeted: dict[int, list[SavedMarket]] = {}
            for market in session.exec(
                select(TargetMarket)
                .where(col(TargetMarket.assessment_id).in_(batch))
                .order_by(col(TargetMarket.position), col(TargetMarket.id))
            ).all():
                targeted.setdefault(market.assessment_id, []).append(market.saved())
            # Plain rows, not ORM objects: hundreds of thousands of answers are read.
            query = sql_select(
                table.c.assessment_id, table.c.item_id, table.c.market_code, table.c.value
            ).where(table.c.assessment_id.in_(batch))
            if scopes is not None:
                query = query.where(table.c.market_code.in_(scopes))
            answers: dict[int, list[tuple[str, str, str]]] = {}
            for assessment_id, item_id, market_code, value in session.connection().execute(query):
                answers.setdefault(assessment_id, []).append((item_id, market_code, value))
        for assessment, company in pairs:
            key = assessment.id
            assert key is not None
            found[key] = ScoringInput(
                company=company.saved(),
                assessment=assessment.saved(),
                markets=tuple(targeted.get(key, ())),
                answers=tuple(answers.get(key, ())),
            )
    return found

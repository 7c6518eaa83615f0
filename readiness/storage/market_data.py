"""What an assessment's attractiveness is computed from beyond the bundled content:
the user's factor weights, and the market facts the user imported.

Weights belong to one assessment, and changing them bumps its revision so a
colleague with it open sees the new scores. Imported facts belong to the
database: every assessment in it sees them, each replacing the bundled value of
the same (market, fact, qualifier) unless the bundled one is newer. Each write
is one transaction; a refused value saves nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import delete
from sqlmodel import Session, col, select

from readiness.content.facts import MarketFact
from readiness.domain.records import SavedAssessment
from readiness.storage.database import Database, get_row
from readiness.storage.refusals import refuse_bad_facts, refuse_bad_market, refuse_bad_weights
from readiness.storage.tables import Assessment, MarketFactRow, utc_now


class MarketData:
    """Reads and writes of the attractiveness weights and the imported market facts."""

    database: Database

    def set_attractiveness_weights(
        self, assessment_id: int, weights: Mapping[str, float] | None
    ) -> SavedAssessment:
        """Weigh the assessment's attractiveness factors by ``weights`` (factor -> 0 to 100
        points; a factor not named keeps its default), or by the defaults when None.

        Raises:
            RefusedValueError: an unknown factor, a weight outside 0-100 or every
                weight zero; nothing was saved.
        """
        saved = {} if weights is None else refuse_bad_weights(weights)
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            assessment.attractiveness_weights = saved
            # A colleague with it open sees the change; its status is left alone.
            assessment.revision += 1
            assessment.updated_at = utc_now()
            session.add(assessment)
            session.flush()
            header = assessment.saved()
        return header

    def import_facts(self, facts: Sequence[MarketFact]) -> int:
        """Save market facts the user imported, all in one transaction.

        A fact with the (market, fact, qualifier) of one imported before replaces
        it. Returns how many imported facts were replaced (the rest were added).

        Raises:
            RefusedValueError: a fact is invalid or given twice; nothing was saved.
        """
        refuse_bad_facts(facts, dt.date.today())
        replaced = 0
        with self.database.writing() as session:
            existing = {_key(row): row for row in session.exec(select(MarketFactRow)).all()}
            for fact in facts:
                fresh = MarketFactRow.of(fact)
                row = existing.get(fact.key)
                if row is None:
                    session.add(fresh)
                    continue
                replaced += 1
                for name in _VALUE_COLUMNS:
                    setattr(row, name, getattr(fresh, name))
                row.imported_at = fresh.imported_at
                session.add(row)
        return replaced

    def imported_facts(self) -> list[MarketFact]:
        """Every imported fact this version can read, by market, fact and qualifier."""
        with self.database.reading() as session:
            return imported_facts_of(session)

    def forget_imported_facts(self, market: str | None = None) -> int:
        """Delete the imported facts (of one market, or all); how many were deleted.

        The bundled facts apply again where they exist.
        """
        if market is not None:
            market = refuse_bad_market(market)
        table = MarketFactRow.__table__  # type: ignore[attr-defined]
        statement = delete(table)
        if market is not None:
            statement = statement.where(table.c.market == market)
        with self.database.writing() as session:
            result = session.execute(statement)
            count = int(getattr(result, "rowcount", 0) or 0)
        return count


_VALUE_COLUMNS = (
    "value",
    "unit",
    "source_title",
    "source_publisher",
    "source_reference",
    "as_of",
    "note",
)


def _key(row: MarketFactRow) -> tuple[str, str, str]:
    return (row.market, row.fact, row.qualifier)


def imported_facts_of(session: Session) -> list[MarketFact]:
    """The imported facts, read in the session's transaction."""
    rows = session.exec(
        select(MarketFactRow).order_by(
            col(MarketFactRow.market), col(MarketFactRow.fact), col(MarketFactRow.qualifier)
        )
    ).all()
    return [fact for row in rows if (fact := row.saved()) is not None]

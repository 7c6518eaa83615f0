"""What an assessment's plan is totalled in: its budget currency and the user's dated rates.

A rate says how many yuan one EUR or one USD buys, as of the day the user
took it; the plan converts costs at these rates and says which it used. Each
write is one transaction that bumps the assessment's revision, so a colleague
with the assessment open sees the new budget.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from readiness.domain.records import SavedAssessment, SavedRate
from readiness.storage.database import Database, get_row, touch
from readiness.storage.refusals import refuse_bad_currency, refuse_bad_rate
from readiness.storage.tables import Assessment, ExchangeRate, utc_now


class PlanSettings:
    """Reads and writes of an assessment's budget currency and exchange rates."""

    database: Database

    def set_budget_currency(self, assessment_id: int, currency: str) -> SavedAssessment:
        """Total the assessment's budget in ``currency`` (CNY, EUR or USD).

        Raises:
            RefusedValueError: another currency; nothing was saved.
        """
        currency = refuse_bad_currency(currency, "budget currency")
        with self.database.writing() as session:
            assessment = get_row(session, Assessment, assessment_id)
            assessment.budget_currency = currency
            # A colleague with it open sees the change; its status is left alone.
            assessment.revision += 1
            assessment.updated_at = utc_now()
            session.add(assessment)
            session.flush()
            saved = assessment.saved()
        return saved

    def set_rate(self, assessment_id: int, rate: SavedRate) -> SavedRate:
        """Save the rate of one currency for the assessment, replacing the one it had.

        Raises:
            RefusedValueError: not EUR or USD, not above 0, or an implausible date;
                nothing was saved.
        """
        rate = refuse_bad_rate(rate)
        with self.database.writing() as session:
            get_row(session, Assessment, assessment_id)
            row = _rate(session, assessment_id, rate.currency)
            if row is None:
                row = ExchangeRate(
                    assessment_id=assessment_id,
                    currency=rate.currency,
                    cny_per_unit=float(rate.cny_per_unit),
                    as_of=rate.as_of,
                )
            else:
                row.cny_per_unit = float(rate.cny_per_unit)
                row.as_of = rate.as_of
            session.add(row)
            touch(session, assessment_id)
        return row.saved()

    def remove_rate(self, assessment_id: int, currency: str) -> bool:
        """Forget the assessment's rate for ``currency``; whether there was one."""
        with self.database.writing() as session:
            get_row(session, Assessment, assessment_id)
            row = _rate(session, assessment_id, currency)
            if row is None:
                return False
            session.delete(row)
            touch(session, assessment_id)
        return True

    def rates(self, assessment_id: int) -> list[SavedRate]:
        """The assessment's exchange rates, by currency."""
        with self.database.reading() as session:
            get_row(session, Assessment, assessment_id)
            return rates_of(session, assessment_id)


def rates_of(session: Session, assessment_id: int) -> list[SavedRate]:
    """The assessment's exchange rates, read in the session's transaction."""
    rows = session.exec(
        select(ExchangeRate)
        .where(ExchangeRate.assessment_id == assessment_id)
        .order_by(col(ExchangeRate.currency))
    ).all()
    return [row.saved() for row in rows]


def _rate(session: Session, assessment_id: int, currency: str) -> ExchangeRate | None:
    return session.exec(
        select(ExchangeRate).where(
            ExchangeRate.assessment_id == assessment_id, ExchangeRate.currency == currency
        )
    ).first()

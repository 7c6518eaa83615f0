"""The open assessment's plain writes (profile, markets, budget, assignments, milestones),
mixed into :class:`ui.workspace.Workspace`.

Each goes through the workspace's :class:`ui.detail_saves.DetailSaves`: off the UI
thread, in order with the answers, the assessment re-read after it. The
messages are the workspace's own (translation context ``Workspace``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from readiness.domain.records import MarketChoice, SavedRate
from readiness.domain.results import AssessmentResult
from readiness.domain.statuses import AssignmentScope
from readiness.services.plan_settings import change_budget
from readiness.storage.store import Store
from ui.detail_saves import DetailSaves


class DetailWrites:
    """Writes that state no version: the last one saved wins, and colleagues see it."""

    store: Store
    details: DetailSaves
    result: AssessmentResult | None

    def update_company(self, **profile: object) -> None:
        """Save company profile fields (see ``Store.update_company``): text, the
        headcount, export channels, product types and certificates."""
        if self.result is None or self.result.company.id is None:
            return
        company_id = self.result.company.id
        self.details.write(
            lambda _: self.store.update_company(company_id, **profile),
            QCoreApplication.translate("Workspace", "Company profile saved"),
        )

    def add_market(self, market: MarketChoice) -> None:
        """Add a target market to the open assessment."""
        self.details.write(
            lambda aid: self.store.add_market(aid, market),
            QCoreApplication.translate("Workspace", "Market added"),
        )

    def set_planned_entry(self, code: str, when: dt.date | None) -> None:
        """Save a market's planned entry date."""
        self.details.write(
            lambda aid: self.store.set_planned_entry(aid, code, when),
            QCoreApplication.translate("Workspace", "Entry date saved"),
        )

    def set_budget(
        self, currency: str | None, rates: Sequence[SavedRate] = (), remove: Sequence[str] = ()
    ) -> None:
        """Save the budget currency and exchange rates (all checked before any write)."""
        self.details.write(
            lambda aid: change_budget(
                self.store, aid, currency=currency, rates=rates, remove=remove
            ),
            QCoreApplication.translate("Workspace", "Budget currency and rates saved"),
        )

    def set_attractiveness_weights(self, weights: Mapping[str, float] | None) -> None:
        """Save the attractiveness weights of the open assessment (None: the defaults)."""
        self.details.write(
            lambda aid: self.store.set_attractiveness_weights(aid, weights),
            QCoreApplication.translate("Workspace", "Attractiveness weights saved"),
        )

    def assign(self, scope: AssignmentScope, code: str, person: str | None) -> None:
        """Give a dimension or a question to a colleague (an empty name takes it back)."""
        done = (
            QCoreApplication.translate("Workspace", "Assignment saved")
            if person
            else QCoreApplication.translate("Workspace", "Assignment removed")
        )
        self.details.write(lambda aid: self.store.assign(aid, scope, code, person), done)

    def save_milestone(self, name: str) -> None:
        """Snapshot the answers under a name."""
        self.details.write(
            lambda aid: self.store.save_milestone(aid, name),
            QCoreApplication.translate("Workspace", "Milestone saved"),
        )

    def rename_milestone(self, milestone_id: int, name: str) -> None:
        """Give a saved milestone a new name."""
        self.details.write(
            lambda _aid: self.store.rename_milestone(milestone_id, name),
            QCoreApplication.translate("Workspace", "Milestone renamed"),
        )

    def delete_milestone(self, milestone_id: int) -> None:
        """Delete a saved milestone (the answers it kept)."""
        self.details.write(
            lambda _aid: self.store.delete_milestone(milestone_id),
            QCoreApplication.translate("Workspace", "Milestone deleted"),
        )

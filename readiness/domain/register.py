"""The register of member firms: a company as a list shows it."""

from __future__ import annotations

from dataclasses import dataclass

from readiness.domain.records import SavedCompany


@dataclass(frozen=True, slots=True)
class RegisteredCompany:
    """A company of the register and how many assessments it has."""

    company: SavedCompany
    assessments: int

    @property
    def archived(self) -> bool:
        """Whether the firm was archived (out of the default lists and the portfolio)."""
        return self.company.archived_at is not None

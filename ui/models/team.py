"""The team's members as a table: login, display name, role, and the companies they see."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

from readiness.services.team import Member
from ui.models.cells import Index


def role_words(role: str) -> str:
    """A team role in the UI language."""
    words = {
        "admin": QCoreApplication.translate("MembersModel", "Administrator"),
        "consultant": QCoreApplication.translate("MembersModel", "Consultant"),
        "firm": QCoreApplication.translate("MembersModel", "Firm user"),
    }
    return words.get(role, role)


class MembersModel(QAbstractTableModel):
    """One row per member of the team, as the server lists them."""

    COLUMNS = ("login", "name", "role", "companies")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._members: list[Member] = []

    def set_members(self, members: list[Member]) -> None:
        """Show these members (the server's roster as the caller may see it)."""
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member(self, row: int) -> Member:
        """The member shown in ``row``."""
        return self._members[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Login"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("Companies they see"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        member = self._members[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "login":
            return member.login
        if column == "name":
            return member.display_name
        if column == "role":
            return role_words(member.role)
        if member.role == "admin":
            return self.tr("Every company")
        if not member.companies:
            return self.tr("No company")
        return ", ".join(name for _key, name in member.companies)

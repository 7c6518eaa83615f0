"""The note a custom market carries wherever its region profile stands in for its own.

A market the catalog does not list is assessed with the questions of the region
the user picked as nearest: generic, with nothing specific to the country.
Every view that shows such a market's profile says so, naming the region.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.workspace import Workspace


def nearest_region(workspace: Workspace, code: str) -> str | None:
    """The name of the region whose profile a custom market uses (None: a catalog market)."""
    result = workspace.result
    if result is None or code in workspace.catalog.markets:
        return None
    market = next((m for m in result.markets if m.code == code), None)
    if market is None:
        return None
    region = workspace.catalog.regions.get(market.custom_region or "")
    return workspace.name(region.name) if region is not None else "-"


def generic_tag(workspace: Workspace, code: str) -> str | None:
    """ "Generic profile (Europe)" for a custom market, None for a catalog market."""
    region = nearest_region(workspace, code)
    if region is None:
        return None
    return QCoreApplication.translate("CustomMarket", "Generic profile (%1)").replace("%1", region)


def generic_note(workspace: Workspace, code: str) -> str | None:
    """The full note for a custom market, None for a catalog market."""
    region = nearest_region(workspace, code)
    if region is None:
        return None
    return (
        QCoreApplication.translate(
            "CustomMarket",
            "Generic profile: %1 is assessed with the questions of the nearest region, %2, "
            "with nothing specific to the country and no market facts",
        )
        .replace("%1", workspace.market_name(code))
        .replace("%2", region)
    )

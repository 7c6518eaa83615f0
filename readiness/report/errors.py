"""What goes wrong when a report cannot be made."""

from __future__ import annotations


class ReportError(Exception):
    """The report cannot be made; the message says why and what to do."""

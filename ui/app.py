"""Start the desktop app: ``readiness-app`` and ``readiness gui``."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from readiness import APP_ID, APP_NAME, __version__
from ui.main_window import MainWindow

ORGANIZATION = "MarketEntryReadiness"


def create_application(argv: Sequence[str]) -> QApplication:
    """Create (or reuse) the QApplication with the names QSettings relies on."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Open the main window and run the event loop until it closes."""
    args = [sys.argv[0], *(sys.argv[1:] if argv is None else argv)]
    app = create_application(args)
    window = MainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

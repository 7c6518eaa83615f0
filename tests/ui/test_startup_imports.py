"""The first window imports only what it shows: no report, spreadsheet, keyring,
server driver or migration library before the user sees the app.

Each of them costs every start a noticeable part of a second (and memory); they
load when the user first asks for what needs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Not needed to show the window on a database whose schema is current.
NOT_BEFORE_THE_WINDOW = {"weasyprint", "openpyxl", "keyring", "psycopg", "alembic"}

# Starts the app as the desktop entry does and quits once its event loop runs,
# that is once the first window is shown and idle.
START_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from ui import app as entry

made = entry.create_application

def create(argv):
    application = made(argv)
    QTimer.singleShot(0, application.quit)
    return application

entry.create_application = create
sys.exit(entry.main(sys.argv[1:]))
"""


def _loaded_by_the_first_window(tmp_path: Path, db: Path) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", START_AND_QUIT, "--db", str(db), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert {"ui", "PySide6"} <= names, done.stderr[-2000:]
    return names


def test_the_first_window_on_the_sample_imports_nothing_it_does_not_show(tmp_path: Path) -> None:
    db = tmp_path / "sample.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "readiness", "demo", "--db", str(db)],
        check=True,
        capture_output=True,
    )
    loaded = _loaded_by_the_first_window(tmp_path, db)
    assert loaded & NOT_BEFORE_THE_WINDOW == set()

"""The surroundings of the benchmarks that time a whole fresh process.

An installed application runs from compiled bytecode (pip and the bundle
compile it once); a process started with ``PYTHONDONTWRITEBYTECODE`` set would
compile every module from source on every start instead, which no user waits
for. Subject and floor alike run with the bytecode kept in a folder of the
run's own, warmed by one untimed start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

FOLDER = Path(tempfile.mkdtemp(prefix="process-bench-"))
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(FOLDER / "bytecode"),
    "QT_QPA_PLATFORM": "offscreen",
    "XDG_CONFIG_HOME": str(FOLDER / "config"),
    "XDG_CACHE_HOME": str(FOLDER / "cache"),
}


def run(code_or_args: str | list[str]) -> str:
    """Run Python code (a string) or a command line in a fresh process; its standard output."""
    args = [sys.executable, "-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    done = subprocess.run(args, check=True, env=ENV, capture_output=True, text=True)
    return done.stdout

"""Market Entry Readiness: the domain core.

This package holds the content model, scoring, storage and report building.
It never imports Qt, so the command line, the tests and the report renderer
can use it on a machine without a display.
"""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Market Entry Readiness"
APP_ID = "market-entry-readiness"

try:
    __version__ = version(APP_ID)
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["APP_ID", "APP_NAME", "__version__"]

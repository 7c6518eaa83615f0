"""Market Entry Readiness: the domain core.

This package holds the content model, scoring, storage and report building.
It never imports Qt, so the command line, the tests and the report renderer
can use it on a machine without a display.
"""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Market Entry Readiness"
# The product's Chinese name, in the glossary's words (市场进入, 准备度): the one place it
# is written; the report's title in reports/labels.yaml carries it too (a test checks).
APP_NAME_ZH = "市场进入准备度评估"
APP_ID = "market-entry-readiness"


def product_name(language: str) -> str:
    """The product's name in the language the user chose ("zh": Chinese, else English)."""
    return APP_NAME_ZH if language == "zh" else APP_NAME


try:
    __version__ = version(APP_ID)
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["APP_ID", "APP_NAME", "APP_NAME_ZH", "__version__", "product_name"]

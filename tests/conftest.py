"""Test configuration shared by every suite."""

import os

# Every test runs headless; the person running them sets nothing.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

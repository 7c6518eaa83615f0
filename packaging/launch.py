"""Entry point of the frozen app: the same ``main`` as ``readiness-app``."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())

"""How hard the fuzz suites try: a few hundred hostile examples per test in every
run, as many as asked for under ``pytest -m fuzz``.

``pytest -m fuzz`` runs only the suites marked ``fuzz``, with
:data:`FUZZ_EXAMPLES` examples each (or ``READINESS_FUZZ_EXAMPLES`` when set);
the ordinary run keeps each test's own modest count, so it stays fast.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_ENV = "READINESS_FUZZ_EXAMPLES"
FUZZ_EXAMPLES = 20_000


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for a fuzz test: ``examples`` by default, more under ``-m fuzz``."""
    return settings(
        max_examples=int(os.environ.get(FUZZ_ENV) or examples),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )

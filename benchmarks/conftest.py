"""Benchmark reporting: each subject is shown as a ratio against a floor from the same run.

A benchmark marks itself with ``benchmark.extra_info`` keys ``pair`` (a name shared
by a subject and its floor), ``role`` ("floor" or "subject") and, on the subject,
``target`` (the ratio it should stay under). Ratios use medians.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

# Headless for benchmarks that touch Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    session = getattr(terminalreporter.config, "_benchmarksession", None)
    if session is None or not session.benchmarks:
        return
    pairs: dict[str, dict[str, Any]] = {}
    for bench in session.benchmarks:
        info = bench.extra_info
        if "pair" in info and bench.stats is not None:
            pairs.setdefault(info["pair"], {})[info["role"]] = bench
    terminalreporter.section("ratios against the floor measured in this run")
    for bench in session.benchmarks:
        for key in ("longest_answer_ms", "longest_gap_while_rendering_ms"):
            if key in bench.extra_info:
                terminalreporter.write_line(
                    f"{key.replace('_', ' ')}: {bench.extra_info[key]} (target: under 100 ms)"
                )
        if "peak_rss_mib" in bench.extra_info:
            peak, cap = bench.extra_info["peak_rss_mib"], bench.extra_info.get("peak_target_mib")
            aim = (
                ""
                if cap is None
                else f"; target {cap} MiB" + (" (ok)" if peak <= cap else " (OVER TARGET)")
            )
            terminalreporter.write_line(f"{bench.name}: peak resident memory {peak} MiB{aim}")
    for name, pair in sorted(pairs.items()):
        if {"floor", "subject"} - set(pair):
            terminalreporter.write_line(f"{name}: incomplete pair")
            continue
        # Benchmarks of different length are compared per page when they say so.
        floor = pair["floor"].stats.median / pair["floor"].extra_info.get("pages", 1)
        subject = pair["subject"].stats.median / pair["subject"].extra_info.get("pages", 1)
        target = pair["subject"].extra_info.get("target")
        ratio = subject / floor if floor else float("inf")
        verdict = "" if target is None else (" (ok)" if ratio <= target else " (OVER TARGET)")
        aim = "" if target is None else f"; target {target}x"
        terminalreporter.write_line(
            f"{name}: {ratio:.2f}x the floor (median: subject {subject * 1e3:.2f} ms, "
            f"floor {floor * 1e3:.2f} ms{aim}){verdict}"
        )
        p95 = {
            role: (value / bench.extra_info.get("pages", 1) if value is not None else None)
            for role, bench in pair.items()
            for value in [_percentile(bench, 0.95)]
        }
        if all(value is not None for value in p95.values()):
            terminalreporter.write_line(
                f"{name}: p95 subject {p95['subject'] * 1e3:.2f} ms, "  # type: ignore[operator]
                f"floor {p95['floor'] * 1e3:.2f} ms"  # type: ignore[operator]
            )


def _percentile(bench: Any, share: float) -> float | None:
    data = sorted(getattr(bench.stats, "data", []) or [])
    if not data:
        return None
    return float(data[min(len(data) - 1, int(share * len(data)))])


@pytest.fixture
def pair(benchmark: Any) -> Any:
    """Tag the running benchmark as one side of a named pair."""

    def tag(name: str, role: str, target: float | None = None) -> None:
        benchmark.extra_info.update({"pair": name, "role": role})
        if target is not None:
            benchmark.extra_info["target"] = target

    return tag


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh database on the server ``make bench`` starts (skipped without one)."""
    import uuid

    from sqlalchemy import create_engine, text

    server = os.environ.get("READINESS_TEST_PG_URL")
    if not server:
        pytest.skip("no PostgreSQL server configured (set READINESS_TEST_PG_URL or use make bench)")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    name = f"readiness_bench_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    yield admin.url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()

"""Benchmark reporting: each subject is shown as a ratio against a floor from the same run.

A benchmark marks itself with ``benchmark.extra_info`` keys ``pair`` (a name shared
by a subject and its floor), ``role`` ("floor" or "subject") and, on the subject,
``target`` (the ratio it should stay under). Ratios use medians. A benchmark that
measures something else (a peak memory, a ratio it works out itself) records it
with :func:`benchmarks.ratios.record`. The run ends with one table of every
measure, its target, and which are over it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from benchmarks.ratios import RECORDED, record, table

# Headless for benchmarks that touch Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.hookimpl(trylast=True)  # after pytest-benchmark's own tables: the run ends with it
def pytest_terminal_summary(terminalreporter: Any) -> None:
    session = getattr(terminalreporter.config, "_benchmarksession", None)
    if session is not None and session.benchmarks:
        _record_benchmarks(session.benchmarks)
    if not RECORDED:
        return
    terminalreporter.section("every measure against its target (ratios: medians, same run)")
    for line in table(RECORDED):
        terminalreporter.write_line(line)


def _record_benchmarks(benchmarks: list[Any]) -> None:
    """Record the pairs' ratios and the figures benchmarks left in their extra info."""
    pairs: dict[str, dict[str, Any]] = {}
    for bench in benchmarks:
        info = bench.extra_info
        if "pair" in info and bench.stats is not None:
            pairs.setdefault(info["pair"], {})[info["role"]] = bench
        for key in ("longest_answer_ms", "longest_gap_while_rendering_ms"):
            if key in info:
                record(key.removesuffix("_ms").replace("_", " "), info[key], target=100, unit="ms")
        if "peak_rss_mib" in info:
            record(
                f"{bench.name}: peak resident memory",
                info["peak_rss_mib"],
                target=info.get("peak_target_mib"),
                unit="MiB",
            )
    for name, pair in sorted(pairs.items()):
        if {"floor", "subject"} - set(pair):
            continue
        # Benchmarks of different length are compared per page when they say so.
        floor = pair["floor"].stats.median / pair["floor"].extra_info.get("pages", 1)
        subject = pair["subject"].stats.median / pair["subject"].extra_info.get("pages", 1)
        p95 = {role: _percentile(bench, 0.95) for role, bench in pair.items()}
        detail = f"median {subject * 1e3:.2f} ms vs floor {floor * 1e3:.2f} ms"
        if p95["subject"] is not None and p95["floor"] is not None:
            detail += (
                f"; p95 {p95['subject'] / pair['subject'].extra_info.get('pages', 1) * 1e3:.2f}"
                f" vs {p95['floor'] / pair['floor'].extra_info.get('pages', 1) * 1e3:.2f} ms"
            )
        record(
            name,
            subject / floor if floor else float("inf"),
            target=pair["subject"].extra_info.get("target"),
            detail=detail,
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

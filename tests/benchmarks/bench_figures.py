"""Benchmark of the figures and number checks: ``python tests/benchmarks/bench_figures.py [N]``.

Uses the same generated ~15,000-character reports as bench_analysis.py and times, per report,
``extract_figures`` (with subjects) + ``check_arithmetic`` + ``check_damage`` after jieba's warm-up.
Wall-clock and CPU time (the CPU figure is steadier on a shared machine). Two cases: with the per-window token cache cleared before every report (a report never seen before)
and with the cache kept (re-analysing, or reports sharing sentences). Target: ≤ 15 ms median.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analysis import generate_report, source_paragraphs

from reviewer.analysis import subject
from reviewer.analysis.checks.arithmetic import check_arithmetic
from reviewer.analysis.checks.damage import check_damage
from reviewer.analysis.figures import extract_figures


def time_reports(reports: list[str], clear_cache: bool) -> tuple[list[float], list[float], int]:
    wall, cpu = [], []
    figure_count = 0
    for text in reports:
        if clear_cache:
            subject.tokens.cache_clear()
        w0, c0 = time.perf_counter(), time.process_time()
        figures = extract_figures(text, [])
        check_arithmetic(text, figures)
        check_damage(text)
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
        figure_count += len(figures)
    return sorted(wall), sorted(cpu), figure_count


def report(label: str, wall: list[float], cpu: list[float], figure_count: int, count: int) -> None:
    p95 = int(0.95 * (len(wall) - 1))
    print(
        f"{label}: median {statistics.median(wall):.1f} ms, p95 {wall[p95]:.1f} ms per report wall-clock; "
        f"CPU median {statistics.median(cpu):.1f} ms ({figure_count / count:.0f} figures per report)"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(20261125)
    paragraphs = source_paragraphs()
    reports = [generate_report(rng, paragraphs, i) for i in range(count)]
    started = time.perf_counter()
    subject.warm_up()
    print(f"jieba warm-up: {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"reports: {count}, mean length {sum(map(len, reports)) / count:,.0f} characters")
    report("unseen text (token cache cleared)", *time_reports(reports, clear_cache=True), count)
    report("token cache kept", *time_reports(reports, clear_cache=False), count)


if __name__ == "__main__":
    main()

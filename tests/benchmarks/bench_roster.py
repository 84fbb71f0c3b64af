"""Rosters at scale: what the 报送名单 costs the report list, and matching every report to the rosters.

    .venv/bin/python tests/benchmarks/bench_roster.py [--reports 10000] [--units 2000] [--rounds 5]

The workspace holds ``--reports`` report rows (written directly: the list reads only the reports table and
its counts), units of the form XX县YY镇 / XX县某局 spread over five report years, and a roster of ``--units``
units for each of those years (the year's units, and more when ``--units`` exceeds them), written in other spellings (with 人民政府, a space) so that every match goes
through the unit key. Prints the median of ``ws.reports()`` without and with rosters, of
``ws.roster_status(reports)`` and of a roster import of ``--units`` units. Target: the rosters add ≤ 50 % to the
report list at 10,000 reports; the matching ≤ 100 ms.
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reviewer.workspace import RosterUnit, Workspace
from reviewer.workspace.roster import key_of

YEARS = (2019, 2020, 2021, 2022, 2023)
COUNTIES = ["明湖", "青川", "云岭", "白沙", "石门", "长乐", "安平", "永宁", "清河", "丰乐"]
DEPARTMENTS = ["司法局", "公安局", "财政局", "教育局", "民政局", "自然资源局", "生态环境局", "交通运输局"]


def unit(number: int) -> str:
    county = COUNTIES[number % len(COUNTIES)] + "县"
    if number % 3 == 0:
        return county + DEPARTMENTS[number // 3 % len(DEPARTMENTS)] + ("" if number < 240 else f"第{number}分局")
    return f"{county}第{number}镇"


def roster_name(number: int) -> str:
    """The roster's spelling of ``unit(number)``: a space inside, 人民政府 after a town."""
    name = unit(number)
    return name.replace("县", "县 ", 1) if number % 3 == 0 else f"某某市{name}人民政府"


def fill(path: Path, reports: int) -> None:
    """Report rows written straight into a new workspace file (the list reads only these)."""
    Workspace.open(path, backup=False).close()
    with sqlite3.connect(path) as conn:
        for number in range(reports):
            conn.execute(
                "INSERT INTO reports (file_name, sha256, format, size, imported_at, analyzer_version, analyzed_at, "
                "title, unit, level, report_year) VALUES (?, ?, 'txt', 1, '2026-03-01', 'bench', '2026-03-01', ?, ?, "
                "'township', ?)",
                (f"{number}.txt", f"{number:064x}", f"{unit(number)}年度报告", unit(number), YEARS[number % len(YEARS)]))


def median_ms(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        fill(path, args.reports)
        with Workspace.open(path, backup=False) as ws:
            measure(ws, args)


def measure(ws: Workspace, args: argparse.Namespace) -> None:
    bare = median_ms(ws.reports, args.rounds)
    start = time.perf_counter()
    for index, year in enumerate(YEARS):
        numbers = range(index, args.units * len(YEARS) + index, len(YEARS))  # this year's units, and more
        ws.set_roster(year, [RosterUnit(roster_name(n)) for n in numbers])
    imported = (time.perf_counter() - start) * 1000 / len(YEARS)
    key_of.cache_clear()
    start = time.perf_counter()
    reports = ws.reports()
    cold = (time.perf_counter() - start) * 1000
    marked = median_ms(ws.reports, args.rounds)
    matching = median_ms(lambda: ws.roster_status(reports), args.rounds)
    statuses = ws.roster_status(reports)
    reported = sum(status.reported for status in statuses)
    off = sum(len(status.off_roster) for status in statuses)
    print(f"{args.reports} reports, {len(YEARS)} rosters of {args.units} units")
    print(f"report list without rosters: median {bare:.0f} ms")
    print(f"report list with rosters:    median {marked:.0f} ms (first, unit keys not cached: {cold:.0f} ms)"
          f" -> +{(marked / bare - 1) * 100:.0f} %")
    print(f"matching (roster_status):    median {matching:.0f} ms; {reported} roster units reported, "
          f"{off} reports off the rosters")
    print(f"roster import of {args.units} units: {imported:.0f} ms per year")


if __name__ == "__main__":
    main()

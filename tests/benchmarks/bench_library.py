"""The library at 10,000 reports: ``python tests/benchmarks/bench_library.py [--reports 10000]``.

Times, on Qt's offscreen platform with a shown LibraryView: the first fill (单位 in code point order), the
switch to pinyin order (pypinyin's dictionaries loaded in this process for the first time, every unit's key
made, the list sorted again), one report's row refreshed by id (what a decision does), 50 selected reports
removed and brought back (Delete and Ctrl+Z), and the count under the list. Targets: a row refreshed and a
delete of 50 each ≤ 50 ms; the pinyin switch ≤ 1 s (it runs once, after the list's first paint).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SYLLABLES = "安北长重大东丰阜广海衡洪华怀吉建江乐临六龙鹿茂南宁平蒲青庆曲瑞厦山商韶太天通万文西湘新兴阳岳云漳长株资"
SUFFIXES = ("县", "市", "区", "镇", "乡", "街道", "县司法局", "市人民政府")


def summaries(count: int) -> list:
    from reviewer.vocabulary import Level, ReviewStatus
    from reviewer.workspace import ReportSummary

    rng = random.Random(7)
    result = []
    for number in range(1, count + 1):
        unit = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))) + rng.choice(SUFFIXES)
        year = rng.choice((2021, 2022, 2023))
        result.append(ReportSummary(
            id=number, file_name=f"{number:05d}_{unit}.txt", title=f"{unit}{year}年法治政府建设年度报告", unit=unit,
            level=rng.choice(list(Level)), report_year=year, publish_date=f"{year + 1}-03-{rng.randint(1, 28):02d}",
            status=rng.choice(list(ReviewStatus)), verdict=None, open_findings=rng.randint(0, 9),
            pending_items=rng.randint(0, 80), imported_at="2026-12-01T00:00:00"))
    return result


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from reviewer.ui.library_view import LibraryView
    from reviewer.vocabulary import ReviewStatus

    app = QApplication.instance() or QApplication([])
    view = LibraryView()
    view.table.viewport().removeEventFilter(view)  # the pinyin switch is timed on its own below
    view.resize(420, 800)
    view.show()
    reports = summaries(args.reports)

    fill = timed(lambda: view.set_reports(reports))
    app.processEvents()
    pinyin = timed(view.sort_in_pinyin_order)
    app.processEvents()

    refreshes = []
    for number in range(20):
        changed = dataclasses.replace(reports[number * 37], status=ReviewStatus.REVIEWED, pending_items=0)
        refreshes.append(timed(lambda changed=changed: view.update_rows([changed], [])))
    removed = [r.id for r in reports[100:150]]
    delete = timed(lambda: view.update_rows([], removed))
    undo = timed(lambda: view.update_rows(reports[100:150], []))

    print(f"{args.reports:,} reports in the library:")
    print(f"  first fill: {fill * 1000:.0f} ms")
    print(f"  switch to pinyin order (pypinyin loaded, keys made, sorted again): {pinyin * 1000:.0f} ms (target ≤ 1 s)")
    print(f"  one row refreshed by id: median {statistics.median(refreshes) * 1000:.1f} ms, "
          f"worst {max(refreshes) * 1000:.1f} ms (target ≤ 50 ms)")
    print(f"  50 reports removed: {delete * 1000:.1f} ms, brought back: {undo * 1000:.1f} ms (target ≤ 50 ms)")
    print(f"  count under the list: {view.count_label.text()}")
    view.close()


if __name__ == "__main__":
    main()

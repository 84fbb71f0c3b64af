"""Benchmark of the indicators: ``python tests/benchmarks/bench_indicators.py [N]``.

1. Extraction: the indicator step alone (figures, sections and metadata already read) on N (default 300)
   generated 15,000-character reports made of sample paragraphs and the written test passages; median
   and p95 milliseconds per report.
2. The comparison window's model at 1,000 and 10,000 reports (19 indicators, about half the cells filled,
   three years per unit): previous-year changes, model reset and the first paint of the table, median of
   five runs each, under the offscreen platform. Target: ≤ 200 ms at 1,000 reports.

The machine is shared: the load average is printed first, read the figures against it.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reviewer.analysis.indicator_catalogue import catalogue
from reviewer.analysis.indicators import extract_indicators
from reviewer.analysis.model import LoadedDocument
from reviewer.analysis.pipeline import analyze_document
from reviewer.summary.comparison import ComparedReport, previous_reports
from reviewer.workspace.indicator_cells import IndicatorCell
from tests.analysis.indicator_snippets import SNIPPETS
from tests.benchmarks.bench_analysis import generate_report, source_paragraphs

LEVELS = ("乡镇街道", "县区", "地市", "部门")


def bench_extraction(count: int) -> None:
    rng = random.Random(20261201)
    paragraphs = source_paragraphs() + [body for _title, body, _cells in SNIPPETS]
    timings = []
    filled = 0
    for index in range(count):
        text = generate_report(rng, paragraphs, index)
        analysis = analyze_document(LoadedDocument("bench.txt", "txt", "utf-8", text))
        started = time.perf_counter()
        cells = extract_indicators(analysis.text, analysis.figures, analysis.sections, analysis.metadata)
        timings.append((time.perf_counter() - started) * 1000)
        filled += len(cells)
    timings.sort()
    print(f"extraction: {count} reports of ~15,000 characters: median {statistics.median(timings):.2f} ms, "
          f"p95 {timings[int(len(timings) * 0.95) - 1]:.2f} ms per report; {filled / count:.1f} cells per report")


def comparison_rows(count: int) -> list[ComparedReport]:
    rng = random.Random(count)
    codes = [d.code for d in catalogue()]
    rows = []
    for index in range(count):
        cells = {}
        for code in codes:
            if rng.random() < 0.5:
                value = float(rng.randint(1, 2000))
                cells[code] = IndicatorCell(code, f"{int(value)}件", value, "件", False, 100, 105, rng.random() < 0.3)
        rows.append(ComparedReport(index + 1, f"第{index // 3}镇", LEVELS[index % len(LEVELS)], 2020 + index % 3,
                                   cells))
    return rows


def bench_view(count: int) -> None:
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.indicator_window import IndicatorWindow

    app = QApplication.instance() or QApplication([])
    window = IndicatorWindow(lambda: None)
    window.resize(1400, 800)
    window.show()
    app.processEvents()
    timings = []
    for _ in range(5):
        rows = comparison_rows(count)
        started = time.perf_counter()
        previous_reports(rows)
        rows.sort(key=lambda r: (r.unit_key, r.report_year or 0, r.report_id))
        window.model.set_rows(rows)
        window.table.viewport().grab()
        timings.append((time.perf_counter() - started) * 1000)
    window.close()
    print(f"comparison view: {count} reports: model build and first paint median {statistics.median(timings):.0f} ms "
          f"(worst {max(timings):.0f} ms)")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("load average (1, 5, 15 min): " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    bench_extraction(count)
    for reports in (1_000, 10_000):
        bench_view(reports)


if __name__ == "__main__":
    main()

"""Benchmark of the open report's item model: ``python tests/benchmarks/bench_item_model.py``.

A report of about 15,000 characters (the sample reports, else the demo reports, joined; as in bench_ui.py)
is imported; then the side panels' item model is (1) filled for it, as on a report switch, and (2)
refreshed after one decision, as after every review command, counting the rows it reports changed.
Target for the refresh ≤ 20 ms, with one changed row. Offscreen unless DISPLAY is set.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RUNS = 20


def count_rows(model, parent=None) -> int:
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    return sum(1 + count_rows(model, model.index(row, 0, parent)) for row in range(model.rowCount(parent)))


def main() -> None:
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.open_report import OpenReport
    from reviewer.ui.report_items import ReportItemModel
    from reviewer.vocabulary import ItemKind, ItemState
    from reviewer.workspace import Workspace
    from tests.benchmarks.bench_ui import long_report

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-items-") as folder:
        ws = Workspace.open(Path(folder) / "bench.reviewer")
        report_id = ws.import_file(long_report(Path(folder))).report_id
        report = OpenReport.load(ws, report_id)
        model = ReportItemModel()
        fills = []
        for _ in range(RUNS):
            start = time.perf_counter()
            model.set_report(report)
            fills.append(time.perf_counter() - start)
        changed: list[int] = []
        model.dataChanged.connect(lambda *_: changed.append(1))
        ids = [item.id for item in report.items_of(ItemKind.FINDING) or report.items_of(ItemKind.SECTION)]
        refreshes = []
        for number in range(RUNS):
            item = report.item(ids[number % len(ids)])
            state = ItemState.ACCEPTED if item.state == ItemState.PENDING else ItemState.PENDING
            ws.set_item_state(item.id, state)
            report.reload_review_data(ws)
            changed.clear()
            start = time.perf_counter()
            model.refresh()
            refreshes.append(time.perf_counter() - start)
        rows = count_rows(model)
        print(f"report of {len(report.text)} characters, {rows} rows in the item model")
        print(f"fill on a report switch: median {statistics.median(fills) * 1000:.1f} ms, "
              f"worst {max(fills) * 1000:.1f} ms over {RUNS} runs")
        print(f"refresh after one decision: median {statistics.median(refreshes) * 1000:.1f} ms, "
              f"worst {max(refreshes) * 1000:.1f} ms, {len(changed)} row(s) changed on the last (target ≤ 20 ms, 1 row)")
        ws.close()
    del app


if __name__ == "__main__":
    main()

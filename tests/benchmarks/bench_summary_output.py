"""Benchmark of a large 汇总表 made from the window: ``python tests/benchmarks/bench_summary_output.py [N]``.

The demo reports are imported into a temporary workspace; the window's PdfBuilder makes the 汇总表 of
N (default 1000) of them (the demo reports repeated), collected and laid out on its worker thread, while a
10 ms timer ticks on the window's thread. Prints how long the PDF took and the longest gap between ticks
(how long the window could not react). Target: the longest gap ≤ 100 ms however long the PDF takes.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 10


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.pdf_builder import PdfBuilder
    from reviewer.ui.summary_output import batch_summary

    app = QApplication([])
    folder = tempfile.mkdtemp()
    os.environ["REVIEWER_HOME"] = folder
    from reviewer.ui.app import open_worker_workspace
    from reviewer.workspace import Workspace

    path = Path(folder) / "bench.sqlite"
    ws = Workspace.open(path)
    demo = sorted(p for p in (ROOT / "resources" / "demo").iterdir() if p.suffix in (".txt", ".html"))
    ids = [ws.import_file(report).report_id for report in demo]
    summary = batch_summary([ids[i % len(ids)] for i in range(count)], len(ids))

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    builder = PdfBuilder(open_worker_workspace)
    result: dict[str, object] = {}
    started = last[0] = time.perf_counter()
    timer.start()
    builder.start(path, summary.build, lambda pdf: (result.update(pdf=pdf), app.quit()),
                  lambda error: (result.update(error=error), app.quit()))
    app.exec()
    built = time.perf_counter() - started
    if "error" in result:
        raise SystemExit(f"build failed: {result['error']}")
    ws.close()
    shutil.rmtree(folder)
    print(f"{summary.title}: collected and laid out in {built:.2f} s on the worker "
          f"({len(result['pdf']) // 1024} KB); longest gap between {TICK_MS} ms ticks on the window's thread "
          f"{max(gaps) * 1000:.0f} ms ({len(gaps)} ticks)")


if __name__ == "__main__":
    main()

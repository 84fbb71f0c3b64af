"""Benchmark: the window's longest event-loop pause while 200 reports are imported.

``python tests/benchmarks/bench_import_responsiveness.py [--reports N] [--workspace PATH]``. A 20 ms QTimer records each turn
of the event loop during the import; the longest gap between two turns is the longest freeze the user
would feel. Target ≤ 100 ms at any workspace size. Offscreen unless DISPLAY is set.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--workspace", type=Path, default=None,
                        help="start from a copy of this workspace (e.g. one made by bench_scale.py --workspace)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-import-") as folder:
        home = Path(folder)
        os.environ["REVIEWER_HOME"] = str(home)
        if not os.environ.get("DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer

        from reviewer.ui.app import create_application, open_worker_workspace
        from reviewer.ui.main_window import MainWindow
        from reviewer.ui.settings import UiSettings
        from reviewer.workspace import Workspace
        from reviewer.workspace.lock import CLEAN_CLOSE, lock_path
        from tests.ui.many_reports import make_reports

        samples = ROOT.parent / "shared" / "samples"
        reports = home / "reports"
        reports.mkdir()
        make_reports(reports, args.reports, samples if samples.is_dir() else None)
        app = create_application()
        if args.workspace is not None:
            shutil.copyfile(args.workspace, home / "ws.sqlite")
            lock_path(home / "ws.sqlite").write_text(CLEAN_CLOSE)  # a copy of a closed workspace: no deep check
        ws = Workspace.open(home / "ws.sqlite")
        before = len(ws.reports())
        window = MainWindow(ws, UiSettings(home / "window.ini"), open_worker_workspace)
        window.show()
        app.processEvents()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        started = time.perf_counter()
        window.import_paths([str(reports)])
        while window.imports.busy:
            app.processEvents()
            time.sleep(0.002)
        elapsed = time.perf_counter() - started
        timer.stop()
        gaps = sorted(later - earlier for earlier, later in zip(ticks, ticks[1:]))
        print(f"import of {len(ws.reports()) - before} reports through the window into a workspace of {before}: "
              f"{elapsed:.1f} s")
        print(f"event-loop pauses: median {statistics.median(gaps) * 1000:.0f} ms, "
              f"p99 {gaps[int(len(gaps) * 0.99)] * 1000:.0f} ms, longest {gaps[-1] * 1000:.0f} ms "
              f"over {len(gaps)} turns (target longest ≤ 100 ms)")
        window.close()


if __name__ == "__main__":
    main()

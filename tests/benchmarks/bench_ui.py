"""Benchmark of the window: ``python tests/benchmarks/bench_ui.py``.

1. Cold start: a fresh interpreter runs the app's own startup (the CLI entry's imports, Qt, the
   workspace holding the demo reports, the window restored) until the window's first paint event.
   Timed from just before the process is launched. Target ≤ 1.5 s.
2. Switching reports: a report of about 15,000 characters (the sample reports, else the demo reports,
   joined) is imported; then the window switches between it and another report, each switch timed from
   the click to a finished repaint with all highlights. Target ≤ 100 ms.

Uses the X display when DISPLAY is set (run under Xvfb for real fonts), else Qt's offscreen platform.
Everything is written to a temporary REVIEWER_HOME.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COLD_RUNS = 5
SWITCHES = 20
LONG_REPORT_CHARS = 15_000

CHILD = """
import sys, time
started = float(sys.argv[1])
import reviewer.cli  # the entry point's own imports
from PySide6.QtCore import QEvent, QObject
from reviewer.ui.app import create_application, start_window

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time() - started:.4f}", flush=True)
            app.quit()
        return False

app = create_application()
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window = start_window([])
app.exec()
"""


def environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, REVIEWER_HOME=str(home), PYTHONPATH=str(ROOT))
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def prepare_home(home: Path) -> None:
    """A workspace with the demo reports in it, as a returning user has (not the first start)."""
    code = (
        "from reviewer.ui.app import demo_reports\n"
        "from reviewer.paths import default_workspace_path\n"
        "from reviewer.workspace import Workspace\n"
        "with Workspace.open(default_workspace_path()) as ws:\n"
        "    [ws.import_file(p) for p in demo_reports()]\n"
    )
    subprocess.run([sys.executable, "-c", code], env=environment(home), check=True)


def cold_start(home: Path) -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, repr(started)], env=environment(home), capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def report_sources() -> list[Path]:
    """The sample reports next to the checkout, else the demo reports (a different report: more highlights)."""
    return sorted((ROOT.parent / "shared" / "samples").glob("*.txt")) or sorted((ROOT / "resources" / "demo").glob("*.txt"))


def long_report(folder: Path) -> Path:
    sources = report_sources()
    parts, length = [], 0
    while length < LONG_REPORT_CHARS:
        for source in sources:
            text = source.read_text(encoding="utf-8")
            parts.append(text)
            length += len(text)
    path = folder / "长报告.txt"
    path.write_text("\n".join(parts)[: LONG_REPORT_CHARS + 400], encoding="utf-8")  # ~15,000 once cleaned
    return path


def switching(home: Path) -> tuple[int, int, list[float]]:
    os.environ.update(environment(home))
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from reviewer.paths import default_workspace_path
    from reviewer.ui.app import create_application, open_worker_workspace
    from reviewer.ui.main_window import MainWindow
    from reviewer.ui.settings import UiSettings
    from reviewer.workspace import Workspace

    app = create_application()
    ws = Workspace.open(default_workspace_path())
    long_id = ws.import_file(long_report(home)).report_id
    other_id = next(r.id for r in ws.reports() if r.id != long_id)
    window = MainWindow(ws, UiSettings(), open_worker_workspace)
    window.show()
    window.resize(1500, 950)
    app.processEvents()
    table = window.library.table

    def click(report_id: int) -> None:
        row = window.library.proxy.mapFromSource(window.library.model.index(window.library.model.row_of(report_id), 0))
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(row).center())

    times = []
    for number in range(SWITCHES * 2):
        target = long_id if number % 2 == 0 else other_id
        start = time.perf_counter()
        click(target)
        window.repaint()
        app.processEvents()
        elapsed = time.perf_counter() - start
        assert window.report.report_id == target
        if target == long_id:
            times.append(elapsed)
    highlights = sum(1 for item in ws.items(long_id) if item.start is not None and item.end > item.start)
    chars = len(ws.report(long_id).analysis.text)
    window.close()
    return chars, highlights, times


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-ui-") as folder:
        home = Path(folder)
        prepare_home(home)
        cold = [cold_start(home) for _ in range(COLD_RUNS)]
        print(f"cold start to first painted window: median {statistics.median(cold):.2f} s, "
              f"best {min(cold):.2f} s, worst {max(cold):.2f} s over {COLD_RUNS} runs (target ≤ 1.5 s)")
        chars, spans, times = switching(home)
        print(f"switch to a {chars:,}-character report with {spans} highlighted items: "
              f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
              f"over {len(times)} switches (target ≤ 100 ms), joined from {report_sources()[0].parent}")
        print(f"platform: {'X display ' + os.environ['DISPLAY'] if os.environ.get('DISPLAY') else 'offscreen'}")


if __name__ == "__main__":
    main()

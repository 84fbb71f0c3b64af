"""The window starts without the libraries only outputs, imports and text recognition need.

A fresh interpreter runs the app's own start (as ``python -m reviewer`` does) on a workspace with reports,
the last report reopened, and lists what is imported when the window is first painted; jieba's warm-up
starts after that paint.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reviewer.paths import resource_path
from reviewer.ui.settings import KEY_LAST_REPORT, UiSettings

NOT_AT_START = (
    "reportlab",  # PDF summaries (reviewer.summary's builders)
    "PIL",  # through reportlab
    "numpy",  # through sqlite-utils' optional column types; text recognition
    "onnxruntime",  # text recognition
    "cv2",  # text recognition
    "xlsxwriter",  # Excel export
    "docx",  # Word outputs
    "reviewer.analysis.pipeline",  # the analysis rules: only an import or a re-analysis runs them
    "jieba",  # warmed up on a thread once the window is painted
    "reviewer.summary.batch_sheet",
    "reviewer.summary.report_sheet",
)

CHILD = """
import sys
import reviewer.cli
from PySide6.QtCore import QEvent, QObject, QTimer
from reviewer.ui.app import create_application, start_window

NAMES = sys.argv[1].split(",")


def warmed_up():
    if "jieba" in sys.modules:
        print("WARMED yes")
        app.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = [name for name in NAMES if name in sys.modules]
            print("OPEN", window.report is not None and window.report.report_id)
            print("LOADED", ",".join(self.seen))
            poll.start(50)
        return False


app = create_application()
poll = QTimer()
poll.timeout.connect(warmed_up)
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window = start_window([])
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


def test_first_paint_needs_no_output_ocr_or_analysis_library_and_jieba_warms_up_after_it(tmp_path: Path, monkeypatch) -> None:
    from reviewer.paths import default_workspace_path
    from reviewer.workspace import Workspace

    monkeypatch.setenv("REVIEWER_HOME", str(tmp_path))
    with Workspace.open(default_workspace_path()) as ws:
        report_id = ws.import_file(resource_path("demo") / "01_青溪镇2023年度法治政府建设工作报告.txt").report_id
    settings = UiSettings()
    settings.workspace_path = default_workspace_path()
    settings.set_int(KEY_LAST_REPORT, report_id)
    settings.sync()
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"} | {"QT_QPA_PLATFORM": "offscreen"}

    result = subprocess.run([sys.executable, "-c", CHILD, ",".join(NOT_AT_START)], env=env,
                            capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines()
                 if line.startswith(("OPEN", "LOADED", "WARMED")))
    assert lines["OPEN"] == str(report_id)
    assert lines["LOADED"].split(",") == [""]
    assert lines["WARMED"] == "yes", "jieba is loaded after the first paint"

"""Remake docs/screenshots/window-roster.png: ``python tests/benchmarks/make_roster_screenshot.py``.

Runs the real app on a first start (default workspace, demo reports imported) in a temporary REVIEWER_HOME,
gives 2023 a roster of four units (one of them reported under another spelling) and 2022 one that leaves out
明湖县司法局, and takes the 报送名单 dialog over the window, whose library marks 不在名单 and lists the 未报送 units. Needs an X display (see make_screenshots.py).
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.make_screenshots import OUT, WINDOW, ensure_display

ROSTER_2023 = ("慈溪市青溪镇人民政府", "白沙乡", "龙山街道", "明湖县司法局")


def main() -> None:
    server = ensure_display()
    home = tempfile.mkdtemp(prefix="reviewer-screenshots-")
    os.environ["REVIEWER_HOME"] = home
    try:
        take_screenshot()
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if server is not None:
            server.terminate()


def take_screenshot() -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    from reviewer.ui.app import create_application, start_window
    from reviewer.vocabulary import Level
    from reviewer.workspace import RosterUnit

    app = create_application()
    window = start_window([])
    window.move(40, 30)
    window.resize(*WINDOW)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    while window.imports.busy:
        settle(100)
    window.ws.set_roster(2023, [RosterUnit(name, Level.DEPARTMENT if name.endswith("局") else Level.TOWNSHIP)
                                for name in ROSTER_2023])
    window.ws.set_roster(2022, [RosterUnit("明湖县人民政府", Level.COUNTY)])  # 明湖县司法局's 2022 report: 不在名单
    window.refresh_library()
    dialog = window.rosters.show(2023)
    dialog.move(window.x() + 380, window.y() + 140)
    settle(600)
    OUT.mkdir(parents=True, exist_ok=True)
    frame = window.frameGeometry()
    pixmap = QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    pixmap.save(str(OUT / "window-roster.png"))
    print(OUT / "window-roster.png")
    dialog.close()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()

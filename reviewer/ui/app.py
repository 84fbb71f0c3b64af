"""Start the window: Qt in Chinese, the workspace (a default one with demo reports on first start), the
window restored as it was left, files given on the command line imported, jieba warmed up once the window
is painted. When a window is already running on the workspace, the files go to it instead (``single_instance``)."""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reviewer import __version__
from reviewer.paths import default_workspace_path, resource_path
from reviewer.ui.file_dialog_look import watch_file_dialogs
from reviewer.ui.settings import UiSettings
from reviewer.ui.single_instance import LaunchServer, claim_launches, handed_over_message, serve_launches
from reviewer.ui.translations import install_qt_translations

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
DEMO_FOLDER = "demo"
INTERPRETER_SWITCH_S = 0.001
"""How soon a thread running Python hands the interpreter to another that asks for it (Python's default is
5 ms). The window's thread asks for it again after every call into Qt, so while an import thread stores
reports, each turn of the event loop would wait 5 ms many times over: with 1 ms the window stays smooth."""


def create_application() -> QApplication:
    """The QApplication, named, with its icon, and Qt's own texts and file dialogs in Chinese."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reviewer"])
    sys.setswitchinterval(INTERPRETER_SWITCH_S)
    app.setOrganizationName("reviewer")
    app.setApplicationName("reviewer")
    app.setApplicationDisplayName(app.translate("app", "法治政府建设年度报告审阅助手"))
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    install_qt_translations(app)
    watch_file_dialogs(app)
    return app


def app_icon() -> QIcon:
    icon = QIcon()
    for size in APP_ICON_SIZES:
        png = resource_path("icons", f"reviewer-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    return icon


def demo_reports() -> list[Path]:
    from reviewer.analysis.report_files import is_report_file_name

    folder = resource_path(DEMO_FOLDER)
    return sorted(p for p in folder.iterdir() if is_report_file_name(p.name))


def warm_up_analysis_in_background() -> threading.Thread:
    """Load jieba's dictionary on a daemon thread so the first import does not wait for it."""
    from reviewer.analysis.subject import warm_up

    thread = threading.Thread(target=warm_up, name="reviewer-warm-up", daemon=True)
    thread.start()
    return thread


class AfterFirstPaint(QObject):
    """Runs ``callback`` once, right after the first paint of any widget of the application: work started
    earlier would hold the interpreter while the window is being shown."""

    def __init__(self, callback: Callable[[], object]) -> None:
        app = QCoreApplication.instance()
        super().__init__(app)
        self._callback = callback
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QCoreApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def show_a_report(window, *_batch) -> None:
    """After the demo import of a first start: open the first report, so the app is seen working."""
    if window.report is None:
        window.library.select_first()


def open_worker_workspace(path: Path):
    from reviewer.workspace import Workspace

    return Workspace.open(path, lock=False)


def start_window(argv: list[str], settings: UiSettings | None = None, launches: LaunchServer | None = None):
    """Open the workspace and show the window (None when the reviewer chose to quit instead).

    On first start (no workspace chosen or created yet) the default workspace is created in the user's
    data folder and the demo reports are imported into it. Later launches hand their files to the window
    (through ``launches`` when this launch claimed them already).
    """
    from reviewer.ui.workspace_opening import open_workspace_interactively  # the analysis and the workspace

    settings = settings or UiSettings()
    configured = settings.workspace_path
    path = configured or default_workspace_path()
    first_start = configured is None and not path.exists()
    ws = open_workspace_interactively(path)
    if ws is None:
        return None
    settings.workspace_path = ws.path

    from reviewer.ui.main_window import MainWindow

    window = MainWindow(ws, settings, open_worker_workspace)
    window.restore_state()
    window.show()
    serve_launches(window, launches)
    if first_start and ws.path == path:
        window.imports.batchFinished.connect(partial(show_a_report, window))
        window.imports.import_paths(demo_reports())
    if argv:
        window.import_paths([str(Path(arg).resolve()) for arg in argv])
    AfterFirstPaint(warm_up_analysis_in_background)
    return window


def run_app(argv: list[str]) -> int:
    """Run the window; ``argv`` are files or folders to import (e.g. from "open with")."""
    app = create_application()
    settings = UiSettings()
    files = [str(Path(arg).resolve()) for arg in argv]
    launches = claim_launches(settings.workspace_path or default_workspace_path(), files)
    if launches is None:  # handed over before anything heavy is imported: the window is there at once
        print(handed_over_message(len(files)))
        return 0
    from reviewer.ui.crash import install_excepthook  # imports the workspace

    install_excepthook()
    window = start_window(argv, settings, launches)
    if window is None:
        return 0
    return app.exec()

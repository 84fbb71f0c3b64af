from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reviewer.paths import resource_path
from reviewer.ui.app import open_worker_workspace
from reviewer.ui.library_model import ReportIdRole
from reviewer.ui.settings import UiSettings

IMPORT_TIMEOUT_MS = 120_000


@pytest.fixture
def shown_windows(qtbot):
    """``show(window)``: shows a window (kept for qtbot) and returns it; those left open are closed afterwards."""
    windows = []

    def show(window):
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield show
    for window in windows:
        if not window._closed:
            window.close()


@pytest.fixture
def deferred_window(shown_windows, tmp_path):
    """``make(path, backup=True)``: a window on a workspace opened as the app opens it (the deep check left to
    the window); any box still open is closed afterwards."""
    from reviewer.ui.main_window import MainWindow
    from reviewer.workspace import Workspace

    def make(path, backup: bool = True):
        return shown_windows(MainWindow(Workspace.open(path, defer_check=True, backup=backup),
                                        UiSettings(tmp_path / "window.ini"), open_worker_workspace))

    yield make
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QDialog) and box.isVisible():
            box.close()


@pytest.fixture
def demo_files() -> list[Path]:
    folder = resource_path("demo")
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings" / "window.ini"


@pytest.fixture
def workspace_path(tmp_path) -> Path:
    return tmp_path / "ws" / "workspace.sqlite"


@pytest.fixture
def make_window(qtbot, shown_windows, workspace_path, settings_path):
    """Builds windows on the test's workspace and settings file; closes any left open."""
    from reviewer.ui.main_window import MainWindow
    from reviewer.workspace import Workspace

    def make():
        workspace_path.parent.mkdir(parents=True, exist_ok=True)
        window = MainWindow(Workspace.open(workspace_path), UiSettings(settings_path), open_worker_workspace)
        window.restore_state()
        shown_windows(window)
        qtbot.waitExposed(window)
        window.library.sort_in_pinyin_order()  # as after the first paint: no test sees the rows reordered under it
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


def wait_for_imports(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.imports.busy, timeout=IMPORT_TIMEOUT_MS)


def library_index(window, file_name: str):
    """The library table's index (first column) of the report imported from ``file_name``."""
    proxy = window.library.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if window.library.model.report(proxy.mapToSource(index).row()).file_name == file_name:
            return index
    raise AssertionError(f"{file_name} not in the library")


def click_library_row(qtbot, window, file_name: str, modifier=Qt.KeyboardModifier.NoModifier) -> int:
    """Click a report's row in the library (with ``modifier`` held); without a modifier, wait until the
    report is open. Returns its id."""
    table = window.library.table
    index = library_index(window, file_name)
    report_id = index.data(ReportIdRole)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center())
    if modifier == Qt.KeyboardModifier.NoModifier:
        qtbot.waitUntil(lambda: window.report is not None and window.report.report_id == report_id)
    return report_id


def click_table_cell(qtbot, table, row: int, column: int) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def tree_rows(tree) -> list:
    """Every row a side panel's tree shows (depth first), as indexes of its model."""
    model, found = tree.model(), []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index)
            walk(index)

    walk(tree.rootIndex())
    return found


def top_row_count(tree) -> int:
    return tree.model().rowCount(tree.rootIndex())


def click_tree_row(qtbot, tree, index) -> None:
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def dialog_closed(qtbot, window) -> None:
    """After a modal dialog: wait until the window is active again (asynchronous on every platform)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def import_failures_box(qtbot) -> QMessageBox:
    """The import-failures message once it shows."""

    def visible():
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                     and w.objectName() == "importFailuresDialog" and w.isVisible()), None)

    qtbot.waitUntil(lambda: visible() is not None)
    return visible()


def type_chinese(widget, text: str) -> None:
    """Type text the way an input method delivers it (QTest can only type ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def when_dialog_opens(qtbot, handle, timeout_ms: int = 5000) -> None:
    """Run ``handle(dialog)`` on the next modal dialog, once the code under test has opened it."""

    def poll(remaining: int = timeout_ms) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible():
            handle(dialog)
        elif remaining > 0:
            QTimer.singleShot(20, lambda: poll(remaining - 20))

    QTimer.singleShot(0, poll)


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory) -> Path:
    """A workspace file holding the demo reports, made once per session and copied by tests."""
    from reviewer.workspace import Workspace

    folder = tmp_path_factory.mktemp("demo-workspace")
    path = folder / "workspace.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REVIEWER_HOME", str(folder / "home"))
        with Workspace.open(path) as ws:
            for file in sorted(resource_path("demo").iterdir()):
                if file.suffix in (".txt", ".html"):
                    ws.import_file(file)
    return path


@pytest.fixture
def loaded_window(make_window, workspace_path, demo_workspace, demo_files):
    """A window whose workspace holds the demo reports, none open."""
    workspace_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_workspace, workspace_path)
    window = make_window()
    assert window.library.model.rowCount() == len(demo_files)
    return window

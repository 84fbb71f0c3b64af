"""The deep check runs beside the open window: after an unclean shutdown by itself, on 工具→检查工作区 when
asked; the officer can work meanwhile, and damage is shown in a message box when found."""
from __future__ import annotations

import shutil
import sqlite3
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.workspace.lock import CLEAN_CLOSE, lock_path

CHECK_TIMEOUT_MS = 60_000


def problems_box(qtbot) -> QMessageBox:
    def found():
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QMessageBox) and w.objectName() == "workspaceCheckProblems" and w.isVisible()),
                    None)
    qtbot.waitUntil(lambda: found() is not None, timeout=CHECK_TIMEOUT_MS)
    return found()


def test_after_an_unclean_shutdown_the_window_checks_in_the_background_and_shows_damage(
        deferred_window, qtbot, tmp_path, demo_workspace):
    path = tmp_path / "计数有误.sqlite"
    shutil.copyfile(demo_workspace, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE report_counts SET pending_items = pending_items + 5 WHERE report_id = "
                 "(SELECT min(id) FROM reports)")
    conn.commit()
    conn.close()
    lock_path(path).write_text("host/1")  # killed before closing

    window = deferred_window(path)
    assert window.library.model.rowCount() > 0, "the library is there before the check ends"
    assert window.workspace_check.busy or window.ws.deep_check_due
    box = problems_box(qtbot)
    assert "可能已损坏" in box.text()
    assert "不符" in box.informativeText() and "从备份恢复" in box.informativeText()
    box.accept()
    assert window.ws.deep_check_due, "damage found: the next open checks again"


def test_the_tools_menu_checks_a_sound_workspace_on_demand(deferred_window, qtbot, tmp_path, demo_workspace):
    path = tmp_path / "完好.sqlite"
    shutil.copyfile(demo_workspace, path)
    lock_path(path).write_text(CLEAN_CLOSE)
    window = deferred_window(path)
    assert not window.ws.deep_check_due and not window.workspace_check.busy, "closed cleanly: no check by itself"
    tools = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("工具"))
    check = next(a for a in tools.actions() if a.objectName() == "checkWorkspace")
    results = []
    window.workspace_check.finished.connect(
        lambda problems: results.append((problems, threading.current_thread() is threading.main_thread())))
    check.trigger()
    assert window.workspace_check.busy and not check.isEnabled()
    qtbot.waitUntil(lambda: not window.workspace_check.busy, timeout=CHECK_TIMEOUT_MS)
    assert results == [([], True)], "sound, and reported on the window's thread"
    assert "未发现问题" in window.statusBar().currentMessage()


def test_cancelling_the_check_leaves_it_due(deferred_window, qtbot, tmp_path, demo_workspace, monkeypatch):
    import reviewer.workspace.integrity as integrity

    path = tmp_path / "取消.sqlite"
    shutil.copyfile(demo_workspace, path)
    lock_path(path).write_text("host/1")
    started, release = threading.Event(), threading.Event()

    def long_structure_step(conn):
        started.set()
        release.wait(30)
        return []

    monkeypatch.setattr(integrity, "_structure", long_structure_step)
    window = deferred_window(path)
    qtbot.waitUntil(started.is_set, timeout=CHECK_TIMEOUT_MS)
    assert window.workspace_check.busy
    qtbot.mouseClick(window.workspace_check.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not window.workspace_check.busy, timeout=CHECK_TIMEOUT_MS)
    assert window.ws.deep_check_due
    assert "已取消工作区检查" in window.statusBar().currentMessage()

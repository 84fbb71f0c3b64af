"""从备份恢复 in the window: offered by the box that shows damage found by the deep check and in 工具; the
officer picks a backup from the list (newest first), confirms, and the window works in the restored
workspace, with the damaged original kept beside it and the undo history cleared. A failed restore loses
nothing."""
from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reviewer.workspace.backup import AUTO, history_mark, list_backups, take_backup
from reviewer.workspace.lock import lock_path

CHECK_TIMEOUT_MS = 60_000


def visible(kind, name: str):
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.objectName() == name and w.isVisible()), None)


def wait_for(qtbot, kind, name: str):
    qtbot.waitUntil(lambda: visible(kind, name) is not None, timeout=CHECK_TIMEOUT_MS)
    return visible(kind, name)


def click(qtbot, box: QMessageBox, name: str) -> None:
    button = next(b for b in box.buttons() if b.objectName() == name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def active_report_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM reports WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def damaged_with_backups(tmp_path, demo_workspace):
    """A workspace with two backups of all demo reports, then damaged (counts that do not add up, one report
    gone) and left by a killed program, so the window checks it at once."""
    path = tmp_path / "ws" / "受损.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_workspace, path)
    conn = sqlite3.connect(path, isolation_level=None)
    older = take_backup(conn, path, AUTO, history_mark(conn))
    newest = take_backup(conn, path, AUTO, history_mark(conn))
    conn.execute("UPDATE report_counts SET pending_items = pending_items + 5 WHERE report_id = "
                 "(SELECT min(id) FROM reports)")
    conn.execute("UPDATE reports SET deleted_at = '2026-12-01T00:00:00' WHERE id = (SELECT max(id) FROM reports)")
    conn.close()
    lock_path(path).write_text("host/1")  # killed before closing
    return path, newest, older


def test_the_damage_box_restores_the_chosen_backup_and_the_window_works_in_it(
        qtbot, deferred_window, damaged_with_backups, demo_files):
    path, newest, older = damaged_with_backups
    window = deferred_window(path, backup=False)
    assert window.library.model.rowCount() == len(demo_files) - 1
    window.undo_stack.push(_noop_command())
    problems = wait_for(qtbot, QMessageBox, "workspaceCheckProblems")
    assert "从备份恢复" in problems.informativeText()
    click(qtbot, problems, "restoreFromBackupButton")

    chooser = wait_for(qtbot, QDialog, "backupChoice")
    rows = [chooser.list.topLevelItem(i) for i in range(chooser.list.topLevelItemCount())]
    assert [chooser.list.indexOfTopLevelItem(chooser.list.currentItem())] == [0]
    assert len(rows) == 2 and rows[0].text(0) >= rows[1].text(0), "newest first"
    assert all(row.text(1).endswith(("KB", "MB")) and row.text(2) == "自动备份" for row in rows)
    assert chooser.chosen() == newest
    qtbot.mouseClick(chooser.restore_button, Qt.MouseButton.LeftButton)

    confirm = wait_for(qtbot, QMessageBox, "confirmRestore")
    assert newest.name in confirm.text() and ".damaged-" in confirm.informativeText()
    click(qtbot, confirm, "confirmRestoreButton")

    done = wait_for(qtbot, QMessageBox, "workspaceRestored")
    damaged = next(path.parent.glob(path.name + ".damaged-*"))
    assert str(damaged) in done.informativeText() and newest.name in done.text()
    assert window.library.model.rowCount() == len(demo_files), "the backup's rows, the lost report back"
    assert window.ws.path == path and active_report_count(path) == len(demo_files)
    assert active_report_count(damaged) == len(demo_files) - 1, "the damaged original kept as it was"
    assert window.undo_stack.count() == 0
    done.accept()


def test_the_tools_menu_lists_the_backups_and_cancelling_changes_nothing(qtbot, deferred_window, damaged_with_backups):
    path, _newest, older = damaged_with_backups
    window = deferred_window(path, backup=False)
    wait_for(qtbot, QMessageBox, "workspaceCheckProblems").accept()
    tools = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("工具"))
    next(a for a in tools.actions() if a.objectName() == "restoreFromBackup").trigger()
    chooser = wait_for(qtbot, QDialog, "backupChoice")
    chooser.list.setCurrentItem(chooser.list.topLevelItem(1))
    assert chooser.chosen() == older
    chooser.reject()
    assert visible(QMessageBox, "confirmRestore") is None
    assert not list(path.parent.glob(path.name + ".damaged-*")) and window.ws.path == path


def test_a_failed_restore_says_why_and_reopens_the_untouched_workspace(
        qtbot, deferred_window, damaged_with_backups, demo_files, monkeypatch):
    import reviewer.ui.workspace_opening as opening

    path, newest, _older = damaged_with_backups
    window = deferred_window(path, backup=False)
    wait_for(qtbot, QMessageBox, "workspaceCheckProblems").accept()
    newest.write_bytes(b"not a database")  # damaged after it was listed
    shown = []
    monkeypatch.setattr(opening, "_show_failure", lambda parent, message, title=None: shown.append((title, message)))
    window.workspace_restore.restore(path, newest)
    assert shown and shown[0][0] == "无法从备份恢复" and "已损坏" in shown[0][1]
    assert window.library.model.rowCount() == len(demo_files) - 1, "the workspace as it was, reopened"
    assert not list(path.parent.glob(path.name + ".damaged-*"))
    assert visible(QMessageBox, "workspaceRestored") is None


def test_without_backups_the_officer_is_told_where_they_would_be(qtbot, deferred_window, tmp_path, demo_workspace):
    path = tmp_path / "无备份.sqlite"
    shutil.copyfile(demo_workspace, path)
    window = deferred_window(path, backup=False)
    assert list_backups(path) == []
    window.workspace_restore.start()
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() and "没有这个工作区的备份" in w.text()
                                for w in QApplication.topLevelWidgets()), timeout=CHECK_TIMEOUT_MS)
    assert visible(QDialog, "backupChoice") is None


def _noop_command():
    from PySide6.QtGui import QUndoCommand

    return QUndoCommand("无")


"""Importing reports through the window: the open action, a drop, recent files, a bad file."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.ui.conftest import click_library_row, import_failures_box, wait_for_imports


def test_open_action_imports_the_chosen_file_and_opens_it(window, qtbot, monkeypatch, demo_files):
    chosen = demo_files[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(chosen)], ""))
    window.actions.open_files.trigger()
    wait_for_imports(qtbot, window)

    reports = window.ws.reports()
    assert [r.file_name for r in reports] == [chosen.name]
    assert window.library.model.rowCount() == 1
    qtbot.waitUntil(lambda: window.report is not None)
    stored = window.ws.report(reports[0].id)
    assert window.pane.document.toPlainText() == stored.analysis.text
    assert window.settings.recent_files() == [str(chosen)]


def test_dropping_a_folder_imports_every_report_in_it(window, qtbot, demo_files):
    folder = demo_files[0].parent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    wait_for_imports(qtbot, window)

    assert sorted(r.file_name for r in window.ws.reports()) == sorted(p.name for p in demo_files)
    assert window.library.model.rowCount() == len(demo_files)


def test_recent_files_menu_reimports_and_opens_a_report(window, qtbot, monkeypatch, demo_files):
    chosen = demo_files[1]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(chosen)], ""))
    window.actions.open_files.trigger()
    wait_for_imports(qtbot, window)
    entries = [a for a in window.recent_menu.actions() if a.toolTip() == str(chosen)]
    assert len(entries) == 1

    entries[0].trigger()
    wait_for_imports(qtbot, window)
    assert len(window.ws.reports()) == 1
    assert window.report.report_id == window.ws.reports()[0].id


def test_a_file_that_cannot_be_read_gets_an_error_dialog(window, qtbot, tmp_path):
    bad = tmp_path / "损坏的报告.pdf"
    bad.write_bytes(b"this is not a pdf at all")
    window.import_paths([str(bad)])
    wait_for_imports(qtbot, window)

    box = import_failures_box(qtbot)
    assert "损坏的报告.pdf" in box.informativeText()
    assert "未能导入" in box.text()
    assert window.ws.reports() == []
    box.accept()


def test_deleting_a_report_from_the_library_can_be_undone(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, "04_白沙乡2018年度法治政府建设工作情况报告.txt")
    assert window.actions.delete_report in window.library.table.actions()
    window.actions.delete_report.trigger()

    assert report_id not in [r.id for r in window.ws.reports()]
    assert window.library.model.row_of(report_id) is None
    assert window.report is None

    qtbot.keyClick(window.library.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert report_id in [r.id for r in window.ws.reports()]
    assert window.report is not None and window.report.report_id == report_id

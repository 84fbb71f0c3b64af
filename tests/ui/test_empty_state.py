"""The document area while no report is open: says what to do, offers the import commands, and gives way
to the report as soon as one is open."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from tests.ui.conftest import click_library_row, wait_for_imports

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"


def shows_empty_state(window) -> bool:
    return window.pane.centre.currentWidget() is window.pane.empty_state and window.pane.empty_state.isVisible()


def test_an_empty_library_explains_how_to_import(window, qtbot, demo_files):
    empty = window.pane.empty_state
    assert shows_empty_state(window)
    assert not window.pane.legend.isVisible()
    assert empty.title.text() == "报告库中还没有报告"
    assert "Ctrl+O" in empty.hint.text() and "txt、html、docx、pdf" in empty.hint.text()
    buttons = [b.defaultAction() for b in empty.findChildren(QToolButton)]
    assert buttons == [window.actions.open_files, window.actions.open_folder]

    window.import_paths([str(demo_files[0])])
    assert empty.title.text() == "正在导入报告…"
    wait_for_imports(qtbot, window)
    qtbot.waitUntil(lambda: window.report is not None)
    assert not shows_empty_state(window)
    assert window.pane.document.isVisible() and window.pane.legend.isVisible()


def test_with_reports_but_none_open_it_points_at_the_library(loaded_window, qtbot):
    window = loaded_window
    assert shows_empty_state(window)
    assert window.pane.empty_state.title.text() == "请选择一份报告"
    assert "报告库" in window.pane.empty_state.hint.text()

    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    assert not shows_empty_state(window)

    window.actions.delete_report.trigger()
    assert window.report is None
    assert shows_empty_state(window)
    window.undo_action.trigger()
    assert window.report is not None and window.report.report_id == report_id
    assert not shows_empty_state(window)


def test_closing_the_report_returns_to_the_empty_state(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    assert window.actions.close_report.isEnabled()
    qtbot.keyClick(window.pane.document, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)

    assert window.report is None and shows_empty_state(window)
    assert window.windowTitle() == "法治政府建设年度报告审阅助手"
    assert not window.library.table.selectionModel().hasSelection()
    assert not window.actions.accept.isEnabled() and not window.actions.close_report.isEnabled()
    assert click_library_row(qtbot, window, GOOD_REPORT) == report_id
    assert not shows_empty_state(window)

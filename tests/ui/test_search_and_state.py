"""Searching across reports, and the window coming back as it was left."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import click_library_row, type_chinese

FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"


def test_search_across_reports_opens_the_hit(loaded_window, qtbot):
    window = loaded_window
    qtbot.keyClick(window.library.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window._search_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    type_chinese(dialog.query, "调解成功率")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    assert dialog.results.topLevelItemCount() >= 1
    hit = dialog.results.currentItem().data(0, Qt.ItemDataRole.UserRole + 1)
    assert window.report is not None and window.report.report_id == hit.report_id
    assert window.pane.document.textCursor().selectedText() == "调解成功率"
    assert window.report.text[hit.start:hit.end] == "调解成功率"


def test_find_in_the_open_report_selects_each_hit(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    qtbot.keyClick(window.pane.document, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window._search_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    type_chinese(dialog.query, "行政复议")
    dialog.run_search()
    text = window.report.text
    assert dialog.results.topLevelItemCount() == text.count("行政复议")

    last = dialog.results.topLevelItem(dialog.results.topLevelItemCount() - 1)
    dialog.results.itemActivated.emit(last, 0)
    cursor = window.pane.document.textCursor()
    assert window.report.report_id == report_id
    assert cursor.selectionStart() == text.rindex("行政复议")


def test_reopening_restores_report_position_tab_and_layout(loaded_window, make_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    window.pane.tabs.setCurrentWidget(window.pane.checks)
    window.resize(760, 560)
    window.splitter.setSizes([200, 560])
    sizes = window.splitter.sizes()
    size = window.size()
    view = window.pane.document
    view.scroll_to_offset(700)
    position = view.first_visible_offset()
    assert position > 0
    window.close()

    again = make_window()
    assert again.report is not None and again.report.report_id == report_id
    assert again.pane.tabs.currentWidget() is again.pane.checks
    assert again.size() == size
    assert again.splitter.sizes() == sizes
    qtbot.waitUntil(lambda: abs(again.pane.document.first_visible_offset() - position) < 60)
    assert QApplication.activeModalWidget() is None

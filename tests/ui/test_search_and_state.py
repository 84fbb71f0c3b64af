"""Searching across reports, and the window coming back as it was left."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import reviewer.ui.search_dialog as search_dialog
from reviewer.ui.search_dialog import CONTEXT_COLUMN, REPORT_COLUMN, HitRole
from reviewer.workspace.textfold import fold
from tests.ui.conftest import click_library_row, type_chinese

FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
NO_TITLE = "办理行政复议案件12件，行政复议纠错率为15%。\n\n加强行政复议规范化建设。\n"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_search_dialog(qtbot, window):
    qtbot.keyClick(window.library.table, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window._search_dialog is not None and window._search_dialog.isVisible())
    return window._search_dialog


def brute_force(window, term: str) -> list[tuple[int, int, int]]:
    """Every (report, start, end) of ``term``, newest report first, as a plain scan of the stored texts."""
    found = []
    for summary in sorted(window.ws.reports(), key=lambda s: -s.id):
        text = fold(window.ws.report(summary.id).analysis.text)
        start = text.find(term)
        while start >= 0:
            found.append((summary.id, start, start + len(term)))
            start = text.find(term, start + len(term))
    return found


def test_search_across_reports_opens_the_hit(loaded_window, qtbot):
    window = loaded_window
    dialog = open_search_dialog(qtbot, window)
    type_chinese(dialog.query, "调解成功率")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.report is not None)
    hit = dialog.results.currentIndex().data(HitRole)
    assert window.report.report_id == hit.report_id
    assert window.pane.document.textCursor().selectedText() == "调解成功率"
    assert window.report.text[hit.start:hit.end] == "调解成功率"


def test_down_goes_from_the_query_into_the_hits_and_enter_opens_one(loaded_window, qtbot):
    window = loaded_window
    dialog = open_search_dialog(qtbot, window)
    type_chinese(dialog.query, "行政复议")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 1)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.hasFocus() and dialog.results.currentIndex().row() == 1
    hit = dialog.results.currentIndex().data(HitRole)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.report is not None and window.report.report_id == hit.report_id)
    assert window.pane.document.selected_span() == (hit.start, hit.end)


def test_the_window_lists_every_hit_page_by_page_and_says_the_true_total(loaded_window, qtbot, monkeypatch):
    monkeypatch.setattr(search_dialog, "PAGE_SIZE", 3)
    window = loaded_window
    expected = brute_force(window, "行政复议")
    reports = len({report_id for report_id, _, _ in expected})
    assert len(expected) > 2 * 3 and reports > 1
    dialog = open_search_dialog(qtbot, window)
    type_chinese(dialog.query, "行政复议")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("在"))
    assert dialog.status.text().startswith(f"在 {reports} 份报告中找到 {len(expected)} 处")

    dialog.results.setFocus()
    while not dialog.model.complete:
        shown = dialog.model.rowCount()
        qtbot.keyClick(dialog.results, Qt.Key.Key_End)
        qtbot.waitUntil(lambda shown=shown: dialog.model.rowCount() > shown or dialog.model.complete)
    model = dialog.model
    rows = [model.index(row, REPORT_COLUMN).data(HitRole) for row in range(model.rowCount())]
    assert [(hit.report_id, hit.start, hit.end) for hit in rows] == expected
    assert dialog.status.text() == f"在 {reports} 份报告中找到 {len(expected)} 处"
    for row in range(model.rowCount()):
        snippet, (start, end) = model.index(row, CONTEXT_COLUMN).data(search_dialog.SnippetRole)
        assert snippet[start:end] == "行政复议"


def test_a_report_without_a_title_is_named_by_its_file(loaded_window, qtbot):
    window = loaded_window
    report_id = window.ws.import_bytes(NO_TITLE.encode("utf-8"), "无标题的报告.txt").report_id
    assert window.ws.reports([report_id])[0].title is None
    dialog = open_search_dialog(qtbot, window)
    type_chinese(dialog.query, "纠错率")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    model = dialog.model
    titles = {model.index(row, REPORT_COLUMN).data(HitRole).report_id: model.index(row, REPORT_COLUMN).data()
              for row in range(model.rowCount())}
    assert titles[report_id] == "无标题的报告.txt"
    assert all(titles.values())


def test_only_the_latest_query_is_listed(loaded_window, qtbot):
    dialog = open_search_dialog(qtbot, loaded_window)
    dialog.query.setText("法治")
    dialog.run_search()
    dialog.query.setText("复议")
    dialog.run_search()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("在"))
    model = dialog.model
    assert model.rowCount() == len(brute_force(loaded_window, "复议"))
    assert all("复议" in model.index(row, CONTEXT_COLUMN).data() for row in range(model.rowCount()))


def test_nothing_found_is_said(loaded_window, qtbot):
    dialog = open_search_dialog(qtbot, loaded_window)
    type_chinese(dialog.query, "不存在的词语组合")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.status.text() == "没有找到“不存在的词语组合”")
    assert dialog.model.rowCount() == 0


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

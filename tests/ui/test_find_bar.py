"""The find bar over the open report: Ctrl+F, typing, F3 / Shift+F3 / Enter, Esc, driven by real keys."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.highlight import FOUND, FOUND_CURRENT
from tests.ui.conftest import click_library_row, type_chinese

FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def found(view) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(every highlighted match, the current one(s)) as drawn in the document view."""
    matches, current = [], []
    for selection in view.extraSelections():
        colour = selection.format.background().color().name()
        span = (selection.cursor.selectionStart(), selection.cursor.selectionEnd())
        if colour in (FOUND.background, FOUND_CURRENT.background):
            matches.append(span)
        if colour == FOUND_CURRENT.background:
            current.append(span)
    return matches, current


def spans_of(text: str, term: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(term)
    while start >= 0:
        spans.append((start, start + len(term)))
        start = text.find(term, start + len(term))
    return spans


def selected(view) -> tuple[int, int]:
    cursor = view.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def open_flawed_report_and_find(qtbot, window, term: str):
    click_library_row(qtbot, window, FLAWED_REPORT)
    view, bar = window.pane.document, window.pane.find_bar
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.query.hasFocus()
    assert window._search_dialog is None, "Ctrl+F is the find bar, not the cross-report search"
    type_chinese(bar.query, term)
    return view, bar


def test_typing_highlights_every_match_and_f3_walks_them_with_wrap_around(loaded_window, qtbot):
    window = loaded_window
    view, bar = open_flawed_report_and_find(qtbot, window, "行政复议")
    expected = spans_of(window.report.text, "行政复议")
    assert len(expected) >= 3
    n = len(expected)

    assert found(view) == (expected, [expected[0]])
    assert selected(view) == expected[0]
    assert bar.position.text() == f"第 1 / {n} 处"

    qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    assert found(view)[1] == [expected[1]] and selected(view) == expected[1]
    assert bar.position.text() == f"第 2 / {n} 处"
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, SHIFT)
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, SHIFT)
    assert found(view)[1] == [expected[-1]] and selected(view) == expected[-1]
    assert bar.position.text() == f"第 {n} / {n} 处"
    qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    assert selected(view) == expected[0]
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert selected(view) == expected[1] and bar.position.text() == f"第 2 / {n} 处"
    assert found(view)[0] == expected, "all matches stay highlighted"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, SHIFT)
    assert selected(view) == expected[0] and bar.position.text() == f"第 1 / {n} 处"

    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert found(view) == ([], [])
    assert view.extraSelections(), "the review highlights stay"
    assert view.hasFocus()


def test_f3_works_from_the_text_and_steps_from_where_the_reviewer_clicked(loaded_window, qtbot):
    window = loaded_window
    view, bar = open_flawed_report_and_find(qtbot, window, "行政复议")
    expected = spans_of(window.report.text, "行政复议")
    view.setFocus()
    caret = view.textCursor()
    caret.setPosition(expected[2][0] - 1)
    view.setTextCursor(caret)
    qtbot.keyClick(view, Qt.Key.Key_F3)
    assert selected(view) == expected[2]
    qtbot.keyClick(view, Qt.Key.Key_F3, SHIFT)
    assert selected(view) == expected[1]


def test_narrowing_the_query_keeps_the_place_and_nothing_found_is_said(loaded_window, qtbot):
    window = loaded_window
    view, bar = open_flawed_report_and_find(qtbot, window, "复议")
    text = window.report.text
    qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    second = spans_of(text, "复议")[1]
    bar.query.clear()
    type_chinese(bar.query, "行政复议")
    assert selected(view)[0] >= second[0] - 2
    bar.query.clear()
    type_chinese(bar.query, "不存在的词语组合")
    assert found(view) == ([], []) and bar.position.text() == "没有找到"


def test_ctrl_f_searches_for_the_selected_words_and_another_report_is_searched_again(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    view, bar = window.pane.document, window.pane.find_bar
    text = window.report.text
    start = text.index("法治")
    view.select_span(start, start + 2)
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    assert bar.query.text() == "法治"
    assert found(view)[0] == spans_of(text, "法治")

    other = next(s for s in window.ws.reports() if s.id != report_id and "法治" in window.ws.report(s.id).analysis.text)
    window.open_report(other.id)
    qtbot.waitUntil(lambda: window.report.report_id == other.id)
    assert bar.isVisible()
    assert found(view)[0] == spans_of(window.report.text, "法治")


def test_the_cross_report_search_keeps_ctrl_shift_f(loaded_window, qtbot):
    window = loaded_window
    click_library_row(qtbot, window, FLAWED_REPORT)
    qtbot.keyClick(window.pane.document, Qt.Key.Key_F, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window._search_dialog is not None and window._search_dialog.isVisible())
    assert not window.pane.find_bar.isVisible()
    keys = {action.text(): action.shortcut().toString() for action in
            (window.actions.find_in_report, window.actions.find_next, window.actions.find_previous,
             window.actions.search_all)}
    assert list(keys.values()) == ["Ctrl+F", "F3", "Shift+F3", "Ctrl+Shift+F"]
    qtbot.keyClick(window._search_dialog.query, Qt.Key.Key_Escape)  # a plain key: QTest leaves Shift held after
    assert not window._search_dialog.isVisible()                     # a shortcut that switched windows

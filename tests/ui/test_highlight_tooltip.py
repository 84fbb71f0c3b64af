"""Hovering a highlight in the text shows what it is, its value and its state, as plain text."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from reviewer.ui.highlight_tooltip import annotation_tooltip_lines, as_plain_tooltip
from tests.ui.conftest import click_library_row

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"


def hover(window, offset: int) -> str:
    view = window.pane.document
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    point = QPoint(rect.left() - 2, rect.center().y())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    return QToolTip.text()


def test_hovering_a_figure_shows_kind_value_and_state(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    figure = next(f for f in window.ws.items(report_id, "figure") if f.machine.text == "27项")
    text = hover(window, figure.start)
    assert "数据：27项" in text
    assert "状态：待审" in text


def test_hovering_a_heading_says_unchecked(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    heading = window.ws.items(report_id, "section")[0]
    text = hover(window, heading.start + 2)
    assert "标题：" in text and heading.machine.title in text
    assert "状态：未核对" in text


def test_comment_markup_is_shown_literally():
    class Note:
        tag = "highlight"
        comment = "<b>经验</b> & 借鉴"

    tooltip = as_plain_tooltip(annotation_tooltip_lines(Note()))
    assert "&lt;b&gt;经验&lt;/b&gt; &amp; 借鉴" in tooltip
    assert "<b>" not in tooltip


def test_right_click_on_a_figure_offers_its_actions(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    window.pane.select_target(None)
    figure = next(f for f in window.ws.items(report_id, "figure") if f.machine.text == "27项")
    view = window.pane.document
    cursor = QTextCursor(view.document())
    cursor.setPosition(figure.start + 1)
    view.setTextCursor(cursor)
    rect = view.cursorRect(cursor)
    point = QPoint(rect.left() - 2, rect.center().y())
    seen: list[list[str]] = []

    def choose_accept() -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, choose_accept)
            return
        seen.append([a.text() for a in menu.actions() if a.isEnabled()])
        accept = next(a for a in menu.actions() if a.text() == "确认")
        menu.close()
        accept.trigger()

    QTimer.singleShot(0, choose_accept)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                                                              view.viewport().mapToGlobal(point)))
    qtbot.waitUntil(lambda: window.ws.item(figure.id).state == "accepted")
    assert seen and seen[0][:3] == ["确认", "否决", "更正…"]

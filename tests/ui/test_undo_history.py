"""The review history driven by keys: remarks and annotation comments are undo steps (one per editing session,
not per keystroke); undo and redo select what they changed, scroll the text to it and open its report; Ctrl+Z
and Ctrl+Shift+Z mean the review history unless a focused text field has typing of its own to undo or redo."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QToolBar

from reviewer.ui.open_report import Target
from reviewer.ui.review_commands import SetRemarksCommand
from tests.ui.conftest import click_library_row, click_table_cell, dialog_closed, type_chinese, when_dialog_opens

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def undo_key(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)


def redo_key(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL | SHIFT)


def figures_in_text_order(window, report_id):
    return sorted(window.ws.items(report_id, kind="figure"), key=lambda item: item.start)


def accept_figure(qtbot, window, figure) -> None:
    """Select the figure's row in the 数据 table and accept it with Ctrl+Return."""
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    table = window.pane.figures.table
    click_table_cell(qtbot, table, table.item_model.row_of(figure.id), 0)
    qtbot.keyClick(table, Qt.Key.Key_Return, CTRL)
    assert window.ws.item(figure.id).state == "accepted"


def span_is_on_screen(view, start: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)  # the demo reports' text has no characters beyond the BMP
    return QRect(view.viewport().rect()).contains(view.cursorRect(cursor).center())


def commit_remarks(qtbot, window, report_id: int, text: str) -> None:
    """Type ``text`` at the end of the remarks and leave the box (which commits them)."""
    remarks = window.pane.review_form.remarks
    remarks.setFocus()
    remarks.moveCursor(QTextCursor.MoveOperation.End)
    expected = remarks.toPlainText() + text
    type_chinese(remarks, text)
    window.pane.document.setFocus()
    qtbot.waitUntil(lambda: window.ws.review(report_id).remarks == expected, timeout=3000)


def test_remarks_are_undone_one_editing_session_at_a_time(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    remarks = window.pane.review_form.remarks

    commit_remarks(qtbot, window, report_id, "请补充存在的不足。")
    # one session with a pause in the middle: two commits (the pause saves), one undo step
    remarks.setFocus()
    remarks.moveCursor(QTextCursor.MoveOperation.End)
    type_chinese(remarks, "数据")
    qtbot.waitUntil(lambda: window.ws.review(report_id).remarks == "请补充存在的不足。数据", timeout=3000)
    type_chinese(remarks, "需核实。")
    window.pane.document.setFocus()
    qtbot.waitUntil(lambda: window.ws.review(report_id).remarks == "请补充存在的不足。数据需核实。", timeout=3000)
    assert window.undo_action.text() == "撤销 修改审阅意见"
    assert sum(isinstance(window.undo_stack.command(i), SetRemarksCommand)
               for i in range(window.undo_stack.count())) == 2

    undo_key(qtbot, window.pane.document)
    assert window.ws.review(report_id).remarks == "请补充存在的不足。"
    assert remarks.toPlainText() == "请补充存在的不足。"
    undo_key(qtbot, window.pane.document)
    assert window.ws.review(report_id).remarks == ""
    assert remarks.toPlainText() == ""

    redo_key(qtbot, window.pane.document)
    redo_key(qtbot, window.pane.document)
    assert window.ws.review(report_id).remarks == "请补充存在的不足。数据需核实。"
    assert remarks.toPlainText() == "请补充存在的不足。数据需核实。"
    assert [entry.action for entry in window.ws.history(report_id, limit=2)] == ["redo", "redo"]


def test_undo_selects_the_changed_figure_and_scrolls_the_text_to_it(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    first, *_, last = figures_in_text_order(window, report_id)
    accept_figure(qtbot, window, last)
    window.pane.tabs.setCurrentWidget(window.pane.outline)  # another tab, the text at the top
    window.pane.select_target(Target("item", first.id))
    assert not span_is_on_screen(window.pane.document, last.start)

    undo_key(qtbot, window.pane.document)

    assert window.ws.item(last.id).state == "pending"
    assert window.pane.current == Target("item", last.id)
    assert window.pane.tabs.currentWidget() is window.pane.figures
    table = window.pane.figures.table
    assert table.currentIndex().row() == table.item_model.row_of(last.id)
    cursor = window.pane.document.textCursor()
    assert cursor.selectedText() == window.report.text[last.start:last.end]
    assert span_is_on_screen(window.pane.document, last.start)
    assert "已撤销：确认" in window.statusBar().currentMessage()

    window.pane.select_target(Target("item", first.id))
    redo_key(qtbot, window.pane.document)
    assert window.ws.item(last.id).state == "accepted"
    assert window.pane.current == Target("item", last.id)
    assert span_is_on_screen(window.pane.document, last.start)


def test_undo_opens_the_report_the_change_belongs_to(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    figure = figures_in_text_order(window, report_id)[-1]
    accept_figure(qtbot, window, figure)
    other = click_library_row(qtbot, window, FLAWED_REPORT)
    assert window.report.report_id == other

    undo_key(qtbot, window.library.table)

    assert window.report.report_id == report_id
    assert window.ws.item(figure.id).state == "pending"
    assert window.pane.current == Target("item", figure.id)
    assert window.pane.document.textCursor().selectedText() == window.report.text[figure.start:figure.end]
    assert window.library.selected_report_ids() == [report_id]


def test_an_edited_annotation_comment_is_one_undo_step_that_selects_the_annotation(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    text = window.report.text
    start = text.index("集体讨论决定")
    note = window.ws.add_annotation(report_id, start, start + 6, "程序表述需核实")
    window.session.report_changed(report_id)
    window.pane.select_target(Target("annotation", note.id))
    tree = window.pane.annotations.tree

    def change(dialog):
        dialog.comment.selectAll()
        type_chinese(dialog.comment, "已核实，表述准确")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, change)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    dialog_closed(qtbot, window)
    assert window.ws.annotation(note.id).comment == "已核实，表述准确"
    window.pane.select_target(None)

    undo_key(qtbot, window.pane.document)

    assert window.ws.annotation(note.id).comment == "程序表述需核实"
    assert window.pane.current == Target("annotation", note.id)
    assert window.pane.tabs.currentWidget() is window.pane.annotations
    assert window.pane.document.textCursor().selectedText() == "集体讨论决定"
    redo_key(qtbot, window.pane.document)
    assert window.ws.annotation(note.id).comment == "已核实，表述准确"


def test_ctrl_z_in_the_library_filter_undoes_the_review_unless_the_filter_has_typing_to_undo(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    figure = figures_in_text_order(window, report_id)[0]
    accept_figure(qtbot, window, figure)
    accept_figure(qtbot, window, figures_in_text_order(window, report_id)[1])
    second = figures_in_text_order(window, report_id)[1]
    search = window.library.filter_edit

    undo_key(qtbot, search)  # nothing typed in the filter: the review history
    assert window.ws.item(second.id).state == "pending"
    assert window.ws.item(figure.id).state == "accepted"

    search.setFocus()
    qtbot.keyClicks(search, "abc")
    assert search.text() == "abc"
    while search.isUndoAvailable():  # the filter's own typing first, the decisions untouched
        undo_key(qtbot, search)
        assert window.ws.item(figure.id).state == "accepted"
    assert search.text() == ""
    redo_key(qtbot, search)  # the filter's own redo while it has one
    assert search.text() != ""
    assert window.ws.item(second.id).state == "pending"
    search.setText("")  # set by the program: nothing left to undo or redo in the field

    undo_key(qtbot, search)
    assert window.ws.item(figure.id).state == "pending"
    redo_key(qtbot, search)
    assert window.ws.item(figure.id).state == "accepted"
    assert search.hasFocus()


def _first_figure_accepted(qtbot, window):
    """The good report open with its first figure accepted: (its id, the figure, the remarks box)."""
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    figure = figures_in_text_order(window, report_id)[0]
    accept_figure(qtbot, window, figure)
    return report_id, figure, window.pane.review_form.remarks


def test_ctrl_z_in_the_remarks_undoes_their_typing_first_then_the_review(loaded_window, qtbot):
    window = loaded_window
    report_id, figure, remarks = _first_figure_accepted(qtbot, window)

    remarks.setFocus()
    type_chinese(remarks, "结构完整")
    assert remarks.document().isUndoAvailable()
    undo_key(qtbot, remarks)  # the box's own typing
    assert remarks.toPlainText() == ""
    assert window.ws.item(figure.id).state == "accepted"
    redo_key(qtbot, remarks)
    assert remarks.toPlainText() == "结构完整"
    undo_key(qtbot, remarks)
    assert not remarks.document().isUndoAvailable()

    undo_key(qtbot, remarks)  # nothing left to undo in the box: the review history
    assert window.ws.item(figure.id).state == "pending"
    assert window.ws.review(report_id).remarks == ""
    redo_key(qtbot, window.pane.document)
    assert window.ws.item(figure.id).state == "accepted"


def test_remarks_typed_and_taken_back_in_one_session_leave_no_undo_step(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    remarks = window.pane.review_form.remarks
    steps = window.undo_stack.count()

    remarks.setFocus()
    type_chinese(remarks, "待定")
    qtbot.waitUntil(lambda: window.ws.review(report_id).remarks == "待定", timeout=3000)  # saved on the pause
    remarks.clear()
    window.pane.document.setFocus()
    qtbot.waitUntil(lambda: window.ws.review(report_id).remarks == "", timeout=3000)

    assert window.undo_stack.count() == steps


def test_the_undo_button_commits_remarks_still_being_typed_and_undoes_them(loaded_window, qtbot):
    window = loaded_window
    report_id, figure, remarks = _first_figure_accepted(qtbot, window)
    remarks.setFocus()
    type_chinese(remarks, "请核对数据")
    button = window.findChild(QToolBar, "mainToolBar").widgetForAction(window.undo_action)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # before the pause would have saved them

    assert window.ws.review(report_id).remarks == ""
    assert remarks.toPlainText() == ""
    assert window.ws.item(figure.id).state == "accepted"
    assert window.redo_action.text() == "重做 修改审阅意见"
    window.redo_action.trigger()
    assert window.ws.review(report_id).remarks == "请核对数据"


def test_clicking_another_report_while_typing_remarks_commits_them_to_the_report_they_belong_to(loaded_window, qtbot):
    window = loaded_window
    first = click_library_row(qtbot, window, GOOD_REPORT)
    remarks = window.pane.review_form.remarks
    remarks.setFocus()
    type_chinese(remarks, "结构完整，数据准确")

    second = click_library_row(qtbot, window, FLAWED_REPORT)  # a real click: the box loses the focus

    assert window.report.report_id == second
    assert window.ws.review(first).remarks == "结构完整，数据准确"
    assert window.ws.review(second).remarks == ""
    assert remarks.toPlainText() == ""
    undo_key(qtbot, window.library.table)
    assert window.report.report_id == first
    assert window.ws.review(first).remarks == ""

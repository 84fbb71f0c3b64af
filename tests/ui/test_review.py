"""Reviewing a report through the window: selecting, correcting, adding, annotating, undoing,
moving between pending items by keyboard, the review form."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from reviewer.vocabulary import AnnotationTag, ReviewStatus, Verdict
from tests.ui.conftest import (
    click_library_row,
    click_table_cell,
    click_tree_row,
    dialog_closed,
    top_row_count,
    tree_rows,
    type_chinese,
    when_dialog_opens,
)

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
VALUE_COLUMN = 1


@pytest.fixture
def good_report(loaded_window, qtbot):
    report_id = click_library_row(qtbot, loaded_window, GOOD_REPORT)
    return loaded_window, report_id


def figures_of(window, report_id):
    return sorted(window.ws.items(report_id, kind="figure"), key=lambda item: item.start)


def select_text(window, start: int, end: int) -> None:
    view = window.pane.document
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()


def test_selecting_a_figure_in_the_table_selects_its_text(good_report, qtbot):
    window, report_id = good_report
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    figure = figures_of(window, report_id)[3]
    row = window.pane.figures.table.item_model.row_of(figure.id)

    click_table_cell(qtbot, window.pane.figures.table, row, 0)

    cursor = window.pane.document.textCursor()
    assert cursor.selectedText() == figure.machine.text
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (figure.start, figure.end)


def test_clicking_highlighted_text_selects_its_item(good_report, qtbot):
    window, report_id = good_report
    figure = figures_of(window, report_id)[5]
    view = window.pane.document
    view.center_on(figure.start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(figure.start + 1)
    point = view.cursorRect(cursor).center()

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    assert window.pane.tabs.currentWidget() is window.pane.figures
    table = window.pane.figures.table
    assert table.currentIndex().row() == table.item_model.row_of(figure.id)
    assert view.textCursor().selectedText() == figure.machine.text


def test_correcting_a_value_in_the_table_stores_it(good_report, qtbot):
    window, report_id = good_report
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    table = window.pane.figures.table
    figure = figures_of(window, report_id)[0]
    row = table.item_model.row_of(figure.id)
    click_table_cell(qtbot, table, row, VALUE_COLUMN)

    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    assert editor is not None
    original = editor.text()
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    assert editor.text() == original  # letters cannot be typed into a value
    editor.selectAll()
    qtbot.keyClicks(editor, "123.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: window.ws.item(figure.id).state == "corrected")
    stored = window.ws.item(figure.id)
    assert stored.corrected.value == 123.5
    assert stored.corrected.unit == figure.machine.unit
    assert table.item_model.index(row, VALUE_COLUMN).data() == "123.5"


def test_accept_undo_redo_by_keyboard(good_report, qtbot):
    window, report_id = good_report
    figure = figures_of(window, report_id)[0]
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    click_table_cell(qtbot, window.pane.figures.table, window.pane.figures.table.item_model.row_of(figure.id), 0)

    qtbot.keyClick(window.pane.figures.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.ws.item(figure.id).state == "accepted"

    qtbot.keyClick(window.pane.document, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ws.item(figure.id).state == "pending"

    qtbot.keyClick(window.pane.document, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.ws.item(figure.id).state == "accepted"
    qtbot.keyClick(window.pane.document, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.pane.document, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.ws.item(figure.id).state == "accepted"


def test_next_and_previous_pending_item_by_keyboard(good_report, qtbot):
    window, report_id = good_report
    pending = sorted(
        (i for i in window.ws.items(report_id) if i.state == "pending" and i.kind in ("figure", "finding")),
        key=lambda i: (i.start, i.end, i.id),
    )
    view = window.pane.document
    view.setFocus()

    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert window.pane.current.id == pending[0].id
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert window.pane.current.id == pending[1].id
    assert view.textCursor().selectionStart() == pending[1].start
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.pane.current.id == pending[0].id

    qtbot.keyClick(view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert window.ws.item(pending[0].id).state == "rejected"
    assert window.pane.current.id == pending[1].id  # moved on to the next pending item


def test_adding_an_annotation_from_selected_text(good_report, qtbot):
    window, report_id = good_report
    text = window.report.text
    start = text.index("集体讨论决定")
    select_text(window, start, start + 6)

    def fill(dialog):
        type_chinese(dialog.comment, "程序表述需核实")
        dialog.tag.setCurrentIndex(dialog.tag.findData(AnnotationTag.TO_VERIFY))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window.pane.document, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog_closed(qtbot, window)

    notes = window.ws.annotations(report_id)
    assert [(n.start, n.end, n.quote, n.comment, n.tag) for n in notes] == [
        (start, start + 6, "集体讨论决定", "程序表述需核实", AnnotationTag.TO_VERIFY)
    ]
    assert window.pane.tabs.currentWidget() is window.pane.annotations
    assert top_row_count(window.pane.annotations.tree) == 1

    qtbot.keyClick(window.pane.document, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ws.annotations(report_id) == []
    assert top_row_count(window.pane.annotations.tree) == 0


def test_adding_a_figure_from_selected_text(good_report, qtbot):
    window, report_id = good_report
    text = window.report.text
    start = text.index("三重一大")
    select_text(window, start, start + 4)
    before = len(figures_of(window, report_id))

    def fill(dialog):
        dialog.value.setText("3")
        dialog.unit.setText("项")
        dialog.subject.setText("重大决策制度")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(window.pane.document, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog_closed(qtbot, window)

    added = [f for f in figures_of(window, report_id) if f.origin == "manual"]
    assert len(figures_of(window, report_id)) == before + 1
    assert (added[0].start, added[0].end, added[0].effective.value, added[0].effective.unit) == (
        start, start + 4, 3, "项")
    assert window.pane.figures.table.item_model.row_of(added[0].id) is not None


def test_verdict_remarks_and_marking_reviewed_are_saved(good_report, qtbot):
    window, report_id = good_report
    form = window.pane.review_form
    form.verdict.setFocus()
    form.verdict.setCurrentIndex(form.verdict.findData(Verdict.REVISE))
    form.verdict.activated.emit(form.verdict.currentIndex())
    assert window.ws.review(report_id).verdict == Verdict.REVISE

    form.remarks.setFocus()
    type_chinese(form.remarks, "请补充存在的不足")
    qtbot.waitUntil(lambda: window.ws.review(report_id).remarks == "请补充存在的不足", timeout=3000)

    when_dialog_opens(qtbot, lambda box: next(b for b in box.buttons() if b.text() == "保留未确认").click())
    qtbot.mouseClick(form.finish_button, Qt.MouseButton.LeftButton)
    dialog_closed(qtbot, window)
    assert window.ws.review(report_id).status == ReviewStatus.REVIEWED
    row = window.library.model.row_of(report_id)
    assert window.library.model.report(row).status == ReviewStatus.REVIEWED

    qtbot.keyClick(window.pane.document, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ws.review(report_id).status != ReviewStatus.REVIEWED


def test_findings_tab_points_at_the_text(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    window.pane.tabs.setCurrentWidget(window.pane.checks)
    finding = next(i for i in window.ws.items(report_id, kind="finding") if i.machine.code == "rate_mismatch")
    tree = window.pane.checks.tree
    node = next(index for index in tree_rows(tree) if index.parent() != tree.rootIndex()
                and index.data() == finding.machine.message)
    click_tree_row(qtbot, tree, node)

    assert window.pane.document.textCursor().selectedText() == window.report.text[finding.start:finding.end]


def test_a_decision_refreshes_only_its_row_of_the_figures_table(good_report, qtbot):
    window, report_id = good_report
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    table = window.pane.figures.table
    model = table.model()
    resets, changed_rows = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last, *_: changed_rows.extend(range(first.row(), last.row() + 1)))
    click_table_cell(qtbot, table, 2, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    decided = model.items[2]
    assert window.ws.item(decided.id).state == "accepted"
    assert resets == [] and changed_rows == [2]
    assert model.index(2, model.columnCount() - 1).data() == "已确认"

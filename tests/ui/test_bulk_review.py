"""Bulk decisions driven by clicks and keys: several rows selected with Shift-click and accepted with
Ctrl+Shift+A, the remaining machine headings accepted from the 审阅 menu — each one step that one Ctrl+Z undoes."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.bulk_review import BulkDecisionCommand
from tests.ui.conftest import click_library_row, click_table_cell

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def states(window, ids):
    return [window.ws.item(i).state for i in ids]


def test_shift_click_then_ctrl_shift_a_accepts_the_rows_in_one_undo_step(loaded_window, qtbot):
    window = loaded_window
    click_library_row(qtbot, window, GOOD_REPORT)
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    table = window.pane.figures.table
    qtbot.waitUntil(lambda: table.model().rowCount() >= 4)
    click_table_cell(qtbot, table, 0, 0)
    index = table.model().index(3, 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, SHIFT, table.visualRect(index).center())
    ids = table.selected_item_ids()
    assert len(ids) == 4
    assert states(window, ids) == ["pending"] * 4

    qtbot.keyClick(table, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: states(window, ids) == ["accepted"] * 4)
    assert isinstance(window.undo_stack.command(window.undo_stack.index() - 1), BulkDecisionCommand)
    assert "（4 项）" in window.undo_action.text()

    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: states(window, ids) == ["pending"] * 4)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: states(window, ids) == ["accepted"] * 4)


def test_accept_remaining_headings_leaves_decided_ones_and_other_kinds(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    headings = [item.id for item in window.ws.items(report_id, "section")]
    window.ws.set_item_state(headings[0], "rejected")
    window.session.report_changed(report_id)  # as after any review command: the window reloads the report
    figures_before = states(window, [item.id for item in window.ws.items(report_id, "figure")])

    menu_action = window.actions.accept_remaining["section"]
    assert menu_action.text() == "标题" and menu_action.isEnabled()
    menu_action.trigger()

    assert states(window, headings) == ["rejected"] + ["accepted"] * (len(headings) - 1)
    assert states(window, [item.id for item in window.ws.items(report_id, "figure")]) == figures_before
    window.undo_action.trigger()
    assert states(window, headings) == ["rejected"] + ["pending"] * (len(headings) - 1)

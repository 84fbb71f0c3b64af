"""Bulk decisions driven by clicks and keys: several rows selected with Shift-click and accepted with
Ctrl+Shift+A, the remaining machine headings accepted from the 审阅 menu — each one step that one Ctrl+Z undoes."""
from __future__ import annotations

import re
from types import SimpleNamespace

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.ui.bulk_review import BulkDecisionCommand, section_items
from reviewer.ui.open_report import Target
from reviewer.ui.report_items import TargetRole
from reviewer.vocabulary import ReviewStatus
from tests.ui.conftest import click_library_row, click_table_cell, tree_rows, when_dialog_opens

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


def _click_button(text: str):
    def click(box: QMessageBox) -> None:
        assert box.objectName() == "finishWithPendingDialog"
        next(button for button in box.buttons() if button.text().startswith(text)).click()
    return click


def test_finishing_with_pending_items_can_accept_the_rest_in_one_undo_step(loaded_window, qtbot, monkeypatch,
                                                                         tmp_path):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    ids = [item.id for item in window.ws.items(report_id) if item.kind in ("figure", "finding", "required")]
    headings = [item.id for item in window.ws.items(report_id, "section")]
    first = window.ws.items(report_id, "figure")[0].id
    window.ws.set_item_state(first, "rejected")
    window.session.report_changed(report_id)
    pending = len(ids) - 1
    row = window.library.model.row_of(report_id)
    assert window.library.model.report(row).pending_items == pending  # headings are not counted as 待审
    assert tree_rows(window.pane.outline.tree)[0].siblingAtColumn(1).data() == "未核对"

    when_dialog_opens(qtbot, _click_button("确认其余"))
    qtbot.mouseClick(window.pane.review_form.finish_button, Qt.MouseButton.LeftButton)
    assert window.ws.review(report_id).status == ReviewStatus.REVIEWED
    assert sum(window.ws.item(i).state == "accepted" for i in ids) == pending
    assert states(window, headings) == ["pending"] * len(headings)  # 未核对 stays so: not confirmed for the reviewer

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "单.pdf"), ""))
    window.actions.export_pdf.trigger()
    qtbot.waitUntil(lambda: not window.summaries.busy, timeout=60_000)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(tmp_path / "单.pdf").pages))
    assert f"{pending}项为成批确认，0项未经审阅人确认" in text

    assert window.undo_action.text() == "撤销 确认其余项目并标记为已审"
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.pane.document, Qt.Key.Key_Z, CTRL)  # one step undoes both
    assert window.ws.review(report_id).status != ReviewStatus.REVIEWED
    assert states(window, [first]) == ["rejected"]
    assert sum(window.ws.item(i).state == "pending" for i in ids) == pending


def test_finishing_can_leave_items_unconfirmed_or_go_back(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    ids = [item.id for item in window.ws.items(report_id)]

    when_dialog_opens(qtbot, _click_button("返回审阅"))
    qtbot.mouseClick(window.pane.review_form.finish_button, Qt.MouseButton.LeftButton)
    assert window.ws.review(report_id).status != ReviewStatus.REVIEWED

    when_dialog_opens(qtbot, _click_button("保留未确认"))
    qtbot.mouseClick(window.pane.review_form.finish_button, Qt.MouseButton.LeftButton)
    assert window.ws.review(report_id).status == ReviewStatus.REVIEWED
    assert states(window, ids) == ["pending"] * len(ids)



def test_accept_section_confirms_the_pending_machine_items_of_the_clicked_heading_and_its_subsections(
        loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    items = window.ws.items(report_id)
    headings = sorted((i for i in items if i.kind == "section" and i.start is not None), key=lambda i: i.start)
    top = [h for h in headings if h.effective.level == min(x.effective.level for x in headings)]
    section, following = top[1], top[2]
    inside = [i.id for i in items if i.start is not None and section.start <= i.start < following.start]
    outside = [i.id for i in items if i.id not in inside]
    assert {window.ws.item(i).kind for i in inside} >= {"section", "figure"}
    tree = window.pane.outline.tree
    row = next(index for index in tree_rows(tree) if index.data(TargetRole) == Target("item", section.id))
    tree.scrollTo(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(row).center())
    assert window.pane.current == Target("item", section.id)
    before_outside = states(window, outside)

    window.actions.accept_section.trigger()

    assert states(window, inside) == ["accepted"] * len(inside)
    assert states(window, outside) == before_outside
    assert section.effective.title in window.undo_action.text()
    window.undo_action.trigger()
    assert states(window, inside) == ["pending"] * len(inside)


def _heading(item_id: int, start: int, level: int, state: str = "pending"):
    return SimpleNamespace(id=item_id, kind="section", origin="machine", state=state, anchored=True, start=start,
                           effective=SimpleNamespace(level=level, num="", title=str(item_id)))


def _figure(item_id: int, start: int, state: str = "pending", origin: str = "machine"):
    return SimpleNamespace(id=item_id, kind="figure", origin=origin, state=state, anchored=True, start=start)


def test_the_section_of_an_offset_is_the_innermost_heading_and_runs_to_the_next_heading_as_high():
    items = [_heading(1, 0, 1), _figure(2, 5), _heading(3, 10, 2), _figure(4, 12), _figure(5, 14, "rejected"),
             _figure(6, 15, origin="manual"), _heading(7, 20, 2), _figure(8, 25), _heading(9, 30, 1), _figure(10, 35)]
    assert section_items(items, 13) == (items[2], [3, 4])
    assert section_items(items, 6) == (items[0], [1, 2, 3, 4, 7, 8])
    assert section_items(items, 22)[1] == [7, 8]
    assert section_items(items, 40) == (items[8], [9, 10])
    assert section_items([_figure(1, 3), _heading(2, 10, 1)], 3) == (None, [])

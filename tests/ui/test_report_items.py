"""The open report's one item model behind the side panels: refreshed by item id, one selection shared by the
panels, the tables and the text, panel state kept across edits."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.open_report import Target
from reviewer.ui.panels.item_tree import ItemTree
from reviewer.ui.report_items import Group, TargetRole
from reviewer.vocabulary import ItemState
from tests.ui.conftest import click_library_row, click_table_cell, click_tree_row, tree_rows

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"


def row_of(tree, target: Target):
    return next(index for index in tree_rows(tree) if index.data(TargetRole) == target)


def test_a_decision_in_the_checks_panel_changes_only_its_row_of_the_item_model(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    window.pane.tabs.setCurrentWidget(window.pane.checks)
    finding = next(i for i in window.ws.items(report_id, kind="finding") if i.machine.code == "rate_mismatch")
    model = window.pane.item_model
    resets, removed, changed = [], [], []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.rowsRemoved.connect(lambda *_: removed.append(True))
    model.dataChanged.connect(lambda first, last, *_: changed.append(
        (first.data(TargetRole), first.row() == last.row(), first.parent() == last.parent())))
    tree = window.pane.checks.tree
    click_tree_row(qtbot, tree, row_of(tree, Target("item", finding.id)))

    qtbot.keyClick(tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert window.ws.item(finding.id).state == ItemState.ACCEPTED
    assert resets == [] and removed == []
    assert changed == [(Target("item", finding.id), True, True)]
    state_cell = model.index_of(Target("item", finding.id), 1)
    assert state_cell.data() == "已确认"


def test_selecting_in_one_panel_selects_the_item_in_every_view_of_it_and_in_the_text(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    pane = window.pane
    second_checks = ItemTree(pane.item_model, pane.current_item, Group.CHECKS, ["检查项", "状态"])
    qtbot.addWidget(second_checks)
    second_checks.show()
    pane.tabs.setCurrentWidget(pane.checks)
    finding = next(i for i in window.ws.items(report_id, kind="finding") if i.start is not None)
    target = Target("item", finding.id)

    click_tree_row(qtbot, pane.checks.tree, row_of(pane.checks.tree, target))

    assert pane.current == target
    assert second_checks.current_target() == target
    assert pane.document.textCursor().selectedText() == window.report.text[finding.start:finding.end]
    assert pane.outline.tree.current_target() is None
    assert pane.figures.table.selectionModel().selectedRows() == []

    pane.tabs.setCurrentWidget(pane.figures)
    click_table_cell(qtbot, pane.figures.table, 0, 0)
    figure = pane.figures.table.item_model.items[0]

    assert pane.current == Target("item", figure.id)
    assert pane.checks.tree.current_target() is None and second_checks.current_target() is None
    assert pane.document.textCursor().selectedText() == window.report.text[figure.start:figure.end]


def test_clicking_a_heading_in_the_text_selects_its_outline_row(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    pane = window.pane
    section = next(s for s in window.ws.items(report_id, kind="section")
                   if s.start is not None and pane.report.target_at(s.start) == Target("item", s.id))
    pane.document.offsetClicked.emit(section.start)

    assert pane.tabs.currentWidget() is pane.outline
    assert pane.outline.tree.current_target() == Target("item", section.id)


def test_panels_keep_their_expansion_and_scroll_across_edits(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    pane = window.pane
    tree = pane.outline.tree
    pane.tabs.setCurrentWidget(pane.outline)
    parent = next(index for index in tree_rows(tree) if tree.model().rowCount(index) > 0)
    tree.collapse(parent)
    tree.resize(tree.width(), 3 * tree.sizeHintForRow(0))
    scrollbar = tree.verticalScrollBar()
    assert scrollbar.maximum() > 0
    scrollbar.setValue(1)
    section = next(s for s in window.ws.items(report_id, kind="section") if s.state == ItemState.PENDING)

    window.ws.set_item_state(section.id, ItemState.REJECTED)
    window.session.report_changed(report_id)
    window.ws.add_annotation(report_id, None, None, "整体结构需调整")
    window.session.report_changed(report_id)

    assert model_state(pane, section.id) == "已否决"
    assert pane.annotations.tree.model().rowCount(pane.annotations.tree.rootIndex()) == 1
    assert not tree.isExpanded(parent)
    assert scrollbar.value() == 1


def model_state(pane, item_id: int) -> str:
    return pane.item_model.index_of(Target("item", item_id), 1).data()


def test_a_panel_on_a_hidden_tab_shows_the_new_report_expanded_when_its_tab_is_opened(loaded_window, qtbot):
    window = loaded_window
    pane = window.pane
    pane.tabs.setCurrentWidget(pane.outline)
    click_library_row(qtbot, window, GOOD_REPORT)
    click_library_row(qtbot, window, FLAWED_REPORT)
    tree = pane.checks.tree
    assert not tree.isVisible()

    pane.tabs.setCurrentWidget(pane.checks)

    groups = [index for index in tree_rows(tree) if tree.model().rowCount(index) > 0]
    assert [index.data().split("（")[0] for index in groups][:2] == ["必备内容", "发现的问题"]
    assert all(tree.isExpanded(index) for index in groups)
    assert [tree.model().headerData(n, Qt.Orientation.Horizontal) for n in range(2)] == ["检查项", "状态"]
    assert [tree.isColumnHidden(n) for n in range(tree.model().columnCount(tree.rootIndex()))] == [False, False, True, True]

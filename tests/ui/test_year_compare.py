"""与上年对比 driven like a user: the menu action on the open report shows last year's report beside it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.analysis.text_diff import RowKind
from reviewer.ui.year_compare import YearCompareDialog
from tests.ui.conftest import click_library_row, click_tree_row, tree_rows
from tests.workspace.copy_reports import OWN_WORK, report_text

WORK = OWN_WORK["龙山镇"]
CHANGED = WORK[1].replace("41起", "58起").replace("86万元", "132万元")


def _import(window, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        window.ws.import_bytes(text.encode("utf-8"), name)
    window.refresh_library()


def test_year_compare_shows_last_years_report_aligned_with_changes_marked(qtbot, window):
    _import(window, {
        "龙山镇2022.txt": report_text("龙山镇", 2022, WORK[:3], full_unit="慈溪市龙山镇人民政府"),
        "龙山镇2023.txt": report_text("龙山镇", 2023, [WORK[0], CHANGED, WORK[2], WORK[3]]),
    })
    click_library_row(qtbot, window, "龙山镇2023.txt")
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(YearCompareDialog) is not None)
    dialog = window.findChild(YearCompareDialog)
    text = window.ws.report(window.report.report_id).analysis.text
    shown = {text[row.new.start:row.new.end]: row for row in dialog.rows if row.new is not None}
    assert shown[WORK[0]].kind == shown[WORK[2]].kind == RowKind.UNCHANGED
    assert shown[WORK[3]].kind == RowKind.NEW and shown[WORK[3]].old is None
    edited = shown[CHANGED]
    assert edited.kind == RowKind.CHANGED
    assert [text[s.start:s.end] for s in edited.new_changes] == ["58", "132"]
    assert dialog.new_view.toPlainText().count(WORK[3]) == 1 and WORK[3] not in dialog.old_view.toPlainText()
    assert "#c00000" in dialog.new_view.toHtml()
    assert "慈溪市龙山镇人民政府" in dialog.old_view.toPlainText()
    assert "新增" in dialog.summary.text()
    dialog.old_view.verticalScrollBar().setValue(dialog.old_view.verticalScrollBar().maximum())
    assert dialog.new_view.verticalScrollBar().value() > 0 or dialog.new_view.verticalScrollBar().maximum() == 0


def test_year_compare_without_an_earlier_report_says_so(qtbot, window):
    _import(window, {"掌起镇2023.txt": report_text("掌起镇", 2023, OWN_WORK["掌起镇"])})
    click_library_row(qtbot, window, "掌起镇2023.txt")
    assert window.show_year_compare() is None
    assert window.findChild(YearCompareDialog) is None


def test_a_copy_finding_in_the_checks_tab_opens_the_other_report_at_the_passage(qtbot, window):
    copied = OWN_WORK["观海卫镇"][2]
    _import(window, {
        "观海卫镇2022.txt": report_text("观海卫镇", 2022, OWN_WORK["观海卫镇"]),
        "掌起镇2023.txt": report_text("掌起镇", 2023, [*OWN_WORK["掌起镇"][:2], copied]),
    })
    source = next(r.id for r in window.ws.reports() if r.file_name == "观海卫镇2022.txt")
    click_library_row(qtbot, window, "掌起镇2023.txt")
    window.pane.tabs.setCurrentWidget(window.pane.checks)
    tree = window.pane.checks.tree
    rows = tree_rows(tree)
    group = next(index for index in rows if index.data().startswith("相同段落"))
    node = tree.model().index(0, 0, group)
    assert node.data() == "与《观海卫镇2022年法治政府建设年度报告》第一部分相同（相似度 100%）"
    click_tree_row(qtbot, tree, node)
    assert tree.currentIndex() == node
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.report is not None and window.report.report_id == source)
    start, end = window.pane.document.selected_span()
    assert window.report.text[start:end] == copied.rstrip("。")


PINGAN_2022 = (
    "平安县人民政府2022年法治政府建设年度报告\n"
    "一、主要举措和成效\n"
    "全年共收到行政复议申请80件，依法受理75件。全县办理行政处罚案件1,100件。\n"
    "二、存在的不足\n"
    "一些干部运用法治思维和法治方式解决问题的能力还有待提高，基层执法力量依然薄弱。\n"
)
PINGAN_2023 = (
    "平安县人民政府2023年法治政府建设年度报告\n"
    "一、存在的问题和原因\n"
    "一些干部运用法治思维和法治方式解决问题的能力还有待提高，基层执法力量依然薄弱。\n"
    "二、2023年推进法治政府建设的成效\n"
    "全年共收到行政复议申请92件，依法受理86件。全县办理行政处罚案件1,100件。政府常务会议学法12次。\n"
)


def test_year_compare_lists_the_indicators_with_last_years_value_and_pairs_renamed_sections(qtbot, window):
    _import(window, {"平安县2022.txt": PINGAN_2022, "平安县2023.txt": PINGAN_2023})
    click_library_row(qtbot, window, "平安县2023.txt")
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(YearCompareDialog) is not None)
    dialog = window.findChild(YearCompareDialog)
    table = dialog.indicator_table
    lines = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)] for r in range(table.rowCount())}
    assert lines["行政复议案件"] == ["80件", "92件", "+12件"]
    assert lines["行政处罚案件"] == ["1100件", "1100件", "持平"]
    assert lines["学法"] == ["未写明", "12次", ""]
    text = window.ws.report(window.report.report_id).analysis.text
    shown = {text[row.new.start:row.new.end]: row for row in dialog.rows if row.new is not None}
    assert shown["一些干部运用法治思维和法治方式解决问题的能力还有待提高，基层执法力量依然薄弱。"].kind == RowKind.UNCHANGED
    assert shown[PINGAN_2023.split("\n")[4]].kind == RowKind.CHANGED

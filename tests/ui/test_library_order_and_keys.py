"""The library as a keyboard user and a reader of Chinese lists meet it: units in pinyin order, Down/Enter
from the filter into the list, Delete taking the selected reports out (Ctrl+Z bringing them back), and the
counts under the list (已审 x / N) right after every change."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt

from reviewer.ui.current_item import Target
from reviewer.ui.library_model import (
    COLUMN_LEVEL,
    COLUMN_PENDING,
    COLUMN_PUBLISH_DATE,
    COLUMN_UNIT,
    ReportIdRole,
)
from reviewer.ui.library_view import LibraryView
from reviewer.vocabulary import Level, ReviewStatus
from reviewer.workspace import ReportSummary
from tests.ui.conftest import click_library_row, dialog_closed, type_chinese, when_dialog_opens

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
OLD_REPORT = "04_白沙乡2018年度法治政府建设工作情况报告.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
UNITS_IN_PINYIN_ORDER = ["安化县", "北京市", "长沙市", "长沙县", "重庆市", "六安市", "番禺区", "厦门市", "湘潭市",
                         "岳阳市", "张家界市"]


def summary(report_id: int, unit: str, year: int = 2023) -> ReportSummary:
    return ReportSummary(id=report_id, file_name=f"{unit}.txt", title=f"{unit}{year}年法治政府建设年度报告", unit=unit,
                         level=Level.COUNTY, report_year=year, publish_date=f"{year + 1}-03-01",
                         status=ReviewStatus.UNREVIEWED, verdict=None, open_findings=0, pending_items=report_id,
                         imported_at="2026-12-01T00:00:00")


def shown_units(view: LibraryView) -> list[str]:
    proxy = view.proxy
    return [proxy.index(row, COLUMN_UNIT).data() for row in range(proxy.rowCount())]


def shown_ids(window) -> list[int]:
    proxy = window.library.proxy
    return [proxy.index(row, 0).data(ReportIdRole) for row in range(proxy.rowCount())]


def test_units_sort_in_pinyin_order_once_the_list_is_painted_and_by_header_clicks(qtbot):
    view = LibraryView()
    qtbot.addWidget(view)
    shuffled = ["岳阳市", "厦门市", "长沙县", "张家界市", "北京市", "番禺区", "重庆市", "湘潭市", "安化县", "六安市", "长沙市"]
    view.set_reports([summary(number, unit) for number, unit in enumerate(shuffled, start=1)])
    view.resize(600, 500)
    view.show()
    qtbot.waitUntil(lambda: view.model.pinyin_order)  # after the first paint, without being asked

    assert shown_units(view) == UNITS_IN_PINYIN_ORDER  # 长 cháng, 重 chóng, 厦 xià, 六 lù, 番 pān as in the names
    header = view.table.horizontalHeader()
    unit_header = QPoint(header.sectionViewportPosition(COLUMN_UNIT) + header.sectionSize(COLUMN_UNIT) // 2,
                         header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=unit_header)
    assert shown_units(view) == UNITS_IN_PINYIN_ORDER[::-1]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=unit_header)
    assert shown_units(view) == UNITS_IN_PINYIN_ORDER


def test_one_units_reports_are_listed_by_year_and_the_new_columns_show_level_date_and_pending(qtbot):
    view = LibraryView()
    qtbot.addWidget(view)
    view.set_reports([summary(1, "长沙市", 2024), summary(2, "北京市"), summary(3, "长沙市", 2022)])
    view.sort_in_pinyin_order()
    assert [view.proxy.index(row, 0).data(ReportIdRole) for row in range(3)] == [2, 3, 1]
    row = view.proxy.index(0, 0)
    assert row.siblingAtColumn(COLUMN_LEVEL).data() == "县区"
    assert row.siblingAtColumn(COLUMN_PUBLISH_DATE).data() == "2024-03-01"
    assert row.siblingAtColumn(COLUMN_PENDING).data() == "2"
    assert "北京市2023年法治政府建设年度报告" in row.data(Qt.ItemDataRole.ToolTipRole)  # the full title on hover


def test_down_in_the_filter_goes_into_the_list_and_enter_opens_the_single_match(loaded_window, qtbot):
    window = loaded_window
    library = window.library
    library.filter_edit.setFocus()
    type_chinese(library.filter_edit, "2")  # every report: the years all have a 2
    qtbot.keyClick(library.filter_edit, Qt.Key.Key_Down)
    assert library.table.hasFocus()
    first = shown_ids(window)[0]
    qtbot.waitUntil(lambda: window.report is not None and window.report.report_id == first)
    qtbot.keyClick(library.table, Qt.Key.Key_Down)  # and on down the list, as arrows do
    qtbot.waitUntil(lambda: window.report.report_id == shown_ids(window)[1])

    library.filter_edit.setFocus()
    library.filter_edit.clear()
    type_chinese(library.filter_edit, "白沙")
    assert library.proxy.rowCount() == 1
    qtbot.keyClick(library.filter_edit, Qt.Key.Key_Return)
    white_sand = shown_ids(window)[0]
    qtbot.waitUntil(lambda: window.report.report_id == white_sand)
    assert window.report.file_name == OLD_REPORT and library.selected_report_ids() == [white_sand]
    assert library.table.hasFocus()


def test_enter_with_several_matches_goes_into_the_list_keeping_the_open_report(loaded_window, qtbot):
    window = loaded_window
    library = window.library
    opened = click_library_row(qtbot, window, GOOD_REPORT)
    library.filter_edit.setFocus()
    type_chinese(library.filter_edit, "镇")
    qtbot.keyClick(library.filter_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert library.table.hasFocus()
    assert window.report.report_id == opened and library.selected_report_ids() == [opened]


def test_delete_removes_the_selected_reports_and_ctrl_z_brings_them_back_with_their_counts(loaded_window, qtbot):
    window = loaded_window
    library, model = window.library, window.library.model
    assert library.count_label.text() == "已审 0 / 4 份报告"
    first = click_library_row(qtbot, window, GOOD_REPORT)
    second = click_library_row(qtbot, window, OLD_REPORT, CTRL)
    rows_before = {i: model.report(model.row_of(i)) for i in (first, second)}
    assert rows_before[first].pending_items > 0

    qtbot.keyClick(library.table, Qt.Key.Key_Delete)

    assert {r.id for r in window.ws.reports()}.isdisjoint({first, second})
    assert model.rowCount() == 2 and model.row_of(first) is None
    assert library.count_label.text() == "已审 0 / 2 份报告"
    assert window.report is None
    assert window.statusBar().currentMessage() == "已删除 2 份报告（可撤销）"

    qtbot.keyClick(library.table, Qt.Key.Key_Z, CTRL)

    assert {first, second} <= {r.id for r in window.ws.reports()}
    assert library.count_label.text() == "已审 0 / 4 份报告"
    for report_id, before in rows_before.items():
        row = model.index(model.row_of(report_id), COLUMN_PENDING)
        assert model.report(row.row()) == before
        assert row.data() == str(before.pending_items)


def test_delete_with_a_filter_on_counts_what_is_left(loaded_window, qtbot):
    window = loaded_window
    library = window.library
    type_chinese(library.filter_edit, "白沙")
    assert library.count_label.text() == "已审 0 / 4 份报告，筛选出 1 份"
    click_library_row(qtbot, window, OLD_REPORT)
    qtbot.keyClick(library.table, Qt.Key.Key_Delete)
    assert library.count_label.text() == "已审 0 / 3 份报告，筛选出 0 份"
    qtbot.keyClick(library.table, Qt.Key.Key_Z, CTRL)
    assert library.count_label.text() == "已审 0 / 4 份报告，筛选出 1 份"


def test_delete_in_the_list_is_not_the_windows_delete_of_an_annotation(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    note = window.ws.add_annotation(report_id, None, None, "整体结构清楚")
    window.session.report_changed(report_id)
    window.pane.select_target(Target("annotation", note.id))
    assert window.actions.delete.isEnabled(), "the window's Del would delete the selected annotation"
    window.library.table.setFocus()
    qtbot.keyClick(window.library.table, Qt.Key.Key_Delete)
    assert report_id not in {r.id for r in window.ws.reports()}
    assert [a.comment for a in window.ws.annotations(report_id)] == ["整体结构清楚"]


def test_marking_a_report_reviewed_counts_it_at_once(loaded_window, qtbot):
    window = loaded_window
    library = window.library
    click_library_row(qtbot, window, GOOD_REPORT)

    def click(box) -> None:
        next(button for button in box.buttons() if button.text().startswith("保留未确认")).click()

    when_dialog_opens(qtbot, click)
    qtbot.mouseClick(window.pane.review_form.finish_button, Qt.MouseButton.LeftButton)
    assert library.count_label.text() == "已审 1 / 4 份报告"
    dialog_closed(qtbot, window)
    library.table.setFocus()
    qtbot.keyClick(library.table, Qt.Key.Key_Z, CTRL)
    assert library.count_label.text() == "已审 0 / 4 份报告"


def test_a_row_whose_sorted_value_changes_moves_into_place_keeping_the_selection(qtbot):
    view = LibraryView()
    qtbot.addWidget(view)
    view.set_reports([summary(number, unit) for number, unit in enumerate(["甲镇", "乙镇", "丙镇", "丁镇"], start=1)])
    view.show()
    header = view.table.horizontalHeader()
    pending_header = QPoint(header.sectionViewportPosition(COLUMN_PENDING) + header.sectionSize(COLUMN_PENDING) // 2,
                            header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pending_header)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pending_header)  # most pending first
    assert [view.proxy.index(row, COLUMN_PENDING).data() for row in range(4)] == ["4", "3", "2", "1"]
    view.select_report(4, emit=False)

    view.update_rows([dataclasses.replace(summary(4, "丁镇"), pending_items=0)], [])  # its items decided
    assert [view.proxy.index(row, COLUMN_PENDING).data() for row in range(4)] == ["3", "2", "1", "0"]
    assert view.selected_report_ids() == [4] and view.table.currentIndex().row() == 3

    view.update_rows([dataclasses.replace(summary(5, "戊镇"), pending_items=2)], [])  # imported
    assert [view.proxy.index(row, 0).data(ReportIdRole) for row in range(5)] == [3, 5, 2, 1, 4]
    assert view.selected_report_ids() == [4]

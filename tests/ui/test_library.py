"""The library table: readable at its first-start width, full names in tooltips, the review status kept
up to date by the window; several reports selected with Ctrl/Shift while a single selection opens its report."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.library_model import COLUMN_FILE, COLUMN_OPEN_FINDINGS, COLUMN_STATUS, COLUMN_UNIT, ReportIdRole
from reviewer.vocabulary import ReviewStatus
from tests.ui.conftest import click_library_row, click_table_cell, library_index

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
CITY_REPORT = "03_云岭市人民政府关于法治政府建设工作情况的报告.html"
OLD_REPORT = "04_白沙乡2018年度法治政府建设工作情况报告.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_every_shown_column_fits_the_default_library_width_on_a_laptop_screen(loaded_window, qtbot):
    loaded_window.resize(1366, 740)
    loaded_window.apply_default_proportions(1366)
    qtbot.waitUntil(lambda: loaded_window.library.width() >= 1366 * 20 // 100)
    table = loaded_window.library.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    assert header.isSectionHidden(COLUMN_FILE)
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    for column in shown:
        title = loaded_window.library.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
    assert header.sectionSize(COLUMN_STATUS) >= table.fontMetrics().horizontalAdvance("审阅中")
    assert header.sectionSize(COLUMN_UNIT) >= table.fontMetrics().horizontalAdvance("明湖县司法局")


def test_rows_name_their_full_title_and_file_in_the_tooltip(loaded_window):
    model = loaded_window.library.model
    for row in range(model.rowCount()):
        report = model.report(row)
        tip = model.index(row, COLUMN_UNIT).data(Qt.ItemDataRole.ToolTipRole)
        assert report.title in tip and report.file_name in tip
        assert f"问题 {report.open_findings} 项" in tip
    findings_tip = model.headerData(COLUMN_OPEN_FINDINGS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "已否决的不计" in findings_tip


def test_the_first_decision_shows_the_report_as_under_review(loaded_window, qtbot):
    window = loaded_window
    report_id = click_library_row(qtbot, window, GOOD_REPORT)
    model = window.library.model

    def status() -> str:
        return model.index(model.row_of(report_id), COLUMN_STATUS).data()

    assert status() == "未审"
    window.pane.tabs.setCurrentWidget(window.pane.figures)
    click_table_cell(qtbot, window.pane.figures.table, 0, 0)
    qtbot.keyClick(window.pane.figures.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status() == "审阅中"
    assert window.library.table.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == report_id


def shown_report_ids(window) -> list[int]:
    proxy = window.library.proxy
    return [proxy.index(row, 0).data(ReportIdRole) for row in range(proxy.rowCount())]


def test_ctrl_and_shift_clicks_select_several_reports_and_a_plain_click_opens_one(loaded_window, qtbot):
    window = loaded_window
    library = window.library
    first = click_library_row(qtbot, window, GOOD_REPORT)
    second = click_library_row(qtbot, window, FLAWED_REPORT, CTRL)
    assert library.selected_report_ids() == [i for i in shown_report_ids(window) if i in (first, second)]
    assert window.report.report_id == first

    click_library_row(qtbot, window, OLD_REPORT, SHIFT)  # the range from the Ctrl-clicked row is added
    rows = sorted((library_index(window, FLAWED_REPORT).row(), library_index(window, OLD_REPORT).row()))
    added = shown_report_ids(window)[rows[0]:rows[1] + 1]
    assert library.selected_report_ids() == [i for i in shown_report_ids(window) if i == first or i in added]
    assert window.report.report_id == first

    city = click_library_row(qtbot, window, CITY_REPORT)
    assert library.selected_report_ids() == [city]
    assert window.report.report_id == city


def test_shift_arrows_extend_the_selection_and_plain_arrows_open_the_next_report(loaded_window, qtbot):
    window = loaded_window
    table = window.library.table
    ids = shown_report_ids(window)
    top = window.library.model.report(window.library.proxy.mapToSource(window.library.proxy.index(0, 0)).row())
    click_library_row(qtbot, window, top.file_name)

    qtbot.keyClick(table, Qt.Key.Key_Down, SHIFT)
    assert window.library.selected_report_ids() == ids[:2]
    assert window.report.report_id == ids[0]

    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.library.selected_report_ids() == [ids[2]]
    assert window.report.report_id == ids[2]

    qtbot.keyClick(table, Qt.Key.Key_A, CTRL)
    assert window.library.selected_report_ids() == ids
    assert window.report.report_id == ids[2]


def test_a_selection_of_several_reports_survives_a_library_refresh(loaded_window, qtbot):
    window = loaded_window
    first = click_library_row(qtbot, window, GOOD_REPORT)
    click_library_row(qtbot, window, CITY_REPORT, CTRL)
    selected = window.library.selected_report_ids()

    window.pane.tabs.setCurrentWidget(window.pane.figures)
    click_table_cell(qtbot, window.pane.figures.table, 0, 0)
    qtbot.keyClick(window.pane.figures.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert window.ws.review(first).status == ReviewStatus.IN_REVIEW
    assert window.library.selected_report_ids() == selected


def test_deleting_several_selected_reports_is_one_undo_step(loaded_window, qtbot):
    window = loaded_window
    first = click_library_row(qtbot, window, GOOD_REPORT)
    second = click_library_row(qtbot, window, OLD_REPORT, CTRL)
    window.actions.delete_report.trigger()

    remaining = [r.id for r in window.ws.reports()]
    assert first not in remaining and second not in remaining and len(remaining) == 2
    assert window.report is None

    window.undo_action.trigger()
    assert {first, second} <= {r.id for r in window.ws.reports()}
    assert window.library.model.rowCount() == 4

"""The library table: readable at its first-start width, full names in tooltips, the review status kept
up to date by the window."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.ui.library_model import COLUMN_FILE, COLUMN_OPEN_FINDINGS, COLUMN_STATUS, COLUMN_UNIT
from tests.ui.conftest import click_library_row, click_table_cell

GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"


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

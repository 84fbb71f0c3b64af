"""The 报送名单 dialog driven by keys and clicks: units typed, pasted and imported from an .xlsx, removed with the
Delete key, an off-roster report's unit adopted, undo and redo; the library marks 不在名单 and lists 未报送."""
from __future__ import annotations

import xlsxwriter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from reviewer.ui.roster_dialog import COLUMN_STATUS, COLUMN_UNIT, RosterDialog
from reviewer.ui.roster_input import RosterInputDialog
from reviewer.workspace import RosterUnit
from tests.ui.conftest import click_library_row, click_table_cell, type_chinese, when_dialog_opens

QINGXI_FILE = "01_青溪镇2023年度法治政府建设工作报告.txt"


def open_roster(qtbot, window) -> RosterDialog:
    window.actions.roster.trigger()
    qtbot.waitUntil(lambda: window.findChild(RosterDialog) is not None and window.findChild(RosterDialog).isVisible())
    dialog = window.findChild(RosterDialog)
    activate(qtbot, dialog)
    return dialog


def activate(qtbot, dialog) -> None:
    """Keys go to the dialog's shortcuts only while it is the active window."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def rows(dialog: RosterDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(r, COLUMN_UNIT).text(), table.item(r, COLUMN_STATUS).text()) for r in range(table.rowCount())]


def row_of(dialog: RosterDialog, unit: str) -> int:
    return next(r for r, (name, _status) in enumerate(rows(dialog)) if name == unit)


def library_units(window) -> list[str]:
    model = window.library.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def add_typed(qtbot, dialog: RosterDialog, name: str) -> None:
    dialog.name.setFocus()
    type_chinese(dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def accept_input(choose_replace: bool = False, expect: str = ""):
    def handle(dialog) -> None:
        assert isinstance(dialog, RosterInputDialog)
        assert expect in dialog.preview.text()
        if choose_replace:
            dialog.replace.click()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return handle


def test_typed_units_are_matched_and_the_library_lists_who_has_not_reported(loaded_window, qtbot):
    window = loaded_window
    assert not window.library.missing_units.isVisible()
    dialog = open_roster(qtbot, window)
    assert dialog.year.value() == 2023, "the newest report year"
    assert "还没有名单" in dialog.summary.text()

    add_typed(qtbot, dialog, "慈溪市青溪镇人民政府")
    add_typed(qtbot, dialog, "白沙乡")
    assert rows(dialog) == [("慈溪市青溪镇人民政府", "已报送"), ("白沙乡", "未报送")]
    assert dialog.name.text() == ""
    assert "已报送 1，未报送 1" in dialog.summary.text()
    assert [(e.name, e.unit_key) for e in window.ws.roster(2023)] == [("慈溪市青溪镇人民政府", "青溪镇"), ("白沙乡", "白沙乡")]

    panel = window.library.missing_units
    assert panel.isVisible() and "未报送 1 个单位" in panel.title.text()
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["2023　白沙乡　未报送"]
    assert "青溪镇" in library_units(window), "on the roster: not marked"

    click_table_cell(qtbot, dialog.table, row_of(dialog, "白沙乡"), COLUMN_UNIT)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert rows(dialog) == [("慈溪市青溪镇人民政府", "已报送")]
    assert "均已报送" in panel.title.text() and not panel.list.isVisible()

    click(qtbot, dialog.undo_button)
    assert rows(dialog) == [("慈溪市青溪镇人民政府", "已报送"), ("白沙乡", "未报送")]
    click(qtbot, dialog.redo_button)
    assert [e.name for e in window.ws.roster(2023)] == ["慈溪市青溪镇人民政府"]


def test_pasted_list_marks_the_off_roster_report_which_can_be_adopted(loaded_window, qtbot):
    window = loaded_window
    dialog = open_roster(qtbot, window)
    dialog.year.setFocus()
    qtbot.keyClick(dialog.year, Qt.Key.Key_Down)
    assert dialog.year.value() == 2022
    QApplication.clipboard().setText("2022年度报送单位名单\n1. 明湖县人民政府\n2. 明湖县　教育局\n")
    when_dialog_opens(qtbot, accept_input(expect="读到 2 个单位；跳过 1 行"))
    click(qtbot, dialog.paste_button)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert rows(dialog) == [("明湖县人民政府", "未报送"), ("明湖县　教育局", "未报送"), ("明湖县司法局", "不在名单")]
    assert "明湖县司法局（不在名单）" in library_units(window)

    click_table_cell(qtbot, dialog.table, row_of(dialog, "明湖县司法局"), COLUMN_UNIT)
    assert not dialog.remove_button.isEnabled()
    click(qtbot, dialog.adopt_button)
    assert rows(dialog)[-1] == ("明湖县司法局", "已报送")
    assert "明湖县司法局" in library_units(window)

    activate(qtbot, dialog)  # back from the paste dialog
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(dialog)[-1] == ("明湖县司法局", "不在名单")
    assert "明湖县司法局（不在名单）" in library_units(window)


def test_xlsx_import_replaces_the_years_roster(loaded_window, qtbot, tmp_path, monkeypatch):
    window = loaded_window
    window.ws.set_roster(2023, [])
    dialog = open_roster(qtbot, window)
    add_typed(qtbot, dialog, "龙山镇")
    path = tmp_path / "名单.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r, row in enumerate([["序号", "单位名称", "层级"], [1, "青溪镇", "乡镇"], [2, "云岭市人民政府", "地市"]]):
        sheet.write_row(r, 0, row)
    book.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    when_dialog_opens(qtbot, accept_input(choose_replace=True, expect="读到 2 个单位"))
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: [name for name, _s in rows(dialog)][:2] == ["青溪镇", "云岭市人民政府"])
    assert [(e.name, e.level.value if e.level else None) for e in window.ws.roster(2023)] == [
        ("青溪镇", "township"), ("云岭市人民政府", "prefecture")]
    assert rows(dialog) == [("青溪镇", "已报送"), ("云岭市人民政府", "未报送")]
    assert dialog.table.item(0, 2).text() == "乡镇街道"


def test_a_bad_file_says_why_and_changes_nothing(loaded_window, qtbot, tmp_path, monkeypatch):
    window = loaded_window
    dialog = open_roster(qtbot, window)
    add_typed(qtbot, dialog, "青溪镇")
    bad = tmp_path / "名单.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                    and "另存为 .xlsx" in QApplication.activeModalWidget().text())
    QApplication.activeModalWidget().close()
    assert [e.name for e in window.ws.roster(2023)] == ["青溪镇"]


def test_double_click_on_a_reported_unit_opens_its_report(loaded_window, qtbot):
    window = loaded_window
    dialog = open_roster(qtbot, window)
    add_typed(qtbot, dialog, "青溪镇")
    table = dialog.table
    rect = table.visualRect(table.model().index(0, COLUMN_UNIT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the press a double click follows
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.report is not None and window.report.file_name == QINGXI_FILE)


def test_the_missing_list_follows_a_deleted_report_and_its_undo(loaded_window, qtbot):
    window = loaded_window
    window.ws.set_roster(2023, [RosterUnit("青溪镇"), RosterUnit("白沙乡")])
    window.refresh_library()
    panel = window.library.missing_units
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["2023　白沙乡　未报送"]

    click_library_row(qtbot, window, QINGXI_FILE)
    window.actions.delete_report.trigger()
    qtbot.waitUntil(lambda: panel.list.count() == 2)
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["2023　青溪镇　未报送", "2023　白沙乡　未报送"]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.list.count() == 1)


def test_the_library_button_opens_the_roster_of_the_newest_year(loaded_window, qtbot):
    window = loaded_window
    window.ws.set_roster(2018, [RosterUnit("白沙乡")])
    window.ws.set_roster(2021, [RosterUnit("云岭市人民政府"), RosterUnit("石门县")])
    window.refresh_library()
    panel = window.library.missing_units
    assert "未报送 1 个单位" in panel.title.text()
    qtbot.mouseClick(panel.open_roster, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(RosterDialog) is not None and window.findChild(RosterDialog).isVisible())
    dialog = window.findChild(RosterDialog)
    assert dialog.year.value() == 2021
    assert rows(dialog) == [("云岭市人民政府", "已报送"), ("石门县", "未报送")]

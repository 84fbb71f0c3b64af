"""The 设置 dialog, driven by keys and clicks: the reviewer's name, 审阅单位 and number prefix go to the workspace
(and print on the exported sheet), the default output folder is where the save dialog starts."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

from reviewer.ui.settings import KEY_OUTPUT_FOLDER, KEY_REVIEWER_NAME, UiSettings
from reviewer.ui.settings_dialog import SettingsDialog
from reviewer.workspace import ReviewIdentity
from tests.ui.conftest import click_library_row, type_chinese

FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
BUILD_TIMEOUT_MS = 60_000


def open_settings(qtbot, window) -> SettingsDialog:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.mouseClick(window.library.filter_edit, Qt.MouseButton.LeftButton)  # the window has a focus widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None and window.findChild(SettingsDialog).isVisible())
    return window.findChild(SettingsDialog)


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        type_chinese(field, text)


def click_ok(qtbot, dialog: SettingsDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "确定"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_settings_are_kept_in_the_workspace_and_printed(loaded_window, qtbot, tmp_path, monkeypatch, settings_path):
    window = loaded_window
    login = window.ws.reviewer_name
    dialog = open_settings(qtbot, window)
    assert dialog.reviewer_name.text() == ""
    assert login in dialog.reviewer_name.placeholderText()
    out = tmp_path / "输出"
    out.mkdir()
    type_into(qtbot, dialog.reviewer_name, "赵审阅")
    type_into(qtbot, dialog.office_name, "某市司法局")
    type_into(qtbot, dialog.document_prefix, "司法审")
    type_into(qtbot, dialog.output_folder, str(out))
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert window.ws.identity == ReviewIdentity("赵审阅", "某市司法局", "司法审")
    assert UiSettings(settings_path).str_value(KEY_OUTPUT_FOLDER) == str(out)
    assert UiSettings(settings_path).str_value(KEY_REVIEWER_NAME) == "赵审阅"

    asked: list[str] = []

    def answer(_parent, _title, suggested, *_args, **_kwargs):
        asked.append(suggested)
        return str(out / "意见单.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    report_id = click_library_row(qtbot, window, FLAWED_REPORT)
    window.actions.export_pdf.trigger()
    qtbot.waitUntil(lambda: not window.summaries.busy, timeout=BUILD_TIMEOUT_MS)
    assert Path(asked[0]).parent == out
    text = "".join(page.extract_text() for page in PdfReader(out / "意见单.pdf").pages).replace(" ", "")
    assert "赵审阅" in text and "某市司法局" in text
    assert f"〕{report_id}号" in text


def test_cancel_changes_nothing(loaded_window, qtbot):
    window = loaded_window
    dialog = open_settings(qtbot, window)
    type_into(qtbot, dialog.reviewer_name, "钱审阅")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.ws.identity == ReviewIdentity()


def test_a_workspace_without_a_name_is_offered_the_last_one_entered(loaded_window, qtbot):
    window = loaded_window
    window.settings.set_str(KEY_REVIEWER_NAME, "孙审阅")
    dialog = open_settings(qtbot, window)
    assert dialog.reviewer_name.text() == "孙审阅"
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.ws.reviewer_name == "孙审阅"

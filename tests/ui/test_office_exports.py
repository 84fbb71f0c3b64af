"""Office files from the window: the 审阅意见单 saved as Word by choosing the Word file type, the Excel
workbook from 文件→导出 Excel…, and the 批注版 of the open report from 文件→导出批注版… (asking whether the
rejected and corrected items get comments too). Files are made off the window's thread."""
from __future__ import annotations

import io

import docx
import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.vocabulary import AnnotationTag, ItemState
from tests.outputs.word_reading import read_comments
from tests.ui.conftest import click_library_row
from tests.ui.test_summary_output import FLAWED_REPORT, GOOD_REPORT, UNITS, wait_for_pdf

WORD_FILTER = "Word 文档 (*.docx)"


@pytest.fixture
def answer_save(monkeypatch, tmp_path):
    """Answers every save dialog with tmp_path/导出 and the file type given; records the filters offered."""
    offered: list[str] = []
    chosen = {"filter": ""}

    def answer(_parent, _title, _suggested, filters, *_args, **_kwargs):
        offered.append(filters)
        return str(tmp_path / "导出"), chosen["filter"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return tmp_path, offered, chosen


def file_menu_action(window, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("文件"))
    return next(a for a in menu.actions() if a.text() == text)


def test_the_open_reports_sheet_saved_as_word(loaded_window, qtbot, answer_save):
    folder, offered, chosen = answer_save
    chosen["filter"] = WORD_FILTER
    click_library_row(qtbot, loaded_window, FLAWED_REPORT)
    loaded_window.actions.export_pdf.trigger()
    wait_for_pdf(qtbot, loaded_window)
    assert WORD_FILTER in offered[0] and "PDF" in offered[0]
    document = docx.Document(folder / "导出.docx")
    assert document.paragraphs[0].text == "法治政府建设年度报告审阅意见单"
    header = next(t for t in document.tables if t.rows[0].cells[0].text == "报告标题")
    assert [c.text for c in header.rows[1].cells][:2] == ["报送单位", UNITS[FLAWED_REPORT]]


def test_excel_workbook_from_the_file_menu(loaded_window, qtbot, answer_save):
    folder, offered, _ = answer_save
    file_menu_action(loaded_window, "导出 Excel…").trigger()
    wait_for_pdf(qtbot, loaded_window)
    book = load_workbook(folder / "导出.xlsx")
    assert offered == ["Excel 工作簿 (*.xlsx)"]
    assert book.sheetnames == ["审阅概况", "数据", "指标"]
    assert book["审阅概况"].max_row == 2 + loaded_window.library.model.rowCount()
    assert "已导出Excel 工作簿（全部 4 份报告）" in loaded_window.statusBar().currentMessage()


def test_annotated_report_of_the_open_report(loaded_window, qtbot, answer_save, monkeypatch):
    folder, _, _ = answer_save
    report_id = click_library_row(qtbot, loaded_window, GOOD_REPORT)
    ws = loaded_window.ws
    text = ws.report(report_id).analysis.text
    start = text.index("法律顾问")
    ws.add_annotation(report_id, start, start + 4, "请写明人数", tag=AnnotationTag.PROBLEM)
    figure = ws.items(report_id, "figure")[0]
    ws.set_item_state(figure.id, ItemState.REJECTED)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)

    action = file_menu_action(loaded_window, "导出批注版…")
    assert action.isEnabled()
    action.trigger()
    wait_for_pdf(qtbot, loaded_window)

    assert asked and "1 个项目" in asked[0]
    comments = {c.text: c.anchored_on for c in read_comments((folder / "导出.docx").read_bytes())}
    assert comments["问题：请写明人数"] == "法律顾问"
    assert any(text.startswith("审阅人否决") for text in comments)
    assert "批注版为报告的文字" in loaded_window.statusBar().currentMessage()
    paragraphs = [p.text for p in docx.Document(io.BytesIO((folder / "导出.docx").read_bytes())).paragraphs]
    assert paragraphs == text.split("\n\n")


def test_annotated_report_needs_an_open_report(loaded_window):
    assert not file_menu_action(loaded_window, "导出批注版…").isEnabled()

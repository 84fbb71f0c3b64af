"""The review summaries leave the window as PDF files, print previews and prints (each page's drawing
replayed onto the printer): the open report's 审阅意见单, the sheets of several selected reports, and the 汇总表 of the selected
reports or, with fewer than two selected, of the whole workspace. PDFs are made off the window's thread."""
from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog

import reviewer.summary
from reviewer.ui.summary_output import PdfPrintJob, batch_summary, report_sheets
from tests.ui.conftest import click_library_row, library_index, when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
GOOD_REPORT = "01_青溪镇2023年度法治政府建设工作报告.txt"
FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"
CITY_REPORT = "03_云岭市人民政府关于法治政府建设工作情况的报告.html"
OLD_REPORT = "04_白沙乡2018年度法治政府建设工作情况报告.txt"
UNITS = {GOOD_REPORT: "青溪镇", FLAWED_REPORT: "明湖县司法局", CITY_REPORT: "云岭市", OLD_REPORT: "白沙乡"}
BUILD_TIMEOUT_MS = 60_000


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """Answers the save dialog with tmp_path/导出.pdf; records the dialog titles asked."""
    titles: list[str] = []

    def answer(_parent, title, *_args, **_kwargs):
        titles.append(title)
        return str(tmp_path / "导出"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return tmp_path / "导出.pdf", titles


def wait_for_pdf(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.summaries.busy, timeout=BUILD_TIMEOUT_MS)


def test_exporting_the_summary_pdf_of_the_open_report(loaded_window, qtbot, save_dialog):
    window = loaded_window
    written, titles = save_dialog
    click_library_row(qtbot, window, FLAWED_REPORT)
    window.actions.export_pdf.trigger()
    wait_for_pdf(qtbot, window)

    text = pdf_text(written)
    assert "审阅意见单" in text
    assert "明湖县司法局" in text
    assert "青溪镇" not in text
    assert titles and titles[0].startswith("导出审阅意见单：")


def test_exporting_the_batch_of_two_selected_reports_leaves_the_others_out(loaded_window, qtbot, save_dialog):
    window = loaded_window
    written, titles = save_dialog
    first = click_library_row(qtbot, window, GOOD_REPORT)
    second = click_library_row(qtbot, window, FLAWED_REPORT, CTRL)
    assert sorted(window.library.selected_report_ids()) == sorted([first, second])
    assert window.report.report_id == first

    window.actions.export_batch_pdf.trigger()
    wait_for_pdf(qtbot, window)

    text = pdf_text(written)
    assert "审阅汇总表" in text
    assert UNITS[GOOD_REPORT] in text and UNITS[FLAWED_REPORT] in text
    assert UNITS[CITY_REPORT] not in text and UNITS[OLD_REPORT] not in text
    assert titles == ["导出汇总表（已选 2 份报告）"]
    assert "汇总表（已选 2 份报告）" in window.statusBar().currentMessage()


def test_with_one_report_selected_the_batch_covers_the_whole_workspace(loaded_window, qtbot, save_dialog):
    window = loaded_window
    written, titles = save_dialog
    click_library_row(qtbot, window, GOOD_REPORT)
    assert len(window.library.selected_report_ids()) == 1

    window.actions.export_batch_pdf.trigger()
    wait_for_pdf(qtbot, window)

    text = pdf_text(written)
    assert all(unit in text for unit in UNITS.values())
    assert titles == ["导出汇总表（全部 4 份报告）"]


def test_exporting_the_sheets_of_several_selected_reports_gives_one_pdf_with_each(loaded_window, qtbot, save_dialog):
    window = loaded_window
    written, titles = save_dialog
    click_library_row(qtbot, window, GOOD_REPORT)
    click_library_row(qtbot, window, OLD_REPORT, CTRL)

    window.actions.export_pdf.trigger()
    wait_for_pdf(qtbot, window)

    pages = [page.extract_text() for page in PdfReader(written).pages]
    good_pages = {number for number, page in enumerate(pages) if UNITS[GOOD_REPORT] in page}
    old_pages = {number for number, page in enumerate(pages) if UNITS[OLD_REPORT] in page}
    assert good_pages and old_pages and good_pages.isdisjoint(old_pages)  # each sheet on its own pages
    assert not any(UNITS[FLAWED_REPORT] in page for page in pages)
    assert titles == ["导出审阅意见单（已选 2 份报告）"]


def test_batch_print_preview_shows_every_page_of_the_selected_reports_batch(loaded_window, qtbot):
    window = loaded_window
    table = window.library.table
    selection = table.selectionModel()
    for name in (FLAWED_REPORT, CITY_REPORT):
        selection.select(library_index(window, name), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    selected = window.library.selected_report_ids()
    assert len(selected) == 2
    expected_pages = len(PdfReader(io.BytesIO(batch_summary(selected, 4).build(window.ws))).pages)
    seen = {}

    def look_and_close(dialog) -> None:
        seen["dialog"] = type(dialog)
        seen["title"] = dialog.windowTitle()
        seen["pages"] = dialog.findChild(QPrintPreviewWidget).pageCount()
        dialog.reject()

    when_dialog_opens(qtbot, look_and_close, timeout_ms=BUILD_TIMEOUT_MS)
    window.actions.preview_batch.trigger()
    qtbot.waitUntil(lambda: "pages" in seen, timeout=BUILD_TIMEOUT_MS)

    assert seen["dialog"] is QPrintPreviewDialog
    assert "汇总表（已选 2 份报告）" in seen["title"]
    assert seen["pages"] == expected_pages


def test_printing_the_batch_of_the_whole_workspace_goes_through_the_print_dialog(loaded_window, qtbot,
                                                                                 monkeypatch, tmp_path):
    window = loaded_window
    printed = tmp_path / "printed.pdf"
    titles = []

    def print_to_file(dialog) -> int:
        titles.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return 1

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    window.actions.print_batch.trigger()
    wait_for_pdf(qtbot, window)

    expected = PdfReader(io.BytesIO(batch_summary(None, 4).build(window.ws))).pages
    assert titles == ["打印 — 汇总表（全部 4 份报告）"]
    assert len(PdfReader(printed).pages) == len(expected)


def test_the_batch_pdf_is_made_off_the_window_thread_with_a_busy_indicator(loaded_window, qtbot, save_dialog,
                                                                            monkeypatch):
    window = loaded_window
    written, _titles = save_dialog
    threads = []
    real_collect = reviewer.summary.collect_batch

    def recording_collect(ws, report_ids=None):
        threads.append(threading.current_thread())
        return real_collect(ws, report_ids)

    monkeypatch.setattr(reviewer.summary, "collect_batch", recording_collect)
    window.actions.export_batch_pdf.trigger()

    assert window.summaries.busy
    assert window.summaries.busy_bar.isVisible()
    assert window.summaries.busy_label.text() == "正在生成汇总表（全部 4 份报告）…"
    assert not any(action.isEnabled() for action in window.actions.batch_actions())
    wait_for_pdf(qtbot, window)

    assert threads and threads[0] is not threading.main_thread()
    assert written.exists()
    assert not window.summaries.busy_bar.isVisible()
    assert all(action.isEnabled() for action in window.actions.batch_actions())


def test_printing_renders_every_pdf_page_onto_the_printer(loaded_window, tmp_path):
    window = loaded_window
    report_id = window.ws.reports()[0].id
    data = report_sheets([report_id], "").build(window.ws)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))

    PdfPrintJob(data).paint(printer)

    assert len(PdfReader(printed).pages) == pages


def test_the_pages_to_print_are_read_off_the_window_thread(loaded_window, qtbot, monkeypatch):
    import reviewer.ui.pdf_drawing

    window = loaded_window
    threads, dialogs = [], []
    real_drawings = reviewer.ui.pdf_drawing.pdf_drawings

    def recording_drawings(data):
        threads.append(threading.current_thread())
        return real_drawings(data)

    monkeypatch.setattr(reviewer.ui.pdf_drawing, "pdf_drawings", recording_drawings)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: dialogs.append(dialog.windowTitle()) or 0)
    window.actions.print_batch.trigger()
    wait_for_pdf(qtbot, window)

    assert threads and threads[0] is not threading.main_thread()
    assert dialogs == ["打印 — 汇总表（全部 4 份报告）"]

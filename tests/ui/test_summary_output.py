"""The review summary leaves the window as a PDF file, and prints page by page through QtPdf."""
from __future__ import annotations

import io

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from reviewer.ui.summary_output import PdfPrintJob, report_pdf
from tests.ui.conftest import click_library_row

FLAWED_REPORT = "02_明湖县司法局2022年法治政府建设情况报告.txt"


def test_exporting_the_summary_pdf_of_the_open_report(loaded_window, qtbot, monkeypatch, tmp_path):
    window = loaded_window
    click_library_row(qtbot, window, FLAWED_REPORT)
    target = tmp_path / "意见单"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.actions.export_pdf.trigger()

    written = target.with_suffix(".pdf")
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert "审阅意见单" in text
    assert "明湖县司法局" in text


def test_printing_renders_every_pdf_page_onto_the_printer(loaded_window, tmp_path):
    window = loaded_window
    report_id = window.ws.reports()[0].id
    data = report_pdf(window.ws, report_id)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))

    job = PdfPrintJob(data)
    try:
        job.paint(printer)
    finally:
        job.close()

    assert len(PdfReader(printed).pages) == pages

"""Printing sends each summary page to the printer as vectors and text (what the PDF page draws, replayed),
not as an image: printed to a PDF file, the sheet's text reads back, no page holds an image, and the
printed pages look like the PDF's own."""
from __future__ import annotations

import io
import re
from datetime import datetime

import numpy as np
import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from reviewer.summary import build_batch_pdf, build_report_pdf
from reviewer.summary.data import BatchData, BatchRow, CheckRow, FigureRow, NoteRow, SheetHeader, SummaryData
from reviewer.summary.fonts import pdf_fonts
from reviewer.ui.pdf_drawing import PathShape, TextRun, pdf_drawings
from reviewer.ui.summary_output import PdfPrintJob, print_pdf

LOOK_DPI = 50
SAME_LOOK = 4.0
"""Largest mean difference (0-255 grey levels) between a printed page and the PDF's own at LOOK_DPI."""


def sheet_pdf() -> bytes:
    header = SheetHeader(file_name="常平镇2021年报告.txt", title="常平镇2021年法治政府建设年度报告", unit="常平镇",
                         level="乡镇街道", report_year=2021, publish_date="2022-03-15", reviewer="李审阅",
                         review_date="2022-04-02", verdict="需修改", review_status="已审")
    return build_report_pdf(SummaryData(
        header=header,
        checks=[CheckRow("存在的不足和原因", "不符合", "未找到“存在的不足和原因”部分")],
        figures=[FigureRow("一、坚持党的领导", "5894宗", "5894", "宗", "调解案件", "accepted")],
        notes=[NoteRow("检查", "比率与数据不符", "error", "调解成功率约为97.6%", "5745/5894为97.47%", "请核实")],
        remarks="\n".join(f"第{line}条意见：请补充相关内容并核实数据。" for line in range(1, 40)),
        generated_at=datetime(2022, 4, 2, 10, 30),
    ))


def print_to_file(data: bytes, tmp_path, ranges: QPageRanges | None = None) -> bytes:
    """What ``PdfPrintJob`` sends a printer, caught as a PDF file."""
    job = PdfPrintJob(data)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(job.page_layout())
    printer.setFullPage(True)
    if ranges is not None:
        printer.setPageRanges(ranges)
    job.paint(printer)
    return (tmp_path / "printed.pdf").read_bytes()


def page_images(data: bytes) -> list[int]:
    """How many images each page draws."""
    return [len(page.images) for page in PdfReader(io.BytesIO(data)).pages]


def page_texts(data: bytes) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def grey_pages(data: bytes) -> list[np.ndarray]:
    document = pdfium.PdfDocument(data)
    try:
        return [np.asarray(page.render(scale=LOOK_DPI / 72).to_pil().convert("L"), dtype=float) for page in document]
    finally:
        document.close()


def look_difference(printed: np.ndarray, original: np.ndarray) -> float:
    height, width = min(printed.shape[0], original.shape[0]), min(printed.shape[1], original.shape[1])
    return float(np.abs(printed[:height, :width] - original[:height, :width]).mean())


def test_the_printed_sheet_is_text_and_vectors_that_look_like_the_pdf(qapp, tmp_path):
    data = sheet_pdf()
    printed = print_to_file(data, tmp_path)

    assert page_images(printed) == [0] * len(page_images(data))
    texts = page_texts(printed)
    assert texts == page_texts(data)
    assert "常平镇2021年法治政府建设年度报告" in texts[0] and "审阅人李审阅" in texts[0]
    assert "审阅人签字：" in texts[-1]
    for printed_page, original_page in zip(grey_pages(printed), grey_pages(data)):
        assert look_difference(printed_page, original_page) < SAME_LOOK
    assert len(printed) < 4 * len(data)  # a few fonts and paths, not page-sized bitmaps


def test_the_batch_table_prints_on_landscape_paper(qapp, tmp_path):
    rows = [BatchRow(unit=f"第{number}镇", report_year=2023, publish_date="2024-03-10", timeliness="符合",
                     required="符合", missing_parts=[], open_findings=number % 3, verdict="通过", indicators={})
            for number in range(40)]
    data = build_batch_pdf(BatchData(rows=rows, indicator_names=[], scope="工作区全部报告", reviewer="李审阅",
                                     generated_at=datetime(2024, 4, 2, 10, 30)))
    printed = print_to_file(data, tmp_path)

    pages = PdfReader(io.BytesIO(printed)).pages
    assert all(page.mediabox.width > page.mediabox.height for page in pages)
    assert page_texts(printed) == page_texts(data)
    assert "第39镇" in "".join(page_texts(printed))


def test_only_the_pages_asked_for_are_printed(qapp, tmp_path):
    data = sheet_pdf()
    assert len(page_texts(data)) >= 2
    ranges = QPageRanges()
    ranges.addPage(2)

    assert page_texts(print_to_file(data, tmp_path, ranges)) == [page_texts(data)[1]]


def test_the_print_dialog_offers_the_pdfs_page_range(qapp, monkeypatch, tmp_path):
    data = sheet_pdf()
    seen = {}

    def answer(dialog) -> int:
        seen["range"] = (dialog.minPage(), dialog.maxPage())
        seen["full page"] = dialog.printer().fullPage()
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
        return 1

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    assert print_pdf(None, PdfPrintJob(data), preview=False, title="审阅意见单：常平镇")

    assert seen == {"range": (1, len(page_texts(data))), "full page": True}
    assert page_texts((tmp_path / "printed.pdf").read_bytes()) == page_texts(data)


def drawing_pdf(with_image: bool) -> bytes:
    """A page with what the sheets never draw: a dashed line, a curve, turned and coloured text, and
    (``with_image``) a photo."""
    fonts = pdf_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setDash(6, 3)
    canvas.setLineWidth(2)
    canvas.line(72, 700, 400, 700)
    canvas.setDash()
    canvas.setFillColorRGB(0.2, 0.4, 0.8)
    canvas.circle(300, 500, 60, stroke=1, fill=1)
    canvas.setFont(fonts.body, 16)
    canvas.setFillColorRGB(0.7, 0, 0)
    canvas.drawString(72, 760, "审阅意见单 第 1 页")
    canvas.saveState()
    canvas.translate(100, 300)
    canvas.rotate(30)
    canvas.drawString(0, 0, "斜排的文字")
    canvas.restoreState()
    if with_image:
        from PIL import Image

        photo = Image.new("RGB", (40, 30), (0, 160, 0))
        canvas.drawImage(ImageReader(photo), 350, 150, width=120, height=90)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_dashes_curves_and_turned_coloured_text_are_replayed(qapp, tmp_path):
    data = drawing_pdf(with_image=False)
    [page] = pdf_drawings(data)
    texts = [item for item in page.items if isinstance(item, TextRun)]
    shapes = [item for item in page.items if isinstance(item, PathShape)]

    assert page.complete
    assert [run.text for run in texts] == ["审阅意见单 第 1 页", "斜排的文字"]
    assert texts[0].color[0] in (178, 179) and texts[0].color[1:] == (0, 0, 255)  # 0.7 of 255
    assert texts[-1].linear[1] == pytest.approx(0.5, abs=0.01)  # sin 30°
    assert any(shape.dash == (6.0, 3.0) for shape in shapes)
    assert any(segment.kind == 1 for shape in shapes for segment in shape.segments)  # the circle's curves

    printed = print_to_file(data, tmp_path)
    assert page_images(printed) == [0]
    assert "斜排的文字" in page_texts(printed)[0]
    [printed_page], [original_page] = grey_pages(printed), grey_pages(data)
    assert look_difference(printed_page, original_page) < SAME_LOOK


def test_a_page_with_an_image_is_printed_as_one_image(qapp, tmp_path):
    data = drawing_pdf(with_image=True)
    [page] = pdf_drawings(data)
    assert not page.complete

    printed = print_to_file(data, tmp_path)
    assert page_images(printed) == [1]
    [printed_page], [original_page] = grey_pages(printed), grey_pages(data)
    assert look_difference(printed_page, original_page) < SAME_LOOK


@pytest.mark.parametrize("reader", ["printing", "report import"])
def test_pdfium_is_entered_by_one_thread_at_a_time(qapp, reader):
    """PDFium crashes when two threads call it: printing on the window's thread and a PDF report being read
    on the import worker wait for each other."""
    import threading

    from reviewer.analysis.loaders.pdf import load_pdf
    from reviewer.analysis.loaders.pdfium_lock import PDFIUM_LOCK

    data = sheet_pdf()  # text enough not to be taken for a scan
    work = {"printing": lambda: pdf_drawings(data), "report import": lambda: load_pdf(data, "报告.pdf")}[reader]
    worker = threading.Thread(target=work)
    with PDFIUM_LOCK:
        worker.start()
        worker.join(0.5)
        assert worker.is_alive()  # waiting for the lock this thread holds
    worker.join(30)
    assert not worker.is_alive()

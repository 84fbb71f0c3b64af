"""The review summaries (from reviewer.summary) as PDFs the window saves, previews and prints.

A ``SummaryPdf`` says what a summary covers; its ``build`` reads the workspace it is given and lays out
the PDF, so it can run on a worker thread with the worker's own workspace. Printing replays what each PDF
page draws (its rules, shading and text, read by PDFium) onto the printer as vectors and text, so what is
printed is exactly the PDF the summary layer made, sharp at any resolution and a small print job.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from reviewer.ui.pdf_painting import GlyphFonts
    from reviewer.workspace import Workspace

IMAGE_DPI = 200
"""Resolution of a page printed as an image (one drawing what the vector replay does not cover)."""
PREVIEW_SHARE = 0.85
"""The print preview takes this share of the window's size (Qt's default is too small to read a page)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("summary_output", text)


@dataclass(frozen=True)
class SummaryPdf:
    """A summary to output: what it is called, and how its PDF is made."""

    title: str
    """The summary and its scope, for dialog titles and the status bar (汇总表（已选 5 份报告）)."""
    file_name: str
    """The name suggested when it is saved."""
    build: Callable[[Workspace], bytes]
    """Collects the data from the workspace it is given and returns the PDF bytes."""
    build_docx: Callable[[Workspace], bytes] | None = None
    """The same as an editable Word document, when it can be saved as one."""


def report_sheets(report_ids: Sequence[int], name: str) -> SummaryPdf:
    """The 审阅意见单 of each report, one after the other in one PDF; ``name`` names a single report."""
    report_ids = list(report_ids)

    def build(ws: Workspace) -> bytes:
        from reviewer.summary import build_reports_pdf, collect_report

        return build_reports_pdf([collect_report(ws, report_id) for report_id in report_ids])

    def build_docx(ws: Workspace) -> bytes:
        from reviewer.outputs.review_sheet_docx import build_report_docx
        from reviewer.summary import collect_report

        return build_report_docx([collect_report(ws, report_id) for report_id in report_ids])

    if len(report_ids) == 1:
        title = _tr("审阅意见单：{name}").format(name=name)
        file_name = _tr("审阅意见单-{name}.pdf").format(name=name)
    else:
        title = _tr("审阅意见单（已选 {count} 份报告）").format(count=len(report_ids))
        file_name = _tr("审阅意见单-{count}份报告.pdf").format(count=len(report_ids))
    return SummaryPdf(title, file_name, build, build_docx)


def batch_summary(report_ids: Sequence[int] | None, workspace_reports: int) -> SummaryPdf:
    """The 汇总表 of ``report_ids`` (in that order), or, when None, of the whole workspace, which holds
    ``workspace_reports`` reports."""
    report_ids = None if report_ids is None else list(report_ids)

    def build(ws: Workspace) -> bytes:
        from reviewer.summary import build_batch_pdf, collect_batch

        return build_batch_pdf(collect_batch(ws, report_ids))

    def build_docx(ws: Workspace) -> bytes:
        from reviewer.outputs.batch_docx import build_batch_docx
        from reviewer.summary import collect_batch

        return build_batch_docx(collect_batch(ws, report_ids))

    title, file_name = scope_names(_tr("汇总表"), _tr("审阅汇总表"), ".pdf", report_ids, workspace_reports)
    return SummaryPdf(title, file_name, build, build_docx)


def scope_names(what: str, stem: str, suffix: str, report_ids: Sequence[int] | None,
                workspace_reports: int) -> tuple[str, str]:
    """The title (汇总表（已选 5 份报告）) and the suggested file name (审阅汇总表-已选5份报告.pdf) of an output
    covering the reports selected in the library, or the whole workspace when ``report_ids`` is None."""
    if report_ids is None:
        return _tr("{what}（全部 {count} 份报告）").format(what=what, count=workspace_reports), stem + suffix
    count = len(report_ids)
    return (_tr("{what}（已选 {count} 份报告）").format(what=what, count=count),
            _tr("{stem}-已选{count}份报告").format(stem=stem, count=count) + suffix)


def choose_summary_path(parent: QWidget | None, title: str, suggested_name: str, folder: Path,
                        word: bool) -> Path | None:
    """Ask where to save a summary: a PDF, or with ``word`` a PDF or a Word document, as the name's extension
    or else the chosen file type says (``.pdf`` when neither does); None when cancelled."""
    pdf, docx = _tr("PDF 文件 (*.pdf)"), _tr("Word 文档 (*.docx)")
    path, chosen = QFileDialog.getSaveFileName(
        parent, _tr("导出{title}").format(title=title), str(folder / suggested_name),
        ";;".join([pdf, docx] if word else [pdf]),
    )
    if not path:
        return None
    target = Path(path)
    suffixes = (".pdf", ".docx") if word else (".pdf",)
    if target.suffix.lower() in suffixes:
        return target
    return target.with_suffix(".docx" if word and chosen == docx else ".pdf")


class PdfPrintJob:
    """A PDF read for printing: what each page draws, replayed onto the printer or the print preview.

    Reading the pages takes seconds for a long 汇总表 and needs no Qt: it may run on a worker thread; the
    fonts and images for painting are made on the thread that paints."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2 as pdfium

        from reviewer.ui.pdf_drawing import pdf_drawings

        self._data = data
        try:
            self.pages = pdf_drawings(data)
        except pdfium.PdfiumError as error:
            raise OSError(_tr("无法读取生成的 PDF（{error}）").format(error=error)) from None
        self._fonts: GlyphFonts | None = None
        self._images: dict[int, QImage] = {}

    @classmethod
    def builder(cls, build: Callable[[Workspace], bytes]) -> Callable[[Workspace], PdfPrintJob]:
        """``build`` followed by reading its pages: a job for the PdfBuilder's worker thread."""
        return lambda ws: cls(build(ws))

    def page_layout(self) -> QPageLayout:
        """The paper of the first page (A4, portrait or landscape), no margins: the PDF has its own."""
        if not self.pages:
            return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF())
        width, height = self.pages[0].width, self.pages[0].height
        orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
        size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point)
        return QPageLayout(size, orientation, QMarginsF())

    def paint(self, printer) -> None:
        """Draw the pages the printer asks for (all, or its page ranges) onto ``printer`` (also the preview's
        paint request)."""
        from reviewer.ui.pdf_painting import GlyphFonts, page_placement, paint_page

        if self._fonts is None:
            self._fonts = GlyphFonts()
        ranges = printer.pageRanges()
        numbers = [n for n in range(1, len(self.pages) + 1) if ranges.isEmpty() or ranges.contains(n)]
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            paper = printer.pageLayout().fullRectPixels(printer.resolution()).toRectF()  # a full-page printer
            for count, number in enumerate(numbers):
                if count:
                    printer.newPage()
                page = self.pages[number - 1]
                paint_page(painter, page, page_placement(page, paper), self._fonts, partial(self._image, number - 1))
        finally:
            painter.end()

    def _image(self, index: int) -> QImage:
        if index not in self._images:
            from reviewer.ui.pdf_drawing import render_page

            rendered = render_page(self._data, index, IMAGE_DPI / 72)
            image = QImage(rendered.pixels, rendered.width, rendered.height, rendered.stride,
                           QImage.Format.Format_ARGB32)
            self._images[index] = image.copy()  # its own pixels: ``rendered`` goes
        return self._images[index]


def print_pdf(parent: QWidget | None, job: PdfPrintJob, preview: bool, title: str) -> bool:
    """Print (with the system print dialog) or preview-then-print a PDF named ``title``. True when something
    was printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageLayout(job.page_layout())
    printer.setFullPage(True)  # after the layout, which resets it: the PDF pages carry their own margins
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(_tr("打印预览 — {title}").format(title=title))
        if parent is not None:
            dialog.resize(parent.window().size() * PREVIEW_SHARE)
        dialog.paintRequested.connect(job.paint)
        return bool(dialog.exec())
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印 — {title}").format(title=title))
    dialog.setMinMax(1, max(1, len(job.pages)))
    if dialog.exec():
        job.paint(printer)
        return True
    return False

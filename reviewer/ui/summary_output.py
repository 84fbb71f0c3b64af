"""The review summary PDFs (from reviewer.summary) saved, previewed and printed.

Printing renders each PDF page with QtPdf onto the printer at a bounded resolution, so what is printed
is exactly the PDF the summary layer made.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

RENDER_DPI = 200
"""Resolution pages are rasterised at for printing: sharp text, bounded memory."""
PREVIEW_SHARE = 0.85
"""The print preview takes this share of the window's size (Qt's default is too small to read a page)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("summary_output", text)


def report_pdf(ws, report_id: int) -> bytes:
    from reviewer.summary import build_report_pdf, collect_report

    return build_report_pdf(collect_report(ws, report_id))


def batch_pdf(ws) -> bytes:
    from reviewer.summary import build_batch_pdf, collect_batch

    return build_batch_pdf(collect_batch(ws))


def save_pdf(parent: QWidget | None, data: bytes, suggested_name: str, folder: Path) -> Path | None:
    """Ask where to save and write the PDF; returns the path written, None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, _tr("导出 PDF"), str(folder / suggested_name), _tr("PDF 文件 (*.pdf)")
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    target.write_bytes(data)
    return target


class PdfPrintJob:
    """Holds a loaded PDF while it is printed or previewed."""

    def __init__(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument

        self._file = tempfile.NamedTemporaryFile(prefix="reviewer-", suffix=".pdf", delete=False)
        self._file.write(data)
        self._file.close()
        self.document = QPdfDocument()
        error = self.document.load(self._file.name)
        if error != QPdfDocument.Error.None_:
            raise OSError(_tr("无法读取生成的 PDF（{error}）").format(error=error.name))

    def close(self) -> None:
        self.document.close()
        Path(self._file.name).unlink(missing_ok=True)

    def paint(self, printer) -> None:
        """Draw every page onto ``printer`` (also the preview's paint request)."""
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = printer.pageLayout().paintRectPixels(printer.resolution())
                points = self.document.pagePointSize(page)
                image_size = QSize(round(points.width() * RENDER_DPI / 72), round(points.height() * RENDER_DPI / 72))
                image = self.document.render(page, image_size)
                target = QRect(0, 0, area.width(), area.height())
                scaled = image_size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()


def print_pdf(parent: QWidget | None, data: bytes, preview: bool) -> bool:
    """Print (with the system print dialog) or preview-then-print a PDF. True when something was printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

    job = PdfPrintJob(data)
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_tr("审阅意见单"))
        if preview:
            dialog = QPrintPreviewDialog(printer, parent)
            dialog.setWindowTitle(_tr("打印预览"))
            if parent is not None:
                dialog.resize(parent.window().size() * PREVIEW_SHARE)
            dialog.paintRequested.connect(job.paint)
            return bool(dialog.exec())
        dialog = QPrintDialog(printer, parent)
        if dialog.exec():
            job.paint(printer)
            return True
        return False
    finally:
        job.close()

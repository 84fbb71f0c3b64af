"""The 审阅意见单 and the 汇总表 printed, previewed or exported (PDF or Word) from the window, and the other
Office files (Excel workbook, 批注版) exported.

The file is made by a PdfBuilder on a worker thread, with a busy indicator in the status bar; then it is
printed, shown in the print preview or written to the file the reviewer chose beforehand.
"""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from reviewer.ui.dialogs import show_error
from reviewer.ui.office_exports import ExportedFile, ExportFile, choose_export_path
from reviewer.ui.pdf_builder import PdfBuilder
from reviewer.ui.session import Session
from reviewer.ui.summary_output import PdfPrintJob, SummaryPdf, choose_summary_path, print_pdf

STATUS_MS = 8000


class Output(Enum):
    PRINT = "print"
    PREVIEW = "preview"
    EXPORT = "export"


class SummaryController(QObject):
    busyChanged = Signal(bool)
    """A PDF is being built (True) or was handed on (False)."""

    def __init__(
        self,
        window: QMainWindow,
        session: Session,
        open_workspace: Callable[[Path], object],
        folder: Callable[[], Path],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._folder = folder
        self.builder = PdfBuilder(open_workspace, self)
        self.builder.busyChanged.connect(self._busy_changed)

        self.busy_label = QLabel()
        self.busy_label.setObjectName("summaryBusyLabel")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("summaryBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(self.busy_bar.fontMetrics().averageCharWidth() * 20)
        for widget in (self.busy_label, self.busy_bar):
            window.statusBar().addPermanentWidget(widget)
            widget.hide()

    @property
    def busy(self) -> bool:
        return self.builder.busy

    def output(self, summary: SummaryPdf, how: Output) -> None:
        """Make the summary's PDF on the worker thread, then print, preview or save it."""
        if self.busy:
            return
        build = summary.build
        if how is Output.EXPORT:
            target = choose_summary_path(self.window, summary.title, summary.file_name, self._folder(),
                                         summary.build_docx is not None)
            if target is None:
                return
            if target.suffix.lower() == ".docx" and summary.build_docx is not None:
                build = summary.build_docx
            done = partial(self._save, summary.title, target)
        else:
            build = PdfPrintJob.builder(build)  # the PDF's pages read on the worker too
            done = partial(self._print, summary, how is Output.PREVIEW)
        self.busy_label.setText(self.tr("正在生成{title}…").format(title=summary.title))
        self.builder.start(self.session.path, build, done, partial(self._failed, summary.title))

    def export(self, file: ExportFile) -> None:
        """Ask where to save ``file``, make it on the worker thread, then write it."""
        if self.busy:
            return
        target = choose_export_path(self.window, file, self._folder())
        if target is None:
            return

        def save(made: ExportedFile) -> None:
            self._save(file.title, target, made.data, made.note)

        self.busy_label.setText(self.tr("正在生成{title}…").format(title=file.title))
        self.builder.start(self.session.path, file.build, save, partial(self._failed, file.title))

    def shutdown(self) -> None:
        self.builder.shutdown()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        self.busyChanged.emit(busy)

    def _save(self, title: str, target: Path, data: bytes, note: str = "") -> None:
        try:
            target.write_bytes(data)
        except OSError as error:
            show_error(self.window, self.tr("无法导出"),
                       self.tr("无法写入 {path}：{error}").format(path=target, error=error.strerror or error))
            return
        message = self.tr("已导出{title}：{path}").format(title=title, path=target)
        self.window.statusBar().showMessage(message + (f"（{note}）" if note else ""), STATUS_MS)

    def _print(self, summary: SummaryPdf, preview: bool, job: PdfPrintJob) -> None:
        print_pdf(self.window, job, preview, summary.title)

    def _failed(self, title: str, message: str) -> None:
        show_error(self.window, self.tr("无法生成{title}").format(title=title), message)

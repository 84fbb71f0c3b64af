"""The 审阅意见单 and the 汇总表 printed, previewed or exported as PDF from the window.

The PDF is made by a PdfBuilder on a worker thread, with a busy indicator in the status bar; then it is
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
from reviewer.ui.pdf_builder import PdfBuilder
from reviewer.ui.session import Session
from reviewer.ui.summary_output import SummaryPdf, choose_pdf_path, print_pdf

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
        if how is Output.EXPORT:
            target = choose_pdf_path(self.window, summary.title, summary.file_name, self._folder())
            if target is None:
                return
            done = partial(self._save, summary, target)
        else:
            done = partial(self._print, summary, how is Output.PREVIEW)
        self.busy_label.setText(self.tr("正在生成{title}…").format(title=summary.title))
        self.builder.start(self.session.path, summary.build, done, partial(self._failed, summary))

    def shutdown(self) -> None:
        self.builder.shutdown()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        self.busyChanged.emit(busy)

    def _save(self, summary: SummaryPdf, target: Path, pdf: bytes) -> None:
        try:
            target.write_bytes(pdf)
        except OSError as error:
            show_error(self.window, self.tr("无法导出"),
                       self.tr("无法写入 {path}：{error}").format(path=target, error=error.strerror or error))
            return
        self.window.statusBar().showMessage(
            self.tr("已导出{title}：{path}").format(title=summary.title, path=target), STATUS_MS
        )

    def _print(self, summary: SummaryPdf, preview: bool, pdf: bytes) -> None:
        try:
            print_pdf(self.window, pdf, preview, summary.title)
        except OSError as error:
            show_error(self.window, self.tr("无法打印"), str(error))

    def _failed(self, summary: SummaryPdf, message: str) -> None:
        show_error(self.window, self.tr("无法生成{title}").format(title=summary.title), message)

"""Uncaught exceptions: written to the log file and shown in a dialog that says where the log is,
instead of the window vanishing or an error going unnoticed in a slot.
"""
from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.logging_setup import setup_logging
from reviewer.ui.plain_text import plain_message
from reviewer.workspace.errors import WorkspaceError

log = logging.getLogger("reviewer.crash")

_reporter: _CrashReporter | None = None


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class _CrashReporter(QObject):
    """Lives in the GUI thread; exceptions from other threads reach the dialog through a queued signal."""

    crashed = Signal(str)
    workspaceFailed = Signal(str)
    """A WorkspaceError nothing caught (a damaged record read, a full disk): its Chinese message."""

    def __init__(self, log_file: Path) -> None:
        super().__init__()
        self.log_file = log_file
        self._showing = False
        self.crashed.connect(self._show_dialog)
        self.workspaceFailed.connect(self._show_workspace_message)

    def report(
        self,
        exc_type: type[BaseException],
        exc_value: BaseException,
        exc_tb: TracebackType | None,
    ) -> None:
        details = "".join(traceback.format_exception(exc_type, exc_value, exc_tb))
        log.critical("未处理的异常 (uncaught exception)\n%s", details.rstrip())
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc_value, exc_tb)
            return
        if isinstance(exc_value, WorkspaceError):
            self.workspaceFailed.emit(exc_value.message)
            return
        self.crashed.emit(details)

    @Slot(str)
    def _show_workspace_message(self, message: str) -> None:
        """What the workspace says, without a traceback: the officer can act on it (free disk space,
        restore a backup with the next start)."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("工作区出错"), message, QMessageBox.StandardButton.Ok)
        plain_message(box).exec()

    @Slot(str)
    def _show_dialog(self, details: str) -> None:
        if self._showing:  # a second error while the dialog is open is only logged
            return
        self._showing = True
        try:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                tr("程序出错"),
                tr("程序遇到意外错误，刚才的操作可能没有完成。已保存的审阅记录不会丢失。"),
            )
            box.setInformativeText(
                tr("错误详情已写入日志文件：\n{path}\n\n如果问题再次出现，请将这个文件发送给技术支持人员。").format(
                    path=self.log_file
                )
            )
            plain_message(box).setDetailedText(details)
            open_folder = box.addButton(tr("打开日志文件夹"), QMessageBox.ButtonRole.ActionRole)
            box.addButton(tr("确定"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            if box.clickedButton() is open_folder:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))
        finally:
            self._showing = False


def install_excepthook(log_file: Path | None = None) -> Path:
    """Route uncaught exceptions (main thread, Qt slots, worker threads) to the log and a dialog.

    Call once in the GUI thread, before or after the QApplication is created. ``log_file`` defaults to
    the one :func:`reviewer.logging_setup.setup_logging` sets up. Returns the log file's path.
    """
    global _reporter
    log_file = log_file or setup_logging()
    reporter = _CrashReporter(log_file)
    _reporter = reporter
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return log_file


def _excepthook(
    exc_type: type[BaseException], exc_value: BaseException, exc_tb: TracebackType | None
) -> None:
    if _reporter is None or issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc_value, exc_tb)
        return
    _reporter.report(exc_type, exc_value, exc_tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    _excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

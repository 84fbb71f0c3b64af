"""The deep check of the open workspace on a worker thread (its own read-only connection), so opening never
waits for it and the officer reads and works meanwhile: run after an unclean shutdown (the workspace says
it is due) and on 工具→检查工作区, with its step and a cancel button in the status bar. Problems are shown
in a message box as soon as the check ends; a sound result lets the next open skip the check."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QToolButton

from reviewer.ui.dialogs import widen_message
from reviewer.ui.import_worker import BackgroundJob, CancellableWorker
from reviewer.ui.plain_text import plain_label, plain_message
from reviewer.ui.session import Session

STATUS_MS = 10000


class CheckWorker(CancellableWorker):
    """Runs :func:`check_workspace` on the job's thread."""

    progress = Signal(int, int, str)
    """(steps done, steps in all, the step now running)."""
    checked = Signal(object, list)
    """(the workspace path, the problems found: [] for a sound workspace); not emitted when cancelled."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    @Slot()
    def run(self) -> None:
        from reviewer.workspace.integrity import CheckCancelled, check_workspace

        try:
            problems = check_workspace(self.path, self.progress.emit, self._cancel.is_set)
        except CheckCancelled:
            pass
        except Exception as error:  # the file vanished or cannot be read at all: that is the finding
            self.checked.emit(self.path, [self.tr("无法读取工作区文件：{error}").format(error=error)])
        else:
            self.checked.emit(self.path, problems)
        self.finished.emit(self._cancel.is_set())


class WorkspaceCheck(QObject):
    """Owns the 检查工作区 action and the check running in the background (one at a time)."""

    finished = Signal(list)
    """The problems found by a check that ran to its end."""
    restoreRequested = Signal()
    """The officer chose 从备份恢复… in the box showing the damage."""

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.job: BackgroundJob | None = None
        self._automatic = False
        self.action = QAction(self.tr("检查工作区…"), window)
        self.action.setObjectName("checkWorkspace")
        self.action.setStatusTip(self.tr("在后台深度检查工作区文件是否完好（可继续工作）"))
        self.action.triggered.connect(lambda: self.start(automatic=False))

        self.label = plain_label()
        self.bar = QProgressBar()
        self.bar.setObjectName("workspaceCheckProgress")
        self.bar.setMaximumWidth(self.bar.fontMetrics().averageCharWidth() * 20)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelWorkspaceCheck")
        self.cancel_button.setText(self.tr("取消检查"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in self._widgets():
            window.statusBar().addPermanentWidget(widget)
            widget.hide()
        session.workspaceReplaced.connect(lambda _ws: (self.shutdown(), self.start_if_due()))

    def _widgets(self):
        return (self.label, self.bar, self.cancel_button)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start_if_due(self) -> None:
        """The check an unclean shutdown calls for, if the workspace left it to us."""
        if self.session.ws.deep_check_due:
            self.start(automatic=True)

    def start(self, automatic: bool) -> None:
        if self.job is not None:
            return
        self._automatic = automatic
        worker = CheckWorker(self.session.path)
        worker.progress.connect(self._progress)
        worker.checked.connect(self._checked)  # slots of this object: run on the window's thread
        self.job = BackgroundJob(worker, self)
        self.job.ended.connect(self._ended)
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("上次未正常关闭，正在后台检查工作区…") if automatic
                           else self.tr("正在检查工作区…"))
        for widget in self._widgets():
            widget.show()
        self.cancel_button.setEnabled(True)
        self.action.setEnabled(False)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("正在停止检查…"))
            self.job.cancel()

    def shutdown(self) -> None:
        """Stop a running check and wait for its thread (window closing, workspace switched)."""
        if self.job is not None:
            self.job.ended.disconnect(self._ended)
            self.job.stop()
            self._ended(True)

    def _progress(self, done: int, total: int, step: str) -> None:
        if step and self.cancel_button.isEnabled():
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.label.setText(self.tr("检查工作区：{step}（{done}/{total}）").format(
                step=step, done=done + 1, total=total))

    def _checked(self, path: Path, problems: list) -> None:
        if path != self.session.path:
            return  # a check of the workspace the window has left
        self.session.ws.deep_check_finished(problems)
        self.finished.emit(problems)
        if problems:
            self._show_problems(problems)
        else:
            self.window.statusBar().showMessage(self.tr("工作区检查完毕，未发现问题"), STATUS_MS)

    def _ended(self, cancelled: bool) -> None:
        self.job = None
        for widget in self._widgets():
            widget.hide()
        self.action.setEnabled(True)
        if cancelled:
            self.window.statusBar().showMessage(
                self.tr("已取消工作区检查") + (self.tr("（下次打开时再检查）") if self._automatic else ""), STATUS_MS)

    def _show_problems(self, problems: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("工作区检查发现问题"),
                          self.tr("工作区文件可能已损坏：{path}").format(path=self.session.path),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("workspaceCheckProblems")
        box.setInformativeText("\n".join(problems) + "\n\n" + self.tr(
            "已保存的审阅内容仍可查看。建议尽快从备份恢复：点“从备份恢复…”选择一个备份（原文件会保留）。"
            "备份文件夹：{folder}").format(folder=_backups_folder(self.session.path)))
        restore = box.addButton(self.tr("从备份恢复…"), QMessageBox.ButtonRole.ActionRole)
        restore.setObjectName("restoreFromBackupButton")
        box.buttonClicked.connect(lambda button: button is restore and self.restoreRequested.emit())
        plain_message(box)
        widen_message(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _backups_folder(path: Path) -> Path:
    from reviewer.workspace.backup import backups_dir

    return backups_dir(path)

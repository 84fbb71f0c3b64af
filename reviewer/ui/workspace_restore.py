"""工具→从备份恢复…, also offered by the box that shows damage found by the deep check: the officer picks
one of the workspace's backups, confirms, and the window closes its workspace, puts the backup in its
place (the damaged file kept beside it, never deleted), reopens it and says where the original was kept.
A restore that fails leaves the file as it was and reopens it."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from reviewer.ui.backup_dialog import BackupChoiceDialog
from reviewer.ui.dialogs import show_error, widen_message
from reviewer.ui.session import Session
from reviewer.ui.workspace_opening import open_workspace_interactively, restore_from_backup


class WorkspaceRestore(QObject):
    """Owns the 从备份恢复 action. ``leave`` is asked before the workspace is closed (False: not now, it
    said why); ``reopened`` gets the workspace reopened after the restore, or None when the officer chose
    to quit instead of opening one."""

    def __init__(self, window: QMainWindow, session: Session, leave: Callable[[], bool],
                 reopened: Callable[[object], None]) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._leave = leave
        self._reopened = reopened
        self.action = QAction(self.tr("从备份恢复…"), window)
        self.action.setObjectName("restoreFromBackup")
        self.action.setStatusTip(self.tr("用备份文件夹中的一个备份替换当前工作区（当前文件会保留）"))
        self.action.triggered.connect(self.start)

    def start(self) -> None:
        """List the backups for the officer to choose from."""
        from reviewer.workspace.backup import backups_dir, list_backups

        path = self.session.path
        backups = list_backups(path)
        if not backups:
            show_error(self.window, self.tr("没有备份"),
                       self.tr("备份文件夹中没有这个工作区的备份：{folder}").format(folder=backups_dir(path)))
            return
        dialog = BackupChoiceDialog(path, backups, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._confirm(path, dialog.chosen()))
        dialog.open()

    def _confirm(self, path: Path, backup: Path | None) -> None:
        if backup is None or path != self.session.path:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("从备份恢复"),
                          self.tr("用这个备份替换当前工作区吗？\n{backup}").format(backup=backup.name),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("confirmRestore")
        box.setInformativeText(self.tr(
            "备份之后所做的审阅修改不在备份中。当前的工作区文件会另存一份（文件名以 .damaged- 加时间结尾），"
            "不会删除。恢复后撤销记录将清空。"))
        restore = box.addButton(self.tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("confirmRestoreButton")
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        widen_message(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: button is restore and self.restore(path, backup))
        box.open()

    def restore(self, path: Path, backup: Path) -> None:
        """Close the workspace, put ``backup`` in its place, reopen it and say what happened."""
        if path != self.session.path or not self._leave():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.session.close()
            restored = restore_from_backup(path, backup, self.window)
        finally:
            QApplication.restoreOverrideCursor()
        ws = open_workspace_interactively(path, self.window)  # the restored file, or the untouched one
        self._reopened(ws)
        if ws is None or restored is None:
            return
        self._tell(restored)

    def _tell(self, restored) -> None:
        kept = (self.tr("原来的工作区文件保留为：{path}").format(path=restored.damaged_copy)
                if restored.damaged_copy is not None else self.tr("原来的工作区文件已不存在，没有需要保留的文件。"))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("已从备份恢复"),
                          self.tr("工作区已从备份恢复：{backup}").format(backup=restored.backup.name),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("workspaceRestored")
        box.setInformativeText(kept)
        widen_message(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

"""The list of a workspace's backups to restore from: when each was taken, its size and why, newest first."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.plain_text import plain_label
from reviewer.workspace.backup import AUTO, BackupFile

PathRole = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    """A file size the officer reads at a glance (KB below a megabyte, else MB or GB)."""
    if size < 1 << 20:
        return f"{(size + 1023) // 1024} KB"
    if size < 1 << 30:
        return f"{size / (1 << 20):.1f} MB"
    return f"{size / (1 << 30):.2f} GB"


class BackupChoiceDialog(QDialog):
    """Pick one backup; :meth:`chosen` is the backup file once accepted (the newest is preselected)."""

    def __init__(self, workspace: Path, backups: Sequence[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupChoice")
        self.setWindowTitle(self.tr("从备份恢复"))
        self.list = QTreeWidget()
        self.list.setObjectName("backupList")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels([self.tr("备份时间"), self.tr("大小"), self.tr("类型")])
        for backup in backups:
            item = QTreeWidgetItem([backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"), size_text(_size(backup.path)),
                                    self._reason(backup.reason)])
            item.setData(0, PathRole, str(backup.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("恢复…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreChosenBackup")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("选择用来替换当前工作区的备份（最新的在最上面）：\n{workspace}").format(
            workspace=workspace)))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        line = self.fontMetrics().lineSpacing()
        self.resize(line * 36, line * 18)

    def _reason(self, reason: str) -> str:
        return self.tr("自动备份") if reason == AUTO else self.tr("升级前的备份")

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(0, PathRole)) if item is not None else None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0

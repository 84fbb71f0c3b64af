"""检查 tab: the required-parts checklist and every finding (grouped, most severe first), each pointing at
its text."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.panels.item_tree import ItemTree
from reviewer.ui.report_items import CopyRole, Group, ReportItemModel


class ChecksPanel(QWidget):
    copyOpenRequested = Signal(int, object)  # other report id, (start, end) of the matching passage

    def __init__(self, model: ReportItemModel, current: CurrentItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = ItemTree(model, current, Group.CHECKS, [self.tr("检查项"), self.tr("状态")], wrap=True)
        self.tree.setObjectName("checksTree")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.tree.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        link = index.data(CopyRole)
        if link is not None:
            self.copyOpenRequested.emit(link[0], link[1])

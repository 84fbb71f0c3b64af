"""批注 tab: the reviewer's annotations on this report, in text order."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.panels.item_tree import ItemTree
from reviewer.ui.report_items import Group, ReportItemModel, TargetRole


class AnnotationsPanel(QWidget):
    editRequested = Signal(object)
    """An annotation's row was activated (double-click, Enter): its Target."""

    def __init__(self, model: ReportItemModel, current: CurrentItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [self.tr("批注"), self.tr("类别"), self.tr("程度"), self.tr("原文")]
        self.tree = ItemTree(model, current, Group.ANNOTATIONS, headers, wrap=True)
        self.tree.setObjectName("annotationsTree")
        self.tree.setRootIsDecorated(False)
        self.tree.activated.connect(self._activated)
        self.hint = QLabel(self.tr("在正文中选中文字后按 Ctrl+M 或右键“添加批注”。"))
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        target = index.data(TargetRole)
        if target is not None:
            self.editRequested.emit(target)

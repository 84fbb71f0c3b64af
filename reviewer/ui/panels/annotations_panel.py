"""批注 tab: the reviewer's annotations on this report, in text order."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.ui.open_report import OpenReport, Target
from reviewer.ui.panels.target_tree import TargetRole, clear_tree_selection, select_node, selected_target
from reviewer.ui.panels.tree_layout import fit_tree_columns
from reviewer.ui.review_states import tr_label

QUOTE_CHARS = 24


class AnnotationsPanel(QWidget):
    targetSelected = Signal(object)
    editRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("annotationsTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("批注"), self.tr("类别"), self.tr("程度"), self.tr("原文")])
        self.tree.setWordWrap(True)
        fit_tree_columns(self.tree)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)
        self.hint = QLabel(self.tr("在正文中选中文字后按 Ctrl+M 或右键“添加批注”。"))
        self.hint.setWordWrap(True)
        self._nodes: dict[Target, QTreeWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)

    def show_report(self, report: OpenReport | None) -> None:
        current = self.current_target()
        blocker = self.tree.blockSignals(True)
        self.tree.clear()
        self._nodes = {}
        notes = sorted(report.annotations, key=lambda n: (n.start is not None, n.start or 0)) if report else []
        for note in notes:
            quote = note.quote if len(note.quote) <= QUOTE_CHARS else note.quote[:QUOTE_CHARS] + "…"
            if note.start is None:
                quote = self.tr("（全文）")
            elif not note.anchored:
                quote = self.tr("（原文已变动）") + quote
            node = QTreeWidgetItem([note.comment, tr_label(note.tag), tr_label(note.severity), quote])
            node.setToolTip(0, note.comment)
            node.setToolTip(3, note.quote)
            target = Target("annotation", note.id)
            node.setData(0, TargetRole, target)
            self.tree.addTopLevelItem(node)
            self._nodes[target] = node
        if current:
            self.select_target(current)
        self.tree.blockSignals(blocker)

    def current_target(self) -> Target | None:
        return selected_target(self.tree)

    def select_target(self, target: Target) -> bool:
        return select_node(self.tree, self._nodes.get(target))

    def clear_selection(self) -> None:
        clear_tree_selection(self.tree)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.targetSelected.emit(current.data(0, TargetRole))

    def _activated(self, node: QTreeWidgetItem, _column: int) -> None:
        self.editRequested.emit(node.data(0, TargetRole))

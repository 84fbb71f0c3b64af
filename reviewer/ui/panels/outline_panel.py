"""结构 tab: the report's basic facts (metadata items, editable) and its outline tree, with numbering
problems marked on the headings they concern."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.ui.open_report import OpenReport, Target
from reviewer.ui.panels.item_table import STATE_KEY, ItemColumn, ItemTableView
from reviewer.ui.panels.target_tree import TargetRole, clear_tree_selection, select_node, selected_target
from reviewer.ui.panels.tree_layout import fit_tree_columns
from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.review_states import (
    item_state_label,
    metadata_label,
    metadata_value_text,
    parse_metadata_value,
    state_colour,
)
from reviewer.vocabulary import ItemKind, ItemState

HEADING_FINDING_PREFIX = "heading_"


class OutlinePanel(QWidget):
    targetSelected = Signal(object)
    correctionRequested = Signal(int, dict)
    invalidInput = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.metadata = ItemTableView(
            [
                ItemColumn("field", self.tr("项目"), display=lambda field, _item: metadata_label(field), chars=5.5),
                ItemColumn("value", self.tr("内容"), editable=True, parse=parse_metadata_value, chars=12,
                           stretch=True, display=lambda value, item: metadata_value_text(item.effective.field, value)),
                ItemColumn(STATE_KEY, self.tr("状态"), chars=4),
            ]
        )
        self.metadata.setObjectName("metadataTable")
        self.metadata.targetSelected.connect(self.targetSelected)
        self.metadata.item_model.correctionRequested.connect(self.correctionRequested)
        self.metadata.item_model.invalidInput.connect(self.invalidInput)

        self.tree = QTreeWidget()
        self.tree.setObjectName("outlineTree")
        self.tree.setHeaderLabels([self.tr("标题"), self.tr("状态")])
        fit_tree_columns(self.tree)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._tree_current_changed)
        self._tree_items: dict[int, QTreeWidgetItem] = {}

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.metadata)
        splitter.addWidget(self.tree)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def show_report(self, report: OpenReport | None) -> None:
        self.metadata.set_items(report.items_of(ItemKind.METADATA) if report else [])
        current = self.current_target()
        blocker = self.tree.blockSignals(True)
        self.tree.clear()
        self._tree_items = {}
        if report:
            self._fill_tree(report)
        if current:
            self.select_target(current)
        self.tree.blockSignals(blocker)

    def _fill_tree(self, report: OpenReport) -> None:
        problems = _heading_problems(report)
        warning_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for section in sorted(report.items_of(ItemKind.SECTION), key=lambda s: s.start or 0):
            values = section.effective
            level = int(values.level)
            label = _heading_label(report, section)
            node = QTreeWidgetItem([label, item_state_label(section)])
            node.setData(0, TargetRole, Target("item", section.id))
            node.setForeground(1, state_colour(section.state))
            node.setToolTip(0, plain_tooltip(label))
            if section.state == ItemState.REJECTED:
                font = node.font(0)
                font.setStrikeOut(True)
                node.setFont(0, font)
                node.setForeground(0, state_colour(ItemState.REJECTED))
            messages = problems.get(section.id)
            if messages:
                node.setIcon(0, warning_icon)
                node.setToolTip(0, plain_tooltip("\n".join(messages)))
            while parents and parents[-1][0] >= level:
                parents.pop()
            if parents:
                parents[-1][1].addChild(node)
            else:
                self.tree.addTopLevelItem(node)
            parents.append((level, node))
            self._tree_items[section.id] = node
        self.tree.expandAll()

    def current_target(self) -> Target | None:
        return selected_target(self.tree) or self.metadata.current_target()

    def select_target(self, target: Target) -> bool:
        node = self._tree_items.get(target.id) if target.kind == "item" else None
        if select_node(self.tree, node):
            self.metadata.clear_selection()
            return True
        if self.metadata.select_target(target):
            clear_tree_selection(self.tree)
            return True
        return False

    def clear_selection(self) -> None:
        clear_tree_selection(self.tree)
        self.metadata.clear_selection()

    def edit_current(self) -> bool:
        return self.metadata.hasFocus() and self.metadata.edit_current("value")

    def _tree_current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.metadata.clear_selection()
            self.targetSelected.emit(current.data(0, TargetRole))


def _heading_problems(report: OpenReport) -> dict[int, list[str]]:
    """Section item id → messages of the numbering findings that point into its heading."""
    sections = [s for s in report.items_of(ItemKind.SECTION) if s.start is not None]
    result: dict[int, list[str]] = {}
    for finding in report.items_of(ItemKind.FINDING):
        values = finding.effective
        if not values.code.startswith(HEADING_FINDING_PREFIX) or finding.state == ItemState.REJECTED:
            continue
        if finding.start is None:
            continue
        for section in sections:
            if section.start <= finding.start < max(section.end or 0, section.start + 1):
                result.setdefault(section.id, []).append(values.message)
    return result


def _heading_label(report: OpenReport, section) -> str:
    """The heading as written in the report, or as the reviewer corrected it."""
    values = section.effective
    if section.corrected is None and section.start is not None and section.end:
        return report.text[section.start:section.end].strip()
    return f"{values.num} {values.title}".strip()

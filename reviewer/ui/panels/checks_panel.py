"""检查 tab: the required-parts checklist and every finding, each pointing at its text."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reviewer.ui.open_report import OpenReport, Target
from reviewer.ui.panels.copies_group import CopyRole, add_copies_group
from reviewer.ui.panels.target_tree import TargetRole, clear_tree_selection, select_node, selected_target
from reviewer.ui.panels.tree_layout import fit_tree_columns
from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.review_states import item_state_label, required_label, severity_label, state_colour
from reviewer.vocabulary import ItemKind, ItemState, Severity, parse

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class ChecksPanel(QWidget):
    targetSelected = Signal(object)
    copyOpenRequested = Signal(int, object)  # other report id, (start, end) of the matching passage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("checksTree")
        self.tree.setHeaderLabels([self.tr("检查项"), self.tr("状态")])
        self.tree.setWordWrap(True)
        fit_tree_columns(self.tree)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)
        self._nodes: dict[Target, QTreeWidgetItem] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def show_report(self, report: OpenReport | None) -> None:
        current = self.current_target()
        blocker = self.tree.blockSignals(True)
        self.tree.clear()
        self._nodes = {}
        if report:
            self._add_required(report)
            self._add_findings(report)
            add_copies_group(self.tree, report.text, report.copies)
            self.tree.expandAll()
        if current:
            self.select_target(current)
        self.tree.blockSignals(blocker)

    def _add_required(self, report: OpenReport) -> None:
        style = self.style()
        present_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        missing_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton)
        required = report.items_of(ItemKind.REQUIRED)
        present = sum(1 for item in required if item.effective.present)
        group = QTreeWidgetItem(
            [self.tr("必备内容（{present}/{total}）").format(present=present, total=len(required))]
        )
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        for item in required:
            values = item.effective
            found = values.present
            label = required_label(values.code)
            text = label + ("" if found else self.tr("（缺少）"))
            node = QTreeWidgetItem([text, item_state_label(item)])
            node.setIcon(0, present_icon if found else missing_icon)
            node.setToolTip(0, self.tr("已找到，选中可查看原文") if found else self.tr("报告中未找到这一部分"))
            self._finish(node, item)
            group.addChild(node)

    def _add_findings(self, report: OpenReport) -> None:
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            Severity.INFO: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        findings = sorted(
            report.items_of(ItemKind.FINDING),
            key=lambda f: (SEVERITY_ORDER.get(f.effective.severity, 3), f.start or 0),
        )
        group = QTreeWidgetItem([self.tr("发现的问题（{count}）").format(count=len(findings))])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        for item in findings:
            values = item.effective
            severity = parse(Severity, values.severity) or Severity.WARNING
            node = QTreeWidgetItem([values.message, item_state_label(item)])
            node.setIcon(0, icons[severity])
            quote = report.text[item.start:item.end] if item.start is not None and item.end else ""
            tip = severity_label(severity) + "：" + values.message
            node.setToolTip(0, plain_tooltip(tip + (f"\n「{quote}」" if quote else "")))
            self._finish(node, item)
            group.addChild(node)

    def _finish(self, node: QTreeWidgetItem, item) -> None:
        target = Target("item", item.id)
        node.setData(0, TargetRole, target)
        node.setForeground(1, QBrush(state_colour(item.state)))
        if item.state == ItemState.REJECTED:
            font = node.font(0)
            font.setStrikeOut(True)
            node.setFont(0, font)
            node.setForeground(0, QBrush(state_colour(ItemState.REJECTED)))
        self._nodes[target] = node

    def current_target(self) -> Target | None:
        return selected_target(self.tree)

    def select_target(self, target: Target) -> bool:
        return select_node(self.tree, self._nodes.get(target))

    def clear_selection(self) -> None:
        clear_tree_selection(self.tree)

    def _activated(self, node: QTreeWidgetItem, _column: int) -> None:
        copy = node.data(0, CopyRole)
        if copy is not None:
            self.copyOpenRequested.emit(copy[0], copy[1])

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        target = current.data(0, TargetRole) if current is not None else None
        if target is not None:
            self.targetSelected.emit(target)

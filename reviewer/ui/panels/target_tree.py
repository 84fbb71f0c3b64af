"""Selection helpers for the side panels' trees, whose rows each stand for a :class:`Target`.

Selecting from code never emits the tree's signals: the panel only reports selections the user made.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from reviewer.ui.open_report import Target

TargetRole = Qt.ItemDataRole.UserRole + 1
"""The item data role holding a row's Target."""


def selected_target(tree: QTreeWidget) -> Target | None:
    node = tree.currentItem()
    return node.data(0, TargetRole) if node is not None and node.isSelected() else None


def select_node(tree: QTreeWidget, node: QTreeWidgetItem | None) -> bool:
    """Make ``node`` current and visible; False when there is no such row."""
    if node is None:
        return False
    blocker = tree.blockSignals(True)
    tree.setCurrentItem(node)
    tree.scrollToItem(node)
    tree.blockSignals(blocker)
    return True


def clear_tree_selection(tree: QTreeWidget) -> None:
    blocker = tree.blockSignals(True)
    tree.clearSelection()
    tree.setCurrentItem(None)
    tree.blockSignals(blocker)

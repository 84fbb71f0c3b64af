"""Column layout shared by the side panels' trees: the first column takes the width left over and,
when the tree wraps text, its rows grow to show every line (QTreeView alone keeps one line)."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

TEXT_PADDING = 8


class WrappingDelegate(QStyledItemDelegate):
    """Row heights from the first column's text wrapped to its current width (the other columns fit
    their contents and never wrap)."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text or index.column() != 0:
            return size
        width = self.tree.header().sectionSize(0) - TEXT_PADDING
        depth, parent = 0, index.parent()
        while parent.isValid() and parent != self.tree.rootIndex():
            depth, parent = depth + 1, parent.parent()
        width -= self.tree.indentation() * (depth + int(self.tree.rootIsDecorated()))
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width -= self.tree.iconSize().width() + TEXT_PADDING // 2
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 20), Qt.TextFlag.TextWordWrap, str(text))
        return QSize(size.width(), max(size.height(), bounds.height() + TEXT_PADDING // 2))


def fit_tree_columns(tree: QTreeView) -> None:
    """Stretch the first column, fit the others; small icons; wrapped rows when the tree wraps text."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    small = tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    tree.setIconSize(QSize(small, small))
    if tree.wordWrap():
        tree.setUniformRowHeights(False)
        tree.setItemDelegate(WrappingDelegate(tree))
        header.sectionResized.connect(lambda *_: tree.doItemsLayout())

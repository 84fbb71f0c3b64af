"""Column layout shared by the side panels' trees."""
from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeView


def fit_tree_columns(tree: QTreeView) -> None:
    """The first column takes the width left over; the others fit their contents."""
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

"""A side panel's tree: one group of the report's item model (:mod:`reviewer.ui.report_items`) seen through
a proxy that keeps the panel's columns, kept in step with the shared :class:`CurrentItem`.

A row the reviewer selects becomes the current item; when the current item changes elsewhere the tree
selects its row or clears its selection. Rows coming in (a new report, an annotation added) are expanded;
rows refreshed in place keep their expansion, selection and scroll position.
"""
from __future__ import annotations

from PySide6.QtCore import QIdentityProxyModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTreeView, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.open_report import Target
from reviewer.ui.panels.tree_layout import fit_tree_columns
from reviewer.ui.report_items import Group, ReportItemModel, TargetRole


class PanelProxy(QIdentityProxyModel):
    """The item model with the panel's own column headers; the tree shows one top group of it (its root
    index) and hides the columns past its headers. An identity proxy maps rows without copying or
    filtering them, so a new report costs no mapping of every row in every panel."""

    def __init__(self, model: ReportItemModel, group: Group, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self.group = group
        self.headers = headers
        self.setSourceModel(model)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return super().headerData(section, orientation, role)

    def group_index(self) -> QModelIndex:
        return self.mapFromSource(self.sourceModel().index_of(self.group))

    def index_of(self, target: Target) -> QModelIndex:
        """The row of ``target`` in this panel's group; invalid when it is in another panel's."""
        model = self.sourceModel()
        if model.top_group_of(target) != self.group:
            return QModelIndex()
        return self.mapFromSource(model.index_of(target))


class ItemTree(QTreeView):
    def __init__(self, model: ReportItemModel, current: CurrentItem, group: Group, headers: list[str],
                 wrap: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = PanelProxy(model, group, headers, self)
        self.current = current
        self.setModel(self.proxy)
        self.setWordWrap(wrap)
        self.setUniformRowHeights(not wrap)
        for column in range(len(headers), model.columnCount()):
            self.setColumnHidden(column, True)
        fit_tree_columns(self)
        self._expand_when_shown = False
        self._show_group()
        self.proxy.modelReset.connect(self._show_group)
        self.proxy.rowsInserted.connect(self._rows_inserted)
        self.selectionModel().currentChanged.connect(self._current_row_changed)
        current.changed.connect(self.follow)

    def _show_group(self) -> None:
        """A new report: its group as the root, every row expanded. A tree on a hidden tab expands when it
        is shown (laying out every row of every panel made each report switch slow)."""
        self.setRootIndex(self.proxy.group_index())
        self._expand_when_shown = not self.isVisible()
        if not self._expand_when_shown:
            self.expandAll()
        self.follow(self.current.target)

    def showEvent(self, event: QShowEvent) -> None:
        if self._expand_when_shown:
            self._expand_when_shown = False
            self.expandAll()
            self.follow(self.current.target)
        super().showEvent(event)

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self.expandRecursively(self.proxy.index(row, 0, parent))
        self.follow(self.current.target)

    def current_target(self) -> Target | None:
        index = self.currentIndex()
        return index.data(TargetRole) if index.isValid() and self.selectionModel().isSelected(index) else None

    def follow(self, target: Target | None) -> None:
        """Select the row of ``target``, or nothing when this tree has no such row."""
        index = self.proxy.index_of(target) if target is not None else QModelIndex()
        if not index.isValid():
            self.clearSelection()
            self.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            return
        if self.current_target() != target:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        self.scrollTo(index)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        target = current.data(TargetRole) if current.isValid() else None
        if target is not None:
            self.current.set(target)

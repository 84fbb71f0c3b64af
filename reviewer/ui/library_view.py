"""The library pane: every report in the workspace, sortable, with a filter box and the review's progress.

Several reports can be selected (Ctrl/Shift-click, Shift+arrows, Ctrl+A) for the summaries; whenever the
selection becomes a single report, that report is opened. From the filter box Down (or Enter) goes into the
list, and Enter opens the report when the filter leaves only one; Delete in the list removes the selected
reports (the window makes that an undoable step).
"""
from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.pinyin_order import load_in_background
from reviewer.ui.library_model import (
    COLUMN_FILE,
    COLUMN_LEVEL,
    COLUMN_PUBLISH_DATE,
    COLUMN_UNIT,
    FilterRole,
    LibraryModel,
    ReportIdRole,
)
from reviewer.ui.missing_units import MissingUnitsPanel

COLUMN_CHARS = (6, 3.2, 4.5, 6.5, 4, 3, 3, 4, 14)
"""Initial column widths in CJK characters (the reviewer's own widths are restored over them); the unit
column takes the width left over."""
HIDDEN_AT_FIRST = (COLUMN_LEVEL, COLUMN_PUBLISH_DATE, COLUMN_FILE)
"""Columns shown only when the reviewer asks (header context menu); the row tooltip names the file."""
INTO_THE_LIST_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FilterProxy(QSortFilterProxyModel):
    """Filters the rows by the filter box; the order is the model's, which sorts itself (see LibraryModel)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class LibraryView(QWidget):
    reportActivated = Signal(int)
    """The reviewer chose a report: the selection became that one report (click, arrow keys, Enter)."""
    selectedReportsChanged = Signal()
    """The selected reports may have changed (also when the window changed them without signals)."""
    deleteRequested = Signal()
    """Delete was pressed in the list: the selected reports are to be taken out of the workspace."""
    readingsLoaded = Signal()
    """The pinyin readings were loaded in the background (emitted on the loading thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self._reading_requested = False
        self.readingsLoaded.connect(self.sort_in_pinyin_order, Qt.ConnectionType.QueuedConnection)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(FilterRole)
        self.proxy.setFilterKeyColumn(COLUMN_UNIT)  # FilterRole gives the whole row's text there
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("libraryFilter")
        self.filter_edit.setPlaceholderText(self.tr("筛选：单位、年度、状态、结论…（↓ 进入列表）"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter_edit.installEventFilter(self)

        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_UNIT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        char = self.fontMetrics().horizontalAdvance("中")
        header.setMinimumSectionSize(round(char * 2))
        for column, chars in enumerate(COLUMN_CHARS):
            header.resizeSection(column, round(char * chars))
        header.setSectionResizeMode(COLUMN_UNIT, QHeaderView.ResizeMode.Stretch)
        for column in HIDDEN_AT_FIRST:
            header.hideSection(column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        self.missing_units = MissingUnitsPanel()
        layout.addWidget(self.missing_units)
        layout.addWidget(self.count_label)
        self.model.countsChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._update_count()

    def set_reports(self, reports: list, current_id: int | None = None) -> None:
        """Update the rows; a selection of several reports is kept, otherwise ``current_id`` is selected."""
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.set_reports(reports)
        if current_id is not None and len(self.selected_report_ids()) < 2:
            self.select_report(current_id, emit=False)
        self.table.selectionModel().blockSignals(blocker)
        self.selectedReportsChanged.emit()

    def update_rows(self, reports: list, removed_ids: list[int]) -> None:
        """Bring only these rows up to date (see :meth:`LibraryModel.update_rows`); the selection stays."""
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.update_rows(reports, removed_ids)
        self.table.selectionModel().blockSignals(blocker)
        self.selectedReportsChanged.emit()

    def selected_report_ids(self) -> list[int]:
        """The selected reports, in the order the library shows them."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [index.data(ReportIdRole) for index in rows]

    def select_report(self, report_id: int, emit: bool = True) -> None:
        row = self.model.row_of(report_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.table.selectionModel()
        blocker = selection.blockSignals(not emit)
        selection.setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.blockSignals(blocker)
        if not emit:
            self.table.viewport().update()  # with the signals blocked the view repaints no changed row
            self.selectedReportsChanged.emit()
        self.table.scrollTo(index)

    def clear_selection(self) -> None:
        """No row selected (no report is chosen by this: an invalid current row opens nothing)."""
        self.table.selectionModel().clear()

    def select_first(self) -> None:
        """Choose the report at the top of the list, as a click would."""
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _readings_loaded(self) -> None:
        """On the loading thread: sort on the window's thread (a queued signal), unless the view is gone."""
        with contextlib.suppress(RuntimeError):
            self.readingsLoaded.emit()

    def sort_in_pinyin_order(self) -> None:
        """单位 in pinyin order from now on. Done by itself once the list has been painted first and the
        readings were loaded on a thread of their own (a few tenths of a second, which neither the window's
        start nor its first moments wait for)."""
        if self.model.pinyin_order:
            return
        self.table.viewport().removeEventFilter(self)
        self.model.use_pinyin_order()
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current)

    # --- keys ---------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Paint and not self.model.pinyin_order and not self._reading_requested:
                self._reading_requested = True
                load_in_background(self._readings_loaded)
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if watched is self.table and event.key() == Qt.Key.Key_Delete:
            if event.type() == QEvent.Type.ShortcutOverride:  # the key is the list's, not the window's Del
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self.selected_report_ids():
                    self.deleteRequested.emit()
                return True
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress and event.key() in INTO_THE_LIST_KEYS:
            self._into_the_list(open_single=event.key() != Qt.Key.Key_Down)
            return True
        return False

    def _into_the_list(self, open_single: bool) -> None:
        """Focus the list on the report shown selected, else on the first row (which opens it); with
        ``open_single`` and only one report left by the filter, that report is opened."""
        if not self.proxy.rowCount():
            return
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        current = self.table.currentIndex()
        selected = self.table.selectionModel().isSelected(current) if current.isValid() else False
        if (open_single and self.proxy.rowCount() == 1) or not selected:
            self.table.selectRow(0)
        self.table.scrollTo(self.table.currentIndex())

    # --- columns and counts ----------------------------------------------------------------------

    def _header_menu(self, position: QPoint) -> None:
        """Show or hide columns (the unit column always stays)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column == COLUMN_UNIT:
                continue
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, column=column: header.setSectionHidden(column, not shown))
        menu.exec(header.mapToGlobal(position))
        menu.deleteLater()

    def _selection_changed(self, *_args) -> None:
        selected = self.selected_report_ids()
        if len(selected) == 1:
            self.reportActivated.emit(selected[0])
        self.selectedReportsChanged.emit()

    def _update_count(self, *_args) -> None:
        """已审 x / N over the whole workspace, and how many the filter shows. Also told by the model after
        each change, when its rows are final (the proxy reports removed rows before the model has let go of them)."""
        total = self.model.rowCount()
        text = self.tr("已审 {reviewed} / {total} 份报告").format(reviewed=self.model.reviewed_count(), total=total)
        shown = self.proxy.rowCount()
        if shown != total:
            text += self.tr("，筛选出 {shown} 份").format(shown=shown)
        self.count_label.setText(text)

"""A table of review items of one kind (figures, metadata): columns read from the item's effective values,
editable cells turned into correction requests, the review state in the last column."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDoubleValidator, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QStyledItemDelegate, QTableView, QWidget

from reviewer.ui.current_item import CurrentItem
from reviewer.ui.open_report import Target
from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.review_states import format_number, item_state_label, state_colour
from reviewer.vocabulary import ItemState

ItemIdRole = Qt.ItemDataRole.UserRole + 1
STATE_KEY = "__state__"


@dataclass(frozen=True)
class ItemColumn:
    key: str  # key of the item's values, or STATE_KEY
    header: str
    editable: bool = False
    numeric: bool = False
    display: Callable[[object, object], str] | None = None  # (value, item) → text; overrides str(value)
    parse: Callable[[str, object], object] | None = None
    """Typed text → value for the item (second argument); raises ValueError when it is not valid."""
    chars: float = 4
    """Initial width in CJK characters (measuring every row on each report switch is too slow)."""
    stretch: bool = False
    """Takes the width left over."""
    fit_chars: float | None = None
    """Widen the column to its longest text for each report, up to this many CJK characters (longer texts
    are elided in the middle and shown whole in the tooltip)."""


class ItemTableModel(QAbstractTableModel):
    correctionRequested = Signal(int, dict)
    """(item id, {field: new value}) — an edited cell; the model itself never changes the item."""
    invalidInput = Signal(str, str)
    """(column header, rejected text)."""

    def __init__(self, columns: list[ItemColumn], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.items: list = []

    def set_items(self, items: list) -> None:
        """Show ``items``. When they are the same items in the same order (a decision, an undo), only the
        rows whose item changed are refreshed, by item id with ``dataChanged``, so views keep their
        selection, editor and scroll position; otherwise the model is reset."""
        items = list(items)
        if [item.id for item in items] != [item.id for item in self.items]:
            self.beginResetModel()
            self.items = items
            self.endResetModel()
            return
        old, self.items = self.items, items
        last_column = len(self.columns) - 1
        for row, (before, after) in enumerate(zip(old, items)):
            if before != after:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def row_of(self, item_id: int) -> int | None:
        return next((row for row, item in enumerate(self.items) if item.id == item_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def display_text(self, item, column: ItemColumn) -> str:
        if column.key == STATE_KEY:
            return item_state_label(item)
        value = getattr(item.effective, column.key)
        if column.display:
            return column.display(value, item)
        if column.numeric:
            return format_number(value)
        return "" if value is None else str(value)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.display_text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and item.state != ItemState.CORRECTED and column.key != STATE_KEY:
            return plain_tooltip(self.display_text(item, column)) or None
        if role == ItemIdRole:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.key == STATE_KEY or item.state == ItemState.REJECTED:
                return state_colour(item.state)
            return None
        if role == Qt.ItemDataRole.FontRole and item.state == ItemState.REJECTED and column.key != STATE_KEY:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and item.state == ItemState.CORRECTED and column.key != STATE_KEY:
            machine = getattr(item.machine, column.key) if item.machine else None
            shown = format_number(machine) if column.numeric else column.display(machine, item) if column.display \
                else machine
            return plain_tooltip(self.tr("识别结果：{value}").format(value="" if shown is None else shown))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self.items[index.row()]
        column = self.columns[index.column()]
        text = str(value).strip()
        try:
            if column.parse is not None:
                new_value = column.parse(text, item)
            elif column.numeric:
                new_value = parse_number(text)
                if new_value is None:
                    raise ValueError(text)
            else:
                new_value = text or None
        except ValueError:
            self.invalidInput.emit(column.header, text)
            return False
        if getattr(item.effective, column.key) == new_value:
            return False
        self.correctionRequested.emit(item.id, {column.key: new_value})
        return True


def parse_number(text: str) -> float | int | None:
    """A number typed by the reviewer (``1,200`` and ``１２`` accepted); None when it is not one."""
    cleaned = text.replace(",", "").replace("，", "").strip()
    cleaned = cleaned.translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")})
    cleaned = cleaned.replace("．", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else number


class NumberDelegate(QStyledItemDelegate):
    """Editor for value cells: only numbers can be typed."""

    def createEditor(self, parent: QWidget, option, index):
        editor = QLineEdit(parent)
        validator = QDoubleValidator(editor)
        validator.setLocale(QLocale.c())
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        editor.setValidator(validator)
        return editor

    def setModelData(self, editor: QWidget, model, index) -> None:
        if isinstance(editor, QLineEdit) and editor.hasAcceptableInput():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ItemTableView(QTableView):
    """A table of items kept in step with the shared :class:`CurrentItem`: a row the reviewer selects becomes
    the current item; another current item selects its row here, or clears this table's selection."""

    def __init__(self, columns: list[ItemColumn], current: CurrentItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.item_model = ItemTableModel(columns, self)
        self.setModel(self.item_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + self.fontMetrics().height() // 2)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        char = self._char_width()
        for number, column in enumerate(columns):
            header.resizeSection(number, round(char * column.chars))
            if column.stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            if column.numeric:
                self.setItemDelegateForColumn(number, NumberDelegate(self))
        self.selectionModel().currentRowChanged.connect(self._row_changed)
        current.changed.connect(self.follow)

    def set_items(self, items: list) -> None:
        self.item_model.set_items(items)
        self._fit_columns()
        self.follow(self.current.target)

    def _char_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("中")

    def _fit_columns(self) -> None:
        """Columns with ``fit_chars`` as wide as their longest text, within their bounds (measured with
        font metrics only: the view's own size hints per cell are too slow on every report switch)."""
        metrics, char = self.fontMetrics(), self._char_width()
        model = self.item_model
        for number, column in enumerate(model.columns):
            if column.fit_chars is None:
                continue
            longest = max((metrics.horizontalAdvance(model.display_text(item, column)) for item in model.items),
                          default=0)
            width = min(max(longest + char, round(char * column.chars)), round(char * column.fit_chars))
            self.horizontalHeader().resizeSection(number, width)

    def current_target(self) -> Target | None:
        index = self.currentIndex()
        return Target("item", index.data(ItemIdRole)) if index.isValid() else None

    def selected_item_ids(self) -> list[int]:
        """The items of the selected rows, top to bottom (Shift/Ctrl-click select several)."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.item_model.items[row].id for row in rows]

    def follow(self, target: Target | None) -> None:
        """Select the row of ``target``, or nothing when this table has no such row."""
        row = self.item_model.row_of(target.id) if target is not None and target.kind == "item" else None
        if row is None:
            self.clearSelection()
            self.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            return
        if self.current_target() != target:
            column = max(self.currentIndex().column(), 0)
            self.selectionModel().setCurrentIndex(
                self.item_model.index(row, column),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.scrollTo(self.item_model.index(row, 0))

    def edit_current(self, key: str | None = None) -> bool:
        """Open the editor on the current row (on column ``key``, else the first editable one)."""
        index = self.currentIndex()
        if not index.isValid():
            return False
        columns = self.item_model.columns
        wanted = [n for n, c in enumerate(columns) if c.editable and (key is None or c.key == key)]
        if not wanted:
            return False
        target = self.item_model.index(index.row(), wanted[0])
        self.setCurrentIndex(target)
        self.setFocus()
        self.edit(target)
        return True

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.current.set(Target("item", current.data(ItemIdRole)))


"""The comparison table (指标对比) as a Qt model: a row per report, a column per indicator of the catalogue.

A cell shows the reviewed value with its unit and, when the same unit's previous report states it too, the
change since then (``16件（+3件）``). The reviewer's values are black, the machine's unconfirmed ones grey and
italic. ``SortRole`` gives numbers for numeric sorting; the proxy filters by level and year.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.summary.comparison import ComparedReport
from reviewer.vocabulary import Level, label_of

SortRole = Qt.ItemDataRole.UserRole + 1
ReportIdRole = Qt.ItemDataRole.UserRole + 2
SpanRole = Qt.ItemDataRole.UserRole + 3
CodeRole = Qt.ItemDataRole.UserRole + 4
ConfirmedRole = Qt.ItemDataRole.UserRole + 5

FIXED_COLUMNS = 3  # 单位, 年度, 级别
COLUMN_UNIT, COLUMN_YEAR, COLUMN_LEVEL = 0, 1, 2
MACHINE_COLOUR = "#7a7a7a"
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorModel", text)


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        columns = indicator_columns()
        self.codes = list(columns)
        self._headers = [_tr("单位"), _tr("年度"), _tr("级别"), *columns.values()]
        self._rows: list[ComparedReport] = []
        self._machine_brush = QBrush(QColor(MACHINE_COLOUR))
        self._machine_font = QFont()
        self._machine_font.setItalic(True)

    def set_rows(self, rows: list[ComparedReport]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> ComparedReport:
        return self._rows[row]

    def row_of(self, report_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.report_id == report_id), None)

    def code_of(self, column: int) -> str | None:
        return self.codes[column - FIXED_COLUMNS] if column >= FIXED_COLUMNS else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        report = self._rows[index.row()]
        column = index.column()
        if role == ReportIdRole:
            return report.report_id
        if column < FIXED_COLUMNS:
            return self._fixed(report, column, role)
        code = self.codes[column - FIXED_COLUMNS]
        if role == CodeRole:
            return code
        cell = report.cells.get(code)
        if cell is None:
            return -float("inf") if role == SortRole else None
        change = report.changes.get(code)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{cell.display}（{change.display}）" if change else cell.display
        if role == SortRole:
            return cell.value if cell.value is not None else -float("inf")
        if role == SpanRole:
            return (cell.start, cell.end) if cell.start is not None and cell.end is not None else None
        if role == ConfirmedRole:
            return cell.confirmed
        if role == Qt.ItemDataRole.ForegroundRole and not cell.confirmed:
            return self._machine_brush
        if role == Qt.ItemDataRole.FontRole and not cell.confirmed:
            return self._machine_font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(report, code)
        return None

    def _fixed(self, report: ComparedReport, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN_UNIT:
                return report.unit or _tr("单位未识别")
            if column == COLUMN_YEAR:
                return str(report.report_year) if report.report_year else ""
            return label_of(Level, report.level)
        if role == SortRole:
            if column == COLUMN_UNIT:
                return report.unit_key
            if column == COLUMN_YEAR:
                return report.report_year or 0
            return report.level or ""
        return None

    def _tooltip(self, report: ComparedReport, code: str) -> str:
        cell = report.cells[code]
        lines = [_tr("原文：{text}").format(text=cell.text),
                 _tr("审阅人已确认") if cell.confirmed else _tr("机器识别，尚未确认")]
        change = report.changes.get(code)
        if change is not None:
            lines.append(_tr("较{year}年 {previous}：{change}").format(
                year=change.previous_year or "", previous=change.previous.display, change=change.display))
        lines.append(_tr("单击打开报告并定位到该数据；右键可确认、否决或改为其他数据"))
        return "\n".join(lines)


class IndicatorFilterProxy(QSortFilterProxyModel):
    """Sorting by ``SortRole``; rows of one level and one year when those filters are set (None: all)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._level: str | None = None
        self._year: int | None = None

    def set_filters(self, level: str | None, year: int | None) -> None:
        self.beginFilterChange()
        self._level, self._year = level, year
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, IndicatorTableModel):
            return True
        report = model.row_data(source_row)
        if self._level is not None and report.level != self._level:
            return False
        return self._year is None or report.report_year == self._year

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if type(a) is not type(b):
            return str(a) < str(b)
        return bool(a < b)

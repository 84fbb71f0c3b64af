"""The comparison table (指标对比) as a Qt model: a row per report, a column per indicator of the catalogue.

A cell shows the reviewed value with its unit and, when the same unit's previous report states it too, the
change since then (``16件（+3件）``). The reviewer's values are black, the machine's unconfirmed ones grey and
italic. ``SortRole`` gives numbers for numeric sorting; the proxy filters by level and year.

Painting asks ``data()`` for about ten roles per visible cell, so ``data()`` does no per-cell formatting: a
row's texts are formatted once, on its first paint, and kept until the row changes (:meth:`update_reports`).
"""
from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
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
FilterRole = Qt.ItemDataRole.UserRole + 6
"""``level<TAB>year`` of the row, what the proxy's pattern matches."""

FIXED_COLUMNS = 3  # 单位, 年度, 级别
COLUMN_UNIT, COLUMN_YEAR, COLUMN_LEVEL = 0, 1, 2
MACHINE_COLOUR = "#7a7a7a"
Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)


def _tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorModel", text)


class _RowTexts:
    """One row as painted: the text of every column and which columns hold a machine (unconfirmed) value."""

    __slots__ = ("texts", "machine")

    def __init__(self, report: ComparedReport, codes: list[str]) -> None:
        texts: list[str | None] = [
            report.unit or _tr("单位未识别"),
            str(report.report_year) if report.report_year else "",
            label_of(Level, report.level),
        ]
        machine = [False] * FIXED_COLUMNS
        cells, changes = report.cells, report.changes
        for code in codes:
            cell = cells.get(code)
            if cell is None:
                texts.append(None)
                machine.append(False)
                continue
            change = changes.get(code)
            texts.append(f"{cell.display}（{change.display}）" if change else cell.display)
            machine.append(not cell.confirmed)
        self.texts = texts
        self.machine = machine


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        columns = indicator_columns()
        self.codes = list(columns)
        self._headers = [_tr("单位"), _tr("年度"), _tr("级别"), *columns.values()]
        self._rows: list[ComparedReport] = []
        self._painted: dict[int, _RowTexts] = {}
        self._row_of: dict[int, int] = {}
        self._machine_brush = QBrush(QColor(MACHINE_COLOUR))
        self._machine_font = QFont()
        self._machine_font.setItalic(True)
        self._roles = {
            _DISPLAY: self._display,
            _FOREGROUND: self._foreground,
            _FONT: self._font,
            _TOOLTIP: self._tooltip_at,
            int(SortRole): self._sort_key,
            int(ReportIdRole): lambda row, _column: self._rows[row].report_id,
            int(SpanRole): self._span,
            int(CodeRole): lambda _row, column: self.code_of(column),
            int(ConfirmedRole): self._confirmed,
            int(FilterRole): self._filter_key,
        }

    def set_rows(self, rows: list[ComparedReport]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._painted.clear()
        self._row_of = {r.report_id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[ComparedReport]:
        return list(self._rows)

    def update_reports(self, report_ids: list[int]) -> None:
        """The rows of these reports changed in place (their cells or changes): painted again."""
        last = len(self._headers) - 1
        for report_id in report_ids:
            row = self._row_of.get(report_id)
            if row is None:
                continue
            self._painted.pop(row, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def row_data(self, row: int) -> ComparedReport:
        return self._rows[row]

    def row_of(self, report_id: int) -> int | None:
        return self._row_of.get(report_id)

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
        handler = self._roles.get(role)
        if handler is None or not index.isValid():
            return None
        return handler(index.row(), index.column())

    def _row_texts(self, row: int) -> _RowTexts:
        painted = self._painted.get(row)
        if painted is None:
            painted = self._painted[row] = _RowTexts(self._rows[row], self.codes)
        return painted

    def _display(self, row: int, column: int) -> str | None:
        return self._row_texts(row).texts[column]

    def _foreground(self, row: int, column: int) -> QBrush | None:
        return self._machine_brush if self._row_texts(row).machine[column] else None

    def _font(self, row: int, column: int) -> QFont | None:
        return self._machine_font if self._row_texts(row).machine[column] else None

    def _cell(self, row: int, column: int):
        return self._rows[row].cells.get(self.codes[column - FIXED_COLUMNS]) if column >= FIXED_COLUMNS else None

    def _span(self, row: int, column: int) -> tuple[int, int] | None:
        cell = self._cell(row, column)
        if cell is None or cell.start is None or cell.end is None:
            return None
        return (cell.start, cell.end)

    def _confirmed(self, row: int, column: int) -> bool | None:
        cell = self._cell(row, column)
        return cell.confirmed if cell is not None else None

    def _filter_key(self, row: int, _column: int) -> str:
        report = self._rows[row]
        return f"{report.level or ''}\t{report.report_year or ''}"

    def _sort_key(self, row: int, column: int) -> Any:
        report = self._rows[row]
        if column == COLUMN_UNIT:
            return report.unit_key
        if column == COLUMN_YEAR:
            return report.report_year or 0
        if column == COLUMN_LEVEL:
            return report.level or ""
        cell = self._cell(row, column)
        return cell.value if cell is not None and cell.value is not None else -float("inf")

    def _tooltip_at(self, row: int, column: int) -> str | None:
        cell = self._cell(row, column)
        if cell is None:
            return None
        report = self._rows[row]
        lines = [_tr("原文：{text}").format(text=cell.text),
                 _tr("审阅人已确认") if cell.confirmed else _tr("机器识别，尚未确认")]
        change = report.changes.get(cell.code)
        if change is not None:
            lines.append(_tr("较{year}年 {previous}：{change}").format(
                year=change.previous_year or "", previous=change.previous.display, change=change.display))
        lines.append(_tr("单击打开报告并定位到该数据；右键可确认、否决或改为其他数据"))
        return "\n".join(lines)


class IndicatorFilterProxy(QSortFilterProxyModel):
    """Sorting by ``SortRole``; rows of one level and one year when those filters are set (None: all).

    The filter is a pattern on ``FilterRole``, matched by Qt itself; with no filter set the pattern is empty
    and Qt accepts every row without asking the model."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setFilterKeyColumn(COLUMN_UNIT)

    def set_filters(self, level: str | None, year: int | None) -> None:
        if level is None and year is None:
            pattern = ""
        else:
            level_part = re.escape(level) if level is not None else "[^\t]*"
            year_part = str(year) if year is not None else ".*"
            pattern = f"^{level_part}\t{year_part}$"
        self.setFilterRegularExpression(QRegularExpression(pattern))

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if type(a) is not type(b):
            return str(a) < str(b)
        return bool(a < b)

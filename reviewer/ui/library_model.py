"""Table model of the workspace's reports (one row per ReportSummary)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.review_states import tr_label
from reviewer.ui.roster_marks import roster_marked, roster_tooltip
from reviewer.vocabulary import ReviewStatus, Verdict

ReportIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

STATUS_COLOURS = {ReviewStatus.UNREVIEWED: "#8a8a8a", ReviewStatus.IN_REVIEW: "#b86e00", ReviewStatus.REVIEWED: "#1c7c3a"}
VERDICT_COLOURS = {Verdict.PASS: "#1c7c3a", Verdict.REVISE: "#b86e00", Verdict.FAIL: "#c62828"}
_STATUS_ORDER = list(ReviewStatus)
_VERDICT_ORDER = list(Verdict)


@dataclass(frozen=True)
class LibraryColumn:
    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any]
    tip: str = ""
    """What the column means (its header's tooltip)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryModel", text)


def _columns() -> list[LibraryColumn]:
    return [
        LibraryColumn(_tr("单位"), roster_marked(lambda r: r.unit or r.title or r.file_name), lambda r: r.unit or ""),
        LibraryColumn(
            _tr("年度"), lambda r: str(r.report_year) if r.report_year else "", lambda r: r.report_year or 0
        ),
        LibraryColumn(_tr("状态"), lambda r: tr_label(r.status), lambda r: _STATUS_ORDER.index(r.status)),
        LibraryColumn(_tr("结论"), lambda r: tr_label(r.verdict) if r.verdict else "",
                      lambda r: _VERDICT_ORDER.index(r.verdict) if r.verdict else -1),
        LibraryColumn(_tr("问题"), lambda r: str(r.open_findings), lambda r: r.open_findings,
                      _tr("检查发现的问题数（已否决的不计）")),
        LibraryColumn(_tr("文件"), _file_label, lambda r: r.file_name),
    ]


COLUMN_UNIT = 0
COLUMN_YEAR = 1
COLUMN_STATUS = 2
COLUMN_VERDICT = 3
COLUMN_OPEN_FINDINGS = 4
COLUMN_FILE = 5


def _is_recognized(report) -> bool:
    return getattr(report, "format", "") == "ocr"


def _file_label(report) -> str:
    """The file name; for a scan, marked as recognized text."""
    return _tr("{name}（扫描件识别）").format(name=report.file_name) if _is_recognized(report) else report.file_name


def report_tooltip(report) -> str:
    """The full title and file name of a report (both are cut short in the table), and what is left to do."""
    lines = [report.title or report.file_name, _tr("文件：{name}").format(name=report.file_name)]
    if _is_recognized(report):
        lines.append(_tr("本报告文字由扫描件识别，数字请核对原件"))
    lines.extend(roster_tooltip(report))
    lines.append(_tr("待审 {pending} 项，问题 {findings} 项").format(
        pending=report.pending_items, findings=report.open_findings))
    return "\n".join(lines)


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns = _columns()
        self._reports: list = []

    def set_reports(self, reports: list) -> None:
        """Bring the rows up to date with as little change as possible: reports gone are removed, changed
        ones updated in place, new ones appended (so views and the sorting proxy only redo those rows)."""
        wanted = {report.id: report for report in reports}
        for row in range(len(self._reports) - 1, -1, -1):
            if self._reports[row].id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._reports[row]
                self.endRemoveRows()
        last_column = len(self._columns) - 1
        for row, old in enumerate(self._reports):
            new = wanted.pop(old.id)
            if new != old:
                self._reports[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        if wanted:
            first = len(self._reports)
            self.beginInsertRows(QModelIndex(), first, first + len(wanted) - 1)
            self._reports.extend(wanted.values())
            self.endInsertRows()

    def update_rows(self, reports: list, removed_ids: list[int]) -> None:
        """Rows of ``removed_ids`` removed, rows of ``reports`` updated in place or appended; the other
        rows are not looked at (what an import needs, however many reports the list holds)."""
        removed = set(removed_ids)
        for row in sorted((row for row, r in enumerate(self._reports) if r.id in removed), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._reports[row]
            self.endRemoveRows()
        rows = {r.id: row for row, r in enumerate(self._reports)}
        last_column = len(self._columns) - 1
        added = []
        for report in reports:
            row = rows.get(report.id)
            if row is None:
                added.append(report)
            elif self._reports[row] != report:
                self._reports[row] = report
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        if added:
            first = len(self._reports)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._reports.extend(added)
            self.endInsertRows()

    def report(self, row: int):
        return self._reports[row]

    def row_of(self, report_id: int) -> int | None:
        return next((row for row, r in enumerate(self._reports) if r.id == report_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._reports)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tip or None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        report = self._reports[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(report)
        if role == SortRole:
            return column.sort_key(report)
        if role == ReportIdRole:
            return report.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(report_tooltip(report))
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = None
            if index.column() == COLUMN_STATUS:
                colour = STATUS_COLOURS.get(report.status)
            elif index.column() == COLUMN_VERDICT:
                colour = VERDICT_COLOURS.get(report.verdict) if report.verdict else None
            elif index.column() == COLUMN_OPEN_FINDINGS and report.open_findings:
                colour = "#c62828"
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COLUMN_YEAR, COLUMN_OPEN_FINDINGS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

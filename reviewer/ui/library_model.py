"""Table model of the workspace's reports (one row per ReportSummary).

Rows are kept by report id: a change re-reads only the reports it touched and updates their rows in place
(:meth:`LibraryModel.update_rows`), so the views, the filter and the counts redo only those rows. The model
keeps its rows in the order shown (it sorts itself); 已审 x / N is counted as the rows change.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from reviewer.pinyin_order import pinyin_key
from reviewer.ui.plain_text import plain_tooltip
from reviewer.ui.review_states import tr_label
from reviewer.ui.roster_marks import roster_marked, roster_tooltip
from reviewer.vocabulary import Level, ReviewStatus, Verdict

ReportIdRole = Qt.ItemDataRole.UserRole + 1
FilterRole = Qt.ItemDataRole.UserRole + 2
"""The text the filter box matches, of the whole row: what its cells show, and 新版本，需复核 where it is."""
FEW_ROWS = 8
"""Up to this many reports added at once go straight to their places; more are added and sorted in one pass."""

STATUS_COLOURS = {ReviewStatus.UNREVIEWED: "#8a8a8a", ReviewStatus.IN_REVIEW: "#b86e00", ReviewStatus.REVIEWED: "#1c7c3a"}
VERDICT_COLOURS = {Verdict.PASS: "#1c7c3a", Verdict.REVISE: "#b86e00", Verdict.FAIL: "#c62828"}
RECHECK_COLOUR = "#c62828"
_STATUS_ORDER = list(ReviewStatus)
_VERDICT_ORDER = list(Verdict)
_LEVEL_ORDER = list(Level)


@dataclass(frozen=True)
class LibraryColumn:
    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any]
    tip: str = ""
    """What the column means (its header's tooltip)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryModel", text)


def recheck_label() -> str:
    """The mark of a new version of a report that had review work (see ReportSummary.needs_recheck)."""
    return _tr("新版本，需复核")


def _unit_label(report) -> str:
    return report.unit or report.title or report.file_name


def _status_label(report) -> str:
    return _tr("需复核") if report.needs_recheck else tr_label(report.status)


def _status_order(report) -> int:
    """未审, then 需复核 before the other reports 审阅中, then 已审."""
    return _STATUS_ORDER.index(report.status) * 2 - (1 if report.needs_recheck else 0)


def _columns() -> list[LibraryColumn]:
    return [
        LibraryColumn(_tr("单位"), roster_marked(_unit_label), _unit_label),  # sorted by LibraryModel._unit_key
        LibraryColumn(_tr("年度"), lambda r: str(r.report_year) if r.report_year else "", lambda r: r.report_year or 0),
        LibraryColumn(_tr("层级"), lambda r: tr_label(r.level) if r.level else "",
                      lambda r: _LEVEL_ORDER.index(r.level) if r.level else len(_LEVEL_ORDER)),
        LibraryColumn(_tr("公开日期"), lambda r: r.publish_date or "", lambda r: r.publish_date or "",
                      _tr("报告在政府网站等处公开的日期")),
        LibraryColumn(_tr("状态"), _status_label, _status_order,
                      _tr("未审、审阅中、已审；“需复核”：导入了已有审阅记录的报告的新版本，尚未重新标记为已审")),
        LibraryColumn(_tr("待审"), lambda r: str(r.pending_items), lambda r: r.pending_items,
                      _tr("尚待确认或否决的数据、问题和必备内容（未核对的标题和基本信息不计）")),
        LibraryColumn(_tr("问题"), lambda r: str(r.open_findings), lambda r: r.open_findings,
                      _tr("检查发现的问题数（已否决的不计）")),
        LibraryColumn(_tr("结论"), lambda r: tr_label(r.verdict) if r.verdict else "",
                      lambda r: _VERDICT_ORDER.index(r.verdict) if r.verdict else -1),
        LibraryColumn(_tr("文件"), _file_label, lambda r: r.file_name),
    ]


COLUMN_UNIT = 0
COLUMN_YEAR = 1
COLUMN_LEVEL = 2
COLUMN_PUBLISH_DATE = 3
COLUMN_STATUS = 4
COLUMN_PENDING = 5
COLUMN_OPEN_FINDINGS = 6
COLUMN_VERDICT = 7
COLUMN_FILE = 8
_NUMBER_COLUMNS = (COLUMN_YEAR, COLUMN_PENDING, COLUMN_OPEN_FINDINGS)


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
    if report.needs_recheck:
        lines.append(_tr("{mark}：已沿用上一版本的审阅记录，请核对后重新标记为已审").format(mark=recheck_label()))
    lines.append(_tr("待审 {pending} 项，问题 {findings} 项").format(
        pending=report.pending_items, findings=report.open_findings))
    return "\n".join(lines)


def _is_reviewed(report) -> int:
    return 1 if report.status == ReviewStatus.REVIEWED else 0


def _runs(rows_descending: list[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last), the last run first (so removing them in turn keeps the rest valid)."""
    runs: list[tuple[int, int]] = []
    for row in rows_descending:
        if runs and runs[-1][0] == row + 1:
            runs[-1] = (row, runs[-1][1])
        else:
            runs.append((row, row))
    return runs


class LibraryModel(QAbstractTableModel):
    """The rows are kept in the order shown: the model sorts itself, in Python, in one pass (a sorting proxy
    would ask for two keys per comparison across the Qt boundary: seconds at 10,000 reports)."""

    countsChanged = Signal()
    """The rows changed: the number of reports or of reviewed reports may be different."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns = _columns()
        self._reports: list = []  # in the order shown
        self._keys: list[tuple[Any, int]] = []  # each row's sort key, in the same order
        self._row_index: dict[int, int] | None = {}  # report id → row; None: to be worked out when next asked
        self._ids: set[int] = set()  # the reports' ids: whether a report has a row, without the row index
        self._pinyin = False
        self._sort_column = COLUMN_UNIT
        self._descending = False
        self._reviewed = 0

    # --- rows ---------------------------------------------------------------------------------

    def set_reports(self, reports: list) -> None:
        """All the rows: reports gone are removed, changed ones updated in place, new ones added."""
        wanted = {report.id for report in reports}
        self.update_rows(reports, [r.id for r in self._reports if r.id not in wanted])

    def update_rows(self, reports: list, removed_ids: list[int]) -> None:
        """Rows of ``removed_ids`` removed, rows of ``reports`` updated in place (moved if their place in the
        order changed) or added where they belong; the other rows are not looked at (what one decision or an
        import needs, however many reports the list holds)."""
        gone = self._ids.intersection(removed_ids)
        removed = sorted((self._rows[i] for i in gone), reverse=True)
        for first, last in _runs(removed):
            self.beginRemoveRows(QModelIndex(), first, last)
            self._reviewed -= sum(_is_reviewed(report) for report in self._reports[first:last + 1])
            self._ids.difference_update(report.id for report in self._reports[first:last + 1])
            del self._reports[first:last + 1]
            del self._keys[first:last + 1]
            self.endRemoveRows()
        if removed:
            self._index_rows()
        last_column = len(self._columns) - 1
        added = []
        for report in reports:
            if report.id not in self._ids:  # new rows (an import) need no row index
                added.append(report)
                continue
            row = self._rows[report.id]
            if self._reports[row] != report:
                self._reviewed += _is_reviewed(report) - _is_reviewed(self._reports[row])
                self._reports[row] = report
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
                self._move_into_place(row, self._key(report))
        self._reviewed += sum(_is_reviewed(report) for report in added)
        self._ids.update(report.id for report in added)
        if len(added) > FEW_ROWS:
            first = len(self._reports)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._reports += added
            self._keys += [self._key(report) for report in added]
            self._index_rows()
            self.endInsertRows()
            self._sort()
        else:
            for report in added:
                self._insert(report)
        self.countsChanged.emit()

    def report(self, row: int):
        return self._reports[row]

    def reports(self) -> list:
        """Every report, in the order shown (a copy)."""
        return list(self._reports)

    def row_of(self, report_id: int) -> int | None:
        return self._rows.get(report_id)

    def reviewed_count(self) -> int:
        """Reports marked 已审 (a new version waiting to be checked again is not)."""
        return self._reviewed

    @property
    def _rows(self) -> dict[int, int]:
        """Report id → row, worked out again only when asked after the rows moved (rows arriving one by one
        during an import each shift the rows after them: indexing once for all of them keeps that linear)."""
        if self._row_index is None:
            self._row_index = {report.id: row for row, report in enumerate(self._reports)}
        return self._row_index

    def _index_rows(self) -> None:
        self._row_index = None

    def _insert(self, report) -> None:
        key = self._key(report)
        row = self._place_of(key, self._keys)
        self.beginInsertRows(QModelIndex(), row, row)
        self._reports.insert(row, report)
        self._keys.insert(row, key)
        self._index_rows()
        self.endInsertRows()

    def _move_into_place(self, row: int, key: tuple[Any, int]) -> None:
        """Row ``row`` has the sort key ``key`` now: moved to where that puts it (the selection follows)."""
        self._keys[row] = key
        place = self._place_of(key, self._keys[:row] + self._keys[row + 1:])
        if place == row:
            return
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), place if place < row else place + 1)
        self._reports.insert(place, self._reports.pop(row))
        self._keys.insert(place, self._keys.pop(row))
        self._index_rows()
        self.endMoveRows()

    def _place_of(self, key: tuple[Any, int], keys: list[tuple[Any, int]]) -> int:
        """Where ``key`` goes among ``keys`` (in the order shown)."""
        if not self._descending:
            return bisect_left(keys, key)
        return len(keys) - bisect_left(keys[::-1], key)

    # --- order -----------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._keys = [self._key(report) for report in self._reports]
        self._sort()

    def _key(self, report) -> tuple[Any, int]:
        column = self._sort_column
        value = self._unit_key(report) if column == COLUMN_UNIT else self._columns[column].sort_key(report)
        return value, report.id

    def _sort(self) -> None:
        """The rows in the order of their keys; views keep their selection and current row."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept = [(self._reports[index.row()].id, index.column()) for index in persistent]
        order = sorted(range(len(self._reports)), key=self._keys.__getitem__, reverse=self._descending)
        self._reports = [self._reports[row] for row in order]
        self._keys = [self._keys[row] for row in order]
        self._index_rows()
        self.changePersistentIndexList(persistent, [self.index(self._rows[report_id], column)
                                                    for report_id, column in kept])
        self.layoutChanged.emit()

    @property
    def pinyin_order(self) -> bool:
        return self._pinyin

    def use_pinyin_order(self) -> None:
        """Sort the unit column in pinyin order from now on (loads pypinyin's dictionaries the first time)."""
        if self._pinyin:
            return
        self._pinyin = True
        if self._sort_column == COLUMN_UNIT:
            self.sort(self._sort_column, Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder)

    def _unit_key(self, report) -> str:
        """Pinyin order of the unit as shown (code point order until :meth:`use_pinyin_order`); the reports
        of one unit by year."""
        label = _unit_label(report)
        return f"{pinyin_key(label) if self._pinyin else label}\x00{report.report_year or 0:04d}"

    # --- Qt -----------------------------------------------------------------------------------------

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
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column].display(report)
        if role == FilterRole:
            return self._filter_text(report)
        if role == ReportIdRole:
            return report.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(report_tooltip(report))
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._colour(report, column)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.FontRole and column == COLUMN_STATUS and report.needs_recheck:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _filter_text(self, report) -> str:
        texts = [column.display(report) for column in self._columns]
        if report.needs_recheck:
            texts.append(recheck_label())
        return "\n".join(texts)

    @staticmethod
    def _colour(report, column: int) -> str | None:
        if column == COLUMN_STATUS:
            return RECHECK_COLOUR if report.needs_recheck else STATUS_COLOURS.get(report.status)
        if column == COLUMN_VERDICT:
            return VERDICT_COLOURS.get(report.verdict) if report.verdict else None
        if column == COLUMN_OPEN_FINDINGS and report.open_findings:
            return "#c62828"
        return None

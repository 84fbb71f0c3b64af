"""Reports side by side: each report's reviewed indicator cells, and the same unit's previous report.

:func:`previous_reports` is the one rule for "the same unit's previous report" and the change of each
indicator since it; the comparison view (指标对比) and the comparison of reports both use it.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.analysis.unit_key import unit_key
from reviewer.workspace.indicator_cells import IndicatorCell, resolve_cells

if TYPE_CHECKING:
    from reviewer.workspace import Workspace

PERCENT = "%"


@functools.lru_cache(maxsize=65536)
def default_unit_key(unit: str | None) -> str:
    """The normalised unit key (:func:`reviewer.analysis.unit_key.unit_key`); "" for no unit."""
    return unit_key(unit) if unit else ""


@dataclass(frozen=True)
class Change:
    """How much an indicator changed since the same unit's previous report."""

    delta: float  # current − previous, in the cell's unit (个百分点 for a rate)
    previous: IndicatorCell
    previous_year: int | None

    @property
    def display(self) -> str:
        """``+12件``, ``−3.5个百分点``, ``持平``."""
        if abs(self.delta) < 1e-9:
            return "持平"
        sign = "+" if self.delta > 0 else "−"
        size = abs(self.delta)
        number = str(int(size)) if float(size).is_integer() else f"{size:.4g}"
        unit = "个百分点" if self.previous.unit == PERCENT else self.previous.unit
        return f"{sign}{number}{unit}"


@dataclass
class ComparedReport:
    """One row of the comparison: a report, its cells, and the change since the unit's previous report.

    ``changes`` is computed from the previous report's cells when first read (a table of 10,000 reports
    paints a few dozen rows) and kept until :func:`previous_reports` links the row again."""

    report_id: int
    unit: str | None
    level: str | None
    report_year: int | None
    cells: dict[str, IndicatorCell]
    unit_key: str = ""
    previous_id: int | None = None
    previous: ComparedReport | None = field(default=None, repr=False, compare=False)
    _changes: dict[str, Change] | None = field(default=None, repr=False, compare=False)

    @property
    def changes(self) -> dict[str, Change]:
        """Per indicator filled in this and the previous report with the same unit: current − previous."""
        if self._changes is None:
            self._changes = _changes(self, self.previous) if self.previous is not None else {}
        return self._changes


def previous_reports(rows: Sequence[ComparedReport], key: Callable[[str | None], str] = default_unit_key) -> None:
    """Sets, on every row, ``unit_key`` and ``previous`` / ``previous_id`` (the same unit's report of the
    nearest earlier year), from which ``changes`` follows (per indicator filled in both with the same unit:
    current − previous). Rows of units not in ``rows`` are not touched: after one report's cells change,
    linking its unit's rows again is enough (:func:`same_unit_rows`)."""
    by_unit: dict[str, list[ComparedReport]] = {}
    for row in rows:
        row.unit_key = key(row.unit)
        row.previous, row.previous_id, row._changes = None, None, None
        if row.unit_key and row.report_year is not None:
            by_unit.setdefault(row.unit_key, []).append(row)
    for same_unit in by_unit.values():
        same_unit.sort(key=lambda r: (r.report_year or 0, r.report_id))
        previous: ComparedReport | None = None  # the last report of an earlier year
        latest: ComparedReport | None = None
        for row in same_unit:
            if latest is not None and latest.report_year != row.report_year:
                previous = latest  # two reports of one unit and year: neither is the other's previous year
            row.previous = previous
            row.previous_id = previous.report_id if previous is not None else None
            latest = row


def same_unit_rows(rows: Sequence[ComparedReport], report_id: int) -> list[ComparedReport]:
    """The rows of the unit of report ``report_id`` (the report's own row alone when its unit is unknown)."""
    row = next((r for r in rows if r.report_id == report_id), None)
    if row is None:
        return []
    if not row.unit_key:
        return [row]
    return [r for r in rows if r.unit_key == row.unit_key]


def _changes(row: ComparedReport, previous: ComparedReport) -> dict[str, Change]:
    changes = {}
    for code, cell in row.cells.items():
        before = previous.cells.get(code)
        if before is None or cell.value is None or before.value is None or before.unit != cell.unit:
            continue
        changes[code] = Change(cell.value - before.value, before, previous.report_year)
    return changes


@dataclass(frozen=True)
class IndicatorYears:
    """One indicator of a report beside the same unit's previous report (与上年对比)."""

    column: str  # the column's name (行政复议案件)
    previous: IndicatorCell | None
    current: IndicatorCell | None
    change: Change | None


def indicator_years(row: ComparedReport) -> list[IndicatorYears]:
    """The indicators filled in the report or in its previous report, in the catalogue's order."""
    before = row.previous.cells if row.previous is not None else {}
    return [IndicatorYears(name, before.get(code), row.cells.get(code), row.changes.get(code))
            for code, name in indicator_columns().items() if code in row.cells or code in before]


def compared_reports(ws: Workspace) -> list[ComparedReport]:
    """Every current report of the workspace with its reviewed cells and previous-year changes,
    ordered so that one unit's years stand together (unit key, then year)."""
    items = ws.indicator_items()
    rows = [
        ComparedReport(r.id, r.unit, r.level, r.report_year, resolve_cells(items.get(r.id, [])))
        for r in ws.reports()
    ]
    previous_reports(rows)
    rows.sort(key=lambda r: (r.unit_key == "", r.unit_key, r.report_year or 0, r.report_id))
    return rows

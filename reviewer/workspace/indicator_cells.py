"""The reviewed indicator table: each column's cell of a report after the reviewer's decisions.

An indicator is a review item of kind ``indicator`` (machine values ``code``, ``text``, ``value``, ``unit``,
``approx``; its span is the figure's). Per column, in this order:

1. a manual indicator item (the reviewer filled the cell, or re-pointed it to another figure) — the
   newest one not rejected — is the confirmed cell;
2. else the machine's item: accepted or corrected is confirmed, pending is the machine's unconfirmed
   value, rejected leaves the cell empty.

The figure item on the same span counts too, unless the reviewer corrected the indicator itself:

- a figure the reviewer corrected (F2 更正 in the figures table) gives the cell its corrected value, unit and
  约 — for the machine's cell and for a cell the reviewer filled or re-pointed (which copied the figure's
  values when it was made), so the table never shows a value the reviewer has said is wrong. Whether the cell
  is confirmed stays the cell's own decision: correcting or accepting a figure says how it reads, not that it
  is the column's figure, so a machine cell on a corrected figure is still unconfirmed until it is accepted;
- a figure the reviewer rejected fills no machine cell (a cell the reviewer chose stays: choosing is the
  later, explicit decision).

Re-pointing a cell is rejecting the machine's item and adding a manual one on the chosen figure
(:func:`repoint_cell`), so both decisions survive a new version of the report like other items.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.vocabulary import ItemKind, ItemState, Origin
from reviewer.workspace.model import ReviewItem
from reviewer.workspace.values import FigureValues, IndicatorValues

if TYPE_CHECKING:
    from reviewer.workspace.workspace import Workspace

INDICATOR_KIND = ItemKind.INDICATOR


@dataclass(frozen=True)
class IndicatorCell:
    code: str
    text: str  # the figure's text as written
    value: float | None
    unit: str
    approx: bool
    start: int | None  # the figure's span in the report's text
    end: int | None
    confirmed: bool  # the reviewer's (accepted, corrected, filled or re-pointed), not only the machine's

    @property
    def display(self) -> str:
        """The value with its unit, as the table shows it: ``16件``, ``97.6%``, ``约60份``."""
        if self.value is None:
            return self.text
        number = str(int(self.value)) if float(self.value).is_integer() else f"{self.value:g}"
        return ("约" if self.approx else "") + number + self.unit


def resolve_cells(items: Iterable[ReviewItem]) -> dict[str, IndicatorCell]:
    """Code → the report's reviewed cell, from the items of one report (indicator and figure items are
    read, other kinds ignored); of several manual items of a column, the newest (highest id) wins."""
    machine: dict[str, ReviewItem] = {}
    manual: dict[str, ReviewItem] = {}
    figures: dict[tuple[int | None, int | None], ReviewItem] = {}
    for item in items:
        if item.kind == ItemKind.FIGURE:
            figures.setdefault((item.start, item.end), item)
        values = item.effective if item.kind == ItemKind.INDICATOR else None
        if not isinstance(values, IndicatorValues) or not values.code:
            continue
        if item.origin == Origin.MANUAL:
            if item.state == ItemState.REJECTED:
                continue
            if values.code not in manual or item.id >= manual[values.code].id:
                manual[values.code] = item
        else:
            machine.setdefault(values.code, item)
    cells = {}
    for code in (*machine, *(c for c in manual if c not in machine)):
        chosen = manual.get(code) or machine[code]
        values = chosen.effective
        assert isinstance(values, IndicatorValues)
        manual_cell = chosen.origin == Origin.MANUAL
        confirmed = manual_cell or chosen.state != ItemState.PENDING
        if not manual_cell and chosen.state == ItemState.REJECTED:
            continue
        figure = figures.get((chosen.start, chosen.end)) if chosen.state != ItemState.CORRECTED else None
        if figure is not None and figure.state == ItemState.REJECTED and not manual_cell:
            continue
        if figure is not None and figure.state == ItemState.CORRECTED and isinstance(figure.effective, FigureValues):
            corrected = figure.effective
            values = IndicatorValues(code, values.text, corrected.value, corrected.unit, corrected.approx)
        cells[code] = IndicatorCell(code, values.text, values.value, values.unit or "", values.approx,
                                    chosen.start, chosen.end, confirmed)
    return cells


def report_cells(ws: Workspace, report_id: int) -> dict[str, IndicatorCell]:
    """The reviewed cells of one workspace report."""
    return resolve_cells(ws.items(report_id))


def fill_cell(ws: Workspace, report_id: int, code: str, figure: ReviewItem) -> ReviewItem:
    """The reviewer fills column ``code`` with a figure item of the report (a manual, accepted cell)."""
    values = figure.effective
    assert isinstance(values, FigureValues)
    return ws.add_item(report_id, INDICATOR_KIND, figure.start or 0, figure.end or 0,
                       IndicatorValues(code, values.text, values.value, values.unit, values.approx))


def repoint_cell(ws: Workspace, report_id: int, code: str, figure: ReviewItem) -> ReviewItem:
    """The cell of ``code`` is ``figure`` instead of what fills it now: the current machine item is rejected
    and earlier manual cells of the column are deleted, then the figure fills the cell."""
    for item in column_items(ws, report_id, code):
        if item.origin == Origin.MANUAL:
            ws.delete_item(item.id)
        elif item.state != ItemState.REJECTED:
            ws.set_item_state(item.id, ItemState.REJECTED)
    return fill_cell(ws, report_id, code, figure)


def column_items(ws: Workspace, report_id: int, code: str) -> list[ReviewItem]:
    """The indicator items of one column of a report, unanchored ones included."""
    return [item for item in ws.items(report_id, kind=INDICATOR_KIND, include_unanchored=True)
            if isinstance(item.effective, IndicatorValues) and item.effective.code == code]

"""The reviewed indicator table: each column's cell of a report after the reviewer's decisions.

An indicator is a review item of kind ``indicator`` (machine values ``code``, ``text``, ``value``, ``unit``,
``approx``; its span is the figure's). Per column, in this order:

1. a manual indicator item (the reviewer filled the cell, or re-pointed it to another figure) — the
   newest one not rejected — is the confirmed cell;
2. else the machine's item: accepted or corrected is confirmed, pending is the machine's unconfirmed
   value, rejected leaves the cell empty.

The figure item on the same span counts too, unless the reviewer corrected the indicator itself: a figure
the reviewer rejected fills no cell, a corrected figure gives the cell its corrected value.

Re-pointing a cell is rejecting the machine's item and adding a manual one on the chosen figure
(:func:`repoint_cell`), so both decisions survive a new version of the report like other items.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from reviewer.workspace.model import ReviewItem
    from reviewer.workspace.workspace import Workspace

INDICATOR_KIND = "indicator"
FIGURE_KIND = "figure"


class IndicatorItem(Protocol):
    """What the resolution reads of a review item."""

    kind: str
    origin: str
    state: str
    start: int | None
    end: int | None

    @property
    def effective(self) -> dict[str, Any]: ...


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


def resolve_cells(items: Iterable[IndicatorItem]) -> dict[str, IndicatorCell]:
    """Code → the report's reviewed cell, from the items of one report (indicator and figure items are
    read, other kinds ignored); of several manual items of a column, the newest (highest id) wins."""
    machine: dict[str, IndicatorItem] = {}
    manual: dict[str, IndicatorItem] = {}
    figures: dict[tuple[int | None, int | None], IndicatorItem] = {}
    for item in items:
        if item.kind == FIGURE_KIND:
            figures.setdefault((item.start, item.end), item)
        if item.kind != INDICATOR_KIND:
            continue
        code = str(item.effective.get("code") or "")
        if not code:
            continue
        if item.origin == "manual":
            if item.state == "rejected":
                continue
            if code not in manual or _id(item) >= _id(manual[code]):
                manual[code] = item
        else:
            machine.setdefault(code, item)
    cells = {}
    for code in (*machine, *(c for c in manual if c not in machine)):
        chosen = manual.get(code) or machine[code]
        confirmed = chosen.origin == "manual" or chosen.state != "pending"
        if chosen.origin == "manual" or chosen.state == "corrected":
            cells[code] = _cell(code, chosen.effective, chosen, confirmed)
            continue
        figure = figures.get((chosen.start, chosen.end))
        if chosen.state == "rejected" or (figure is not None and figure.state == "rejected"):
            continue
        values = chosen.effective
        if figure is not None and figure.state == "corrected":
            values = {**values, **{k: figure.effective.get(k) for k in ("value", "unit", "approx")}}
        cells[code] = _cell(code, values, chosen, confirmed)
    return cells


def _id(item: IndicatorItem) -> int:
    return int(getattr(item, "id", 0) or 0)


def _cell(code: str, values: dict[str, Any], item: IndicatorItem, confirmed: bool) -> IndicatorCell:
    value = values.get("value")
    return IndicatorCell(
        code=code,
        text=str(values.get("text") or ""),
        value=float(value) if isinstance(value, (int, float)) else None,
        unit=str(values.get("unit") or ""),
        approx=bool(values.get("approx")),
        start=item.start,
        end=item.end,
        confirmed=confirmed,
    )


def report_cells(ws: Workspace, report_id: int) -> dict[str, IndicatorCell]:
    """The reviewed cells of one workspace report."""
    return resolve_cells(ws.items(report_id))


def fill_cell(ws: Workspace, report_id: int, code: str, figure: ReviewItem) -> ReviewItem:
    """The reviewer fills column ``code`` with a figure item of the report (a manual, accepted cell)."""
    values = figure.effective
    return ws.add_item(report_id, INDICATOR_KIND, figure.start or 0, figure.end or 0, {
        "code": code, "text": values.get("text") or figure.machine.get("text"), "value": values.get("value"),
        "unit": values.get("unit"), "approx": bool(values.get("approx")),
    })


def repoint_cell(ws: Workspace, report_id: int, code: str, figure: ReviewItem) -> ReviewItem:
    """The cell of ``code`` is ``figure`` instead of what fills it now: the current machine item is rejected
    and earlier manual cells of the column are deleted, then the figure fills the cell."""
    for item in ws.items(report_id, kind=INDICATOR_KIND, include_unanchored=True):
        if item.effective.get("code") != code:
            continue
        if item.origin == "manual":
            ws.delete_item(item.id)
        elif item.state != "rejected":
            ws.set_item_state(item.id, "rejected")
    return fill_cell(ws, report_id, code, figure)

"""Stored rows turned into the dataclasses of :mod:`reviewer.workspace.model` (field names are column names)."""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from functools import cache, partial
from typing import Any, TypeVar, cast

from reviewer.vocabulary import AnnotationTag, ItemKind, ItemState, Origin, ReviewStatus, Severity, Verdict
from reviewer.workspace.db import from_json
from reviewer.workspace.failures import stored_code
from reviewer.workspace.model import Annotation, HistoryEntry, ReportReview, ReviewItem
from reviewer.workspace.values import from_stored

ITEM_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ReviewItem))
"""The items table's columns :func:`item_from_values` reads, in the order of :class:`ReviewItem`'s fields."""

JSON_COLUMNS = frozenset({"machine", "corrected", "old", "new"})
BOOL_COLUMNS = frozenset({"anchored"})
CODE_COLUMNS: dict[str, type[StrEnum]] = {
    "kind": ItemKind, "origin": Origin, "state": ItemState, "tag": AnnotationTag, "severity": Severity,
    "verdict": Verdict, "status": ReviewStatus,
}
"""Columns holding codes of the vocabulary, read back as its members."""

T = TypeVar("T")


def from_row(cls: type[T], row: sqlite3.Row) -> T:
    plan = _reading_plan(cls, tuple(row.keys()))  # type: ignore[arg-type]
    return cls(**{name: row[index] if read is None else read(row[index]) for name, index, read in plan})


Read = Callable[[Any], Any]


@cache
def _reading_plan(cls: type, columns: tuple[str, ...]) -> tuple[tuple[str, int, Read | None], ...]:
    """For each field of ``cls`` a row with ``columns`` fills: its column's position and how its value
    is read (None: as stored). Worked out once per class and column list: rows come by the thousand."""
    codes = cls is not HistoryEntry  # a history row's target/action are not vocabulary codes
    return tuple((f.name, columns.index(f.name), _reader(f.name, codes))
                 for f in dataclasses.fields(cls) if f.name in columns)


def _reader(name: str, codes: bool) -> Read | None:
    if codes and name in CODE_COLUMNS:
        code = CODE_COLUMNS[name]
        return lambda stored: None if stored is None else stored_code(code, stored)
    if name in JSON_COLUMNS:
        return from_json
    if name in BOOL_COLUMNS:
        return bool
    return None


def item_from_row(row: sqlite3.Row) -> ReviewItem:
    """A stored item, its machine and corrected JSON read as the values of its kind."""
    item = from_row(ReviewItem, row)
    machine = cast(Mapping[str, Any] | None, item.machine)
    corrected = cast(Mapping[str, Any] | None, item.corrected)
    item.machine = from_stored(item.kind, machine)
    item.corrected = from_stored(item.kind, corrected)
    return item


def item_from_values(values: Sequence[Any]) -> ReviewItem:
    """A stored item from the values of :data:`ITEM_COLUMNS` in that order (a plain tuple: no row object,
    no name lookups, for reading items by the thousand)."""
    item_id, report_id, kind, origin, key, machine, corrected, state, start, end, reviewer, updated_at, anchored \
        = values
    kind = _KINDS.get(kind) or stored_code(ItemKind, kind)
    return ReviewItem(item_id, report_id, kind, _ORIGINS.get(origin) or stored_code(Origin, origin), key,
                      None if machine is None else from_stored(kind, from_json(machine)),
                      None if corrected is None else from_stored(kind, from_json(corrected)),
                      _STATES.get(state) or stored_code(ItemState, state), start, end, reviewer, updated_at,
                      bool(anchored))


_KINDS: Mapping[str, ItemKind] = ItemKind._value2member_map_  # type: ignore[assignment]
_ORIGINS: Mapping[str, Origin] = Origin._value2member_map_  # type: ignore[assignment]
_STATES: Mapping[str, ItemState] = ItemState._value2member_map_  # type: ignore[assignment]
"""Code → member, looked up directly for the thousands of items a batch reads (:func:`stored_code` for
the message of one that is no code)."""


def unstarted_review(report_id: int) -> ReportReview:
    """The review of a report nobody has started reviewing (no row in ``reviews``)."""
    return ReportReview(report_id, None, "", None, ReviewStatus.UNREVIEWED, None, None, None)


annotation_from_row = partial(from_row, Annotation)
review_from_row = partial(from_row, ReportReview)
history_from_row = partial(from_row, HistoryEntry)

"""Stored rows turned into the dataclasses of :mod:`reviewer.workspace.model` (field names are column names)."""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Mapping
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar, cast

from reviewer.vocabulary import AnnotationTag, ItemKind, ItemState, Origin, ReviewStatus, Severity, Verdict
from reviewer.workspace.db import from_json
from reviewer.workspace.model import Annotation, HistoryEntry, ReportReview, ReviewItem
from reviewer.workspace.values import from_stored

JSON_COLUMNS = frozenset({"machine", "corrected", "old", "new"})
BOOL_COLUMNS = frozenset({"anchored"})
CODE_COLUMNS: dict[str, type[StrEnum]] = {
    "kind": ItemKind, "origin": Origin, "state": ItemState, "tag": AnnotationTag, "severity": Severity,
    "verdict": Verdict, "status": ReviewStatus,
}
"""Columns holding codes of the vocabulary, read back as its members."""

T = TypeVar("T")


def from_row(cls: type[T], row: sqlite3.Row) -> T:
    codes = cls is not HistoryEntry  # a history row's target/action are not vocabulary codes
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    return cls(**{f.name: _value(f.name, row[f.name], codes) for f in fields if f.name in row.keys()})


def _value(name: str, stored: Any, codes: bool) -> Any:
    if codes and stored is not None and name in CODE_COLUMNS:
        return CODE_COLUMNS[name](stored)
    if name in JSON_COLUMNS:
        return from_json(stored)
    if name in BOOL_COLUMNS:
        return bool(stored)
    return stored


def item_from_row(row: sqlite3.Row) -> ReviewItem:
    """A stored item, its machine and corrected JSON read as the values of its kind."""
    item = from_row(ReviewItem, row)
    machine = cast(Mapping[str, Any] | None, item.machine)
    corrected = cast(Mapping[str, Any] | None, item.corrected)
    item.machine = from_stored(item.kind, machine)
    item.corrected = from_stored(item.kind, corrected)
    return item


annotation_from_row = partial(from_row, Annotation)
review_from_row = partial(from_row, ReportReview)
history_from_row = partial(from_row, HistoryEntry)

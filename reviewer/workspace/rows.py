"""Stored rows turned into the dataclasses of :mod:`reviewer.workspace.model` (field names are column names)."""
from __future__ import annotations

import dataclasses
import sqlite3
from functools import partial
from typing import Any, TypeVar

from reviewer.workspace.db import from_json
from reviewer.workspace.model import Annotation, HistoryEntry, ReportReview, ReviewItem

JSON_COLUMNS = frozenset({"machine", "corrected", "old", "new"})
BOOL_COLUMNS = frozenset({"anchored"})

T = TypeVar("T")


def from_row(cls: type[T], row: sqlite3.Row) -> T:
    return cls(**{f.name: _value(f.name, row[f.name]) for f in dataclasses.fields(cls) if f.name in row.keys()})


def _value(name: str, stored: Any) -> Any:
    if name in JSON_COLUMNS:
        return from_json(stored)
    if name in BOOL_COLUMNS:
        return bool(stored)
    return stored


item_from_row = partial(from_row, ReviewItem)
annotation_from_row = partial(from_row, Annotation)
review_from_row = partial(from_row, ReportReview)
history_from_row = partial(from_row, HistoryEntry)

"""Many decisions as one change: the rows of a bulk decision and its history snapshots.

A bulk decision is recorded as ONE history row with target ``items`` and no target id; its snapshots map
each item id (as text, JSON keys being text) to that item's decision fields, so undo and redo put back or
apply every item of the batch together.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from reviewer.workspace.db import from_json, to_json
from reviewer.workspace.errors import WorkspaceError

BATCH_TARGET = "items"
DECISION_FIELDS = ("state", "corrected", "reviewer", "updated_at")


CHUNK = 500
"""Ids per ``IN (…)`` query: well below SQLite's bound-parameter limit."""


def _rows_by_id(conn: sqlite3.Connection, columns: str, ids: Sequence[int]) -> dict[int, sqlite3.Row]:
    found: dict[int, sqlite3.Row] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start:start + CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, {columns} FROM items WHERE id IN ({marks})", chunk):
            found[row["id"]] = row
    return found


def decision_rows(conn: sqlite3.Connection, item_ids: Sequence[int]) -> list[sqlite3.Row]:
    """id, report_id, origin and state of each item, in the order given; an unknown id is an error."""
    wanted = list(dict.fromkeys(int(i) for i in item_ids))
    found = _rows_by_id(conn, "report_id, origin, state", wanted)
    missing = [i for i in wanted if i not in found]
    if missing:
        raise WorkspaceError(f"找不到编号为 {missing[0]} 的条目。")
    return [found[i] for i in wanted]


def batch_snapshot(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, Any]:
    """The current decision fields of the items named by ``keys`` (item ids as text); None for a deleted one."""
    found = _rows_by_id(conn, ", ".join(DECISION_FIELDS), [int(key) for key in keys])
    snapshot: dict[str, Any] = {}
    for key in keys:
        row = found.get(int(key))
        snapshot[key] = None if row is None else {
            name: from_json(row[name]) if name == "corrected" else row[name] for name in DECISION_FIELDS
        }
    return snapshot


def apply_batch(conn: sqlite3.Connection, values: dict[str, Any] | None) -> None:
    values = values or {}
    missing = [key for key, fields in values.items() if fields is None]
    if len(_rows_by_id(conn, "state", [int(key) for key in values])) != len(values) or missing:
        raise WorkspaceError("这批条目中有的已不存在，不能撤销或重做这批审阅决定。")
    assignments = ", ".join(f"{name} = ?" for name in DECISION_FIELDS)
    conn.executemany(
        f"UPDATE items SET {assignments} WHERE id = ?",
        [[to_json(fields[name]) if name == "corrected" else fields[name] for name in DECISION_FIELDS] + [int(key)]
         for key, fields in values.items()],
    )


def bulk_decided(conn: sqlite3.Connection, report_id: int) -> set[int]:
    """Items of the report whose latest decision was a bulk one (a batch done or redone; a later single
    decision or an undo of the batch takes the item out again)."""
    latest: dict[int, bool] = {}
    rows = conn.execute("SELECT target, target_id, action, new FROM history WHERE report_id = ? "
                        "AND target IN ('item', ?) ORDER BY id", (report_id, BATCH_TARGET))
    for row in rows:
        if row["target"] == "item":
            latest[row["target_id"]] = False
            continue
        in_bulk = row["action"] != "undo"
        for key in from_json(row["new"]) or {}:
            latest[int(key)] = in_bulk
    return {item_id for item_id, in_bulk in latest.items() if in_bulk}

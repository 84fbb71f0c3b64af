"""The change log: one row per change, holding the changed row's fields before and after.

A snapshot is a dict of column values. ``None`` before means the row was created, ``None`` after
that it was deleted; otherwise the snapshot holds the fields that changed (a decision) or the whole
row. Applying a snapshot therefore deletes, updates or re-inserts the row (with its old id), which
is what undo and redo do.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from reviewer.workspace.db import from_json, inserted_id, to_json
from reviewer.workspace.errors import WorkspaceError
from reviewer.workspace.model import HistoryEntry
from reviewer.workspace.rows import history_from_row

TABLES: dict[str, tuple[str, str]] = {
    "item": ("items", "id"),
    "annotation": ("annotations", "id"),
    "review": ("reviews", "report_id"),
    "report": ("reports", "id"),
}
JSON_COLUMNS = frozenset({"machine", "corrected"})
NOT_UNDOABLE = frozenset({"import", "new_version", "reanalyze"})
"""Actions recorded for the officer to see, but not reversible from the history."""


def record(
    conn: sqlite3.Connection,
    report_id: int | None,
    target: str,
    target_id: int | None,
    action: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    at: str,
    who: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO history (report_id, target, target_id, action, old, new, at, who) VALUES (?,?,?,?,?,?,?,?)",
        (report_id, target, target_id, action, to_json(old), to_json(new), at, who),
    )
    return inserted_id(cursor)


def entry(conn: sqlite3.Connection, history_id: int) -> HistoryEntry:
    row = conn.execute("SELECT * FROM history WHERE id = ?", (history_id,)).fetchone()
    if row is None:
        raise WorkspaceError(f"找不到编号为 {history_id} 的修改记录。")
    return history_from_row(row)


def snapshot(
    conn: sqlite3.Connection, target: str, target_id: int | None, fields: list[str] | None = None
) -> dict[str, Any] | None:
    """The row's current values (only ``fields`` if given); None when the row does not exist."""
    table, id_column = TABLES[target]
    row = conn.execute(f"SELECT * FROM {table} WHERE {id_column} = ?", (target_id,)).fetchone()
    if row is None:
        return None
    names = fields if fields is not None else row.keys()
    return {name: from_json(row[name]) if name in JSON_COLUMNS else row[name] for name in names}


def apply(conn: sqlite3.Connection, target: str, target_id: int | None, values: dict[str, Any] | None) -> None:
    table, id_column = TABLES[target]
    if values is None:
        conn.execute(f"DELETE FROM {table} WHERE {id_column} = ?", (target_id,))
        return
    columns = {name: _stored(name, value) for name, value in values.items() if name != id_column}
    exists = conn.execute(f"SELECT 1 FROM {table} WHERE {id_column} = ?", (target_id,)).fetchone()
    if exists:
        if not columns:
            return
        assignments = ", ".join(f'"{name}" = ?' for name in columns)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE {id_column} = ?", [*columns.values(), target_id])
        return
    names = ", ".join(f'"{name}"' for name in [id_column, *columns])
    try:
        conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * (len(columns) + 1))})",
            [target_id, *columns.values()],
        )
    except sqlite3.IntegrityError as error:
        raise WorkspaceError("这一修改涉及的内容已不存在，无法撤销或重做。") from error


def _stored(name: str, value: Any) -> Any:
    return to_json(value) if name in JSON_COLUMNS else value

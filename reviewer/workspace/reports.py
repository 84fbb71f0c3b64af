"""Report rows: storing a prepared report, finding the report a new file replaces, listing items.

Functions here run inside the caller's write transaction.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from reviewer.analysis.model import Analysis
from reviewer.vocabulary import ItemState, Level, Origin, ReviewStatus, from_label
from reviewer.workspace import copies, search
from reviewer.workspace.db import inserted_id, to_json
from reviewer.workspace.items import ItemDraft
from reviewer.workspace.originals import insert_original, original_size
from reviewer.workspace.prepare import PreparedReport
from reviewer.workspace.summaries import CURRENT

ITEM_COLUMNS = (
    "id", "report_id", "kind", "origin", "key", "ordinal", "machine", "corrected", "state",
    "start", "end", "anchored", "reviewer", "updated_at",
)


def metadata_columns(analysis: Analysis) -> dict[str, Any]:
    meta = analysis.metadata
    return {
        "title": meta.title,
        "unit": meta.unit,
        "level": from_label(Level, meta.level),
        "report_year": meta.report_year,
        "publish_date": meta.publish_date,
    }


def by_sha256(conn: sqlite3.Connection, sha256: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM reports WHERE sha256 = ?", (sha256,)).fetchone()
    return row


def latest_version(conn: sqlite3.Connection, report_id: int) -> int:
    """The current report in the chain of versions starting at ``report_id``."""
    seen = {report_id}
    while True:
        row = conn.execute("SELECT superseded_by FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None or row[0] is None or row[0] in seen:
            return report_id
        report_id = row[0]
        seen.add(report_id)


def find_predecessor(conn: sqlite3.Connection, prepared: PreparedReport) -> int | None:
    """The current report that ``prepared`` is a new version of: the same source path, or the same
    file name and unit, or the same unit, year and title; never one naming another unit or year."""
    meta = prepared.analysis.metadata
    rows = conn.execute(
        f"SELECT r.id, r.source_path, r.file_name, r.unit, r.report_year, r.title FROM reports r WHERE {CURRENT} "
        "AND (r.source_path = ? OR r.file_name = ? OR (r.unit = ? AND r.report_year = ? AND r.title = ?)) "
        "ORDER BY r.id DESC",
        (prepared.source_path, prepared.file_name, meta.unit, meta.report_year, meta.title),
    ).fetchall()
    for row in rows:
        if _conflicts(row["unit"], meta.unit) or _conflicts(row["report_year"], meta.report_year):
            continue
        same_path = prepared.source_path is not None and row["source_path"] == prepared.source_path
        same_name_and_unit = row["file_name"] == prepared.file_name and meta.unit and row["unit"] == meta.unit
        same_identity = meta.unit and meta.report_year and meta.title and row["title"] == meta.title
        if same_path or same_name_and_unit or same_identity:
            return int(row["id"])
    return None


def _conflicts(stored: Any, new: Any) -> bool:
    return stored is not None and new is not None and stored != new


def insert_report(conn: sqlite3.Connection, prepared: PreparedReport, at: str) -> tuple[int, list[int]]:
    """Stores the report, its file, text, analysis, items, an empty review and its search entry.
    Returns the report id and the ids of its items in the order of ``prepared.items``."""
    analysis = prepared.analysis
    size = original_size(prepared)
    cursor = conn.execute(
        "INSERT INTO reports (file_name, source_path, sha256, format, encoding, size, imported_at, "
        "analyzer_version, analyzed_at, title, unit, level, report_year, publish_date) "
        "VALUES (:file_name, :source_path, :sha256, :format, :encoding, :size, :at, :analyzer_version, :at, "
        ":title, :unit, :level, :report_year, :publish_date)",
        {
            "file_name": prepared.file_name,
            "source_path": prepared.source_path,
            "sha256": prepared.sha256,
            "format": analysis.format,
            "encoding": analysis.encoding,
            "size": size,
            "at": at,
            "analyzer_version": analysis.analyzer_version,
            **metadata_columns(analysis),
        },
    )
    report_id = inserted_id(cursor)
    insert_original(conn, report_id, prepared, size)
    conn.execute(
        "INSERT INTO report_texts (report_id, text, analysis) VALUES (?, ?, ?)",
        (report_id, analysis.text, prepared.analysis_json),
    )
    item_ids = insert_drafts(conn, report_id, prepared.items)
    conn.execute("INSERT INTO reviews (report_id, status) VALUES (?, ?)", (report_id, ReviewStatus.UNREVIEWED))
    search.add_body(conn, report_id, prepared.search_body)
    return report_id, item_ids


def insert_drafts(conn: sqlite3.Connection, report_id: int, drafts: list[ItemDraft]) -> list[int]:
    """Machine items, state pending; ids are handed out here (the write lock is held)."""
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM items").fetchone()[0]
    ids = list(range(first, first + len(drafts)))
    conn.executemany(
        'INSERT INTO items (id, report_id, kind, origin, key, ordinal, machine, state, start, "end", anchored) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        [
            (item_id, report_id, d.kind, Origin.MACHINE, d.key, d.ordinal, d.machine_json, ItemState.PENDING,
             d.start, d.end)
            for item_id, d in zip(ids, drafts)
        ],
    )
    return ids


def insert_item(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    """One item row from column values (``machine``/``corrected`` as dicts); returns its id."""
    columns = [c for c in ITEM_COLUMNS if c in values and c != "id"]
    stored = [to_json(values[c]) if c in ("machine", "corrected") else values[c] for c in columns]
    cursor = conn.execute(
        f"INSERT INTO items ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})",
        stored,
    )
    return inserted_id(cursor)


def stored_text(conn: sqlite3.Connection, report_id: int) -> str:
    text: str = conn.execute("SELECT text FROM report_texts WHERE report_id = ?", (report_id,)).fetchone()[0]
    return text


def is_current(conn: sqlite3.Connection, report_id: int) -> bool:
    row = conn.execute("SELECT superseded_by, deleted_at FROM reports WHERE id = ?", (report_id,)).fetchone()
    return row is not None and row[0] is None and row[1] is None


def set_deleted(conn: sqlite3.Connection, report_id: int, deleted_at: str | None) -> None:
    """Soft delete or restore, keeping the search index to current reports only."""
    was_current = is_current(conn, report_id)
    conn.execute("UPDATE reports SET deleted_at = ? WHERE id = ?", (deleted_at, report_id))
    now_current = is_current(conn, report_id)
    if was_current != now_current:
        text = stored_text(conn, report_id)
        (search.add if now_current else search.remove)(conn, report_id, text)
        (copies.add if now_current else copies.remove)(conn, report_id, text)


def supersede(conn: sqlite3.Connection, old_id: int, new_id: int) -> None:
    if is_current(conn, old_id):
        search.remove(conn, old_id, stored_text(conn, old_id))
        copies.remove(conn, old_id, stored_text(conn, old_id))
    conn.execute("UPDATE reports SET superseded_by = ? WHERE id = ?", (new_id, old_id))

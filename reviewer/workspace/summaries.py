"""The report list: one :class:`ReportSummary` per current report, with the reviewer's metadata
corrections laid over what the analysis extracted."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from reviewer.vocabulary import ItemKind, ItemState, Level, ReviewStatus, Verdict, parse
from reviewer.workspace import roster
from reviewer.workspace.failures import stored_code
from reviewer.workspace.model import ReportSummary
from reviewer.workspace.values import MetadataValues, from_stored

METADATA_COLUMNS: tuple[str, ...] = ("title", "unit", "level", "report_year", "publish_date")
"""Metadata fields copied onto the reports table for listing and sorting."""

CURRENT = "r.superseded_by IS NULL AND r.deleted_at IS NULL"
"""SQL condition on ``reports r``: reports shown in the list (not replaced by a newer version, not deleted)."""


def corrected_metadata(conn: sqlite3.Connection, report_ids: list[int] | None = None) -> dict[int, dict[str, Any]]:
    """report id → {field: value} for metadata fields the reviewer corrected or added."""
    sql = (
        "SELECT id, report_id, corrected FROM items WHERE kind = ? AND corrected IS NOT NULL "
        "AND state != ? AND anchored = 1"
    )
    params: list[Any] = [ItemKind.METADATA, ItemState.REJECTED]
    if report_ids is not None:
        sql += f" AND report_id IN ({','.join('?' * len(report_ids))})"
        params += report_ids
    result: dict[int, dict[str, Any]] = {}
    for _id, report_id, corrected in conn.execute(sql + " ORDER BY report_id, id", params):  # the partial index's order
        values = from_stored(ItemKind.METADATA, json.loads(corrected))
        if isinstance(values, MetadataValues) and values.field:
            result.setdefault(report_id, {})[values.field] = values.value
    return result


def report_summaries(conn: sqlite3.Connection, report_ids: list[int] | None = None) -> list[ReportSummary]:
    """Every current report, or those of ``report_ids`` that are current. The counts are kept up to
    date in ``report_counts`` (schema 4), so the list does not count items."""
    corrections = corrected_metadata(conn, report_ids)
    rosters = roster.keys_by_year(conn)
    sql = (
        "SELECT r.id, r.file_name, r.format, r.title, r.unit, r.level, r.report_year, r.publish_date, r.imported_at, "
        "v.status, v.verdict, c.open_findings, c.pending_items FROM reports r "
        "LEFT JOIN reviews v ON v.report_id = r.id LEFT JOIN report_counts c ON c.report_id = r.id "
        f"WHERE {CURRENT}"
    )
    if report_ids is not None:
        sql += f" AND r.id IN ({','.join('?' * len(report_ids))})"
    recheck = _new_versions_to_recheck(conn, report_ids)
    summaries = []
    for row in conn.execute(sql + " ORDER BY r.id", report_ids or []):
        metadata = {column: row[column] for column in METADATA_COLUMNS} | corrections.get(row["id"], {})
        summaries.append(
            ReportSummary(
                id=row["id"],
                file_name=row["file_name"],
                title=metadata["title"],
                unit=metadata["unit"],
                level=parse(Level, metadata["level"]),
                report_year=metadata["report_year"],
                publish_date=metadata["publish_date"],
                status=stored_code(ReviewStatus, row["status"] or ReviewStatus.UNREVIEWED),
                verdict=parse(Verdict, row["verdict"]),
                open_findings=row["open_findings"] or 0,
                pending_items=row["pending_items"] or 0,
                imported_at=row["imported_at"],
                format=row["format"],
                reporting=roster.reporting_of(rosters, metadata["unit"], metadata["report_year"]),
                needs_recheck=row["id"] in recheck,
            )
        )
    return summaries


def _new_versions_to_recheck(conn: sqlite3.Connection, report_ids: list[int] | None) -> set[int]:
    """Current reports that replaced a version with review work (its review started), are not marked
    reviewed again, and still have items pending or carried review work without a place in the new text.
    Derived from ``superseded_by``, the reviews and the items, so it clears itself as the reviewer works."""
    sql = (
        "SELECT r.id FROM reports p JOIN reviews pv ON pv.report_id = p.id JOIN reports r ON r.id = p.superseded_by "
        "LEFT JOIN reviews v ON v.report_id = r.id LEFT JOIN report_counts c ON c.report_id = r.id "
        f"WHERE p.superseded_by IS NOT NULL AND pv.status != ? AND coalesce(v.status, ?) != ? AND {CURRENT} "
        "AND (coalesce(c.pending_items, 0) > 0 "
        "OR EXISTS (SELECT 1 FROM items u WHERE u.report_id = r.id AND u.anchored = 0) "
        "OR EXISTS (SELECT 1 FROM annotations a WHERE a.report_id = r.id AND a.anchored = 0))"
    )
    params: list[Any] = [ReviewStatus.UNREVIEWED, ReviewStatus.UNREVIEWED, ReviewStatus.REVIEWED]
    if report_ids is not None:
        sql += f" AND r.id IN ({','.join('?' * len(report_ids))})"
        params += report_ids
    return {row[0] for row in conn.execute(sql, params)}

"""The report list: one :class:`ReportSummary` per current report, with the reviewer's metadata
corrections laid over what the analysis extracted."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from reviewer.vocabulary import ItemKind, ItemState, Level, ReviewStatus, Verdict, parse
from reviewer.workspace.attention import NEEDS_DECISION_KINDS
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
    for _id, report_id, corrected in conn.execute(sql + " ORDER BY id", params):
        values = from_stored(ItemKind.METADATA, json.loads(corrected))
        if isinstance(values, MetadataValues) and values.field:
            result.setdefault(report_id, {})[values.field] = values.value
    return result


def report_summaries(conn: sqlite3.Connection) -> list[ReportSummary]:
    counts = {
        report_id: (open_findings, pending)
        for report_id, open_findings, pending in conn.execute(
            "SELECT report_id, sum(kind = ? AND state != ?), "
            f"sum(state = ? AND kind IN ({','.join('?' * len(NEEDS_DECISION_KINDS))})) "
            "FROM items WHERE anchored = 1 GROUP BY report_id",
            (ItemKind.FINDING, ItemState.REJECTED, ItemState.PENDING, *NEEDS_DECISION_KINDS),
        )
    }
    corrections = corrected_metadata(conn)
    summaries = []
    for row in conn.execute(
        "SELECT r.id, r.file_name, r.title, r.unit, r.level, r.report_year, r.publish_date, r.imported_at, "
        f"v.status, v.verdict FROM reports r LEFT JOIN reviews v ON v.report_id = r.id WHERE {CURRENT} "
        "ORDER BY r.id"
    ):
        metadata = {column: row[column] for column in METADATA_COLUMNS} | corrections.get(row["id"], {})
        open_findings, pending = counts.get(row["id"], (0, 0))
        summaries.append(
            ReportSummary(
                id=row["id"],
                file_name=row["file_name"],
                title=metadata["title"],
                unit=metadata["unit"],
                level=parse(Level, metadata["level"]),
                report_year=metadata["report_year"],
                publish_date=metadata["publish_date"],
                status=ReviewStatus(row["status"] or ReviewStatus.UNREVIEWED),
                verdict=parse(Verdict, row["verdict"]),
                open_findings=open_findings or 0,
                pending_items=pending or 0,
                imported_at=row["imported_at"],
            )
        )
    return summaries

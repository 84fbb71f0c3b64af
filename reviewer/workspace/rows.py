"""Stored rows turned into the dataclasses of :mod:`reviewer.workspace.model`."""
from __future__ import annotations

import sqlite3

from reviewer.workspace.db import from_json
from reviewer.workspace.model import Annotation, ReportReview, ReviewItem


def item_from_row(row: sqlite3.Row) -> ReviewItem:
    return ReviewItem(
        id=row["id"],
        report_id=row["report_id"],
        kind=row["kind"],
        origin=row["origin"],
        key=row["key"],
        machine=from_json(row["machine"]),
        corrected=from_json(row["corrected"]),
        state=row["state"],
        start=row["start"],
        end=row["end"],
        reviewer=row["reviewer"],
        updated_at=row["updated_at"],
        anchored=bool(row["anchored"]),
    )


def annotation_from_row(row: sqlite3.Row) -> Annotation:
    return Annotation(
        id=row["id"],
        report_id=row["report_id"],
        start=row["start"],
        end=row["end"],
        quote=row["quote"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        comment=row["comment"],
        tag=row["tag"],
        severity=row["severity"],
        anchored=bool(row["anchored"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        author=row["author"],
    )


def review_from_row(row: sqlite3.Row) -> ReportReview:
    return ReportReview(
        report_id=row["report_id"],
        verdict=row["verdict"],
        remarks=row["remarks"],
        reviewer=row["reviewer"],
        status=row["status"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        updated_at=row["updated_at"],
    )

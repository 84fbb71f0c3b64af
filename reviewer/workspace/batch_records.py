"""What the batch summary (汇总表) reads of many reports, in one query per table.

A batch row needs a report's metadata, required parts, its review, and of its items only the findings,
metadata, required parts, indicator cells and the figures on those cells' spans that the reviewer rejected
or corrected (the only figures that change a cell, see :mod:`reviewer.workspace.indicator_cells`). Reading just that — the analysis's parts pulled out by SQLite's
JSON functions instead of decoding the whole analysis, the other figures and the headings left in the
file — costs a fraction of reading every report whole (:meth:`Workspace.report`, :meth:`Workspace.items`).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.analysis.model import Analysis
from reviewer.vocabulary import ItemKind, ItemState
from reviewer.workspace.analysis_json import analysis_from_parts
from reviewer.workspace.db import from_json
from reviewer.workspace.model import ReportReview, ReviewItem
from reviewer.workspace.rows import ITEM_COLUMNS, item_from_values, review_from_row, unstarted_review

BATCH_KINDS: tuple[str, ...] = (ItemKind.FINDING, ItemKind.METADATA, ItemKind.REQUIRED, ItemKind.INDICATOR)
"""Item kinds a batch row reads whole; of figures only those on an indicator cell's span in these states:"""
CELL_CHANGING_STATES: tuple[str, ...] = (ItemState.REJECTED, ItemState.CORRECTED)

_CHOSEN = "SELECT value FROM json_each(:ids)"

_REPORTS_SQL = f"""
SELECT r.id, r.file_name, r.sha256, t.text, json_extract(t.analysis, '$.metadata', '$.required') AS parts
FROM reports r JOIN report_texts t ON t.report_id = r.id
WHERE r.id IN ({_CHOSEN})
"""
"""The metadata and required parts come in one JSON array (one parse of the analysis for both)."""

_ITEM_LIST = ", ".join(f'"{column}"' for column in ITEM_COLUMNS)
_ITEMS_SQL = f"""
WITH chosen(id) AS ({_CHOSEN})
SELECT {_ITEM_LIST} FROM (
    SELECT * FROM items WHERE report_id IN chosen AND anchored = 1
        AND kind IN ({", ".join("'" + kind + "'" for kind in BATCH_KINDS)})
    UNION ALL
    SELECT * FROM items WHERE report_id IN chosen AND anchored = 1 AND kind = :figure
        AND state IN ({", ".join("'" + state + "'" for state in CELL_CHANGING_STATES)})
        AND (report_id, start, "end") IN (
            SELECT report_id, start, "end" FROM items WHERE report_id IN chosen AND anchored = 1 AND kind = :indicator)
)
ORDER BY report_id, start IS NULL, start, ordinal, id
"""


@dataclass
class BatchRecord:
    """One report as the batch summary reads it."""

    report_id: int
    file_name: str
    sha256: str
    analysis: Analysis  # the text, metadata and required parts only
    items: list[ReviewItem]  # anchored, in text order: the kinds of BATCH_KINDS and the rejected or
    # corrected figures on indicator cells' spans
    review: ReportReview


def read_batch_records(conn: sqlite3.Connection, report_ids: Sequence[int]) -> dict[int, BatchRecord]:
    """Report id → its record, for those of ``report_ids`` that exist."""
    ids = {"ids": json.dumps(list(report_ids))}
    items: dict[int, list[ReviewItem]] = {}
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: the columns are known
    cursor.execute(_ITEMS_SQL, ids | {"figure": ItemKind.FIGURE, "indicator": ItemKind.INDICATOR})
    for values in cursor:
        item = item_from_values(values)
        items.setdefault(item.report_id, []).append(item)
    reviews = {row["report_id"]: review_from_row(row)
               for row in conn.execute(f"SELECT * FROM reviews WHERE report_id IN ({_CHOSEN})", ids)}
    records = {}
    for report_id, file_name, sha256, text, parts in cursor.execute(_REPORTS_SQL, ids):
        metadata, required = from_json(parts)
        records[report_id] = BatchRecord(
            report_id=report_id,
            file_name=file_name,
            sha256=sha256,
            analysis=analysis_from_parts(text, {"metadata": metadata, "required": required}),
            items=items.get(report_id, []),
            review=reviews.get(report_id) or unstarted_review(report_id),
        )
    return records

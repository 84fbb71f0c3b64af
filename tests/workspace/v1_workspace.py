"""Builds a workspace file as the first schema version wrote it (for the migration tests)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reviewer.analysis import analyze_path
from reviewer.workspace.analysis_json import analysis_to_json
from reviewer.workspace.items import build_items
from reviewer.workspace.migrations import APPLICATION_ID, SCHEMA_V1
from reviewer.workspace.prepare import sha256_of
from reviewer.workspace.values import to_stored


def build_v1_workspace(path: Path, reports: list[Path]) -> dict[str, int]:
    """One report per file, each with its items, one decision, one annotation, a review and history rows."""
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=1")
    at = "2026-03-01T09:00:00+08:00"
    for report in reports:
        data = report.read_bytes()
        analysis = analyze_path(report)
        meta = analysis.metadata
        report_id = conn.execute(
            "INSERT INTO reports (file_name, source_path, sha256, format, encoding, size, imported_at, "
            "analyzer_version, analyzed_at, title, unit, level, report_year, publish_date) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (report.name, str(report), sha256_of(data), analysis.format, analysis.encoding, len(data), at,
             analysis.analyzer_version, at, meta.title, meta.unit, meta.level, meta.report_year, meta.publish_date),
        ).lastrowid
        conn.execute("INSERT INTO report_files VALUES (?, ?)", (report_id, data))
        conn.execute("INSERT INTO report_texts VALUES (?, ?, ?)", (report_id, analysis.text, analysis_to_json(analysis)))
        for draft in build_items(analysis):
            conn.execute(
                'INSERT INTO items (report_id, kind, origin, key, ordinal, machine, state, start, "end") '
                "VALUES (?, ?, 'machine', ?, ?, ?, 'pending', ?, ?)",
                (report_id, draft.kind, draft.key, draft.ordinal, json.dumps(to_stored(draft.machine), ensure_ascii=False),
                 draft.start, draft.end),
            )
        first_figure = conn.execute(
            "SELECT id FROM items WHERE report_id = ? AND kind = 'figure' ORDER BY start LIMIT 1", (report_id,)
        ).fetchone()[0]
        conn.execute("UPDATE items SET state = 'accepted', reviewer = '王五', updated_at = ? WHERE id = ?",
                     (at, first_figure))
        conn.execute(
            "INSERT INTO annotations (report_id, start, \"end\", quote, prefix, suffix, comment, tag, severity, "
            "created_at, updated_at, author) VALUES (?, 0, 4, ?, '', ?, '旧版批注', '问题', 'warning', ?, ?, '王五')",
            (report_id, analysis.text[:4], analysis.text[4:36], at, at),
        )
        conn.execute("INSERT INTO reviews (report_id, verdict, remarks, reviewer, status, started_at, updated_at) "
                     "VALUES (?, '需修改', '旧版意见', '王五', '审阅中', ?, ?)", (report_id, at, at))
        conn.execute("INSERT INTO history (report_id, target, target_id, action, old, new, at, who) "
                     "VALUES (?, 'item', ?, 'set_state', '{\"state\":\"pending\"}', '{\"state\":\"accepted\"}', ?, '王五')",
                     (report_id, first_figure, at))
    conn.commit()
    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("reports", "items", "annotations", "reviews", "history")}
    conn.close()
    return counts

"""Every schema version, as the SQL or Python step that produces it from the one before.

A new workspace is built by running version 1 and then every step, so the upgrade path is the path
every workspace takes. Never edit a released step: add a new one and bump ``SCHEMA_VERSION``.

Version 1: reports (bytes, text, analysis), review items, annotations, per-report review, history.
Version 2: full-text search index over the current reports' cleaned text.
Version 3: review items of kind ``indicator`` (a filled cell of the indicator table).
"""
from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from reviewer.workspace import search

APPLICATION_ID = 0x52455657  # "REVW": marks a SQLite file as a reviewer workspace

SCHEMA_V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    source_path TEXT,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT,
    size INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    analyzer_version TEXT NOT NULL,
    analyzed_at TEXT NOT NULL,
    title TEXT,
    unit TEXT,
    level TEXT,
    report_year INTEGER,
    publish_date TEXT,
    superseded_by INTEGER REFERENCES reports(id) ON DELETE SET NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX reports_sha256 ON reports(sha256);
CREATE INDEX reports_file_name ON reports(file_name);
CREATE INDEX reports_source_path ON reports(source_path);

CREATE TABLE report_files (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);

CREATE TABLE report_texts (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('section', 'figure', 'finding', 'metadata', 'required')),
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'manual')),
    key TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    machine TEXT NOT NULL,
    corrected TEXT,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'accepted', 'rejected', 'corrected')),
    start INTEGER,
    "end" INTEGER,
    anchored INTEGER NOT NULL DEFAULT 1,
    reviewer TEXT,
    updated_at TEXT
);
CREATE INDEX items_report ON items(report_id, anchored, kind, state);
CREATE INDEX items_corrected_metadata ON items(report_id, id) WHERE kind = 'metadata' AND corrected IS NOT NULL;

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    start INTEGER,
    "end" INTEGER,
    quote TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL DEFAULT '',
    tag TEXT NOT NULL,
    severity TEXT NOT NULL,
    anchored INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    author TEXT
);
CREATE INDEX annotations_report ON annotations(report_id);

CREATE TABLE reviews (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    verdict TEXT,
    remarks TEXT NOT NULL DEFAULT '',
    reviewer TEXT,
    status TEXT NOT NULL DEFAULT '未审',
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT
);

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    report_id INTEGER,
    target TEXT NOT NULL,
    target_id INTEGER,
    action TEXT NOT NULL,
    old TEXT,
    new TEXT,
    at TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_report ON history(report_id, id);
"""


def _to_v1(db: sqlite_utils.Database) -> None:
    for statement in SCHEMA_V1.split(";"):
        if statement.strip():
            db.conn.execute(statement)
    db.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")


def _to_v2(db: sqlite_utils.Database) -> None:
    """Full-text search: a contentless FTS5 index of every current report's text."""
    db.conn.execute(search.CREATE_INDEX_SQL)
    rows = db.conn.execute(
        "SELECT r.id, t.text FROM reports r JOIN report_texts t ON t.report_id = r.id "
        "WHERE r.superseded_by IS NULL AND r.deleted_at IS NULL"
    )
    for report_id, text in rows.fetchall():
        search.add(db.conn, report_id, text)


def _to_v3(db: sqlite_utils.Database) -> None:
    """Items may be of kind ``indicator``: the items table is rebuilt with the wider kind check."""
    conn = db.conn
    create = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'items'").fetchone()[0]
    old_check = "'metadata', 'required')"
    conn.execute(create.replace("CREATE TABLE items", "CREATE TABLE items_v3", 1)
                 .replace(old_check, "'metadata', 'required', 'indicator')", 1))
    conn.execute("INSERT INTO items_v3 SELECT * FROM items")
    conn.execute("DROP TABLE items")
    conn.execute("ALTER TABLE items_v3 RENAME TO items")
    conn.execute("CREATE INDEX items_report ON items(report_id, anchored, kind, state)")
    conn.execute("CREATE INDEX items_corrected_metadata ON items(report_id, id) "
                 "WHERE kind = 'metadata' AND corrected IS NOT NULL")


STEPS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _to_v1, 2: _to_v2, 3: _to_v3}
"""Version → the step that turns the version before it into this one."""

SCHEMA_VERSION = max(STEPS)

"""Every schema version, as the SQL or Python step that produces it from the one before.

A new workspace is built by running version 1 and then every step, so the upgrade path is the path
every workspace takes. Never edit a released step: add a new one and bump ``SCHEMA_VERSION``.

Version 1: reports (bytes, text, analysis), review items, annotations, per-report review, history.
Version 2: full-text search index over the current reports' cleaned text.
Version 3: codes of :mod:`reviewer.vocabulary` instead of Chinese words: review status and verdict,
annotation tag, the level of a report's unit (in its column, its metadata item and the history).
Version 4: per-report counts of open findings and pending items (``report_counts``), kept up to date
by triggers on every item change, so the report list reads them instead of counting the items.
Version 5: review items of kind ``indicator`` (a filled cell of the indicator table); indicator cells
are not counted as pending items (only figures, findings and required parts wait for a decision).
Version 6: the copied-text index (passages and their MinHash band keys) and the copy findings (filled for the
current reports when the file is opened: see version 8).
Version 7: the rosters of units expected to report (报送名单), one list per report year, each unit with the key
of :func:`reviewer.analysis.unit_key.unit_key` that matches it to the reports.
Version 8: 32-bit band keys, bounded posting lists (saturated keys), reports pending indexing.
Version 9: copy passages leave out quoted titles with a lost bracket too: the reports this changes are indexed
again when the file is opened.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reviewer.workspace import search

if TYPE_CHECKING:
    import sqlite_utils

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


V3_STATUS = {"未审": "unreviewed", "审阅中": "in_review", "已审": "reviewed"}
V3_VERDICT = {"通过": "pass", "需修改": "revise", "不通过": "fail"}
V3_TAG = {"问题": "problem", "亮点": "highlight", "待核实": "to_verify", "其他": "other"}
V3_LEVEL = {"乡镇街道": "township", "县区": "county", "地市": "prefecture", "省": "province", "部门": "department"}
"""The words versions 1–2 stored and the codes they became (fixed here: the vocabulary may grow, this step not)."""

REVIEWS_V3 = """
CREATE TABLE reviews_v3 (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    verdict TEXT,
    remarks TEXT NOT NULL DEFAULT '',
    reviewer TEXT,
    status TEXT NOT NULL DEFAULT 'unreviewed',
    started_at TEXT,
    finished_at TEXT,
    updated_at TEXT
)
"""


def _to_v3(db: sqlite_utils.Database) -> None:
    """Codes instead of words. The reviews table is rebuilt for its new default status."""
    conn = db.conn
    conn.execute(REVIEWS_V3)
    conn.execute(
        "INSERT INTO reviews_v3 SELECT report_id, verdict, remarks, reviewer, status, started_at, finished_at, "
        "updated_at FROM reviews"
    )
    conn.execute("DROP TABLE reviews")
    conn.execute("ALTER TABLE reviews_v3 RENAME TO reviews")
    _recode_column(conn, "reviews", "status", V3_STATUS)
    _recode_column(conn, "reviews", "verdict", V3_VERDICT)
    _recode_column(conn, "annotations", "tag", V3_TAG)
    _recode_column(conn, "reports", "level", V3_LEVEL)
    for column in ("machine", "corrected"):
        rows = conn.execute(
            f"SELECT id, {column} FROM items WHERE kind = 'metadata' AND {column} LIKE '%\"level\"%'"
        ).fetchall()
        for item_id, stored in rows:
            values = json.loads(stored)
            if _recode_metadata_level(values):
                conn.execute(f"UPDATE items SET {column} = ? WHERE id = ?", (_dumps(values), item_id))
    for history_id, target, old, new in conn.execute("SELECT id, target, old, new FROM history").fetchall():
        changed = [_recode_snapshot(target, old), _recode_snapshot(target, new)]
        if changed != [old, new]:
            conn.execute("UPDATE history SET old = ?, new = ? WHERE id = ?", (*changed, history_id))


def _recode_column(conn: sqlite3.Connection, table: str, column: str, codes: dict[str, str]) -> None:
    for word, code in codes.items():
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (code, word))


def _recode_metadata_level(values: Any) -> bool:
    """A metadata item's values (or an item snapshot's) with the level word made a code; True if changed."""
    if isinstance(values, dict) and values.get("field") == "level" and values.get("value") in V3_LEVEL:
        values["value"] = V3_LEVEL[values["value"]]
        return True
    return False


_V3_SNAPSHOT_WORDS = {"review": (("status", V3_STATUS), ("verdict", V3_VERDICT)), "annotation": (("tag", V3_TAG),)}


def _recode_snapshot(target: str, stored: str | None) -> str | None:
    """A history snapshot (a row's fields before or after a change) with its words made codes."""
    if stored is None:
        return None
    values = json.loads(stored)
    if not isinstance(values, dict):
        return stored
    changed = False
    for key, codes in _V3_SNAPSHOT_WORDS.get(target, ()):
        if isinstance(values.get(key), str) and values[key] in codes:
            values[key] = codes[values[key]]
            changed = True
    if target == "item":
        for key in ("machine", "corrected"):
            changed = _recode_metadata_level(values.get(key)) or changed
    return _dumps(values) if changed else stored


def _dumps(values: Any) -> str:
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def _counted(row: str = "") -> tuple[str, str]:
    """What report_counts counts, as conditions on the items row ``row`` (NEW, OLD, or the table's
    own): open findings, pending items."""
    at = f"{row}." if row else ""
    return (
        f"({at}anchored = 1 AND {at}kind = 'finding' AND {at}state != 'rejected')",
        f"({at}anchored = 1 AND {at}state = 'pending' AND {at}kind IN ('figure', 'finding', 'required'))",
    )


def _count_triggers() -> list[str]:
    new_findings, new_pending = _counted("NEW")
    old_findings, old_pending = _counted("OLD")
    add = (
        "INSERT INTO report_counts (report_id, open_findings, pending_items) "
        f"VALUES (NEW.report_id, {new_findings}, {new_pending}) ON CONFLICT(report_id) DO UPDATE SET "
        "open_findings = open_findings + excluded.open_findings, pending_items = pending_items + excluded.pending_items;"
    )
    remove = (
        f"UPDATE report_counts SET open_findings = open_findings - {old_findings}, "
        f"pending_items = pending_items - {old_pending} WHERE report_id = OLD.report_id;"
    )
    return [
        f"CREATE TRIGGER report_counts_insert AFTER INSERT ON items BEGIN {add} END",
        f"CREATE TRIGGER report_counts_delete AFTER DELETE ON items BEGIN {remove} END",
        "CREATE TRIGGER report_counts_update AFTER UPDATE OF report_id, kind, state, anchored ON items "
        f"BEGIN {remove} {add} END",
    ]


def _to_v4(db: sqlite_utils.Database) -> None:
    """Per-report counts, filled from the items and then maintained by triggers."""
    conn = db.conn
    conn.execute(
        "CREATE TABLE report_counts (report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE, "
        "open_findings INTEGER NOT NULL DEFAULT 0, pending_items INTEGER NOT NULL DEFAULT 0)"
    )
    findings, pending = _counted()
    conn.execute(
        f"INSERT INTO report_counts SELECT report_id, sum({findings}), sum({pending}) FROM items GROUP BY report_id"
    )
    for trigger in _count_triggers():
        conn.execute(trigger)


def _to_v5(db: sqlite_utils.Database) -> None:
    """Items may be of kind ``indicator``: the items table is rebuilt with the wider kind check."""
    conn = db.conn
    create = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'items'").fetchone()[0]
    old_check = "'metadata', 'required')"
    conn.execute(create.replace("CREATE TABLE items", "CREATE TABLE items_v5", 1)
                 .replace(old_check, "'metadata', 'required', 'indicator')", 1))
    conn.execute("INSERT INTO items_v5 SELECT * FROM items")
    conn.execute("DROP TABLE items")
    conn.execute("ALTER TABLE items_v5 RENAME TO items")
    conn.execute("CREATE INDEX items_report ON items(report_id, anchored, kind, state)")
    conn.execute("CREATE INDEX items_corrected_metadata ON items(report_id, id) "
                 "WHERE kind = 'metadata' AND corrected IS NOT NULL")
    for trigger in _count_triggers():  # dropped with the old table
        conn.execute(trigger)
    findings, pending = _counted()
    conn.execute("DELETE FROM report_counts")
    conn.execute(
        f"INSERT INTO report_counts SELECT report_id, sum({findings}), sum({pending}) FROM items GROUP BY report_id"
    )


SCHEMA_V6 = """
CREATE TABLE copy_passages (
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (report_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE copy_bands (
    band_key INTEGER NOT NULL,
    report_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (band_key, report_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE copy_findings (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    other_report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    other_start INTEGER NOT NULL,
    other_end INTEGER NOT NULL,
    similarity REAL NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('own_previous', 'other_unit')),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected', 'corrected')),
    reviewer TEXT,
    updated_at TEXT
);
CREATE INDEX copy_findings_report ON copy_findings(report_id);
CREATE INDEX copy_findings_other ON copy_findings(other_report_id)
"""


def _to_v6(db: sqlite_utils.Database) -> None:
    """The copy index and findings tables. (Released filling them for the current reports too; since version 8
    the reports the index lacks are marked pending by the version 8 step and indexed when the file is opened.)"""
    for statement in SCHEMA_V6.split(";"):
        if statement.strip():
            db.conn.execute(statement)


SCHEMA_V7 = """
CREATE TABLE roster (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    unit_key TEXT NOT NULL,
    level TEXT,
    UNIQUE (year, unit_key)
)
"""


def _to_v7(db: sqlite_utils.Database) -> None:
    """An empty roster table: no workspace had rosters before."""
    db.conn.execute(SCHEMA_V7)


V8_POSTINGS_MAX = 32
"""Postings a band key keeps in version 8 (the step's own copy: it must not follow later changes)."""

SCHEMA_V8 = """
CREATE TABLE copy_bands_v8 (
    band_key INTEGER NOT NULL,
    report_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (band_key, report_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE copy_saturated (
    band_key INTEGER PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE copy_pending (
    report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE
)
"""


def _to_v8(db: sqlite_utils.Database) -> None:
    """Bounded posting lists of 32-bit band keys, saturated keys, reports pending indexing. The old 63-bit keys
    become their top 32 bits as signed numbers (what :func:`reviewer.analysis.copy_keys.band_keys_of` computes since),
    so no report is read again; a key with more than :data:`V8_POSTINGS_MAX` postings keeps the earliest ones and
    is saturated. Copy findings and their decisions stay as they are. Current reports the index lacks (those of
    a file upgraded from version 5) are marked pending, for the open to index."""
    conn = db.conn
    for statement in SCHEMA_V8.split(";"):
        if statement.strip():
            conn.execute(statement)
    # The top bits keep the old keys' order: the rows go in (nearly) in key order, the lists are counted in it.
    conn.execute("INSERT OR IGNORE INTO copy_bands_v8 (band_key, report_id, ordinal) "
                 "SELECT (band_key >> 31) - 2147483648, report_id, ordinal FROM copy_bands")
    conn.execute("INSERT INTO copy_saturated (band_key) SELECT band_key FROM copy_bands_v8 GROUP BY band_key "
                 f"HAVING count(*) > {V8_POSTINGS_MAX}")
    conn.execute("DELETE FROM copy_bands_v8 WHERE band_key IN (SELECT band_key FROM copy_saturated) AND (report_id, ordinal) "
                 "NOT IN (SELECT b.report_id, b.ordinal FROM copy_bands_v8 b WHERE b.band_key = copy_bands_v8.band_key "
                 f"ORDER BY b.report_id, b.ordinal LIMIT {V8_POSTINGS_MAX})")
    conn.execute("DROP TABLE copy_bands")
    conn.execute("ALTER TABLE copy_bands_v8 RENAME TO copy_bands")
    conn.execute("INSERT INTO copy_pending (report_id) SELECT r.id FROM reports r WHERE r.superseded_by IS NULL "
                 "AND r.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM copy_passages p WHERE p.report_id = r.id)")


_V8_TITLE = re.compile(r"《[^《》\n。！？；!?;]{1,60}》")
"""A quoted title as version 8 left it out of a copy passage (the step's own copy, see :func:`_to_v9`)."""


def _v9_changes_passages(text: str) -> bool:
    """The text holds a title bracket version 8 did not pair: its copy passages change in version 9."""
    return text.count("《") + text.count("》") != 2 * len(_V8_TITLE.findall(text))


def _to_v9(db: sqlite_utils.Database) -> None:
    """Copy passages leave out a quoted title whose bracket was lost as well (version 8 kept its text). The current
    reports whose passages this changes are indexed again: their passages and band rows go (the rows found by one
    scan of the index, which is keyed by band) and they are marked pending, for the open to index. Their copy
    findings stay until then; a decision is kept where the pair and an overlapping span remain."""
    conn = db.conn
    changed = [report_id for report_id, text in conn.execute(
        "SELECT r.id, t.text FROM reports r JOIN report_texts t ON t.report_id = r.id "
        "WHERE r.superseded_by IS NULL AND r.deleted_at IS NULL") if _v9_changes_passages(text)]
    if not changed:
        return
    ids = json.dumps(changed)
    conn.execute("DELETE FROM copy_bands WHERE report_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM copy_passages WHERE report_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("INSERT OR IGNORE INTO copy_pending (report_id) SELECT value FROM json_each(?)", (ids,))


STEPS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _to_v1, 2: _to_v2, 3: _to_v3, 4: _to_v4, 5: _to_v5, 6: _to_v6, 7: _to_v7, 8: _to_v8, 9: _to_v9}
"""Version → the step that turns the version before it into this one."""

SCHEMA_VERSION = max(STEPS)

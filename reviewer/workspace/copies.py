"""Copied text, the workspace part: the passage index (SQLite tables of MinHash band keys) and the copy
findings, which belong to the workspace, not to one report's analysis.

A report entering the current set (import, restore, new text) is indexed and its copies are looked up
through the band keys alone: no other report is reread except the few whose passages share a key, for the
check. A report leaving it takes its keys and its copy findings (both sides) with it. A finding sits on the
later-published report of the pair; its decision is carried while the pair and an overlapping span remain.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from reviewer.analysis import copies as analysis_copies
from reviewer.analysis.copies import OrdinalMatch, Passage, PassageMatch
from reviewer.analysis.unit_key import unit_key
from reviewer.vocabulary import CopyKind, FindingCode, ItemState, Severity
from reviewer.workspace.summaries import CURRENT

CREATE_SQL = """
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
CREATE INDEX copy_findings_other ON copy_findings(other_report_id);
"""

COMMON_UNITS_MIN = 3
"""A passage found in the reports of this many other units (or of a tenth of the indexed reports, if more)
is wording the workspace shares, not copying."""
CANDIDATES_PER_PASSAGE = 8


@dataclass(frozen=True)
class _Indexed:
    report_id: int
    unit_key: str
    names: tuple[str, ...]
    order: tuple[int, str, int]  # (report year, publish date, id): later-published compares greater


def _indexed(conn: sqlite3.Connection, report_id: int) -> _Indexed:
    row = conn.execute("SELECT unit, report_year, publish_date FROM reports WHERE id = ?", (report_id,)).fetchone()
    unit = row[0] or ""
    return _Indexed(report_id, unit_key(unit) if unit else "", analysis_copies.unit_names(unit),
                    (row[1] or 0, row[2] or "", report_id))


def report_passages(conn: sqlite3.Connection, report_id: int, text: str) -> list[Passage]:
    """The report's passages as the index sees them (its own unit names masked)."""
    return analysis_copies.passages(text, _indexed(conn, report_id).names)


def add(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    """Index a report that became current and replace the copy findings it takes part in."""
    report = _indexed(conn, report_id)
    found = passages_found(conn, report, analysis_copies.passages(text, report.names), store=True)
    _replace_findings(conn, report, found)


def remove(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    """Take a report that stopped being current out of the index, with every copy finding it is part of."""
    for passage in report_passages(conn, report_id, text):
        conn.executemany("DELETE FROM copy_bands WHERE band_key = ? AND report_id = ? AND ordinal = ?",
                         [(key, report_id, passage.ordinal) for key in analysis_copies.band_keys(passage)])
    conn.execute("DELETE FROM copy_passages WHERE report_id = ?", (report_id,))
    conn.execute("DELETE FROM copy_findings WHERE report_id = ? OR other_report_id = ?", (report_id, report_id))


def passages_found(conn: sqlite3.Connection, report: _Indexed, passages: list[Passage],
                   store: bool = False) -> dict[int, list[PassageMatch]]:
    """Other report id → the report's passages found in it (merged, verified); with ``store`` the
    passages also go into the index."""
    keys_of = {p.ordinal: analysis_copies.band_keys(p) for p in passages}
    hits = _band_hits(conn, keys_of, report.report_id)
    if store:
        conn.executemany('INSERT INTO copy_passages (report_id, ordinal, start, "end") VALUES (?, ?, ?, ?)',
                         [(report.report_id, p.ordinal, p.start, p.end) for p in passages])
        conn.executemany("INSERT OR IGNORE INTO copy_bands (band_key, report_id, ordinal) VALUES (?, ?, ?)",
                         [(key, report.report_id, ordinal) for ordinal, keys in keys_of.items() for key in keys])
    others: dict[int, _Indexed] = {}
    texts: dict[int, str] = {}
    common_min = max(COMMON_UNITS_MIN, _report_count(conn) // 10)
    matches: dict[int, list[OrdinalMatch]] = {}
    for passage in passages:
        candidates = {c: count for c, count in hits.get(passage.ordinal, {}).items()
                      if count >= analysis_copies.BANDS_SHARED_MIN}
        for other_id, _ordinal in candidates:
            if other_id not in others:
                others[other_id] = _indexed(conn, other_id)
        units = {others[r].unit_key or f"#{r}" for r, _o in candidates}
        units.discard(report.unit_key or f"#{report.report_id}")
        if len(units) >= common_min:  # wording many units share: no copy here, nor among those reports
            _forget_common(conn, list(candidates))
            continue
        best = sorted(candidates.items(), key=lambda c: -c[1])[:CANDIDATES_PER_PASSAGE]
        for (other_id, other_ordinal), _count in best:
            other = _other_passage(conn, others[other_id], other_ordinal, texts)
            if other is None:
                continue
            match = analysis_copies.compare_passages(passage, other)
            if match is not None:
                matches.setdefault(other_id, []).append(OrdinalMatch(passage.ordinal, other_ordinal, match))
    return {other_id: analysis_copies.merged(found) for other_id, found in matches.items()}


def _forget_common(conn: sqlite3.Connection, shared: list[tuple[int, int]]) -> None:
    """Copy findings found before the wording turned out to be common go: those on these passages."""
    for other_id, ordinal in shared:
        span = conn.execute('SELECT start, "end" FROM copy_passages WHERE report_id = ? AND ordinal = ?',
                            (other_id, ordinal)).fetchone()
        if span is not None:
            conn.execute(
                'DELETE FROM copy_findings WHERE (report_id = ? AND start < ? AND ? < "end") '
                "OR (other_report_id = ? AND other_start < ? AND ? < other_end)",
                (other_id, span[1], span[0], other_id, span[1], span[0]))


def _band_hits(conn: sqlite3.Connection, keys_of: dict[int, list[int]],
               report_id: int) -> dict[int, dict[tuple[int, int], int]]:
    """Passage ordinal → (other report, its passage) → how many bands they share, for the pairs that share
    at least :data:`BANDS_SHARED_MIN` (counted by SQLite: a common passage matches thousands of band rows)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS copy_query (band_key INTEGER NOT NULL, ordinal INTEGER NOT NULL)")
    conn.execute("DELETE FROM copy_query")
    conn.executemany("INSERT INTO copy_query (band_key, ordinal) VALUES (?, ?)",
                     [(key, ordinal) for ordinal, keys in keys_of.items() for key in keys])
    rows = conn.execute(
        "SELECT q.ordinal, b.report_id, b.ordinal, count(*) FROM copy_query q "
        "JOIN copy_bands b ON b.band_key = q.band_key WHERE b.report_id != ? "
        "GROUP BY q.ordinal, b.report_id, b.ordinal HAVING count(*) >= ?",
        (report_id, analysis_copies.BANDS_SHARED_MIN),
    )
    hits: dict[int, dict[tuple[int, int], int]] = {}
    for ordinal, other_id, other_ordinal, count in rows:
        hits.setdefault(ordinal, {})[(other_id, other_ordinal)] = count
    conn.execute("DELETE FROM copy_query")
    return hits


def _report_count(conn: sqlite3.Connection) -> int:
    count: int = conn.execute(f"SELECT COUNT(*) FROM reports r WHERE {CURRENT}").fetchone()[0]
    return count


def _other_passage(conn: sqlite3.Connection, other: _Indexed, ordinal: int, texts: dict[int, str]) -> Passage | None:
    span = conn.execute('SELECT start, "end" FROM copy_passages WHERE report_id = ? AND ordinal = ?',
                        (other.report_id, ordinal)).fetchone()
    if span is None:
        return None
    if other.report_id not in texts:
        texts[other.report_id] = conn.execute(
            "SELECT text FROM report_texts WHERE report_id = ?", (other.report_id,)).fetchone()[0]
    chars, positions = analysis_copies.normalized(texts[other.report_id], span[0], span[1], other.names)
    if not chars:
        return None
    return Passage(ordinal, span[0], span[1], chars, tuple(positions))


def _replace_findings(conn: sqlite3.Connection, report: _Indexed, found: dict[int, list[PassageMatch]]) -> None:
    old = conn.execute(
        'SELECT report_id, start, "end", other_report_id, state, reviewer, updated_at FROM copy_findings '
        "WHERE state != ? AND (report_id = ? OR other_report_id = ?)",
        (ItemState.PENDING, report.report_id, report.report_id),
    ).fetchall()
    conn.execute("DELETE FROM copy_findings WHERE report_id = ? OR other_report_id = ?",
                 (report.report_id, report.report_id))
    for other_id, matches in found.items():
        other = _indexed(conn, other_id)
        kind = CopyKind.OWN_PREVIOUS if other.unit_key and other.unit_key == report.unit_key else CopyKind.OTHER_UNIT
        for match in matches:
            if report.order > other.order:
                row = (report.report_id, match.start, match.end, other_id, match.other_start, match.other_end)
            else:
                row = (other_id, match.other_start, match.other_end, report.report_id, match.start, match.end)
            decision = next((d for d in old if d[0] == row[0] and d[3] == row[3] and d[1] < row[2] and row[1] < d[2]),
                            None)
            conn.execute(
                'INSERT INTO copy_findings (report_id, start, "end", other_report_id, other_start, other_end, '
                "similarity, kind, state, reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, round(match.similarity, 4), kind,
                 *(decision[4:] if decision is not None else (ItemState.PENDING, None, None))),
            )


@dataclass(frozen=True)
class CopiedPassage:
    """A copy finding seen from one report of its pair: ``start``–``end`` in this report's cleaned text,
    ``other_start``–``other_end`` in the other's. ``on_this_report``: the finding sits here (this is the
    later-published report), otherwise it only links to it."""

    id: int
    report_id: int
    start: int
    end: int
    other_report_id: int
    other_start: int
    other_end: int
    similarity: float
    kind: CopyKind
    on_this_report: bool
    state: ItemState
    other_title: str
    other_part: str  # 第二部分, or "" when the other passage is under no top-level heading

    @property
    def code(self) -> FindingCode:
        return FindingCode.COPIED_OWN_PREVIOUS if self.kind == CopyKind.OWN_PREVIOUS else FindingCode.COPIED_OTHER_UNIT

    @property
    def severity(self) -> Severity:
        return Severity.INFO if self.kind == CopyKind.OWN_PREVIOUS else Severity.WARNING

    @property
    def message(self) -> str:
        """``与《龙山镇2023年度报告》第二部分相同（相似度 96%）``."""
        return f"与《{self.other_title}》{self.other_part}相同（相似度 {round(self.similarity * 100)}%）"


def copied_passages(conn: sqlite3.Connection, report_id: int) -> list[CopiedPassage]:
    """Every copy finding the report is part of, oriented from it, in text order."""
    rows = conn.execute(
        'SELECT id, report_id, start, "end", other_report_id, other_start, other_end, similarity, kind, state '
        "FROM copy_findings WHERE report_id = ? OR other_report_id = ?", (report_id, report_id)).fetchall()
    described: dict[int, tuple[str, list[tuple[int, int, str]]]] = {}
    result = []
    for row in rows:
        here = row[1] == report_id
        start, end, other_id, other_start, other_end = (
            (row[2], row[3], row[4], row[5], row[6]) if here else (row[5], row[6], row[1], row[2], row[3]))
        if other_id not in described:
            described[other_id] = _title_and_parts(conn, other_id)
        title, parts = described[other_id]
        part = next((label for p_start, p_end, label in parts if p_start <= other_start < p_end), "")
        result.append(CopiedPassage(row[0], report_id, start, end, other_id, other_start, other_end, row[7],
                                    CopyKind(row[8]), here, ItemState(row[9]), title, part))
    return sorted(result, key=lambda c: (c.start, c.end, c.other_report_id))


def _title_and_parts(conn: sqlite3.Connection, report_id: int) -> tuple[str, list[tuple[int, int, str]]]:
    """The report's title (file name without one) and its top-level sections as (start, end, 第N部分)."""
    row = conn.execute("SELECT r.title, r.file_name, t.analysis FROM reports r JOIN report_texts t "
                       "ON t.report_id = r.id WHERE r.id = ?", (report_id,)).fetchone()
    sections = json.loads(row[2]).get("sections", [])
    tops = [s for s in sections if s.get("level") == 1]
    parts = [(s["start"], s.get("body_end") or s["end"], f"第{s['num']}部分") for s in tops if s.get("num")]
    return (row[0] or row[1].rsplit(".", 1)[0]), parts

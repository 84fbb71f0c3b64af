"""Copied text, the workspace part: the passage index (SQLite tables of MinHash band keys) and the copy
findings, which belong to the workspace, not to one report's analysis.

A report entering the current set (import, restore, new text) is indexed and its copies are looked up
through the band keys alone: no other report is reread except the few whose passages share a key, for the
check. A report leaving it takes its keys and its copy findings (both sides) with it. A finding sits on the
later-published report of the pair; its decision is carried while the pair and an overlapping span remain.
"""
from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.analysis import copies as analysis_copies
from reviewer.analysis.copies import KeyedPassage, OrdinalMatch, Passage, PassageMatch
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
PROBE_BANDS = 2
"""Bands of each passage looked up first, to tell wording many units share (it shares these bands too)
without counting the thousands of band rows of all its bands."""
_LAST_ID = (1 << 63) - 1
PROBE_ROWS_PER_UNIT = 4
"""The probe reads at most this many rows per key for each unit the wording needs to count as shared."""


@dataclass(frozen=True)
class _Indexed:
    report_id: int
    unit: str
    order: tuple[int, str, int]  # (report year, publish date, id): later-published compares greater

    @functools.cached_property
    def unit_key(self) -> str:
        return unit_key(self.unit) if self.unit else ""

    @functools.cached_property
    def names(self) -> tuple[str, ...]:
        return analysis_copies.unit_names(self.unit)


def _indexed(conn: sqlite3.Connection, report_id: int) -> _Indexed:
    return _indexed_many(conn, [report_id])[report_id]


def _indexed_many(conn: sqlite3.Connection, report_ids: Iterable[int]) -> dict[int, _Indexed]:
    rows = conn.execute("SELECT id, unit, report_year, publish_date FROM reports "
                        "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(report_ids))),))
    return {row[0]: _Indexed(row[0], row[1] or "", (row[2] or 0, row[3] or "", row[0])) for row in rows}


def add(conn: sqlite3.Connection, report_id: int, text: str,
        keyed: Sequence[KeyedPassage] | None = None) -> None:
    """Index a report that became current and replace the copy findings it takes part in. ``keyed``: its
    passages and band keys computed beforehand (at import, in the analysis worker) from ``text`` and the
    report's unit; computed here without them."""
    report = _indexed(conn, report_id)
    if keyed is None:
        keyed = analysis_copies.keyed_passages(text, report.unit)
    found = passages_found(conn, report, keyed, store=True)
    _replace_findings(conn, report, found)


def remove(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    """Take a report that stopped being current out of the index, with every copy finding it is part of."""
    unit = _indexed(conn, report_id).unit
    conn.executemany("DELETE FROM copy_bands WHERE band_key = ? AND report_id = ? AND ordinal = ?",
                     [(key, report_id, k.passage.ordinal)
                      for k in analysis_copies.keyed_passages(text, unit) for key in k.keys])
    conn.execute("DELETE FROM copy_passages WHERE report_id = ?", (report_id,))
    conn.execute("DELETE FROM copy_findings WHERE report_id = ? OR other_report_id = ?", (report_id, report_id))


def passages_found(conn: sqlite3.Connection, report: _Indexed, keyed: Sequence[KeyedPassage],
                   store: bool = False) -> dict[int, list[PassageMatch]]:
    """Other report id → the report's passages found in it (merged, verified); with ``store`` the
    passages also go into the index.

    A passage whose candidates come from :func:`_common_min` other units is wording the workspace shares:
    it is compared with none, and copy findings on its candidates go. The probe (:data:`PROBE_BANDS`
    bands, the earliest rows of each) finds most such passages without reading the thousands of rows of
    all their bands; its candidates are true ones (they share two bands), so what it calls shared is, and
    the findings that go are those on its candidates. The other passages are looked up with all their bands."""
    common_min = _common_min(conn)
    own_unit = report.unit_key or f"#{report.report_id}"
    others: dict[int, _Indexed] = {}

    def read_others(found: dict[int, dict[tuple[int, int], int]]) -> None:
        others.update(_indexed_many(conn, {r for pairs in found.values() for r, _o in pairs if r not in others}))

    def is_common(candidates: dict[tuple[int, int], int]) -> bool:
        units = {others[r].unit_key or f"#{r}" for r, _o in candidates}
        units.discard(own_unit)
        return len(units) >= common_min

    _fill_keys(conn, keyed)
    probed = _band_hits(conn, report.report_id, probe_rows=PROBE_ROWS_PER_UNIT * common_min)
    read_others(probed)
    common_ordinals = {ordinal for ordinal, candidates in probed.items() if is_common(candidates)}
    conn.execute("DELETE FROM copy_keys WHERE ordinal IN (SELECT value FROM json_each(?))",
                 (json.dumps(sorted(common_ordinals)),))
    hits = _band_hits(conn, report.report_id)
    read_others(hits)
    conn.execute("DELETE FROM copy_keys")
    if store:
        conn.executemany('INSERT INTO copy_passages (report_id, ordinal, start, "end") VALUES (?, ?, ?, ?)',
                         [(report.report_id, k.passage.ordinal, k.passage.start, k.passage.end) for k in keyed])
        conn.executemany("INSERT OR IGNORE INTO copy_bands (band_key, report_id, ordinal) VALUES (?, ?, ?)",
                         sorted((key, report.report_id, k.passage.ordinal) for k in keyed for key in k.keys))
    common: set[tuple[int, int]] = {pair for ordinal in common_ordinals for pair in probed[ordinal]}
    compared: list[tuple[Passage, list[tuple[int, int]]]] = []
    for k in keyed:
        if k.passage.ordinal in common_ordinals:
            continue
        candidates = hits.get(k.passage.ordinal, {})
        if is_common(candidates):  # wording many units share: no copy here, nor among those reports
            common.update(candidates)
            continue
        best = sorted(candidates.items(), key=lambda c: -c[1])[:CANDIDATES_PER_PASSAGE]
        compared.append((k.passage, [pair for pair, _count in best]))
    if common:
        _forget_common(conn, common)
    other_passages = _other_passages(conn, others, {pair for _p, pairs in compared for pair in pairs})
    matches: dict[int, list[OrdinalMatch]] = {}
    for passage, pairs in compared:
        for other_id, other_ordinal in pairs:
            other = other_passages.get((other_id, other_ordinal))
            if other is None:
                continue
            match = analysis_copies.compare_passages(passage, other)
            if match is not None:
                matches.setdefault(other_id, []).append(OrdinalMatch(passage.ordinal, other_ordinal, match))
    return {other_id: analysis_copies.merged(found) for other_id, found in matches.items()}


def _forget_common(conn: sqlite3.Connection, shared: set[tuple[int, int]]) -> None:
    """Copy findings found before the wording turned out to be common go: those on these passages."""
    with_findings = {row[0] for row in conn.execute(
        "SELECT report_id FROM copy_findings UNION SELECT other_report_id FROM copy_findings")}
    shared = {pair for pair in shared if pair[0] in with_findings}
    if not shared:
        return
    _fill_pairs(conn, shared)
    conn.execute(
        "DELETE FROM copy_findings WHERE id IN ("
        "SELECT c.id FROM copy_pairs q JOIN copy_passages p ON p.report_id = q.report_id AND p.ordinal = q.ordinal "
        'JOIN copy_findings c ON c.report_id = p.report_id AND c.start < p."end" AND p.start < c."end" '
        "UNION SELECT c.id FROM copy_pairs q JOIN copy_passages p ON p.report_id = q.report_id AND p.ordinal = q.ordinal "
        'JOIN copy_findings c ON c.other_report_id = p.report_id AND c.other_start < p."end" AND p.start < c.other_end)')
    conn.execute("DELETE FROM copy_pairs")


def _fill_pairs(conn: sqlite3.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """The temporary table ``copy_pairs`` holds these (report, passage ordinal) pairs."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS copy_pairs (report_id INTEGER NOT NULL, ordinal INTEGER NOT NULL)")
    conn.execute("DELETE FROM copy_pairs")
    conn.executemany("INSERT INTO copy_pairs (report_id, ordinal) VALUES (?, ?)", pairs)


def _fill_keys(conn: sqlite3.Connection, keyed: Sequence[KeyedPassage]) -> None:
    """The temporary table ``copy_keys`` holds the passages' band keys with their band numbers."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS copy_keys "
                 "(band_key INTEGER NOT NULL, ordinal INTEGER NOT NULL, band INTEGER NOT NULL, last INTEGER)")
    conn.execute("DELETE FROM copy_keys")
    conn.executemany("INSERT INTO copy_keys (band_key, ordinal, band) VALUES (?, ?, ?)",
                     [(key, k.passage.ordinal, band) for k in keyed for band, key in enumerate(k.keys)])


def _band_hits(conn: sqlite3.Connection, report_id: int,
               probe_rows: int | None = None) -> dict[int, dict[tuple[int, int], int]]:
    """Passage ordinal → (other report, its passage) → how many bands they share, for the pairs that share
    at least :data:`BANDS_SHARED_MIN` of the keys in ``copy_keys`` (counted by SQLite: a common passage matches
    thousands of band rows). With ``probe_rows`` only the first :data:`PROBE_BANDS` bands, each read up to
    the report of its ``probe_rows``-th row."""
    if probe_rows is None:
        read = ""
    else:
        conn.execute(f"UPDATE copy_keys SET last = coalesce((SELECT c.report_id FROM copy_bands c WHERE c.band_key = "
                     f"copy_keys.band_key LIMIT 1 OFFSET {int(probe_rows)}), {_LAST_ID}) WHERE band < {PROBE_BANDS}")
        read = f" AND k.band < {PROBE_BANDS} AND b.report_id <= k.last"
    rows = conn.execute(
        "SELECT k.ordinal, b.report_id, b.ordinal, count(*) FROM copy_keys k "
        f"JOIN copy_bands b ON b.band_key = k.band_key{read} WHERE b.report_id != ? "
        "GROUP BY k.ordinal, b.report_id, b.ordinal HAVING count(*) >= ?",
        (report_id, analysis_copies.BANDS_SHARED_MIN),
    )
    hits: dict[int, dict[tuple[int, int], int]] = {}
    for ordinal, other_id, other_ordinal, count in rows:
        hits.setdefault(ordinal, {})[(other_id, other_ordinal)] = count
    return hits


def _common_min(conn: sqlite3.Connection) -> int:
    """Other units a passage's candidates come from for it to be wording the workspace shares."""
    count: int = conn.execute(f"SELECT COUNT(*) FROM reports r WHERE {CURRENT}").fetchone()[0]
    return max(COMMON_UNITS_MIN, count // 10)


def _other_passages(conn: sqlite3.Connection, others: dict[int, _Indexed],
                    pairs: set[tuple[int, int]]) -> dict[tuple[int, int], Passage]:
    """The indexed passages of other reports, normalised again from their stored text (spans and texts read
    in one query each)."""
    if not pairs:
        return {}
    _fill_pairs(conn, pairs)
    spans = conn.execute('SELECT p.report_id, p.ordinal, p.start, p."end" FROM copy_pairs q JOIN copy_passages p '
                         "ON p.report_id = q.report_id AND p.ordinal = q.ordinal").fetchall()
    conn.execute("DELETE FROM copy_pairs")
    texts = dict(conn.execute("SELECT report_id, text FROM report_texts WHERE report_id IN "
                              "(SELECT value FROM json_each(?))",
                              (json.dumps(sorted({report_id for report_id, _o in pairs})),)))
    result: dict[tuple[int, int], Passage] = {}
    for other_id, ordinal, start, end in spans:
        chars, positions = analysis_copies.normalized(texts[other_id], start, end, others[other_id].names)
        if chars:
            result[(other_id, ordinal)] = Passage(ordinal, start, end, chars, tuple(positions))
    return result


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

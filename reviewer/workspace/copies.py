"""Copied text, the workspace part: the passage index (SQLite tables of MinHash band keys) and the copy
findings, which belong to the workspace, not to one report's analysis.

A report entering the current set (import, restore, new text) is indexed and its copies are looked up
through the band keys alone: no other report is reread except the few whose passages share keys with it, and
of those only the candidate passages, for the check. A report leaving it takes its keys and its copy findings
(both sides) with it. A finding sits on the later-published report of the pair; its decision is carried while
the pair and an overlapping span remain.

Posting lists are bounded: a band key takes :data:`POSTINGS_MAX` postings, and the key that would take one more
is saturated (``copy_saturated``) and takes no more, so that a look-up reads a bounded number of rows at any
workspace size. Wording the workspace shares is told by the reports its candidates come from (see
:func:`add_many` and docs/comparison.md). Several reports are indexed in one go (:func:`add_many`, keys inserted in key
order: fewer pages written); a bulk import marks its reports pending (``copy_pending``) when it stores them and
indexes them in batches, and what a crash left pending is indexed when the workspace is next opened.

The tables (``copy_passages``, ``copy_bands``, ``copy_saturated``, ``copy_pending``, ``copy_findings``) are made by
the schema steps of :mod:`reviewer.workspace.migrations` (versions 6 and 8).
"""
from __future__ import annotations

import functools
import itertools
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviewer.analysis import copies as analysis_copies
from reviewer.analysis.copies import KeyedPassage, OrdinalMatch, Passage, PassageMatch
from reviewer.analysis.copy_keys import BANDS
from reviewer.analysis.unit_key import unit_key
from reviewer.vocabulary import CopyKind, FindingCode, ItemState, Severity
from reviewer.workspace.summaries import CURRENT

POSTINGS_MAX = 32
"""Postings a band key takes; the key that would take one more is saturated and takes no more."""
SATURATED_SHARED = BANDS // 2
"""A passage with this many saturated band keys is wording the workspace shares, known without reading a posting:
a copy of one passage with a character in six changed shares about 8 of the 48 bands with it, never half."""
SATURATED_READ = 4
"""Saturated keys of a passage whose (bounded) posting lists are read, with all its other keys, to find its
candidates: enough for a variant of shared wording to meet the reports that hold that wording."""
COMMON_UNITS_MIN = 3
"""A passage whose candidates come from this many other units (or from a tenth of the current reports' count of
units, if more, up to :data:`COMMON_UNITS_MAX`) is wording the workspace shares, not copying."""
COMMON_UNITS_MAX = POSTINGS_MAX // 2
"""Where the tenth stops: posting lists hold :data:`POSTINGS_MAX` reports, half of them is many units."""
CANDIDATES_PER_PASSAGE = 8

_Posting = tuple[int, int]  # (report id, passage ordinal)
_ORDINAL_BITS = 20
"""A posting read for counting is one number, report id << 20 | ordinal (counted far faster than pairs)."""


def _pair(posting: int) -> _Posting:
    return posting >> _ORDINAL_BITS, posting & ((1 << _ORDINAL_BITS) - 1)


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

    @property
    def unit_or_own(self) -> str:
        """The unit key, or a key of the report's own when its unit is unknown (it is then a unit of its own)."""
        return self.unit_key or f"#{self.report_id}"


def _indexed_many(conn: sqlite3.Connection, report_ids: Iterable[int]) -> dict[int, _Indexed]:
    rows = conn.execute("SELECT id, unit, report_year, publish_date FROM reports "
                        "WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(report_ids))),))
    return {row[0]: _Indexed(row[0], row[1] or "", (row[2] or 0, row[3] or "", row[0])) for row in rows}


def add(conn: sqlite3.Connection, report_id: int, text: str,
        keyed: Sequence[KeyedPassage] | None = None) -> None:
    """Index a report that became current and replace the copy findings it takes part in. ``keyed``: its
    passages and band keys computed beforehand (at import, in the analysis worker) from ``text`` and the
    report's unit; computed here without them."""
    if keyed is None:
        keyed = analysis_copies.keyed_passages(text, _indexed_many(conn, [report_id])[report_id].unit)
    add_many(conn, [(report_id, keyed)])


def mark_pending(conn: sqlite3.Connection, report_id: int) -> None:
    """The report is current but not indexed yet: :func:`index_pending` will index it."""
    conn.execute("INSERT OR IGNORE INTO copy_pending (report_id) VALUES (?)", (report_id,))


def has_pending(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM copy_pending LIMIT 1").fetchone() is not None


def index_pending(conn: sqlite3.Connection, keyed: Mapping[int, Sequence[KeyedPassage]] | None = None) -> int:
    """Index every pending report that is still current, in id order, in one go; ``keyed``: the passages and
    keys of some of them computed beforehand (the others are computed from their stored text). Returns how
    many were indexed."""
    keyed = keyed or {}
    rows = conn.execute(f"SELECT r.id, r.unit FROM copy_pending p JOIN reports r ON r.id = p.report_id "
                        f"WHERE {CURRENT} ORDER BY r.id").fetchall()
    conn.execute("DELETE FROM copy_pending")
    if not rows:
        return 0
    missing = [report_id for report_id, _unit in rows if report_id not in keyed]
    texts = dict(conn.execute("SELECT report_id, text FROM report_texts WHERE report_id IN "
                              "(SELECT value FROM json_each(?))", (json.dumps(missing),))) if missing else {}
    add_many(conn, [(report_id, keyed[report_id] if report_id in keyed
                     else analysis_copies.keyed_passages(texts[report_id], unit)) for report_id, unit in rows])
    return len(rows)


def remove(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    """Take a report that stopped being current out of the index, with every copy finding it is part of."""
    unit = _indexed_many(conn, [report_id])[report_id].unit
    conn.executemany("DELETE FROM copy_bands WHERE band_key = ? AND report_id = ? AND ordinal = ?",
                     sorted((key, report_id, k.passage.ordinal)
                            for k in analysis_copies.keyed_passages(text, unit) for key in k.keys))
    conn.execute("DELETE FROM copy_passages WHERE report_id = ?", (report_id,))
    conn.execute("DELETE FROM copy_pending WHERE report_id = ?", (report_id,))
    conn.execute("DELETE FROM copy_findings WHERE report_id = ? OR other_report_id = ?", (report_id, report_id))


@dataclass
class _Looked:
    """What the look-up of one report's passages decided: the passages compared with their candidates, and the
    (report, passage) pairs found to hold wording the workspace shares."""

    report: _Indexed
    compared: list[tuple[Passage, list[_Posting]]]
    common: set[_Posting]


def add_many(conn: sqlite3.Connection, batch: Sequence[tuple[int, Sequence[KeyedPassage]]]) -> None:
    """Index reports that became current (report id, its passages with their keys), in the order given, and
    replace the copy findings they take part in: as if they were added one after the other (a report meets the
    ones before it in the batch), with one read of the posting lists and one key-sorted insert for the batch.

    A passage of which :data:`SATURATED_SHARED` keys are saturated is wording the workspace shares: it gets no
    finding and adds nothing to the index. Another one is looked up with all its keys that are not saturated
    and :data:`SATURATED_READ` that are: the stored passages that share :data:`BANDS_SHARED_MIN
    <reviewer.analysis.copies.BANDS_SHARED_MIN>` of these keys with it are its candidates. When they come from
    :func:`_common_min` other units it is shared wording too: no finding, and the findings on its candidates go;
    its keys are still stored (so that the lists of shared wording fill up and saturate). Otherwise its best
    :data:`CANDIDATES_PER_PASSAGE` candidates are checked with difflib."""
    if not batch:
        return
    ids = [report_id for report_id, _keyed in batch]
    reports = _indexed_many(conn, ids)
    all_keys = list(set(itertools.chain.from_iterable(k.keys for _id, keyed in batch for k in keyed)))
    saturated = _saturated(conn, all_keys)
    to_read: set[int] = set()
    saturated_read: set[int] = set()
    for _id, keyed in batch:
        for k in keyed:
            hits = saturated.intersection(k.keys)
            if len(hits) < SATURATED_SHARED:
                to_read.update(k.keys)
                if hits:
                    saturated_read.update([key for key in k.keys if key in hits][:SATURATED_READ])
    postings = _postings(conn, list((to_read - saturated) | saturated_read))
    others = dict(reports)  # and the reports of candidates, read when first met (few: not every posting's)

    def units_of(candidates: Iterable[_Posting]) -> set[str]:
        report_ids = {report_id for report_id, _o in candidates}
        unknown = report_ids - others.keys()
        if unknown:
            others.update(_indexed_many(conn, unknown))
        return {others[report_id].unit_or_own for report_id in report_ids}

    common_min = _common_min(conn)
    new_bands: list[tuple[int, int, int]] = []
    new_saturated: list[int] = []
    new_passages: list[tuple[int, int, int, int]] = []
    looked: list[_Looked] = []
    for report_id, keyed in batch:
        report = reports[report_id]
        result = _Looked(report, [], set())
        for k in keyed:
            keys = k.keys
            if saturated and len(saturated.intersection(keys)) >= SATURATED_SHARED:
                continue
            shared = Counter(itertools.chain.from_iterable(map(postings.get, keys, itertools.repeat((), len(keys)))))
            candidates = {_pair(p): n for p, n in shared.items()
                          if n >= analysis_copies.BANDS_SHARED_MIN and p >> _ORDINAL_BITS != report_id}
            units = units_of(candidates) - {report.unit_or_own}
            if len(units) >= common_min:
                result.common.update(candidates)
            else:
                best = sorted(candidates.items(), key=lambda c: (-c[1], c[0]))[:CANDIDATES_PER_PASSAGE]
                result.compared.append((k.passage, [posting for posting, _count in best]))
            ordinal = k.passage.ordinal
            new_passages.append((report_id, ordinal, k.passage.start, k.passage.end))
            mine = report_id << _ORDINAL_BITS | ordinal
            for key in keys:
                if key in saturated:
                    continue
                listed = postings.get(key)
                if listed is None:
                    postings[key] = [mine]
                elif len(listed) >= POSTINGS_MAX:
                    saturated.add(key)
                    new_saturated.append(key)
                    continue
                else:
                    listed.append(mine)
                new_bands.append((key, report_id, ordinal))
        looked.append(result)
    conn.execute("DELETE FROM copy_pending WHERE report_id IN (SELECT value FROM json_each(?))", (json.dumps(ids),))
    conn.executemany('INSERT OR IGNORE INTO copy_passages (report_id, ordinal, start, "end") VALUES (?, ?, ?, ?)',
                     new_passages)
    _insert_bands(conn, new_bands)
    conn.executemany("INSERT OR IGNORE INTO copy_saturated (band_key) VALUES (?)", [(k,) for k in sorted(new_saturated)])
    for result, found in zip(looked, _verified(conn, others, looked)):
        _replace_findings(conn, result.report, found, others)
        if result.common:
            _forget_common(conn, result.common)


_NEIGHBOUR_RUNS = ((-1, 0), (0, 1), (-1, 1))
"""The runs of the other report's passages, around a candidate, that an unmatched passage is compared with."""


def _verified(conn: sqlite3.Connection, others: Mapping[int, _Indexed],
              looked: Sequence[_Looked]) -> list[dict[int, list[PassageMatch]]]:
    """Per looked-up report: other report id → the passages found in it (checked with difflib, consecutive ones
    merged). A passage that matches none of its candidates alone is compared with each candidate it may hold a
    part of (:func:`~reviewer.analysis.copies.part_of`) run together with its neighbours (:data:`_NEIGHBOUR_RUNS`):
    a copy whose sentence end was edited away is one passage where the original has two."""
    read = _other_passages(conn, others, {p for r in looked for _passage, pairs in r.compared for p in pairs})
    matches: list[dict[int, list[OrdinalMatch]]] = [{} for _ in looked]
    unmatched: list[tuple[int, Passage, list[_Posting]]] = []
    for index, result in enumerate(looked):
        for passage, pairs in result.compared:
            found = False
            parts = []
            for pair in pairs:
                other = read.get(pair)
                if other is None:
                    continue
                match = analysis_copies.compare_passages(passage, other)
                if match is not None:
                    matches[index].setdefault(pair[0], []).append(OrdinalMatch(passage.ordinal, pair[1], match))
                    found = True
                elif analysis_copies.part_of(other, passage):
                    parts.append(pair)
            if not found and parts:
                unmatched.append((index, passage, parts))
    if unmatched:
        around = {(other_id, ordinal + step) for _i, _p, pairs in unmatched for other_id, ordinal in pairs
                  for step in (-1, 1)}
        read.update(_other_passages(conn, others, around - read.keys()))
        for index, passage, pairs in unmatched:
            for other_id, ordinal in pairs:
                run_match = _run_match(passage, other_id, ordinal, read)
                if run_match is not None:
                    matches[index].setdefault(other_id, []).append(run_match)
                    break
    return [{other_id: analysis_copies.merged(found) for other_id, found in per_report.items()}
            for per_report in matches]


def _run_match(passage: Passage, other_id: int, ordinal: int,
               read: Mapping[_Posting, Passage]) -> OrdinalMatch | None:
    for before, after in _NEIGHBOUR_RUNS:
        run = [read.get((other_id, n)) for n in range(ordinal + before, ordinal + after + 1)]
        if all(p is not None for p in run):
            match = analysis_copies.compare_passages(passage, analysis_copies.joined([p for p in run if p]))
            if match is not None:
                return OrdinalMatch(passage.ordinal, ordinal + before, match, ordinal + after)
    return None


def _insert_bands(conn: sqlite3.Connection, rows: Sequence[tuple[int, int, int]]) -> None:
    """The batch's band rows into the index in key order, sorted by SQLite: a batch holds some 100,000 rows, and
    sorting them in Python (one C call, ~40 ms) would hold the interpreter that long, freezing the window whose
    import runs this on a thread; SQLite sorts with the interpreter free."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS copy_new_bands "
                 "(band_key INTEGER NOT NULL, report_id INTEGER NOT NULL, ordinal INTEGER NOT NULL)")
    conn.executemany("INSERT INTO copy_new_bands (band_key, report_id, ordinal) VALUES (?, ?, ?)", rows)
    conn.execute("INSERT OR IGNORE INTO copy_bands (band_key, report_id, ordinal) "
                 "SELECT band_key, report_id, ordinal FROM copy_new_bands ORDER BY band_key, report_id, ordinal")
    conn.execute("DELETE FROM copy_new_bands")


def _saturated(conn: sqlite3.Connection, keys: Sequence[int]) -> set[int]:
    """Those of ``keys`` that are saturated: the whole (small) table read when it holds fewer keys than asked
    about, else looked up key by key."""
    every = [row[0] for row in conn.execute("SELECT band_key FROM copy_saturated LIMIT ?", (len(keys) + 1,))]
    if len(every) <= len(keys):
        return set(every).intersection(keys)
    return {row[0] for row in conn.execute(
        "SELECT band_key FROM copy_saturated WHERE band_key IN (SELECT value FROM json_each(?))", (json.dumps(keys),))}


def _postings(conn: sqlite3.Connection, keys: Sequence[int]) -> dict[int, list[int]]:
    """Band key → its postings as numbers (see :data:`_ORDINAL_BITS`), for ``keys`` (each list holds
    at most :data:`POSTINGS_MAX`)."""
    result: dict[int, list[int]] = {}
    for key, posting in conn.execute(
            f"SELECT band_key, report_id << {_ORDINAL_BITS} | ordinal FROM copy_bands "
            "WHERE band_key IN (SELECT value FROM json_each(?))", (json.dumps(keys),)):
        result.setdefault(key, []).append(posting)
    return result


def _forget_common(conn: sqlite3.Connection, shared: set[_Posting]) -> None:
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


def _fill_pairs(conn: sqlite3.Connection, pairs: Iterable[_Posting]) -> None:
    """The temporary table ``copy_pairs`` holds these (report, passage ordinal) pairs."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS copy_pairs (report_id INTEGER NOT NULL, ordinal INTEGER NOT NULL)")
    conn.execute("DELETE FROM copy_pairs")
    conn.executemany("INSERT INTO copy_pairs (report_id, ordinal) VALUES (?, ?)", pairs)


def _common_min(conn: sqlite3.Connection) -> int:
    """Other units a passage's candidates come from for it to be wording the workspace shares."""
    count: int = conn.execute(f"SELECT COUNT(*) FROM reports r WHERE {CURRENT}").fetchone()[0]
    return max(COMMON_UNITS_MIN, min(count // 10, COMMON_UNITS_MAX))


def _other_passages(conn: sqlite3.Connection, others: Mapping[int, _Indexed],
                    pairs: set[_Posting]) -> dict[_Posting, Passage]:
    """The candidate passages of other reports, normalised again from their stored spans (only the spans'
    characters are read, in one query)."""
    if not pairs:
        return {}
    _fill_pairs(conn, pairs)
    spans = conn.execute('SELECT p.report_id, p.ordinal, p.start, substr(t.text, p.start + 1, p."end" - p.start) '
                         "FROM copy_pairs q JOIN copy_passages p ON p.report_id = q.report_id AND p.ordinal = q.ordinal "
                         "JOIN report_texts t ON t.report_id = p.report_id").fetchall()
    conn.execute("DELETE FROM copy_pairs")
    result: dict[_Posting, Passage] = {}
    for other_id, ordinal, start, span in spans:
        chars, positions = analysis_copies.normalized(span, 0, len(span), others[other_id].names)
        if chars:
            result[(other_id, ordinal)] = Passage(ordinal, start, start + len(span), chars,
                                                  tuple(start + position for position in positions))
    return result


def _replace_findings(conn: sqlite3.Connection, report: _Indexed, found: dict[int, list[PassageMatch]],
                      others: Mapping[int, _Indexed]) -> None:
    old = conn.execute(
        'SELECT report_id, start, "end", other_report_id, state, reviewer, updated_at FROM copy_findings '
        "WHERE state != ? AND (report_id = ? OR other_report_id = ?)",
        (ItemState.PENDING, report.report_id, report.report_id),
    ).fetchall()
    conn.execute("DELETE FROM copy_findings WHERE report_id = ? OR other_report_id = ?",
                 (report.report_id, report.report_id))
    for other_id, matches in found.items():
        other = others[other_id]
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


OPENING_PART = "开头部分"
"""Where a passage before the other report's first top-level heading lies (its opening paragraphs)."""


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
    other_part: str  # 第二部分; 开头部分 before the first top-level heading; "" in a report without them

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
        part = next((label for p_start, p_end, label in parts if p_start <= other_start < p_end),
                    OPENING_PART if parts and other_start < parts[0][0] else "")
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

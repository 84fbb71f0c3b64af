"""Full-text search over the current reports' cleaned text (SQLite FTS5).

Indexing: every character of the (width-folded) text is its own token (``unicode61`` on the text with a
space after each character), and a query term is searched as a phrase of its characters, so any
substring of one or more characters matches: 法, 复议, 行政复议, 法律顾问, ICP. Word segmentation
(jieba search mode) was measured at about 0.9 MB/s, which alone would take ~30 s of CPU for 1,000
reports; single characters cost nothing to produce and make every query length work.

What a hit is: the query is folded (:mod:`reviewer.workspace.textfold`) and split at whitespace into
distinct terms; a report matches when every term occurs in its folded text, and its hits are the
occurrences of each term found from the left without overlapping, as ``str.count`` counts them (哈哈
occurs once in 哈哈哈, twice in 哈哈哈哈). FTS5 only narrows the reports down: every report with a hit
matches the index's phrase query, but a phrase matched across punctuation (复，议) is not a hit, so
offsets and counts always come from the text. The index is contentless (the text is already stored
once), so removing a report needs its text.

Hits come in pages, newest report first and in text order within a report; the next page continues
after the last hit of the one before (:func:`search`). :func:`total` counts every hit of every report:
it reads each matching text as its stored UTF-8 bytes and counts there without decoding, which finds
the same places (UTF-8 is self-synchronising) in a fraction of the time.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reviewer.workspace.model import SearchHit, SearchTotal
from reviewer.workspace.summaries import CURRENT, corrected_metadata
from reviewer.workspace.textfold import fold, fold_for, utf8_folder

TOKEN_PUNCTUATION = "%.-/:()[]+〔〕《》"
"""Punctuation indexed as characters too, so 15%, 〔2018〕 and 《宪法》 narrow the search like words do."""

CREATE_INDEX_SQL = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    f"body, content='', tokenize=\"unicode61 remove_diacritics 0 tokenchars '{TOKEN_PUNCTUATION}'\")"
)

SNIPPET_CONTEXT = 30
"""Characters shown on each side of a match."""
PAGE_SIZE = 100
"""Hits in one page of results."""

_MATCHING = "SELECT rowid FROM search_index WHERE search_index MATCH ?"


def index_body(text: str) -> str:
    return " ".join(fold(text))


def add(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    add_body(conn, report_id, index_body(text))


def add_body(conn: sqlite3.Connection, report_id: int, body: str) -> None:
    """``body`` is ``index_body(text)``, made ahead (in a worker process during bulk imports)."""
    conn.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)", (report_id, body))


def remove(conn: sqlite3.Connection, report_id: int, text: str) -> None:
    """``text`` must be the text the report was indexed with."""
    conn.execute(
        "INSERT INTO search_index(search_index, rowid, body) VALUES ('delete', ?, ?)",
        (report_id, index_body(text)),
    )


def query_terms(query: str) -> list[str]:
    """Distinct whitespace-separated terms, folded, keeping only terms with something searchable."""
    terms = (term for term in fold(query).split() if any(ch.isalnum() or ch in TOKEN_PUNCTUATION for ch in term))
    return list(dict.fromkeys(terms))


def match_expression(terms: list[str]) -> str:
    return " AND ".join('"' + " ".join(term).replace('"', '""') + '"' for term in terms)


def occurrences(text: str, term: str) -> list[tuple[int, int]]:
    """Spans of ``term`` in ``text``, width and case ignored, found from the left without overlapping."""
    term = fold(term)
    if not term:
        return []
    folded = fold_for(text, term)
    spans = []
    position = folded.find(term)
    while position >= 0:
        spans.append((position, position + len(term)))
        position = folded.find(term, position + len(term))
    return spans


def report_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """The hits of ``terms`` in one report's text, in text order; none unless every term occurs."""
    spans = []
    for term in terms:
        of_term = occurrences(text, term)
        if not of_term:
            return []
        spans.extend(of_term)
    return sorted(spans)


def search(conn: sqlite3.Connection, query: str, limit: int = PAGE_SIZE,
           after: SearchHit | None = None) -> list[SearchHit]:
    """The first ``limit`` hits of ``query`` (newest report first, in text order within a report) that
    come after the hit ``after`` (the last one of the page before), or from the start."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    sql = _MATCHING
    params: list[str | int] = [match_expression(terms)]
    if after is not None:
        sql += " AND rowid <= ?"
        params.append(after.report_id)
    hits: list[SearchHit] = []
    for (report_id,) in conn.execute(sql + " ORDER BY rowid DESC", params):
        row = conn.execute(
            "SELECT t.text, r.title, r.unit, r.file_name FROM report_texts t JOIN reports r ON r.id = t.report_id "
            f"WHERE t.report_id = ? AND {CURRENT}",
            (report_id,),
        ).fetchone()
        if row is None:
            continue
        text = row[0]
        spans = report_spans(text, terms)
        if after is not None and report_id == after.report_id:
            spans = [span for span in spans if span > (after.start, after.end)]
        if not spans:
            continue
        corrected = corrected_metadata(conn, [report_id]).get(report_id, {})
        title = corrected.get("title") or row[1] or row[3]
        unit = corrected.get("unit", row[2])
        for start, end in spans:
            snippet, in_snippet = _snippet(text, start, end)
            hits.append(SearchHit(report_id, title, unit, snippet, start, end, in_snippet))
            if len(hits) >= limit:
                return hits
    return hits


def total(conn: sqlite3.Connection, query: str, stop: Callable[[], bool] | None = None) -> SearchTotal | None:
    """Every hit of ``query`` in every current report, counted exactly; None when ``stop()`` (asked
    between reports) said to give up."""
    terms = query_terms(query)
    if not terms:
        return SearchTotal(0, 0)
    needles = [term.encode("utf-8") for term in terms]
    folded = utf8_folder("".join(terms))
    reports = hits = 0
    rows = conn.execute(
        "SELECT CAST(t.text AS BLOB) FROM report_texts t JOIN reports r ON r.id = t.report_id "
        f"WHERE t.report_id IN ({_MATCHING}) AND {CURRENT}",
        (match_expression(terms),),
    )
    for (data,) in rows:
        if stop is not None and stop():
            return None
        data = folded(data)
        counts = [data.count(needle) for needle in needles]
        if all(counts):
            reports += 1
            hits += sum(counts)
    return SearchTotal(reports, hits)


def _snippet(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    lead = "…" if left > 0 else ""
    tail = "…" if right < len(text) else ""
    body = text[left:right].replace("\r", " ").replace("\n", " ")
    offset = len(lead) + start - left
    return lead + body + tail, (offset, offset + end - start)

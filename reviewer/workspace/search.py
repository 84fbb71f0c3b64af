"""Full-text search over the current reports' cleaned text (SQLite FTS5).

Indexing: every character of the (width-folded) text is its own token (``unicode61`` on the text with a
space after each character), and a query term is searched as a phrase of its characters, so any
substring of one or more characters matches: 法, 复议, 行政复议, 法律顾问, ICP. Word segmentation
(jieba search mode) was measured at about 0.9 MB/s, which alone would take ~30 s of CPU for 1,000
reports; single characters cost nothing to produce and make every query length work.

FTS5 narrows the reports down; the offsets come from finding the term in the report's text, so they
are exact Python string indices, and a phrase matched across punctuation (复，议) is not a hit.
The index is contentless (the text is already stored once), so removing a report needs its text.
Newest reports come first: ordering by rowid lets FTS5 stop after the first few matching reports.
"""
from __future__ import annotations

import sqlite3

from reviewer.workspace.model import SearchHit
from reviewer.workspace.summaries import corrected_metadata
from reviewer.workspace.textfold import fold

TOKEN_PUNCTUATION = "%.-/:()[]+〔〕《》"
"""Punctuation indexed as characters too, so 15%, 〔2018〕 and 《宪法》 narrow the search like words do."""

CREATE_INDEX_SQL = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    f"body, content='', tokenize=\"unicode61 remove_diacritics 0 tokenchars '{TOKEN_PUNCTUATION}'\")"
)

SNIPPET_CONTEXT = 30
"""Characters shown on each side of a match."""


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
    """Whitespace-separated terms, folded, keeping only terms with something searchable."""
    return [term for term in fold(query).split() if any(ch.isalnum() or ch in TOKEN_PUNCTUATION for ch in term)]


def match_expression(terms: list[str]) -> str:
    return " AND ".join('"' + " ".join(term).replace('"', '""') + '"' for term in terms)


def search(conn: sqlite3.Connection, query: str, limit: int = 50, per_report: int = 5) -> list[SearchHit]:
    """Hits for every term of ``query`` in reports containing all of them, newest report first,
    at most ``per_report`` hits per report, ``limit`` in all."""
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    hits: list[SearchHit] = []
    candidates = conn.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC",
        (match_expression(terms),),
    )
    for (report_id,) in candidates:
        row = conn.execute(
            "SELECT t.text, r.title, r.unit FROM report_texts t JOIN reports r ON r.id = t.report_id "
            "WHERE t.report_id = ?",
            (report_id,),
        ).fetchone()
        if row is None:
            continue
        text, title, unit = row
        corrected = corrected_metadata(conn, [report_id]).get(report_id, {})
        title, unit = corrected.get("title", title), corrected.get("unit", unit)
        spans = _occurrences(fold(text), terms)[:per_report]
        for start, end in spans:
            snippet, in_snippet = _snippet(text, start, end)
            hits.append(SearchHit(report_id, title, unit, snippet, start, end, in_snippet))
            if len(hits) >= limit:
                return hits
    return hits


def _occurrences(folded_text: str, terms: list[str]) -> list[tuple[int, int]]:
    spans = []
    for term in terms:
        spans_of_term = []
        position = folded_text.find(term)
        while position >= 0:
            spans_of_term.append((position, position + len(term)))
            position = folded_text.find(term, position + len(term))
        if not spans_of_term:
            return []
        spans.extend(spans_of_term)
    return sorted(spans)


def _snippet(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    lead = "…" if left > 0 else ""
    tail = "…" if right < len(text) else ""
    body = text[left:right].replace("\r", " ").replace("\n", " ")
    offset = len(lead) + start - left
    return lead + body + tail, (offset, offset + end - start)

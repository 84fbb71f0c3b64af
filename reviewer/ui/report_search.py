"""Search hits for the search dialog: across the workspace (its full-text index) or in the open report."""
from __future__ import annotations

from dataclasses import dataclass

SEARCH_LIMIT = 200
SNIPPET_CONTEXT = 24


@dataclass(frozen=True)
class Hit:
    report_id: int
    label: str  # unit or title of the report
    snippet: str
    start: int
    end: int
    match: tuple[int, int]  # the hit inside ``snippet``


def workspace_hits(ws, query: str) -> list[Hit]:
    return [
        Hit(h.report_id, h.unit or h.title or "", h.snippet.replace("\n", " "), h.start, h.end, h.snippet_match)
        for h in ws.search(query, limit=SEARCH_LIMIT)
    ]


def text_hits(report_id: int, label: str, text: str, query: str) -> list[Hit]:
    """Every occurrence of ``query`` in ``text``, ignoring case where that keeps offsets exact."""
    needle = query.casefold()
    folded = text.casefold()
    if len(folded) != len(text):
        folded, needle = text, query
    hits: list[Hit] = []
    start = folded.find(needle) if needle else -1
    while start >= 0 and len(hits) < SEARCH_LIMIT:
        end = start + len(needle)
        first = max(start - SNIPPET_CONTEXT, 0)
        snippet = text[first:end + SNIPPET_CONTEXT].replace("\n", " ")
        hits.append(Hit(report_id, label, snippet, start, end, (start - first, end - first)))
        start = folded.find(needle, end)
    return hits

"""Running headers, footers and page numbers: what an office suite prints on every page around the body.

A row is furniture when it stands in the run of rows at the top or the bottom of its page and
- it is a page number in one of its usual forms (``3``, ``- 3 -``, ``— 3 —``, ``第3页 共5页``, ``3/5``,
  ``第 3 页``, ``Page 3 of 5``), or
- the same text in the same font size — or the same but for its digits (a page number inside it) — stands
  in that run at the same distance from the page's edge on at least half of the pages, and on two at least,
- or, at the top, it is printed smaller than the body within the page's top margin (``HEADER_ZONE_SHARE``):
  a header on a report of one page (above body text: a page of small rows alone, endnotes, has none).
The runs are read from the page's edge inwards and stop at the first row that is neither, so a body line
that happens to repeat a header's words in the middle of a page is kept, and so is the report's title:
it is printed larger than a header, once.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

EDGE_ROWS = 3
"""How many rows at a page's top and bottom can be furniture (a header, a rule's caption, a page number)."""

REPEATED_PAGE_SHARE = 0.5
"""A header or footer stands on at least this share of the pages (Word's different first page included)."""

PAGE_NUMBER_RE = re.compile(
    r"[-－—–_\s]*\d{1,4}[-－—–_\s]*"
    r"|[-－—–\s]*第\s*[0-9一二三四五六七八九十百]+\s*页(?:\s*[,，/]?\s*共\s*[0-9一二三四五六七八九十百]+\s*页)?[-－—–\s]*"
    r"|[-－—–\s]*共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页[-－—–\s]*"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|Page|PAGE)\s*\d+(?:\s*(?:of|/)\s*\d+)?"
)
"""A line that is only a page number."""

_DIGITS = re.compile(r"[0-9]+|第[一二三四五六七八九十百]+页")
_SPACES = re.compile(r"\s+")


HEADER_ZONE_SHARE = 0.1
"""Office headers stand in the top tenth of the page (Word: 1.5 cm from the edge; the body from 2.5 cm)."""

HEADER_SIZE_SHARE = 0.8
"""A header is printed at most this share of the body's font size (小五 under 三号 or 小四)."""

POSITION_STEP_EMS = 2.0
"""Distances from the page's edge are compared in steps of this many font sizes (a recognizer's boxes shift)."""


class EdgeRow(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def size(self) -> float: ...

    @property
    def top(self) -> float: ...

    @property
    def bottom(self) -> float: ...


_Key = tuple[str, str, int, int]


def furniture_rows(pages: Sequence[tuple[float, Sequence[EdgeRow]]], body_size: float) -> list[set[int]]:
    """For each page (its height and its rows, top to bottom), the indexes of the rows that are running
    headers, footers or page numbers; ``body_size`` is the font size of the body text."""
    counts: Counter[_Key] = Counter()
    for height, rows in pages:
        counts.update({_key(edge, rows[i], height) for edge, indexes in _edges(len(rows)) for i in indexes})
    needed = max(2.0, REPEATED_PAGE_SHARE * len(pages))
    return [_page_furniture(rows, height, counts, needed, body_size) for height, rows in pages]


def is_page_number(text: str) -> bool:
    return PAGE_NUMBER_RE.fullmatch(text.strip()) is not None


def _page_furniture(
    rows: Sequence[EdgeRow], height: float, counts: Counter[_Key], needed: float, body_size: float
) -> set[int]:
    dropped: set[int] = set()
    has_body = any(row.size > HEADER_SIZE_SHARE * body_size for row in rows)
    for edge, indexes in _edges(len(rows)):
        for index in indexes:
            if index in dropped:
                break
            row = rows[index]
            small_header = has_body and (
                edge == "top" and row.bottom <= HEADER_ZONE_SHARE * height and row.size <= HEADER_SIZE_SHARE * body_size
            )
            if not (is_page_number(row.text) or small_header or counts[_key(edge, row, height)] >= needed):
                break
            dropped.add(index)
    return dropped


def _edges(count: int) -> list[tuple[str, list[int]]]:
    top = list(range(min(EDGE_ROWS, count)))
    bottom = list(range(count - 1, max(count - 1 - EDGE_ROWS, -1), -1))
    return [("top", top), ("bottom", bottom)]


def _key(edge: str, row: EdgeRow, height: float) -> _Key:
    distance = row.top if edge == "top" else height - row.bottom
    step = POSITION_STEP_EMS * max(row.size, 1.0)
    return edge, _DIGITS.sub("#", _SPACES.sub("", row.text)), round(row.size), round(distance / step)

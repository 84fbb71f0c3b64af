"""Text boxes: text inside a rectangle drawn on the page, kept out of the body.

A drawn rectangle is a text box when it holds whole lines of text — on two rows or more, or with room
around them (a highlight hugs the words of one line) — less than half of the page's lines, and none of them stands on a baseline
shared with text outside it (a shaded table cell does: its row's other cells stand beside it). The body's lines that run around a text box (the box floats inside a paragraph)
are joined across it by ``page_restore``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.analysis.loaders.page_layout import PageFrame, PageLayout, PageLine

MAX_BOX_LINE_SHARE = 0.5
"""A text box holds less than this share of its page's lines (a page border holds them all)."""

MIN_PADDING = 2.0
"""Points between a one-line text box's border and its text, at the least (Word and WPS: 0.25 cm)."""

EDGE_TOLERANCE = 1.0
"""Points a line may stick out of its box (glyph boxes at the border)."""


@dataclass
class TextBox:
    frame: PageFrame
    lines: list[PageLine] = field(default_factory=list)


def split_text_boxes(page: PageLayout) -> tuple[list[PageLine], list[TextBox]]:
    """The page's body lines, and its text boxes with the lines inside them."""
    boxes: list[TextBox] = []
    taken: set[int] = set()
    for frame in sorted(page.frames, key=lambda f: (f.top, f.x0)):
        inside = [i for i, line in enumerate(page.lines) if i not in taken and _inside(line, frame)]
        if not inside or len(inside) >= MAX_BOX_LINE_SHARE * len(page.lines) or not _padded(frame, inside, page):
            continue
        outside = [line for i, line in enumerate(page.lines) if i not in inside]
        if any(_same_baseline(page.lines[i], line) for i in inside for line in outside):
            continue
        boxes.append(TextBox(frame, [page.lines[i] for i in inside]))
        taken.update(inside)
    return [line for i, line in enumerate(page.lines) if i not in taken], boxes


def _padded(frame: PageFrame, inside: list[int], page: PageLayout) -> bool:
    lines = [page.lines[i] for i in inside]
    top, bottom = min(line.top for line in lines), max(line.bottom for line in lines)
    if bottom - top > 1.5 * max(line.bottom - line.top for line in lines):
        return True  # two rows or more
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    return min(left - frame.x0, frame.x1 - right, top - frame.top, frame.bottom - bottom) >= MIN_PADDING


def _inside(line: PageLine, frame: PageFrame) -> bool:
    return (
        frame.x0 - EDGE_TOLERANCE <= line.x0 and line.x1 <= frame.x1 + EDGE_TOLERANCE
        and frame.top - EDGE_TOLERANCE <= line.top and line.bottom <= frame.bottom + EDGE_TOLERANCE
    )


def _same_baseline(inner: PageLine, other: PageLine) -> bool:
    return abs(inner.bottom - other.bottom) < 0.5 and bool(other.text.strip())

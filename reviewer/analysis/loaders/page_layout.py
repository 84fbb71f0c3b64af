"""Positioned lines of a page, as a PDF text layer or a text recognizer gives them.

The page restoration (running headers, page numbers, page-break joins, reading order) works on these,
whichever produced them, so that exported PDFs and scans are put back into paragraphs the same way.
Coordinates are in points from the page's top-left corner.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageLine:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font_size: float = 0.0  # 0 when unknown
    confidence: float | None = None  # a recognizer's confidence in 0..1; None for a text layer
    char_confidences: list[float] | None = None  # one per character of ``text``, when the recognizer gives them


@dataclass
class PageRule:
    """A horizontal line drawn on the page: a table border, the short rule above footnotes, a header's rule."""

    x0: float
    y: float
    x1: float


@dataclass
class PageFrame:
    """A rectangle drawn on the page (a text box's border or background, a table's outline)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class PageLayout:
    number: int  # 1-based
    width: float
    height: float
    lines: list[PageLine] = field(default_factory=list)
    rules: list[PageRule] = field(default_factory=list)  # empty when unknown (a recognized scan)
    frames: list[PageFrame] = field(default_factory=list)  # empty when unknown
    turn: int = 0  # quarter turns counter-clockwise a scanned page was given to read it upright

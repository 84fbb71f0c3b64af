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
    # What a recognizer saw at each character (reviewer/analysis/loaders/ocr/char_readings.py); None for a text
    # layer, for lines recognized before these were kept (``char_confidences`` are then the decoder's, of each
    # character's first column, not its best) and for a line the reviewer corrected. Character k of ``text``
    # stands between ``char_edges[k]`` and ``char_edges[k + 1]``; the other lists name a character by its index
    # and hold only readings scored at least 0.01:
    char_edges: list[float] | None = None  # len(text) + 1 positions across the line, in points
    runner_ups: list[tuple[int, str, float]] | None = None  # (k, the best other reading of k, its probability)
    dropped_readings: list[tuple[int, str, float]] | None = None  # (k, a reading dropped just before k, probability)
    seal_ink: list[tuple[int, float]] | None = None  # (k, the share of k's box under a seal's red ink)


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

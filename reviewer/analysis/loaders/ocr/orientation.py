"""Which way up a page was scanned: upright, upside down or on its side (a sheet fed the wrong way round, a
landscape scan of a portrait page, a photo whose orientation tag is missing).

The recognizer reads upright lines only. Read the wrong way up, a page betrays itself in the first reading:

- **on its side**, the detected lines are boxes taller than wide (:data:`SIDEWAYS_RATIO`). The recognizer
  stands each such line up a quarter turn counter-clockwise, so when the page was turned clockwise the words
  come out right (high confidence) but in the wrong order; when it was turned counter-clockwise they come
  out upside down (low confidence). Either way the page is turned the matching quarter and read again.
- **upside down**, the lines lie flat but Chinese read upside down is mostly other characters at low
  confidence: a page whose median line confidence is below :data:`UPRIGHT_CONFIDENCE` is read again turned
  half round, and the turned reading is kept only when it is clearly better (:data:`CLEARLY_BETTER`).

A page read well the first time costs nothing more; a suspect page is read once or twice more. How well a reading
went is :func:`reading_score`: the sum of its characters' confidences, about the number of characters read
right, so a reading that drops lines or reads them doubtfully scores less.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from reviewer.analysis.loaders.ocr.engine import RecognizedLine

SIDEWAYS_RATIO = 1.5
"""Median height ÷ width of the line boxes from which the lines run down the page (a flat line of text is
many times wider than tall; a page on its side has mostly tall boxes)."""

UPRIGHT_CONFIDENCE = 0.85
"""Median line confidence of a first reading below which the page may be upside down (upright pages,
even bad scans at 100 dpi read their median line at about 0.93; upside-down Chinese reads at 0.6–0.8)."""

CLEARLY_BETTER = 1.15
"""How much better (score ratio) the half-turned reading must be to replace the first one."""

SIDEWAYS_KEPT = 0.85
"""A page on its side turned a quarter is kept when its lines then run across the page and it reads at least
this well (a page turned clockwise read its words right the first time, only in the wrong order; turned the
wrong way, the words come out upside down and score far less)."""

MIN_LINES = 3
"""Fewer lines than this tell nothing about the page's orientation (a blank page, a lone page number)."""

Reader = Callable[[np.ndarray], list[RecognizedLine]]


@dataclass(frozen=True)
class UprightReading:
    """The page as read: the pixels read (turned upright), their lines, and the quarter turns counter-clockwise
    (as ``numpy.rot90``'s ``k``) that were applied to the scanned image."""

    pixels: np.ndarray
    lines: list[RecognizedLine]
    turn: int


def reading_score(lines: Sequence[RecognizedLine]) -> float:
    return float(sum(sum(line.char_confidences) for line in lines))


def is_sideways(lines: Sequence[RecognizedLine]) -> bool:
    if len(lines) < MIN_LINES:
        return False
    ratios = [(line.bottom - line.top) / max(line.x1 - line.x0, 1.0) for line in lines]
    return statistics.median(ratios) >= SIDEWAYS_RATIO


def read_upright(pixels: np.ndarray, read: Reader) -> UprightReading:
    """The page read the right way up (see the module docstring)."""
    lines = read(pixels)
    if len(lines) < MIN_LINES:
        return UprightReading(pixels, lines, 0)
    confident = statistics.median(line.confidence for line in lines) >= UPRIGHT_CONFIDENCE
    if is_sideways(lines):
        for turn in (1, 3) if confident else (3, 1):
            turned = turned_upright(pixels, turn)
            again = read(turned)
            if not is_sideways(again) and reading_score(again) >= SIDEWAYS_KEPT * reading_score(lines):
                return UprightReading(turned, again, turn)
        return UprightReading(pixels, lines, 0)
    if confident:
        return UprightReading(pixels, lines, 0)
    turned = turned_upright(pixels, 2)
    again = read(turned)
    if reading_score(again) >= CLEARLY_BETTER * reading_score(lines):
        return UprightReading(turned, again, 2)
    return UprightReading(pixels, lines, 0)


def turned_upright(pixels: np.ndarray, turn: int) -> np.ndarray:
    """The scanned image turned as its reading was (for cutting out the place of a line)."""
    return np.ascontiguousarray(np.rot90(pixels, turn)) if turn % 4 else pixels

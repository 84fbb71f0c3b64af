"""Figures read from a scan that may be misread: one ``ocr_doubt`` finding each.

Each recognized line is found again in the cleaned text (spaces ignored and full-width punctuation folded:
the page restoration joins lines, tidies spaces and commas, it does not change characters otherwise), so
every character of a figure is known with what the recognizer saw there (``PageLine``'s per-character
lists). A figure is doubted when the recognizer gave another reading of one of its characters a real chance
and that reading is another well-formed figure:

- ``second_reading``: the runner-up of a character (a ``6`` also scored as ``8``, ``份`` as ``分``);
- ``dropped_reading``: a character the decoder dropped just before one of the figure's (a decimal point, a
  digit scored under the blank);
- ``low_confidence``: a digit or separator that may not be there at all (its best probability is low, and
  the figure without it is well-formed);
- ``under_seal``: a digit crossed by a seal's ink (masked before recognition, it leaves the strokes under it
  broken, and the recognizer's scores there are not to be trusted).

A reading that is no well-formed figure is not a doubt: the comma of ``2,885件`` scored also as a point
(``2.885件`` counts no whole things), the point of ``51.8%`` scored under the blank (``518%``), a ``件``
also scored as ``钟``. So shapes the recognizer confuses are doubted where its scores say so, not for every
digit. Lines stored without those lists (recognized before they were kept) are doubted on their characters'
confidences alone (``low_confidence`` below ``DOUBT_CONFIDENCE``).

The recognizer is also sure of some misreadings that the figure's form gives away
(:mod:`reviewer.analysis.figure_misreadings`: a count with a decimal point, a percentage over 100, a number
split by a space), and of a number read across a line's end where a separator may have been lost at the
edge (``number_across_lines``): such a figure gets the same finding, on the line it was read from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from reviewer.analysis.figure_misreadings import misreading
from reviewer.analysis.figures import extract_figures
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine
from reviewer.analysis.model import Figure, Finding

DOUBT_CONFIDENCE = 0.95
"""Lines stored with per-character confidences only: a character read with a lower one is doubtful."""

DOUBT_PROBABILITY = 1 - DOUBT_CONFIDENCE
"""Another reading of a character scored at least this is a real chance: one in twenty."""

SEAL_INK_SHARE = 0.25
"""A digit with at least this share of its box under seal ink has a stroke of the seal across it (a seal's
ring is about 1.5 mm wide, a body character about 5 mm): a touch at its edge is less. Such a digit is
doubted when the recognizer gave any other reading of it a real chance, whether or not that reading alone
makes a figure (the ink may hide what would)."""

SEAL_COVER_SHARE = 0.5
"""A digit with at least half its box under seal ink is read through the ink: doubted however sure the
recognizer was."""


PIECE_CHARS = 8
"""A line not found whole in the text is found in pieces of this many characters, each where it occurs once."""

WINDOW_CHARS = 12
"""Characters on each side of a figure read again with one of its characters changed."""

MESSAGE = "识别可能有误，请核对原件"

REASON_ORDER = ("under_seal", "second_reading", "dropped_reading", "low_confidence")

T = TypeVar("T")

_SPACE = re.compile(r"\s")
_FOLD = str.maketrans("，．：；（）％０１２３４５６７８９", ",.:;()%0123456789")
_SEPARATORS = frozenset(",.，．")
_NONE = ("", 0.0)


@dataclass(frozen=True)
class PlacedChar:
    """A character of the text as recognized: its page, its line (and the line's index on the page) and
    its index in the line's text."""

    page: int
    index: int
    line: PageLine
    char: int

    @property
    def confidence(self) -> float:
        confidences = _per_char(self.line, self.line.char_confidences)
        return confidences[self.char] if confidences else 1.0


@dataclass(frozen=True)
class LineReadings:
    """What the recognizer saw at each character of a line (``PageLine``'s lists, by character index)."""

    edges: list[float]
    runner_ups: dict[int, tuple[str, float]]
    dropped: dict[int, tuple[str, float]]
    ink: dict[int, float]

    def runner_up(self, char: int) -> tuple[str, float]:
        return self.runner_ups.get(char, _NONE)

    def dropped_before(self, char: int) -> tuple[str, float]:
        return self.dropped.get(char, _NONE)


def line_readings(line: PageLine) -> LineReadings | None:
    """The line's readings, or None when it has none (a text layer, a line recognized before they were kept,
    one the reviewer corrected) or they do not match its text."""
    size = len(line.text)
    if line.char_edges is None or len(line.char_edges) != size + 1 or _per_char(line, line.char_confidences) is None:
        return None
    return LineReadings(
        edges=line.char_edges,
        runner_ups={k: (char, p) for k, char, p in line.runner_ups or [] if 0 <= k < size},
        dropped={k: (char, p) for k, char, p in line.dropped_readings or [] if 0 <= k < size},
        ink={k: share for k, share in line.seal_ink or [] if 0 <= k < size},
    )


def doubt_findings(text: str, figures: list[Figure], pages: list[PageLayout]) -> list[Finding]:
    """An ``ocr_doubt`` finding for every doubtful figure of ``text``."""
    if not pages or not figures:
        return []
    placed = placed_characters(text, pages)
    readings = {id(line): line_readings(line) for page in pages for line in page.lines}
    findings = []
    for figure in figures:
        hits = [placed[offset] for offset in range(figure.start, figure.end) if offset in placed]
        if not hits:  # the line is not found again: no place on the page to show
            continue
        reasons = _char_doubts(text, figure, placed, readings)
        reason = next((r for r in REASON_ORDER if r in reasons), None) or misreading(text, figure) \
            or _number_across_lines(text, figure, placed)
        if reason is None:
            continue
        doubt = min(reasons.get(reason) or hits, key=lambda hit: hit.confidence)
        findings.append(_finding(figure, doubt, reason, hits, readings[id(doubt.line)]))
    return findings


def _finding(figure: Figure, doubt: PlacedChar, reason: str, hits: list[PlacedChar],
             readings: LineReadings | None) -> Finding:
    """The finding, placed on the line of the doubtful character: the line's box, and where the recognizer
    tells each character's place, the box of the figure's characters on that line (``figure_box``)."""
    line = doubt.line
    detail: dict[str, object] = {
        "page": doubt.page,
        "box": [line.x0, line.top, line.x1, line.bottom],
        "confidence": doubt.confidence,
        "line": line.text,
        "line_index": doubt.index,
        "reason": reason,
    }
    if readings is not None:
        own = [hit.char for hit in hits if hit.line is line]
        detail["figure_box"] = [readings.edges[min(own)], line.top, readings.edges[max(own) + 1], line.bottom]
    return Finding(
        code="ocr_doubt",
        severity="warning",
        message=f"{MESSAGE}：第 {doubt.page} 页“{figure.text}”",
        start=figure.start,
        end=figure.end,
        detail=detail,
    )


def _char_doubts(text: str, figure: Figure, placed: dict[int, PlacedChar],
                 readings: dict[int, LineReadings | None]) -> dict[str, list[PlacedChar]]:
    """The reasons to doubt ``figure`` that the readings of its characters, and of the character after it
    (whose other reading may lengthen the unit: ``场`` then ``次``), give, each with the characters."""
    reasons: dict[str, list[PlacedChar]] = {}
    for offset in range(figure.start, figure.end + 1):
        hit = placed.get(offset)
        if hit is None:
            continue
        for reason in _doubts_of(text, figure, offset, hit, readings[id(hit.line)]):
            reasons.setdefault(reason, []).append(hit)
    return reasons


def _doubts_of(text: str, figure: Figure, offset: int, hit: PlacedChar, readings: LineReadings | None) -> list[str]:
    inside = offset < figure.end
    if readings is None:
        return ["low_confidence"] if inside and hit.confidence < DOUBT_CONFIDENCE else []
    runner_up, runner_probability = readings.runner_up(hit.char)
    dropped, dropped_probability = readings.dropped_before(hit.char)
    absent = 1.0 - hit.confidence - runner_probability  # the blank's share, at most
    found = []
    ink = readings.ink.get(hit.char, 0.0)
    if inside and text[offset].isdigit() and (
            ink >= SEAL_COVER_SHARE
            or ink >= SEAL_INK_SHARE and max(absent, runner_probability, dropped_probability) >= DOUBT_PROBABILITY):
        found.append("under_seal")
    if runner_up and runner_probability >= DOUBT_PROBABILITY and _reads_as_other(text, figure, offset, runner_up, 1):
        found.append("second_reading")
    if dropped and dropped_probability >= DOUBT_PROBABILITY and _reads_as_other(text, figure, offset, dropped, 0):
        found.append("dropped_reading")
    if inside and absent >= DOUBT_PROBABILITY and (text[offset].isdigit() or text[offset] in _SEPARATORS) \
            and _reads_as_other(text, figure, offset, "", 1):
        found.append("low_confidence")
    return found


def _reads_as_other(text: str, figure: Figure, offset: int, replacement: str, removed: int) -> bool:
    """Whether the text with ``removed`` characters at ``offset`` replaced by ``replacement`` holds, where
    ``figure`` stands, another figure that is well-formed (not one of :func:`misreading`'s forms): one from
    the same place to the same end, or (a change just after the figure) one from the same place that is longer."""
    start = max(0, figure.start - WINDOW_CHARS)
    window = text[start:offset] + replacement + text[offset + removed:figure.end + WINDOW_CHARS]
    end = figure.end - start + (len(replacement) - removed if offset < figure.end else 0)
    for other in extract_figures(window, []):
        if other.start == figure.start - start and (other.end == end if offset < figure.end else other.end > end):
            return (other.value, other.unit) != (figure.value, figure.unit) and misreading(window, other) is None
    return False


def _number_across_lines(text: str, figure: Figure, placed: dict[int, PlacedChar]) -> str | None:
    """``number_across_lines`` when the figure's digits were read from two lines and a decimal point or a
    separator lost at the line's edge would make another well-formed figure (``407.3万元`` wrapped after
    ``407.`` is read ``4073万元``)."""
    previous = None
    for offset in range(figure.start, figure.end):
        hit = placed.get(offset)
        if hit is None or not text[offset].isdigit():
            continue
        if previous is not None and (hit.page, hit.index) != (previous.page, previous.index):
            if any(_reads_as_other(text, figure, offset, separator, 0) for separator in ".,"):
                return "number_across_lines"
        previous = hit
    return None


def _per_char(line: PageLine, values: list[T] | None) -> list[T] | None:
    """A per-character list of the line, or None when it is not there or does not match the line's text
    (a line corrected by the reviewer keeps no readings)."""
    return values if values is not None and len(values) == len(line.text) else None


def placed_characters(text: str, pages: list[PageLayout]) -> dict[int, PlacedChar]:
    """Where each character of ``text`` was recognized: every line found wherever it occurs in ``text``
    (whitespace ignored, full-width punctuation folded), else in pieces, each where it occurs once."""
    squeezed, positions = _squeezed(text)
    squeezed = squeezed.translate(_FOLD)
    placed: dict[int, PlacedChar] = {}
    for page in pages:
        for line_index, line in enumerate(page.lines):
            line_squeezed, line_positions = _squeezed(line.text)
            line_squeezed = line_squeezed.translate(_FOLD)
            starts = [(0, start, len(line_squeezed)) for start in _all_find(squeezed, line_squeezed)]
            if not starts:
                for piece in range(0, len(line_squeezed), PIECE_CHARS):
                    found = _all_find(squeezed, line_squeezed[piece:piece + PIECE_CHARS])
                    if len(found) == 1:
                        starts.append((piece, found[0], min(PIECE_CHARS, len(line_squeezed) - piece)))
            for line_start, text_start, length in starts:
                for index in range(line_start, line_start + length):
                    offset = positions[text_start + index - line_start]
                    placed.setdefault(offset, PlacedChar(page.number, line_index, line, line_positions[index]))
    return placed


def _all_find(haystack: str, needle: str) -> list[int]:
    found = []
    start = haystack.find(needle)
    while start != -1 and needle:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _squeezed(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, and the offset in ``text`` of each character kept."""
    positions = [index for index, char in enumerate(text) if not _SPACE.match(char)]
    return "".join(text[index] for index in positions), positions

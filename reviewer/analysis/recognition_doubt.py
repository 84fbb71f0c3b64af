"""Figures read from a scan that may be misread: one ``ocr_doubt`` finding each.

The recognizer gives a confidence per character. A character below ``DOUBT_CONFIDENCE`` is doubtful; its
line is found again in the cleaned text (spaces ignored: the page restoration joins lines and tidies
spaces, it does not change characters), and a figure holding a doubtful character gets a finding naming the
page and the line's box there, so the reviewer can compare it with the page image.

The recognizer is also sure of some misreadings that the figure's form gives away
(:mod:`reviewer.analysis.figure_misreadings`: a count with a decimal point, a percentage over 100, a number
split by a space), and a number read across a line's end, where a decimal point or separator is easily lost:
such a figure gets the same finding, on the line it was read from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.analysis.figure_misreadings import misreading
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine
from reviewer.analysis.model import Figure, Finding

DOUBT_CONFIDENCE = 0.95
"""Characters read with a lower confidence are doubtful. Calibrated with tests/benchmarks/bench_ocr.py: at 0.95
the misread figures of poor scans are flagged while under 3 % of the rightly read ones are."""

CONTEXT_CHARS = 6
"""Characters on each side of a doubtful run used to find it when its whole line is not found."""

MESSAGE = "识别可能有误，请核对原件"

_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class _Doubt:
    page: int
    index: int  # of the line among the page's lines
    line: PageLine
    confidence: float


def doubt_findings(text: str, figures: list[Figure], pages: list[PageLayout]) -> list[Finding]:
    """An ``ocr_doubt`` finding for every figure of ``text`` with a doubtful character."""
    if not pages or not figures:
        return []
    doubtful = doubtful_offsets(text, pages)
    read: dict[int, _Doubt] | None = None  # every recognized character's line, found when first needed
    findings = []
    for figure in figures:
        hits = [doubtful[offset] for offset in range(figure.start, figure.end) if offset in doubtful]
        reason: str | None = "low_confidence"
        if not hits:
            read = doubtful_offsets(text, pages, below=EVERY_CHARACTER) if read is None else read
            hits = [read[offset] for offset in range(figure.start, figure.end) if offset in read]
            reason = misreading(text, figure) or _number_across_lines(text, figure, read)
            if reason is None or not hits:  # no hits: the line is not found again, no place on the page to show
                continue
        doubt = min(hits, key=lambda hit: hit.confidence)
        line = doubt.line
        findings.append(
            Finding(
                code="ocr_doubt",
                severity="warning",
                message=f"{MESSAGE}：第 {doubt.page} 页“{figure.text}”",
                start=figure.start,
                end=figure.end,
                detail={
                    "page": doubt.page,
                    "box": [line.x0, line.top, line.x1, line.bottom],
                    "confidence": doubt.confidence,
                    "line": line.text,
                    "line_index": doubt.index,
                    "reason": reason,
                },
            )
        )
    return findings


EVERY_CHARACTER = 1.01
"""A threshold above every confidence: :func:`doubtful_offsets` then places every recognized character."""


def _number_across_lines(text: str, figure: Figure, read: dict[int, _Doubt]) -> str | None:
    """``number_across_lines`` when the figure's digits were read from two lines: the recognizer loses a
    decimal point or separator at a line's edge (``407.3万元`` wrapped after ``407.`` is read ``4073万元``)."""
    lines = {(read[offset].page, read[offset].index)
             for offset in range(figure.start, figure.end) if offset in read and text[offset].isdigit()}
    return "number_across_lines" if len(lines) > 1 else None


def doubtful_offsets(text: str, pages: list[PageLayout], below: float = DOUBT_CONFIDENCE) -> dict[int, _Doubt]:
    """Offsets in ``text`` of the characters read with a confidence below ``below``."""
    squeezed, positions = _squeezed(text)
    found: dict[int, _Doubt] = {}
    for page in pages:
        for line_index, line in enumerate(page.lines):
            confidences = line.char_confidences or []
            if len(confidences) != len(line.text) or min(confidences, default=1.0) >= below:
                continue
            line_squeezed, line_positions = _squeezed(line.text)
            kept = [confidences[i] for i in line_positions]
            for line_start, text_start, length in _segments(squeezed, line_squeezed, kept, below):
                for index in range(line_start, line_start + length):
                    confidence = kept[index]
                    if confidence < below:
                        offset = positions[text_start + index - line_start]
                        if offset not in found or found[offset].confidence > confidence:
                            found[offset] = _Doubt(page.number, line_index, line, confidence)
    return found


def _segments(squeezed: str, line: str, confidences: list[float], below: float) -> list[tuple[int, int, int]]:
    """Where the line's characters stand in the squeezed text, as (start in line, start in text, length):
    the whole line wherever it occurs, else each doubtful run with its context wherever that occurs."""
    whole = [(0, start, len(line)) for start in _all_find(squeezed, line)]
    if whole:
        return whole
    segments: list[tuple[int, int, int]] = []
    for run_start, run_end in _doubtful_runs(confidences, below):
        left, right = max(0, run_start - CONTEXT_CHARS), min(len(line), run_end + CONTEXT_CHARS)
        if right - left > run_end - run_start:
            segments.extend((left, start, right - left) for start in _all_find(squeezed, line[left:right]))
    return segments


def _doubtful_runs(confidences: list[float], below: float) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for index, confidence in enumerate(confidences):
        if confidence >= below:
            continue
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


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

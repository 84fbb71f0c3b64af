"""Page images → positioned lines (``PageLayout``) with the recognizer's confidences, in points."""
from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from reviewer.analysis.loaders.ocr.engine import (
    LINE_BOX_PER_FONT_SIZE,
    RecognizedLine,
    recognize_lines,
    seal_ink_shares,
)
from reviewer.analysis.loaders.ocr.images import PageImage
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.loaders.ocr.orientation import read_upright, turned_upright
from reviewer.analysis.loaders.ocr.seal import without_seals
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine

_POINTS_PER_INCH = 72.0

_WIDE_THOUSANDS_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


def recognize_page(page: PageImage) -> PageLayout:
    """One page image read: seals masked, lines recognized the right way up, each character's share under
    the seals' ink told (the ink turned as the page was), boxes converted from pixels to points (on the page
    as turned upright)."""
    scale = _POINTS_PER_INCH / page.dpi
    cleaned, seal_ink = without_seals(page.pixels, page.dpi)
    reading = read_upright(cleaned, recognize_lines)
    if seal_ink is not None:
        ink = turned_upright(seal_ink.astype(np.uint8) * 255, reading.turn)
        for line in reading.lines:
            line.seal_ink = seal_ink_shares(ink, line)
    height_px, width_px = reading.pixels.shape[:2]
    return PageLayout(
        number=page.number,
        width=width_px * scale,
        height=height_px * scale,
        lines=[_page_line(line, scale) for line in reading.lines],
        turn=reading.turn,
    )


def recognize_all(images: Iterable[PageImage], to_recognize: int, options: OcrOptions | None) -> list[PageLayout]:
    """Each image recognized in turn, with ``options.progress`` told before the first and after each."""
    progress = options.progress if options is not None else None
    layouts = []
    if progress is not None:
        progress(0, to_recognize)
    for image in images:
        layouts.append(recognize_page(image))
        if progress is not None:
            progress(len(layouts), to_recognize)
    return layouts


def known_pages(options: OcrOptions | None) -> dict[int, PageLayout]:
    return {page.number: page for page in options.known_pages} if options is not None else {}


def tidy_recognized(text: str) -> str:
    """Recognized text with what the recognizer reads wide put back: a thousands comma between digits read as
    "，" (often when the number wraps after the comma) becomes ","."""
    return _WIDE_THOUSANDS_COMMA.sub(",", text)


KEPT_PROBABILITY = 0.01
"""Other readings (and seal ink shares) under this are not stored: a doubt needs a 1-in-20 chance."""


def _page_line(line: RecognizedLine, scale: float) -> PageLine:
    """The line in points, with what the recognizer saw at each character when it tells it (the best
    probability of each character over its columns then stands for its confidence)."""
    top, bottom = line.top * scale, line.bottom * scale
    readings = line.readings

    def across(share: float) -> float:
        return round((line.x0 + share * (line.x1 - line.x0)) * scale, 1)

    return PageLine(
        text=line.text,
        x0=round(line.x0 * scale, 1),
        top=round(top, 1),
        x1=round(line.x1 * scale, 1),
        bottom=round(bottom, 1),
        font_size=round((bottom - top) / LINE_BOX_PER_FONT_SIZE, 1),
        confidence=round(line.confidence, 4),
        char_confidences=[round(c, 3) for c in ([r.probability for r in readings] or line.char_confidences)],
        char_edges=[across(readings[0].start), *(across(r.end) for r in readings)] if readings else None,
        runner_ups=_kept((k, r.runner_up, r.runner_up_probability) for k, r in enumerate(readings)) if readings else None,
        dropped_readings=_kept((k, r.dropped, r.dropped_probability) for k, r in enumerate(readings)) if readings else None,
        seal_ink=[(k, share) for k, share in enumerate(line.seal_ink) if share >= KEPT_PROBABILITY] or None,
    )


def _kept(readings: Iterable[tuple[int, str, float]]) -> list[tuple[int, str, float]]:
    return [(k, char, round(probability, 3)) for k, char, probability in readings
            if char and probability >= KEPT_PROBABILITY]

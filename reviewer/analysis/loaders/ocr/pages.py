"""Page images → positioned lines (``PageLayout``) with the recognizer's confidences, in points."""
from __future__ import annotations

import re
from collections.abc import Iterable

from reviewer.analysis.loaders.ocr.engine import RecognizedLine, recognize_lines
from reviewer.analysis.loaders.ocr.images import PageImage
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.loaders.ocr.orientation import read_upright
from reviewer.analysis.loaders.ocr.seal import without_seals
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine

_POINTS_PER_INCH = 72.0

_WIDE_THOUSANDS_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")

LINE_BOX_PER_FONT_SIZE = 1.35
"""A detected line's box is this much taller than the type (the detector pads each line)."""


def recognize_page(page: PageImage) -> PageLayout:
    """One page image read: seals masked, lines recognized the right way up, boxes converted from pixels to
    points (on the page as turned upright)."""
    scale = _POINTS_PER_INCH / page.dpi
    reading = read_upright(without_seals(page.pixels, page.dpi), recognize_lines)
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


def _page_line(line: RecognizedLine, scale: float) -> PageLine:
    top, bottom = line.top * scale, line.bottom * scale
    return PageLine(
        text=line.text,
        x0=round(line.x0 * scale, 1),
        top=round(top, 1),
        x1=round(line.x1 * scale, 1),
        bottom=round(bottom, 1),
        font_size=round((bottom - top) / LINE_BOX_PER_FONT_SIZE, 1),
        confidence=round(line.confidence, 4),
        char_confidences=[round(c, 3) for c in line.char_confidences],
    )

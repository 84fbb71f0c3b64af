"""The place on a scanned page where a line was read, as a PNG image, for the reviewer to compare.

The page is rendered again from the stored file (a PDF page with PDFium, an image frame as stored) and cut
around the line's box, with some margin: the box is in points on the page turned upright, so on a tilted
scan the line stands a little off its box, the margin keeps it in view.
"""
from __future__ import annotations

import io

from reviewer.analysis.loaders.ocr.images import PageImage, image_pages
from reviewer.analysis.loaders.ocr.orientation import turned_upright
from reviewer.analysis.loaders.ocr.render import rendered_pages
from reviewer.analysis.loaders.sniff import container_kind

MARGIN_LINES = 1.5
"""Space kept above and below the line, in line heights."""

MARGIN_POINTS = 24.0
"""Space kept left and right of the line, in points."""


def line_crop(data: bytes, filename: str, page: int, box: list[float], turn: int = 0) -> bytes:
    """PNG of the page ``page`` (1-based) of the stored file around ``box`` (x0, top, x1, bottom in points on
    the page turned ``turn`` quarters counter-clockwise, as it was read: ``PageLayout.turn``).
    Raises :class:`reviewer.analysis.LoadError` when the file or page cannot be read."""
    image = _page_image(data, filename, page)
    pixels = turned_upright(image.pixels, turn)
    scale = image.dpi / 72.0
    x0, top, x1, bottom = box
    margin_y = (bottom - top) * MARGIN_LINES
    height, width = pixels.shape[:2]
    left = max(0, int((x0 - MARGIN_POINTS) * scale))
    right = min(width, int((x1 + MARGIN_POINTS) * scale) + 1)
    upper = max(0, int((top - margin_y) * scale))
    lower = min(height, int((bottom + margin_y) * scale) + 1)
    from PIL import Image

    crop = Image.fromarray(pixels[upper:max(lower, upper + 1), left:max(right, left + 1)])
    buffer = io.BytesIO()
    crop.save(buffer, "PNG")
    return buffer.getvalue()


def _page_image(data: bytes, filename: str, page: int) -> PageImage:
    if container_kind(data) == "pdf":
        return next(rendered_pages(data, filename, [page]))
    return next(image_pages(data, filename, {page}))

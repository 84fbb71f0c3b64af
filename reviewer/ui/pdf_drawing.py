"""What each page of a PDF draws, read with PDFium as filled and stroked paths and positioned characters,
so that printing can replay the page onto the printer as vectors and text instead of an image.

Covers what the summary PDFs hold (reportlab's text, rules and shaded cells). A page that draws anything
else (an image, a shading, a form, a clipping path, outlined text) is marked incomplete: the printer gets
that page as an image, rendered by PDFium, so nothing is ever left out.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reviewer.analysis.loaders.pdfium_lock import PDFIUM_LOCK

Rgba = tuple[int, int, int, int]
Matrix = tuple[float, float, float, float, float, float]
"""PDF's (a, b, c, d, e, f): x' = a·x + c·y + e, y' = b·x + d·y + f."""

MOVE, LINE, CURVE = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO
EVEN_ODD = pdfium_c.FPDF_FILLMODE_ALTERNATE
_FILL, _INVISIBLE = pdfium_c.FPDF_TEXTRENDERMODE_FILL, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
_NAME_BUFFER = 256


@dataclass(frozen=True)
class Segment:
    kind: int  # MOVE, LINE or CURVE (a cubic Bézier is three CURVE points: two controls, then its end)
    x: float
    y: float
    closes: bool


@dataclass(frozen=True)
class PathShape:
    """A path in its own space, placed on the page by ``matrix``, filled and/or stroked."""

    matrix: Matrix
    segments: tuple[Segment, ...]
    fill: Rgba | None
    even_odd: bool
    stroke: Rgba | None
    line_width: float
    line_cap: int  # PDF's 0 butt, 1 round, 2 square
    line_join: int  # PDF's 0 miter, 1 round, 2 bevel
    dash: tuple[float, ...]
    dash_phase: float


@dataclass(frozen=True)
class TextRun:
    """The characters of one text object, each at its own origin on the page."""

    text: str
    origins: tuple[tuple[float, float], ...]  # one per character of ``text``, in page space
    family: str
    size: float
    linear: tuple[float, float, float, float]  # a, b, c, d of the text matrix (rotation, scaling)
    color: Rgba


@dataclass(frozen=True)
class PageDrawing:
    width: float
    height: float
    items: tuple[PathShape | TextRun, ...]  # in painting order
    complete: bool
    """False when the page draws something ``items`` cannot hold: print it as an image."""


def pdf_drawings(data: bytes) -> list[PageDrawing]:
    """Every page of the PDF ``data``, holding the PDFium lock throughout."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            return [_page_drawing(document, index) for index in range(len(document))]
        finally:
            document.close()


@dataclass(frozen=True)
class PageImage:
    """A page rendered by PDFium: BGRA pixels, ``stride`` bytes a row."""

    pixels: bytes
    width: int
    height: int
    stride: int


def render_page(data: bytes, index: int, scale: float) -> PageImage:
    """Page ``index`` of the PDF ``data`` at ``scale`` pixels per point, white behind."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            page = document[index]
            bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255),
                                 force_bitmap_format=pdfium_c.FPDFBitmap_BGRA)
            try:
                return PageImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
            finally:
                bitmap.close()
                page.close()
        finally:
            document.close()


def _page_drawing(document: pdfium.PdfDocument, index: int) -> PageDrawing:
    page = document[index]
    textpage = page.get_textpage()
    try:
        width, height = page.get_size()
        characters = _characters_by_object(textpage.raw)
        items: list[PathShape | TextRun] = []
        complete = True
        for number in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
            drawn = _items(pdfium_c.FPDFPage_GetObject(page.raw, number), characters)
            if drawn is None:
                complete = False
            else:
                items += drawn
        return PageDrawing(width, height, tuple(items), complete)
    finally:
        textpage.close()
        page.close()


Characters = dict[int, list[tuple[str, float, float]] | None]
"""Text object address -> its characters with their origins; None when PDFium cannot tell which
characters an object draws (no Unicode mapping)."""


def _items(drawn: pdfium_c.FPDF_PAGEOBJECT, characters: Characters) -> list[PathShape | TextRun] | None:
    """What the page object draws (nothing, for invisible text or an empty path); None when it is of a
    kind not replayed."""
    if _clipped(drawn):
        return None
    kind = pdfium_c.FPDFPageObj_GetType(drawn)
    if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
        return _path(drawn)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        return _text(drawn, characters.get(_address(drawn), []))
    return None


def _address(handle: object) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _clipped(drawn: pdfium_c.FPDF_PAGEOBJECT) -> bool:
    clip = pdfium_c.FPDFPageObj_GetClipPath(drawn)
    return bool(clip) and pdfium_c.FPDFClipPath_CountPaths(clip) > 0


def _matrix(drawn: pdfium_c.FPDF_PAGEOBJECT) -> Matrix:
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(drawn, matrix)
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _color(getter, drawn: pdfium_c.FPDF_PAGEOBJECT) -> Rgba:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    getter(drawn, r, g, b, a)
    return (r.value, g.value, b.value, a.value)


def _path(drawn: pdfium_c.FPDF_PAGEOBJECT) -> list[PathShape | TextRun]:
    fill_mode, stroked = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(drawn, fill_mode, stroked)
    segments = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for number in range(pdfium_c.FPDFPath_CountSegments(drawn)):
        segment = pdfium_c.FPDFPath_GetPathSegment(drawn, number)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        segments.append(Segment(pdfium_c.FPDFPathSegment_GetType(segment), x.value, y.value,
                                bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
    if not segments or (not fill_mode.value and not stroked.value):
        return []
    width, phase = ctypes.c_float(), ctypes.c_float()
    pdfium_c.FPDFPageObj_GetStrokeWidth(drawn, width)
    pdfium_c.FPDFPageObj_GetDashPhase(drawn, phase)
    dash_count = max(0, pdfium_c.FPDFPageObj_GetDashCount(drawn))
    dash = (ctypes.c_float * dash_count)()
    if dash_count:
        pdfium_c.FPDFPageObj_GetDashArray(drawn, dash, dash_count)
    return [PathShape(
        matrix=_matrix(drawn),
        segments=tuple(segments),
        fill=_color(pdfium_c.FPDFPageObj_GetFillColor, drawn) if fill_mode.value else None,
        even_odd=fill_mode.value == EVEN_ODD,
        stroke=_color(pdfium_c.FPDFPageObj_GetStrokeColor, drawn) if stroked.value else None,
        line_width=width.value,
        line_cap=pdfium_c.FPDFPageObj_GetLineCap(drawn),
        line_join=pdfium_c.FPDFPageObj_GetLineJoin(drawn),
        dash=tuple(dash),
        dash_phase=phase.value,
    )]


def _text(drawn: pdfium_c.FPDF_PAGEOBJECT, characters: list[tuple[str, float, float]] | None,
          ) -> list[PathShape | TextRun] | None:
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(drawn)
    if mode == _INVISIBLE or characters == []:
        return []
    if mode != _FILL or characters is None:
        return None
    font = pdfium_c.FPDFTextObj_GetFont(drawn)
    name = ctypes.create_string_buffer(_NAME_BUFFER)
    pdfium_c.FPDFFont_GetFamilyName(font, name, _NAME_BUFFER)
    size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(drawn, size)
    a, b, c, d, _, _ = _matrix(drawn)
    return [TextRun(
        text="".join(char for char, _, _ in characters),
        origins=tuple((x, y) for _, x, y in characters),
        family=name.value.decode("utf-8", "replace"),
        size=size.value,
        linear=(a, b, c, d),
        color=_color(pdfium_c.FPDFPageObj_GetFillColor, drawn),
    )]


def _characters_by_object(textpage: pdfium_c.FPDF_TEXTPAGE) -> Characters:
    """The characters each text object draws (not the spaces and line breaks PDFium makes up), with their
    origins in page space. PDFium gives a character beyond the BMP as two UTF-16 halves."""
    found: Characters = {}
    x, y = ctypes.c_double(), ctypes.c_double()
    high: tuple[int, float, float] | None = None  # the first half of a character, where it stands
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        if pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            continue
        owner = _address(pdfium_c.FPDFText_GetTextObject(textpage, index))
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, index) == 1:
            found[owner] = None
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        origin = (x.value, y.value)
        if 0xD800 <= code < 0xDC00:
            high = (code, *origin)
            continue
        if 0xDC00 <= code < 0xE000 and high is not None:
            code, origin = 0x10000 + ((high[0] - 0xD800) << 10) + (code - 0xDC00), high[1:]
        high = None
        runs = found.setdefault(owner, [])
        if code and runs is not None:
            runs.append((chr(code), *origin))
    return found

"""PDF reports: the text layer with the position of every character, read with PDFium (pypdfium2); the pages
without one are read by text recognition.

PDFium gives each character drawn on a page with its box, baseline and font size; the spaces it makes up
from gaps (and the line breaks) are left out: gaps are judged from the positions, and a space the text
itself holds is kept (``line_text`` then removes the ones that are layout). Characters on one baseline,
in reading order by position — so a quote mark drawn after its words lands between them — make a
:class:`PageLine` until a gap of a table cell, a change of font size or a raised note mark between them.
A glyph drawn twice on the same spot (fake bold) counts once; rotated text (watermarks, stamps) is left out.
Struck-through characters are left out too: Word, WPS and LibreOffice print a deletion of tracked changes
(``显示标记``) as the deleted text with a line through the middle of its glyphs, beside the inserted text
underlined, both in the author's colour — the accepted text is the one without the struck characters, and
a plain strike-through means the same to a reader. Their place still joins the characters around them.
Horizontal rules (drawn paths no thicker than two points) and rectangles a line high or more are kept with
the page: table borders, the short rule above footnotes, text boxes. ``page_restore`` then puts the pages back into paragraphs, table rows and notes, the same way as for
recognized scans.

A scanned PDF, or a PDF some of whose pages are scans (an image and no text layer), has those pages read by
text recognition (``ocr.scan``) into the same positioned lines: the document's format is then "ocr", its
``original_format`` "pdf", and the recognized pages are kept in ``recognized_pages``.

PDFium rather than pypdf: five times as fast on office-exported Chinese PDFs (pypdf parses the content
stream in Python: about 6 pages/s here) and exact character boxes where pypdf's text visitor gives only run
origins, so widths had to be guessed.
"""
from __future__ import annotations

import bisect
import ctypes
import math
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.file_content import FileContent, content_tail, pdf_document
from reviewer.analysis.loaders.line_text import glued
from reviewer.analysis.loaders.ocr.options import OcrOptions
from reviewer.analysis.loaders.outcome import checked_text, file_label, text_too_long
from reviewer.analysis.loaders.page_layout import PageFrame, PageLayout, PageLine, PageRule
from reviewer.analysis.loaders.page_restore import restore_pages
from reviewer.analysis.loaders.page_tables import CELL_GAP_EMS
from reviewer.analysis.loaders.pdfium_lock import PDFIUM_LOCK
from reviewer.analysis.model import LoadedDocument

END_MARKER_WINDOW = 4096
"""A complete PDF has ``%%EOF`` this close to its end; without it the file was cut off (interrupted download)."""

MIN_PAGE_LETTERS = 20
"""A page with fewer letters and digits than this has no real text layer (a scan, or only a page number)."""

SAME_BASELINE_EMS = 0.15
"""Characters whose baselines differ by less than this many font sizes stand on one line."""

RAISED_MARK_SHARE = 0.8
"""A note mark is printed smaller than this share of the line's font size, above its baseline."""

RULE_THICKNESS = 2.0
"""A path at most this many points high (and wider than it is high) is a horizontal rule."""

MIN_FRAME_HEIGHT = 12.0
"""A drawn rectangle at least this high can hold text: a text box."""

STRIKE_BAND_EMS = (0.15, 0.6)
"""A rule this many font sizes above a character's baseline runs through the middle of its glyph: a
strike-through (an underline stands below the baseline, a border between rows)."""

SAME_SPOT_EMS = 0.3
"""The same character drawn again less than this many font sizes from itself (and less than half its width)
is one glyph (fake bold)."""

_LETTER = re.compile(r"[^\W_]")


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    baseline: float  # from the page's top
    size: float
    space_before: bool = False  # a space character of the text (not one PDFium made up) stands before it
    struck: bool = False  # a line is drawn through it: deleted text


def load_pdf(data: FileContent, source: str, ocr: OcrOptions | None = None) -> LoadedDocument:
    """The PDF's bytes, or its path: then PDFium reads from the file what each page needs."""
    name = file_label(source)
    if b"%%EOF" not in content_tail(data, END_MARKER_WINDOW):
        raise LoadError("damaged", f"PDF 文件“{name}”不完整（文件末尾缺失，可能没有下载完），无法读取。")
    pages, scanned = _page_layouts(data, source)
    if not pages:
        raise LoadError("empty", f"PDF 文件“{name}”没有页面。")
    if all(_is_textless(page) for page in pages):
        scanned = [page.number for page in pages]
    recognized: list[PageLayout] = []
    if scanned:
        from reviewer.analysis.loaders.ocr.scan import recognize_pdf_pages  # loads the recognizer: only for scans

        recognized = recognize_pdf_pages(data, source, scanned, ocr)  # all kept: none is read twice
        if not any(page.lines for page in recognized) and len(scanned) == len(pages):
            raise LoadError("empty", f"PDF 文件“{name}”是扫描件，但其中没有识别出文字。")
        for page in recognized:
            pages[page.number - 1] = page
    read_text = any(page.lines for page in recognized)
    restored = restore_pages(pages)
    text = restored.text
    if read_text:
        from reviewer.analysis.loaders.ocr.pages import tidy_recognized

        text = tidy_recognized(text)
    return LoadedDocument(
        source=source, format="ocr" if read_text else "pdf", encoding=None,
        raw_text=checked_text(text, source), page_count=len(pages), notes=restored.notes,
        table_cells=restored.table_cells, original_format="pdf" if read_text else None,
        recognized_pages=recognized,
    )


def _is_textless(page: PageLayout) -> bool:
    return sum(len(_LETTER.findall(line.text)) for line in page.lines) < MIN_PAGE_LETTERS


def _has_image(page: pdfium.PdfPage) -> bool:
    """True when the page draws an image (a scanned page is one image)."""
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _page_layouts(data: FileContent, source: str) -> tuple[list[PageLayout], list[int]]:
    """Each page's positioned lines, and the numbers of the pages that are scans (an image, no text layer).
    Any failure of PDFium on a page means the file is damaged."""
    with PDFIUM_LOCK:
        return _read_page_layouts(data, source)


def _read_page_layouts(data: FileContent, source: str) -> tuple[list[PageLayout], list[int]]:
    name = file_label(source)
    try:
        document = pdf_document(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise LoadError("encrypted", f"PDF 文件“{name}”设有密码保护（需要打开密码），请取消密码后再导入。") from None
        if getattr(error, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise LoadError("encrypted", f"PDF 文件“{name}”使用了不支持的加密方式，无法读取。") from None
        raise LoadError("damaged", f"PDF 文件“{name}”已损坏，无法读取。") from None
    pages: list[PageLayout] = []
    scanned: list[int] = []
    total = 0
    try:
        for index in range(len(document)):
            try:
                pdf_page = document[index]
                has_image = _has_image(pdf_page)
                page = _page_layout(pdf_page, index + 1)
                if has_image and _is_textless(page):
                    scanned.append(index + 1)
            except pdfium.PdfiumError:
                raise LoadError("damaged", f"PDF 文件“{name}”已损坏：第 {index + 1} 页无法读取。") from None
            total += sum(len(line.text) for line in page.lines)
            if total > errors.MAX_TEXT_CHARS:
                raise text_too_long(source, total)
            pages.append(page)
    finally:
        document.close()
    return pages, scanned


def _page_layout(page: pdfium.PdfPage, number: int) -> PageLayout:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, height)
        rules, frames = _drawings(page, height)
    finally:
        textpage.close()
        page.close()
    strikes = _strike_through(chars, rules)
    rules = [rule for rule in rules if id(rule) not in strikes]
    return PageLayout(number, width, height, _lines(chars), rules, frames)


def _drawings(page: pdfium.PdfPage, height: float) -> tuple[list[PageRule], list[PageFrame]]:
    """The horizontal rules drawn on the page, and the rectangles at least a line of text high."""
    rules: list[PageRule] = []
    frames: list[PageFrame] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for drawn in _paths(page.raw):
        if not pdfium_c.FPDFPageObj_GetBounds(drawn, left, bottom, right, top):
            continue
        if right.value - left.value <= 2 * RULE_THICKNESS:
            continue
        if top.value - bottom.value <= RULE_THICKNESS:
            rules.append(PageRule(left.value, height - (top.value + bottom.value) / 2, right.value))
        elif top.value - bottom.value >= MIN_FRAME_HEIGHT:
            frames.append(PageFrame(left.value, height - top.value, right.value, height - bottom.value))
    return rules, frames


def _strike_through(chars: list[_Char], rules: list[PageRule]) -> set[int]:
    """Marks the characters struck through; returns the ids of the rules striking them (they are not
    borders). A rule striking through a run of characters ends with the run: one running on past them (Word's
    line from a change to its balloon in the margin) strikes nothing."""
    if not rules:
        return set()
    ordered = sorted(rules, key=lambda rule: rule.y)
    heights = [rule.y for rule in ordered]
    struck: dict[int, list[_Char]] = {}
    for char in chars:
        low = bisect.bisect_left(heights, char.baseline - STRIKE_BAND_EMS[1] * char.size)
        high = bisect.bisect_right(heights, char.baseline - STRIKE_BAND_EMS[0] * char.size)
        centre = (char.x0 + char.x1) / 2
        rule = next((rule for rule in ordered[low:high] if rule.x0 <= centre <= rule.x1), None)
        if rule is not None:
            struck.setdefault(id(rule), []).append(char)
    strikes: set[int] = set()
    for rule in ordered:
        run = struck.get(id(rule), [])
        if run and rule.x1 - rule.x0 <= max(c.x1 for c in run) - min(c.x0 for c in run) + 2 * run[0].size:
            strikes.add(id(rule))
            for char in run:
                char.struck = True
    return strikes


def _paths(page: pdfium_c.FPDF_PAGE) -> list[pdfium_c.FPDF_PAGEOBJECT]:
    """The page's path objects, and those of the forms it draws (one level deep, as offices write them)."""
    paths = []
    for index in range(pdfium_c.FPDFPage_CountObjects(page)):
        drawn = pdfium_c.FPDFPage_GetObject(page, index)
        kind = pdfium_c.FPDFPageObj_GetType(drawn)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths.append(drawn)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            for inner in range(pdfium_c.FPDFFormObj_CountObjects(drawn)):
                member = pdfium_c.FPDFFormObj_GetObject(drawn, inner)
                if pdfium_c.FPDFPageObj_GetType(member) == pdfium_c.FPDF_PAGEOBJ_PATH:
                    paths.append(member)
    return paths


def _chars(textpage: pdfium_c.FPDF_TEXTPAGE, height: float) -> list[_Char]:
    """The page's drawn characters, without PDFium's made-up spaces and line breaks, nor rotated text."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    units = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, units)
    font_size, char_box, origin, angle = (
        pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin,
        pdfium_c.FPDFText_GetCharAngle,
    )
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    chars: list[_Char] = []
    space = False
    index = 0
    while index < count:
        unit = units[index]
        text = chr(unit)
        if 0xD800 <= unit < 0xDC00 and index + 1 < count and 0xDC00 <= units[index + 1] < 0xE000:
            text = chr(0x10000 + ((unit - 0xD800) << 10) + (units[index + 1] - 0xDC00))
        step = 1 if len(text) == 1 and unit == ord(text) else 2
        if unit in (0x20, 0xA0, 0x3000):
            space = space or pdfium_c.FPDFText_IsGenerated(textpage, index) == 0
        elif unit > 0x20 and not 0xDC00 <= unit < 0xE000:
            turned = angle(textpage, index)
            if turned < 0.01 or turned > 2 * math.pi - 0.01:
                size = font_size(textpage, index)
                char_box(textpage, index, box)
                origin(textpage, index, x, y)
                chars.append(_Char(text, box.left, max(box.right, box.left), height - y.value, size, space))
            space = False
        else:
            space = False
        index += step
    return chars


def _lines(chars: list[_Char]) -> list[PageLine]:
    """Characters on one baseline, left to right, in one font size, as lines split at cell gaps and marks."""
    rows = _baseline_rows(chars)
    lines: list[PageLine] = []
    for row in rows:
        row.sort(key=lambda char: char.x0)
        marks = _raised_marks(row, rows)
        current: list[_Char] = []
        for char in row:
            if current and _same_spot(current[-1], char):
                continue
            if current and not _continues(current, char, marks):
                lines.append(_page_line(current))
                current = []
            current.append(char)
        if current:
            lines.append(_page_line(current))
    return [line for line in lines if line.text]


def _baseline_rows(chars: list[_Char]) -> list[list[_Char]]:
    rows: list[list[_Char]] = []
    for char in sorted(chars, key=lambda c: c.baseline):
        if rows and abs(char.baseline - rows[-1][-1].baseline) <= SAME_BASELINE_EMS * max(char.size, 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    return rows


def _raised_marks(row: list[_Char], rows: list[list[_Char]]) -> list[float]:
    """Where smaller characters stand raised above this row's baseline (note marks): the row's line is split
    there so that the mark keeps its place in the text."""
    size = max(char.size for char in row)
    baseline = row[0].baseline
    return [
        char.x0
        for other in rows
        if other is not row and 0 < baseline - other[0].baseline < 0.7 * size
        for char in other
        if char.size < RAISED_MARK_SHARE * size
    ]


def _same_spot(before: _Char, char: _Char) -> bool:
    """The glyph drawn again over itself: nearer than a font-size share and than half its width (``ii``)."""
    limit = min(SAME_SPOT_EMS * char.size, 0.5 * (before.x1 - before.x0))
    return char.text == before.text and abs(char.x0 - before.x0) < limit


def _continues(current: list[_Char], char: _Char, marks: list[float]) -> bool:
    last = current[-1]
    return (
        abs(last.size - char.size) <= 0.1 * max(last.size, char.size)
        and char.x0 - last.x1 < CELL_GAP_EMS * char.size
        and not (marks and any(last.x1 - 1 <= mark <= char.x0 + 1 for mark in marks))
    )


def _page_line(chars: list[_Char]) -> PageLine:
    """The line's text, without its struck-through characters (empty when all are)."""
    text = "" if chars[0].struck else chars[0].text
    gaps = [char.x0 - before.x1 for before, char in zip(chars, chars[1:])]
    spacing = max(sorted(gaps)[len(gaps) // 2], 0.0) if gaps else 0.0  # letter-spaced or justified lines
    for char, gap in zip(chars[1:], gaps):
        if char.struck:
            continue
        if not text:
            text = char.text
            continue
        text = f"{text} {char.text}" if char.space_before else glued(text, char.text, gap - spacing, char.size)
    size = max(char.size for char in chars)
    baseline = chars[0].baseline
    return PageLine(text, chars[0].x0, baseline - 0.88 * size, chars[-1].x1, baseline + 0.12 * size, size)

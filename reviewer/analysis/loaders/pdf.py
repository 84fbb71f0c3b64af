"""PDF reports: the text layer with positions, page by page, with pypdf; scanned PDFs are refused with a request
for OCR.

Each page's text is read as runs of one font on one baseline, with where they stand (pypdf's text visitor
gives each run's origin and font size; a run's width is estimated from its characters, wide ones one font
size, narrow ones about half). Runs on one baseline that touch become one :class:`PageLine`; a gap of a
table cell, a change of font size or of baseline (a raised note mark) starts another. Rotated text
(watermarks, stamps) is left out. ``page_restore`` then puts the pages back into paragraphs, table rows and
notes, the same way as for recognized scans.
"""
from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from reviewer.analysis import errors
from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.cjk import WIDE_CHARACTERS
from reviewer.analysis.loaders.line_text import glued
from reviewer.analysis.loaders.outcome import checked_text, file_label, text_too_long
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine
from reviewer.analysis.loaders.page_restore import restore_pages
from reviewer.analysis.loaders.page_tables import CELL_GAP_EMS
from reviewer.analysis.model import LoadedDocument

END_MARKER_WINDOW = 4096
"""A complete PDF has ``%%EOF`` this close to its end; without it the file was cut off (interrupted download)."""

MIN_PAGE_LETTERS = 20
"""A page with fewer letters and digits than this has no real text layer (a scan, or only a page number)."""

ASCENT, DESCENT = 0.88, 0.12
"""Where a glyph box stands around the baseline, in font sizes."""

NARROW_WIDTH, SPACE_WIDTH = 0.55, 0.3
"""Estimated advance of a narrow character and of a space, in font sizes (wide characters: 1)."""

SAME_BASELINE_EMS = 0.15
"""Runs whose baselines differ by less than this many font sizes stand on one line."""

_LETTER = re.compile(r"[^\W_]")
_WIDE = re.compile(f"[{WIDE_CHARACTERS}]")


@dataclass
class _Run:
    text: str
    x: float
    baseline: float  # from the page's top
    size: float
    width: float


def load_pdf(data: bytes, source: str) -> LoadedDocument:
    name = file_label(source)
    if b"%%EOF" not in data[-END_MARKER_WINDOW:]:
        raise LoadError("damaged", f"PDF 文件“{name}”不完整（文件末尾缺失，可能没有下载完），无法读取。")
    pages = _page_layouts(data, source)
    if not pages:
        raise LoadError("empty", f"PDF 文件“{name}”没有页面。")
    if all(sum(len(_LETTER.findall(line.text)) for line in page.lines) < MIN_PAGE_LETTERS for page in pages):
        raise LoadError(
            "needs_ocr",
            f"PDF 文件“{name}”没有文字层（可能是扫描件或图片），需要先OCR（文字识别）转成文字后再导入。",
        )
    restored = restore_pages(pages)
    return LoadedDocument(
        source=source, format="pdf", encoding=None, raw_text=checked_text(restored.text, source),
        page_count=len(pages), notes=restored.notes, table_cells=restored.table_cells,
    )


def _page_layouts(data: bytes, source: str) -> list[PageLayout]:
    """Each page's positioned lines. pypdf raises many exception types on malformed files; all mean damage."""
    name = file_label(source)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise LoadError("encrypted", f"PDF 文件“{name}”设有密码保护（需要打开密码），请取消密码后再导入。")
        page_count = len(reader.pages)
    except LoadError:
        raise
    except DependencyError:
        raise _undecryptable(name) from None
    except Exception:
        raise LoadError("damaged", f"PDF 文件“{name}”已损坏，无法读取。") from None
    pages: list[PageLayout] = []
    total = 0
    for number in range(page_count):
        try:
            page = _page_layout(reader.pages[number], number + 1)
        except DependencyError:
            raise _undecryptable(name) from None
        except Exception:
            raise LoadError("damaged", f"PDF 文件“{name}”已损坏：第 {number + 1} 页无法读取。") from None
        total += sum(len(line.text) for line in page.lines)
        if total > errors.MAX_TEXT_CHARS:
            raise text_too_long(source, total)
        pages.append(page)
    return pages


def _page_layout(page: PageObject, number: int) -> PageLayout:
    box = page.mediabox
    top, left = float(box.top), float(box.left)
    runs: list[_Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        text = text.replace("\n", "").replace("\r", "")
        if not text.strip():
            return
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        if abs(b) > 0.01 * abs(a) or abs(c) > 0.01 * abs(d) or a <= 0 or d <= 0:
            return  # rotated or mirrored: a watermark or a stamp, not the body
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = font_size * d
        if size <= 0:
            return
        runs.append(_Run(text, x - left, top - y, size, _estimated_width(text) * font_size * a))

    page.extract_text(visitor_text=visit)
    return PageLayout(number, float(box.width), float(box.height), _lines(runs))


def _estimated_width(text: str) -> float:
    """The advance of ``text`` in font sizes."""
    wide = len(_WIDE.findall(text))
    spaces = text.count(" ")
    return wide + SPACE_WIDTH * spaces + NARROW_WIDTH * (len(text) - wide - spaces)


def _lines(runs: list[_Run]) -> list[PageLine]:
    """Runs on one baseline, left to right, touching and in one font size, as one line each."""
    lines: list[PageLine] = []
    rows = _baseline_rows(runs)
    for row in rows:
        row.sort(key=lambda run: run.x)
        raised = _raised_marks(row[0], rows)
        current: _Run | None = None
        for run, following in zip(row, [*row[1:], None]):
            if following is not None and following.x > run.x:
                run.width = min(run.width, following.x - run.x)  # the estimate never overlaps the next run
            if current is not None and _same_line(current, run) and not any(
                current.x + current.width - 1 <= x <= run.x + 1 for x in raised
            ):
                current = _Run(
                    glued(current.text, run.text, run.x - (current.x + current.width), current.size),
                    current.x, current.baseline, current.size, run.x + run.width - current.x,
                )
            else:
                if current is not None:
                    lines.append(_page_line(current))
                current = run
        if current is not None:
            lines.append(_page_line(current))
    return lines


def _raised_marks(run: _Run, rows: list[list[_Run]]) -> list[float]:
    """Where smaller runs raised above ``run``'s baseline stand (note marks): a line is split there so that
    the mark keeps its place in the text."""
    return [
        other.x
        for row in rows
        for other in row
        if other.size < 0.8 * run.size and 0 < run.baseline - other.baseline < 0.7 * run.size
    ]


def _baseline_rows(runs: list[_Run]) -> list[list[_Run]]:
    rows: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: r.baseline):
        if rows and abs(run.baseline - rows[-1][-1].baseline) <= SAME_BASELINE_EMS * run.size:
            rows[-1].append(run)
        else:
            rows.append([run])
    return rows


def _same_line(current: _Run, run: _Run) -> bool:
    gap = run.x - (current.x + current.width)
    return (
        math.isclose(current.size, run.size, rel_tol=0.1)
        and abs(current.baseline - run.baseline) <= SAME_BASELINE_EMS * run.size
        and gap < CELL_GAP_EMS * run.size
    )


def _page_line(run: _Run) -> PageLine:
    return PageLine(
        run.text, run.x, run.baseline - ASCENT * run.size, run.x + run.width, run.baseline + DESCENT * run.size,
        run.size,
    )


def _undecryptable(name: str) -> LoadError:
    """pypdf decrypts AES only with the ``cryptography`` package; an installation without it lands here."""
    return LoadError("encrypted", f"PDF 文件“{name}”使用了 AES 加密，本程序缺少解密组件（cryptography），无法读取。")

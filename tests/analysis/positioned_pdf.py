"""PDFs drawn with reportlab the way office suites print reports, one layout quirk at a time.

``typeset`` breaks paragraphs into printed lines as an office suite does (a title centred in a larger font,
body paragraphs with a two-character first-line indent, lines broken at the right margin, pages filled to
the bottom margin); ``draw`` prints those pages, with what a test adds: headers and footers, note marks,
footnotes under a short rule, table cells with borders, runs drawn out of order, rotated watermarks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from tests.analysis.fixture_files import WQY_FONT, WQY_FONT_PATH

WIDTH, HEIGHT = A4
LEFT, RIGHT = 80.0, WIDTH - 74.0
TOP, BOTTOM = 100.0, HEIGHT - 90.0
BODY_SIZE, TITLE_SIZE, SMALL_SIZE = 16.0, 22.0, 9.0
PITCH = 28.0  # 28 pt fixed line height, as GB/T 9704 documents are set


@dataclass
class Run:
    """A string drawn at a place: ``y`` is the baseline from the page's top."""

    text: str
    x: float
    y: float
    size: float = BODY_SIZE
    rise: float = 0.0
    angle: float = 0.0
    char_space: float = 0.0  # justification: extra space after each character


@dataclass
class Page:
    runs: list[Run] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, y from top, x1


def font() -> str:
    if WQY_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(WQY_FONT, str(WQY_FONT_PATH), subfontIndex=0))
    return WQY_FONT


def width(text: str, size: float = BODY_SIZE) -> float:
    return pdfmetrics.stringWidth(text, font(), size)


def typeset(
    title: str, paragraphs: list[str], top: float = TOP, bottom: float = BOTTOM, page_break_after: str = ""
) -> list[Page]:
    """The report printed on pages: ``title`` centred over as many lines as it needs, then ``paragraphs``.
    With ``page_break_after``, the line ending with that text is justified to the margin and ends its page."""
    pages = [Page()]
    y = top
    blocks = [(title, TITLE_SIZE, 0.0, True)] if title else []
    for text, size, indent, centred in blocks + [(p, BODY_SIZE, 2 * BODY_SIZE, False) for p in paragraphs]:
        for number, (line, forced) in enumerate(_broken(text, size, indent, page_break_after)):
            if y > bottom:
                pages.append(Page())
                y = top
            x = (LEFT + RIGHT - width(line, size)) / 2 if centred else LEFT + (indent if number == 0 else 0)
            spacing = (RIGHT - x - width(line, size)) / max(len(line) - 1, 1) if forced else 0.0
            pages[-1].runs.append(Run(line, x, y, size, char_space=spacing))
            y = bottom + 1 if forced else y + (PITCH if size == BODY_SIZE else size * 1.5)
    return pages


def _broken(text: str, size: float, indent: float, break_after: str) -> list[tuple[str, bool]]:
    """Printed lines: numbers are not broken, closing punctuation does not start a line."""
    lines: list[tuple[str, bool]] = []
    line = ""
    available = RIGHT - LEFT - indent
    forced_end = text.index(break_after) + len(break_after) if break_after and break_after in text else -1
    position = 0
    for token in re.findall(r"[0-9][0-9.,%]*|.", text):
        if line and width(line + token, size) > available and token[0] not in "，。、；：）”":
            lines.append((line, False))
            line, available = "", RIGHT - LEFT
        line += token
        position += len(token)
        if position == forced_end:
            lines.append((line, True))
            line, available = "", RIGHT - LEFT
    return [*lines, (line, False)] if line else lines


def draw(path: Path, pages: list[Page]) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    name = font()
    for page in pages:
        for rule in page.rules:
            pdf.setLineWidth(0.5)
            pdf.line(rule[0], HEIGHT - rule[1], rule[2], HEIGHT - rule[1])
        for run in page.runs:
            text = pdf.beginText()
            text.setFont(name, run.size)
            if run.angle:
                text.setTextTransform(0.7071, 0.7071, -0.7071, 0.7071, run.x, HEIGHT - run.y)
            else:
                text.setTextOrigin(run.x, HEIGHT - run.y)
            text.setRise(run.rise)
            text.setCharSpace(run.char_space)
            text.textOut(run.text)
            pdf.drawText(text)
        pdf.showPage()
    pdf.save()
    return path


def split_run(run: Run, at: int) -> tuple[Run, Run]:
    """``run`` as two runs, the second starting at character ``at`` where it stood."""
    head, tail = run.text[:at], run.text[at:]
    return Run(head, run.x, run.y, run.size), Run(tail, run.x + width(head, run.size), run.y, run.size)


def find(pages: list[Page], text: str) -> tuple[Page, Run, int]:
    """The page and run where ``text`` is printed, and its offset in the run."""
    for page in pages:
        for run in page.runs:
            if text in run.text:
                return page, run, run.text.index(text)
    raise LookupError(text)

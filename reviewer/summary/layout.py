"""What both sheets share: paragraph styles, ruled tables, running header and "第 x 页 共 y 页" footers."""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import paragraph as reportlab_paragraph

from reviewer.summary.fonts import PdfFonts
from reviewer.summary.markup import literal

RULE_COLOR = colors.black
HEAD_FILL = colors.Color(0.9, 0.9, 0.9)
GROUP_FILL = colors.Color(0.96, 0.96, 0.96)
MUTED = colors.Color(0.45, 0.45, 0.45)
FAIL_COLOR = colors.Color(0.7, 0.0, 0.0)

MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm

_CHINESE_CANNOT_START = "，。、；：！？）》」』】〕…％"
"""Full-width punctuation that must not begin a line (避头点); reportlab's CJK list lacks most of it."""
if not set(_CHINESE_CANNOT_START) <= set(reportlab_paragraph.ALL_CANNOT_START):
    reportlab_paragraph.ALL_CANNOT_START += _CHINESE_CANNOT_START


@dataclass(frozen=True)
class SheetStyles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_muted_center: ParagraphStyle
    cell_group: ParagraphStyle
    cell_aside: ParagraphStyle
    signature: ParagraphStyle


def sheet_styles(fonts: PdfFonts, cell_size: float = 9.5) -> SheetStyles:
    """Styles for ``fonts``; ``<b>`` in trusted markup switches to the heading face (黑体 as bold)."""
    for face in {fonts.body, fonts.heading}:
        addMapping(face, 0, 0, face)
        addMapping(face, 0, 1, face)
        addMapping(face, 1, 0, fonts.heading)
        addMapping(face, 1, 1, fonts.heading)
    def style(name: str, font: str, size: float, leading: float, **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **extra)

    cell_leading = cell_size * 1.4
    return SheetStyles(
        title=style("title", fonts.heading, 18, 26, alignment=TA_CENTER, spaceAfter=4),
        subtitle=style("subtitle", fonts.body, 11.5, 17, alignment=TA_CENTER, spaceAfter=8),
        heading=style("heading", fonts.heading, 12, 18, spaceBefore=10, spaceAfter=5),
        body=style("body", fonts.body, 10.5, 17, alignment=TA_LEFT),
        note=style("note", fonts.body, 8.5, 12, textColor=MUTED, spaceBefore=3),
        cell=style("cell", fonts.body, cell_size, cell_leading),
        cell_center=style("cell_center", fonts.body, cell_size, cell_leading, alignment=TA_CENTER),
        cell_head=style("cell_head", fonts.heading, cell_size, cell_leading, alignment=TA_CENTER),
        cell_muted=style("cell_muted", fonts.body, cell_size, cell_leading, textColor=MUTED),
        cell_muted_center=style(
            "cell_muted_center", fonts.body, cell_size, cell_leading, textColor=MUTED, alignment=TA_CENTER
        ),
        cell_group=style("cell_group", fonts.heading, cell_size, cell_leading),
        cell_aside=style("cell_aside", fonts.body, cell_size - 1.5, (cell_size - 1.5) * 1.4, textColor=MUTED),
        signature=style("signature", fonts.body, 11, 20, spaceBefore=18),
    )


def para(text: str | None, style: ParagraphStyle, color: colors.Color | None = None) -> Paragraph:
    """A paragraph of literal text, optionally in ``color``."""
    markup = literal(text)
    if color is not None:
        markup = f'<font color="{color.hexval()}">{markup}</font>'
    return Paragraph(markup, style)


def paras(text: str | None, style: ParagraphStyle) -> list[Flowable]:
    """Literal text with its line breaks: one paragraph per line, blank lines as space.

    Separate paragraphs rather than ``<br/>``: reportlab leaves an empty line where punctuation hung at
    the end of a full line meets a ``<br/>``.
    """
    flowables: list[Flowable] = []
    for line in (text or "").splitlines():
        flowables.append(para(line, style) if line.strip() else Spacer(1, style.leading))
    return flowables


CELL_PADDING_X = 3.5


def fits_on_lines(text: str, style: ParagraphStyle, width: float) -> bool:
    """Each line of ``text`` fits a column ``width`` wide in ``style``'s font, without wrapping."""
    room = width - 2 * CELL_PADDING_X - 0.5
    return all(stringWidth(line, style.fontName, style.fontSize) <= room for line in text.split("\n"))


def ruled_table(
    rows: Sequence[Sequence[object]],
    col_widths: Sequence[float],
    text_style: ParagraphStyle,
    header_rows: int = 1,
    extra_styles: Sequence[tuple] = (),
) -> LongTable:
    """A table with thin rules, a shaded header repeated on every page, rows never split.

    Plain-string cells are drawn in ``text_style``'s font (far faster than Paragraphs in big tables).
    """
    table = LongTable(list(rows), colWidths=list(col_widths), repeatRows=header_rows, splitByRow=True)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), text_style.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), text_style.fontSize),
        ("LEADING", (0, 0), (-1, -1), text_style.leading),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE_COLOR),
        ("BOX", (0, 0), (-1, -1), 0.9, RULE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL))
    commands.extend(extra_styles)
    table.setStyle(TableStyle(commands))
    return table


class SheetStart(Flowable):
    """Zero-size marker: the pages from here on form one sheet (own running header and page count)."""

    def __init__(self, header_left: str, header_right: str) -> None:
        super().__init__()
        self.header_left = header_left
        self.header_right = header_right

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.sheet_header = (self.header_left, self.header_right)


class _SheetCanvas(Canvas):
    """Holds pages back until the end, then draws each sheet's header and "第 x 页 共 y 页"."""

    def __init__(self, *args, fonts: PdfFonts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._fonts = fonts
        self._held_pages: list[tuple[dict, tuple[str, str]]] = []
        self.sheet_header: tuple[str, str] = ("", "")

    def showPage(self) -> None:
        self._held_pages.append((dict(self.__dict__), self.sheet_header))
        self._startPage()

    def save(self) -> None:
        sheets: list[int] = []
        previous = None
        for _, header in self._held_pages:
            if header is not previous:
                sheets.append(0)
                previous = header
            sheets[-1] += 1
        sheet_index, page_in_sheet = 0, 0
        for state, header in self._held_pages:
            self.__dict__.update(state)
            page_in_sheet += 1
            if page_in_sheet > sheets[sheet_index]:
                sheet_index, page_in_sheet = sheet_index + 1, 1
            self._decorate(header, page_in_sheet, sheets[sheet_index])
            super().showPage()
        super().save()

    def _decorate(self, header: tuple[str, str], page: int, pages: int) -> None:
        width, height = self._pagesize
        top = height - MARGIN_TOP + 9 * mm
        self.saveState()
        self.setFont(self._fonts.body, 8.5)
        self.setFillColor(MUTED)
        self.drawString(MARGIN_X, top, header[0])
        self.drawRightString(width - MARGIN_X, top, header[1])
        self.setStrokeColor(RULE_COLOR)
        self.setLineWidth(0.6)
        self.line(MARGIN_X, top - 2.5 * mm, width - MARGIN_X, top - 2.5 * mm)
        self.setFont(self._fonts.body, 9)
        self.setFillColor(colors.black)
        self.drawCentredString(width / 2, MARGIN_BOTTOM - 9 * mm, f"第 {page} 页 共 {pages} 页")
        self.restoreState()


def render_pdf(
    flowables: list[Flowable],
    out: str | Path | BinaryIO | None,
    pagesize: tuple[float, float],
    title: str,
    fonts: PdfFonts,
) -> bytes:
    """Lay out ``flowables`` and return the PDF bytes; also write them to ``out`` (path or binary file)."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="法治政府建设年度报告审阅助手",
        creator="reviewer",
        initialFontName=fonts.body,
    )

    def make_canvas(*args, **kwargs) -> _SheetCanvas:
        return _SheetCanvas(*args, fonts=fonts, **kwargs)

    document.build(flowables, canvasmaker=make_canvas)
    data = buffer.getvalue()
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(data)
    elif out is not None:
        out.write(data)
    return data

"""Ruled tables of the Word outputs, each row written as one piece of WordprocessingML.

python-docx adds a row, a cell, a paragraph and each of their properties one element at a time, looking up
where each child goes; a 汇总表 of a thousand reports has tens of thousands of cells. So a row is described
(:class:`Cell`, :class:`Line`), written out as XML text and parsed once.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.shared import Mm, RGBColor
from docx.table import Table

from reviewer.outputs.word_style import HEAD_FILL, HEADING_FONT, LATIN_FONT, MUTED, TABLE_STYLE_ID

_W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TWIPS_PER_MM = 1440 / 25.4
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Line:
    """One paragraph of a cell."""

    text: str
    bold: bool = False  # set in 黑体, which stands for bold in official tables
    color: RGBColor | None = None


@dataclass(frozen=True)
class Cell:
    lines: tuple[Line, ...]
    centre: bool = False
    fill: str | None = None  # shading, e.g. "F5F5F5"
    span: int = 1  # grid columns it covers


def cell(text: str, bold: bool = False, centre: bool = False, color: RGBColor | None = None,
         fill: str | None = None, span: int = 1, asides: Sequence[str] = ()) -> Cell:
    """A cell of ``text`` (a paragraph per line), then the ``asides`` in grey, a paragraph each."""
    lines = [Line(part, bold, color) for part in (text.split("\n") if text else [""])]
    lines += [Line(aside, color=MUTED) for aside in asides if aside]
    return Cell(tuple(lines), centre, fill, span)


def ruled_table(document: WordDocument, head: Sequence[str], widths: Sequence[float]) -> Table:
    """A table ruled all round, its columns ``widths`` millimetres wide, with a shaded header row that
    repeats on every page (none when ``head`` is empty)."""
    table: Table = document.add_table(rows=0, cols=len(widths))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = Mm(width)
    if head:
        add_row(table, widths, [cell(text, bold=True, centre=True, fill=HEAD_FILL) for text in head], header=True)
    return table


def add_row(table: Table, widths: Sequence[float], cells: Sequence[Cell], header: bool = False) -> None:
    """A row of ``cells`` (spanning columns as they say), kept on one page; ``header`` repeats it on every
    page the table runs over."""
    parts = [f"<w:tr {_W_NAMESPACE}><w:trPr><w:cantSplit/>", "<w:tblHeader/>" if header else "", "</w:trPr>"]
    column = 0
    for spec in cells:
        width = round(sum(widths[column:column + spec.span]) * _TWIPS_PER_MM)
        column += spec.span
        parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
        if spec.span > 1:
            parts.append(f'<w:gridSpan w:val="{spec.span}"/>')
        if spec.fill:
            parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{spec.fill}"/>')
        parts.append("</w:tcPr>")
        parts.extend(_paragraph(line, spec.centre) for line in spec.lines)
        parts.append("</w:tc>")
    parts.append("</w:tr>")
    table._tbl.append(parse_xml("".join(parts)))


def _paragraph(line: Line, centre: bool) -> str:
    alignment = '<w:jc w:val="center"/>' if centre else ""
    run = ""
    if line.text:
        properties = ""
        if line.bold:
            properties += (f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{HEADING_FONT}"'
                           f' w:cs="{LATIN_FONT}"/>')
        if line.color is not None:
            properties += f'<w:color w:val="{line.color}"/>'
        text = escape(_NOT_IN_XML.sub("", line.text.replace("\t", " ")))
        run = f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="{TABLE_STYLE_ID}"/>{alignment}</w:pPr>{run}</w:p>'

"""Word documents in the style of official documents (GB/T 9704 as far as a review sheet follows it).

A4 with the standard margins; the title centred in 方正小标宋简体 二号, headings in 黑体 三号, body text in
仿宋 三号 on a fixed 28-point line, tables in 宋体 五号; page numbers "— 1 —" centred in the footer. Every
font is set for East-Asian text too (``w:eastAsia``): Word picks the font of Chinese characters from that
attribute alone, so without it Chinese text would show in the template's default face.
"""
from __future__ import annotations

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

TITLE_SIZE = Pt(22)  # 二号
HEADING_SIZE = Pt(16)  # 三号
BODY_SIZE = Pt(16)  # 三号
BODY_LINE = Pt(28)
TABLE_SIZE = Pt(10.5)  # 五号
NOTE_SIZE = Pt(12)  # 小四
FOOTER_SIZE = Pt(14)  # 四号

MUTED = RGBColor(0x73, 0x73, 0x73)
FAIL = RGBColor(0xB3, 0x00, 0x00)
HEAD_FILL = "E6E6E6"
GROUP_FILL = "F5F5F5"

TABLE_STYLE = "表格文字"
TABLE_STYLE_ID = "TableText"
_MARGINS = {"top_margin": Mm(37), "bottom_margin": Mm(35), "left_margin": Mm(28), "right_margin": Mm(26)}


def official_document(landscape: bool = False) -> WordDocument:
    """An empty A4 document with the official styles and page numbers in the footer."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        for name, value in {"top_margin": Mm(26), "bottom_margin": Mm(24), "left_margin": Mm(25),
                            "right_margin": Mm(25)}.items():
            setattr(section, name, value)
    else:
        for name, value in _MARGINS.items():
            setattr(section, name, value)
    normal = document.styles["Normal"]
    set_font(normal.element, BODY_FONT, BODY_SIZE)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = BODY_LINE
    normal.paragraph_format.space_after = Pt(0)
    table_text = document.styles.add_style(TABLE_STYLE, 1)
    assert isinstance(table_text, ParagraphStyle)
    table_text.style_id = TABLE_STYLE_ID
    table_text.base_style = normal
    set_font(table_text.element, TABLE_FONT, TABLE_SIZE)
    table_text.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    table_text.paragraph_format.space_before = table_text.paragraph_format.space_after = Pt(1)
    _page_number_footer(section.footer.paragraphs[0])
    return document


def set_font(element: object, name: str | None, size: Length | None = None, bold: bool | None = None,
             color: RGBColor | None = None) -> None:
    """Font of a run or style element (``w:r`` or ``w:style``), Chinese text included; None keeps the face."""
    properties = element.get_or_add_rPr()  # type: ignore[attr-defined]
    if name is not None:
        fonts = properties.get_or_add_rFonts()
        latin = LATIN_FONT if name != TITLE_FONT else name
        for attribute, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", name), ("w:cs", latin)):
            fonts.set(qn(attribute), value)
    if size is not None:
        properties.get_or_add_sz().val = size
        size_cs = properties.find(qn("w:szCs"))
        if size_cs is None:
            size_cs = OxmlElement("w:szCs")
            properties.append(size_cs)
        size_cs.set(qn("w:val"), str(int(size.pt * 2)))
    if bold is not None:
        properties.get_or_add_b().set(qn("w:val"), "1" if bold else "0")
    if color is not None:
        properties.get_or_add_color().set(qn("w:val"), str(color))


def styled_run(paragraph: Paragraph, text: str, font: str | None = None, size: Length | None = None,
               bold: bool | None = None, color: RGBColor | None = None, italic: bool = False) -> Run:
    """A run in ``font`` (None: the paragraph style's face)."""
    run = paragraph.add_run(text)
    if font is not None or size is not None or bold is not None or color is not None:
        set_font(run._r, font, size, bold, color)
    if italic:
        run.italic = True
    return run


def title(document: WordDocument, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = Pt(36)
    paragraph.paragraph_format.space_after = Pt(6)
    styled_run(paragraph, text, TITLE_FONT, TITLE_SIZE)
    return paragraph


def centred(document: WordDocument, text: str, font: str = "楷体", size: Length = BODY_SIZE) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styled_run(paragraph, text, font, size)
    return paragraph


def heading(document: WordDocument, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.paragraph_format.keep_with_next = True
    styled_run(paragraph, text, HEADING_FONT, HEADING_SIZE)
    return paragraph


def body(document: WordDocument, text: str) -> Paragraph:
    """A body paragraph, first line indented by two characters."""
    paragraph = document.add_paragraph(text)
    paragraph.paragraph_format.first_line_indent = Pt(BODY_SIZE.pt * 2)
    return paragraph


def note(document: WordDocument, text: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(3)
    styled_run(paragraph, text, BODY_FONT, NOTE_SIZE, color=MUTED)
    return paragraph


def _page_number_footer(paragraph: Paragraph) -> None:
    """``— N —`` centred, N the PAGE field (Word and WPS fill it in)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styled_run(paragraph, "— ", TABLE_FONT, FOOTER_SIZE)
    for part in ("begin", "instruction", "separate", "1", "end"):
        run = styled_run(paragraph, "", TABLE_FONT, FOOTER_SIZE)
        if part in ("begin", "separate", "end"):
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), part)
            run._r.append(mark)
        elif part == "instruction":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = " PAGE "
            run._r.append(instruction)
        else:
            run.text = part  # shown until the field is updated
    styled_run(paragraph, " —", TABLE_FONT, FOOTER_SIZE)

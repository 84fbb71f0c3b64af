"""Report files in every supported format, made on the fly for tests (no binary fixtures in the repository).

Each ``make_*`` function writes one file at ``path`` and returns ``path``.
"""
from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from docx import Document
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

CID_FONT = "STSong-Light"
"""reportlab's built-in Chinese font: not embedded, the text layer maps straight to Unicode."""

WQY_FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
WQY_FONT = "WenQuanYiZenHei"
"""An embedded (subset) TrueType font, as office software writes Chinese PDFs."""

PDF_FONT_SIZE = 12
PDF_LEFT = 72
PDF_TOP = A4[1] - 72
PDF_LINE_HEIGHT = 20
PDF_LINES_PER_PAGE = 30

W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---- Word ---------------------------------------------------------------------------------------------

def make_docx(
    path: Path,
    paragraphs: list[str],
    table_rows: list[list[str]] | None = None,
    table_after: int | None = None,
) -> Path:
    """A .docx written by python-docx: ``paragraphs``, with a table of ``table_rows`` after paragraph number
    ``table_after`` (1-based; at the end when None)."""
    document = Document()
    position = len(paragraphs) if table_after is None else table_after
    for text in paragraphs[:position]:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=max(len(row) for row in table_rows))
        for row, values in zip(table.rows, table_rows):
            for cell, value in zip(row.cells, values):
                cell.text = value
    for text in paragraphs[position:]:
        document.add_paragraph(text)
    document.save(path)
    return path


def make_docx_from_xml(
    path: Path, body_xml: str, numbering_xml: str | None = None, styles_xml: str | None = None,
    footnotes_xml: str | None = None, endnotes_xml: str | None = None,
) -> Path:
    """A minimal .docx around hand-written WordprocessingML: ``body_xml`` is the inside of ``<w:body>``;
    ``numbering_xml`` / ``styles_xml`` / ``footnotes_xml`` / ``endnotes_xml`` the inside of ``<w:numbering>`` /
    ``<w:styles>`` / ``<w:footnotes>`` / ``<w:endnotes>`` (prefix ``w:``; ``wp``, ``a``, ``wps`` and ``mc``
    are declared for drawings)."""
    parts = {"word/document.xml": _w_part("document", f"<w:body>{body_xml}</w:body>")}
    relations = []
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>']
    for name, inner in (("numbering", numbering_xml), ("styles", styles_xml), ("footnotes", footnotes_xml),
                        ("endnotes", endnotes_xml)):
        if inner is None:
            continue
        parts[f"word/{name}.xml"] = _w_part(name, inner)
        relations.append(f'<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/'
                         f'2006/relationships/{name}" Target="{name}.xml"/>')
        overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-'
                         f'officedocument.wordprocessingml.{name}+xml"/>')
    parts["word/_rels/document.xml.rels"] = _relationships("".join(relations))
    parts["_rels/.rels"] = _relationships(
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/>'
    )
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides) + "</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return path


DRAWING_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _w_part(root: str, inner: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:{root} xmlns:w="{W_NAMESPACE}" {DRAWING_NAMESPACES}>{inner}</w:{root}>')


def _relationships(inner: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships">{inner}</Relationships>')


# ---- Office compound files (OLE) ----------------------------------------------------------------------

_SECTOR = 512
_END_OF_CHAIN = 0xFFFFFFFE
_FAT_SECTOR = 0xFFFFFFFD
_FREE = 0xFFFFFFFF
_MINI_STREAM_CUTOFF = 4096


def make_compound_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A valid version-3 compound file (what Office writes for .doc and for password-protected .docx) holding
    up to three top-level streams. Streams are padded to the 4096-byte cutoff so none needs the mini stream."""
    if len(streams) > 3:
        raise ValueError("one directory sector holds the root and three streams")
    padded = {name: data.ljust(_MINI_STREAM_CUTOFF, b"\0") for name, data in streams.items()}
    fat = [_FAT_SECTOR, _END_OF_CHAIN]  # sector 0: the FAT, sector 1: the directory
    entries = [_directory_entry("Root Entry", 5, child=1 if streams else _FREE, start=_END_OF_CHAIN, size=0)]
    content = b""
    for index, (name, data) in enumerate(padded.items(), start=1):
        start = len(fat)
        sectors = -(-len(data) // _SECTOR)
        fat.extend(range(start + 1, start + sectors))
        fat.append(_END_OF_CHAIN)
        right = index + 1 if index < len(padded) else _FREE
        entries.append(_directory_entry(name, 2, right=right, start=start, size=len(streams[name])))
        content += data.ljust(sectors * _SECTOR, b"\0")
    if len(fat) > _SECTOR // 4:
        raise ValueError("streams too long for one FAT sector")
    fat_sector = struct.pack(f"<{_SECTOR // 4}I", *fat, *[_FREE] * (_SECTOR // 4 - len(fat)))
    directory = b"".join(entries).ljust(_SECTOR, b"\0")
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, _MINI_STREAM_CUTOFF, _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
        + struct.pack("<109I", 0, *[_FREE] * 108)
    )
    path.write_bytes(header + fat_sector + directory + content)
    return path


def _directory_entry(name: str, kind: int, *, child: int = _FREE, right: int = _FREE, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _FREE, right, child) + b"\0" * 16 + struct.pack("<IQQIQ", 0, 0, 0, start, size))


def make_encrypted_docx(path: Path) -> Path:
    """What Word writes for a .docx with an open password: a compound file with EncryptionInfo and
    EncryptedPackage streams (the contents here are stand-ins; only the structure matters to the loader)."""
    return make_compound_file(path, {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                     "EncryptedPackage": bytes(range(256)) * 8})


def make_legacy_doc(path: Path) -> Path:
    """The structure of a Word 97–2003 .doc: a compound file with WordDocument and 1Table streams."""
    return make_compound_file(path, {"WordDocument": b"\xec\xa5\xc1\x00", "1Table": b"\x00" * 16})


# ---- PDF ----------------------------------------------------------------------------------------------

def make_pdf(
    path: Path,
    lines: list[str],
    *,
    embed_font: bool = False,
    lines_per_page: int = PDF_LINES_PER_PAGE,
    page_numbers: bool = False,
    glyph_by_glyph: bool = False,
) -> Path:
    """A PDF with a text layer: ``lines`` drawn one per printed line, top to bottom, ``lines_per_page`` a page.

    ``embed_font`` uses the embedded WenQuanYi TrueType font instead of the built-in CID font;
    ``page_numbers`` prints "- N -" centred at the foot of each page; ``glyph_by_glyph`` writes every glyph
    as its own string with a kerning gap, as justified office output does (pypdf then extracts spaces)."""
    font = _register_font(embed_font)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page_number, start in enumerate(range(0, max(len(lines), 1), lines_per_page), start=1):
        pdf.setFont(font, PDF_FONT_SIZE)
        y = PDF_TOP
        for line in lines[start:start + lines_per_page]:
            if glyph_by_glyph:
                _draw_glyph_by_glyph(pdf, font, line, y)
            else:
                pdf.drawString(PDF_LEFT, y, line)
            y -= PDF_LINE_HEIGHT
        if page_numbers:
            pdf.drawCentredString(A4[0] / 2, 40, f"- {page_number} -")
        pdf.showPage()
    pdf.save()
    return path


def _register_font(embed_font: bool) -> str:
    if embed_font:
        if WQY_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(WQY_FONT, str(WQY_FONT_PATH), subfontIndex=0))
        return WQY_FONT
    if CID_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


def _draw_glyph_by_glyph(pdf: canvas.Canvas, font: str, line: str, y: float) -> None:
    if font != CID_FONT:
        raise ValueError("glyph-by-glyph drawing is written for the CID font's UCS-2 encoding")
    strings = " -400 ".join("<" + ch.encode("utf-16-be").hex() + ">" for ch in line)
    internal_name = pdf._doc.getInternalFontName(font)
    pdf._code.append(f"BT {internal_name} {PDF_FONT_SIZE} Tf {PDF_LEFT} {y} Td [{strings}] TJ ET")


def make_image_only_pdf(path: Path, pages: int = 1) -> Path:
    """A scanned-looking PDF: each page one picture of text-like strokes, no text layer at all."""
    picture = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(40, 760, 30):
        draw.rectangle((40, row, 560, row + 12), fill=0)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 36, 36, width=A4[0] - 72, height=A4[1] - 72)
        pdf.showPage()
    pdf.save()
    return path


def encrypt_pdf(path: Path, user_password: str, owner_password: str = "owner", algorithm: str = "RC4-128") -> Path:
    """Rewrite the PDF at ``path`` encrypted with pypdf; an empty ``user_password`` opens without a prompt."""
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.encrypt(user_password, owner_password, algorithm=algorithm)
    with path.open("wb") as out:
        writer.write(out)
    return path

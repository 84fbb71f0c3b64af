"""Word reports (.docx): body paragraphs and tables in document order, read straight from the package XML.

zipfile + ElementTree rather than python-docx, because the text must follow what Word shows: tracked
insertions kept and deletions dropped, runs inside content controls, hyperlinks and fields included, hidden
text left out, merged table cells counted once, and automatic list numbers ("一、", "（二）") written out —
python-docx's ``Paragraph.text`` and ``Row.cells`` do none of these.

Shape of the text: one line per paragraph (empty paragraphs dropped, a manual line break starts a new line);
a table row is one line with its cells separated by a tab; a one-column table (a frame around text) gives its
paragraphs as ordinary lines. Headers, footers, footnotes, comments and text boxes are left out.
"""
from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Iterator

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.docx_numbering import ListNumbering
from reviewer.analysis.loaders.outcome import checked_text, file_label
from reviewer.analysis.model import LoadedDocument

MAX_PART_BYTES = 100 * 1024 * 1024
"""Largest unpacked XML part read; a real report's document.xml is well under 10 MB."""

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_FALSE_VALUES = frozenset({"0", "false", "off"})
_PRIVATE_USE = range(0xE000, 0xF900)

_DAMAGE = (zipfile.BadZipFile, zlib.error, ET.ParseError, EOFError, KeyError, ValueError, NotImplementedError,
           RuntimeError)


def load_docx(data: bytes, source: str) -> LoadedDocument:
    name = file_label(source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            document, styles, numbering = _read_parts(package, name)
    except _DAMAGE:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏，无法打开。") from None
    w = _namespace(document)
    body = document.find(f"{w}body")
    if body is None:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏：找不到正文。")
    try:
        lines = _BodyText(w, ListNumbering(numbering, styles, w)).lines(body)
    except RecursionError:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏：内容嵌套过深。") from None
    text = "\n".join(line for line in lines if line.strip())
    return LoadedDocument(source=source, format="docx", encoding=None, raw_text=checked_text(text, source))


def package_member_names(data: bytes) -> list[str] | None:
    """The member names of a zip package, or None when its directory cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return package.namelist()
    except _DAMAGE:
        return None


def is_word_package(names: list[str]) -> bool:
    """True for the member names of a Word package (as opposed to Excel, PowerPoint or a plain archive)."""
    return "word/document.xml" in names or (
        "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
    )


def _read_parts(package: zipfile.ZipFile, name: str) -> tuple[ET.Element, ET.Element | None, ET.Element | None]:
    names = set(package.namelist())
    main_path = _main_document_path(package, names, name)
    if main_path not in names:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏：缺少正文部分（word/document.xml）。")
    document = _parse(package, main_path, name)
    related = _related_parts(package, main_path, names, name)
    styles = _parse(package, related["styles"], name) if "styles" in related else None
    numbering = _parse(package, related["numbering"], name) if "numbering" in related else None
    return document, styles, numbering


def _main_document_path(package: zipfile.ZipFile, names: set[str], name: str) -> str:
    if "_rels/.rels" in names:
        for relation in _parse(package, "_rels/.rels", name).iter(_RELATIONSHIPS):
            if relation.get("Type", "").endswith("/officeDocument"):
                return relation.get("Target", "").lstrip("/")
    return "word/document.xml"


def _related_parts(package: zipfile.ZipFile, main_path: str, names: set[str], name: str) -> dict[str, str]:
    folder, file_name = posixpath.split(main_path)
    rels_path = posixpath.join(folder, "_rels", file_name + ".rels")
    parts: dict[str, str] = {}
    if rels_path not in names:
        return parts
    for relation in _parse(package, rels_path, name).iter(_RELATIONSHIPS):
        kind = relation.get("Type", "").rsplit("/", 1)[-1]
        if kind in ("styles", "numbering") and relation.get("TargetMode") != "External":
            target = relation.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if path in names:
                parts[kind] = path
    return parts


def _parse(package: zipfile.ZipFile, path: str, name: str) -> ET.Element:
    with package.open(path) as member:
        content = member.read(MAX_PART_BYTES + 1)
    if len(content) > MAX_PART_BYTES:
        raise LoadError(
            "too_large", f"Word 文档“{name}”解压后超过 {MAX_PART_BYTES // (1024 * 1024)} MB，超出了可处理的上限。"
        )
    return ET.fromstring(content)


def _namespace(root: ET.Element) -> str:
    """The WordprocessingML namespace as ``{uri}``: transitional or strict, whichever the file uses."""
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


class _BodyText:
    def __init__(self, w: str, numbering: ListNumbering) -> None:
        self.w = w
        self.numbering = numbering
        self.paragraph = f"{w}p"
        self.table = f"{w}tbl"
        self.row = f"{w}tr"
        self.cell = f"{w}tc"
        self.run = f"{w}r"
        self.flattened = {f"{w}sdt", f"{w}sdtContent", f"{w}customXml", f"{w}ins", f"{w}moveTo", f"{w}smartTag"}
        self.skipped = {f"{w}del", f"{w}moveFrom", f"{w}sdtPr", f"{w}sdtEndPr", f"{w}pPr", f"{w}rPr",
                        f"{w}rt", f"{_MARKUP_COMPATIBILITY}AlternateContent", f"{w}drawing", f"{w}pict",
                        f"{w}object"}

    def lines(self, container: ET.Element) -> list[str]:
        lines: list[str] = []
        for block in self._content(container, (self.paragraph, self.table)):
            if block.tag == self.paragraph:
                lines.extend(self._paragraph_text(block).split("\n"))
            else:
                lines.extend(self._table_lines(block))
        return lines

    def _content(self, container: ET.Element, wanted: tuple[str, ...]) -> Iterator[ET.Element]:
        """Children with a wanted tag, looking through content controls, custom XML and revision marks."""
        for child in container:
            if child.tag in wanted:
                yield child
            elif child.tag in self.flattened:
                yield from self._content(child, wanted)

    def _table_lines(self, table: ET.Element) -> list[str]:
        rows = [list(self._content(row, (self.cell,))) for row in self._content(table, (self.row,))]
        if all(len(cells) <= 1 for cells in rows):
            return [line for cells in rows for cell in cells for line in self.lines(cell)]
        return ["\t".join(self._cell_text(cell) for cell in cells) for cells in rows]

    def _cell_text(self, cell: ET.Element) -> str:
        return " ".join(line.strip() for line in self.lines(cell) if line.strip()).replace("\t", " ")

    def _paragraph_text(self, paragraph: ET.Element) -> str:
        parts = [self.numbering.label(paragraph)]
        self._inline(paragraph, parts)
        return "".join(parts)

    def _inline(self, element: ET.Element, parts: list[str]) -> None:
        for child in element:
            if child.tag == self.run:
                self._run(child, parts)
            elif child.tag == f"{_MATH}t":
                parts.append(child.text or "")
            elif child.tag not in self.skipped:
                self._inline(child, parts)

    def _run(self, run: ET.Element, parts: list[str]) -> None:
        w = self.w
        properties = run.find(f"{w}rPr")
        if properties is not None and _is_on(properties.find(f"{w}vanish"), w):
            return
        for child in run:
            tag = child.tag
            if tag == f"{w}t":
                parts.append(child.text or "")
            elif tag in (f"{w}tab", f"{w}ptab"):
                parts.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                parts.append("\n")
            elif tag == f"{w}noBreakHyphen":
                parts.append("-")
            elif tag == f"{w}sym":
                parts.append(_symbol(child.get(f"{w}char", "")))
            elif tag == f"{w}ruby":
                base = child.find(f"{w}rubyBase")
                if base is not None:
                    self._inline(base, parts)


def _is_on(toggle: ET.Element | None, w: str) -> bool:
    return toggle is not None and toggle.get(f"{w}val", "true").lower() not in _FALSE_VALUES


def _symbol(code: str) -> str:
    """A ``w:sym`` character; symbol-font code points (private use area) have no text meaning and are dropped."""
    try:
        point = int(code, 16)
    except ValueError:
        return ""
    return "" if point in _PRIVATE_USE or point < 0x20 else chr(point)

"""Word reports (.docx): body paragraphs and tables in document order, read straight from the package XML.

zipfile + ElementTree rather than python-docx, because the text must follow what Word shows: tracked
insertions kept and deletions dropped, runs inside content controls, hyperlinks and fields included, hidden
text left out, merged table cells counted once, and automatic list numbers ("一、", "（二）") written out —
python-docx's ``Paragraph.text`` and ``Row.cells`` do none of these. ``docx_body`` describes the shape of the
text. Headers, footers and comments are left out; footnotes, endnotes and text boxes become
:class:`RawNote` records, table number cells :class:`TableCell` records, unaccepted revisions
``revision_offsets``. :func:`read_docx` also gives the :class:`DocxTextMap` from raw-text offsets back to
the runs of ``word/document.xml``.
"""
from __future__ import annotations

import bisect
import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.docx_body import BodyReader, Line, Mark, Segment, body_paragraphs
from reviewer.analysis.loaders.docx_numbering import ListNumbering
from reviewer.analysis.loaders.docx_package import PackageReader
from reviewer.analysis.loaders.outcome import checked_text, file_label
from reviewer.analysis.model import LoadedDocument, RawNote, TableCell

_DAMAGE = (zipfile.BadZipFile, zlib.error, ET.ParseError, EOFError, KeyError, ValueError, NotImplementedError,
           RuntimeError)
_RELATED = frozenset({"styles", "numbering", "footnotes", "endnotes"})
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass(frozen=True)
class RunPosition:
    """Where a raw-text character was read: paragraph number (``docx_body.body_paragraphs`` of
    ``word/document.xml``), run number in it (``docx_body.paragraph_runs``), offset in the run's text (its
    ``w:t`` texts joined, a tab or a line break counting one)."""

    paragraph: int
    run: int
    offset: int


@dataclass
class DocxTextMap:
    """From raw-text offsets back to the runs they were read from."""

    segments: list[Segment]  # ``start`` is a raw-text offset; sorted, not overlapping

    def locate(self, offset: int) -> RunPosition | None:
        """The run position of the character at ``offset``; None for characters no run holds (line breaks
        between paragraphs, tabs between table cells, automatic list numbers)."""
        index = bisect.bisect_right([segment.start for segment in self.segments], offset) - 1
        if index < 0:
            return None
        segment = self.segments[index]
        if offset >= segment.start + segment.length:
            return None
        return RunPosition(segment.paragraph, segment.run, segment.run_offset + offset - segment.start)


@dataclass
class DocxReading:
    document: LoadedDocument
    text_map: DocxTextMap


def load_docx(data: bytes, source: str) -> LoadedDocument:
    return read_docx(data, source).document


def read_docx(data: bytes, source: str) -> DocxReading:
    """The report in a .docx and the map from its raw text back to the runs. Raises :class:`LoadError`."""
    name = file_label(source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = _read_parts(PackageReader(package, name), name)
    except _DAMAGE:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏，无法打开。") from None
    document = parts["document"]
    w = _namespace(document)
    body = document.find(f"{w}body")
    if body is None:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏：找不到正文。")
    numbering = ListNumbering(parts.get("numbering"), parts.get("styles"), w)
    reader = BodyReader(w, numbering, {p: i for i, p in enumerate(body_paragraphs(document, w))})
    try:
        lines = reader.lines(body)
        notes: dict[str, dict[str, str]] = {kind: _note_texts(parts[kind], w, numbering) for kind in ("footnotes", "endnotes") if kind in parts}
    except RecursionError:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏：内容嵌套过深。") from None
    assembled = _assemble(lines)
    loaded = LoadedDocument(
        source=source, format="docx", encoding=None, raw_text=checked_text(assembled.text, source),
        notes=_raw_notes(assembled.marks, notes, reader.textboxes),
        table_cells=[TableCell(start, end, meaning.row_label, meaning.column_header, meaning.unit)
                     for start, end, meaning in assembled.cells],
        revision_offsets=sorted({offset for offset, mark in assembled.marks if mark.kind == "revision"}),
    )
    return DocxReading(loaded, DocxTextMap(assembled.segments))


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


def _read_parts(reader: PackageReader, name: str) -> dict[str, ET.Element]:
    main_path = reader.main_document_path()
    if main_path not in reader.names:
        raise LoadError("damaged", f"Word 文档“{name}”已损坏：缺少正文部分（word/document.xml）。")
    parts = {"document": reader.parse(main_path)}
    for kind, path in reader.related_parts(main_path, _RELATED).items():
        parts[kind] = reader.parse(path)
    return parts


def _namespace(root: ET.Element) -> str:
    """The WordprocessingML namespace as ``{uri}``: transitional or strict, whichever the file uses."""
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def _joined(lines: list[Line]) -> str:
    return "\n".join(text for text in (line.text.strip() for line in lines) if text)


def _note_texts(part: ET.Element, w: str, numbering: ListNumbering) -> dict[str, str]:
    """Footnote or endnote id → its text, separators left out."""
    reader = BodyReader(w, numbering, {})
    texts: dict[str, str] = {}
    for note in part:
        if note.get(f"{w}type") in _NOTE_SEPARATORS:
            continue
        text = _joined(reader.lines(note))
        if text:
            texts[note.get(f"{w}id", "")] = text
    return texts


def _raw_notes(marks: list[tuple[int, Mark]], notes: dict[str, dict[str, str]],
               textboxes: list[list[Line]]) -> list[RawNote]:
    """The notes in the order their marks stand in the text; notes no mark refers to come last."""
    result: list[RawNote] = []
    referenced: set[tuple[str, str]] = set()
    for offset, mark in marks:
        if mark.kind == "textbox":
            box_text = _joined(textboxes[int(mark.key)])
            if box_text:
                result.append(RawNote("textbox", box_text, offset))
        elif mark.kind in ("footnote", "endnote") and (mark.kind, mark.key) not in referenced:
            note_text = notes.get(mark.kind + "s", {}).get(mark.key)
            if note_text is not None:
                referenced.add((mark.kind, mark.key))
                result.append(RawNote(mark.kind, note_text, offset))
    for part_kind, texts in notes.items():
        kind = part_kind[:-1]
        result.extend(RawNote(kind, text) for key, text in texts.items() if (kind, key) not in referenced)
    return result


def _assemble(lines: list[Line]) -> Line:
    """The non-blank lines joined by line breaks; marks of blank lines stay where those lines were."""
    assembled = Line()
    parts: list[str] = []
    position = 0
    for line in lines:
        if not line.text.strip():
            assembled.marks.extend((position, mark) for _, mark in line.marks)
            continue
        if parts:
            parts.append("\n")
            position += 1
        parts.append(line.text)
        assembled.segments.extend(Segment(s.start + position, s.length, s.paragraph, s.run, s.run_offset)
                                  for s in line.segments)
        assembled.cells.extend((start + position, end + position, meaning) for start, end, meaning in line.cells)
        assembled.marks.extend((offset + position, mark) for offset, mark in line.marks)
        position += len(line.text)
    assembled.text = "".join(parts)
    assembled.marks.sort(key=lambda item: item[0])
    return assembled

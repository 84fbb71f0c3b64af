"""The text of a Word body as Word shows it, with where every character came from.

Shape of the text: one line per paragraph (empty paragraphs dropped, a manual line break starts a new line);
a table row is one line with its cells separated by a tab; a one-column table (a frame around text) gives its
paragraphs as ordinary lines. Tracked insertions are kept and deletions dropped (the accepted view), and
where a revision stands is marked; text boxes are read apart from the body, footnote and endnote references
are marked where they stand.

Each line keeps :class:`Segment` records from its characters back to the run they were read from, so that
raw-text offsets can be turned into (paragraph, run, offset in the run) — see :func:`body_paragraphs` and
:func:`paragraph_runs` for how paragraphs and runs are numbered.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

from reviewer.analysis.loaders.docx_numbering import ListNumbering
from reviewer.analysis.loaders.docx_tables import CellMeaning, GridCell, describe_table

MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_FALSE_VALUES = frozenset({"0", "false", "off"})
_PRIVATE_USE = range(0xE000, 0xF900)


@dataclass
class Segment:
    """``length`` characters from ``start`` of a line (or of the raw text) read from one run, from ``run_offset``."""

    start: int
    length: int
    paragraph: int
    run: int
    run_offset: int


@dataclass(frozen=True)
class Mark:
    """Something that stands at a point of the text: a note reference, a text box, a revision."""

    kind: str  # "footnote" | "endnote" | "textbox" | "revision"
    key: str = ""  # the note's id, or the text box's index in BodyReader.textboxes


@dataclass
class Line:
    """One line of raw text being built, with its segments, table cells and marks (offsets into ``text``)."""

    text: str = ""
    segments: list[Segment] = field(default_factory=list)
    cells: list[tuple[int, int, CellMeaning]] = field(default_factory=list)
    marks: list[tuple[int, Mark]] = field(default_factory=list)

    def add(self, text: str, origin: tuple[int, int, int] | None = None) -> None:
        """Append ``text``; ``origin`` is (paragraph, run, offset in run) of its first character."""
        if not text:
            return
        if origin is not None:
            paragraph, run, run_offset = origin
            last = self.segments[-1] if self.segments else None
            if (last is not None and (last.paragraph, last.run) == (paragraph, run)
                    and last.start + last.length == len(self.text) and last.run_offset + last.length == run_offset):
                last.length += len(text)
            else:
                self.segments.append(Segment(len(self.text), len(text), paragraph, run, run_offset))
        self.text += text

    def mark(self, mark: Mark) -> None:
        self.marks.append((len(self.text), mark))

    def extend(self, other: Line) -> None:
        shift = len(self.text)
        self.text += other.text
        self.segments.extend(Segment(s.start + shift, s.length, s.paragraph, s.run, s.run_offset)
                             for s in other.segments)
        self.cells.extend((start + shift, end + shift, meaning) for start, end, meaning in other.cells)
        self.marks.extend((offset + shift, mark) for offset, mark in other.marks)

    def stripped(self) -> Line:
        """The line without leading and trailing whitespace; marks outside are kept at its ends."""
        low = len(self.text) - len(self.text.lstrip())
        high = max(len(self.text.rstrip()), low)
        line = Line(self.text[low:high])
        for segment in self.segments:
            start, end = max(segment.start, low), min(segment.start + segment.length, high)
            if end > start:
                line.segments.append(Segment(start - low, end - start, segment.paragraph, segment.run,
                                             segment.run_offset + start - segment.start))
        line.marks = [(min(max(offset, low), high) - low, mark) for offset, mark in self.marks]
        return line


def body_paragraphs(root: ET.Element, w: str) -> list[ET.Element]:
    """Every paragraph of a part in document order — table cells and text boxes included — as numbered in
    :class:`RunPosition` (``paragraph``)."""
    return list(root.iter(f"{w}p"))


def paragraph_runs(paragraph: ET.Element, w: str) -> list[ET.Element]:
    """The runs of one paragraph in document order, numbered as in :class:`RunPosition` (``run``): runs inside
    hyperlinks, fields, content controls and revision marks count; runs of paragraphs nested in it (text
    boxes) and of a ruby's base text do not."""
    runs: list[ET.Element] = []
    stack = list(reversed(list(paragraph)))
    while stack:
        element = stack.pop()
        if element.tag == f"{w}r":
            runs.append(element)
        elif element.tag != f"{w}p":
            stack.extend(reversed(list(element)))
    return runs


class BodyReader:
    """Reads the blocks of one part (body, footnote, text box) into :class:`Line` objects."""

    def __init__(self, w: str, numbering: ListNumbering, paragraph_numbers: dict[ET.Element, int]) -> None:
        self.w = w
        self.numbering = numbering
        self.paragraph_numbers = paragraph_numbers
        self.textboxes: list[list[Line]] = []
        self.paragraph = f"{w}p"
        self.table = f"{w}tbl"
        self.row = f"{w}tr"
        self.cell = f"{w}tc"
        self.run = f"{w}r"
        self.flattened = {f"{w}sdt", f"{w}sdtContent", f"{w}customXml", f"{w}ins", f"{w}moveTo", f"{w}smartTag"}
        self.revisions = {f"{w}ins", f"{w}del", f"{w}moveTo", f"{w}moveFrom"}
        self.dropped = {f"{w}del", f"{w}moveFrom"}
        self.skipped = {f"{w}sdtPr", f"{w}sdtEndPr", f"{w}pPr", f"{w}rPr", f"{w}rt"}
        self.drawings = {f"{MARKUP_COMPATIBILITY}AlternateContent", f"{w}drawing", f"{w}pict", f"{w}object"}
        self.textbox_content = f"{w}txbxContent"

    def lines(self, container: ET.Element) -> list[Line]:
        lines: list[Line] = []
        previous_text = ""
        for block in self._content(container, (self.paragraph, self.table)):
            if block.tag == self.paragraph:
                paragraph_lines = self._paragraph_lines(block)
                lines.extend(paragraph_lines)
                previous_text = "".join(line.text for line in paragraph_lines) or previous_text
            else:
                lines.extend(self._table_lines(block, previous_text))
                previous_text = ""
        return lines

    def _content(self, container: ET.Element, wanted: tuple[str, ...]) -> Iterator[ET.Element]:
        """Children with a wanted tag, looking through content controls, custom XML and revision marks."""
        for child in container:
            if child.tag in wanted:
                yield child
            elif child.tag in self.flattened:
                yield from self._content(child, wanted)

    def _table_lines(self, table: ET.Element, caption: str) -> list[Line]:
        rows = [list(self._content(row, (self.cell,))) for row in self._content(table, (self.row,))]
        if all(len(cells) <= 1 for cells in rows):
            return [line for cells in rows for cell in cells for line in self.lines(cell)]
        texts = [[self._cell_line(cell) for cell in cells] for cells in rows]
        grid = [self._grid_cells(row, [line.text for line in lines]) for row, lines in zip(
            self._content(table, (self.row,)), texts)]
        meanings = describe_table(grid, caption)
        lines: list[Line] = []
        for cell_lines, cell_meanings in zip(texts, meanings):
            line = Line()
            for index, (cell_line, meaning) in enumerate(zip(cell_lines, cell_meanings)):
                if index:
                    line.add("\t")
                start = len(line.text)
                line.extend(cell_line)
                if meaning is not None:
                    line.cells.append((start, len(line.text), meaning))
            lines.append(line)
        return lines

    def _grid_cells(self, row: ET.Element, texts: list[str]) -> list[GridCell]:
        w = self.w
        column = _int_value(row.find(f"{w}trPr/{w}gridBefore"), w, 0)
        cells: list[GridCell] = []
        for cell, text in zip(self._content(row, (self.cell,)), texts):
            span = max(_int_value(cell.find(f"{w}tcPr/{w}gridSpan"), w, 1), 1)
            cells.append(GridCell(text, column, span))
            column += span
        return cells

    def _cell_line(self, cell: ET.Element) -> Line:
        line = Line()
        for part in self.lines(cell):
            stripped = part.stripped()
            if not stripped.text:
                line.marks.extend((len(line.text), mark) for _, mark in stripped.marks)
                continue
            if line.text:
                line.add(" ")
            line.extend(stripped)
        line.text = line.text.replace("\t", " ")
        return line

    def _paragraph_lines(self, paragraph: ET.Element) -> list[Line]:
        lines = [Line()]
        properties = paragraph.find(f"{self.w}pPr/{self.w}rPr")
        if properties is not None and any(child.tag in self.revisions for child in properties):
            lines[0].mark(Mark("revision"))
        lines[0].add(self.numbering.label(paragraph))
        runs = {run: index for index, run in enumerate(paragraph_runs(paragraph, self.w))}
        self._inline(paragraph, lines, self.paragraph_numbers.get(paragraph, -1), runs)
        return lines

    def _inline(self, element: ET.Element, lines: list[Line], number: int, runs: dict[ET.Element, int]) -> None:
        for child in element:
            if child.tag == self.run:
                self._run(child, lines, number, runs.get(child, -1))
            elif child.tag == f"{_MATH}t":
                lines[-1].add(child.text or "")
            elif child.tag in self.revisions:
                lines[-1].mark(Mark("revision"))
                if child.tag not in self.dropped:
                    self._inline(child, lines, number, runs)
            elif child.tag in self.drawings:
                self._textboxes(child, lines[-1])
            elif child.tag not in self.skipped:
                self._inline(child, lines, number, runs)

    def _run(self, run: ET.Element, lines: list[Line], paragraph: int, run_number: int) -> None:
        w = self.w
        properties = run.find(f"{w}rPr")
        if properties is not None and _is_on(properties.find(f"{w}vanish"), w):
            return
        offset = 0
        for child in run:
            tag = child.tag
            text = run_child_text(child, w)
            if tag in (f"{w}br", f"{w}cr"):
                lines.append(Line())
            elif text:
                lines[-1].add(text, (paragraph, run_number, offset))
            elif tag in (f"{w}footnoteReference", f"{w}endnoteReference"):
                kind = "footnote" if tag == f"{w}footnoteReference" else "endnote"
                lines[-1].mark(Mark(kind, child.get(f"{w}id", "")))
            elif tag in self.drawings:
                self._textboxes(child, lines[-1])
            offset += len(text)

    def _textboxes(self, drawing: ET.Element, line: Line) -> None:
        """Read the text boxes inside a drawing as their own lines and mark where they stand. Of an
        AlternateContent, only the first choice that holds text boxes is read (the others repeat it)."""
        if drawing.tag == f"{MARKUP_COMPATIBILITY}AlternateContent":
            for choice in drawing:
                if choice.find(f".//{self.textbox_content}") is not None:
                    self._textboxes(choice, line)
                    return
            return
        for content in drawing.iter(self.textbox_content):
            box_lines = self.lines(content)
            if any(box.text.strip() for box in box_lines):
                line.mark(Mark("textbox", str(len(self.textboxes))))
                self.textboxes.append(box_lines)


def run_child_text(child: ET.Element, w: str) -> str:
    """The text one child of a run gives, as :class:`RunPosition` offsets count it: a ``w:t``'s text, a tab,
    ``-`` for a non-breaking hyphen, a symbol's character, a ruby's base text; a line break counts as one
    character ("\n", which starts a new line of the raw text); anything else (marks, drawings, fields) none."""
    tag = child.tag
    if tag == f"{w}t":
        return child.text or ""
    if tag in (f"{w}tab", f"{w}ptab"):
        return "\t"
    if tag in (f"{w}br", f"{w}cr"):
        return "\n"
    if tag == f"{w}noBreakHyphen":
        return "-"
    if tag == f"{w}sym":
        return _symbol(child.get(f"{w}char", ""))
    if tag == f"{w}ruby":
        base = child.find(f"{w}rubyBase")
        return "" if base is None else "".join(t.text or "" for t in base.iter(f"{w}t"))
    return ""


def _int_value(element: ET.Element | None, w: str, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(f"{w}val", default))
    except ValueError:
        return default


def _is_on(toggle: ET.Element | None, w: str) -> bool:
    return toggle is not None and toggle.get(f"{w}val", "true").lower() not in _FALSE_VALUES


def _symbol(code: str) -> str:
    """A ``w:sym`` character; symbol-font code points (private use area) have no text meaning and are dropped."""
    try:
        point = int(code, 16)
    except ValueError:
        return ""
    return "" if point in _PRIVATE_USE or point < 0x20 else chr(point)

"""Pages of positioned lines put back into the text the author wrote, as Word shows it.

``restore_pages`` is the one restoration for every source of positioned lines: the text layer of an
exported PDF (``pdf.py``) and the lines a text recognizer finds on a scan. It takes each page's lines
(:class:`PageLine`: text, box in points from the page's top-left, font size or 0) and

1. groups the lines standing on the same printed row (a recognizer's words, a PDF's runs of one font) and
   orders them left to right, so quote marks drawn after the words come back in reading order; a small
   raised number inside a row (``批次¹``) is a note mark, taken out of the text and kept as an anchor;
2. drops the revision balloons of a document printed with its tracked changes shown (``page_markup``) and
   the running headers, footers and page numbers (``page_furniture``);
3. keeps the footnotes out of the body: the rows at the foot of a page, below the body, in a smaller font
   than the body, under the short rule offices draw above them or from the first row opening with a note
   mark (``1`` ``①`` ``[1]`` ``*`` or ``注：``) — each becomes a :class:`RawNote` whose anchor is where the
   same mark stands in the body. Notes after the body's end are endnotes (kind "endnote"): numbered i, ii
   as Word and LibreOffice number endnotes, standing on the body's last page right after its last row rather
   than at the foot of the text area, on a page of notes alone after the body, or listed (``1.`` ``[1]``)
   under a ``注释``/``尾注`` heading that ends the report. Text boxes (``page_boxes``) become notes of kind
   "textbox" anchored at the paragraph they stand beside (the first body row on the page reaching below the
   box's top);
4. reads tables (``page_tables``): each row one line, its cells separated by a tab, every cell a
   :class:`TableCell` with its row label, column header and unit;
5. joins the rows of a paragraph — across a page break too — and the lines of a title: a row continues the
   one before when that one runs to the right margin (it was wrapped), in the same font size, without the
   gap that separates paragraphs, and the row does not open like a heading and starts at the left margin
   (not indented, centred or on the right) — or where the paragraph's wrapped lines stand: under the lines
   before it in an indented block, or under the text of a list item with a hanging indent; when the document gives its paragraphs no first-line indent,
   a row after a sentence's end opens a paragraph; a title's centred second line (larger than the body)
   continues a full first line; a row opening with closing punctuation always continues;
6. removes the spacing office suites put between Chinese and digits or Latin (``line_text``).

The result's ``text`` has one paragraph or table row per line; offsets in notes and cells index it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.analysis.loaders.line_text import glued, tidy_line
from reviewer.analysis.loaders.page_boxes import TextBox, split_text_boxes
from reviewer.analysis.loaders.page_furniture import furniture_rows
from reviewer.analysis.loaders.page_layout import PageFrame, PageLayout, PageLine, PageRule
from reviewer.analysis.loaders.page_markup import without_balloons
from reviewer.analysis.loaders.page_tables import (
    Piece,
    Table,
    build_table,
    cell_unit,
    column_header,
    row_label,
    split_cells,
)
from reviewer.analysis.model import RawNote, TableCell


@dataclass
class RestoredPages:
    """The body text of the pages with what was kept out of it."""

    text: str  # one paragraph or table row per line ("\n"), table cells separated by "\t"
    notes: list[RawNote] = field(default_factory=list)  # footnotes; anchors are offsets in ``text``
    table_cells: list[TableCell] = field(default_factory=list)  # spans in ``text``


@dataclass
class _Note:
    """A note found on a page, before the body's offsets are known."""

    page: int
    kind: str  # "footnote" | "endnote" | "textbox"
    mark: str  # the note mark ("" for a text box or an unmarked note)
    text: str
    top: float = 0.0  # where a text box stands on its page
    rows: list[_Row] = field(default_factory=list)  # the rows it was read from (a footnote's, an endnote's)

MARK_SIZE_SHARE = 0.8
"""A note mark is printed at most this share of its row's font size, raised above the row's baseline."""

NOTE_SIZE_SHARE = 0.88
"""Footnotes are printed at most this share of the body's font size (小五 9pt under 三号 16pt, 10 under 12)."""

MARGIN_ROW_SHARE = 0.2
"""At least this share of a document's body rows are full lines ending at the right margin."""

FOOTNOTE_RULE_SHARE = 0.4
"""The rule above footnotes is shorter than this share of the page's width (Word: a third of the text)."""

FULL_LINE_SLACK_EMS = 2.5
"""A row ending closer than this many font sizes to the right margin was wrapped by the layout (a number or
word that cannot be broken, or a closing mark kept off a line's start, leaves up to two characters free)."""

INDENT_EMS = (0.8, 4.0)
"""A paragraph's first-line indent, in font sizes from the left margin (two characters, as a rule)."""

INDENTED_SHARE = 0.05
"""The document indents its paragraphs when at least this share of its body rows start indented."""

HANGING_EMS = 6.0
"""A list item's wrapped lines stand at most this many font sizes right of its number (a hanging indent)."""

PARAGRAPH_GAP_EMS = 0.5
"""A gap between rows this many font sizes wider than the usual line gap separates paragraphs."""

SAME_SIZE_SHARE = 0.12
"""Rows whose font sizes differ by more than this share belong to different paragraphs."""

_ROMAN_MARK = r"[ivx]{1,4}|[\u2160-\u217f]"
_NOTE_MARK = re.compile(rf"[0-9]{{1,3}}|[\u2460-\u2473\u2776-\u277f]|\[[0-9]{{1,3}}\]|[*※]{{1,3}}|{_ROMAN_MARK}")
_NOTE_OPENING = re.compile(
    r"(?P<mark>[0-9]{1,3}(?=[\s\u3000]|[^\s0-9.．、,，%])|[\u2460-\u2473\u2776-\u277f]|\[[0-9]{1,3}\]|[*※]{1,3}"
    r"|[ivx]{1,4}(?=[\s\u3000]|[^\x00-\x7f])|[\u2160-\u217f]|注[:：])[\s\u3000]*"
)
_ENDNOTE_MARK = re.compile(_ROMAN_MARK)
"""Word and LibreOffice number endnotes i, ii, iii (footnotes 1, 2, 3)."""
_ENDNOTE_HEADING = re.compile(r"(?:注释|尾注|注|附注|参考文献)[:：]?")
"""The heading some authors put above the notes they list at the end of a report."""
_LISTED_NOTE = re.compile(r"(?P<mark>[0-9]{1,3}(?![0-9])|[\u2460-\u2473]|\[[0-9]{1,3}\])[.．、\s\u3000]*")
"""A note under an endnote heading: ``1.`` ``1、`` ``①`` ``[1]``."""

ENDNOTE_GAP_EMS = 3.0
"""A page's notes ending more than this many body font sizes above the foot of the text area stand after
the body's last paragraph (endnotes), not at the page's bottom (footnotes)."""
_CLOSING_PUNCTUATION = "，。、；：？！）》」』”’…%％,.;:?!)]】〕"
_SENTENCE_END = "。！？：；”!?:;"
_NUMERALS = "一二三四五六七八九十百零〇"
_HEADING_START_PATTERN = (
    rf"[{_NUMERALS}]+[、．.]"
    rf"|[（(][{_NUMERALS}]+[)）]"
    r"|[0-9０-９]+(?:[、．]|\.(?![0-9]))"
    r"|[（(][0-9０-９]+[)）]"
    rf"|第[{_NUMERALS}0-9]+[章节条部分]"
    r"|[\u2460-\u249b\u3220-\u3229]"
    r"|附件"
)
_HEADING_START = re.compile(_HEADING_START_PATTERN)
_LIST_MARKER = re.compile(rf"{_HEADING_START_PATTERN}|[•●◆■▪\-–·]")


@dataclass
class _Row:
    """One printed row: its pieces left to right, with the note marks printed in it."""

    page: int
    pieces: list[Piece]
    size: float
    top: float
    bottom: float
    marks: list[tuple[int, str]] = field(default_factory=list)  # (offset in ``text``, mark)
    text: str = ""

    @property
    def x0(self) -> float:
        return self.pieces[0].x0

    @property
    def x1(self) -> float:
        return self.pieces[-1].x1


def restore_pages(pages: list[PageLayout]) -> RestoredPages:
    """The body text of ``pages`` (in order) with footnotes and table cells; see the module docstring."""
    pages = [without_balloons(page) for page in pages]
    split = [split_text_boxes(page) for page in pages]
    page_rows = [_rows(page, lines, [box.frame for box in boxes]) for page, (lines, boxes) in zip(pages, split)]
    body_size = _body_size([row for rows in page_rows for row in rows])
    furniture = furniture_rows([(page.height, rows) for page, rows in zip(pages, page_rows)], body_size)
    page_rows = [[row for i, row in enumerate(rows) if i not in dropped] for rows, dropped in zip(page_rows, furniture)]
    notes: list[_Note] = []
    body: list[_Row] = []
    closing = _closing_pages(page_rows, body_size)
    for index, (page, rows, (_, boxes)) in enumerate(zip(pages, page_rows, split)):
        notes.extend(_Note(page.number, "textbox", "", _box_text(page, box), box.frame.top) for box in boxes)
        count = _footnote_start(rows, body_size, page, index >= closing)
        notes.extend(_notes(rows[count:]))
        body.extend(rows[:count])
    body, listed = _listed_endnotes(body)
    _mark_endnotes(notes, body, [rows[-1].bottom for rows in page_rows if rows], body_size)
    return _Assembler(body, body_size, {page.number: page.rules for page in pages}).assemble(notes + listed)


def _closing_pages(page_rows: list[list[_Row]], body_size: float) -> int:
    """The index of the first of the pages that end the document holding only small-font rows (endnote
    pages), after a page with body text; ``len(page_rows)`` when there are none."""
    index = len(page_rows)
    while index > 1 and all(_small(row, body_size) for row in page_rows[index - 1]):
        index -= 1
    return index if any(not _small(row, body_size) for row in page_rows[index - 1]) else len(page_rows)


def _listed_endnotes(body: list[_Row]) -> tuple[list[_Row], list[_Note]]:
    """The notes listed under a heading (``注释`` ``尾注``) that ends the report, out of the body."""
    for index in range(len(body) - 2, -1, -1):
        if _ENDNOTE_HEADING.fullmatch(body[index].text.strip()):
            break
    else:
        return body, []
    rows = body[index + 1:]
    if not _LISTED_NOTE.match(rows[0].text) or any(
        not _LISTED_NOTE.match(row.text) and (_HEADING_START.match(row.text) or row.x0 > rows[0].x0 + 2 * row.size)
        for row in rows
    ):
        return body, []  # not the end of the report: a paragraph, a heading or the signature follows
    notes: list[_Note] = []
    for row in rows:
        opening = _LISTED_NOTE.match(row.text)
        if opening:
            notes.append(_Note(row.page, "endnote", opening.group("mark").strip("[]"), row.text[opening.end():], 0.0, [row]))
        else:
            notes[-1].text = _joined(notes[-1].text, row.text)
            notes[-1].rows.append(row)
    return body[:index], notes


def _mark_endnotes(notes: list[_Note], body: list[_Row], page_ends: list[float], body_size: float) -> None:
    """Notes numbered as endnotes are, those on pages after the body's last row, and those on its page
    standing right after it rather than at the foot of the text area, are endnotes."""
    last_page = body[-1].page if body else 0
    foot = max(page_ends, default=0.0)
    for note in notes:
        if note.kind != "footnote":
            continue
        after_body = note.page > last_page or (
            note.page == last_page and bool(note.rows) and note.rows[-1].bottom < foot - ENDNOTE_GAP_EMS * body_size
        )
        if after_body or _ENDNOTE_MARK.fullmatch(note.mark):
            note.kind = "endnote"


def _box_text(page: PageLayout, box: TextBox) -> str:
    text = ""
    for row in _rows(page, box.lines, []):
        text = _joined(text, row.text)
    return text


def _line_size(line: PageLine) -> float:
    return line.font_size if line.font_size > 0 else max(line.bottom - line.top, 1.0)


def _rows(page: PageLayout, lines: list[PageLine], boxes: list[PageFrame]) -> list[_Row]:
    """The lines grouped into printed rows, top to bottom; a row's pieces on both sides of a text box are one."""
    groups: list[list[PageLine]] = []
    for line in sorted((ln for ln in lines if ln.text.strip()), key=lambda ln: (ln.top, ln.x0)):
        middle = (line.top + line.bottom) / 2
        for group in reversed(groups[-4:]):
            top = min(member.top for member in group)
            bottom = max(member.bottom for member in group)
            if top <= middle <= bottom or line.top <= (top + bottom) / 2 <= line.bottom:
                group.append(line)
                break
        else:
            groups.append([line])
    rows = [_row(page.number, group, boxes) for group in groups]
    return sorted((row for row in rows if row.pieces), key=lambda row: row.top)


def _row(page: int, lines: list[PageLine], boxes: list[PageFrame]) -> _Row:
    main = max(lines, key=lambda ln: (_line_size(ln), len(ln.text)))
    size = _line_size(main)
    lines = sorted(lines, key=lambda ln: ln.x0)
    pieces: list[Piece] = []
    marks: list[tuple[int, str]] = []
    text = ""
    for line in lines:
        content = tidy_line(line.text)
        if not content:
            continue
        if _is_mark(line, content, main, size):
            marks.append((len(text), content.strip("[]")))
            continue
        if pieces and _box_between(pieces[-1], line, boxes):
            last = pieces[-1]
            pieces[-1] = Piece(last.text + content, last.x0, line.x1)
            text += content
            continue
        if pieces:
            text = glued(text, content, line.x0 - pieces[-1].x1, size)
        else:
            text = content
        pieces.append(Piece(content, line.x0, line.x1))
    return _Row(page, pieces, size, min(ln.top for ln in lines), max(ln.bottom for ln in lines), marks, text)


def _box_between(piece: Piece, line: PageLine, boxes: list[PageFrame]) -> bool:
    return any(
        piece.x1 - 1 <= box.x0 and box.x1 <= line.x0 + 1 and box.top <= line.bottom and line.top <= box.bottom
        for box in boxes
    )


def _is_mark(line: PageLine, content: str, main: PageLine, size: float) -> bool:
    return (
        line is not main
        and _line_size(line) <= MARK_SIZE_SHARE * size
        and line.bottom < main.bottom - 0.15 * size
        and _NOTE_MARK.fullmatch(content) is not None
    )


def _body_size(rows: list[_Row]) -> float:
    """The font size most of the text is printed in."""
    sizes: Counter[float] = Counter()
    for row in rows:
        sizes[round(row.size * 2) / 2] += len(row.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _footnote_start(rows: list[_Row], body_size: float, page: PageLayout, closing: bool) -> int:
    """The index of the page's first footnote row (``len(rows)`` when the page has none): in the block of
    small-font rows that ends the page, below a body row, the first row under the short rule that offices
    draw above footnotes, or else the first row opening with a note mark. A ``closing`` page (of small rows
    only, after the body) is all notes when its first row opens with a note mark: LibreOffice prints
    endnotes on pages of their own, without a rule."""
    start = len(rows)
    while start > 0 and _small(rows[start - 1], body_size) and len(_cell_pieces(rows[start - 1])) < 2:
        start -= 1
    if start == 0:
        return 0 if closing and rows and _opens_note(rows[0]) else len(rows)  # a blank page has no rows
    separator = _footnote_rule(page, rows[start - 1], rows[start:])
    if separator is not None:
        return next(index for index in range(start, len(rows)) if rows[index].top >= separator)
    return next((index for index in range(start, len(rows)) if _opens_note(rows[index])), len(rows))


def _footnote_rule(page: PageLayout, above: _Row | None, block: list[_Row]) -> float | None:
    """Where the short rule above the footnotes stands: between the last body row (if any) and the block,
    shorter than half the text's width, starting at the left margin."""
    if not block:
        return None
    for rule in page.rules:
        if (
            (above.bottom if above else 0.0) <= rule.y <= block[-1].top
            and rule.x1 - rule.x0 < FOOTNOTE_RULE_SHARE * page.width
            and abs(rule.x0 - min(row.x0 for row in block)) < 2 * block[0].size
        ):
            return rule.y
    return None


def _small(row: _Row, body_size: float) -> bool:
    return row.size <= NOTE_SIZE_SHARE * body_size


def _opens_note(row: _Row) -> bool:
    return bool(row.marks and row.marks[0][0] == 0) or _NOTE_OPENING.match(row.text) is not None


def _notes(rows: list[_Row]) -> list[_Note]:
    notes: list[_Note] = []
    for row in rows:
        if row.marks and row.marks[0][0] == 0:
            notes.append(_Note(row.page, "footnote", row.marks[0][1], row.text.strip(), 0.0, [row]))
            continue
        opening = _NOTE_OPENING.match(row.text)
        if opening or not notes:
            mark = opening.group("mark") if opening else ""
            text = row.text[opening.end() if opening else 0:].strip()
            notes.append(_Note(row.page, "footnote", mark.strip("[]:："), text, 0.0, [row]))
        else:
            notes[-1].text = _joined(notes[-1].text, row.text)
            notes[-1].rows.append(row)
    return notes


def _cell_pieces(row: _Row) -> list[Piece]:
    return split_cells(row.pieces, row.size)


def _joined(paragraph: str, line: str) -> str:
    """English words wrapped at a space get the space back; everything else is joined directly."""
    if not paragraph or not line:
        return paragraph + line
    both_letters = all(ch.isascii() and ch.isalpha() for ch in (paragraph[-1], line[0]))
    return paragraph + (" " if both_letters else "") + line


class _Assembler:
    """Body rows into paragraphs and table rows, with the offsets of marks and cells."""

    def __init__(self, rows: list[_Row], body_size: float, rules: dict[int, list[PageRule]]) -> None:
        self.rows = rows
        self.rules = rules
        self.body_size = body_size
        body_rows = [row for row in rows if abs(row.size - body_size) <= SAME_SIZE_SHARE * body_size] or rows
        self.left = _percentile([row.x0 for row in body_rows], 0.1)
        self.right = _right_margin(body_rows)
        self.indents = self._indents_paragraphs(body_rows)
        self.line_gap = _percentile(
            [b.top - a.bottom for a, b in zip(body_rows, body_rows[1:]) if a.page == b.page and b.top > a.bottom],
            0.5,
        )
        self.lines: list[str] = []
        self.length = 0
        self.cells: list[TableCell] = []
        self.marks: dict[tuple[int, str], int] = {}
        self.paragraph_starts: list[tuple[_Row, int]] = []  # each paragraph row with its paragraph's offset

    def assemble(self, notes: list[_Note]) -> RestoredPages:
        index = 0
        paragraph: list[_Row] = []
        while index < len(self.rows):
            table, end = self._table_at(index)
            if table is not None:
                self._flush(paragraph)
                paragraph = []
                self._add_table(table)
                index = end
                continue
            row = self.rows[index]
            if paragraph and not self._continues(paragraph, row):
                self._flush(paragraph)
                paragraph = []
            paragraph.append(row)
            index += 1
        self._flush(paragraph)
        raw_notes = [
            RawNote(note.kind, note.text, self._box_anchor(note) if note.kind == "textbox" else self._anchor(note.page, note.mark))
            for note in notes
            if note.text
        ]
        return RestoredPages("\n".join(self.lines), raw_notes, self.cells)

    def _box_anchor(self, note: _Note) -> int | None:
        """The start of the paragraph a text box stands beside: the one with the first row on its page that
        reaches below the box's top (the box floats in it, or stands above it), else the page's last one."""
        rows = [(row, start) for row, start in self.paragraph_starts if row.page == note.page]
        beside = next((start for row, start in rows if row.bottom >= note.top), None)
        return beside if beside is not None or not rows else rows[-1][1]

    def _anchor(self, page: int, mark: str) -> int | None:
        if not mark:
            return None
        exact = self.marks.get((page, mark))
        if exact is not None:
            return exact
        earlier = [offset for (p, m), offset in self.marks.items() if m == mark and p <= page]
        return max(earlier) if earlier else None

    def _indents_paragraphs(self, rows: list[_Row]) -> bool:
        indented = sum(
            INDENT_EMS[0] * row.size <= row.x0 - self.left <= INDENT_EMS[1] * row.size for row in rows
        )
        return bool(rows) and indented >= INDENTED_SHARE * len(rows)

    def _continues(self, paragraph: list[_Row], row: _Row) -> bool:
        above = paragraph[-1]
        if row.text[0] in _CLOSING_PUNCTUATION:
            return True
        if abs(above.size - row.size) > SAME_SIZE_SHARE * max(above.size, row.size):
            return False
        if above.x1 < self.right - FULL_LINE_SLACK_EMS * above.size or _HEADING_START.match(row.text):
            return False
        if above.page == row.page and row.top - above.bottom > self.line_gap + PARAGRAPH_GAP_EMS * row.size:
            return False
        if row.x0 - self.left >= INDENT_EMS[0] * row.size and not self._wrapped_in_place(paragraph, row):
            return self._centered(row)  # indented, centred or on the right: only a title's second line goes on
        return self.indents or above.text[-1] not in _SENTENCE_END

    def _wrapped_in_place(self, paragraph: list[_Row], row: _Row) -> bool:
        """A row off the left margin that still wraps the paragraph: under the lines before it in an indented
        block, left of an indented first line, or under the text of a list item's hanging indent."""
        above = paragraph[-1]
        if row.x0 - self.left > HANGING_EMS * row.size:
            return False  # centred or on the right (a signature), not in a block near the margin
        if len(paragraph) > 1:
            return abs(row.x0 - above.x0) < 0.5 * row.size
        if row.x0 <= above.x0 - INDENT_EMS[0] * row.size:
            return True
        return _LIST_MARKER.match(above.text) is not None and above.x0 < row.x0 <= above.x0 + HANGING_EMS * row.size

    def _centered(self, row: _Row) -> bool:
        """A row larger than the body's, centred between the margins (a title's line)."""
        return (
            row.size > (1 + SAME_SIZE_SHARE) * self.body_size
            and row.x0 - self.left >= INDENT_EMS[0] * row.size
            and abs((row.x0 - self.left) - (self.right - row.x1)) < row.size
        )

    def _flush(self, paragraph: list[_Row]) -> None:
        if not paragraph:
            return
        text = ""
        for row in paragraph:
            self.paragraph_starts.append((row, self.length))
            joined = _joined(text, row.text)
            start = self.length + len(joined) - len(row.text)
            for offset, mark in row.marks:
                self.marks.setdefault((row.page, mark), start + offset)
            text = joined
        self._add_line(text)

    def _add_line(self, text: str) -> int:
        start = self.length
        self.lines.append(text)
        self.length += len(text) + 1
        return start

    def _table_at(self, index: int) -> tuple[Table | None, int]:
        """The table starting at row ``index`` and the index after it, or (None, index)."""
        cells = _cell_pieces(self.rows[index])
        if len(cells) < 2:
            return None, index
        first = self.rows[index]
        rows, tops, end = [cells], [first.top], index + 1
        ruled: list[bool | None] = [False]
        while end < len(self.rows):
            row = self.rows[end]
            pieces = _cell_pieces(row)
            previous = self.rows[end - 1]
            if row.page == previous.page and row.top - previous.bottom > 2 * row.size + self.line_gap:
                break
            if len(pieces) < 2 and not self._fits_a_column(pieces, rows, row):
                break
            separated = None if row.page != previous.page else self._ruled_off(previous, row)  # a row may go on
            if len(pieces) < 2 and separated:
                break  # the table's bottom border: what follows is outside it
            rows.append(pieces)
            tops.append(row.top)
            ruled.append(separated)
            end += 1
        if sum(len(r) >= 2 for r in rows) < 2 and len(cells) < 3:
            return None, index
        bordered = any(self._ruled_off(self.rows[i - 1], self.rows[i]) for i in range(index + 1, end))
        table = build_table(rows, tops, first.size, ruled if bordered else None)
        return (table, end) if table is not None else (None, index)

    def _fits_a_column(self, pieces: list[Piece], rows: list[list[Piece]], row: _Row) -> bool:
        if len(pieces) != 1 or _HEADING_START.match(pieces[0].text):
            return False
        piece = pieces[0]
        return any(
            cell.x0 - (INDENT_EMS[1] - 1) * row.size <= piece.x0 and piece.x1 <= cell.x1 + 2 * row.size
            for cells in rows
            if len(cells) >= 2
            for cell in cells
        ) and piece.x1 < self.right - 2 * row.size

    def _ruled_off(self, above: _Row, row: _Row) -> bool:
        """A horizontal rule runs between the two rows, under the row's text (a border, or a cell's)."""
        return row.page == above.page and any(
            above.bottom - 1 <= rule.y <= row.top + 1 and rule.x0 < row.x1 and row.x0 < rule.x1
            for rule in self.rules.get(row.page, [])
        )

    def _add_table(self, table: Table) -> None:
        if table.header is not None:
            self._add_line("\t".join(table.header))
        for table_row in table.rows:
            start = self.length
            label = row_label(table_row.cells)
            offset = start
            for column, cell in enumerate(table_row.cells):
                if cell and column > 0:
                    self.cells.append(
                        TableCell(
                            offset, offset + len(cell), label, column_header(column, table.header),
                            cell_unit(table_row.cells, column, table.header),
                        )
                    )
                offset += len(cell) + 1
            self._add_line("\t".join(table_row.cells))


def _right_margin(rows: list[_Row]) -> float:
    """Where the full lines end: the furthest right end that a fifth of the rows (two at least) reach within
    a font size — justified lines end together — or else the 90th percentile of the row ends."""
    ends = sorted((row.x1 for row in rows), reverse=True)
    needed = max(2, int(MARGIN_ROW_SHARE * len(ends)))
    for index, end in enumerate(ends[:needed]):  # fewer than a fifth of the rows stand out past the margin
        reaching = sum(1 for other in ends[index:index + needed] if other >= end - rows[0].size)
        if reaching >= needed:
            return end
    return _percentile(ends, 0.9)


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]

"""What a loader read beside the body text — notes and table cells — carried into the analysis.

Loaders give raw-text offsets (``LoadedDocument.notes`` anchors, ``LoadedDocument.table_cells`` spans); the
analysis works on the cleaned text, so every offset is mapped through cleaning (``CleanedText.raw_offsets``).
A cell or anchor on a line that cleaning hid has no place in the cleaned text: the cell is dropped, the
anchor becomes the start of the next kept paragraph.

- A note becomes a :class:`Note` with its own figures (read in its text alone; never among the body's).
- A table cell's figures get the column header (``2023年``, ``本年``) in ``Figure.column``, and the row's label
  as subject when the figure finder found none or the cell is the figure alone. A cell holding only a
  number is a figure when the table states the unit (a header ``（件）``, a unit column): 10 in the row
  ``行政复议收案（件）`` is 10件, 行政复议收案.
"""
from __future__ import annotations

from bisect import bisect_left

from reviewer.analysis.figures import MONEY_UNITS, extract_figures
from reviewer.analysis.model import CleanedText, Figure, LoadedDocument, Note, TableCell
from reviewer.analysis.numerals import MULTIPLIERS, arabic_to_decimal

_PERCENT_SIGNS = "%％"


def cleaned_offset(cleaned: CleanedText, raw_offset: int) -> int:
    """The cleaned-text offset of ``raw_offset``, or of the first character after it that cleaning kept."""
    return min(bisect_left(cleaned.raw_offsets, raw_offset), len(cleaned.text))


def notes_of(document: LoadedDocument, cleaned: CleanedText) -> list[Note]:
    return [
        Note(
            kind=note.kind,
            text=note.text,
            anchor=None if note.anchor is None else cleaned_offset(cleaned, note.anchor),
            figures=extract_figures(note.text, []),
        )
        for note in document.notes
        if note.text.strip()
    ]


def with_table_cells(document: LoadedDocument, cleaned: CleanedText, figures: list[Figure]) -> list[Figure]:
    """``figures`` with what the table cells say about them, and the bare numbers of cells with a unit."""
    text = cleaned.text
    added: list[Figure] = []
    for cell in document.table_cells:
        span = _cleaned_span(document, cleaned, cell)
        if span is None:
            continue
        start, end = span
        inside = [figure for figure in figures if start <= figure.start and figure.end <= end]
        content = text[start:end].strip()
        for figure in inside:
            figure.column = cell.column_header
            if cell.row_label and (figure.subject is None or figure.text == content):
                figure.subject = cell.row_label
        if not inside and cell.unit:
            bare = _bare_number(text, start, end, cell)
            if bare is not None:
                added.append(bare)
    if not added:
        return figures
    return sorted([*figures, *added], key=lambda figure: figure.start)


def _cleaned_span(document: LoadedDocument, cleaned: CleanedText, cell: TableCell) -> tuple[int, int] | None:
    start = cleaned_offset(cleaned, cell.start)
    end = cleaned_offset(cleaned, cell.end)
    if end <= start or cleaned.text[start:end].strip() != document.raw_text[cell.start:cell.end].strip():
        return None
    return start, end


def _bare_number(text: str, start: int, end: int, cell: TableCell) -> Figure | None:
    leading = len(text[start:end]) - len(text[start:end].lstrip())
    written = text[start:end].strip()
    unit = (cell.unit or "").strip()
    if written and written[-1] in _PERCENT_SIGNS:
        return None  # 12.5% is found by the figure finder itself
    value = arabic_to_decimal(written)
    if value is None or not unit:
        return None
    multiplier = next((m for m in sorted(MULTIPLIERS, key=len, reverse=True) if unit.startswith(m)), "")
    if multiplier and unit[len(multiplier):] and unit[len(multiplier):] not in MONEY_UNITS:
        value *= MULTIPLIERS[multiplier]
        unit = unit[len(multiplier):]
    begin = start + leading
    return Figure(
        text=written, value=float(value), unit=unit, approx=False, subject=cell.row_label,
        start=begin, end=begin + len(written), column=cell.column_header,
    )

"""An Excel workbook (.xlsx, XlsxWriter) from typed tables, one sheet each.

Each sheet: a note line on top saying what it holds and how its styles read, the header row under it (bold,
shaded, frozen with the note, filterable), then one row per record. Numbers are numeric cells and dates
date cells, so the officer can sum and sort; every text cell goes through
:func:`reviewer.workspace.cell_text.spreadsheet_text` and is written as a string cell, so report text that
looks like a formula stays text. Values still the machine's unconfirmed word are grey italic. Column widths
follow the longest entry, a Han character counting as two. Printed landscape, all columns on the page's
width, the header row repeated on every page.

Rows are streamed to the file as they are written (XlsxWriter's constant-memory mode): a workbook of a
thousand reports holds well over a million cells.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from reviewer.outputs.text_width import display_width
from reviewer.workspace.cell_text import spreadsheet_text

FONT_NAME = "宋体"
FONT_SIZE = 10.5
MUTED_COLOR = "808080"
HEAD_FILL = "E7E6E6"
MIN_WIDTH = 6
WIDTH_PADDING = 2
HEADER_ROW = 2
"""Row of the column headers, counted from 1 as Excel does (row 1 holds the sheet's note)."""
DATE_FORMAT = "yyyy-mm-dd"
A4_PAPER = 9


class CellKind(Enum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"  # given as an ISO date string (YYYY-MM-DD)


@dataclass(frozen=True)
class Column:
    header: str
    kind: CellKind = CellKind.TEXT
    max_width: int = 40
    """Widest the column grows, in character columns (a Han character is two); longer text runs on under
    the next column while that is empty (rows keep one line, as a table to filter and sort reads best)."""
    number_format: str | None = None  # e.g. "0" for years; dates get yyyy-mm-dd


@dataclass
class Row:
    values: Sequence[object]  # one per column; None leaves the cell empty
    muted: frozenset[int] = frozenset()
    """Columns whose value is the machine's, not yet confirmed: written grey italic."""
    formats: dict[int, str] = field(default_factory=dict)
    """Number formats of single cells, over their column's (a count shown with its own unit)."""


@dataclass
class Table:
    sheet_name: str
    note: str  # row 1: what the sheet holds and the legend of its styles
    columns: Sequence[Column]
    rows: list[Row] = field(default_factory=list)


def all_columns(columns: Sequence[Column]) -> frozenset[int]:
    """``Row.muted`` for a row that is unconfirmed as a whole."""
    return frozenset(range(len(columns)))


def build_workbook(tables: Sequence[Table]) -> bytes:
    """The .xlsx file's bytes, one sheet per table in the order given."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {
        "constant_memory": True,
        "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
        "default_format_properties": {"font_name": FONT_NAME, "font_size": FONT_SIZE},
    })
    formats = _Formats(workbook)
    for table in tables:
        _write_sheet(workbook.add_worksheet(table.sheet_name), table, formats)
    workbook.close()
    return out.getvalue()


class _Formats:
    """The workbook's cell formats, each made once: the header's, the note's, and a data cell's by whether it
    is muted and its number format."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        base = {"font_name": FONT_NAME, "font_size": FONT_SIZE}
        self.header = workbook.add_format(base | {
            "bold": True, "bg_color": "#" + HEAD_FILL, "bottom": 1, "bottom_color": "#808080",
            "align": "center", "valign": "vcenter", "text_wrap": True,
        })
        self.note = workbook.add_format(base | {"font_color": "#404040"})
        self._data: dict[tuple[bool, str | None], Format | None] = {(False, None): None}
        self._base = base

    def data(self, muted: bool, number_format: str | None) -> Format | None:
        key = (muted, number_format)
        if key not in self._data:
            properties: dict[str, Any] = dict(self._base)
            if muted:
                properties |= {"italic": True, "font_color": "#" + MUTED_COLOR}
            if number_format:
                properties["num_format"] = number_format
            self._data[key] = self.workbook.add_format(properties)
        return self._data[key]


def _write_sheet(sheet: Worksheet, table: Table, formats: _Formats) -> None:
    columns = table.columns
    cells = [[_cell_value(value, column) for value, column in zip(row.values, columns)] for row in table.rows]
    for index, width in enumerate(_widths(columns, table.rows, cells)):
        sheet.set_column(index, index, width)
    header = HEADER_ROW - 1
    sheet.freeze_panes(header + 1, 0)
    sheet.autofilter(header, 0, header + max(len(cells), 1), len(columns) - 1)
    sheet.repeat_rows(header)
    sheet.set_landscape()
    sheet.set_paper(A4_PAPER)
    sheet.fit_to_pages(1, 0)  # all columns on the page's width

    sheet.write_string(0, 0, spreadsheet_text(table.note), formats.note)
    for column, spec in enumerate(columns):
        sheet.write_string(header, column, spreadsheet_text(spec.header), formats.header)
    for number, (row, values) in enumerate(zip(table.rows, cells), header + 1):
        for column, (value, spec) in enumerate(zip(values, columns)):
            if value is None:
                continue
            muted = column in row.muted
            if isinstance(value, str):
                sheet.write_string(number, column, spreadsheet_text(value), formats.data(muted, None))
            elif isinstance(value, date):
                sheet.write_datetime(number, column, datetime(value.year, value.month, value.day),
                                     formats.data(muted, DATE_FORMAT))
            else:
                sheet.write_number(number, column, value, formats.data(muted, row.formats.get(column) or spec.number_format))


def _cell_value(value: object, column: Column) -> object:
    """The value as the cell holds it: numbers and dates typed, everything else text."""
    if value is None or value == "":
        return None
    if column.kind is CellKind.NUMBER and isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    if column.kind is CellKind.DATE:
        parsed = _iso_date(value)
        if parsed is not None:
            return parsed
    return str(value)


def _iso_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def with_unit(unit: str) -> str:
    """A number format showing a number followed by its unit (16 as 16件), the cell staying a number."""
    return 'General"' + unit.replace('"', "") + '"'


def _shown(value: object, number_format: str | None) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    if number_format and number_format.startswith('General"'):
        return str(value) + number_format[len('General"'):-1]
    return str(value)


def _widths(columns: Sequence[Column], rows: Sequence[Row], cells: list[list[object]]) -> list[int]:
    """Each column's width: its widest entry (a Han character counting two) and padding, within bounds. An
    entry is measured only when it could be wider than the widest so far (it is at most twice its length)."""
    widths = []
    for index, column in enumerate(columns):
        longest = display_width(column.header)
        limit = column.max_width - WIDTH_PADDING
        for row, values in zip(rows, cells):
            if longest >= limit:
                break
            text = _shown(values[index], row.formats.get(index))
            if 2 * len(text) > longest:
                longest = max(longest, display_width(text))
        widths.append(max(MIN_WIDTH, min(longest + WIDTH_PADDING, column.max_width)))
    return widths

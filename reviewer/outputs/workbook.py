"""An Excel workbook (.xlsx, openpyxl) from typed tables, one sheet each.

Each sheet: a note line on top saying what it holds and how its styles read, the header row under it (bold,
shaded, frozen with the note, filterable), then one row per record. Numbers are numeric cells and dates
date cells, so the officer can sum and sort; every text cell goes through
:func:`reviewer.workspace.cell_text.spreadsheet_text` and is written as a string cell, so report text that
looks like a formula stays text. Values still the machine's unconfirmed word are grey italic. Column widths
follow the longest entry, a Han character counting as two. Printed landscape, all columns on the page's
width, the header row repeated on every page.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.outputs.text_width import display_width
from reviewer.workspace.cell_text import spreadsheet_text

FONT_NAME = "宋体"
MUTED_COLOR = "808080"
HEAD_FILL = "E7E6E6"
MIN_WIDTH = 6
WIDTH_PADDING = 2
HEADER_ROW = 2
"""Row of the column headers (row 1 holds the sheet's note)."""

_BODY_FONT = Font(name=FONT_NAME, size=10.5)
_MUTED_FONT = Font(name=FONT_NAME, size=10.5, italic=True, color=MUTED_COLOR)
_HEAD_FONT = Font(name=FONT_NAME, size=10.5, bold=True)
_NOTE_FONT = Font(name=FONT_NAME, size=10.5, color="404040")
_HEAD_FILL = PatternFill("solid", fgColor=HEAD_FILL)
_HEAD_BORDER = Border(bottom=Side(style="thin", color="808080"))
_HEAD_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


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
    workbook = Workbook(write_only=True)
    for table in tables:
        _write_sheet(workbook.create_sheet(table.sheet_name), table)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _write_sheet(sheet: WriteOnlyWorksheet, table: Table) -> None:
    columns = table.columns
    cells = [[_cell_value(value, column) for value, column in zip(row.values, columns)] for row in table.rows]
    widths = _widths(columns, table.rows, cells)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last_column = get_column_letter(len(columns))
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{HEADER_ROW + max(len(cells), 1)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # all columns on the page's width
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    note = _text_cell(sheet, table.note, _NOTE_FONT)
    sheet.append([note])
    sheet.append([_header_cell(sheet, column.header) for column in columns])
    data_cells = _DataCells(sheet)
    for row, values in zip(table.rows, cells):
        sheet.append([
            data_cells.make(value, row.formats.get(index) or column.number_format, index in row.muted)
            for index, (value, column) in enumerate(zip(values, columns))
        ])


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
    widths = []
    for index, column in enumerate(columns):
        longest = max((display_width(_shown(values[index], row.formats.get(index))) for row, values in zip(rows, cells)),
                      default=0)
        wanted = max(longest, display_width(column.header)) + WIDTH_PADDING
        widths.append(max(MIN_WIDTH, min(wanted, column.max_width)))
    return widths


def _text_cell(sheet: WriteOnlyWorksheet, text: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=spreadsheet_text(text))
    cell.data_type = "s"
    cell.font = font
    return cell


def _header_cell(sheet: WriteOnlyWorksheet, text: str) -> WriteOnlyCell:
    cell = _text_cell(sheet, text, _HEAD_FONT)
    cell.fill = _HEAD_FILL
    cell.border = _HEAD_BORDER
    cell.alignment = _HEAD_ALIGNMENT
    return cell


class _DataCells:
    """Makes the data cells of one sheet. openpyxl hashes a style object on every assignment, which costs
    more than writing the cell: each combination of font and number format is set once on a first cell
    and its style indices copied to the next ones."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.styles: dict[tuple[bool, str | None], StyleArray] = {}

    def make(self, value: object, number_format: str | None, muted: bool) -> WriteOnlyCell:
        if isinstance(value, str):
            cell = WriteOnlyCell(self.sheet, value=spreadsheet_text(value))
            cell.data_type = "s"
            number_format = None
        else:
            cell = WriteOnlyCell(self.sheet, value=value)
            number_format = "yyyy-mm-dd" if isinstance(value, date) else number_format
        key = (muted, number_format)
        style = self.styles.get(key)
        if style is None:
            cell.font = _MUTED_FONT if muted else _BODY_FONT
            if number_format:
                cell.number_format = number_format
            self.styles[key] = StyleArray(cell._style)
        else:
            cell._style = StyleArray(style)
        return cell

"""Tables on a page: rows of cells standing apart, put back into rows and columns.

A printed row is a table row when its pieces stand at least ``CELL_GAP_EMS`` font sizes apart, in two or more
places (three cells) or, for two cells, on two such rows in a row. Consecutive table rows make a table;
its columns are where the cells' horizontal extents overlap from row to row. A row that fills only columns
the row above filled, and fewer of them, is the rest of those cells wrapped onto a second line
(``行政复议收案`` / ``（件）``), as long as each of its pieces fits inside one column.

The first row is the header when its cells outside the first column are not numbers (``2023年``, ``本年``,
``项目``); a data row's first cell is its label. A unit comes from the row label's or the header's closing
bracket (``行政复议收案（件）``, ``金额（万元）``) or from a column headed ``单位`` / ``计量单位``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.analysis.loaders.line_text import glued

CELL_GAP_EMS = 2.0
"""Pieces of a row further apart than this many font sizes are separate cells."""

_NUMBER = re.compile(r"[-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*[%％]?")
_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:单位[:：])?\s*([^()（）0-9]{1,4})\s*[)）]$")
_UNIT_HEADERS = frozenset({"单位", "计量单位", "统计单位"})


@dataclass
class Piece:
    """A run of text on a printed row, with its horizontal extent."""

    text: str
    x0: float
    x1: float


@dataclass
class TableRow:
    cells: list[str]  # one per column, "" where the row has nothing
    top: float = 0.0


@dataclass
class Table:
    rows: list[TableRow] = field(default_factory=list)
    header: list[str] | None = None  # the header row's cells, not among ``rows``


def split_cells(pieces: list[Piece], size: float) -> list[Piece]:
    """Pieces closer than a cell gap belong to one cell; the result has one piece per cell."""
    cells: list[Piece] = []
    for piece in pieces:
        if cells and piece.x0 - cells[-1].x1 < CELL_GAP_EMS * size:
            last = cells[-1]
            cells[-1] = Piece(glued(last.text, piece.text, piece.x0 - last.x1, size), last.x0, max(last.x1, piece.x1))
        else:
            cells.append(piece)
    return cells


def build_table(rows: list[list[Piece]], tops: list[float], size: float) -> Table | None:
    """The table made of ``rows`` (each already split into cells), or None when they are no table."""
    columns = _columns([piece for row in rows for piece in row], size)
    if len(columns) < 2:
        return None
    grid: list[TableRow] = []
    for pieces, top in zip(rows, tops):
        cells = [""] * len(columns)
        for piece in pieces:
            column = _column_of(piece, columns)
            cells[column] = (cells[column] + piece.text) if cells[column] else piece.text
        if grid and _continues(grid[-1].cells, cells, pieces, columns, size):
            grid[-1].cells = [above + below for above, below in zip(grid[-1].cells, cells)]
        else:
            grid.append(TableRow(cells, top))
    if len(grid) < 2 and sum(bool(c) for c in grid[0].cells) < 3:
        return None
    table = Table(grid)
    if len(grid) > 1 and _is_header(grid[0].cells):
        table.header = grid[0].cells
        table.rows = grid[1:]
    return table


def row_label(cells: list[str]) -> str | None:
    """The row's first cell without a closing unit bracket, when it is words rather than a number."""
    label = cells[0].strip()
    if not label or _NUMBER.fullmatch(label):
        return None
    return _UNIT_IN_BRACKETS.sub("", label).strip() or None


def cell_unit(cells: list[str], column: int, header: list[str] | None) -> str | None:
    """The unit of a cell: from its row's label or unit column, else from its column's header."""
    if header:
        for index, title in enumerate(header):
            if title.strip() in _UNIT_HEADERS and index < len(cells) and cells[index].strip():
                return cells[index].strip()
    found = _UNIT_IN_BRACKETS.search(cells[0].strip())
    if found:
        return found.group(1).strip()
    if header and column < len(header):
        found = _UNIT_IN_BRACKETS.search(header[column].strip())
        if found:
            return found.group(1).strip()
    return None


def column_header(column: int, header: list[str] | None) -> str | None:
    if not header or column >= len(header) or not header[column].strip():
        return None
    return _UNIT_IN_BRACKETS.sub("", header[column].strip()).strip() or None


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text.strip()) is not None


def _columns(pieces: list[Piece], size: float) -> list[tuple[float, float]]:
    """Column extents: the unions of horizontally overlapping pieces."""
    columns: list[tuple[float, float]] = []
    for piece in sorted(pieces, key=lambda p: p.x0):
        if columns and piece.x0 <= columns[-1][1] + 0.25 * size:
            columns[-1] = (columns[-1][0], max(columns[-1][1], piece.x1))
        else:
            columns.append((piece.x0, piece.x1))
    return columns


def _column_of(piece: Piece, columns: list[tuple[float, float]]) -> int:
    middle = (piece.x0 + piece.x1) / 2
    return min(range(len(columns)), key=lambda i: _distance(middle, columns[i]))


def _distance(x: float, extent: tuple[float, float]) -> float:
    return 0.0 if extent[0] <= x <= extent[1] else min(abs(x - extent[0]), abs(x - extent[1]))


def _continues(
    above: list[str], cells: list[str], pieces: list[Piece], columns: list[tuple[float, float]], size: float
) -> bool:
    filled = [i for i, cell in enumerate(cells) if cell]
    if not filled or len(filled) >= sum(bool(c) for c in above):
        return False
    if any(not above[i] for i in filled):
        return False
    return all(p.x1 <= columns[_column_of(p, columns)][1] + size for p in pieces)


def _is_header(cells: list[str]) -> bool:
    rest = [cell for cell in cells[1:] if cell.strip()]
    return bool(rest) and not any(is_number(cell) for cell in rest)

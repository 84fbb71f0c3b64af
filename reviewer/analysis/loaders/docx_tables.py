"""What a report table says about each of its numbers: the row's label, the column's header, the unit.

Report tables are written the way statistics tables are: header rows on top (years ``2021年 | 2022年`` or
``上年 | 本年``, or quantities ``收案数（件）``), one row per item with its label first, perhaps a serial-number
column before it (``序号``) and a unit column (``单位`` / ``件``) beside it. The unit of a number is, first found:
the row's own unit cell, a unit in its column header (``（件）``, ``单位：件``), a unit in its row label
(``行政复议收案（件）``), or the table's caption line (``单位：万元``). A table turned round, with the years down
the first column and the items across the header, gives the item as the label and the year as the column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.analysis.figures import COUNT_UNITS, OTHER_UNITS, PERCENT_UNITS, TIME_UNITS

_MONEY_UNITS = ("元", "万元", "亿元", "千元", "百万元", "万亿元", "美元", "万美元")
UNIT_WORDS = frozenset({*COUNT_UNITS, *TIME_UNITS, *PERCENT_UNITS, *OTHER_UNITS, *_MONEY_UNITS, "万人", "万人次"})
"""Words that state a unit on their own in a unit cell or a header."""

_UNIT_ALTERNATIVES = "|".join(re.escape(unit) for unit in sorted(UNIT_WORDS, key=len, reverse=True))
_STATED_UNIT = re.compile(
    rf"(?:[（(]\s*(?:单位\s*[：:]\s*)?(?P<bracketed>{_UNIT_ALTERNATIVES})\s*[)）]"
    rf"|单位\s*[：:]\s*(?P<labelled>{_UNIT_ALTERNATIVES})(?![\u4e00-\u9fff]))"
)
_CAPTION_UNIT = re.compile(rf"^\s*[（(]?\s*(?:计量)?单位\s*[：:]\s*(?P<unit>{_UNIT_ALTERNATIVES})\s*[)）]?\s*$")
_NUMBER = r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:[.．][0-9０-９]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?"
_DATA = re.compile(rf"^\s*[-－+＋]?(?:{_NUMBER})\s*(?P<unit>{_UNIT_ALTERNATIVES})?\s*$")
_YEAR = re.compile(r"^\s*(?:19|20)\d\d\s*(?:年度?)?\s*$|^\s*(?:本|今|上|去|前)年度?(?:同期)?\s*$")
_UNIT_HEADERS = frozenset({"单位", "计量单位", "计算单位", "统计单位"})
_SERIAL_HEADERS = frozenset({"序号", "编号", "序", "No.", "No"})


@dataclass(frozen=True)
class GridCell:
    """One cell of a table row as read: its text and the grid columns it covers."""

    text: str
    column: int
    span: int = 1


@dataclass(frozen=True)
class CellMeaning:
    """What the table says about a number cell."""

    row_label: str | None
    column_header: str | None
    unit: str | None


def caption_unit(line: str) -> str | None:
    """The unit of a caption line standing above a table (``单位：万元``), or None."""
    match = _CAPTION_UNIT.match(line)
    return match.group("unit") if match else None


def stated_unit(text: str) -> str | None:
    """A unit that a header or label states: ``收案数（件）``, ``金额(单位：万元)``, ``单位：件``, or a unit alone."""
    stripped = text.strip()
    if stripped in UNIT_WORDS:
        return stripped
    match = _STATED_UNIT.search(text)
    if match is None:
        return None
    return match.group("bracketed") or match.group("labelled")


def is_number_cell(text: str) -> bool:
    """A cell that holds one number (with or without its own unit), not a year."""
    return _DATA.match(text) is not None and _YEAR.match(text) is None


def describe_table(rows: list[list[GridCell]], caption: str | None = None) -> list[list[CellMeaning | None]]:
    """For every cell of every row: a :class:`CellMeaning` for number cells in body rows, None for the rest."""
    header_count = _header_row_count(rows)
    headers = _column_headers(rows[:header_count])
    unit_columns = {column for column, header in headers.items() if header in _UNIT_HEADERS}
    serial_columns = {column for column, header in headers.items() if header in _SERIAL_HEADERS}
    serial_columns |= _unheaded_serial_column(rows[header_count:], headers)
    caption_unit_word = caption_unit(caption) if caption else None
    table_unit = caption_unit_word or _table_unit_row(rows[:header_count])
    result: list[list[CellMeaning | None]] = [[None] * len(row) for row in rows[:header_count]]
    for row in rows[header_count:]:
        result.append(_describe_row(row, headers, unit_columns, serial_columns, table_unit))
    return result


def _describe_row(row: list[GridCell], headers: dict[int, str], unit_columns: set[int], serial_columns: set[int],
                  table_unit: str | None) -> list[CellMeaning | None]:
    label_cell = next((cell for cell in row if cell.text.strip() and cell.column not in serial_columns
                       and cell.column not in unit_columns and not is_number_cell(cell.text)
                       and cell.text.strip() not in UNIT_WORDS), None)
    label = label_cell.text.strip() if label_cell else None
    row_unit = next((stated_unit(cell.text) for cell in row if cell is not label_cell
                     and (cell.text.strip() in UNIT_WORDS or cell.column in unit_columns)
                     and stated_unit(cell.text)), None)
    meanings: list[CellMeaning | None] = []
    for cell in row:
        if cell.column in serial_columns or cell is label_cell or not is_number_cell(cell.text):
            meanings.append(None)
            continue
        header = headers.get(cell.column)
        unit = row_unit or (stated_unit(header) if header else None) or (stated_unit(label) if label else None)
        subject, column = label, header
        if label is not None and _YEAR.match(label) and header is not None:
            subject, column = header, label  # the years run down the table, the items across it
        meanings.append(CellMeaning(row_label=subject, column_header=column, unit=unit or table_unit))
    return meanings


def _header_row_count(rows: list[list[GridCell]]) -> int:
    """Leading rows without a number cell (at most three), when a row with numbers follows them."""
    count = 0
    while count < min(3, len(rows) - 1) and not any(is_number_cell(cell.text) for cell in rows[count]):
        count += 1
    return count


def _column_headers(header_rows: list[list[GridCell]]) -> dict[int, str]:
    """Grid column → its header text, the header rows' cells over it joined from the top down."""
    headers: dict[int, list[str]] = {}
    for row in header_rows:
        if len(row) == 1 and caption_unit(row[0].text):
            continue  # a 单位：件 row across the table
        for cell in row:
            text = cell.text.strip()
            for column in range(cell.column, cell.column + max(cell.span, 1)):
                if text and text not in headers.setdefault(column, []):
                    headers[column].append(text)
    return {column: " ".join(texts) for column, texts in headers.items() if texts}


def _table_unit_row(header_rows: list[list[GridCell]]) -> str | None:
    for row in header_rows:
        if len(row) == 1:
            unit = caption_unit(row[0].text)
            if unit:
                return unit
    return None


def _unheaded_serial_column(body_rows: list[list[GridCell]], headers: dict[int, str]) -> set[int]:
    """The first column when, without a header, it counts 1, 2, 3 … down the rows."""
    if 0 in headers or len(body_rows) < 2:
        return set()
    firsts = [row[0].text.strip() for row in body_rows if row and row[0].column == 0]
    if len(firsts) == len(body_rows) and firsts == [str(n) for n in range(1, len(firsts) + 1)]:
        return {0}
    return set()

"""Reading a roster (报送名单) from what officers have: a pasted list, a .txt, a .csv or an .xlsx.

Text: one unit per line; several on a line when separated by 、，； (a list copied from a notice); the numbering
a list carries is dropped (``1.`` ``2、`` ``（一）`` ``一、`` ``①`` ``第3``), and so are blank lines, the list's title
(…名单), group headings (``一、乡镇（街道）（12个）``, ``县直部门：``) and column headers. Files are decoded as
report text files are (a byte-order mark, else UTF-8, else GB18030). A table (an .xlsx sheet, a .csv, rows
pasted from a spreadsheet with tabs between the cells) gives its column headed 单位 / 单位名称 / 报送单位 /
名称, else its first column of names, and a 层级 / 级别 column when it has one.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.analysis.errors import LoadError
from reviewer.analysis.loaders.text_decoding import decode_text
from reviewer.vocabulary import Level, from_label
from reviewer.workspace.errors import WorkspaceError
from reviewer.workspace.roster import RosterUnit, key_of

ROSTER_SUFFIXES = (".xlsx", ".xlsm", ".txt", ".csv")
"""The files a roster is read from."""
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNITS = 20_000
"""More lines than any roster has: a file beyond it is not a roster."""
HEADER_ROWS = 5
"""A table's header is looked for in its first rows."""

NAME_HEADERS = ("单位名称", "报送单位", "单位全称", "机关名称", "部门名称", "单位", "名称")
LEVEL_HEADERS = ("单位层级", "层级", "级别")
OTHER_HEADERS = frozenset({"序号", "编号", "备注", "联系人", "电话", "联系电话", "年度"})

_NUMBERING = re.compile(
    r"^\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十百]+\s*[)）]"
    r"|第?[0-9０-９]+\s*(?:[.．、,，)）:：]|\s)"
    r"|第?[一二三四五六七八九十百]+\s*[、.．:：]"
    r"|[①-⑳])\s*"
)
"""A list item's number: 1. 1、 1） (1) （一） 一、 ① 第3、 — or digits and a space."""
_NUMBER_CELL = re.compile(r"[0-9０-９]+[.．、]?")
"""A 序号 cell."""
_SEPARATORS = re.compile(r"[、，,；;]")
_COUNT = re.compile(r"[（(]\s*(?:共\s*)?[0-9０-９]+\s*个(?:单位)?\s*[)）]|共\s*[0-9０-９]+\s*个")
"""(12个), （共25个）, 共25个: the size of a group, written on its heading."""
_GROUP_WORDS = re.compile(
    r"^(?:[省市州县区旗]直(?:部门|单位|机关)(?:单位)?|乡镇|街道|乡镇街道|镇街|乡镇（街道）|乡镇\(街道\)|部门|单位|其他)$"
)
_LEVEL_WORDS = {"乡镇": Level.TOWNSHIP, "街道": Level.TOWNSHIP, "乡": Level.TOWNSHIP, "镇": Level.TOWNSHIP,
                "县": Level.COUNTY, "区": Level.COUNTY, "县级": Level.COUNTY, "区县": Level.COUNTY,
                "县（区）": Level.COUNTY, "市": Level.PREFECTURE, "市级": Level.PREFECTURE,
                "省级": Level.PROVINCE}
"""How lists write a level besides the labels of :class:`Level` (乡镇街道, 县区, 地市, 省, 部门)."""


@dataclass
class ParsedRoster:
    """The units read from a list, in its order, and the lines left out (not a unit's name)."""

    units: list[RosterUnit] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def parse_roster_text(text: str) -> ParsedRoster:
    """A pasted list: lines of names, or rows copied from a spreadsheet (cells separated by tabs)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if any("\t" in line for line in lines):
        return parse_roster_rows([line.split("\t") for line in lines])
    parsed = ParsedRoster()
    for line in lines:
        _add_line(parsed, line, None)
    return _bounded(parsed)


def parse_roster_rows(rows: Sequence[Sequence[object]]) -> ParsedRoster:
    """A table: the name column (by its header, else the first column holding names) and the level column."""
    table = [[_cell_text(value) for value in row] for row in rows]
    header_row, name_column, level_column = _header(table)
    if name_column is None:
        name_column = _first_name_column(table)
    parsed = ParsedRoster()
    for number, row in enumerate(table):
        if number <= header_row or name_column >= len(row):
            if number > header_row and any(row):
                parsed.skipped.append(" ".join(cell for cell in row if cell))
            continue
        level = _level(row[level_column]) if level_column is not None and level_column < len(row) else None
        _add_line(parsed, row[name_column], level)
    return _bounded(parsed)


def read_roster_file(path: str | Path) -> ParsedRoster:
    """A roster file (.xlsx/.xlsm, .csv, else text); :class:`WorkspaceError` saying why one cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et"):
        raise WorkspaceError(f"不能直接读取旧版 Excel 文件“{path.name}”：请在 Excel 或 WPS 中另存为 .xlsx，"
                             "或把名单复制后粘贴。")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise WorkspaceError(f"“{path.name}”太大，不像是一份报送名单。")
        data = path.read_bytes()
    except OSError as error:
        raise WorkspaceError(f"无法打开名单文件“{path.name}”：{error.strerror or error}") from error
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        parsed = parse_roster_rows(_xlsx_rows(data, path.name))
    else:
        try:
            text = decode_text(data, path.name).text
        except LoadError as error:
            raise WorkspaceError(f"无法读取名单文件“{path.name}”：{error.message}") from error
        parsed = parse_roster_rows(list(csv.reader(io.StringIO(text)))) if suffix == ".csv" \
            else parse_roster_text(text)
    if not parsed.units:
        raise WorkspaceError(f"“{path.name}”中没有读到单位名称：名单应每行一个单位，或在表格第一列（或“单位名称”列）。")
    return parsed


def _xlsx_rows(data: bytes, name: str) -> list[tuple[object, ...]]:
    """The rows of the workbook's first (active) sheet, as values."""
    from openpyxl import load_workbook  # only when a workbook is read
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise WorkspaceError(f"无法读取 Excel 文件“{name}”：文件已损坏或不是 .xlsx 工作簿。") from error
    try:
        sheet = book.active if book.active is not None else book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(tuple(row))
            if len(rows) > MAX_UNITS + HEADER_ROWS:
                break
        return rows
    finally:
        book.close()


def _add_line(parsed: ParsedRoster, line: str, level: Level | None) -> None:
    line = line.strip().lstrip("\ufeff")
    if not line:
        return
    if _is_heading(line):
        parsed.skipped.append(line)
        return
    for part in _SEPARATORS.split(_NUMBERING.sub("", line, count=1)):
        name = _NUMBERING.sub("", part.strip(), count=1).strip()
        if not name:
            continue
        if _is_heading(name) or not key_of(name) or name.isdigit():
            parsed.skipped.append(name)
            continue
        parsed.units.append(RosterUnit(name, level))


def _is_heading(line: str) -> bool:
    """The list's title, a group heading or a column header: not a unit."""
    bare = _NUMBERING.sub("", line, count=1).strip()
    return (bare.endswith((":", "：")) or "名单" in bare or bool(_COUNT.search(bare))
            or bool(_GROUP_WORDS.match(bare)) or bare in NAME_HEADERS or bare in LEVEL_HEADERS
            or bare in OTHER_HEADERS)


def _header(table: list[list[str]]) -> tuple[int, int | None, int | None]:
    """The header row (-1: none) and the columns of the names and the levels in it."""
    for number, row in enumerate(table[:HEADER_ROWS]):
        cells = [cell.replace(" ", "").replace("\u3000", "") for cell in row]
        name = next((cells.index(h) for h in NAME_HEADERS if h in cells), None)
        if name is not None:
            level = next((cells.index(h) for h in LEVEL_HEADERS if h in cells), None)
            return number, name, level
    return -1, None, None


def _first_name_column(table: list[list[str]]) -> int:
    """The first column most of whose filled cells are not bare numbers (a 序号 column is skipped)."""
    width = max((len(row) for row in table), default=0)
    for column in range(width):
        filled = [row[column] for row in table if column < len(row) and row[column]]
        names = [cell for cell in filled if not _NUMBER_CELL.fullmatch(cell)]
        if filled and len(names) * 2 > len(filled):
            return column
    return 0


def _level(text: str) -> Level | None:
    text = text.strip()
    return from_label(Level, text) or _LEVEL_WORDS.get(text)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _bounded(parsed: ParsedRoster) -> ParsedRoster:
    if len(parsed.units) > MAX_UNITS:
        raise WorkspaceError(f"名单超过 {MAX_UNITS} 个单位，不像是一份报送名单。")
    return parsed

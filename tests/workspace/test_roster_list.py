"""A roster read from a pasted list, a .txt in any encoding a report file may have, a .csv or an .xlsx sheet:
numbering, blank lines, titles and group headings dropped; the name column found by its header or by its names."""
from __future__ import annotations

import codecs

import pytest
import xlsxwriter

from reviewer.vocabulary import Level
from reviewer.workspace import WorkspaceError
from reviewer.workspace.roster_list import parse_roster_rows, parse_roster_text, read_roster_file

NOTICE = """2024年度法治政府建设年度报告报送单位名单
一、乡镇（街道）（3个）
1. 青溪镇
2、白沙乡
（三）龙山街道办事处

二、县直部门：
① 明湖县 司法局
明湖县发展和改革局、明湖县公安局；明湖县财政局
第4 明湖县教育局
"""
NOTICE_UNITS = ["青溪镇", "白沙乡", "龙山街道办事处", "明湖县 司法局", "明湖县发展和改革局", "明湖县公安局",
                "明湖县财政局", "明湖县教育局"]


def names(parsed) -> list[str]:
    return [unit.name for unit in parsed.units]


def test_pasted_notice_gives_its_units_without_numbering_title_or_group_headings():
    parsed = parse_roster_text(NOTICE)
    assert names(parsed) == NOTICE_UNITS
    assert parsed.skipped == ["2024年度法治政府建设年度报告报送单位名单", "一、乡镇（街道）（3个）", "二、县直部门："]


@pytest.mark.parametrize("line, name", [
    ("1.青溪镇", "青溪镇"), ("12．青溪镇", "青溪镇"), ("3) 青溪镇", "青溪镇"), ("(4)青溪镇", "青溪镇"),
    ("（十一）青溪镇", "青溪镇"), ("十二、青溪镇", "青溪镇"), ("⑤青溪镇", "青溪镇"), ("7 青溪镇", "青溪镇"),
    ("　青溪镇　", "青溪镇"), ("一棵树镇", "一棵树镇"), ("三河镇", "三河镇"),
])
def test_numbering_is_dropped_and_names_starting_with_a_numeral_kept(line, name):
    assert names(parse_roster_text(line)) == [name]


def test_rows_pasted_from_a_spreadsheet_use_the_name_and_level_columns():
    parsed = parse_roster_text("序号\t单位名称\t层级\n1\t青溪镇\t乡镇\n2\t明湖县司法局\t部门\n3\t\t\n4\t白沙乡\t乡镇街道\n")
    assert [(u.name, u.level) for u in parsed.units] == [
        ("青溪镇", Level.TOWNSHIP), ("明湖县司法局", Level.DEPARTMENT), ("白沙乡", Level.TOWNSHIP)]


def test_a_table_without_header_takes_its_first_column_of_names():
    parsed = parse_roster_rows([[1, "青溪镇", "备注"], [2.0, "白沙乡", None], [3, "明湖县司法局", ""]])
    assert names(parsed) == ["青溪镇", "白沙乡", "明湖县司法局"]


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-8", b""), ("gb18030", b""), ("utf-16-le", codecs.BOM_UTF16_LE)])
def test_text_files_in_every_report_encoding(tmp_path, encoding, bom):
    path = tmp_path / "名单.txt"
    path.write_bytes(bom + NOTICE.replace("\n", "\r\n").encode(encoding))
    assert names(read_roster_file(path)) == NOTICE_UNITS


def test_csv_file_with_a_header_row(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_bytes(codecs.BOM_UTF8 + "序号,单位,级别\r\n1,青溪镇,乡镇\r\n2,明湖县司法局,部门\r\n".encode())
    assert [(u.name, u.level) for u in read_roster_file(path).units] == [
        ("青溪镇", Level.TOWNSHIP), ("明湖县司法局", Level.DEPARTMENT)]


def write_xlsx(path, rows, sheet_first=None):
    book = xlsxwriter.Workbook(str(path))
    if sheet_first is not None:
        book.add_worksheet("说明").write(0, 0, sheet_first)
    sheet = book.add_worksheet("名单")
    sheet.activate()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()


def test_xlsx_column_titled_unit_name_in_the_active_sheet(tmp_path):
    path = tmp_path / "名单.xlsx"
    write_xlsx(path, [["2024年度报送名单"], ["序号", "单位层级", "单位名称"], [1, "乡镇街道", "青溪镇"],
                      [2, "部门", "明湖县 司法局"], [None, None, None], [3, None, "白沙乡人民政府"]],
               sheet_first="这张表不是名单")
    parsed = read_roster_file(path)
    assert [(u.name, u.level) for u in parsed.units] == [
        ("青溪镇", Level.TOWNSHIP), ("明湖县 司法局", Level.DEPARTMENT), ("白沙乡人民政府", None)]


def test_xlsx_without_header_uses_the_first_column(tmp_path):
    path = tmp_path / "名单.xlsx"
    write_xlsx(path, [["青溪镇"], ["白沙乡"], ["明湖县司法局"]])
    assert names(read_roster_file(path)) == ["青溪镇", "白沙乡", "明湖县司法局"]


@pytest.mark.parametrize("file_name, content, message", [
    ("名单.xls", b"\xd0\xcf\x11\xe0", "另存为 .xlsx"),
    ("名单.xlsx", b"PK\x03\x04 not really a zip", "已损坏"),
    ("名单.txt", "\n\n序号\n".encode(), "没有读到单位名称"),
    ("名单.txt", b"\x00\x01\x02\x03" * 100, "无法读取名单文件"),
])
def test_unreadable_files_are_refused_with_a_chinese_message(tmp_path, file_name, content, message):
    path = tmp_path / file_name
    path.write_bytes(content)
    with pytest.raises(WorkspaceError, match=message):
        read_roster_file(path)


def test_a_missing_file_is_refused_with_its_name(tmp_path):
    with pytest.raises(WorkspaceError, match="无法打开名单文件“没有.txt”"):
        read_roster_file(tmp_path / "没有.txt")

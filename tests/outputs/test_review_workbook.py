"""The review work as an Excel workbook, read back with openpyxl: sheet names, header rows, numbers as
numeric cells and dates as date cells, effective values, unconfirmed values grey italic, report text that
looks like a formula kept as text, frozen headers and widths that fit Chinese text."""
from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.cli import main
from reviewer.outputs.review_workbook import FIGURE_COLUMNS, OVERVIEW_COLUMNS, review_workbook
from reviewer.outputs.text_width import display_width
from reviewer.outputs.workbook import HEADER_ROW, MUTED_COLOR, CellKind, Column, Row, Table, build_workbook
from tests.outputs.conftest import figure


def read(data: bytes):
    return load_workbook(io.BytesIO(data))


def header(sheet: Worksheet) -> list[str]:
    return [cell.value for cell in sheet[HEADER_ROW]]


def records(sheet: Worksheet) -> list[dict[str, object]]:
    names = header(sheet)
    return [dict(zip(names, row)) for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]


def figure_record(sheet: Worksheet, report_id: int, text: str) -> dict:
    return next(r for r in records(sheet) if r["报告编号"].value == report_id and r["原文"].value == text)


def is_muted(cell) -> bool:
    return bool(cell.font.i) and (cell.font.color is not None and cell.font.color.rgb.endswith(MUTED_COLOR))


def test_sheets_have_chinese_names_and_headers_under_a_note(reviewed):
    book = read(review_workbook(reviewed.ws))
    assert book.sheetnames == ["审阅概况", "数据", "指标"]
    assert header(book["审阅概况"]) == [c.header for c in OVERVIEW_COLUMNS]
    assert header(book["数据"]) == [c.header for c in FIGURE_COLUMNS]
    assert "灰色斜体" in book["数据"]["A1"].value
    for sheet in book:
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{HEADER_ROW}:")


def test_overview_row_holds_the_review_with_typed_cells(reviewed):
    book = read(review_workbook(reviewed.ws))
    row = next(r for r in records(book["审阅概况"]) if r["编号"].value == reviewed.qingxi)
    assert row["单位"].value == "青溪镇"
    assert row["年度"].value == 2023 and row["年度"].data_type == "n"
    assert row["审阅结论"].value == "需修改" and row["审阅状态"].value == "审阅中"
    assert row["问题数"].data_type == "n"
    assert row["公开日期"].is_date and row["公开日期"].value == datetime(2024, 3, 12)
    assert is_muted(row["单位"])  # the unit is still the machine's reading
    assert not is_muted(row["审阅结论"])


def test_figures_carry_effective_values_as_numbers(reviewed):
    sheet = read(review_workbook(reviewed.ws))["数据"]
    accepted = figure_record(sheet, reviewed.qingxi, "27项")
    assert (accepted["采用值"].value, accepted["采用值"].data_type) == (27, "n")
    assert accepted["计量单位"].value == "项" and accepted["状态"].value == "已确认"
    assert accepted["章节"].value.startswith("一、2023年推进法治政府建设的主要举措和成效")
    assert not is_muted(accepted["采用值"])

    corrected = figure_record(sheet, reviewed.qingxi, "46条")
    assert corrected["采用值"].value == 48 and corrected["更正值"].value == 48
    assert corrected["机器识别值"].value == 46 and corrected["状态"].value == "已更正"

    rejected = figure_record(sheet, reviewed.qingxi, "31条")
    assert rejected["采用值"].value is None and rejected["机器识别值"].value == 31
    assert rejected["状态"].value == "已否决"

    pending = figure_record(sheet, reviewed.qingxi, "186项")
    assert pending["状态"].value == "待审" and pending["采用值"].value == 186
    assert all(is_muted(cell) for cell in pending.values() if cell.value is not None)


def test_indicator_table_holds_numbers_shown_with_their_units(reviewed):
    ws = reviewed.ws
    ws.set_item_state(figure(ws, reviewed.qingxi, "35份").id, "corrected", {"value": 36})
    ws.set_item_state(figure(ws, reviewed.qingxi, "58件").id, "rejected")
    officers = next(i for i in ws.items(reviewed.qingxi, "indicator") if i.machine.text == "42名")
    ws.set_item_state(officers.id, "accepted")
    sheet = read(review_workbook(ws))["指标"]
    assert header(sheet)[:5] == ["报告编号", "单位", "年度", "行政复议案件", "行政复议纠错率"]
    row = next(r for r in records(sheet) if r["报告编号"].value == reviewed.qingxi)
    adviser = row["法律顾问意见"]  # its figure corrected, the cell itself not yet confirmed
    assert (adviser.value, adviser.data_type, adviser.number_format) == (36, "n", 'General"份"')
    assert is_muted(adviser)
    officers = row["持证执法人员"]
    assert (officers.value, officers.number_format) == (42, 'General"名"') and not is_muted(officers)
    rate = row["负责人出庭应诉率"]
    assert (rate.value, rate.number_format) == (100, 'General"%"') and is_muted(rate)
    assert row["行政处罚案件"].value is None  # its figure was rejected
    assert row["行政复议案件"].value is None  # the report states none


def test_formula_looking_text_stays_a_string(reviewed):
    sheet = read(review_workbook(reviewed.ws))["数据"]
    subject = figure_record(sheet, reviewed.qingxi, "46条")["统计对象"]
    assert subject.data_type == "s"
    assert subject.value == "'=SUM(A1:A9)"


def test_every_figure_of_every_report_is_listed(reviewed):
    ws = reviewed.ws
    sheet = read(review_workbook(ws))["数据"]
    expected = sum(len(ws.items(r.id, "figure", include_unanchored=True)) for r in ws.reports())
    assert len(records(sheet)) == expected


def test_column_widths_count_han_characters_twice():
    columns = [Column("单位", max_width=40), Column("数值", CellKind.NUMBER, 12), Column("说明", max_width=10)]
    table = Table("表", "说明", columns, [Row(["青溪镇人民政府", 1.5, "很长的一段说明文字超过上限"])])
    sheet = read(build_workbook([table]))["表"]
    widths = {key: int(dim.width) for key, dim in sheet.column_dimensions.items()}  # Excel adds a fraction
    assert widths["A"] == display_width("青溪镇人民政府") + 2 == 16
    assert widths["B"] == 6  # "数值" is 4 wide, "1.5" 3: at least the minimum
    assert widths["C"] == 10  # capped
    assert sheet["B3"].value == 1.5 and sheet["B3"].data_type == "n"


def test_cli_exports_xlsx(reviewed, tmp_path, capsys):
    path = reviewed.ws.path
    reviewed.ws.close()
    out = tmp_path / "审阅.xlsx"
    assert main(["export", str(path), "--format", "xlsx", "-o", str(out)]) == 0
    assert read(out.read_bytes()).sheetnames == ["审阅概况", "数据", "指标"]
    assert main(["export", str(path), "--format", "xlsx"]) == 1
    assert "-o" in capsys.readouterr().err


def test_display_width_of_mixed_text():
    assert display_width("2023年度") == 8
    assert display_width("ＡＢ") == 4
    assert display_width("一行\n较长的第二行") == 12

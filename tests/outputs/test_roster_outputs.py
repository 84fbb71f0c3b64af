"""The batch table (PDF and Word) and the Excel workbook list the roster units with no report as 未报送 and mark
a report from a unit not on its year's roster (不在名单); without rosters they are as before."""
from __future__ import annotations

import io
import re

import docx
import pypdf
import pytest
from openpyxl import load_workbook

from reviewer.outputs.batch_docx import build_batch_docx
from reviewer.outputs.review_workbook import ROSTER_COLUMNS, review_workbook
from reviewer.outputs.workbook import HEADER_ROW
from reviewer.summary.batch_sheet import build_batch_pdf
from reviewer.summary.collect import collect_batch
from reviewer.vocabulary import Level, Reporting
from reviewer.workspace import RosterUnit


@pytest.fixture
def rostered(reviewed):
    """青溪镇 (2023) on the 2023 roster with 白沙乡 and 龙山街道, which sent nothing; 明湖县司法局 (2022) not on the
    2022 roster, whose only unit 明湖县人民政府 sent nothing."""
    reviewed.ws.set_roster(2023, [RosterUnit("慈溪市青溪镇人民政府"), RosterUnit("白沙乡", Level.TOWNSHIP),
                                  RosterUnit("龙山街道")])
    reviewed.ws.set_roster(2022, [RosterUnit("明湖县人民政府", Level.COUNTY)])
    return reviewed


def pdf_text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages))


def test_collected_batch_has_the_missing_units_and_the_off_roster_mark(rostered):
    data = collect_batch(rostered.ws)
    assert [(u.unit, u.report_year, u.level) for u in data.not_reported] == [
        ("明湖县人民政府", 2022, "县区"), ("白沙乡", 2023, "乡镇街道"), ("龙山街道", 2023, None)]
    assert {row.unit: row.reporting for row in data.rows} == {
        "青溪镇": Reporting.REPORTED, "明湖县司法局": Reporting.OFF_ROSTER}
    selected = collect_batch(rostered.ws, [rostered.qingxi])
    assert selected.not_reported == [] and selected.rows[0].reporting == Reporting.REPORTED


def test_batch_pdf_lists_missing_units_as_not_reported(rostered):
    text = pdf_text(build_batch_pdf(collect_batch(rostered.ws)))
    reports = text[text.index("一、报告审阅情况"):text.index("二、主要指标")]
    assert "共2份报告" in text and "未报送3个单位" in text
    assert "3明湖县人民政府2022————未报送" in reports
    assert "4白沙乡2023————未报送" in reports and "5龙山街道2023————未报送" in reports
    assert "明湖县司法局（不在名单）" in reports
    assert "未报送：报送名单中该年度没有报告的单位" in reports
    indicators = text[text.index("二、主要指标"):]
    assert "白沙乡" not in indicators, "a unit with no report has no indicators"


def test_batch_docx_lists_missing_units_as_not_reported(rostered):
    document = docx.Document(io.BytesIO(build_batch_docx(collect_batch(rostered.ws))))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[-1] == ["5", "龙山街道", "2023", "—", "—", "—", "—", "未报送"]
    assert any(row[1] == "明湖县司法局（不在名单）" for row in rows)


def test_workbook_ends_the_overview_with_missing_units_and_adds_the_roster_sheet(rostered):
    book = load_workbook(io.BytesIO(review_workbook(rostered.ws)))
    assert book.sheetnames == ["审阅概况", "数据", "指标", "报送名单"]
    overview = book["审阅概况"]
    head = [cell.value for cell in overview[HEADER_ROW]]
    last = {name: cell.value for name, cell in zip(head, list(overview.iter_rows(min_row=HEADER_ROW + 1))[-1])}
    assert (last["编号"], last["单位"], last["年度"], last["审阅状态"]) == (None, "龙山街道", 2023, "未报送")
    assert "未报送的单位 3 个" in overview["A1"].value

    sheet = book["报送名单"]
    assert [cell.value for cell in sheet[HEADER_ROW]] == [c.header for c in ROSTER_COLUMNS]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert rows == [
        [2022, 1, "明湖县人民政府", "县区", "未报送", None, None, None],
        [2022, None, None, None, "不在名单", rostered.minghu, "明湖县司法局", rows[1][7]],
        [2023, 1, "慈溪市青溪镇人民政府", None, "已报送", rostered.qingxi, "青溪镇", rows[2][7]],
        [2023, 2, "白沙乡", "乡镇街道", "未报送", None, None, None],
        [2023, 3, "龙山街道", None, "未报送", None, None, None],
    ]
    assert "明湖县" in rows[1][7] and "青溪镇" in rows[2][7]


def test_without_rosters_nothing_is_marked(reviewed):
    data = collect_batch(reviewed.ws)
    assert data.not_reported == [] and all(row.reporting is None for row in data.rows)
    text = pdf_text(build_batch_pdf(data))
    assert "未报送" not in text and "不在名单" not in text
    assert load_workbook(io.BytesIO(review_workbook(reviewed.ws))).sheetnames == ["审阅概况", "数据", "指标"]

"""The batch summary reads all its reports together (one query per table, only the items a row needs):
its rows are the ones read report by report, with every kind of decision in play."""
from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.summary import collect_batch
from reviewer.summary.collect import batch_row_from_view
from reviewer.summary.review_view import view_from_workspace
from reviewer.vocabulary import ItemKind, Verdict
from reviewer.workspace import Workspace, WorkspaceError
from reviewer.workspace.values import MetadataValues

TEXT = (
    "平安县人民政府2022年法治政府建设年度报告\n\n"
    "一、主要举措\n全年共收到行政复议申请92件，依法受理86件。全县办理行政处罚案件1,286件。\n"
    "二、存在的不足\n政府常务会议学法12次。县政府法律顾问出具法律意见书42份。\n"
    "三、下一年工作打算\n继续推进。\n平安县人民政府\n2023年3月20日\n"
)


def _item(ws, report_id, kind, field, value):
    return next(i for i in ws.items(report_id, kind=kind) if getattr(i.effective, field) == value)


@pytest.fixture
def workspace(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        first = ws.import_bytes(TEXT.encode("utf-8"), "平安县2022.txt").report_id
        second = ws.import_bytes(TEXT.replace("平安县", "长宁县").encode("utf-8"), "长宁县2022.txt").report_id
        ws.import_bytes("没有标题也没有数据的一段话。".encode(), "空白.txt")
        ws.set_item_state(_item(ws, first, "figure", "text", "1,286件").id, "corrected", {"value": 1268})
        ws.set_item_state(_item(ws, first, "figure", "text", "42份").id, "rejected")
        ws.set_item_state(_item(ws, first, "indicator", "code", "study_sessions").id, "accepted")
        unit = next(i for i in ws.items(second, kind="metadata") if i.effective.field == "unit")
        ws.set_item_state(unit.id, "corrected", MetadataValues("unit", "长宁县司法局"))
        for finding in ws.items(second, kind="finding"):
            ws.set_item_state(finding.id, "rejected")
        ws.set_review(second, verdict=Verdict.PASS, remarks="同意。")
        yield ws


def test_batch_rows_read_together_equal_rows_read_one_by_one(workspace):
    data = collect_batch(workspace)
    ids = [r.id for r in sorted(workspace.reports(), key=lambda r: (r.unit or "", r.report_year or 0, r.id))]
    one_by_one = [batch_row_from_view(view_from_workspace(workspace, report_id)) for report_id in ids]
    assert [replace(row, reporting=None) for row in data.rows] == one_by_one
    by_unit = {row.unit: row for row in data.rows}
    assert by_unit["平安县"].indicators["行政处罚案件"].text == "1268件"
    assert "法律顾问意见" not in by_unit["平安县"].indicators
    assert by_unit["长宁县司法局"].verdict == "通过" and by_unit["长宁县司法局"].open_findings == 0


def test_batch_records_hold_only_the_decided_figures_on_indicator_cells_and_no_headings(workspace):
    report_id = workspace.reports()[0].id
    (record,) = workspace.batch_records([report_id])
    indicator_spans = {(i.start, i.end) for i in record.items if i.kind == ItemKind.INDICATOR}
    figures = [i for i in record.items if i.kind == ItemKind.FIGURE]
    assert sorted(i.effective.text for i in figures) == ["1,286件", "42份"], "the corrected and the rejected one"
    assert all((i.start, i.end) in indicator_spans for i in figures)
    on_cells = [i for i in workspace.items(report_id, kind="figure") if (i.start, i.end) in indicator_spans]
    assert len(on_cells) > len(figures), "the pending figures on cells are left in the file"
    assert not [i for i in record.items if i.kind == ItemKind.SECTION]
    assert len(workspace.items(report_id, kind="section")) > 1
    assert record.analysis.metadata.unit == "平安县" and record.analysis.text.startswith("平安县人民政府")
    assert record.analysis.figures == []


def test_batch_of_a_missing_report_says_which(workspace):
    with pytest.raises(WorkspaceError, match="编号 999"):
        collect_batch(workspace, [999])

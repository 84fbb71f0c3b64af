"""The batch PDF's indicator table: catalogue columns, reviewed values first, machine values marked, rejected out."""
from __future__ import annotations

import re

from reviewer.analysis.indicator_catalogue import indicator_columns
from reviewer.summary import build_batch_pdf, collect_batch
from reviewer.workspace import Workspace
from reviewer.workspace.indicator_cells import repoint_cell

TEXT = (
    "平安县人民政府2022年法治政府建设年度报告\n\n"
    "全年共收到行政复议申请92件，依法受理86件。全县办理行政处罚案件1,286件。"
    "政府常务会议学法12次。县政府法律顾问出具法律意见书42份。\n"
)


def _by_code(ws, report_id, kind, field, value):
    return next(i for i in ws.items(report_id, kind=kind) if getattr(i.effective, field) == value)


def test_batch_table_takes_reviewed_cells(tmp_path, pdf_pages):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = ws.import_bytes(TEXT.encode("utf-8"), "平安县2022.txt").report_id
        ws.set_item_state(_by_code(ws, report, "indicator", "code", "penalty_cases").id, "accepted")
        ws.set_item_state(_by_code(ws, report, "indicator", "code", "study_sessions").id, "rejected")
        repoint_cell(ws, report, "reconsideration_cases", _by_code(ws, report, "figure", "text", "86件"))
        data = collect_batch(ws)
    assert data.indicator_names == list(indicator_columns().values())
    row = data.rows[0].indicators
    assert (row["行政处罚案件"].text, row["行政处罚案件"].pending) == ("1286件", False)
    assert (row["行政复议案件"].text, row["行政复议案件"].pending) == ("86件", False)
    assert (row["法律顾问意见"].text, row["法律顾问意见"].pending) == ("42份", True)
    assert "学法" not in row
    flat = re.sub(r"\s+", "", "".join(pdf_pages(build_batch_pdf(data))))
    table = flat[flat.index("二、主要指标"):]
    assert "86件" in table and "1286件" in table and "42份" in table
    assert "92件" not in table and "12次" not in table
    assert "审阅人否决的指标不列出" in table

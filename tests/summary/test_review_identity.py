"""The reviewer's name, office and document-number prefix from the workspace, printed on the sheets and recorded
on decisions."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from reviewer.summary import build_batch_pdf, build_report_pdf, collect_batch, collect_report
from reviewer.workspace import ReviewIdentity, Workspace

LONGSHAN = "000_03c6df2d3abd0aba.txt"


def _flat(pages: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(pages))


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.open(tmp_path / "审阅.sqlite")
    yield workspace
    workspace.close()


def test_identity_is_stored_in_one_undoable_step(ws):
    login = ws.reviewer_name
    ws.set_identity(ReviewIdentity("赵审阅", "某市司法局", "司法审"))
    assert ws.identity == ReviewIdentity("赵审阅", "某市司法局", "司法审")
    assert ws.reviewer_name == "赵审阅"
    ws.undo(ws.last_change_id)
    assert ws.identity == ReviewIdentity()
    assert ws.reviewer_name == login


def test_blank_name_falls_back_to_the_login(ws):
    login = ws.reviewer_name
    ws.set_identity(ReviewIdentity("赵审阅", "", ""))
    ws.set_identity(ReviewIdentity("  ", "", ""))
    assert ws.identity.reviewer_name == ""
    assert ws.reviewer_name == login


def test_decisions_record_the_name_set(ws, samples_dir):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    ws.set_identity(ReviewIdentity("赵审阅", "", ""))
    figure = ws.items(report_id, "figure")[0]
    ws.set_item_state(figure.id, "accepted")
    assert ws.item(figure.id).reviewer == "赵审阅"
    assert ws.history(limit=1)[0].who == "赵审阅"


def test_sheet_and_batch_print_name_office_and_number(ws, samples_dir, pdf_pages):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    ws.set_identity(ReviewIdentity("赵审阅", "某市司法局", "司法审"))
    sheet = _flat(pdf_pages(build_report_pdf(collect_report(ws, report_id))))
    assert "赵审阅" in sheet
    assert "审阅单位某市司法局" in sheet
    assert f"司法审〔{datetime.now().year}〕{report_id}号" in sheet
    batch = _flat(pdf_pages(build_batch_pdf(collect_batch(ws))))
    assert "审阅单位：某市司法局" in batch
    assert "审阅人：赵审阅" in batch


def test_sheet_without_office_or_prefix_prints_no_such_row(ws, samples_dir, pdf_pages):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    sheet = _flat(pdf_pages(build_report_pdf(collect_report(ws, report_id))))
    assert "审阅单位" not in sheet
    assert "编号" not in sheet

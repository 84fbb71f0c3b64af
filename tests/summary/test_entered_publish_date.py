"""The reviewer enters the publish (or receipt) date of a report that carries none, or corrects the machine's:
the publish_date item exists and is correctable, and the checklist judges timeliness by the entered date."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.summary import collect_report
from reviewer.workspace import Workspace

_PAPER = (
    "明湖县人民政府关于2022年法治政府建设情况的报告\n\n2022年，我县坚持依法行政，全面推进法治政府建设。\n\n"
    "一、主要举措\n\n（一）完善制度。\n\n明湖县人民政府\n\n2023年3月20日\n"
)


@pytest.fixture
def workspace(tmp_path: Path):
    ws = Workspace.open(tmp_path / "审阅.sqlite")
    yield ws
    ws.close()


def _import(ws: Workspace, tmp_path: Path, text: str) -> int:
    path = tmp_path / "明湖县2022年报告.txt"
    path.write_text(text, encoding="utf-8")
    return ws.import_file(path).report_id


def _publish_item(ws: Workspace, report_id: int):
    return next(i for i in ws.items(report_id, "metadata") if i.machine.field == "publish_date")


def _timeliness(ws: Workspace, report_id: int):
    return {row.item: row for row in collect_report(ws, report_id).checks}["公开及时性"]


def test_a_report_without_a_publish_date_has_a_correctable_publish_date_item(workspace, tmp_path) -> None:
    report_id = _import(workspace, tmp_path, _PAPER)
    item = _publish_item(workspace, report_id)
    assert (item.machine.field, item.machine.value) == ("publish_date", None)
    codes = [i.machine.code for i in workspace.items(report_id, "finding")]
    assert "publish_date_unknown" in codes
    assert _timeliness(workspace, report_id).result == "需核实"

    workspace.set_item_state(item.id, "corrected", {"value": "2023-03-28"})
    row = _timeliness(workspace, report_id)
    assert (row.result, row.evidence) == ("符合", "公开日期 2023-03-28，不晚于 2023-03-31")

    workspace.set_item_state(item.id, "corrected", {"value": "2023-04-06"})
    assert _timeliness(workspace, report_id).result == "不符合"


def test_an_entered_date_replaces_the_machine_judgement_of_lateness(workspace, tmp_path) -> None:
    late_page = "发布日期：2023-04-15\n\n" + _PAPER
    report_id = _import(workspace, tmp_path, late_page)
    assert "published_late" in [i.machine.code for i in workspace.items(report_id, "finding")]
    assert _timeliness(workspace, report_id).result == "不符合"

    workspace.set_item_state(_publish_item(workspace, report_id).id, "corrected", {"value": "2023-03-30"})
    assert _timeliness(workspace, report_id).result == "符合"


def test_derived_metadata_is_not_a_review_item(workspace, tmp_path) -> None:
    report_id = _import(workspace, tmp_path, _PAPER)
    fields = {i.machine.field for i in workspace.items(report_id, "metadata")}
    assert "publish_date" in fields
    assert not fields & {"unit_key", "issue_date"}
    assert workspace.report(report_id).analysis.metadata.unit_key == "明湖县"

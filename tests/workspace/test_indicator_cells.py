"""Indicator cells as review items: accept, reject, re-point, fill, and a new version of the report."""
from __future__ import annotations

from reviewer.workspace import Workspace
from reviewer.workspace.indicator_cells import fill_cell, repoint_cell, report_cells

TEXT = (
    "平安县人民政府2022年法治政府建设年度报告\n\n"
    "全年共收到行政复议申请92件，依法受理86件。全县办理行政处罚案件1,286件。"
    "政府常务会议学法12次。县政府法律顾问出具法律意见书42份。\n"
)


def _import(ws: Workspace, text: str, name: str = "平安县2022.txt") -> int:
    return ws.import_bytes(text.encode("utf-8"), name).report_id


def _item(ws: Workspace, report_id: int, code: str):
    return next(i for i in ws.items(report_id, kind="indicator") if i.effective.code == code)


def _figure(ws: Workspace, report_id: int, text: str):
    return next(i for i in ws.items(report_id, kind="figure") if i.machine.text == text)


def test_machine_cells_are_unconfirmed_until_accepted(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        cells = report_cells(ws, report)
        assert {code: cell.display for code, cell in cells.items()} == {
            "reconsideration_cases": "92件", "penalty_cases": "1286件", "study_sessions": "12次",
            "legal_adviser_opinions": "42份",
        }
        assert not any(cell.confirmed for cell in cells.values())
        ws.set_item_state(_item(ws, report, "penalty_cases").id, "accepted")
        assert report_cells(ws, report)["penalty_cases"].confirmed


def test_a_rejected_cell_or_figure_leaves_the_cell_empty(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        ws.set_item_state(_item(ws, report, "study_sessions").id, "rejected")
        ws.set_item_state(_figure(ws, report, "42份").id, "rejected")
        cells = report_cells(ws, report)
        assert "study_sessions" not in cells and "legal_adviser_opinions" not in cells


def test_a_corrected_figure_gives_the_cell_its_value_still_unconfirmed(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        ws.set_item_state(_figure(ws, report, "92件").id, "corrected", {"value": 93})
        cell = report_cells(ws, report)["reconsideration_cases"]
        assert (cell.display, cell.confirmed, cell.text) == ("93件", False, "92件")
        ws.set_item_state(_item(ws, report, "reconsideration_cases").id, "accepted")
        cell = report_cells(ws, report)["reconsideration_cases"]
        assert (cell.display, cell.confirmed) == ("93件", True)


def test_accepting_a_figure_does_not_confirm_its_cell(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        ws.set_item_state(_figure(ws, report, "92件").id, "accepted")
        cell = report_cells(ws, report)["reconsideration_cases"]
        assert (cell.display, cell.confirmed) == ("92件", False)


def test_a_repointed_cell_follows_a_later_correction_of_its_figure(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        figure = _figure(ws, report, "86件")
        repoint_cell(ws, report, "reconsideration_cases", figure)
        ws.set_item_state(figure.id, "corrected", {"value": 88})
        assert report_cells(ws, report)["reconsideration_cases"].display == "88件"
        ws.set_item_state(figure.id, "rejected")
        assert report_cells(ws, report)["reconsideration_cases"].display == "86件"


def test_a_correction_of_the_cell_itself_wins_over_its_figures(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        ws.set_item_state(_figure(ws, report, "92件").id, "corrected", {"value": 93})
        ws.set_item_state(_item(ws, report, "reconsideration_cases").id, "corrected", {"value": 95})
        assert report_cells(ws, report)["reconsideration_cases"].display == "95件"


def test_repointing_a_cell_takes_another_figure_of_the_report(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT)
        accepted = _figure(ws, report, "86件")
        repoint_cell(ws, report, "reconsideration_cases", accepted)
        cell = report_cells(ws, report)["reconsideration_cases"]
        assert (cell.display, cell.confirmed, cell.start) == ("86件", True, accepted.start)
        assert _item(ws, report, "reconsideration_cases").state in ("rejected", "accepted")
        repoint_cell(ws, report, "reconsideration_cases", _figure(ws, report, "92件"))
        assert report_cells(ws, report)["reconsideration_cases"].display == "92件"


def test_an_empty_cell_is_filled_from_a_figure(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        report = _import(ws, TEXT + "全县持证执法人员1,203名。\n")
        assert "disclosure_items" not in report_cells(ws, report)
        fill_cell(ws, report, "disclosure_items", _figure(ws, report, "1,203名"))
        cell = report_cells(ws, report)["disclosure_items"]
        assert (cell.display, cell.confirmed) == ("1203名", True)


def test_decisions_survive_a_new_version_of_the_report(tmp_path):
    with Workspace.open(tmp_path / "w.sqlite") as ws:
        old = _import(ws, TEXT)
        ws.set_item_state(_item(ws, old, "penalty_cases").id, "accepted")
        ws.set_item_state(_item(ws, old, "study_sessions").id, "rejected")
        repoint_cell(ws, old, "reconsideration_cases", _figure(ws, old, "86件"))
        newer = TEXT.replace("\n\n", "\n\n一年来，县政府认真贯彻落实法治政府建设实施纲要。\n", 1)
        result = ws.import_bytes(newer.encode("utf-8"), "平安县2022.txt")
        assert result.status == "new_version"
        cells = report_cells(ws, result.report_id)
        assert cells["penalty_cases"].confirmed
        assert "study_sessions" not in cells
        assert (cells["reconsideration_cases"].display, cells["reconsideration_cases"].confirmed) == ("86件", True)
        text = ws.report(result.report_id).analysis.text
        assert text[cells["reconsideration_cases"].start:cells["reconsideration_cases"].end] == "86件"

"""Rosters (报送名单): stored per year in the officer's order, matched to the reports by unit key, every edit
one undoable history row."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reviewer.vocabulary import ItemKind, Level, Reporting
from reviewer.workspace import RosterUnit, Workspace, WorkspaceError, export_json

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
QINGXI = DEMO / "01_青溪镇2023年度法治政府建设工作报告.txt"  # 青溪镇, 2023
MINGHU = DEMO / "02_明湖县司法局2022年法治政府建设情况报告.txt"  # 明湖县司法局, 2022


def names(units: list[str]) -> list[RosterUnit]:
    return [RosterUnit(name) for name in units]


@pytest.fixture
def reports(ws: Workspace) -> dict[str, int]:
    return {"青溪镇": ws.import_file(QINGXI).report_id, "明湖县司法局": ws.import_file(MINGHU).report_id}


def test_roster_keeps_the_order_and_each_unit_once(ws):
    edit = ws.set_roster(2023, [RosterUnit("明湖县 司法局", Level.DEPARTMENT), RosterUnit("青溪镇"),
                                RosterUnit("明湖县司法局"), RosterUnit("（本级）")])
    assert edit.added == ("明湖县 司法局", "青溪镇")
    assert edit.skipped == ("明湖县司法局", "（本级）")
    entries = ws.roster(2023)
    assert [(e.ordinal, e.name, e.unit_key, e.level) for e in entries] == [
        (1, "明湖县 司法局", "明湖县司法局", Level.DEPARTMENT), (2, "青溪镇", "青溪镇", None)]
    assert ws.roster_years() == [2023]
    assert ws.roster(2024) == []


def test_adding_skips_units_already_listed_under_another_spelling(ws):
    ws.set_roster(2023, names(["龙山镇", "明湖县司法局"]))
    edit = ws.add_to_roster(2023, names(["慈溪市龙山镇人民政府", "白沙乡", "明湖县　司法局"]))
    assert edit.added == ("白沙乡",)
    assert edit.skipped == ("慈溪市龙山镇人民政府", "明湖县　司法局")
    assert [e.name for e in ws.roster(2023)] == ["龙山镇", "明湖县司法局", "白沙乡"]


def test_reports_match_roster_entries_by_unit_key_and_year(ws, reports):
    ws.set_roster(2022, names(["明湖县 司法局", "明湖县人民政府", "青溪镇"]))
    ws.set_roster(2023, names(["慈溪市青溪镇人民政府"]))
    statuses = {s.year: s for s in ws.roster_status()}
    assert sorted(statuses) == [2022, 2023]
    lines_2022 = {line.entry.name: line for line in statuses[2022].lines}
    assert lines_2022["明湖县 司法局"].report_ids == (reports["明湖县司法局"],)
    assert lines_2022["明湖县 司法局"].status == Reporting.REPORTED
    assert lines_2022["青溪镇"].status == Reporting.NOT_REPORTED, "青溪镇 reported for 2023, not 2022"
    assert [e.name for e in statuses[2022].missing] == ["明湖县人民政府", "青溪镇"]
    assert statuses[2022].reported == 1
    assert statuses[2023].lines[0].report_ids == (reports["青溪镇"],)
    assert statuses[2022].off_roster == statuses[2023].off_roster == ()
    assert {r.id: r.reporting for r in ws.reports()} == {
        reports["青溪镇"]: Reporting.REPORTED, reports["明湖县司法局"]: Reporting.REPORTED}


def test_report_of_a_unit_not_on_its_years_roster_is_off_roster(ws, reports):
    ws.set_roster(2023, names(["白沙乡"]))
    [status] = ws.roster_status()
    assert [r.id for r in status.off_roster] == [reports["青溪镇"]]
    assert [e.name for e in status.missing] == ["白沙乡"]
    by_id = {r.id: r.reporting for r in ws.reports()}
    assert by_id[reports["青溪镇"]] == Reporting.OFF_ROSTER
    assert by_id[reports["明湖县司法局"]] is None, "2022 has no roster"


def test_the_reviewers_correction_of_the_unit_is_what_matches(ws, reports):
    ws.set_roster(2023, names(["白沙乡"]))
    unit = next(i for i in ws.items(reports["青溪镇"], kind=ItemKind.METADATA) if i.machine.field == "unit")
    ws.set_item_state(unit.id, "corrected", {"value": "白沙乡人民政府"})
    [status] = ws.roster_status()
    assert status.lines[0].report_ids == (reports["青溪镇"],)
    assert status.off_roster == ()
    assert ws.reports([reports["青溪镇"]])[0].reporting == Reporting.REPORTED


def test_roster_edits_are_undone_and_redone_from_the_history(ws):
    first = ws.set_roster(2023, names(["青溪镇", "白沙乡"]))
    added = ws.add_to_roster(2023, names(["明湖县司法局"]))
    removed = ws.remove_from_roster(2023, ["白沙乡"])
    assert removed.removed == ("白沙乡",)
    assert [e.name for e in ws.roster(2023)] == ["青溪镇", "明湖县司法局"]
    ws.undo(removed.history_id)
    assert [e.name for e in ws.roster(2023)] == ["青溪镇", "白沙乡", "明湖县司法局"]
    ws.undo(added.history_id)
    ws.undo(first.history_id)
    assert ws.roster(2023) == [] and ws.roster_years() == []
    ws.redo(first.history_id)
    assert [e.name for e in ws.roster(2023)] == ["青溪镇", "白沙乡"]
    entry = ws.history(limit=1)[0]
    assert (entry.target, entry.target_id, entry.action) == ("roster", 2023, "redo")


def test_an_edit_that_changes_nothing_writes_no_history(ws):
    ws.set_roster(2023, names(["青溪镇"]))
    before = len(ws.history())
    edit = ws.add_to_roster(2023, names(["青溪镇人民政府"]))
    assert not edit.changed and edit.skipped == ("青溪镇人民政府",)
    assert not ws.remove_from_roster(2023, ["白沙乡"]).changed
    assert len(ws.history()) == before


def test_a_year_out_of_range_is_refused_with_a_chinese_message(ws):
    with pytest.raises(WorkspaceError, match="年度应为"):
        ws.set_roster(23, names(["青溪镇"]))
    assert ws.roster_years() == []


def test_rosters_survive_closing_the_workspace(ws_path):
    with Workspace.open(ws_path) as ws:
        ws.set_roster(2024, [RosterUnit("青溪镇", Level.TOWNSHIP)])
    with Workspace.open(ws_path) as ws:
        assert [(e.name, e.level) for e in ws.roster(2024)] == [("青溪镇", Level.TOWNSHIP)]


def test_json_export_holds_the_rosters_and_each_reports_mark(ws, reports):
    ws.set_roster(2023, [RosterUnit("白沙乡", Level.TOWNSHIP)])
    data = json.loads(json.dumps(export_json(ws), ensure_ascii=False))
    assert data["rosters"] == [{"year": 2023, "ordinal": 1, "name": "白沙乡", "unit_key": "白沙乡", "level": "township"}]
    assert {r["id"]: r["reporting"] for r in data["reports"]} == {reports["青溪镇"]: "off_roster",
                                                                   reports["明湖县司法局"]: None}


def test_entries_are_removed_by_their_stored_key_and_a_write_keys_the_list_again(ws, ws_path):
    ws.set_roster(2023, names(["青溪镇", "白沙乡"]))
    conn = sqlite3.connect(ws_path)
    with conn:
        conn.execute("UPDATE roster SET unit_key = '旧写法的键' WHERE name = '白沙乡'")  # as an older unit_key made it
    conn.close()
    assert ws.remove_from_roster(2023, ["旧写法的键"]).removed == ("白沙乡",)
    ws.add_to_roster(2023, names(["白沙乡"]))
    assert [e.unit_key for e in ws.roster(2023)] == ["青溪镇", "白沙乡"]

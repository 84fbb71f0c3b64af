"""Many decisions in one step: decide_many changes the items of one report in one transaction with one history
entry, and one undo (or redo) reverses (or repeats) all of them."""
from __future__ import annotations

import pytest

from reviewer.workspace import Workspace, WorkspaceError

LONGSHAN = "000_03c6df2d3abd0aba.txt"
CHANGPING = "003_3fc20d629b335cca.txt"


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace.open(tmp_path / "审阅.sqlite")
    yield workspace
    workspace.close()


def _states(ws, ids):
    return [ws.item(i).state for i in ids]


def test_one_history_entry_and_one_undo_for_the_batch(ws, samples_dir):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    ids = [item.id for item in ws.items(report_id)]
    ws.set_item_state(ids[0], "rejected")
    entries_before = len(ws.history())

    changed = ws.decide_many(ids, "accepted")

    assert changed == ids
    assert _states(ws, ids) == ["accepted"] * len(ids)
    assert len(ws.history()) == entries_before + 1
    batch = ws.history(limit=1)[0]
    assert batch.target == "items" and batch.report_id == report_id
    ws.undo(batch.id)
    assert _states(ws, ids) == ["rejected"] + ["pending"] * (len(ids) - 1)
    ws.redo(batch.id)
    assert _states(ws, ids) == ["accepted"] * len(ids)
    assert {ws.item(i).reviewer for i in ids} == {ws.reviewer_name}


def test_items_already_decided_so_are_left_alone(ws, samples_dir):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    ids = [item.id for item in ws.items(report_id, "figure")]
    ws.set_item_state(ids[0], "accepted")
    assert ws.decide_many(ids, "accepted") == ids[1:]
    entries = len(ws.history())
    assert ws.decide_many(ids, "accepted") == []
    assert len(ws.history()) == entries


def test_a_manual_item_keeps_its_values(ws, samples_dir):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    text = ws.report(report_id).analysis.text
    manual = ws.add_item(report_id, "figure", 0, 2, {"value": 7, "unit": "件"})
    ws.decide_many([manual.id], "rejected")
    assert ws.item(manual.id).state == "rejected"
    assert ws.item(manual.id).corrected == manual.corrected
    assert ws.item(manual.id).corrected.text == text[0:2]


def test_corrected_and_mixed_reports_are_refused(ws, samples_dir):
    first = ws.import_file(samples_dir / LONGSHAN).report_id
    second = ws.import_file(samples_dir / CHANGPING).report_id
    one, other = ws.items(first)[0].id, ws.items(second)[0].id
    with pytest.raises(WorkspaceError, match="逐项"):
        ws.decide_many([one], "corrected")
    with pytest.raises(WorkspaceError, match="同一份报告"):
        ws.decide_many([one, other], "accepted")
    with pytest.raises(WorkspaceError, match="找不到"):
        ws.decide_many([one, 999_999], "accepted")
    assert ws.item(one).state == "pending" and ws.item(other).state == "pending"


def test_bulk_decided_items_follow_later_decisions_and_undo(ws, samples_dir):
    report_id = ws.import_file(samples_dir / LONGSHAN).report_id
    ids = [item.id for item in ws.items(report_id, "figure")]
    ws.decide_many(ids, "accepted")
    batch = ws.last_change_id
    assert ws.bulk_decided_items(report_id) == set(ids)
    ws.set_item_state(ids[0], "rejected")
    assert ws.bulk_decided_items(report_id) == set(ids[1:])
    ws.undo(batch)
    assert ws.bulk_decided_items(report_id) == set()
    ws.redo(batch)
    assert ws.bulk_decided_items(report_id) == set(ids)

"""The per-report counts the report list shows (open findings, pending items) are kept in the
workspace and stay equal to a count over the items through every kind of change."""
from __future__ import annotations

import sqlite3

from reviewer.workspace import Workspace
from reviewer.workspace.migrations import _counted
from tests.workspace.v1_workspace import build_v1_workspace


def counted_from_items(path) -> dict[int, tuple[int, int]]:
    findings, pending = _counted()
    conn = sqlite3.connect(path)
    rows = conn.execute(f"SELECT report_id, sum({findings}), sum({pending}) FROM items GROUP BY report_id").fetchall()
    conn.close()
    return {report_id: (f, p) for report_id, f, p in rows}


def shown(ws: Workspace) -> dict[int, tuple[int, int]]:
    return {s.id: (s.open_findings, s.pending_items) for s in ws.reports()}


def test_counts_follow_every_change(ws, ws_path, sample_files, kecheng):
    first = ws.import_file(sample_files[0]).report_id
    second = ws.import_file(sample_files[1]).report_id
    findings = ws.items(first, kind="finding")
    figures = ws.items(first, kind="figure")
    ws.set_item_state(findings[0].id, "rejected")
    ws.set_item_state(figures[0].id, "accepted")
    ws.set_item_state(figures[1].id, "corrected", {"value": 7})
    manual = ws.add_item(first, "finding", 0, 4, {"message": "人工发现的问题"})
    undone = ws.last_change_id
    ws.delete_item(manual.id)
    ws.undo(ws.last_change_id)
    ws.undo(undone)
    ws.reanalyze(second)
    ws.delete_report(second)
    expected = counted_from_items(ws_path)
    assert shown(ws) == {first: expected[first]}
    assert shown(ws)[first][0] == len([f for f in ws.items(first, kind="finding") if f.state != "rejected"])
    assert shown(ws)[first][1] == len([i for i in ws.items(first) if i.state == "pending" and i.kind in ("figure", "finding", "required")])
    ws.undo(ws.last_change_id)  # the deleted report comes back with its counts
    assert shown(ws) == {report_id: expected[report_id] for report_id in (first, second)}


def test_counts_of_a_new_version_carry_the_review(ws, ws_path, kecheng, tmp_path):
    old = ws.import_file(kecheng).report_id
    ws.set_item_state(ws.items(old, kind="figure")[0].id, "accepted")
    changed = tmp_path / kecheng.name
    changed.write_text(kecheng.read_text(encoding="utf-8") + "\n另外，办理行政复议案件3件。\n", encoding="utf-8")
    new = ws.import_file(changed).report_id
    assert new != old
    assert shown(ws) == {new: counted_from_items(ws_path)[new]}


def test_upgraded_workspace_gets_its_counts(ws_path, sample_files):
    build_v1_workspace(ws_path, sample_files[:3])
    with Workspace.open(ws_path) as ws:
        counts = counted_from_items(ws_path)
        assert shown(ws) == {report_id: counts[report_id] for report_id in shown(ws)}
        assert any(pending for _findings, pending in shown(ws).values())

"""``reviewer compare``: copied passages as JSON lines with offsets into both cleaned texts."""
from __future__ import annotations

import json

from reviewer.cli import main
from reviewer.workspace import Workspace
from reviewer.workspace.backup import backups_dir
from tests.workspace.copy_reports import OWN_WORK, report_text


def test_compare_prints_each_copied_passage_as_a_json_line(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    copied = OWN_WORK["长河镇"][3]
    with Workspace.open(path) as ws:
        source = ws.import_bytes(report_text("长河镇", 2022, OWN_WORK["长河镇"]).encode(), "a.txt").report_id
        later = ws.import_bytes(report_text("掌起镇", 2023, [copied, *OWN_WORK["掌起镇"]]).encode(), "b.txt").report_id
        later_text = ws.report(later).analysis.text
        source_text = ws.report(source).analysis.text
    assert main(["compare", str(path), "--report", str(later)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    row = json.loads(line)
    assert row == {"report": later, "start": row["start"], "end": row["end"], "other_report": source,
                   "other_start": row["other_start"], "other_end": row["other_end"], "similarity": 1.0,
                   "kind": "other_unit"}
    assert later_text[row["start"]:row["end"]] == source_text[row["other_start"]:row["other_end"]] == copied[:-1]


def test_compare_reads_a_workspace_the_window_holds_without_a_lock_or_backup(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    with Workspace.open(path, backup=False) as ws:
        ws.import_bytes(report_text("长河镇", 2022, OWN_WORK["长河镇"]).encode(), "a.txt")
        later = ws.import_bytes(report_text("掌起镇", 2023, [OWN_WORK["长河镇"][3], *OWN_WORK["掌起镇"]]).encode(),
                                "b.txt").report_id
    with Workspace.open(path, backup=False):  # holds the lock, as the window does
        lock_text = (tmp_path / "w.sqlite.lock").read_text()
        assert main(["compare", str(path), "--report", str(later)]) == 0
        assert len(capsys.readouterr().out.splitlines()) == 1
        assert (tmp_path / "w.sqlite.lock").read_text() == lock_text
    assert list(backups_dir(path).glob("*")) == []


def test_compare_of_a_missing_report_is_a_message(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    Workspace.open(path).close()
    assert main(["compare", str(path), "--report", "7"]) == 1
    assert "报告" in capsys.readouterr().err

"""The workspace stores vocabulary codes, never the Chinese words: the version-3 migration of a file written
before the codes (fixtures/v2_reviewed.sqlite, made by fixtures/make_v2_reviewed.py), and a full review today."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from reviewer.summary.collect import collect_report
from reviewer.vocabulary import (
    AnnotationTag,
    ItemKind,
    ItemState,
    Level,
    Origin,
    ReviewStatus,
    Severity,
    Verdict,
)
from reviewer.workspace import SCHEMA_VERSION, Workspace
from reviewer.workspace.backup import list_backups

V2_REVIEWED = Path(__file__).parent / "fixtures" / "v2_reviewed.sqlite"

CODE_COLUMNS = {
    ("reviews", "status"): ReviewStatus,
    ("reviews", "verdict"): Verdict,
    ("annotations", "tag"): AnnotationTag,
    ("annotations", "severity"): Severity,
    ("items", "kind"): ItemKind,
    ("items", "origin"): Origin,
    ("items", "state"): ItemState,
    ("reports", "level"): Level,
}
SNAPSHOT_CODES = {"status": ReviewStatus, "verdict": Verdict, "tag": AnnotationTag, "severity": Severity,
                  "state": ItemState, "kind": ItemKind, "origin": Origin}


def assert_only_codes(path: Path) -> None:
    """Every code column, every metadata level and every history snapshot holds codes of the vocabulary."""
    conn = sqlite3.connect(path)
    try:
        for (table, column), vocabulary in CODE_COLUMNS.items():
            stored = {row[0] for row in conn.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")}
            assert stored <= {code.value for code in vocabulary}, (table, column, stored)
        for machine, corrected in conn.execute("SELECT machine, corrected FROM items WHERE kind = 'metadata'"):
            for values in (json.loads(machine), json.loads(corrected) if corrected else {}):
                if values.get("field") == "level" and values.get("value") is not None:
                    assert values["value"] in {code.value for code in Level}, values
        for old, new in conn.execute("SELECT old, new FROM history"):
            for snapshot in (json.loads(old) if old else {}, json.loads(new) if new else {}):
                for key, vocabulary in SNAPSHOT_CODES.items():
                    if snapshot.get(key) is not None:
                        assert snapshot[key] in {code.value for code in vocabulary}, (key, snapshot[key])
                for key in ("machine", "corrected"):
                    values = snapshot.get(key) or {}
                    if values.get("field") == "level" and values.get("value") is not None:
                        assert values["value"] in {code.value for code in Level}, values
    finally:
        conn.close()


def test_a_reviewed_version_2_workspace_is_converted_to_codes_after_its_backup(tmp_path):
    path = tmp_path / "旧工作区.sqlite"
    shutil.copy(V2_REVIEWED, path)

    with Workspace.open(path) as ws:
        reports = {r.file_name[:2]: r for r in ws.reports()}
        qingxi, minghu, baisha = reports["01"], reports["02"], reports["04"]
        assert (qingxi.status, qingxi.verdict) == (ReviewStatus.REVIEWED, Verdict.REVISE)
        assert (minghu.status, minghu.verdict) == (ReviewStatus.IN_REVIEW, Verdict.PASS)
        assert (baisha.status, baisha.verdict) == (ReviewStatus.IN_REVIEW, Verdict.FAIL)
        assert (qingxi.level, minghu.level, baisha.level) == (Level.COUNTY, Level.DEPARTMENT, Level.TOWNSHIP)
        notes = ws.annotations(qingxi.id)
        assert [(n.comment, n.tag) for n in notes] == [
            ("标题请核对", AnnotationTag.TO_VERIFY), ("做法可推广", AnnotationTag.HIGHLIGHT),
            ("整体意见", AnnotationTag.OTHER),
        ]
        level = next(i for i in ws.items(qingxi.id, kind=ItemKind.METADATA) if i.machine.field == "level")
        assert (level.state, level.machine.value, level.corrected.value) == (
            ItemState.CORRECTED, Level.TOWNSHIP, Level.COUNTY)
        tag_change = next(h for h in ws.history(qingxi.id) if h.target == "annotation" and h.action == "update")
        assert (tag_change.old["tag"], tag_change.new["tag"]) == (AnnotationTag.PROBLEM, AnnotationTag.TO_VERIFY)
        ws.undo(tag_change.id)
        assert ws.annotation(tag_change.target_id).tag == AnnotationTag.PROBLEM
        sheet = collect_report(ws, qingxi.id)
        assert (sheet.header.verdict, sheet.header.review_status, sheet.header.level) == ("需修改", "已审", "县区")
        assert ws.review(baisha.id).status == ReviewStatus.IN_REVIEW
        ws.set_review(baisha.id, status=ReviewStatus.REVIEWED)
        assert ws.review(baisha.id).finished_at is not None

    assert_only_codes(path)
    [backup] = [b for b in list_backups(path) if b.reason == f"before-v{SCHEMA_VERSION}"]
    conn = sqlite3.connect(backup.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert sorted(conn.execute("SELECT status, verdict FROM reviews")) == [
        ("审阅中", "不通过"), ("审阅中", "通过"), ("已审", "需修改")]
    assert sorted(row[0] for row in conn.execute("SELECT tag FROM annotations")) == ["亮点", "其他", "待核实"]
    conn.close()


def test_a_new_report_without_review_defaults_to_the_unreviewed_code(tmp_path, sample_files):
    path = tmp_path / "旧工作区.sqlite"
    shutil.copy(V2_REVIEWED, path)
    with Workspace.open(path) as ws:
        report_id = ws.import_file(sample_files[0]).report_id
        assert ws.review(report_id).status == ReviewStatus.UNREVIEWED
        ws.add_annotation(report_id, 0, 2, "首个批注")
        assert ws.review(report_id).status == ReviewStatus.IN_REVIEW
    assert_only_codes(path)


def test_after_a_full_review_every_state_status_verdict_tag_and_level_is_a_code(ws, ws_path, sample_files):
    ids = [ws.import_file(path).report_id for path in sample_files[:3]]
    for report_id, verdict in zip(ids, Verdict):
        items = ws.items(report_id)
        figures = [i for i in items if i.kind == ItemKind.FIGURE]
        ws.set_item_state(figures[0].id, ItemState.ACCEPTED)
        ws.set_item_state(figures[1].id, ItemState.REJECTED)
        ws.set_item_state(figures[2].id, ItemState.CORRECTED, {"value": 7})
        level = next(i for i in items if i.kind == ItemKind.METADATA and i.machine.field == "level")
        ws.set_item_state(level.id, ItemState.CORRECTED, {"value": Level.PREFECTURE})
        ws.add_item(report_id, ItemKind.FIGURE, 0, 2, {"value": 1, "unit": "件"})
        for tag in AnnotationTag:
            note = ws.add_annotation(report_id, 0, 4, f"批注{tag}", tag=tag, severity=Severity.INFO)
        ws.update_annotation(note.id, tag=AnnotationTag.PROBLEM)
        ws.set_review(report_id, verdict=verdict, remarks="意见")
        ws.set_review(report_id, status=ReviewStatus.REVIEWED)
        ws.undo(ws.last_change_id)
        ws.redo(ws.history(report_id)[1].id)
    summaries = {r.id: r for r in ws.reports()}
    assert [summaries[i].verdict for i in ids] == list(Verdict)
    assert all(summaries[i].level == Level.PREFECTURE for i in ids)
    ws.close()
    assert_only_codes(ws_path)

"""Every change is a history row; undo and redo replay those rows."""
from __future__ import annotations

from dataclasses import replace

from reviewer.vocabulary import AnnotationTag, ReviewStatus, Verdict


def test_item_decisions_undo_and_redo(ws, sample_files):
    report_id = ws.import_file(sample_files[2]).report_id
    ws.set_reviewer_name("张三")
    figure = ws.items(report_id, kind="figure")[0]

    ws.set_item_state(figure.id, "accepted")
    accepted_at = ws.last_change_id
    ws.set_item_state(figure.id, "corrected", {"value": 17, "subject": "行政复议案件"})
    corrected_at = ws.last_change_id
    assert ws.history(report_id, limit=1)[0].id == corrected_at

    entry = ws.history(report_id, limit=2)[1]
    assert (entry.target, entry.target_id, entry.action, entry.who) == ("item", figure.id, "set_state", "张三")
    assert entry.old["state"] == "pending" and entry.new["state"] == "accepted"

    undo = ws.undo(corrected_at)
    assert undo.action == "undo" and undo.new["state"] == "accepted" and undo.old["state"] == "corrected"
    assert ws.item(figure.id).state == "accepted" and ws.item(figure.id).corrected is None
    ws.undo(accepted_at)
    assert ws.item(figure.id).state == "pending"
    ws.redo(accepted_at)
    ws.redo(corrected_at)
    item = ws.item(figure.id)
    assert item.state == "corrected"
    assert item.corrected == replace(figure.machine, value=17, subject="行政复议案件")
    assert item.machine == figure.machine
    assert item.effective.value == 17
    assert [h.action for h in ws.history(report_id, limit=4)] == ["redo", "redo", "undo", "undo"]


def test_annotation_add_update_delete_undo(ws, sample_files):
    report_id = ws.import_file(sample_files[0]).report_id
    note = ws.add_annotation(report_id, 10, 20, "原意见")
    added_at = ws.last_change_id
    ws.update_annotation(note.id, comment="改后的意见", tag=AnnotationTag.TO_VERIFY)
    updated_at = ws.last_change_id
    ws.undo(updated_at)
    assert (ws.annotation(note.id).comment, ws.annotation(note.id).tag) == ("原意见", AnnotationTag.PROBLEM)
    ws.delete_annotation(note.id)
    deleted_at = ws.last_change_id
    assert ws.annotations(report_id) == []
    ws.undo(deleted_at)
    assert ws.annotations(report_id) == [ws.annotation(note.id)]
    ws.undo(added_at)
    assert ws.annotations(report_id) == []
    ws.redo(added_at)
    restored = ws.annotation(note.id)
    assert (restored.start, restored.end, restored.comment) == (10, 20, "原意见")


def test_manual_item_add_and_delete_undo(ws, sample_files):
    report_id = ws.import_file(sample_files[1]).report_id
    text = ws.report(report_id).analysis.text
    start = text.index("法律意见书")
    item = ws.add_item(report_id, "figure", start, start + 5, {"value": 5, "unit": "件", "subject": "法律意见书"})
    assert (item.origin, item.state, item.machine) == ("manual", "accepted", None)
    assert item.effective.text == "法律意见书" and item.effective.value == 5
    added_at = ws.last_change_id
    ws.delete_item(item.id)
    assert item.id not in [i.id for i in ws.items(report_id)]
    ws.undo(ws.last_change_id)
    assert ws.item(item.id) == item
    ws.undo(added_at)
    assert item.id not in [i.id for i in ws.items(report_id)]


def test_review_undo(ws, sample_files):
    report_id = ws.import_file(sample_files[1]).report_id
    ws.set_review(report_id, remarks="初步意见")
    assert ws.review(report_id).status == ReviewStatus.IN_REVIEW
    ws.set_review(report_id, verdict=Verdict.PASS, status=ReviewStatus.REVIEWED)
    finished = ws.review(report_id)
    assert finished.finished_at is not None and finished.verdict == Verdict.PASS
    ws.undo(ws.last_change_id)
    review = ws.review(report_id)
    assert (review.verdict, review.status, review.remarks, review.finished_at) == (None, ReviewStatus.IN_REVIEW, "初步意见", None)


def test_deleted_report_comes_back_with_undo(ws, sample_files):
    report_id = ws.import_file(sample_files[1]).report_id
    ws.add_annotation(report_id, None, None, "整体意见")
    ws.delete_report(report_id)
    assert ws.reports() == [] and ws.search("蒲场镇") == []
    ws.undo(ws.last_change_id)
    assert [r.id for r in ws.reports()] == [report_id]
    assert ws.search("蒲场镇")
    assert ws.annotations(report_id)[0].comment == "整体意见"


def test_reimporting_a_deleted_report_brings_it_back(ws, sample_files):
    report_id = ws.import_file(sample_files[1]).report_id
    ws.add_annotation(report_id, None, None, "整体意见")
    ws.delete_report(report_id)
    result = ws.import_file(sample_files[1])
    assert (result.report_id, result.status) == (report_id, "new")
    assert ws.annotations(report_id)[0].comment == "整体意见"


def test_reviewer_name_is_kept_in_the_workspace(ws_path):
    from reviewer.workspace import Workspace

    with Workspace.open(ws_path) as ws:
        ws.set_reviewer_name("李四")
    with Workspace.open(ws_path) as ws:
        assert ws.reviewer_name == "李四"
        assert ws.history(limit=1)[0].new == {"reviewer_name": "李四"}


def test_first_decision_or_annotation_starts_the_review(ws, sample_files):
    first = ws.import_file(sample_files[0]).report_id
    second = ws.import_file(sample_files[1]).report_id
    assert ws.review(first).status == ReviewStatus.UNREVIEWED

    figure = ws.items(first, kind="figure")[0]
    ws.set_item_state(figure.id, "accepted")
    decided_at = ws.last_change_id
    started = ws.review(first)
    assert started.status == ReviewStatus.IN_REVIEW and started.started_at is not None
    assert ws.history(first, limit=1)[0].id == decided_at  # no extra history row for the status
    ws.undo(decided_at)
    assert ws.review(first).status == ReviewStatus.IN_REVIEW

    ws.add_annotation(second, None, None, "整体结构清晰")
    assert ws.review(second).status == ReviewStatus.IN_REVIEW

    ws.set_review(first, status=ReviewStatus.REVIEWED)
    ws.set_item_state(figure.id, "rejected")
    assert ws.review(first).status == ReviewStatus.REVIEWED

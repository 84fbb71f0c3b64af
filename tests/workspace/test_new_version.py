"""Importing a changed version of a report keeps the review work done on the old one."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.vocabulary import AnnotationTag, ReviewStatus, Verdict
from reviewer.workspace import CarryOver
from reviewer.workspace.attention import needs_decision

SENTENCE = "2017年度全区共收到行政复议案件16件,其中不予受理5件,受理11件。"
INSERTED = "新增段落：本年度进一步完善行政复议工作机制，规范办理流程，提升办案质量。\n\n"


@pytest.fixture
def report_file(tmp_path, kecheng) -> Path:
    path = tmp_path / "柯城区2017年法治政府建设报告.txt"
    path.write_bytes(kecheng.read_bytes())
    return path


def original_text(report_file: Path) -> str:
    return report_file.read_text(encoding="utf-8")


def review_the_sentence(ws, report_file):
    """Annotate SENTENCE, accept its 16件 figure, correct another figure, reject a finding, write remarks."""
    report_id = ws.import_file(report_file).report_id
    text = ws.report(report_id).analysis.text
    start = text.index(SENTENCE)
    annotation = ws.add_annotation(report_id, start, start + len(SENTENCE), "合计与分项需核对", tag=AnnotationTag.TO_VERIFY)
    whole = ws.add_annotation(report_id, None, None, "整体结构清楚", tag=AnnotationTag.HIGHLIGHT, severity="info")
    figures = ws.items(report_id, kind="figure")
    in_sentence = [f for f in figures if start <= f.start < start + len(SENTENCE)]
    sixteen = next(f for f in in_sentence if f.machine.text == "16件")
    ws.set_item_state(sixteen.id, "accepted")
    elsewhere = next(f for f in figures if f.start < start - 200)
    ws.set_item_state(elsewhere.id, "corrected", {"subject": "人工更正的统计对象"})
    manual = ws.add_item(report_id, "finding", start, start + len(SENTENCE), {"message": "人工发现：需核对合计"})
    ws.set_review(report_id, verdict=Verdict.REVISE, remarks="请核对行政复议数据", status=ReviewStatus.REVIEWED)
    return report_id, annotation, whole, sixteen, elsewhere, manual


def test_paragraph_inserted_before_the_annotated_sentence(ws, report_file):
    old_id, annotation, whole, sixteen, elsewhere, manual = review_the_sentence(ws, report_file)
    text = original_text(report_file)
    marker = text.index("积极探索深化行政复议体制改革")
    report_file.write_text(text[:marker] + INSERTED + text[marker:], encoding="utf-8")

    result = ws.import_file(report_file)

    assert result.status == "new_version" and result.replaced_report_id == old_id
    assert result.not_reanchored == []
    # two decisions and the remark on the whole report kept; the annotation and the manual finding moved
    assert result.carry_over == CarryOver(carried=3, reanchored=2, left_for_review=0)
    assert [r.id for r in ws.reports()] == [result.report_id]
    new_text = ws.report(result.report_id).analysis.text
    moved = {a.comment: a for a in ws.annotations(result.report_id)}
    assert moved["合计与分项需核对"].anchored
    assert new_text[moved["合计与分项需核对"].start : moved["合计与分项需核对"].end] == SENTENCE
    assert moved["合计与分项需核对"].start == new_text.index(SENTENCE) > annotation.start
    assert moved["整体结构清楚"].start is None and moved["整体结构清楚"].anchored
    items = {i.key: i for i in ws.items(result.report_id)}
    assert items[sixteen.key].state == "accepted"
    assert new_text[items[sixteen.key].start : items[sixteen.key].end] == "16件"
    assert items[elsewhere.key].state == "corrected"
    assert items[elsewhere.key].corrected.subject == "人工更正的统计对象"
    assert items[elsewhere.key].machine == elsewhere.machine
    copied_manual = next(i for i in items.values() if i.origin == "manual")
    assert new_text[copied_manual.start : copied_manual.end] == SENTENCE
    assert copied_manual.corrected.message == "人工发现：需核对合计"
    review = ws.review(result.report_id)
    assert (review.verdict, review.remarks, review.status) == (Verdict.REVISE, "请核对行政复议数据", ReviewStatus.IN_REVIEW)
    assert ws.review(old_id).status == ReviewStatus.REVIEWED, "the old version keeps its own record"
    assert len(ws.annotations(old_id)) == 2


def test_annotated_sentence_edited_slightly(ws, report_file):
    old_id, *_ = review_the_sentence(ws, report_file)
    edited = SENTENCE.replace("16件", "17件").replace("受理11件", "受理12件")
    report_file.write_text(original_text(report_file).replace(SENTENCE, edited), encoding="utf-8")

    result = ws.import_file(report_file)

    new_text = ws.report(result.report_id).analysis.text
    moved = {a.comment: a for a in ws.annotations(result.report_id)}["合计与分项需核对"]
    assert moved.anchored
    assert new_text[moved.start : moved.end] == edited
    assert moved.quote == edited
    # the accepted 16件 no longer exists in the text: its decision is kept, unanchored, and listed
    listed = {(n.target, n.kind) for n in result.not_reanchored}
    assert ("item", "figure") in listed
    unanchored = [i for i in ws.items(result.report_id, include_unanchored=True) if not i.anchored]
    assert [i.machine.text for i in unanchored] == ["16件"]
    assert unanchored[0].state == "accepted" and unanchored[0].start is None
    assert all(i.anchored for i in ws.items(result.report_id))


def test_annotated_sentence_deleted_is_listed_and_kept(ws, report_file):
    old_id, annotation, *_ = review_the_sentence(ws, report_file)
    report_file.write_text(original_text(report_file).replace(SENTENCE, ""), encoding="utf-8")

    result = ws.import_file(report_file)

    assert result.carry_over == CarryOver(carried=2, reanchored=0, left_for_review=len(result.not_reanchored))
    assert result.carry_over.left_for_review == 3, "the annotation, the manual finding and the accepted 16件"
    lost = [n for n in result.not_reanchored if n.target == "annotation"]
    assert [(n.quote, n.label) for n in lost] == [(SENTENCE, "合计与分项需核对")]
    kept = {a.id: a for a in ws.annotations(result.report_id)}[lost[0].id]
    assert not kept.anchored and kept.start is None and kept.end is None
    assert kept.quote == SENTENCE and kept.comment == "合计与分项需核对"
    assert any(n.target == "item" and n.kind == "finding" for n in result.not_reanchored), "the manual finding"
    # placing it again by hand anchors it
    new_text = ws.report(result.report_id).analysis.text
    placed = ws.update_annotation(kept.id, start=0, end=5)
    assert placed.anchored and placed.quote == new_text[:5]


def test_unrelated_report_with_the_same_file_name_is_not_a_new_version(ws, tmp_path, samples_dir):
    first = tmp_path / "a" / "2018年报告.txt"
    second = tmp_path / "b" / "2018年报告.txt"
    for path, sample in ((first, "000_03c6df2d3abd0aba.txt"), (second, "004_8ad7cdc9fea68454.txt")):
        path.parent.mkdir()
        path.write_bytes((samples_dir / sample).read_bytes())
    assert ws.import_file(first).status == "new"
    assert ws.import_file(second).status == "new"
    assert len(ws.reports()) == 2


def test_a_new_version_of_a_reviewed_report_is_marked_for_recheck_until_marked_reviewed_again(ws, report_file):
    old_id, *_ = review_the_sentence(ws, report_file)
    assert not ws.reports()[0].needs_recheck
    text = original_text(report_file)
    report_file.write_text(text.replace(SENTENCE, SENTENCE.replace("16件", "17件")), encoding="utf-8")
    new_id = ws.import_file(report_file).report_id

    [summary] = ws.reports()
    assert summary.id == new_id and summary.needs_recheck
    ws.set_review(new_id, status=ReviewStatus.REVIEWED)
    assert not ws.reports()[0].needs_recheck
    ws.set_review(new_id, status=ReviewStatus.IN_REVIEW)
    assert ws.reports([new_id])[0].needs_recheck, "taken back to 审阅中: pending and unplaced work is still there"


def test_a_new_version_of_a_report_nobody_reviewed_is_not_marked(ws, report_file):
    ws.import_file(report_file)
    report_file.write_text(original_text(report_file).replace(SENTENCE, ""), encoding="utf-8")
    result = ws.import_file(report_file)

    assert result.status == "new_version" and result.carry_over == CarryOver(0, 0, 0)
    assert not ws.reports()[0].needs_recheck


def test_the_recheck_mark_clears_once_nothing_carried_is_left_to_look_at(ws, report_file):
    report_id = ws.import_file(report_file).report_id
    figure = ws.items(report_id, kind="figure")[0]
    ws.set_item_state(figure.id, "accepted")
    report_file.write_text(original_text(report_file) + "\n本报告已经区政府常务会议审议。\n", encoding="utf-8")
    new_id = ws.import_file(report_file).report_id
    assert ws.reports()[0].needs_recheck

    pending = [i.id for i in ws.items(new_id) if needs_decision(i.kind, i.state)]
    ws.decide_many(pending, "accepted")
    assert not ws.reports()[0].needs_recheck
    assert ws.review(new_id).status == ReviewStatus.IN_REVIEW

"""The report returned with the review as Word comments (批注版), read back with python-docx: each comment's
text and the exact text it is anchored on — inside one run, across runs of different formatting, in a table
cell, on a numbered heading (its automatic number is no run's text), overlapping another comment — with the
runs' formatting kept and the body text unchanged; a text report comes back as its cleaned text with the
same comments."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from reviewer.analysis import analyze_bytes
from reviewer.cli import main
from reviewer.outputs.annotated_report import annotated_report
from reviewer.vocabulary import AnnotationTag, ItemState, Verdict
from reviewer.workspace import Workspace
from tests.outputs.word_reading import read_comments, run_formatting
from tests.outputs.word_reports import make_word_report


def span(text: str, words: str, after: str = "") -> tuple[int, int]:
    start = text.index(words, text.index(after) if after else 0)
    return start, start + len(words)


@pytest.fixture
def word_review(tmp_path: Path):
    ws = Workspace.open(tmp_path / "审阅.sqlite")
    ws.set_reviewer_name("李审阅")
    report = ws.import_file(make_word_report(tmp_path / "青山镇.docx")).report_id
    text = ws.report(report).analysis.text
    ws.add_annotation(report, *span(text, "办理行政复议案件16件"), "请核对复议数", tag=AnnotationTag.TO_VERIFY)
    ws.add_annotation(report, *span(text, "16件", after="行政复议\t"), "与正文一致", tag=AnnotationTag.OTHER)
    ws.add_annotation(report, *span(text, "1.主要举措"), "标题宜写全", tag=AnnotationTag.PROBLEM)
    ws.add_annotation(report, *span(text, "针对性有待提高"), "具体说明原因", tag=AnnotationTag.PROBLEM)
    ws.add_annotation(report, None, None, "全文数据请与统计年报核对", tag=AnnotationTag.TO_VERIFY)
    ws.set_item_state(next(f for f in ws.items(report, "figure") if f.start == text.index("16件")).id,
                      ItemState.CORRECTED, {"value": 15})
    ws.set_item_state(next(f for f in ws.items(report, "figure") if f.machine.text == "3件").id, ItemState.REJECTED)
    ws.set_review(report, verdict=Verdict.REVISE, remarks="请修改后重新报送。")
    yield ws, report
    ws.close()


def anchors(data: bytes) -> dict[str, str]:
    return {comment.text: comment.anchored_on for comment in read_comments(data)}


def test_word_original_gets_each_comment_on_its_exact_span(word_review):
    ws, report = word_review
    result = annotated_report(ws, report)
    assert result.from_original and result.note == ""
    found = anchors(result.data)
    assert found["待核实：请核对复议数"] == "办理行政复议案件16件"  # across a plain and a bold run
    assert found["其他：与正文一致"] == "16件"  # a table cell
    assert found["问题：标题宜写全"] == "主要举措"  # the automatic number "1." is no run's text
    assert found["问题：具体说明原因"] == "针对性有待提高"  # inside one run
    assert found["审阅人更正为 15件（机器识别为 16件）"] == "16件"  # overlaps the first comment
    assert found["审阅人否决：“3件”不作为数据（机器识别为 3件，统计对象 行政诉讼案件）"] == "3件"
    title = "青山镇2023年法治政府建设年度报告"
    assert found["审阅结论：需修改\n请修改后重新报送。"] == title
    assert found["待核实：全文数据请与统计年报核对"] == title
    assert result.comments == len(found) == 8
    assert {comment.author for comment in read_comments(result.data)} == {"李审阅"}


def test_split_runs_keep_their_formatting_and_the_text_is_unchanged(word_review):
    ws, report = word_review
    data = annotated_report(ws, report).data
    assert run_formatting(data, "16件") == [(True, None)]
    assert run_formatting(data, "12.5%") == [(None, True)]
    assert run_formatting(data, "办理行政复议案件") == [(None, None)]  # split off 全年共
    assert analyze_bytes(data, "批注版.docx").text == ws.report(report).analysis.text


def test_without_items_only_the_reviewers_words(word_review):
    ws, report = word_review
    texts = list(anchors(annotated_report(ws, report, with_items=False).data))
    assert len(texts) == 6 and not any(text.startswith("审阅人") for text in texts)


def test_a_text_report_comes_back_as_its_text_with_the_comments(reviewed):
    result = annotated_report(reviewed.ws, reviewed.qingxi)
    assert not result.from_original and "txt" in result.note
    found = anchors(result.data)
    assert found["亮点：做法可推广"] == "法律顾问参谋作用"
    assert found["审阅人更正为 48条，统计对象 =SUM(A1:A9)（机器识别为 46条，统计对象 意见建议）"] == "46条"
    paragraphs = [p.text for p in docx.Document(io.BytesIO(result.data)).paragraphs]
    assert paragraphs == reviewed.ws.report(reviewed.qingxi).analysis.text.split("\n\n")


def test_cli_annotated(word_review, tmp_path, capsys):
    ws, report = word_review
    path = ws.path
    ws.close()
    out = tmp_path / "批注版.docx"
    assert main(["annotated", str(path), "--report", str(report), "-o", str(out)]) == 0
    assert "8 条批注" in capsys.readouterr().out
    assert len(read_comments(out.read_bytes())) == 8
    assert main(["annotated", str(path), "--report", "99", "-o", str(out)]) == 1
    assert "没有编号为 99" in capsys.readouterr().err

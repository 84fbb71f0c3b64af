"""The analysis of Word reports with tables, notes, text boxes and tracked changes, asserted against the
text each file was made of."""
from __future__ import annotations

from pathlib import Path

from reviewer.analysis import analyze_path
from tests.analysis.fixture_files import make_docx_from_xml
from tests.analysis.test_docx_content import FOOTNOTES, TEXTBOX_RUN, _p, _run, _table

TITLE = _p(_run("某某县司法局2023年度法治政府建设工作报告"))


def _figures(analysis) -> list[tuple[str, float, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.text, f.value, f.unit, f.subject, f.column) for f in analysis.figures]


def test_table_numbers_take_the_unit_column_the_row_label_and_the_year_column(tmp_path: Path) -> None:
    body = TITLE + _p(_run("一、主要举措和成效")) + _table(
        ["项目", "单位", "上年", "本年"], ["行政复议收案", "件", "10", "12"], ["法律顾问经费", "万元", "5.5", "6"])
    analysis = analyze_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _figures(analysis) == [
        ("10", 10, "件", "行政复议收案", "上年"), ("12", 12, "件", "行政复议收案", "本年"),
        ("5.5", 5.5, "万元", "法律顾问经费", "上年"), ("6", 6, "万元", "法律顾问经费", "本年"),
    ]
    for figure in analysis.figures:
        assert analysis.text[figure.start:figure.end] == figure.text


def test_table_numbers_take_the_unit_of_their_header_cell(tmp_path: Path) -> None:
    body = TITLE + _table(["项目", "2022年（件）", "2023年（件）"], ["行政诉讼应诉", "8", "11"])
    analysis = analyze_path(make_docx_from_xml(tmp_path / "t.docx", body))
    assert _figures(analysis) == [("8", 8, "件", "行政诉讼应诉", "2022年（件）"),
                                  ("11", 11, "件", "行政诉讼应诉", "2023年（件）")]


def test_a_footnote_is_a_note_with_its_own_figures_not_in_the_body(tmp_path: Path) -> None:
    body = TITLE + _p(_run("审查合同45件"), '<w:r><w:footnoteReference w:id="1"/></w:r>', _run("，均按期办结。"))
    analysis = analyze_path(make_docx_from_xml(tmp_path / "n.docx", body, footnotes_xml=FOOTNOTES))
    assert [f.text for f in analysis.figures] == ["45件"]
    assert "法律意见书" not in analysis.text
    [note] = analysis.notes
    assert (note.kind, note.text, [f.text for f in note.figures]) == ("footnote", "其中出具法律意见书3件。", ["3件"])
    assert note.anchor is not None and analysis.text[:note.anchor].endswith("审查合同45件")
    record = analysis.to_json_dict()["notes"][0]
    assert (record["kind"], record["text"], record["figures"][0]["value"]) == ("footnote", "其中出具法律意见书3件。", 3)


def test_a_text_box_is_a_note(tmp_path: Path) -> None:
    analysis = analyze_path(make_docx_from_xml(tmp_path / "b.docx", TITLE + _p(_run("加强复议工作。"), TEXTBOX_RUN)))
    assert "16件" not in analysis.text
    [note] = analysis.notes
    assert (note.kind, [(f.text, f.value) for f in note.figures]) == ("textbox", [("16件", 16)])


def test_unaccepted_tracked_changes_give_an_info_finding_at_the_first(tmp_path: Path) -> None:
    body = TITLE + _p(_run("全年受理"), '<w:ins w:id="1" w:author="a">' + _run("行政复议") + "</w:ins>",
                      _run("案件12件。")) + _p('<w:del w:id="2" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del>',
                                              _run("下一年度继续推进。"))
    analysis = analyze_path(make_docx_from_xml(tmp_path / "r.docx", body))
    [finding] = [f for f in analysis.findings if f.code == "unaccepted_revisions"]
    assert finding.severity == "info" and "未接受的修订（2 处）" in finding.message
    assert analysis.text[finding.start:finding.end] == "行政复议案件12件。"


def test_a_report_without_tracked_changes_has_no_revision_finding(tmp_path: Path) -> None:
    analysis = analyze_path(make_docx_from_xml(tmp_path / "c.docx", TITLE + _p(_run("全年受理案件12件。"))))
    assert all(f.code != "unaccepted_revisions" for f in analysis.findings)
    assert analysis.to_json_dict()["original_format"] == "docx"

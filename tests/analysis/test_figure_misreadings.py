"""Figures recognized with full confidence whose form gives a misreading away carry the ``ocr_doubt`` flag on
the line they were read from; well-formed figures on the same lines do not. Each case is a line as the
recognizer returned it from a poor scan (tests/benchmarks/bench_ocr.py --severe)."""
from __future__ import annotations

import pytest

from reviewer.analysis.figure_misreadings import misreading
from reviewer.analysis.loaders.page_layout import PageLayout, PageLine
from reviewer.analysis.model import Figure, LoadedDocument
from reviewer.analysis.pipeline import analyze_document

TITLE = "明湖县司法局2023年法治政府建设年度报告"


def flagged(*lines: str) -> list[tuple[str, str, int]]:
    """The flagged figures of a one-page scan read with full confidence, its lines one paragraph (as the page
    restoration joins them): (figure, reason, line index)."""
    page_lines = [PageLine(TITLE, 80, 80, 515, 100, 18, 0.99, [0.99] * len(TITLE))]
    for index, line in enumerate(lines, start=1):
        page_lines.append(PageLine(line, 80, 100 + 30 * index, 500, 120 + 30 * index, 15, 0.99, [0.99] * len(line)))
    page = PageLayout(1, 595, 842, page_lines)
    document = LoadedDocument(source="s.png", format="ocr", encoding=None, raw_text=f"{TITLE}\n{''.join(lines)}",
                              page_count=1, original_format="png", recognized_pages=[page])
    analysis = analyze_document(document)
    return [(analysis.text[f.start:f.end], f.detail["reason"], f.detail["line_index"])
            for f in analysis.findings if f.code == "ocr_doubt"]


@pytest.mark.parametrize(("line", "figure"), [
    ("行政应诉案件2.243件，行政机关负责人出庭应诉率达到96.4%。", "2.243件"),  # the comma of 2,243 read as a point
    ("组织开展法治宣传活动4.959场次，发放宣传资料120份。", "4.959场次"),
    ("清理规范性文件20.2件，废止3件。", "20.2件"),
])
def test_a_count_with_a_decimal_point_is_doubted(line: str, figure: str) -> None:
    assert flagged(line) == [(figure, "fractional_count", 1)]


def test_a_measure_may_have_decimals() -> None:
    assert flagged("新增绿地面积3.5公顷，整治河道12.6公里。") == []


def test_a_count_in_ten_thousands_with_a_decimal_is_whole() -> None:
    assert flagged("受众群众1.2万人次。") == []


def test_a_percentage_over_100_is_doubted() -> None:
    assert flagged("全年投入法治建设经费657.1万元，较上年增长979%。") == [("979%", "percent_over_100", 1)]


def test_a_number_broken_by_a_gap_is_doubted() -> None:
    assert flagged("调处矛盾纠纷120起，成功率92.  5%。") == [("5%", "split_number", 1)]


def test_a_number_cut_by_a_paragraph_break_is_doubted() -> None:
    assert misreading("成功率92.\n\n5%。", Figure("5%", 5.0, "%", False, None, 8, 10)) == "split_number"


def test_a_number_read_across_a_line_end_is_doubted() -> None:
    lines = ("开展执法检查1920次，办理行政处罚案件468件，罚没款407", "3万元。依法行政意识和能力还有待进一步提高。")
    assert flagged(*lines) == [("4073万元", "number_across_lines", 1)]


def test_a_number_ending_a_line_before_its_unit_is_not_doubted() -> None:
    lines = ("开展执法检查1920次，办理行政处罚案件468件，罚没款407.3", "万元。依法行政意识和能力还有待进一步提高。")
    assert flagged(*lines) == []


def test_the_doubt_names_the_line_the_figure_was_read_from() -> None:
    lines = ("全年共办理行政复议案件128件，其中维持90件。", "办理政府信息公开申请2.611件，按期答复率98.2%。")
    assert flagged(*lines) == [("2.611件", "fractional_count", 2)]


def test_well_formed_figures_read_with_confidence_are_not_doubted() -> None:
    assert flagged("全年共办理行政复议案件1,284件，纠正13件，纠错率10.1%，罚没款407.3万元。") == []


def test_a_unit_cut_by_a_paragraph_break_is_doubted() -> None:
    """The page restoration took a full line for a paragraph's end: ``60人次`` became ``60人`` and ``次。``."""
    assert misreading("受众群众60人\n\n次。", Figure("60人", 60.0, "人", False, None, 4, 7)) == "split_unit"
    assert misreading("受众群众60人。\n\n次年", Figure("60人", 60.0, "人", False, None, 4, 7)) is None

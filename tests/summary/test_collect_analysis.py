"""The summary data of a report from its analysis, and the rules that apply the reviewer's decisions."""
from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.analysis.model import Analysis, Figure, Finding, Metadata, RequiredPart, Section
from reviewer.summary.collect import batch_row_from_view, collect_analysis, summary_from_view
from reviewer.summary.review_view import ReviewView, view_from_analysis
from reviewer.workspace.values import MetadataValues, RequiredValues

TEXT = (
    "某某镇2021年法治政府建设年度报告\n"
    "一、主要举措和成效\n"
    "（一）行政复议\n"
    "全年共收到行政复议案件16件,其中不予受理5件,受理11件。\n"
    "（二）人民调解\n"
    "受理调解案件5894宗,同比上升29.6%,成功调解5745宗,调解成功率约为97.6%。\n"
    "二、存在的不足和原因\n"
    "人员力量不足。\n"
    "三、2022年工作计划\n"
    "继续推进。\n"
)


def _span(fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def _section(level: int, num: str, title: str, heading: str) -> Section:
    start, end = _span(heading)
    return Section(level=level, num=num, title=title, start=start, end=end)


def _figure(text: str, value: float, unit: str, subject: str, occurrence: int = 0, approx: bool = False) -> Figure:
    start, end = _span(text, occurrence)
    return Figure(text=text, value=value, unit=unit, approx=approx, subject=subject, start=start, end=end)


@pytest.fixture
def analysis() -> Analysis:
    sections = [
        _section(1, "一", "主要举措和成效", "一、主要举措和成效"),
        _section(2, "一", "行政复议", "（一）行政复议"),
        _section(2, "二", "人民调解", "（二）人民调解"),
        _section(1, "二", "存在的不足和原因", "二、存在的不足和原因"),
        _section(1, "三", "2022年工作计划", "三、2022年工作计划"),
    ]
    figures = [
        _figure("16件", 16, "件", "行政复议案件"),
        _figure("5件", 5, "件", "不予受理"),
        _figure("11件", 11, "件", "受理"),
        _figure("5894宗", 5894, "宗", "调解案件"),
        _figure("29.6%", 29.6, "%", "同比上升"),
        _figure("5745宗", 5745, "宗", "成功调解"),
        _figure("97.6%", 97.6, "%", "调解成功率", approx=True),
    ]
    rate = _span("97.6%")
    required = {
        "measures": RequiredPart("measures", True, *_span("一、主要举措和成效"), how="heading"),
        "shortcomings": RequiredPart("shortcomings", True, *_span("二、存在的不足和原因"), how="heading"),
        "first_responsible": RequiredPart("first_responsible", False),
        "next_year_plan": RequiredPart("next_year_plan", True, *_span("三、2022年工作计划"), how="heading"),
    }
    findings = [
        Finding("missing_required", "error", "缺少党政主要负责人履行第一责任人职责情况", 0, 0,
                {"code": "first_responsible"}),
        Finding("rate_mismatch", "warning", "调解成功率97.6%与5745/5894=97.47%不符", *rate),
    ]
    return Analysis(
        source="/data/某某镇2021.txt",
        format="txt",
        encoding="utf-8",
        text=TEXT,
        metadata=Metadata(title="某某镇2021年法治政府建设年度报告", unit="某某镇", level="乡镇街道",
                          report_year=2021, publish_date="2022-03-20", sign_date="2022-01-10"),
        sections=sections,
        figures=figures,
        required=required,
        findings=findings,
    )


def _item(view: ReviewView, kind: str, key: str, value: object):
    return next(i for i in view.of_kind(kind) if getattr(i.machine, key, None) == value)


def test_bare_analysis_gives_an_unreviewed_sheet_with_every_figure_pending(analysis):
    data = collect_analysis(analysis, sha256="ab" * 32)
    assert not data.reviewed
    assert data.header.verdict == "未审阅"
    assert data.header.file_name == "某某镇2021.txt"
    assert data.header.short_hash == "abababababab"
    assert data.header.unit == "某某镇" and data.header.report_year == 2021
    assert [f.text for f in data.figures] == ["16件", "5件", "11件", "5894宗", "29.6%", "5745宗", "97.6%"]
    assert {f.state for f in data.figures} == {"pending"}
    assert data.figures[0].section == "一、主要举措和成效 （一）行政复议"
    assert data.figures[3].section == "一、主要举措和成效 （二）人民调解"
    assert data.figures[-1].value == "约97.6"


def test_checklist_quotes_the_text_that_satisfies_each_part_or_says_what_is_missing(analysis):
    checks = {row.item: row for row in collect_analysis(analysis).checks}
    assert checks["主要举措和成效"].result == "符合"
    assert checks["主要举措和成效"].evidence == "一、主要举措和成效"
    assert checks["党政主要负责人履行第一责任人职责情况"].result == "不符合"
    assert "未找到" in checks["党政主要负责人履行第一责任人职责情况"].evidence
    assert checks["公开及时性"].result == "符合"
    assert "2022-03-20" in checks["公开及时性"].evidence
    assert checks["标题序号"].result == "符合"
    assert checks["数据一致性"].result == "不符合"
    assert "97.47%" in checks["数据一致性"].evidence
    assert checks["数据一致性"].note == "机器判断，待确认"


def test_missing_part_of_a_report_before_2019_is_only_to_verify(analysis):
    analysis.metadata.report_year = 2018
    checks = {row.item: row for row in collect_analysis(analysis).checks}
    assert checks["党政主要负责人履行第一责任人职责情况"].result == "需核实"


def test_late_publication_without_a_finding_still_fails_timeliness(analysis):
    analysis.metadata.publish_date = "2022-04-10"
    checks = {row.item: row for row in collect_analysis(analysis).checks}
    assert checks["公开及时性"].result == "不符合"


def test_reviewer_decisions_change_rows_figures_and_notes(analysis):
    view = view_from_analysis(analysis)
    rate_finding = _item(view, "finding", "code", "rate_mismatch")
    rate_finding.state = "rejected"
    first_responsible = _item(view, "required", "code", "first_responsible")
    first_responsible.state, first_responsible.corrected = "corrected", RequiredValues("first_responsible", True)
    first_responsible.start, first_responsible.end = _span("全年共收到行政复议案件")
    _item(view, "figure", "text", "5件").state = "rejected"
    _item(view, "figure", "text", "16件").state = "accepted"
    corrected = _item(view, "figure", "text", "97.6%")
    corrected.state = "corrected"
    corrected.corrected = replace(corrected.machine, value=97.47, approx=False)
    missing = _item(view, "finding", "code", "missing_required")
    missing.state = "rejected"

    data = summary_from_view(view)
    checks = {row.item: row for row in data.checks}
    assert checks["数据一致性"].result == "符合"
    assert checks["数据一致性"].note == "审阅人已否定 1 项机器提示"
    assert checks["党政主要负责人履行第一责任人职责情况"].result == "符合"
    assert checks["党政主要负责人履行第一责任人职责情况"].note == "审阅人已更正"
    assert checks["党政主要负责人履行第一责任人职责情况"].evidence == "全年共收到行政复议案件"
    texts = [f.text for f in data.figures]
    assert "5件" not in texts and data.rejected_figures == 1
    rate = data.figures[texts.index("97.6%")]
    assert (rate.state, rate.value, rate.machine_value) == ("corrected", "97.47", "约97.6%")
    assert data.figures[texts.index("16件")].state == "accepted"
    assert data.notes == [] and data.rejected_findings == 2


def test_rejected_required_item_flips_the_machine_answer(analysis):
    view = view_from_analysis(analysis)
    _item(view, "required", "code", "shortcomings").state = "rejected"
    checks = {row.item: row for row in summary_from_view(view).checks}
    assert checks["存在的不足和原因"].result == "不符合"
    assert checks["存在的不足和原因"].note == "审阅人已否定机器判断"


def test_corrected_metadata_is_printed_and_rejected_metadata_is_unknown(analysis):
    view = view_from_analysis(analysis)
    unit = _item(view, "metadata", "field", "unit")
    unit.state, unit.corrected = "corrected", MetadataValues("unit", "某某镇人民政府")
    _item(view, "metadata", "field", "publish_date").state = "rejected"
    data = summary_from_view(view)
    assert data.header.unit == "某某镇人民政府"
    assert data.header.publish_date is None
    assert {row.item: row for row in data.checks}["公开及时性"].result == "需核实"


def test_batch_row_sums_up_checks_and_indicators(analysis):
    row = batch_row_from_view(view_from_analysis(analysis))
    assert row.unit == "某某镇" and row.report_year == 2021
    assert row.timeliness == "符合"
    assert row.required == "不符合"
    assert row.missing_parts == ["党政主要负责人履行第一责任人职责情况"]
    assert row.open_findings == 2
    assert row.verdict == "未审阅"
    assert row.indicators["行政复议案件"].text == "16件"
    assert row.indicators["人民调解案件/调解成功率"].text == "5894宗 / 约97.6%"
    assert row.indicators["人民调解案件/调解成功率"].pending

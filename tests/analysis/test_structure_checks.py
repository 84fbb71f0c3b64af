"""check_structure(): required parts, deadlines, heading numbering and title — each kind and its negative."""
from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.analysis.checks.structure import check_structure
from reviewer.analysis.clean import clean
from reviewer.analysis.metadata import extract_metadata
from reviewer.analysis.model import Finding, Metadata, PageMeta
from reviewer.analysis.outline import extract_sections
from reviewer.analysis.required import find_required_parts

COMPLETE_PARTS = [
    "一、主要举措和成效", "（一）加强组织领导", "党政主要负责人切实履行推进法治建设第一责任人职责。",
    "（二）规范行政执法", "全年开展案卷评查2次。",
    "二、存在的不足和原因", "执法队伍力量不足。",
    "三、下一步工作安排", "继续加强执法监督。",
]


def _report(title: str, opening: str, parts: list[str], signature: list[str] | None = None) -> str:
    return "\n\n".join([title, opening, *parts, *(signature or [])])


def _findings(text: str, page_meta: PageMeta | None = None) -> list[Finding]:
    """The findings besides ``publish_date_unknown``, which every text without a publish date gets (tested
    on its own below)."""
    sections = extract_sections(text)
    metadata = extract_metadata(text, page_meta or PageMeta(), sections)
    findings = check_structure(text, metadata, sections, find_required_parts(text, sections))
    return [f for f in findings if f.code != "publish_date_unknown"]


def _codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def _sample_findings(samples_dir: Path, prefix: str) -> tuple[str, list[Finding]]:
    cleaned = clean(next(samples_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))
    return cleaned.text, _findings(cleaned.text, cleaned.page_meta)


def test_a_complete_report_published_on_time_gives_no_finding() -> None:
    text = _report(
        "青溪镇2019年法治政府建设工作报告", "2019年，我镇全面推进依法行政，取得明显成效。", COMPLETE_PARTS,
        ["青溪镇人民政府", "2020年1月8日"],
    )
    assert _findings(text, PageMeta(publish_date="2020-03-31")) == []


@pytest.mark.parametrize(("year", "severity"), [(2019, "error"), (2023, "error"), (2018, "info"), (2016, "info")])
def test_missing_parts_severity_follows_the_2019_rules(year: int, severity: str) -> None:
    text = _report(
        f"青溪镇{year}年法治政府建设工作报告", f"{year}年，我镇全面推进依法行政，取得明显成效。",
        ["一、主要举措和成效", "全年开展普法活动12场。"],
    )
    findings = _findings(text)
    assert _codes(findings) == ["missing_required"] * 3
    assert {f.severity for f in findings} == {severity}
    assert [f.detail["part"] for f in findings] == ["shortcomings", "first_responsible", "next_year_plan"]
    assert "存在的不足和原因" in findings[0].message
    assert (findings[0].start, findings[0].end) == (0, len(f"青溪镇{year}年法治政府建设工作报告"))


def test_missing_part_of_a_report_with_unknown_year_is_a_warning_on_the_whole_text() -> None:
    text = "\n\n".join(["依法行政工作开展情况", "我镇全面推进依法行政，取得明显成效，群众满意度明显提升。", *COMPLETE_PARTS[:5]])
    missing = [f for f in _findings(text) if f.code == "missing_required"]
    assert [(f.detail["part"], f.severity) for f in missing] == [
        ("shortcomings", "warning"), ("next_year_plan", "warning"),
    ]


def test_published_after_march_31_of_the_following_year_is_late() -> None:
    text = _report("河西区2019年法治政府建设年度报告", "2019年，我区依法行政工作取得新进展。", COMPLETE_PARTS)
    [late] = _findings(text, PageMeta(publish_date="2020-04-01"))
    assert late.code == "published_late"
    assert late.severity == "warning"
    assert late.detail == {"publish_date": "2020-04-01", "deadline": "2020-03-31", "report_year": 2019}
    assert "2020年4月1日" in late.message
    assert (late.start, late.end) == (0, len("河西区2019年法治政府建设年度报告"))


@pytest.mark.parametrize(("signed", "severity"), [("2019年12月7日", "info"), ("2019年10月15日", "warning")])
def test_signed_before_the_report_year_ended(signed: str, severity: str) -> None:
    signature = ["河西区人民政府", signed]
    text = _report("河西区2019年法治政府建设年度报告", "2019年，我区依法行政工作取得新进展。", COMPLETE_PARTS, signature)
    [early] = _findings(text)
    assert early.code == "signed_early"
    assert early.severity == severity
    assert text[early.start:early.end] == "\n\n".join(signature)


@pytest.mark.parametrize("signed", ["2019年12月31日", "2020年1月2日", "二〇二〇年三月一日"])
def test_signed_on_or_after_the_last_day_of_the_year_is_fine(signed: str) -> None:
    text = _report(
        "河西区2019年法治政府建设年度报告", "2019年，我区依法行政工作取得新进展。", COMPLETE_PARTS,
        ["河西区人民政府", signed],
    )
    assert _findings(text) == []


def _numbering(headings: list[str]) -> list[Finding]:
    text = _report("河西区2019年法治政府建设年度报告", "2019年，我区依法行政工作取得新进展。", [*COMPLETE_PARTS, *headings])
    return [f for f in _findings(text) if f.code.startswith("heading_")]


def test_repeated_number() -> None:
    [repeated] = _numbering(["三、其他情况", "四、附则"])
    assert repeated.code == "heading_repeated"
    assert repeated.message == "第二个“三、”标题序号重复，应为“四、”"
    assert repeated.detail == {"level": 1, "num": "三", "expected": 4}


def test_skipped_number_in_full_and_half_width_styles() -> None:
    parts = ["（一）加强学习", "（三）规范执法", "(1)学法", "(3)考法", "(4)用法"]
    skipped = _numbering(["四、其他情况", *parts])
    assert [(f.code, f.message) for f in skipped] == [
        ("heading_skipped", "标题序号跳号：“（三）”之前缺少“（二）”"),
        ("heading_skipped", "标题序号跳号：“(3)”之前缺少“(2)”"),
    ]


def test_list_starting_above_one_is_skipped_unless_it_continues_the_previous_list() -> None:
    [late_start] = _numbering(["四、其他情况", "（二）加强学习"])
    assert late_start.message == "标题序号跳号：“（二）”之前缺少“（一）”"
    continued = ["四、其他情况", "（一）学法", "1.学习宪法", "2.学习民法典", "（二）普法", "3.送法下乡", "4.以案释法"]
    assert _numbering(continued) == []


def test_out_of_order_number() -> None:
    [disorder] = _numbering(["二、其他情况"])
    assert disorder.code == "heading_out_of_order"
    assert disorder.message == "标题序号顺序错乱：“二、”出现在“三、”之后，应为“四、”"
    assert disorder.severity == "warning"
    assert [(f.code, f.detail["num"]) for f in _numbering(["五、其他情况", "四、附则"])] == [
        ("heading_skipped", "五"), ("heading_out_of_order", "四"),
    ]


def test_skipped_levels_alone_are_not_a_finding() -> None:
    assert _numbering(["四、其他情况", "1.学法", "2.普法"]) == []


def test_title_without_year_or_unit() -> None:
    text = _report("法治政府建设工作报告", "2019年，我区依法行政工作取得新进展。", COMPLETE_PARTS)
    findings = _findings(text)
    assert _codes(findings) == ["title_missing_year", "title_missing_unit"]
    assert all((f.start, f.end) == (0, len("法治政府建设工作报告")) for f in findings)


def test_title_year_differs_from_the_year_the_body_is_about() -> None:
    text = _report("河西区2020年法治政府建设年度报告", "2019年，我区依法行政工作取得新进展。", COMPLETE_PARTS)
    [mismatch] = _findings(text)
    assert mismatch.code == "title_year_mismatch"
    assert mismatch.detail == {"title_year": 2020, "body_year": 2019}
    assert mismatch.message == "标题写明2020年度，正文所述为2019年度情况"


def test_sample_000_missing_parts_late_and_signed_early(samples_dir: Path) -> None:
    text, findings = _sample_findings(samples_dir, "000")
    assert sorted((f.code, f.severity, f.detail.get("part")) for f in findings) == [
        ("missing_required", "info", "next_year_plan"),
        ("missing_required", "info", "shortcomings"),
        ("published_late", "warning", None),
        ("signed_early", "info", None),
    ]
    late = next(f for f in findings if f.code == "published_late")
    assert late.detail["publish_date"] == "2020-01-10"
    assert text[late.start:late.end] == "龙山镇关于2018年度法治政府建设工作推进情况的报告"


def test_sample_001_repeated_three(samples_dir: Path) -> None:
    text, findings = _sample_findings(samples_dir, "001")
    [repeated] = findings
    assert repeated.code == "heading_repeated"
    assert text[repeated.start:repeated.end] == "三、存在的问题"
    assert repeated.message == "第二个“三、”标题序号重复，应为“四、”"


def test_sample_002_five_has_one_and_three_but_no_two(samples_dir: Path) -> None:
    text, findings = _sample_findings(samples_dir, "002")
    [skipped] = [f for f in findings if f.code.startswith("heading_")]
    assert skipped.code == "heading_skipped"
    assert text[skipped.start:skipped.end] == "(三)自觉接受司法监督"
    assert skipped.message == "标题序号跳号：“(三)”之前缺少“(二)”"
    missing = [(f.detail["part"], f.severity) for f in findings if f.code == "missing_required"]
    assert missing == [("shortcomings", "info"), ("first_responsible", "info"), ("next_year_plan", "info")]
    assert len(findings) == 4


def test_samples_003_and_004_have_no_structure_findings(samples_dir: Path) -> None:
    assert _sample_findings(samples_dir, "003")[1] == []
    assert _sample_findings(samples_dir, "004")[1] == []


def test_metadata_without_year_or_dates_gives_only_what_can_be_known() -> None:
    [finding] = check_structure("正文", Metadata(), [], {})
    assert (finding.code, finding.severity) == ("publish_date_unknown", "info")
    assert finding.message == "未能确定公开日期，无法判断是否按时公开"


def _timeliness(metadata: Metadata) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.severity, f.message) for f in check_structure("正文", metadata, [], {})
        if f.code in ("published_late", "publish_date_unknown")
    ]


def test_without_a_publish_date_a_signature_after_the_deadline_is_late() -> None:
    [(code, severity, message)] = _timeliness(Metadata(report_year=2022, sign_date="2023-04-12"))
    assert (code, severity) == ("published_late", "warning")
    assert message == "落款日期2023年4月12日已晚于规定期限：2022年度报告应在2023年4月1日前公开"


def test_without_a_publish_date_an_issuing_date_after_the_deadline_is_late() -> None:
    [(code, _, message)] = _timeliness(Metadata(report_year=2022, sign_date="2023-03-20", issue_date="2023-04-03"))
    assert code == "published_late" and message.startswith("印发日期2023年4月3日")


def test_without_a_publish_date_an_early_signature_leaves_timeliness_unknown() -> None:
    assert _timeliness(Metadata(report_year=2022, sign_date="2023-03-20")) == [
        ("publish_date_unknown", "info", "未能确定公开日期，无法判断是否按时公开"),
    ]


def test_a_known_publish_date_gives_no_unknown_date_finding() -> None:
    assert _timeliness(Metadata(report_year=2022, publish_date="2023-03-25", sign_date="2023-04-12")) == []


def test_parts_numbered_di_yi_bu_fen_are_checked_like_any_level() -> None:
    text = _report(
        "河西区2019年法治政府建设年度报告", "2019年，我区依法行政工作取得新进展。",
        ["第一部分 主要举措和成效", "一、加强组织领导", "党政主要负责人切实履行推进法治建设第一责任人职责。",
         "第三部分 存在的不足和原因", "执法力量不足。", "第四部分 2020年工作安排", "一、加强执法监督"],
    )
    [skipped] = _findings(text)
    assert skipped.message == "标题序号跳号：“第三部分”之前缺少“第二部分”"
    assert skipped.detail == {"level": 0, "num": "三", "expected": 2}


def test_a_department_report_complete_and_on_time_gives_no_finding() -> None:
    text = _report(
        "青州市生态环境局2022年度法治政府建设工作报告", "2022年，我局全面推进依法行政，取得明显成效。", COMPLETE_PARTS,
        ["青州市生态环境局", "2023年2月15日"],
    )
    assert _findings(text, PageMeta(publish_date="2023-02-20")) == []


def test_skipped_enclosed_number_is_named_in_its_own_form() -> None:
    text = "\n\n".join([
        "明湖县2023年法治政府建设年度报告",
        "一、主要举措和成效",
        "㈠健全依法决策机制。全年召开常务会议12次。",
        "㈢深化放管服改革。",
    ])
    messages = [f.message for f in _findings(text) if f.code == "heading_skipped"]
    assert messages == ["标题序号跳号：“㈢”之前缺少“㈡”"]

"""find_required_parts(): each of the four parts found by heading or sentence, with the span that shows it."""
from __future__ import annotations

from pathlib import Path

from reviewer.analysis.clean import clean
from reviewer.analysis.model import REQUIRED_CODES, RequiredPart
from reviewer.analysis.outline import extract_sections
from reviewer.analysis.required import find_required_parts

OPENING = "2020年，我局坚持依法行政，全面推进法治政府建设，取得明显成效。"


def _parts(text: str) -> dict[str, RequiredPart]:
    return find_required_parts(text, extract_sections(text))


def _shown(text: str, part: RequiredPart) -> str | None:
    return text[part.start:part.end] if part.present else None


def _sample_parts(samples_dir: Path, prefix: str) -> tuple[str, dict[str, RequiredPart]]:
    text = clean(next(samples_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")).text
    return text, _parts(text)


def test_all_four_parts_as_headings() -> None:
    text = "\n\n".join([
        OPENING,
        "一、主要举措和成效", "全年办理行政复议案件12件。",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况", "局长带头学法4次。",
        "三、存在的不足和原因", "执法队伍力量不足。",
        "四、2021年工作安排", "继续加强执法监督。",
    ])
    parts = _parts(text)
    assert {code: (_shown(text, parts[code]), parts[code].how) for code in REQUIRED_CODES} == {
        "measures": ("一、主要举措和成效", "heading"),
        "shortcomings": ("三、存在的不足和原因", "heading"),
        "first_responsible": ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "heading"),
        "next_year_plan": ("四、2021年工作安排", "heading"),
    }


def test_other_heading_wordings_in_half_width_punctuation() -> None:
    text = "\n\n".join([
        OPENING,
        "一、2020年工作开展情况", "(一)加强组织领导", "成立领导小组。",
        "二、问题与不足", "部分执法人员能力不足。",
        "三、下一步工作打算", "加强培训。",
    ])
    parts = _parts(text)
    assert _shown(text, parts["measures"]) == "一、2020年工作开展情况"
    assert _shown(text, parts["shortcomings"]) == "二、问题与不足"
    assert _shown(text, parts["next_year_plan"]) == "三、下一步工作打算"
    assert not parts["first_responsible"].present


def test_report_organised_by_topic_has_its_first_topic_as_measures() -> None:
    text = "\n\n".join([
        OPENING,
        "一、依法全面履行政府职能", "深化放管服改革。",
        "二、严格规范公正文明执法", "开展案卷评查。",
        "三、存在的问题", "法治意识有待提高。",
    ])
    parts = _parts(text)
    assert _shown(text, parts["measures"]) == "一、依法全面履行政府职能"


def test_parts_as_sentences() -> None:
    text = "\n\n".join([
        OPENING,
        "一、依法全面履行政府职能",
        "党政主要负责人切实履行推进法治建设第一责任人职责，带头学法用法。全年组织学法4次。",
        "在取得成绩的同时，我们也清醒地看到，我局法治政府建设仍存在一些薄弱环节，执法规范化水平有待提升。",
        "下一步，我局将继续深入推进依法行政，不断提升法治政府建设水平。",
    ])
    parts = _parts(text)
    assert _shown(text, parts["first_responsible"]) == "党政主要负责人切实履行推进法治建设第一责任人职责，带头学法用法"
    assert parts["first_responsible"].how == "sentence"
    assert _shown(text, parts["shortcomings"]).startswith("在取得成绩的同时")
    assert parts["shortcomings"].how == "sentence"
    assert _shown(text, parts["next_year_plan"]) == "下一步，我局将继续深入推进依法行政，不断提升法治政府建设水平"


def test_closing_paragraph_with_next_year_counts_as_plan() -> None:
    text = "\n\n".join([OPENING, "一、工作情况", "全年开展普法活动12场。" * 5, "2021年我局将继续坚持依法行政，努力开创新局面。"])
    assert _shown(text, _parts(text)["next_year_plan"]) == "2021年我局将继续坚持依法行政，努力开创新局面"


def test_sentences_that_only_resemble_the_parts_do_not_count() -> None:
    text = "\n\n".join([
        "2020年，我局将法治建设纳入年度考核，成效明显。",
        "一、加强行政机关合同管理",
        "已签订的各类合同均正常履行，不存在违约等合同纠纷。改进工作中存在的不足，依法行政能力进一步提高。",
        "落实安全生产第一责任人制度，全年未发生事故。",
        "二、补齐工作短板，提升执法水平",
        "针对存在的问题开展专项整治。",
        "三、落实2020年工作要点完成情况",
        "各项任务均已完成。",
        "四、落实安全生产第一责任人制度",
    ])
    parts = _parts(text)
    assert _shown(text, parts["measures"]) == "三、落实2020年工作要点完成情况"
    assert not parts["shortcomings"].present
    assert not parts["first_responsible"].present
    assert not parts["next_year_plan"].present


def test_report_without_numbered_parts_has_its_first_work_paragraph_as_measures() -> None:
    text = "\n\n".join([
        "东关街道2020年度法治政府建设工作报告",
        "东关街道办事处：",
        "现将我街道2020年度法治政府建设情况报告如下：",
        "全年共开展普法宣传活动32场次，受理矛盾纠纷156件。街道党工委书记带头讲法治课2次。",
        "虽然取得了一定成绩，但我街道法治政府建设仍存在一些薄弱环节。",
    ])
    parts = _parts(text)
    assert _shown(text, parts["measures"]) == "全年共开展普法宣传活动32场次，受理矛盾纠纷156件"
    assert parts["measures"].how == "sentence"


def test_shortcomings_and_plan_alone_are_not_measures() -> None:
    text = "\n\n".join([
        "我局法治政府建设仍存在一些问题，执法队伍专业化程度不高。",
        "下一步，我局将继续坚持依法行政。",
        "一、存在的问题", "队伍不足。", "二、下一步打算", "加强培训。",
    ])
    assert not _parts(text)["measures"].present


def test_absent_parts_have_no_span() -> None:
    parts = _parts("只有一句话")
    assert all(part == RequiredPart(code, False) for code, part in parts.items())
    assert set(parts) == set(REQUIRED_CODES)


def test_sample_000_has_measures_and_first_responsible_sentence_only(samples_dir: Path) -> None:
    text, parts = _sample_parts(samples_dir, "000")
    assert _shown(text, parts["measures"]) == "一、夯实法制工作基础,提升法治建设水平"
    assert "党政主要负责人作为推进法治建设第一责任人" in _shown(text, parts["first_responsible"])
    assert parts["first_responsible"].how == "sentence"
    assert not parts["shortcomings"].present
    assert not parts["next_year_plan"].present


def test_sample_001_all_parts(samples_dir: Path) -> None:
    text, parts = _sample_parts(samples_dir, "001")
    assert _shown(text, parts["measures"]) == "一、提高政治站位,强化组织领导,细化责任落实"
    assert _shown(text, parts["shortcomings"]) == "三、存在的问题"
    assert _shown(text, parts["first_responsible"]) == "(三)全面履行主要负责人推进法治建设第一责任人职责"
    assert _shown(text, parts["next_year_plan"]) == "四、下一步打算"


def test_sample_002_only_measures(samples_dir: Path) -> None:
    text, parts = _sample_parts(samples_dir, "002")
    assert _shown(text, parts["measures"]) == "一、依法履行政府职能"
    assert [code for code in REQUIRED_CODES if parts[code].present] == ["measures"]


def test_sample_003_all_parts(samples_dir: Path) -> None:
    text, parts = _sample_parts(samples_dir, "003")
    assert _shown(text, parts["measures"]) == "一、2021年工作情况"
    assert _shown(text, parts["shortcomings"]) == "二、存在的不足"
    assert _shown(text, parts["next_year_plan"]) == "三、2022年工作计划"
    assert "“党政主要负责人履行推进法治建设第一责任人职责”" in _shown(text, parts["first_responsible"])


def test_sample_004_all_parts(samples_dir: Path) -> None:
    text, parts = _sample_parts(samples_dir, "004")
    assert _shown(text, parts["measures"]) == "一、法治政府建设工作的基本情况"
    assert _shown(text, parts["shortcomings"]) == "二、法治政府建设中存在的问题"
    assert _shown(text, parts["next_year_plan"]) == "三、2019年工作计划"
    assert parts["first_responsible"].how == "heading"
    assert _shown(text, parts["first_responsible"]).startswith("1.压实主体责任,严格执行《党政主要负责人")


def test_plan_headings_that_open_with_the_next_year_and_name_the_plan_further_on() -> None:
    for heading in ("四、2023年推进法治政府建设的主要安排", "四、2024年法治政府建设工作思路", "四、关于2024年的工作打算"):
        text = "\n\n".join([OPENING, "一、主要举措和成效", "全年办理案件12件。", heading, "继续加强执法监督。"])
        assert _shown(text, _parts(text)["next_year_plan"]) == heading


def test_a_heading_carrying_out_last_year_s_plan_is_not_a_plan() -> None:
    text = "\n\n".join([OPENING, "一、认真落实2020年法治政府建设工作要点", "各项任务均已完成。"])
    parts = _parts(text)
    assert not parts["next_year_plan"].present
    assert _shown(text, parts["measures"]) == "一、认真落实2020年法治政府建设工作要点"


def test_shortcomings_headings_pairing_two_words() -> None:
    for heading in ("三、困难和问题", "三、主要问题及原因", "三、短板弱项", "三、存在的短板和不足"):
        text = "\n\n".join([OPENING, "一、主要举措和成效", "全年办理案件12件。", heading, "执法力量不足。"])
        assert _shown(text, _parts(text)["shortcomings"]) == heading


def test_shortcomings_in_a_paragraph_of_the_measures_part() -> None:
    text = "\n\n".join([
        OPENING, "一、工作开展情况", "全年排查化解矛盾纠纷412起。"
        "但也要看到，我街道法治政府建设还存在一些短板和不足，主要是部分社区干部法治意识有待加强。",
    ])
    shown = _shown(text, _parts(text)["shortcomings"])
    assert shown == "但也要看到，我街道法治政府建设还存在一些短板和不足，主要是部分社区干部法治意识有待加强"


def test_a_sentence_that_goes_on_to_list_the_shortcomings() -> None:
    text = "\n\n".join([OPENING, "一、工作情况", "全年办理案件12件。我局法治政府建设存在的主要问题是：执法力量不足。"])
    assert _shown(text, _parts(text)["shortcomings"]) == "我局法治政府建设存在的主要问题是：执法力量不足"
    solved = "\n\n".join([OPENING, "一、工作情况", "针对存在的问题：开展专项整治。"])
    assert not _parts(solved)["shortcomings"].present


def test_unnumbered_part_headings_standing_alone() -> None:
    text = "\n\n".join([
        "青溪镇2023年度法治政府建设工作总结",
        "2023年，青溪镇全面推进法治政府建设，取得了一定成效。现总结如下：",
        "主要工作及成效", "一是加强组织领导。二是加强法治宣传，开展普法宣传活动32场次。",
        "存在的不足", "一是干部法治素养仍需提升；二是村级法律顾问作用发挥不够充分。",
        "下一步工作打算：", "一是持续深化法治宣传。",
        "青溪镇人民政府",
    ])
    parts = _parts(text)
    codes = ("measures", "shortcomings", "next_year_plan")
    assert {code: (_shown(text, parts[code]), parts[code].how) for code in codes} == {
        "measures": ("主要工作及成效", "heading"),
        "shortcomings": ("存在的不足", "heading"),
        "next_year_plan": ("下一步工作打算：", "heading"),
    }


def test_a_heading_reporting_on_last_year_s_key_work_is_measures_not_plan() -> None:
    text = "\n\n".join([
        OPENING, "一、2020年重点工作及成效", "全年办理案件12件。", "二、存在问题", "队伍不足。", "三、2021年工作安排", "加强培训。",
    ])
    parts = _parts(text)
    assert _shown(text, parts["measures"]) == "一、2020年重点工作及成效"
    assert _shown(text, parts["next_year_plan"]) == "三、2021年工作安排"


def test_problems_found_in_others_work_are_not_the_report_s_shortcomings() -> None:
    text = "\n\n".join([OPENING, "一、工作情况", "开展执法检查5次，发现存在的问题有12个，均已整改到位。"])
    assert not _parts(text)["shortcomings"].present


def test_the_first_part_reports_on_the_year_even_when_headed_like_a_plan() -> None:
    text = "\n\n".join([
        OPENING, "一、2020年度重点工作", "全年办理案件12件。", "二、存在的问题", "队伍不足。", "三、2021年工作安排", "加强培训。",
    ])
    parts = _parts(text)
    assert _shown(text, parts["measures"]) == "一、2020年度重点工作"
    assert _shown(text, parts["next_year_plan"]) == "三、2021年工作安排"

"""Metadata of reports written differently: publish-date lines, the unit without a title line, the report year."""
from __future__ import annotations

import pytest

from reviewer.analysis.model import Metadata
from reviewer.analysis.pipeline import analyze_bytes

_TITLE = "明湖区2021年法治政府建设年度报告"
_BODY = (
    "2021年，我区坚持依法行政，全面推进法治政府建设，取得明显成效。\n\n一、主要举措\n\n（一）完善制度。\n\n"
    "明湖区人民政府\n\n2022年3月1日\n"
)


def metadata(text: str) -> Metadata:
    return analyze_bytes(text.encode("utf-8"), "report.txt").metadata


def _page(header: str) -> str:
    return f"{header}\n{_TITLE}\n\n{_BODY}"


# --- publish-date lines ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "published"), [
    ("首页 > 政务公开\n时间:2022-10-14 浏览:1520次 来源:本站", "2022-10-14"),
    ("更新时间:2020/04/02 09:15:40", "2020-04-02"),
    ("栏目:通知公告 发布时间:2022-02-18", "2022-02-18"),
    ("- 发文时间:2025年02月10日\n- 成文时间:2025年01月20日", "2025-02-10"),
    ("- 成文时间:2025年01月20日\n- 发文时间:2025年02月10日", "2025-02-10"),
    ("[ 2024-03-08 ]", "2024-03-08"),
    ("【 2023-03-28 】", "2023-03-28"),
    ("发布时间：2022年03月15日 10:30 来源：明湖区司法局 【字体：大 中 小】", "2022-03-15"),
    ("信息来源：明湖区人民政府办公室  发布日期：2022-03-25  浏览次数：236", "2022-03-25"),
    ("作者：区司法局 公开时间：2023.02.27 阅读：88", "2023-02-27"),
    ("2022-03-30 16:05 来源：本网", "2022-03-30"),
    ("上网时间：2021-03-31", "2021-03-31"),
])
def test_publish_date_lines_of_many_shapes(header: str, published: str) -> None:
    meta = metadata(_page(header))
    assert meta.publish_date == published
    assert meta.unit == "明湖区"


@pytest.mark.parametrize("header", [
    "今天是:2020年6月3日 星期三",
    "今天是2020年6月3日 星期三 欢迎访问明湖区人民政府门户网站",
    "2020年6月3日 星期三",
    "时间：2020-06-03 星期三",
    "当前时间：2020-06-03 10:00:00 星期三",
])
def test_a_page_clock_is_never_the_publish_date(header: str) -> None:
    assert metadata(_page(header)).publish_date is None


def test_an_update_time_yields_to_the_publish_time() -> None:
    meta = metadata(_page("发布时间：2022-02-18 更新时间：2022-05-06 09:00:00"))
    assert meta.publish_date == "2022-02-18"


# --- the unit without a title line -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "unit", "level"), [
    ("2019年,柳州市人民政府深入贯彻落实党中央、国务院关于法治政府建设的决策部署，全面推进依法行政。\n\n一、主要举措\n",
     "柳州市", "地市"),
    ("2024年,石岭镇坚持以习近平法治思想为指导，扎实推进法治政府建设。\n\n一、主要工作\n", "石岭镇", "乡镇街道"),
    ("2017年，原国家林业局认真贯彻落实党中央、国务院决策部署，深入推进依法行政。\n\n一、主要工作\n", "原国家林业局", "部门"),
    ("2023年，农业农村部认真贯彻落实党中央决策部署，扎实推进法治政府建设。\n\n一、主要工作\n", "农业农村部", "部门"),
    ("2022年，在县委县政府的坚强领导下，我镇（青山镇）坚持依法行政。\n\n一、主要工作\n", "青山镇", "乡镇街道"),
    ("2022年，明湖县委县政府高度重视法治政府建设，全面推进依法行政。\n\n一、主要工作\n", "明湖县", "县区"),
    ("今年以来，临安区气象局紧紧围绕法治政府建设目标，依法履行气象管理职责。\n\n一、主要工作\n", "临安区气象局", "部门"),
    ("2021年，甘南藏族自治州坚持以习近平法治思想为指导，推进法治政府建设。\n\n一、主要工作\n", "甘南藏族自治州", "地市"),
    ("2020年以来，东关街道办事处认真落实法治政府建设各项任务。\n\n一、主要工作\n", "东关街道", "乡镇街道"),
])
def test_the_opening_sentence_names_the_unit(text: str, unit: str, level: str) -> None:
    meta = metadata(text)
    assert (meta.unit, meta.level) == (unit, level)


def test_a_self_reference_is_resolved_by_the_signature_of_a_report_without_headings() -> None:
    text = (
        "2022年，我镇坚持依法行政，全面推进法治政府建设，取得明显成效。\n\n我镇还存在一些不足。\n\n"
        "下一步，我镇将继续推进。\n\n青山镇人民政府\n\n2023年1月5日\n"
    )
    assert metadata(text).unit == "青山镇"


def test_a_self_reference_alone_names_no_unit() -> None:
    assert metadata("2022年，我局坚持依法行政，全面推进法治政府建设。\n\n一、主要工作\n").unit is None
    assert metadata("2022年是全面贯彻党的二十大精神的开局之年，我市坚持依法行政。\n\n一、主要工作\n").unit is None


def test_the_posting_office_is_not_the_unit_when_the_text_names_another() -> None:
    titled = "来源：明湖县司法局\n\n明湖县河西区2022年法治政府建设年度报告\n\n2022年，我区坚持依法行政，推进法治政府建设。\n\n一、主要工作\n"
    assert metadata(titled).unit == "河西区"
    opening = "来源：明湖区司法局\n\n2022年，明湖区坚持依法行政，全面推进法治政府建设。\n\n一、主要工作\n"
    assert metadata(opening).unit == "明湖区"
    whole_district = "信息来源：明湖区司法局\n\n2022年，全区坚持依法行政，全面推进法治政府建设。\n\n一、主要工作\n"
    assert metadata(whole_district).unit == "明湖区"


def test_the_posting_office_is_the_unit_when_the_report_speaks_as_that_office() -> None:
    text = "文章来源：明湖区司法局\n\n2022年，我局坚持依法行政，全面推进法治政府建设。\n\n一、主要工作\n"
    assert (metadata(text).unit, metadata(text).level) == ("明湖区司法局", "部门")


@pytest.mark.parametrize("text", [
    "江西省2022年法治政府建设年度报告\n\n2022年，全省坚持依法行政。\n\n一、主要工作\n\n省人民政府\n\n2023年3月1日\n",
    "省人民政府关于2022年法治政府建设情况的报告\n\n2022年，全省坚持依法行政。\n\n一、主要工作\n\n江西省人民政府\n\n2023年3月1日\n",
    "省人民政府关于2022年法治政府建设情况的报告\n\n2022年，江西省坚持依法行政，推进法治江西建设。\n\n一、主要工作\n",
])
def test_a_province_is_named_never_bare(text: str) -> None:
    meta = metadata(text)
    assert (meta.unit, meta.level, meta.unit_key) == ("江西省", "省", "江西省")


# --- files without page metadata -----------------------------------------------------------------------------

_PAPER = (
    "明湖县人民政府关于2022年法治政府建设情况的报告\n\n明湖市人民政府：\n\n2022年，我县坚持依法行政。\n\n"
    "一、主要举措\n\n（一）完善制度。\n\n明湖县人民政府\n\n2023年3月20日\n\n"
)


def test_the_issuing_line_after_the_signature_gives_the_issue_date() -> None:
    analysis = analyze_bytes((_PAPER + "抄送：县委办公室。\n\n明湖县人民政府办公室 2023年4月3日印发\n").encode(), "r.txt")
    assert (analysis.metadata.sign_date, analysis.metadata.issue_date) == ("2023-03-20", "2023-04-03")
    assert analysis.metadata.publish_date is None
    [late] = [f for f in analysis.findings if f.code == "published_late"]
    assert late.detail["stated_as"] == "印发"
    assert not [f for f in analysis.findings if f.code == "publish_date_unknown"]


def test_a_paper_without_dates_after_the_deadline_says_its_publish_date_is_unknown() -> None:
    analysis = analyze_bytes(_PAPER.encode(), "r.txt")
    assert analysis.metadata.issue_date is None
    [unknown] = [f for f in analysis.findings if f.code == "publish_date_unknown"]
    assert (unknown.severity, unknown.message) == ("info", "未能确定公开日期，无法判断是否按时公开")
    assert unknown.detail["sign_date"] == "2023-03-20"


def test_a_date_in_the_body_ending_with_yinfa_is_no_issue_date() -> None:
    text = _PAPER.replace("（一）完善制度。", "（一）完善制度。县政府办公室于2023年1月5日印发")
    assert metadata(text).issue_date is None


# --- the report year when the title has none -------------------------------------------------------------------

_UNDATED_TITLE = "明湖县司法局法治政府建设年度报告\n\n"


@pytest.mark.parametrize(("body", "year"), [
    ("2023年,我局坚持依法行政，全面推进法治政府建设。\n\n一、主要工作\n", 2023),
    ("2023年1月至12月，我局坚持依法行政，全面推进法治政府建设。\n\n一、主要举措\n", 2023),
    ("2023年1—12月，我局坚持依法行政，全面推进法治政府建设。\n\n一、主要举措\n", 2023),
    ("今年以来，我局坚持依法行政，全面推进法治政府建设。\n\n一、2023年推进法治政府建设的主要举措\n\n（一）加强领导。\n\n"
     "二、存在的不足\n\n三、下一步工作打算\n", 2023),
    ("今年以来，我局坚持依法行政，全面推进法治政府建设。\n\n一、主要举措\n\n（一）加强领导。\n\n二、存在的不足\n\n"
     "三、2024年工作打算\n", 2023),
    ("今年以来，我局坚持依法行政，全面推进法治政府建设。\n\n第一部分 2021年度法治政府建设工作情况\n\n一、加强领导。\n\n"
     "第二部分 2022年工作计划\n", 2021),
])
def test_the_report_year_from_the_body_when_the_title_has_none(body: str, year: int) -> None:
    assert metadata(_UNDATED_TITLE + body).report_year == year


def test_a_year_in_a_lower_heading_is_not_the_report_year() -> None:
    body = (
        "今年以来，我局坚持依法行政，全面推进法治政府建设。\n\n一、主要举措\n\n（一）2021年度督察问题整改情况\n\n"
        "二、存在的不足\n\n三、下一步工作打算\n"
    )
    assert metadata(_UNDATED_TITLE + body).report_year is None


def test_a_posting_office_without_the_place_the_text_speaks_for_is_no_unit() -> None:
    text = "文章来源：司法局\n\n关于2022年法治政府建设情况的报告\n\n2022年，我区坚持依法行政，推进法治政府建设。\n\n一、主要工作\n"
    assert metadata(text).unit is None
    posted_by_government = "信息来源：明湖区人民政府\n\n2022年，全区坚持依法行政，推进法治政府建设。\n\n一、主要工作\n"
    assert metadata(posted_by_government).unit == "明湖区"


@pytest.mark.parametrize(("header", "published"), [
    ("时间 2022-10-14", "2022-10-14"),
    ("2022年03月30日 来源：明湖区司法局", "2022-03-30"),
])
def test_publish_dates_written_without_a_colon_or_the_web_way(header: str, published: str) -> None:
    assert metadata(_page(header)).publish_date == published


def test_a_web_date_on_the_title_line_is_the_publish_date() -> None:
    meta = metadata(f"{_TITLE} 2022-03-30\n\n{_BODY}")
    assert (meta.title, meta.publish_date) == (_TITLE, "2022-03-30")
    dated = metadata(f"{_TITLE}\n\n{_BODY}")
    assert dated.publish_date is None


def test_a_paper_date_under_the_title_stays_its_sign_date() -> None:
    text = f"{_TITLE}\n（2022年3月1日）\n\n2021年，我区坚持依法行政，全面推进法治政府建设，取得明显成效。\n\n一、主要举措\n"
    meta = metadata(text)
    assert (meta.publish_date, meta.sign_date) == (None, "2022-03-01")
